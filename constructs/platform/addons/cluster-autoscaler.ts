import type { HelmValues } from '../../argocd/application-source';
import { CLUSTER_AUTOSCALER_WORKLOAD, clusterAutoscalerRoleArn } from '../../core/cluster-autoscaler-contract';
import type { ClusterSpec, EksClusterSpec } from '../../kubernetes/cluster-spec';
import type { EnvironmentClusters, EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import { isEksCluster } from '../../terraform/aws/cluster-profile';
import { eksAccountId } from '../../terraform/aws/eks-identity-names';
import { perClusterValue } from './per-cluster-value';
import type { PlatformAddon } from './platform-addon';

/**
 * The cluster-autoscaler image per Kubernetes minor: the autoscaler supports the minor it is built
 * for, so each EKS cluster runs the release line of its own `kubernetesVersion` (upstream's
 * version policy, kubernetes/autoscaler cluster-autoscaler/README.md "Releases": CA 1.34.x for
 * Kubernetes 1.34.x, chart 9.51.0 and later). Each tag is the
 * newest patch release of its line, read from the repository's release tags
 * (`cluster-autoscaler-<version>`, whose version/version.go says `ClusterAutoscalerVersion =
 * "<version>"`) and published as registry.k8s.io/autoscaling/cluster-autoscaler:v<version>.
 * Bumping clusters to a new minor needs its line here: synth refuses an EKS cluster without one.
 */
export const CLUSTER_AUTOSCALER_IMAGES: Readonly<Record<string, string>> = {
  '1.33': 'v1.33.6',
  '1.34': 'v1.34.5',
  '1.35': 'v1.35.2',
};

/** The image repository the chart's `image.repository` defaults to (values.yaml at chart 9.53.0). */
export const CLUSTER_AUTOSCALER_IMAGE_REPOSITORY = 'registry.k8s.io/autoscaling/cluster-autoscaler';

/** The user and group of the image: gcr.io/distroless/static:nonroot (cluster-autoscaler/Dockerfile), uid and gid 65532. */
const DISTROLESS_NONROOT = 65532;

/** The values of kubernetes/autoscaler chart cluster-autoscaler 9.53 (appVersion 1.34.2) gitops-cdk sets. */
type ClusterAutoscalerValues = {
  readonly cloudProvider: 'aws';
  /** `AWS_REGION` of the container (deployment.yaml sets it when not empty). */
  readonly awsRegion: string;
  /** Discovers the Auto Scaling groups tagged for this cluster (the chart's default `autoDiscovery.tags`). */
  readonly autoDiscovery: { readonly clusterName: string };
  /** Stable names (Deployment, Service `cluster-autoscaler`) whatever the release is called. */
  readonly fullnameOverride: string;
  readonly image: { readonly tag: string };
  readonly rbac: { readonly serviceAccount: { readonly create: boolean; readonly name: string; readonly annotations: Readonly<Record<string, string>> } };
  /** `--<key>=<value>` flags, merged by Helm with the chart's (`logtostderr`, `stderrthreshold`, `v`). */
  readonly extraArgs: Readonly<Record<string, string | boolean>>;
  readonly replicaCount: number;
  readonly podDisruptionBudget: { readonly maxUnavailable: number };
  readonly resources: {
    readonly requests: { readonly cpu: string; readonly memory: string };
    readonly limits: { readonly memory: string };
  };
  readonly securityContext: {
    readonly runAsNonRoot: boolean;
    readonly runAsUser: number;
    readonly runAsGroup: number;
    readonly fsGroup: number;
    readonly seccompProfile: { readonly type: 'RuntimeDefault' };
  };
  readonly containerSecurityContext: {
    readonly allowPrivilegeEscalation: boolean;
    readonly readOnlyRootFilesystem: boolean;
    readonly capabilities: { readonly drop: readonly string[] };
  };
  readonly serviceMonitor: { readonly enabled: boolean; readonly namespace: string; readonly interval: string };
};

/** The image tag of `cluster`'s Kubernetes minor. @throws Error naming the fix when the table has no line for it */
export function clusterAutoscalerImageTag(environment: Pick<EnvironmentClusters, 'name'>, cluster: ClusterSpec): string {
  const tag = CLUSTER_AUTOSCALER_IMAGES[cluster.kubernetesVersion];
  if (tag === undefined) {
    throw new Error(
      `${environment.name}/addons/cluster-autoscaler: cluster ${cluster.name} runs Kubernetes ${cluster.kubernetesVersion}, for which no cluster-autoscaler release ` +
        `is listed (fix: add its newest cluster-autoscaler-${cluster.kubernetesVersion}.x release to CLUSTER_AUTOSCALER_IMAGES in constructs/platform/addons/cluster-autoscaler.ts)`,
    );
  }
  return tag;
}

function clusterAutoscalerValues(environment: EnvironmentClustersAndAccounts): ClusterAutoscalerValues {
  // An EKS add-on (placed on the aws clusters): the values of the other clusters are never read.
  const eks = (valueFor: (cluster: EksClusterSpec) => string) => (cluster: ClusterSpec) => (isEksCluster(cluster) ? valueFor(cluster) : '');
  return {
    cloudProvider: 'aws',
    awsRegion: perClusterValue(
      environment,
      'cluster-autoscaler/awsRegion',
      eks((c) => c.region),
    ),
    // The EKS cluster is named as the spec names it (cluster-stack.ts), which is the tag suffix.
    autoDiscovery: {
      clusterName: perClusterValue(
        environment,
        'cluster-autoscaler/autoDiscovery.clusterName',
        eks((c) => c.name),
      ),
    },
    fullnameOverride: CLUSTER_AUTOSCALER_WORKLOAD.serviceAccount,
    image: {
      tag: perClusterValue(
        environment,
        'cluster-autoscaler/image.tag',
        eks((c) => clusterAutoscalerImageTag(environment, c)),
      ),
    },
    rbac: {
      serviceAccount: {
        create: true,
        name: CLUSTER_AUTOSCALER_WORKLOAD.serviceAccount,
        annotations: {
          'eks.amazonaws.com/role-arn': perClusterValue(
            environment,
            'cluster-autoscaler/rbac.serviceAccount.annotations',
            eks((c) => clusterAutoscalerRoleArn(eksAccountId(environment.clouds, c.name), c)),
          ),
        },
      },
    },
    extraArgs: {
      // Keeps the node groups of one shape (a group per zone, later) at equal sizes.
      'balance-similar-node-groups': true,
      // Scale up the group that leaves the least CPU and memory idle (the default, written down).
      expander: 'least-waste',
    },
    // One active autoscaler per cluster (it elects a leader); the PDB lets a drain move it.
    replicaCount: 1,
    podDisruptionBudget: { maxUnavailable: 1 },
    // Upstream's AWS example (cloudprovider/aws/examples/cluster-autoscaler-autodiscover.yaml at
    // cluster-autoscaler-1.34.5): 100m CPU and 600Mi memory. No CPU limit, like the other add-ons.
    resources: { requests: { cpu: '100m', memory: '600Mi' }, limits: { memory: '600Mi' } },
    // The restricted Pod Security Standard (Kyverno's pod-security-restricted and require-run-as-non-root).
    securityContext: {
      runAsNonRoot: true,
      runAsUser: DISTROLESS_NONROOT,
      runAsGroup: DISTROLESS_NONROOT,
      fsGroup: DISTROLESS_NONROOT,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containerSecurityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    // Beside its Service; kube-prometheus-stack selects ServiceMonitors of every namespace.
    serviceMonitor: { enabled: true, namespace: CLUSTER_AUTOSCALER_WORKLOAD.namespace, interval: '30s' },
  };
}

/**
 * The Kubernetes cluster-autoscaler on every EKS cluster: EKS managed node groups do not scale by
 * themselves (AKS and GKE node pools autoscale natively, see the cluster stacks). It adds nodes
 * when pods cannot be scheduled and removes underused ones, within each managed node group's
 * `min_size` / `max_size` (the spec's `nodePool.minNodes` / `maxNodes`), by setting the desired
 * size of the group's Auto Scaling group with its IRSA role (terraform/aws/cluster-autoscaler-identity.ts).
 */
export const CLUSTER_AUTOSCALER_ADDON: PlatformAddon<EnvironmentClustersAndAccounts> = {
  versionKey: 'clusterAutoscaler',
  name: 'cluster-autoscaler',
  chart: { repoUrl: 'https://kubernetes.github.io/autoscaler', chart: 'cluster-autoscaler' },
  namespace: CLUSTER_AUTOSCALER_WORKLOAD.namespace,
  placement: { cloud: 'aws' },
  serverSideApply: false,
  crds: [],
  values: (environment): HelmValues => clusterAutoscalerValues(environment),
};
