import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import { ServiceAccount } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { type GitOpsSource, targetRevision } from '../argocd/gitops-source';
import { TERRAFORM_DRIFT_WORKLOAD } from '../core/observability-contract';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { labelledNamespace } from '../kubernetes/labelled-namespace';
import { clusterProfile } from '../kubernetes/registered-cluster-profiles';
import { PUSHGATEWAY, pushgatewayUrl } from '../platform/addons/prometheus-pushgateway';
import type { CloudAccounts } from '../terraform/cloud-accounts';
import { driftCheckIdentity } from './drift-check-identity';
import { type DriftCheckEnvironment, DriftCheckSchedule } from './drift-check-schedule';
import { CHECK_SCRIPT, CLONE_SCRIPT } from './drift-check-scripts';
import { SCRIPT_KEYS, TerraformDriftCheck, type TerraformStackRef } from './terraform-drift-check';

/** What the drift checks read of an environment. */
export interface TerraformDriftEnvironment extends DriftCheckEnvironment {
  /** Ownership labels of the pods. */
  readonly owner: string;
  readonly costCentre: string;
  /** The repository the checks clone, at the revision the environment deploys. */
  readonly gitops: GitOpsSource;
  /** The Azure subscription, for the checks of Azure stacks. */
  readonly clouds: Pick<CloudAccounts, 'azure'>;
}

export interface TerraformDriftChartProps extends ChartProps {
  readonly spec: TerraformDriftEnvironment;
  /**
   * The folder of the environment's Terraform stacks in the repository, one sub-folder per stack
   * (the synth's layout, e.g. `dist/terraform/prod`): what the checks plan.
   */
  readonly terraformDir: string;
  /** The cluster the checks run on: `driftCheckCluster` of the stacks' cloud. */
  readonly cluster: ClusterSpec;
  /** The stacks it checks, all of the cluster's cloud. */
  readonly stacks: readonly TerraformStackRef[];
}

const NAMESPACE = TERRAFORM_DRIFT_WORKLOAD.namespace;

/**
 * The Terraform drift checks one cluster runs (seed WS3/WS5: Terraform drift detected and
 * alerted): the `terraform-drift` namespace at the restricted Pod Security level, the
 * ServiceAccount bound to the cluster's read-only cloud identity, the scripts, a NetworkPolicy
 * that admits no traffic in and only what a plan needs out, and one CronJob per stack.
 * Synced to that cluster only (kubernetes-estate.ts), so each check runs exactly once.
 */
export class TerraformDriftChart extends Chart {
  readonly checks: readonly TerraformDriftCheck[];

  constructor(scope: Construct, id: string, props: TerraformDriftChartProps) {
    super(scope, id, props);
    const { spec, cluster } = props;
    const schedule = DriftCheckSchedule.fromSpec(spec, this.node.path);
    const foreign = props.stacks.filter((stack) => stack.cloud !== cluster.cloud);
    if (foreign.length > 0) {
      throw new Error(
        `${spec.name}: ${this.node.path}: stacks ${foreign.map((s) => s.name).join(', ')} are not on ${cluster.cloud}; cluster ${cluster.name} has no identity there (fix: run them on driftCheckCluster of their cloud)`,
      );
    }
    const identity = driftCheckIdentity(spec, cluster);

    labelledNamespace(this, 'namespace', {
      name: NAMESPACE,
      labels: {
        // Our own jobs, written for it: the strictest level, enforced.
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
    });

    // No Role or RoleBinding: the checks call no Kubernetes API (no token is mounted), only the
    // cloud APIs, as the identity the annotations bind.
    const account = new ServiceAccount(this, 'service-account', {
      metadata: { name: TERRAFORM_DRIFT_WORKLOAD.serviceAccount, namespace: NAMESPACE, annotations: { ...identity.serviceAccountAnnotations } },
      automountToken: false,
    });

    const configMap: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'terraform-drift-scripts', namespace: NAMESPACE },
      data: { [SCRIPT_KEYS.clone]: CLONE_SCRIPT, [SCRIPT_KEYS.check]: CHECK_SCRIPT },
    };
    const scripts = new ApiObject(this, 'scripts', configMap);

    // Hand-rolled, not cdk8s-plus-28's NetworkPolicy (2.5.6, node_modules/cdk8s-plus-28/lib/
    // network-policy.js): its `addEgressRule(peer, ports)` always writes `to:` (the peers of
    // `createNetworkPolicyPeers(peer)`), so the DNS rule below, ports with no `to` (any address),
    // cannot be written. Its nearest peers each drop a resolver: `NetworkPolicyIpBlock.anyIpv4`
    // (`ipBlock: 0.0.0.0/0`) is for cluster-external addresses, and whether it matches pod IPs
    // (kube-dns) is up to the network plugin (Cilium, hence GKE Dataplane V2, does not match them);
    // `Pods.all` with `Namespaces.all` selects pods only, not NodeLocal DNSCache's link-local
    // address nor GKE's Cloud DNS on 169.254.169.254. Removing `to` again with an index-based
    // `addJsonPatch` would be more fragile than this literal. The other rules it would render alike.
    const egress: INetworkPolicyEgressRule[] = [
      // Any resolver: kube-dns, NodeLocal DNSCache or GKE's Cloud DNS on the metadata address.
      {
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': PUSHGATEWAY.namespace } }, podSelector: { matchLabels: { ...PUSHGATEWAY.podLabels } } }],
        ports: [{ protocol: 'TCP', port: PUSHGATEWAY.port }],
      },
      // Git, the Terraform registry, the cloud APIs and their token endpoints: known by name, not
      // address, and a NetworkPolicy selects addresses only; HTTPS is the one port they share.
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      // What the cloud's workload identity needs besides (GKE: its metadata server).
      ...clusterProfile(cluster).identityEgress,
    ];
    const networkPolicy: INetworkPolicy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'terraform-drift', namespace: NAMESPACE },
      // Every pod of the namespace; no ingress rule at all: nothing may connect to a check.
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress },
    };
    new ApiObject(this, 'network-policy', networkPolicy);

    const offsets = schedule.offsets(props.stacks.length);
    const podLabels = { owner: spec.owner, 'cost-centre': spec.costCentre, env: spec.name };
    this.checks = props.stacks.map(
      (stack, i) =>
        new TerraformDriftCheck(this, stack.name, {
          environment: spec.name,
          stack,
          stackDir: `${props.terraformDir}/${stack.name}`,
          schedule,
          offsetMinutes: offsets[i] ?? 0,
          source: { repoUrl: spec.gitops.repoUrl, revision: targetRevision(spec.gitops) },
          serviceAccount: ApiObject.of(account),
          scripts,
          identity,
          pushgatewayUrl: pushgatewayUrl(),
          podLabels,
        }),
    );
  }
}
