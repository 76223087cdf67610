import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { parse } from 'yaml';
import { clusterAutoscalerRoleName } from '../../constructs/core/cluster-autoscaler-contract';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { CLUSTER_AUTOSCALER_ADDON, CLUSTER_AUTOSCALER_IMAGES, clusterAutoscalerImageTag } from '../../constructs/platform/addons/cluster-autoscaler';
import { placedClusters, placementName } from '../../constructs/platform/addons/platform-addon';
import { CONFIG_NAMESPACES, PLATFORM_NAMESPACES } from '../../constructs/platform/platform-namespaces';
import type { ClusterSpec, EksClusterSpec, EnvironmentSpec } from '../../environments/types';
import { eksCluster } from '../support/fixture-clusters';
import { fixtureEnvironment } from '../support/fixture-environment';
import { field, manifestOf, manifestsOf, objectsOf, typed } from './render-environment';

// Fixtures: a development environment's AKS and GKE clusters, plus an EKS workload cluster (an
// environment of all three clouds), so the add-on is placed on exactly one of three clusters.
const dev = fixtureEnvironment({ name: 'dev' });
const EKS: EksClusterSpec = eksCluster('mixed-eks-euw1', { region: 'eu-west-1' });
const MIXED: EnvironmentSpec = fixtureEnvironment({ name: 'dev', clusters: [...dev.clusters, EKS] });
const ONLY_EKS = (value: string) => `{{ if eq .name \`${EKS.name}\` }}${value}{{ end }}`;

type Values = Record<string, unknown>;

describe('placement by cloud', () => {
  it('places an add-on on every cluster, the management cluster, or the clusters of one cloud', () => {
    const names = (clusters: readonly ClusterSpec[]) => clusters.map((c) => c.name);
    expect(names(placedClusters(MIXED, 'every-cluster'))).toEqual(['dev-aks-neu', 'dev-gke-euw4', EKS.name]);
    expect(names(placedClusters(MIXED, 'management-cluster'))).toEqual(['dev-aks-neu']);
    expect(names(placedClusters(MIXED, { cloud: 'aws' }))).toEqual([EKS.name]);
    expect(names(placedClusters(dev, { cloud: 'aws' }))).toEqual([]);
    expect(placementName({ cloud: 'aws' })).toBe('cloud aws');
  });

  it('runs the cluster-autoscaler on EKS clusters only: AKS and GKE node pools autoscale by themselves', () => {
    expect(CLUSTER_AUTOSCALER_ADDON.placement).toEqual({ cloud: 'aws' });
    expect(PLATFORM_ADDONS).toContain(CLUSTER_AUTOSCALER_ADDON);
  });
});

describe('the cluster-autoscaler add-on in an environment with EKS, AKS and GKE clusters', () => {
  const objects = objectsOf(MIXED);
  const set = typed<IApplicationSet>(manifestOf(objects, 'ApplicationSet', 'cluster-autoscaler'));

  it('selects the EKS cluster Secrets of the environment by their cloud label, into kube-system', () => {
    expect(set.spec.generators).toEqual([{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': 'dev', 'gitops-cdk.io/cloud': 'aws' } } } }]);
    expect(field(set, 'spec.template.spec.destination')).toEqual({ name: '{{.name}}', namespace: 'kube-system' });
    expect(field(set, 'spec.template.spec.source')).toMatchObject({
      repoURL: 'https://kubernetes.github.io/autoscaler',
      chart: 'cluster-autoscaler',
      targetRevision: MIXED.charts.clusterAutoscaler,
    });
    // kube-system exists on every cluster: no CreateNamespace.
    expect(field(set, 'spec.template.spec.syncPolicy.syncOptions')).not.toContain('CreateNamespace=true');
  });

  it('labels the EKS cluster Secret with its cloud, which the selector matches', () => {
    const secret = manifestOf(objects, 'Secret', `cluster-${EKS.name}`);
    expect(secret.metadata.labels).toMatchObject({ 'gitops-cdk.io/env': 'dev', 'gitops-cdk.io/cloud': 'aws' });
  });

  it('never declares kube-system as a platform namespace: Kubernetes owns it and its Pod Security level', () => {
    expect(CONFIG_NAMESPACES).not.toContain('kube-system');
    expect(manifestsOf(objects, 'Namespace', 'kube-system')).toEqual([]);
    expect(PLATFORM_NAMESPACES.filter((ns) => ns === 'kube-system')).toHaveLength(1);
  });

  it("lets the platform project pull the autoscaler's chart", () => {
    const project = typed<IAppProject>(manifestOf(objects, 'AppProject', 'platform'));
    expect(project.spec.sourceRepos).toContain('https://kubernetes.github.io/autoscaler');
  });

  describe('values', () => {
    const values = parse(String(field(set, 'spec.template.spec.source.helm.values'))) as Values;

    it("discovers the EKS cluster's node groups by the tags EKS puts on them, in its region", () => {
      expect(values.cloudProvider).toBe('aws');
      // The chart's default autoDiscovery.tags (k8s.io/cluster-autoscaler/enabled, k8s.io/cluster-autoscaler/<clusterName>) are kept.
      expect(values.autoDiscovery).toEqual({ clusterName: ONLY_EKS(EKS.name) });
      expect(values.awsRegion).toBe(ONLY_EKS(EKS.region));
    });

    it('runs as the ServiceAccount its IRSA role trusts, annotated with that role', () => {
      expect(values.rbac).toEqual({
        serviceAccount: {
          create: true,
          name: 'cluster-autoscaler',
          annotations: { 'eks.amazonaws.com/role-arn': ONLY_EKS(`arn:aws:iam::${MIXED.clouds.aws!.accountId}:role/${clusterAutoscalerRoleName(EKS)}`) },
        },
      });
      expect(values.fullnameOverride).toBe('cluster-autoscaler');
    });

    it("runs the autoscaler release of the cluster's Kubernetes minor", () => {
      expect(values.image).toEqual({ tag: ONLY_EKS('v1.34.5') });
    });

    it('balances similar node groups and expands the one that wastes least', () => {
      expect(values.extraArgs).toEqual({ 'balance-similar-node-groups': true, expander: 'least-waste' });
    });

    it('runs under the restricted Pod Security Standard with requests, a memory limit and a PodDisruptionBudget', () => {
      expect(values.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
      expect(values.containerSecurityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(values.resources).toEqual({ requests: { cpu: '100m', memory: '600Mi' }, limits: { memory: '600Mi' } });
      expect(values.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
      expect(values.replicaCount).toBe(1);
    });

    it('ships its metrics to Prometheus through its ServiceMonitor', () => {
      expect(values.serviceMonitor).toEqual({ enabled: true, namespace: 'kube-system', interval: '30s' });
    });
  });
});

describe('the cluster-autoscaler in an environment without EKS clusters', () => {
  const objects = objectsOf(dev);

  it('writes no ApplicationSet that would select nothing, and no chart repository for it', () => {
    expect(manifestsOf(objects, 'ApplicationSet', 'cluster-autoscaler')).toEqual([]);
    const project = typed<IAppProject>(manifestOf(objects, 'AppProject', 'platform'));
    expect(project.spec.sourceRepos).not.toContain('https://kubernetes.github.io/autoscaler');
  });
});

describe('clusterAutoscalerImageTag', () => {
  it('follows the Kubernetes minor of each cluster', () => {
    expect(clusterAutoscalerImageTag(MIXED, { ...EKS, kubernetesVersion: '1.35' })).toBe('v1.35.2');
    expect(clusterAutoscalerImageTag(MIXED, EKS)).toBe('v1.34.5');
    for (const [minor, tag] of Object.entries(CLUSTER_AUTOSCALER_IMAGES)) expect(tag.startsWith(`v${minor}.`)).toBe(true);
  });

  it('switches the image per cluster when two EKS clusters run different minors', () => {
    const second: EksClusterSpec = { ...EKS, name: 'mixed-eks-euc1', region: 'eu-central-1', kubernetesVersion: '1.35' };
    const values = CLUSTER_AUTOSCALER_ADDON.values({ ...MIXED, clusters: [EKS, second] }) as { image: { tag: string } };
    expect(values.image.tag).toBe(`{{ if eq .name \`${EKS.name}\` }}v1.34.5{{ else if eq .name \`${second.name}\` }}v1.35.2{{ end }}`);
  });

  it('rejects an EKS cluster on a minor with no autoscaler release listed, naming environment, cluster and fix', () => {
    expect(() => CLUSTER_AUTOSCALER_ADDON.values({ ...MIXED, clusters: [{ ...EKS, kubernetesVersion: '1.29' }] })).toThrow(
      /^dev\/addons\/cluster-autoscaler: cluster mixed-eks-euw1 runs Kubernetes 1\.29, .*\(fix: add its newest cluster-autoscaler-1\.29\.x release to CLUSTER_AUTOSCALER_IMAGES/,
    );
  });
});
