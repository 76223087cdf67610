import type { ChartVersions } from '../../environments/types';

/**
 * Where the source of one pinned chart version lives, as a Go module version: the Go module proxy
 * serves any public GitHub repository at any commit (with a synthetic go.mod when it has none),
 * verified against the checksum database, so the chart folder is fetched without Helm's
 * repository download and without committing it.
 */
export type ChartSource = (
  | {
      /** `github.com/<owner>/<repo>`. */
      readonly module: string;
      /** A release tag of the module (semver) whose `path` holds the pinned chart. */
      readonly version: string;
      /** Chart folder inside the module. */
      readonly path: string;
    }
  | {
      readonly module: string;
      /**
       * The chart's release tag. Chart tags (`argo-cd-7.8.2`) are not semver, so the module is
       * fetched at the tag's commit, as the pseudo-version `v0.0.0-<time>-<commit[:12]>`.
       */
      readonly tag: string;
      /** The commit the tag points at (40 hex digits). */
      readonly commit: string;
      /** The commit's committer time in UTC, `yyyymmddhhmmss`, as the pseudo-version spells it. */
      readonly time: string;
      readonly path: string;
    }
) & {
  /**
   * Remote dependencies (Chart.yaml `dependencies` with a `repository`), by name: the release Helm
   * resolved the chart's version range to when the chart was packaged. The source repositories
   * hold no Chart.lock, so this is the highest release matching the range tagged before the
   * parent's tag. A remote dependency not listed is replaced by an empty chart when rendering.
   */
  readonly subcharts?: Readonly<Record<string, ChartSource>>;
};

/** A chart of prometheus-community/helm-charts at its release tag (`<chart>-<version>`). */
function prometheusCommunity(tag: string, commit: string, time: string): ChartSource {
  return { module: 'github.com/prometheus-community/helm-charts', tag, commit, time, path: `charts/${tag.replace(/-\d+\.\d+\.\d+$/, '')}` };
}

/** A chart of grafana/helm-charts at its release tag. */
function grafanaChart(tag: string, commit: string, time: string): ChartSource {
  return { module: 'github.com/grafana/helm-charts', tag, commit, time, path: `charts/${tag.replace(/-\d+\.\d+\.\d+$/, '')}` };
}

/**
 * Every chart version an environment may pin, with its source. The commits and times were read
 * from the upstream repositories' tags (`git rev-list -n1 <tag>`, `git log -1 --format=%cd
 * --date=format-local:%Y%m%d%H%M%S` with TZ=UTC). A pin missing here fails `npm test`
 * (test/apps/verify/chart-sources.test.ts).
 *
 * Semver module versions are used where one holds the pinned chart unchanged: kyverno v1.19.1's
 * charts/kyverno is chart 3.9.1 (Chart.yaml `version: 3.9.1`, `appVersion: v1.19.1`);
 * sealed-secrets v0.29.0's helm/sealed-secrets is byte-identical to the tag helm-v2.17.1 (`git diff
 * helm-v2.17.1 v0.29.0 -- helm/sealed-secrets` is empty). v0.27.3 is not identical to helm-v2.16.2,
 * so 2.16.2 is fetched at its tag's commit.
 */
export const CHART_SOURCES: { readonly [K in keyof ChartVersions]: Readonly<Record<string, ChartSource>> } = {
  argoCd: {
    '7.8.2': { module: 'github.com/argoproj/argo-helm', tag: 'argo-cd-7.8.2', commit: 'f7b5090efb272e40881a78127db2ef9954c4b2c5', time: '20250206103455', path: 'charts/argo-cd' },
    '7.7.11': {
      module: 'github.com/argoproj/argo-helm',
      tag: 'argo-cd-7.7.11',
      commit: 'ca63415d8ac840e2fb855404e5bf22642f5f38f8',
      time: '20241221120537',
      path: 'charts/argo-cd',
    },
  },
  argoRollouts: {
    '2.39.0': {
      module: 'github.com/argoproj/argo-helm',
      tag: 'argo-rollouts-2.39.0',
      commit: '4cfcbc2e26f30c164c966bcf71d266dbcdc2ac26',
      time: '20250131015440',
      path: 'charts/argo-rollouts',
    },
    '2.38.0': {
      module: 'github.com/argoproj/argo-helm',
      tag: 'argo-rollouts-2.38.0',
      commit: 'ccfa0651cba45454d7462dcb153d4222ef1feb72',
      time: '20241121130251',
      path: 'charts/argo-rollouts',
    },
  },
  fluentBit: {
    '0.48.5': {
      module: 'github.com/fluent/helm-charts',
      tag: 'fluent-bit-0.48.5',
      commit: '8440ebf9dae40285864ba697939d515648a7aaca',
      time: '20250116130313',
      path: 'charts/fluent-bit',
    },
  },
  kubePrometheusStack: {
    '67.9.0': {
      module: 'github.com/prometheus-community/helm-charts',
      tag: 'kube-prometheus-stack-67.9.0',
      commit: '392285a5b264d7a1787930237d423a95b3ed3ae2',
      time: '20250108075739',
      path: 'charts/kube-prometheus-stack',
      subcharts: {
        'kube-state-metrics': prometheusCommunity('kube-state-metrics-5.28.0', '1f462610b338cf3a490ec3c9eac77e45bef09849', '20241230164900'),
        'prometheus-node-exporter': prometheusCommunity('prometheus-node-exporter-4.43.1', '33e91493afdd614c6927766b3902ba382ebabf87', '20241225102258'),
        grafana: grafanaChart('grafana-8.8.2', '484fe2bc161085d56d084de3c561609542e40851', '20241216195700'),
        'prometheus-windows-exporter': prometheusCommunity('prometheus-windows-exporter-0.7.1', '3cc3dbd75cf058109a75db18efe58801a112be3a', '20241025172338'),
      },
    },
    '66.3.1': {
      module: 'github.com/prometheus-community/helm-charts',
      tag: 'kube-prometheus-stack-66.3.1',
      commit: 'de8665b03244e3234d32cbe903afe26ffb76f2af',
      time: '20241204145508',
      path: 'charts/kube-prometheus-stack',
      subcharts: {
        'kube-state-metrics': prometheusCommunity('kube-state-metrics-5.27.0', 'e5dcb613f0e40b21659d6a9a4f4feb969811d1e5', '20241109203948'),
        'prometheus-node-exporter': prometheusCommunity('prometheus-node-exporter-4.42.0', '96cc33bd1afca7347ca377e9200e16b65abf7bec', '20241105074531'),
        grafana: grafanaChart('grafana-8.6.4', '3185a30ec8af9251dc595037890c0aa72ea3db09', '20241129141458'),
        'prometheus-windows-exporter': prometheusCommunity('prometheus-windows-exporter-0.7.1', '3cc3dbd75cf058109a75db18efe58801a112be3a', '20241025172338'),
      },
    },
  },
  kyverno: {
    '3.9.1': { module: 'github.com/kyverno/kyverno', version: 'v1.19.1', path: 'charts/kyverno' },
  },
  policyReporter: {
    '3.0.3': {
      module: 'github.com/kyverno/policy-reporter',
      tag: 'policy-reporter-3.0.3',
      commit: 'cd039758c23204bf70360ffdd89ec9307374239e',
      time: '20250214112004',
      path: 'charts/policy-reporter',
    },
    '3.0.0': {
      module: 'github.com/kyverno/policy-reporter',
      tag: 'policy-reporter-3.0.0',
      commit: '0b0488cb46bf8557937284ce6d601527a5c21295',
      time: '20250126104156',
      path: 'charts/policy-reporter',
    },
  },
  pushgateway: {
    '2.17.0': {
      module: 'github.com/prometheus-community/helm-charts',
      tag: 'prometheus-pushgateway-2.17.0',
      commit: '61d3fb22b968592b7fbebf0eb1e46547d9ce2557',
      time: '20250115195234',
      path: 'charts/prometheus-pushgateway',
    },
  },
  sealedSecrets: {
    '2.17.1': { module: 'github.com/bitnami-labs/sealed-secrets', version: 'v0.29.0', path: 'helm/sealed-secrets' },
    '2.16.2': {
      module: 'github.com/bitnami-labs/sealed-secrets',
      tag: 'helm-v2.16.2',
      commit: 'af347ef5c74f8c37481f623648ac57b8b762c1b9',
      time: '20241105120002',
      path: 'helm/sealed-secrets',
    },
  },
  // The chart lives in the cluster-autoscaler Go module's folder (module k8s.io/autoscaler/cluster-autoscaler,
  // its own go.mod) since chart 9.52.0, which the module proxy leaves out of the root module's zip:
  // this source is read from a bare clone (GITOPS_CDK_CHART_GIT, `kubernetes+autoscaler`).
  clusterAutoscaler: {
    '9.53.0': {
      module: 'github.com/kubernetes/autoscaler',
      tag: 'cluster-autoscaler-chart-9.53.0',
      commit: 'a2db9eb71c285fe5779c622e9255b17b08e78147',
      time: '20251204001025',
      path: 'cluster-autoscaler/charts/cluster-autoscaler',
    },
  },
  // No go.mod and no dependencies at the tag: the module is the repository at the tag's commit.
  velero: {
    '11.4.0': {
      module: 'github.com/vmware-tanzu/helm-charts',
      tag: 'velero-11.4.0',
      commit: 'd3c3d645a0249d26ad1d7b41b3a53634fd377940',
      time: '20260224100956',
      path: 'charts/velero',
    },
  },
  // No dependencies, no CRDs and no go.mod at the tag. The module proxy reachable here answers 403 to
  // this pseudo-version (it serves only its newest, chart 2.5.30, whose tag's commit was not known);
  // a bare clone (GITOPS_CDK_CHART_GIT, `opencost+opencost-helm-chart`) holds the tag.
  opencost: {
    '2.5.17': {
      module: 'github.com/opencost/opencost-helm-chart',
      tag: 'opencost-2.5.17',
      commit: '725bb939d6a631a7b679cef38fe42a3d872efe64',
      time: '20260428180144',
      path: 'charts/opencost',
    },
  },
  tempo: {
    '1.18.1': { module: 'github.com/grafana/helm-charts', tag: 'tempo-1.18.1', commit: 'be5bfb9eefa1ac1323c15d116e0429030560c5bd', time: '20250118152227', path: 'charts/tempo' },
  },
};

/** The Go module version to fetch: the release tag, or the pseudo-version of the chart tag's commit. */
export function moduleVersionOf(source: ChartSource): string {
  return 'version' in source ? source.version : `v0.0.0-${source.time}-${source.commit.slice(0, 12)}`;
}

/** `module@version`, what `go mod download` takes. */
export function moduleQuery(source: ChartSource): string {
  return `${source.module}@${moduleVersionOf(source)}`;
}

/** The source of `chart` at `version`, or undefined when the table does not know the pin. */
export function chartSourceOf(chart: keyof ChartVersions, version: string): ChartSource | undefined {
  return CHART_SOURCES[chart][version];
}

/**
 * The Helm Argo CD's repo server renders charts with, per argo-cd chart pin: argo-cd
 * hack/tool-versions.sh `helm3_version` at v2.14.2 (chart 7.8.2) and v2.13.2 (chart 7.7.11).
 * engines/helm builds one of them (test/apps/verify/engine-pins.test.ts); `helm template` output
 * does not differ between these minors for the charts we install.
 */
export const ARGO_CD_HELM: Readonly<Record<string, string>> = { '7.8.2': 'v3.16.3', '7.7.11': 'v3.15.4' };
