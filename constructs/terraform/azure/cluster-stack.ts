import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { Construct } from 'constructs';
import { VELERO_WORKLOAD } from '../../core/backup-contract';
import { POLICY_REPORTER_WORKLOAD, TERRAFORM_DRIFT_WORKLOAD, workloadIdentityName } from '../../core/observability-contract';
import type { Tier } from '../../core/tier';
import type { AksClusterSpec } from '../../kubernetes/cluster-spec';
import type { AzureSubscription } from '../cloud-accounts';
import type { ClusterStackInputs } from '../cloud-estate';
import { Ipv4Cidr } from '../ipv4-cidr';
import { ReadableNamesStack } from '../readable-names-stack';
import { clusterStackName } from '../stack-names';
import { publishOutputs, readOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import type { TerraformEnvironment } from '../terraform-environment';
import { ArgoCdIdentity } from './argocd-identity';
import { availabilityZones } from './availability-zones';
import { addAzureProvider, tagEveryResource } from './azure-provider';
import { addAzurermStateBackend, azureRemoteState } from './azurerm-state-backend';
import { EncryptionKeyVault } from './encryption-key-vault';
import { AZURE_FOUNDATION_OUTPUTS, type AzureFoundationStack } from './foundation-stack';
import { clusterResourceGroupName, kmsKeyVaultName, nodeResourceGroupName } from './names';
import { AZURE_NETWORK_OUTPUTS, type AzureNetworkStack } from './network-stack';
import { AzureRole, terraformReadGrants } from './roles';
import { veleroGrants } from './velero-grants';
import { KubernetesWorkloadIdentity } from './workload-identity';

/** What a cluster stack publishes (Argo CD registration, workload clusters' federation). */
export const AZURE_CLUSTER_OUTPUTS = {
  cluster_id: 'string',
  endpoint: 'string',
  oidc_issuer_url: 'string',
  argocd_client_id: 'string',
  terraform_drift_client_id: 'string',
  policy_reporter_client_id: 'string',
  velero_client_id: 'string',
  egress_ip: 'string',
} as const;

/**
 * Overlay address ranges of pods and services (AKS's defaults, written out so that the overlap
 * check below sees them). They never appear on the VNet but must not overlap it.
 */
const POD_CIDR = '10.244.0.0/16';
const SERVICE_CIDR = '10.0.0.0/16';
const DNS_SERVICE_IP = '10.0.0.10';

/** Control-plane log categories sent to the workspace: API server, admin audit, Entra ID authn. */
export const CONTROL_PLANE_LOGS = ['kube-apiserver', 'kube-audit-admin', 'guard'] as const;

/** Whose OIDC issuer Argo CD's service account tokens come from. */
export type ArgoCdIssuer =
  /** Argo CD runs on this cluster (the management cluster). */
  | { readonly kind: 'self' }
  /** Argo CD runs on another AKS cluster of the environment, whose cluster stack publishes it. */
  | { readonly kind: 'aks-cluster'; readonly stack: AzureClusterStack };

export interface AzureClusterStackProps {
  /** The organisation's prefix of globally unique names (`infrastructure.organisationPrefix`), for the state storage account's name. */
  readonly organisationPrefix: string;
  readonly environment: string;
  /** Production gets the paid control-plane tier (uptime SLA). */
  readonly tier: Tier;
  readonly subscription: AzureSubscription;
  readonly tags: Readonly<Record<string, string>>;
  readonly cluster: AksClusterSpec;
  /** The environment's foundation: state store, report container and log workspace. */
  readonly foundation: AzureFoundationStack;
  /** The cluster's network stack: its node subnet. */
  readonly network: AzureNetworkStack;
  readonly argocdIssuer: ArgoCdIssuer;
}

/**
 * One AKS cluster: Entra ID authentication with Azure RBAC and no local accounts, OIDC issuer and
 * workload identity, Kubernetes secrets encrypted in etcd with a rotating key of its own (KMS),
 * the API server private or limited to the spec's allow list, an autoscaled node pool in the
 * network stack's subnet, control-plane logs in the foundation's workspace, and the identity Argo
 * CD manages it as. Cross-stack values (subnet, workspace, management issuer, state and report
 * containers) come only from the remote state of the stacks that own them.
 *
 * Three more identities federated with this cluster's own issuer, one Kubernetes service account each
 * (names from the observability contract; their client ids are the spec's `workloadClientIds`,
 * copied from this stack's outputs after the first apply):
 * - `terraform-drift` runs `terraform plan -lock=false` of every Azure stack: what the CI plan
 *   identity reads (`terraformReadGrants`, Storage Blob Data Reader on the state container included),
 *   no lease (lock) and no write;
 * - `policy-reporter` uploads the compliance reports: Storage Blob Data Contributor on the report
 *   container only;
 * - `velero` writes and reads the cluster's backups (`veleroGrants`).
 *
 * Fluent Bit gets no identity here (unlike EKS and GKE): its `azure_logs_ingestion` output (3.2)
 * authenticates with an Entra application's client secret only, which this estate does not create
 * (no azuread provider); see AZURE_LOGS_SECRET in platform/addons/fluent-bit-destinations.ts.
 */
export class AzureClusterStack extends ReadableNamesStack {
  static propsFromSpec(
    spec: TerraformEnvironment,
    cluster: AksClusterSpec,
    stacks: ClusterStackInputs<AzureFoundationStack, AzureNetworkStack, AzureClusterStack>,
  ): AzureClusterStackProps {
    const subscription = spec.clouds.azure;
    if (subscription === undefined) throw new Error(`${spec.name}: cluster ${cluster.name} is on AKS but clouds.azure is not set`);
    return {
      organisationPrefix: spec.infrastructure.organisationPrefix,
      environment: spec.name,
      tier: spec.tier,
      subscription,
      tags: standardTags(spec),
      cluster,
      foundation: stacks.foundation,
      network: stacks.network,
      argocdIssuer: argocdIssuerOf(spec, cluster, stacks.management?.cluster),
    };
  }

  /** `azure-cluster-<cluster>`: the dist folder and the state blob key. */
  readonly stackName: string;
  readonly cluster: KubernetesCluster;
  /** The static address the cluster's pods leave through (the spec's `egressIp`). */
  readonly egressIp: PublicIp;
  readonly argocd: ArgoCdIdentity;
  readonly terraformDrift: KubernetesWorkloadIdentity;
  readonly policyReporter: KubernetesWorkloadIdentity;
  /** Velero's identity (`VELERO_WORKLOAD`): the backup container (see `veleroGrants`). */
  readonly velero: KubernetesWorkloadIdentity;

  constructor(scope: Construct, id: string, props: AzureClusterStackProps) {
    super(scope, id, `${props.environment}: ${id}`);
    const { cluster, subscription, environment } = props;
    const { apiAccess, nodePool } = cluster;
    const location = cluster.region;
    assertNoOverlayOverlap(cluster);

    addAzureProvider(this, subscription);
    this.stackName = clusterStackName('azure', cluster.name);
    const { organisationPrefix } = props;
    addAzurermStateBackend(this, { organisationPrefix, environment, subscription, stackName: this.stackName });
    const state = (stackName: string, remoteId: string) => azureRemoteState(this, remoteId, { organisationPrefix, environment, subscription, stackName });
    const foundation = readOutputs(state(props.foundation.stackName, 'foundation'), AZURE_FOUNDATION_OUTPUTS);
    const network = readOutputs(state(props.network.stackName, 'network'), AZURE_NETWORK_OUTPUTS);

    const group = new ResourceGroup(this, 'resource-group', { name: clusterResourceGroupName(cluster.name), location });
    const inGroup = { resourceGroupName: group.name, location };

    // User-assigned: KMS refuses a system-assigned identity, which would not exist before the
    // cluster and so could not hold its key role in time.
    const controlPlane = new UserAssignedIdentity(this, 'control-plane-identity', { ...inGroup, name: `id-${cluster.name}-control-plane` });

    const kms = new EncryptionKeyVault(this, 'kms', {
      ...inGroup,
      name: kmsKeyVaultName(cluster.name, subscription),
      tenantId: subscription.tenantId,
      firewall: {
        kind: 'open',
        reason:
          'the AKS KMS plugin reaches a public vault from the control plane and does not support a vault firewall ' +
          '(a private vault needs API server VNet integration); RBAC authorization still limits access to the cluster identity',
      },
      keyName: 'etcd',
      // The KMS plugin encrypts and decrypts the data encryption keys of Kubernetes secrets.
      keyOperations: ['encrypt', 'decrypt'],
    });
    const kmsAccess = new RoleAssignment(this, 'kms-key-access', {
      principalId: controlPlane.principalId,
      principalType: 'ServicePrincipal',
      roleDefinitionName: AzureRole.keyVaultCryptoUser,
      // Versionless: the grant covers every version of the key, the one AKS uses before the next
      // apply and the rotated one after it (a grant on the versioned `resource_id` would be
      // replaced at each rotation and would not cover the version AKS still uses meanwhile).
      scope: kms.key.resourceVersionlessId,
    });
    // AKS joins the nodes and its load balancer to the subnet with the control-plane identity.
    const subnetAccess = new RoleAssignment(this, 'subnet-access', {
      principalId: controlPlane.principalId,
      principalType: 'ServicePrincipal',
      roleDefinitionName: AzureRole.networkContributor,
      scope: network.node_subnet_id,
    });

    const production = props.tier === 'production';
    const zones = availabilityZones(location);
    // Pods leave through the load balancer's outbound rule on this address, ours rather than one
    // AKS picks, so that it can be allowed where the cluster calls (GKE authorised networks, the
    // state account and Key Vault firewalls: the spec's `egressIp`). AKS uses a user-provided
    // outbound IP only with rights on it (learn.microsoft.com/azure/aks/load-balancer-standard,
    // "Provide your own outbound public IPs"); Standard SKU and static, as the Standard LB needs.
    this.egressIp = new PublicIp(this, 'egress-ip', {
      ...inGroup,
      name: `pip-${cluster.name}-egress`,
      allocationMethod: 'Static',
      sku: 'Standard',
      // Zone-redundant where the region has zones, like the node pools it serves.
      ...(zones.length > 0 ? { zones: [...zones] } : {}),
    });
    const egressAccess = new RoleAssignment(this, 'egress-ip-access', {
      principalId: controlPlane.principalId,
      principalType: 'ServicePrincipal',
      roleDefinitionName: AzureRole.networkContributor,
      scope: this.egressIp.id,
    });
    this.cluster = new KubernetesCluster(this, 'cluster', {
      ...inGroup,
      name: cluster.name,
      dnsPrefix: cluster.name,
      nodeResourceGroup: nodeResourceGroupName(cluster.name),
      kubernetesVersion: cluster.kubernetesVersion,
      automaticUpgradeChannel: 'patch',
      nodeOsUpgradeChannel: 'NodeImage',
      skuTier: production ? 'Standard' : 'Free',
      privateClusterEnabled: apiAccess.privateEndpoint,
      // A private API server has no public address to allow ranges on (AKS refuses both at once).
      apiServerAccessProfile: apiAccess.privateEndpoint ? undefined : { authorizedIpRanges: [...apiAccess.allowedCidrs] },
      // `az aks command invoke` would reach the API server around the network restrictions.
      runCommandEnabled: false,
      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, tenantId: cluster.tenantId },
      oidcIssuerEnabled: true,
      workloadIdentityEnabled: true,
      identity: { type: 'UserAssigned', identityIds: [controlPlane.id] },
      // Versioned key id, the only form AKS takes: azurerm 4.55 validates `key_vault_key_id` with
      // `keyVaultValidate.NestedItemId` (version required; hashicorp/terraform-provider-azurerm,
      // internal/services/containers/kubernetes_cluster_resource.go), unlike the storage account's
      // `NestedItemIdWithOptionalVersion`. `id` is refreshed to the newest version after Key Vault
      // rotates the key (every KEY_ROTATION.rotateAfter), so the next plan shows the cluster moving
      // to it (the drift check reports it) and the apply rotates the KMS key (AKS re-encrypts the
      // secrets). The old version stays usable for KEY_ROTATION.expireAfter, far longer than the
      // time to that apply.
      keyManagementService: { keyVaultKeyId: kms.key.id, keyVaultNetworkAccess: 'Public' },
      defaultNodePool: {
        name: 'system',
        vmSize: nodePool.machineType,
        autoScalingEnabled: true,
        minCount: nodePool.minNodes,
        maxCount: nodePool.maxNodes,
        vnetSubnetId: network.node_subnet_id,
        orchestratorVersion: cluster.kubernetesVersion,
        // Every pool is spread over the region's zones where it has them, whatever the tier: a
        // zonal outage must not take the only system pool (CoreDNS, Argo CD on the management
        // cluster) with it. Validation refuses production in a region without zones.
        ...(zones.length > 0 ? { zones: [...zones] } : {}),
        // Lets a change of VM size replace the pool through a temporary one instead of failing.
        temporaryNameForRotation: 'systemtmp',
        upgradeSettings: { maxSurge: '10%' },
      },
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        networkPolicy: 'calico',
        podCidr: POD_CIDR,
        serviceCidr: SERVICE_CIDR,
        dnsServiceIp: DNS_SERVICE_IP,
        loadBalancerSku: 'standard',
        outboundType: 'loadBalancer',
        loadBalancerProfile: { outboundIpAddressIds: [this.egressIp.id] },
      },
      dependsOn: [kmsAccess, subnetAccess, egressAccess],
    });

    new MonitorDiagnosticSetting(this, 'control-plane-logs', {
      name: 'control-plane-logs',
      targetResourceId: this.cluster.id,
      logAnalyticsWorkspaceId: foundation.log_analytics_workspace_id,
      // Resource-specific tables (AKSAudit, AKSControlPlane) instead of the shared AzureDiagnostics.
      logAnalyticsDestinationType: 'Dedicated',
      enabledLog: CONTROL_PLANE_LOGS.map((category) => ({ category })),
    });

    const argocdIssuerUrl =
      props.argocdIssuer.kind === 'self'
        ? this.cluster.oidcIssuerUrl
        : readOutputs(state(props.argocdIssuer.stack.stackName, 'management-cluster'), AZURE_CLUSTER_OUTPUTS).oidc_issuer_url;
    this.argocd = new ArgoCdIdentity(this, 'argocd', {
      ...inGroup,
      clusterName: cluster.name,
      clusterId: this.cluster.id,
      argocdIssuerUrl,
    });

    const ownIssuer = { ...inGroup, issuerUrl: this.cluster.oidcIssuerUrl };
    this.terraformDrift = new KubernetesWorkloadIdentity(this, 'terraform-drift', {
      ...ownIssuer,
      name: workloadIdentityName(cluster, 'terraform-drift'),
      serviceAccounts: [TERRAFORM_DRIFT_WORKLOAD],
      grants: terraformReadGrants(subscription.subscriptionId, foundation.state_container_id),
    });
    this.policyReporter = new KubernetesWorkloadIdentity(this, 'policy-reporter', {
      ...ownIssuer,
      name: workloadIdentityName(cluster, 'policy-reporter'),
      serviceAccounts: [POLICY_REPORTER_WORKLOAD],
      grants: [{ id: 'reports', role: AzureRole.storageBlobDataContributor, scope: foundation.report_container_id }],
    });
    this.velero = new KubernetesWorkloadIdentity(this, 'velero', {
      ...ownIssuer,
      name: workloadIdentityName(cluster, 'velero'),
      serviceAccounts: [VELERO_WORKLOAD],
      grants: veleroGrants(foundation),
    });

    const host = apiAccess.privateEndpoint ? this.cluster.privateFqdn : this.cluster.fqdn;
    publishOutputs(
      this,
      AZURE_CLUSTER_OUTPUTS,
      {
        cluster_id: this.cluster.id,
        endpoint: `https://${host}:443`,
        oidc_issuer_url: this.cluster.oidcIssuerUrl,
        argocd_client_id: this.argocd.identity.clientId,
        terraform_drift_client_id: this.terraformDrift.identity.clientId,
        policy_reporter_client_id: this.policyReporter.identity.clientId,
        velero_client_id: this.velero.identity.clientId,
        egress_ip: this.egressIp.ipAddress,
      },
      {
        cluster_id: `Resource Manager id of ${cluster.name}`,
        endpoint: `API server URL of ${cluster.name} (the spec's apiServer)`,
        oidc_issuer_url: `OIDC issuer of ${cluster.name}'s service account tokens`,
        argocd_client_id: `Client id of the identity Argo CD reaches ${cluster.name} as (the spec's argocdClientId)`,
        terraform_drift_client_id: `Client id of the read-only drift-check identity of ${cluster.name} (the spec's workloadClientIds.terraformDrift)`,
        policy_reporter_client_id: `Client id of policy-reporter's upload identity on ${cluster.name} (the spec's workloadClientIds.policyReporter)`,
        velero_client_id: `Client id of Velero's backup identity on ${cluster.name} (the spec's workloadClientIds.velero)`,
        egress_ip: `Static outbound address of ${cluster.name}'s pods (the spec's egressIp)`,
      },
    );
    tagEveryResource(this, props.tags);
  }
}

/** Argo CD runs on the environment's management cluster; its issuer must be known here. */
function argocdIssuerOf(spec: TerraformEnvironment, cluster: AksClusterSpec, managementStack: AzureClusterStack | undefined): ArgoCdIssuer {
  const management = spec.clusters.find((c) => c.role === 'management');
  if (management === undefined) throw new Error(`${spec.name}: no cluster has role 'management', so Argo CD has no issuer to federate ${cluster.name} with`);
  if (management.name === cluster.name) return { kind: 'self' };
  if (management.cloud === 'azure') {
    if (managementStack === undefined)
      throw new Error(`${spec.name}: ${cluster.name} needs the stack of the management cluster ${management.name}, whose OIDC issuer Argo CD's identity trusts`);
    return { kind: 'aks-cluster', stack: managementStack };
  }
  throw new Error(
    `${spec.name}: Argo CD runs on ${management.name} (${management.cloud}), and the identity it reaches the AKS cluster ` +
      `${cluster.name} as must trust that cluster's OIDC issuer, which no ${management.cloud} stack publishes yet ` +
      `(publish it from the ${management.cloud} cluster stack and read it here through its remote state)`,
  );
}

/** Pod and service ranges live outside the VNet but must not overlap it, or routing breaks. */
function assertNoOverlayOverlap(cluster: AksClusterSpec): void {
  const network = Ipv4Cidr.parse(cluster.networkCidr);
  for (const [what, cidr] of [
    ['pod', POD_CIDR],
    ['service', SERVICE_CIDR],
  ] as const) {
    if (network.overlaps(Ipv4Cidr.parse(cidr))) {
      throw new Error(
        `cluster ${cluster.name}: networkCidr ${cluster.networkCidr} overlaps the AKS ${what} range ${cidr} ` +
          '(pods and services are addressed outside the VNet); choose another range, e.g. 10.40.0.0/16',
      );
    }
  }
}
