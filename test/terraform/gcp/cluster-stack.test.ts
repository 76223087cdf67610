import { managementOf } from '../../../constructs/argocd/management-cluster';
import { FLUENT_BIT_WORKLOAD, gcpWorkloadServiceAccountId, POLICY_REPORTER_WORKLOAD, TERRAFORM_DRIFT_WORKLOAD } from '../../../constructs/core/observability-contract';
import { workloadIdentityAnnotation } from '../../../constructs/kubernetes/workload-identity';
import { federatesWithGoogle } from '../../../constructs/terraform/gcp/argocd-google-federation';
import { PLAN_ROLES } from '../../../constructs/terraform/gcp/ci-identities';
import {
  ARGOCD_KUBERNETES_SERVICE_ACCOUNTS,
  CLUSTER_LOG_COMPONENTS,
  GCP_CLUSTER_OUTPUTS,
  NODE_ROLES,
  releaseChannel,
  WEBHOOK_PORTS,
} from '../../../constructs/terraform/gcp/cluster-stack';
import { GCP_NETWORK_OUTPUTS } from '../../../constructs/terraform/gcp/network-stack';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { clusterStackName, networkStackName } from '../../../constructs/terraform/stack-names';
import { standardTags } from '../../../constructs/terraform/tags';
import { allStrings, at, block, blocksOf, stackNamed } from '../terraform-json';
import { buildGcp, GKE_CASES, gcpBase, gcpJson, withCluster } from './gcp-test-helpers';

const REMOTE = '${data.terraform_remote_state.network.outputs';

describe.each(GKE_CASES)('GcpClusterStack for %s', (_name, spec, cluster) => {
  const projectId = spec.clouds.gcp!.projectId;
  const json = gcpJson(spec, clusterStackName('gcp', cluster.name));
  const gke = block(json, 'google_container_cluster', 'cluster');
  const pool = block(json, 'google_container_node_pool', 'node-pool');

  it('has no violations', () => {
    const violations = stackViolations(stackNamed(buildGcp(spec), clusterStackName('gcp', cluster.name)), spec.name);
    expect(violations).toEqual([]);
  });

  it('reads every network value through the remote state of the network stack', () => {
    expect(block(json, 'terraform_remote_state', 'network', 'data')).toEqual({
      backend: 'gcs',
      config: expect.objectContaining({ prefix: networkStackName('gcp', cluster.name) }),
    });
    expect(gke).toMatchObject({
      network: `${REMOTE}.network_self_link}`,
      subnetwork: `${REMOTE}.subnet_self_link}`,
      ip_allocation_policy: {
        cluster_secondary_range_name: `${REMOTE}.pods_range_name}`,
        services_secondary_range_name: `${REMOTE}.services_range_name}`,
      },
    });
    // Every value the network publishes is consumed by reference, none is copied as a literal.
    const references = allStrings(json).filter((s) => s.startsWith(REMOTE));
    expect(new Set(references)).toEqual(new Set(Object.keys(GCP_NETWORK_OUTPUTS).map((key) => `${REMOTE}.${key}}`)));
    const literals = allStrings(json);
    for (const copied of [`${cluster.name}-vpc`, `${cluster.name}-nodes`, `projects/${projectId}/global/networks`]) {
      expect(literals.some((s) => s.includes(copied))).toBe(false);
    }
  });

  it('runs private nodes behind the authorized networks of the spec, never 0.0.0.0/0', () => {
    expect(gke.private_cluster_config).toEqual({
      enable_private_nodes: true,
      enable_private_endpoint: cluster.apiAccess.privateEndpoint,
      master_ipv4_cidr_block: '172.16.0.0/28',
    });
    // Argo CD on another cloud (AKS) calls the public endpoint from its static egress address.
    const management = managementOf(spec);
    const argocd =
      federatesWithGoogle(spec, cluster) && management.cloud === 'azure' ? [{ cidr_block: `${management.egressIp}/32`, display_name: `Argo CD on ${management.name}` }] : [];
    expect(gke.master_authorized_networks_config).toEqual({
      gcp_public_cidrs_access_enabled: false,
      cidr_blocks: [...cluster.apiAccess.allowedCidrs.map((cidr) => ({ cidr_block: cidr, display_name: `allowed ${cidr}` })), ...argocd],
    });
    expect(allStrings(gke)).not.toContain('0.0.0.0/0');
  });

  it('lets the control plane reach admission webhooks on the nodes, and nothing else reach them', () => {
    expect(block(json, 'google_compute_firewall', 'webhooks')).toMatchObject({
      network: `${REMOTE}.network_self_link}`,
      direction: 'INGRESS',
      source_ranges: ['172.16.0.0/28'],
      target_service_accounts: ['${google_service_account.nodes.email}'],
      allow: [{ protocol: 'tcp', ports: [...WEBHOOK_PORTS] }],
    });
    expect(WEBHOOK_PORTS).toContain('9443');
  });

  it('encrypts Kubernetes secrets with a rotated key of its own that the GKE service agent may use', () => {
    expect(gke.database_encryption).toEqual({ state: 'ENCRYPTED', key_name: '${google_kms_crypto_key.secrets-key-key.id}' });
    expect(block(json, 'google_kms_key_ring', 'secrets-key-ring')).toMatchObject({ location: cluster.region, lifecycle: { prevent_destroy: true } });
    expect(block(json, 'google_kms_crypto_key', 'secrets-key-key')).toMatchObject({ rotation_period: '7776000s', lifecycle: { prevent_destroy: true } });
    expect(block(json, 'google_kms_crypto_key_iam_member', 'secrets-key-gke-agent')).toMatchObject({
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: 'serviceAccount:service-${data.google_project.project.number}@container-engine-robot.iam.gserviceaccount.com',
    });
    expect(gke.depends_on).toEqual(['google_kms_crypto_key_iam_member.secrets-key-gke-agent']);
  });

  it('enables workload identity with the project pool and GKE metadata on the nodes', () => {
    expect(gke.workload_identity_config).toEqual({ workload_pool: `${projectId}.svc.id.goog` });
    expect(at(pool, 'node_config', 'workload_metadata_config')).toEqual({ mode: 'GKE_METADATA' });
  });

  it('logs control plane, system components and workloads, and monitors with managed Prometheus', () => {
    expect(gke.logging_config).toEqual({ enable_components: [...CLUSTER_LOG_COMPONENTS] });
    // Container logs come from Fluent Bit, not from GKE a second time.
    expect(CLUSTER_LOG_COMPONENTS).toEqual(['SYSTEM_COMPONENTS', 'APISERVER', 'CONTROLLER_MANAGER', 'SCHEDULER']);
    expect(gke.monitoring_config).toMatchObject({ managed_prometheus: { enabled: true } });
  });

  it('hardens the cluster: Dataplane V2, shielded nodes, no client certificate, deletion protection', () => {
    expect(gke).toMatchObject({
      datapath_provider: 'ADVANCED_DATAPATH',
      enable_shielded_nodes: true,
      deletion_protection: true,
      networking_mode: 'VPC_NATIVE',
      master_auth: { client_certificate_config: { issue_client_certificate: false } },
    });
    expect(gke.network_policy).toBeUndefined();
  });

  it('replaces the default pool and follows the version and release channel of the spec', () => {
    expect(gke).toMatchObject({
      remove_default_node_pool: true,
      initial_node_count: 1,
      min_master_version: cluster.kubernetesVersion,
      release_channel: { channel: releaseChannel(spec.tier) },
      location: cluster.region,
    });
  });

  it('scales the node pool between the bounds of the spec across the region', () => {
    expect(pool).toMatchObject({
      cluster: '${google_container_cluster.cluster.id}',
      autoscaling: { total_min_node_count: cluster.nodePool.minNodes, total_max_node_count: cluster.nodePool.maxNodes, location_policy: 'BALANCED' },
      management: { auto_repair: true, auto_upgrade: true },
    });
  });

  it('runs nodes as a dedicated least-privilege service account on shielded instances', () => {
    expect(pool.node_config).toMatchObject({
      machine_type: cluster.nodePool.machineType,
      service_account: '${google_service_account.nodes.email}',
      shielded_instance_config: { enable_secure_boot: true, enable_integrity_monitoring: true },
      resource_labels: standardTags(spec),
    });
    expect(gke.node_config).toMatchObject({ service_account: '${google_service_account.nodes.email}' });
    const nodeRoles = Object.values(blocksOf(json, 'google_project_iam_member'))
      .filter((m) => m.member === '${google_service_account.nodes.member}')
      .map((m) => m.role);
    expect(nodeRoles.sort()).toEqual([...NODE_ROLES].sort());
    expect(nodeRoles).not.toContain('roles/editor');
  });

  it('binds the Argo CD service account to the Argo CD Kubernetes service accounts through workload identity', () => {
    expect(block(json, 'google_service_account', 'argocd').account_id).toBe(`argocd-${cluster.name}`.slice(0, 30));
    const bindings = Object.values(blocksOf(json, 'google_service_account_iam_member')).filter((b) => b.service_account_id === '${google_service_account.argocd.name}');
    // Argo CD outside GKE comes through the federation pool (test/argocd/google-federation.test.ts).
    const federated = federatesWithGoogle(spec, cluster);
    expect(bindings.map((b) => b.member)).toEqual(
      ARGOCD_KUBERNETES_SERVICE_ACCOUNTS.map((ksa) =>
        federated
          ? `principal://iam.googleapis.com/\${google_iam_workload_identity_pool.argocd-federation-pool.name}/subject/system:serviceaccount:argocd:${ksa}`
          : `serviceAccount:${projectId}.svc.id.goog[argocd/${ksa}]`,
      ),
    );
    for (const binding of bindings) {
      expect(binding).toMatchObject({ role: 'roles/iam.workloadIdentityUser', service_account_id: '${google_service_account.argocd.name}' });
      if (!federated) expect(binding.depends_on).toEqual(['google_container_cluster.cluster']);
    }
    expect(block(json, 'google_project_iam_member', 'argocd-container-admin')).toMatchObject({
      role: 'roles/container.admin',
      member: '${google_service_account.argocd.member}',
    });
  });

  describe.each([
    ['terraform-drift', TERRAFORM_DRIFT_WORKLOAD],
    ['policy-reporter', POLICY_REPORTER_WORKLOAD],
    ['fluent-bit', FLUENT_BIT_WORKLOAD],
  ] as const)('the %s service account', (workload, ksa) => {
    it(`has the id the observability contract gives it (${gcpWorkloadServiceAccountId(cluster, workload)})`, () => {
      expect(block(json, 'google_service_account', workload).account_id).toBe(gcpWorkloadServiceAccountId(cluster, workload));
    });

    it(`may be impersonated by ${ksa.namespace}/${ksa.serviceAccount} of the project pool alone, once the pool exists`, () => {
      const bindings = Object.values(blocksOf(json, 'google_service_account_iam_member')).filter((b) => b.service_account_id === `\${google_service_account.${workload}.name}`);
      expect(bindings).toEqual([
        {
          service_account_id: `\${google_service_account.${workload}.name}`,
          role: 'roles/iam.workloadIdentityUser',
          member: `serviceAccount:${projectId}.svc.id.goog[${ksa.namespace}/${ksa.serviceAccount}]`,
          depends_on: ['google_container_cluster.cluster'],
        },
      ]);
    });
  });

  const grantsOf = (member: string) =>
    [
      ...Object.values(blocksOf(json, 'google_project_iam_member'))
        .filter((m) => m.member === member)
        .map((m) => `${String(m.role)} @ project ${String(m.project)}`),
      ...Object.values(blocksOf(json, 'google_storage_bucket_iam_member'))
        .filter((m) => m.member === member)
        .map((m) => `${String(m.role)} @ bucket ${String(m.bucket)}${m.condition === undefined ? '' : ' (conditional)'}`),
    ].sort();

  it("gives the drift check the CI plan identity's project roles and read of the state bucket, without the lock", () => {
    expect(grantsOf('${google_service_account.terraform-drift.member}')).toEqual(
      [...PLAN_ROLES.map((role) => `${role} @ project ${projectId}`), 'roles/storage.objectViewer @ bucket ${data.terraform_remote_state.foundation.outputs.state_bucket}'].sort(),
    );
  });

  it("lets the drift check read the foundation's budget on the spec's billing account, and nothing else of billing", () => {
    const billing = Object.values(blocksOf(json, 'google_billing_account_iam_member'));
    expect(billing).toEqual([
      expect.objectContaining({ billing_account_id: spec.clouds.gcp!.billingAccount, role: 'roles/billing.viewer', member: '${google_service_account.terraform-drift.member}' }),
    ]);
  });

  it('lets policy-reporter only create objects in the report bucket', () => {
    expect(grantsOf('${google_service_account.policy-reporter.member}')).toEqual([
      'roles/storage.objectCreator @ bucket ${data.terraform_remote_state.foundation.outputs.report_bucket}',
    ]);
    expect(allStrings(json)).not.toContain('roles/cloudkms.cryptoKeyEncrypter');
  });

  it('lets Fluent Bit only write log entries to the project', () => {
    expect(grantsOf('${google_service_account.fluent-bit.member}')).toEqual([`roles/logging.logWriter @ project ${projectId}`]);
  });

  it("is the service account the cluster's Fluent Bit ServiceAccount names", () => {
    const accountId = String(block(json, 'google_service_account', 'fluent-bit').account_id);
    expect(workloadIdentityAnnotation(cluster, 'fluent-bit', spec.clouds)?.value).toBe(`${accountId}@${projectId}.iam.gserviceaccount.com`);
  });

  it('publishes endpoint, CA certificate, Argo CD service account and workload pool', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(GCP_CLUSTER_OUTPUTS).sort());
    expect(at(json, 'output', 'endpoint', 'value')).toBe('${google_container_cluster.cluster.endpoint}');
    expect(at(json, 'output', 'ca_certificate', 'value')).toBe('${google_container_cluster.cluster.master_auth[0].cluster_ca_certificate}');
    expect(at(json, 'output', 'argocd_service_account', 'value')).toBe('${google_service_account.argocd.email}');
    expect(at(json, 'output', 'workload_pool', 'value')).toBe('${google_container_cluster.cluster.workload_identity_config[0].workload_pool}');
    expect(at(json, 'output', 'terraform_drift_service_account', 'value')).toBe('${google_service_account.terraform-drift.email}');
    expect(at(json, 'output', 'policy_reporter_service_account', 'value')).toBe('${google_service_account.policy-reporter.email}');
    expect(at(json, 'output', 'fluent_bit_service_account', 'value')).toBe('${google_service_account.fluent-bit.email}');
  });
});

describe('GcpClusterStack variants', () => {
  const { spec, cluster } = gcpBase();
  const layer = clusterStackName('gcp', cluster.name);

  it('takes the STABLE channel in production and REGULAR elsewhere', () => {
    expect(releaseChannel('production')).toBe('STABLE');
    expect(releaseChannel('staging')).toBe('REGULAR');
    expect(releaseChannel('development')).toBe('REGULAR');
    const json = gcpJson({ ...spec, tier: 'production' }, layer);
    expect(block(json, 'google_container_cluster', 'cluster').release_channel).toEqual({ channel: 'STABLE' });
  });

  it('disables the public endpoint when the spec asks for a private one', () => {
    // Private only is reachable by an Argo CD on GKE in the same network: make this cluster the management cluster.
    const priv = withCluster({ ...spec, clusters: spec.clusters.filter((c) => c.name === cluster.name) }, cluster.name, (c) => ({
      ...c,
      role: 'management',
      apiAccess: { privateEndpoint: true, allowedCidrs: ['10.0.0.0/8'] },
    }));
    const gke = block(gcpJson(priv, layer), 'google_container_cluster', 'cluster');
    expect(gke.private_cluster_config).toMatchObject({ enable_private_endpoint: true, enable_private_nodes: true });
  });

  it('follows other autoscaling bounds of the spec', () => {
    const big = withCluster(spec, cluster.name, (c) => ({ ...c, nodePool: { machineType: 'n2-standard-8', minNodes: 3, maxNodes: 12 } }));
    const pool = block(gcpJson(big, layer), 'google_container_node_pool', 'node-pool');
    expect(pool.autoscaling).toMatchObject({ total_min_node_count: 3, total_max_node_count: 12 });
    expect(at(pool, 'node_config', 'machine_type')).toBe('n2-standard-8');
  });

  it('rejects an authorized network of 0.0.0.0/0', () => {
    const open = withCluster(spec, cluster.name, (c) => ({ ...c, apiAccess: { privateEndpoint: false, allowedCidrs: ['0.0.0.0/0'] } }));
    expect(() => buildGcp(open)).toThrow(/allowedCidrs contains 0\.0\.0\.0\/0, which opens the API server to the internet/);
  });

  it('rejects a cluster outside the environment project', () => {
    const elsewhere = withCluster(spec, cluster.name, (c) => ({ ...c, projectId: 'someone-else' }));
    expect(() => buildGcp(elsewhere)).toThrow(/is in project 'someone-else' but the environment's GCP project is/);
  });
});
