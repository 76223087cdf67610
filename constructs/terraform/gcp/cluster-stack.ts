import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { ContainerNodePool } from '@cdktf/provider-google/lib/container-node-pool';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { Construct } from 'constructs';
import { ARGOCD_API_SERVICE_ACCOUNTS, ARGOCD_NAMESPACE } from '../../argocd/constants';
import { managementOf } from '../../argocd/management-cluster';
import { VELERO_WORKLOAD } from '../../core/backup-contract';
import { FLUENT_BIT_WORKLOAD, gcpWorkloadServiceAccountId, POLICY_REPORTER_WORKLOAD, TERRAFORM_DRIFT_WORKLOAD } from '../../core/observability-contract';
import type { Tier } from '../../core/tier';
import type { ClusterSpec, GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { clusterStackName } from '../stack-names';
import { type OutputShape, publishOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import type { TerraformEnvironment } from '../terraform-environment';
import { ArgoCdGoogleFederation } from './argocd-federation';
import { federatesWithGoogle } from './argocd-google-federation';
import { grantBillingAccess } from './billing-account-access';
import { grantTerraformRead } from './ci-identities';
import { CustomerManagedKey } from './customer-managed-key';
import { GCP_FOUNDATION_OUTPUTS, type GcpFoundationStack } from './foundation-stack';
import { GcpStack } from './gcp-stack';
import { gkeIpRanges } from './gke-ip-ranges';
import { GCP_NETWORK_OUTPUTS, type GcpNetworkStack } from './network-stack';
import { serviceAccountId } from './service-account-id';
import { GkeVeleroIdentity } from './velero-identity';
import { GkeWorkloadServiceAccount } from './workload-service-account';

/** What a GKE cluster publishes for registering it in Argo CD. */
export const GCP_CLUSTER_OUTPUTS = {
  endpoint: 'string',
  ca_certificate: 'string',
  argocd_service_account: 'string',
  workload_pool: 'string',
  terraform_drift_service_account: 'string',
  policy_reporter_service_account: 'string',
  fluent_bit_service_account: 'string',
  velero_service_account: 'string',
} as const satisfies OutputShape;

/**
 * Kubernetes service accounts of Argo CD (the Helm chart's names) that call the cluster's API and
 * so run `argocd-k8s-auth gcp` as the Google service account.
 */
export const ARGOCD_KUBERNETES_SERVICE_ACCOUNTS: readonly string[] = ARGOCD_API_SERVICE_ACCOUNTS;

/**
 * Project roles of the node service account instead of the Compute Engine default account (which
 * holds Editor): `container.defaultNodeServiceAccount` is what GKE documents as the minimum for
 * nodes (logs, metrics, metadata); `artifactregistry.reader` lets nodes pull the project's images.
 */
export const NODE_ROLES: readonly string[] = ['roles/container.defaultNodeServiceAccount', 'roles/artifactregistry.reader'];

/**
 * Control-plane logs beyond the defaults: API server (audit trail of every request),
 * controller manager and scheduler, next to system components. Not WORKLOADS: container logs are
 * shipped by the Fluent Bit add-on (with the env and cluster fields every cloud gets), and GKE's
 * own collection would store and bill every line twice.
 */
export const CLUSTER_LOG_COMPONENTS: readonly string[] = ['SYSTEM_COMPONENTS', 'APISERVER', 'CONTROLLER_MANAGER', 'SCHEDULER'];

/**
 * Ports on the nodes the control plane must reach for admission webhooks. GKE's own firewall rule
 * for a private cluster opens only 443 and 10250 from the control plane; a webhook served on
 * another port times out and, failing closed, blocks every matching API request. 9443: Kyverno.
 */
export const WEBHOOK_PORTS: readonly string[] = ['9443'];

/**
 * Release channel per tier: production takes STABLE (versions that have soaked longest), others
 * REGULAR (the GKE default), so non-production clusters meet each version first. Clusters on a
 * channel are upgraded automatically; `kubernetesVersion` of the spec is the minimum.
 */
export function releaseChannel(tier: Tier): 'STABLE' | 'REGULAR' {
  return tier === 'production' ? 'STABLE' : 'REGULAR';
}

export interface GcpClusterStackProps {
  readonly spec: TerraformEnvironment;
  readonly cluster: GkeClusterSpec;
  /** The cluster's network stack; its outputs are read through remote state. */
  readonly network: GcpNetworkStack;
  /** The environment's foundation: the state bucket the drift check reads, the report bucket. */
  readonly foundation: GcpFoundationStack;
}

/**
 * One GKE cluster: regional, VPC-native, private nodes, Dataplane V2 (network policy enforced),
 * shielded nodes, workload identity, Kubernetes secrets encrypted with a customer-managed key,
 * control-plane logs, one autoscaled node pool running as a least-privilege service account, and
 * the firewall opening that lets the private control plane call admission webhooks on the nodes.
 * A Google service account for Argo CD (`argocd-<cluster>`) is bound to Argo CD's Kubernetes
 * service accounts through workload identity: Argo CD registers the cluster with
 * `argocd-k8s-auth gcp` and never holds a key.
 *
 * Four more service accounts, each impersonated by exactly one Kubernetes service account (ids
 * from the observability contract, `gcpWorkloadServiceAccountId`):
 * - `terraform-drift` runs `terraform plan -lock=false` of every GCP stack: the CI plan identity's
 *   project roles and read of the state bucket (`grantTerraformRead`), read of the budget on the
 *   billing account (`roles/billing.viewer`), no lock and no write;
 * - `policy-reporter` may only create objects in the foundation's report bucket
 *   (`roles/storage.objectCreator`, which cannot overwrite or delete);
 * - `fluent-bit` may only write log entries to the project (`roles/logging.logWriter`, the
 *   predefined role holding `logging.logEntries.create` and nothing that reads or configures);
 * - `velero` reads and writes the cluster's prefix of the backup bucket (`GkeVeleroIdentity`).
 *
 * The cluster is `deletion_protection`: destroying it needs a reviewed change that turns it off.
 */
export class GcpClusterStack extends GcpStack {
  readonly cluster: ContainerCluster;
  readonly nodePool: ContainerNodePool;
  readonly argocd: ServiceAccount;
  readonly terraformDrift: GkeWorkloadServiceAccount;
  readonly policyReporter: GkeWorkloadServiceAccount;
  readonly fluentBit: GkeWorkloadServiceAccount;
  readonly velero: GkeVeleroIdentity;

  constructor(scope: Construct, id: string, props: GcpClusterStackProps) {
    const { spec, cluster: gke } = props;
    super(scope, id, { spec, stackName: clusterStackName('gcp', gke.name), region: gke.region });
    const projectId = this.project.projectId;
    const at = `${spec.name}: ${this.stackName}`;
    if (gke.projectId !== projectId) {
      throw new Error(
        `${at}: cluster ${gke.name} is in project '${gke.projectId}' but the environment's GCP project is '${projectId}'; ` +
          'the state, the CI identities and the APIs are in clouds.gcp (put the cluster in that project)',
      );
    }
    // A /0 (0.0.0.0/0) authorized network would open the API server to the whole internet.
    const open = gke.apiAccess.allowedCidrs.filter((cidr) => cidr.trim().endsWith('/0'));
    if (open.length > 0) {
      throw new Error(`${at}: apiAccess.allowedCidrs contains ${open.join(', ')}, which opens the API server to the internet (list the admin ranges only)`);
    }
    // Argo CD on another cloud calls the public endpoint from its cluster's static egress address.
    const management = managementOf(spec);
    const federated = federatesWithGoogle(spec, gke);
    const argocdEgress = federated ? [`${egressIpOf(spec.name, management)}/32`] : [];
    if (federated && gke.apiAccess.privateEndpoint) {
      throw new Error(
        `${at}: Argo CD runs on ${management.name} (${management.cloud}) and reaches ${gke.name} through its public endpoint, ` +
          "which apiAccess.privateEndpoint: true removes (set privateEndpoint: false; the authorised networks admit the admin CIDRs and Argo CD's egress only)",
      );
    }
    const ranges = gkeIpRanges(gke);
    const network = this.readStack('network', props.network, GCP_NETWORK_OUTPUTS);
    const foundation = this.readStack('foundation', props.foundation, GCP_FOUNDATION_OUTPUTS);
    const labels = standardTags(spec);
    const workloadPool = `${projectId}.svc.id.goog`;

    const project = new DataGoogleProject(this, 'project', { projectId });
    const secretsKey = new CustomerManagedKey(this, 'secrets-key', {
      keyRing: `${gke.name}-gke`,
      key: 'secrets',
      // GKE application-layer secrets encryption needs the key in the cluster's region.
      location: gke.region,
      users: [{ id: 'gke-agent', member: `serviceAccount:service-${project.number}@container-engine-robot.iam.gserviceaccount.com` }],
    });

    const nodes = new ServiceAccount(this, 'nodes', {
      accountId: serviceAccountId('gke', gke.name),
      displayName: `GKE nodes of ${gke.name}`,
    });
    const nodeRoles = NODE_ROLES.map(
      (role) => new ProjectIamMember(this, `nodes-${role.replace(/^roles\//, '').replace(/\./g, '-')}`, { project: projectId, role, member: nodes.member }),
    );
    const nodeConfig = {
      machineType: gke.nodePool.machineType,
      serviceAccount: nodes.email,
      // Access is decided by the service account's IAM roles; the broad scope only stops the
      // legacy scope mechanism from narrowing it further.
      oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
      imageType: 'COS_CONTAINERD',
      // Pods see the GKE metadata server: workload identity instead of the node's credentials.
      workloadMetadataConfig: { mode: 'GKE_METADATA' },
      shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
      resourceLabels: { ...labels },
    };

    this.cluster = new ContainerCluster(this, 'cluster', {
      name: gke.name,
      description: `${spec.name} ${gke.role} cluster`,
      location: gke.region,
      network: network.network_self_link,
      subnetwork: network.subnet_self_link,
      networkingMode: 'VPC_NATIVE',
      // The default pool cannot be configured after creation: create it small, delete it, and run
      // the node pool below. Its node_config only applies to that transient pool (which must not
      // run as the Compute Engine default account either) and is ignored afterwards.
      removeDefaultNodePool: true,
      initialNodeCount: 1,
      nodeConfig,
      minMasterVersion: gke.kubernetesVersion,
      releaseChannel: { channel: releaseChannel(spec.tier) },
      privateClusterConfig: {
        enablePrivateNodes: true,
        enablePrivateEndpoint: gke.apiAccess.privateEndpoint,
        masterIpv4CidrBlock: ranges.controlPlane,
      },
      masterAuthorizedNetworksConfig: {
        cidrBlocks: [
          ...gke.apiAccess.allowedCidrs.map((cidr) => ({ cidrBlock: cidr, displayName: `allowed ${cidr}` })),
          ...argocdEgress.map((cidr) => ({ cidrBlock: cidr, displayName: `Argo CD on ${management.name}` })),
        ],
        // Not every address of Google Cloud: only the listed ranges.
        gcpPublicCidrsAccessEnabled: false,
      },
      ipAllocationPolicy: {
        clusterSecondaryRangeName: network.pods_range_name,
        servicesSecondaryRangeName: network.services_range_name,
      },
      workloadIdentityConfig: { workloadPool },
      databaseEncryption: { state: 'ENCRYPTED', keyName: secretsKey.key.id },
      loggingConfig: { enableComponents: [...CLUSTER_LOG_COMPONENTS] },
      monitoringConfig: {
        enableComponents: ['SYSTEM_COMPONENTS', 'APISERVER', 'CONTROLLER_MANAGER', 'SCHEDULER'],
        managedPrometheus: { enabled: true },
      },
      // Dataplane V2 (eBPF): enforces NetworkPolicy without the Calico add-on (and must not be
      // combined with the `network_policy` block).
      datapathProvider: 'ADVANCED_DATAPATH',
      enableShieldedNodes: true,
      masterAuth: { clientCertificateConfig: { issueClientCertificate: false } },
      deletionProtection: true,
      lifecycle: { ignoreChanges: ['node_config'] },
      // GKE checks at creation that its service agent can use the key.
      dependsOn: [...secretsKey.grants],
    });

    new ComputeFirewall(this, 'webhooks', {
      name: `${gke.name}-webhooks`,
      description: `Control plane of ${gke.name} to admission webhooks on its nodes`,
      network: network.network_self_link,
      direction: 'INGRESS',
      sourceRanges: [ranges.controlPlane],
      targetServiceAccounts: [nodes.email],
      allow: [{ protocol: 'tcp', ports: [...WEBHOOK_PORTS] }],
    });

    this.nodePool = new ContainerNodePool(this, 'node-pool', {
      name: 'primary',
      cluster: this.cluster.id,
      location: gke.region,
      // Totals across the region's zones (min/max_node_count would be per zone).
      autoscaling: {
        totalMinNodeCount: gke.nodePool.minNodes,
        totalMaxNodeCount: gke.nodePool.maxNodes,
        locationPolicy: 'BALANCED',
      },
      management: { autoRepair: true, autoUpgrade: true },
      upgradeSettings: { maxSurge: 1, maxUnavailable: 0 },
      nodeConfig,
      dependsOn: nodeRoles,
    });

    this.argocd = new ServiceAccount(this, 'argocd', {
      accountId: serviceAccountId('argocd', gke.name),
      displayName: `Argo CD access to ${gke.name}`,
      description: 'Impersonated by Argo CD through workload identity (argocd-k8s-auth gcp)',
    });
    // GKE has no per-cluster IAM: the grant covers every cluster of the project, which holds
    // only this environment's clusters. container.admin because Argo CD installs CRDs, RBAC and
    // cluster-wide add-ons; its own AppProjects narrow what each application may touch.
    new ProjectIamMember(this, 'argocd-container-admin', { project: projectId, role: 'roles/container.admin', member: this.argocd.member });
    if (federated && management.cloud === 'azure') {
      // Argo CD runs outside GKE: its tokens come from the management cluster's issuer.
      new ArgoCdGoogleFederation(this, 'argocd-federation', { cluster: gke, management, serviceAccountName: this.argocd.name });
    } else {
      // Argo CD runs on a GKE cluster of this project: GKE's own workload pool admits its tokens.
      for (const ksa of ARGOCD_KUBERNETES_SERVICE_ACCOUNTS) {
        new ServiceAccountIamMember(this, `argocd-${ksa.replace(/^argocd-/, '')}`, {
          serviceAccountId: this.argocd.name,
          role: 'roles/iam.workloadIdentityUser',
          member: `serviceAccount:${workloadPool}[${ARGOCD_NAMESPACE}/${ksa}]`,
          // The project's workload pool exists once a cluster with workload identity does.
          dependsOn: [this.cluster],
        });
      }
    }

    // The project's workload pool exists once a cluster with workload identity does.
    const inPool = { workloadPool, dependsOn: [this.cluster] };
    this.terraformDrift = new GkeWorkloadServiceAccount(this, 'terraform-drift', {
      ...inPool,
      accountId: gcpWorkloadServiceAccountId(gke, 'terraform-drift'),
      displayName: `Terraform drift check on ${gke.name}`,
      description: 'Read-only terraform plan -lock=false of every GCP stack of the environment',
      workload: TERRAFORM_DRIFT_WORKLOAD,
    });
    grantTerraformRead(this, 'terraform-drift', { projectId, member: this.terraformDrift.member, stateBucket: foundation.state_bucket });
    // The foundation's budget is refreshed by every plan of it: without this, each run ends in 403.
    grantBillingAccess(this, 'terraform-drift-billing', { billingAccount: this.project.billingAccount, member: this.terraformDrift.member, access: 'read-budget' });

    this.policyReporter = new GkeWorkloadServiceAccount(this, 'policy-reporter', {
      ...inPool,
      accountId: gcpWorkloadServiceAccountId(gke, 'policy-reporter'),
      displayName: `policy-reporter on ${gke.name}`,
      description: 'Uploads the compliance reports of the cluster to the report bucket',
      workload: POLICY_REPORTER_WORKLOAD,
    });
    new StorageBucketIamMember(this, 'policy-reporter-reports', {
      bucket: foundation.report_bucket,
      // Create only: no read, overwrite or delete of any report.
      role: 'roles/storage.objectCreator',
      member: this.policyReporter.member,
    });

    this.fluentBit = new GkeWorkloadServiceAccount(this, 'fluent-bit', {
      ...inPool,
      accountId: gcpWorkloadServiceAccountId(gke, 'fluent-bit'),
      displayName: `Fluent Bit on ${gke.name}`,
      description: 'Writes the container logs of the cluster to Cloud Logging',
      workload: FLUENT_BIT_WORKLOAD,
    });
    // Log entries are written to a project (entries.write checks logging.logEntries.create there):
    // there is no narrower resource to grant writing on.
    new ProjectIamMember(this, 'fluent-bit-log-writer', { project: projectId, role: 'roles/logging.logWriter', member: this.fluentBit.member });

    this.velero = new GkeVeleroIdentity(this, 'velero', { ...inPool, cluster: gke, bucket: foundation.backup_bucket });

    publishOutputs(
      this,
      GCP_CLUSTER_OUTPUTS,
      {
        endpoint: this.cluster.endpoint,
        ca_certificate: this.cluster.masterAuth.clusterCaCertificate,
        argocd_service_account: this.argocd.email,
        workload_pool: this.cluster.workloadIdentityConfig.workloadPool,
        terraform_drift_service_account: this.terraformDrift.account.email,
        policy_reporter_service_account: this.policyReporter.account.email,
        fluent_bit_service_account: this.fluentBit.account.email,
        velero_service_account: this.velero.account.email,
      },
      {
        endpoint: `API server address of ${gke.name} (private when apiAccess.privateEndpoint)`,
        ca_certificate: `Base64 PEM CA bundle of the API server of ${gke.name} (public)`,
        argocd_service_account: 'Google service account Argo CD impersonates to reach the cluster',
        workload_pool: 'Workload identity pool of the project',
        terraform_drift_service_account: 'Google service account of the drift check (iam.gke.io/gcp-service-account of terraform-drift/terraform-drift)',
        policy_reporter_service_account: 'Google service account of policy-reporter (iam.gke.io/gcp-service-account of policy-reporter/policy-reporter)',
        fluent_bit_service_account: `Google service account of Fluent Bit (iam.gke.io/gcp-service-account of ${FLUENT_BIT_WORKLOAD.namespace}/${FLUENT_BIT_WORKLOAD.serviceAccount})`,
        velero_service_account: `Google service account of Velero (iam.gke.io/gcp-service-account of ${VELERO_WORKLOAD.namespace}/${VELERO_WORKLOAD.serviceAccount}; the location's serviceAccount)`,
      },
    );
  }
}

/** The static egress address of the cluster Argo CD runs on, as the spec records it. */
function egressIpOf(environment: string, management: ClusterSpec): string {
  if (management.cloud === 'azure') return management.egressIp;
  throw new Error(
    `${environment}: Argo CD runs on ${management.name} (${management.cloud}), which has no static egress address in the spec, ` +
      'so no GKE authorised network can admit it (run Argo CD on AKS or GKE, or add the egress address of that cloud first)',
  );
}
