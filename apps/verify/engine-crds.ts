import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kyvernoReleaseOfChart } from '../../constructs/kyverno/kyverno-release';
import type { ChartVersions } from '../../environments/types';

/** Charts whose engines bring the CRDs our documents use. */
export type CrdChart = keyof Pick<ChartVersions, 'argoCd' | 'argoRollouts' | 'kubePrometheusStack' | 'kyverno' | 'sealedSecrets' | 'velero'>;

interface CrdSource {
  /** Go module of the engine's release; its zip carries the released CRD manifests. */
  readonly module: string;
  /** Chart version -> the engine's version (the chart's appVersion, read from the chart's tag). */
  readonly versions: Readonly<Record<string, string>>;
  /** Folders inside the module holding the CRD manifests, and which files there are CRDs. */
  readonly folders: readonly string[];
  readonly files: RegExp;
}

/**
 * Where each engine publishes its CRDs, per chart pin. The chart -> app version mapping is read
 * from the charts' own tags (argoproj/argo-helm `argo-cd-7.8.2` charts/argo-cd/Chart.yaml, etc.);
 * the folders are the ones the charts' CRDs are generated from (byte-identical at these pins).
 * A pin missing here fails `npm test` (test/apps/verify/engine-pins.test.ts) before it reaches CI.
 */
export const CRD_SOURCES: Readonly<Record<CrdChart, CrdSource>> = {
  argoCd: {
    module: 'github.com/argoproj/argo-cd/v2',
    versions: { '7.8.2': 'v2.14.2', '7.7.11': 'v2.13.2' },
    folders: ['manifests/crds'],
    files: /-crd\.yaml$/,
  },
  argoRollouts: {
    module: 'github.com/argoproj/argo-rollouts',
    versions: { '2.39.0': 'v1.8.0', '2.38.0': 'v1.7.2' },
    folders: ['manifests/crds'],
    files: /-crd\.yaml$/,
  },
  kubePrometheusStack: {
    module: 'github.com/prometheus-operator/prometheus-operator',
    versions: { '67.9.0': 'v0.79.2', '66.3.1': 'v0.78.2' },
    // Not example/prometheus-operator-crd-full: its AlertmanagerConfig v1beta1 needs the conversion webhook.
    folders: ['example/prometheus-operator-crd'],
    files: /\.yaml$/,
  },
  kyverno: {
    module: 'github.com/kyverno/kyverno',
    versions: {},
    folders: ['config/crds/kyverno', 'config/crds/policies.kyverno.io', 'config/crds/policyreport', 'config/crds/reports'],
    files: /\.yaml$/,
  },
  sealedSecrets: {
    module: 'github.com/bitnami-labs/sealed-secrets',
    versions: { '2.17.1': 'v0.28.0', '2.16.2': 'v0.27.2' },
    folders: ['helm/sealed-secrets/crds'],
    files: /\.yaml$/,
  },
  // The chart's crds/ (helm-charts tag velero-11.4.0) are velero's config/crd bases at its
  // appVersion, re-wrapped and labelled `component: velero`: the same schemas.
  velero: {
    module: 'github.com/vmware-tanzu/velero',
    versions: { '11.4.0': 'v1.17.1' },
    folders: ['config/crd/v1/bases', 'config/crd/v2alpha1/bases'],
    files: /^velero\.io_.*\.yaml$/,
  },
};

/** The engine release a chart pin deploys, or undefined when the table does not know the pin. */
export function engineVersionOf(chart: CrdChart, pin: string): string | undefined {
  // Kyverno's releases are listed once, with what else depends on them (kyverno-release.ts).
  if (chart === 'kyverno') return kyvernoReleaseOfChart(pin)?.kyverno;
  return CRD_SOURCES[chart].versions[pin];
}

export interface CrdManifest {
  /** `module@version`. */
  readonly module: string;
  /** `module@version/path`, for messages. */
  readonly source: string;
  readonly yaml: string;
}

/**
 * The CRD manifests of every engine at the environment's pins, from the engines' Go modules
 * (`go mod download`, verified against the Go checksum database).
 */
export function engineCrds(charts: ChartVersions): CrdManifest[] {
  return (Object.keys(CRD_SOURCES) as CrdChart[]).flatMap((chart) => {
    const source = CRD_SOURCES[chart];
    const version = engineVersionOf(chart, charts[chart]);
    if (version === undefined) throw new Error(`no CRD source for ${chart} chart ${charts[chart]}: add it to CRD_SOURCES in apps/verify/engine-crds.ts`);
    const dir = moduleDir(`${source.module}@${version}`);
    return source.folders.flatMap((folder) =>
      readdirSync(join(dir, folder))
        .filter((file) => source.files.test(file))
        .sort()
        .map((file) => ({ module: `${source.module}@${version}`, source: `${source.module}@${version}/${folder}/${file}`, yaml: readFileSync(join(dir, folder, file), 'utf8') })),
    );
  });
}

function moduleDir(moduleAtVersion: string): string {
  const result = spawnSync('go', ['mod', 'download', '-json', moduleAtVersion], { encoding: 'utf8' });
  const info = result.status === 0 ? (JSON.parse(result.stdout) as { Dir?: string; Error?: string }) : undefined;
  if (info?.Dir === undefined) throw new Error(`go mod download ${moduleAtVersion} failed: ${info?.Error ?? result.stderr.trim()}`);
  return info.Dir;
}
