import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { CLUSTER_LABELS } from '../../constructs/kubernetes/gitops-cdk-labels';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import type { PlatformAddon } from '../../constructs/platform/addons/platform-addon';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { type ChartSource, chartSourceOf, moduleQuery } from './chart-sources';
import { type ChartModel, checkValues, loadChart } from './chart-values-check';
import type { Document } from './documents';
import { servicesWithoutTargetPort } from './rendered-services';

/** One add-on as Argo CD renders it on one cluster: chart, pin, release, namespace and values. */
export interface AddonRelease {
  readonly addon: PlatformAddon;
  /** The dist/ file of its Application(Set), for messages. */
  readonly file: string;
  /** The chart version Argo CD fetches (`targetRevision`). */
  readonly version: string;
  readonly cluster: string;
  readonly kubernetesVersion: string;
  /** Helm release: the Application's name (Argo CD's default when `helm.releaseName` is unset). */
  readonly release: string;
  readonly namespace: string;
  /** The values Helm receives on that cluster, after the ApplicationSet's Go template. */
  readonly values: unknown;
}

interface HelmSource {
  readonly chart?: string;
  readonly repoURL?: string;
  readonly targetRevision?: string;
  readonly helm?: { readonly values?: string; readonly valuesObject?: unknown; readonly releaseName?: string };
}

interface ApplicationSpec {
  readonly source?: HelmSource;
  readonly destination?: { readonly name?: string; readonly namespace?: string };
}

/** The values text of a source: `values` (YAML text) or `valuesObject`. */
function valuesText(source: HelmSource): string {
  if (source.helm?.values !== undefined) return source.helm.values;
  return source.helm?.valuesObject === undefined ? '' : stringify(source.helm.valuesObject);
}

/**
 * Renders ApplicationSet Go templates (goTemplate: true) with Go's text/template and sprig, as the
 * ApplicationSet controller does, by handing them to Helm's `tpl` with the cluster generator's
 * parameters as the data: a throwaway chart whose templates are `tpl` of the texts.
 */
export class ApplicationSetTemplates {
  private readonly chart: string;

  constructor(
    private readonly helm: string,
    scratch: string,
  ) {
    this.chart = join(scratch, 'applicationset-template');
    mkdirSync(join(this.chart, 'templates'), { recursive: true });
    writeFileSync(join(this.chart, 'Chart.yaml'), 'apiVersion: v2\nname: applicationset-template\nversion: 0.0.0\n');
  }

  /** Each text rendered with `.name` = `cluster` (the cluster generator's `name` parameter). */
  render(texts: readonly string[], cluster: string): string[] {
    for (const file of readdirSync(join(this.chart, 'templates'))) writeFileSync(join(this.chart, 'templates', file), '');
    texts.forEach((text, i) => {
      writeFileSync(join(this.chart, `text-${i}.txt`), text);
      // Quoted as a JSON string in a one-key map: Helm parses every rendered file as a YAML object.
      writeFileSync(join(this.chart, 'templates', `text-${i}.yaml`), `rendered: {{ tpl (.Files.Get "text-${i}.txt") .Values.parameters | toJson }}\n`);
    });
    const result = spawnSync(this.helm, ['template', 'applicationset', this.chart, '--set-string', `parameters.name=${cluster}`], { encoding: 'utf8', env: helmEnv(this.chart) });
    if (result.status !== 0) throw new Error(`rendering the ApplicationSet template for ${cluster} failed: ${result.stderr.trim()}`);
    const parts = result.stdout.split(/^# Source: applicationset-template\/templates\/text-(\d+)\.yaml\n/m);
    const rendered: string[] = texts.map(() => '');
    for (let i = 1; i < parts.length; i += 2)
      rendered[Number(parts[i])] = String((parse((parts[i + 1] ?? '').replace(/\n---\n?$/, '\n')) as { rendered?: unknown } | null)?.rendered ?? '');
    return rendered;
  }
}

/** Helm's own folders inside the scratch folder: nothing read from or written to the home folder. */
function helmEnv(scratch: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HELM_CACHE_HOME: join(scratch, '.helm', 'cache'),
    HELM_CONFIG_HOME: join(scratch, '.helm', 'config'),
    HELM_DATA_HOME: join(scratch, '.helm', 'data'),
  };
}

/** The add-on an Application(Set) source installs, by chart and repository. */
/**
 * The add-on a Helm source installs. Several add-ons may share one chart (Velero: one per cloud);
 * then the object's name tells them apart (the ApplicationSet is named after its add-on, an
 * Application `<cluster>-<add-on>`).
 */
export function addonOf(source: HelmSource | undefined, objectName: string): PlatformAddon | undefined {
  const candidates = PLATFORM_ADDONS.filter((a) => a.chart.chart === source?.chart && a.chart.repoUrl === source?.repoURL);
  if (candidates.length <= 1) return candidates[0];
  return candidates.find((a) => objectName === a.name || objectName.endsWith(`-${a.name}`)) ?? candidates[0];
}

/**
 * The clusters of `spec` a cluster generator with `matchLabels` yields: those whose cluster Secret
 * carries every label (constructs/argocd/cluster-registration.ts: the cluster's own `labels`, then
 * env, cloud, region and role).
 */
export function clustersSelected(spec: EnvironmentSpec, matchLabels: Readonly<Record<string, string>>): ClusterSpec[] {
  return spec.clusters.filter((cluster) => {
    const labels: Readonly<Record<string, string>> = {
      ...cluster.labels,
      [CLUSTER_LABELS.env]: spec.name,
      [CLUSTER_LABELS.cloud]: cluster.cloud,
      [CLUSTER_LABELS.region]: cluster.region,
      [CLUSTER_LABELS.role]: cluster.role,
    };
    return Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
  });
}

/** Every add-on Application and ApplicationSet of the documents, as Argo CD renders it on each cluster. */
export function addonReleases(spec: EnvironmentSpec, documents: readonly Document[], templates: ApplicationSetTemplates): AddonRelease[] {
  const clusterOf = (name: string) => spec.clusters.find((c) => c.name === name);
  return documents.flatMap((document): AddonRelease[] => {
    const { kind } = document.object;
    if (kind === 'Application') {
      const app = document.object.spec as ApplicationSpec | undefined;
      const addon = addonOf(app?.source, document.object.metadata.name);
      const cluster = clusterOf(app?.destination?.name ?? '');
      if (addon === undefined || cluster === undefined || app?.source === undefined) return [];
      return [
        {
          addon,
          file: document.file,
          version: String(app.source.targetRevision),
          cluster: cluster.name,
          kubernetesVersion: cluster.kubernetesVersion,
          release: app.source.helm?.releaseName ?? document.object.metadata.name,
          namespace: app.destination?.namespace ?? 'default',
          values: parse(valuesText(app.source)) ?? {},
        },
      ];
    }
    if (kind === 'ApplicationSet') {
      const set = document.object.spec as
        | {
            readonly template?: { readonly metadata?: { readonly name?: string }; readonly spec?: ApplicationSpec };
            readonly generators?: readonly { readonly clusters?: { readonly selector?: { readonly matchLabels?: Readonly<Record<string, string>> } } }[];
          }
        | undefined;
      const source = set?.template?.spec?.source;
      const addon = addonOf(source, document.object.metadata.name);
      if (addon === undefined || source === undefined) return [];
      // The cluster generator selects the environment's cluster Secrets by their labels
      // (cluster-registration.ts): every cluster of the spec, or those of one cloud.
      return clustersSelected(spec, set?.generators?.[0]?.clusters?.selector?.matchLabels ?? {}).map((cluster) => {
        const [name = '', values = ''] = templates.render([set?.template?.metadata?.name ?? '', valuesText(source)], cluster.name);
        return {
          addon,
          file: document.file,
          version: String(source.targetRevision),
          cluster: cluster.name,
          kubernetesVersion: cluster.kubernetesVersion,
          release: source.helm?.releaseName ?? name.trim(),
          namespace: set?.template?.spec?.destination?.namespace ?? 'default',
          values: parse(values) ?? {},
        };
      });
    }
    return [];
  });
}

/** A chart source at hand, or why not. */
export type ObtainedChart = { readonly dir: string; readonly from: string } | { readonly unavailable: string };

/**
 * The chart folder of `source`: from the Go module proxy (`go mod download`, checked against the
 * checksum database), else from a bare clone in GITOPS_CDK_CHART_GIT (`<dir>/<owner>+<repo>`,
 * `git archive` of the pinned commit). Nothing is written into the repository.
 */
export function obtainChart(source: ChartSource, scratch: string): ObtainedChart {
  const query = moduleQuery(source);
  const result = spawnSync('go', ['mod', 'download', '-json', query], { encoding: 'utf8' });
  let info: { Dir?: string; Error?: string } | undefined;
  try {
    info = JSON.parse(result.stdout) as { Dir?: string; Error?: string };
  } catch {
    info = undefined;
  }
  if (info?.Dir !== undefined && existsSync(join(info.Dir, source.path, 'Chart.yaml'))) return { dir: join(info.Dir, source.path), from: `${query}/${source.path}` };
  const proxyError = (info?.Error ?? result.stderr ?? result.error?.message ?? '').trim().split('\n')[0] ?? '';
  const mirrors = process.env.GITOPS_CDK_CHART_GIT;
  const [owner, repo] = source.module.replace(/^github\.com\//, '').split('/');
  const gitDir = mirrors === undefined ? undefined : join(mirrors, `${owner}+${repo}`);
  if (gitDir !== undefined && existsSync(gitDir)) {
    const ref = 'commit' in source ? source.commit : source.version;
    const target = join(scratch, 'git', `${owner}+${repo}`, ref);
    mkdirSync(target, { recursive: true });
    const archive = spawnSync('sh', ['-c', `git --git-dir "$1" archive "$2" "$3" | tar -x -C "$4"`, 'archive', gitDir, ref, source.path, target], { encoding: 'utf8' });
    if (archive.status === 0 && existsSync(join(target, source.path, 'Chart.yaml'))) return { dir: join(target, source.path), from: `${gitDir} ${ref}:${source.path}` };
    return { unavailable: `module proxy: ${proxyError}; ${gitDir}: git archive ${ref} ${source.path} failed: ${archive.stderr.trim()}` };
  }
  return { unavailable: `module proxy: ${proxyError}${mirrors === undefined ? '' : `; no ${gitDir}`}` };
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

/**
 * A renderable copy of the chart: subcharts whose source is not in the chart's folder (remote
 * dependencies Helm would download with `--dependency-update`) are replaced by empty charts of the
 * same name, so that Helm's dependency check passes offline. Their templates are not rendered;
 * each is named in `stubbed`.
 */
export function renderableCopy(
  dir: string,
  target: string,
  subcharts: ReadonlyMap<string, string> = new Map(),
): { readonly dir: string; readonly chart: ChartModel; readonly stubbed: readonly string[] } {
  cpSync(dir, target, { recursive: true });
  for (const [name, subchart] of subcharts) cpSync(subchart, join(target, 'charts', name), { recursive: true });
  makeWritable(target); // the Go module cache is read-only
  const chart = loadChart(target);
  const stubbed: string[] = [];
  for (const dependency of chart.dependencies.filter((d) => !chart.subcharts.has(d.key))) {
    const stub = join(target, 'charts', `stub-${dependency.name}`);
    mkdirSync(join(stub, 'templates'), { recursive: true });
    writeFileSync(join(stub, 'Chart.yaml'), stringify({ apiVersion: 'v2', name: dependency.name, version: '0.0.0-stub' }));
    stubbed.push(
      `${dependency.name}${dependency.version === undefined ? '' : ` ${dependency.version}`}${dependency.repository === undefined ? '' : ` (${dependency.repository})`}`,
    );
  }
  return { dir: target, chart, stubbed };
}

/**
 * API versions the clusters serve besides Kubernetes' own: kube-prometheus-stack's CRDs, which the
 * charts test (`.Capabilities.APIVersions.Has "monitoring.coreos.com/v1"`) before rendering their
 * ServiceMonitors. Argo CD hands Helm the destination cluster's API versions the same way.
 */
const CLUSTER_API_VERSIONS = [
  'monitoring.coreos.com/v1',
  'monitoring.coreos.com/v1/ServiceMonitor',
  'monitoring.coreos.com/v1/PodMonitor',
  'monitoring.coreos.com/v1/PrometheusRule',
];

/** `helm template` of one release: Helm's error when it refuses, else the rendered manifests. */
export function helmTemplate(helm: string, chartDir: string, release: AddonRelease, scratch: string): { readonly error?: string; readonly manifests: string } {
  const valuesFile = join(scratch, `values-${release.cluster}-${release.addon.name}.yaml`);
  writeFileSync(valuesFile, JSON.stringify(release.values ?? {}));
  const args = ['template', release.release, chartDir, '--namespace', release.namespace, '--kube-version', `${release.kubernetesVersion}.0`, '--values', valuesFile];
  for (const api of CLUSTER_API_VERSIONS) args.push('--api-versions', api);
  const result = spawnSync(helm, args, { encoding: 'utf8', env: helmEnv(scratch), maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) return { error: (result.stderr || result.error?.message || `exit ${result.status}`).trim(), manifests: '' };
  return { manifests: result.stdout };
}

export interface ChartCheckReport {
  readonly problems: readonly string[];
  readonly lines: readonly string[];
}

/**
 * The charts check of one environment: for every add-on Application(Set) of dist/, the chart
 * source at its pin, every value checked against the chart's values.yaml and templates, and
 * `helm template` on every cluster the add-on runs on. A chart whose source cannot be obtained is
 * listed as not checked (a failure with GITOPS_CDK_CHARTS_REQUIRED=1): the check says what it did not see.
 */
export function checkCharts(spec: EnvironmentSpec, documents: readonly Document[], helm: string, scratch: string): ChartCheckReport {
  const problems: string[] = [];
  const lines: string[] = [];
  const releases = addonReleases(spec, documents, new ApplicationSetTemplates(helm, scratch));
  const byChart = new Map<string, AddonRelease[]>();
  for (const release of releases) byChart.set(`${release.addon.name}@${release.version}`, [...(byChart.get(`${release.addon.name}@${release.version}`) ?? []), release]);
  let rendered = 0;
  const unavailable: string[] = [];
  for (const [key, group] of byChart) {
    const { addon, version, file } = group[0]!;
    const source = chartSourceOf(addon.versionKey, version);
    if (source === undefined) {
      problems.push(`${file}: ${addon.name} chart ${version} has no source in CHART_SOURCES (apps/verify/chart-sources.ts): add its repository, tag and commit`);
      continue;
    }
    const obtained = obtainChart(source, scratch);
    if ('unavailable' in obtained) {
      unavailable.push(`${key} (${'tag' in source ? source.tag : moduleQuery(source)}): ${obtained.unavailable}`);
      continue;
    }
    const subcharts = new Map<string, string>();
    const notes = new Set<string>();
    for (const [name, subSource] of Object.entries(source.subcharts ?? {})) {
      const sub = obtainChart(subSource, scratch);
      if ('dir' in sub) subcharts.set(name, sub.dir);
      else notes.add(`subchart ${name} (${'tag' in subSource ? subSource.tag : moduleQuery(subSource)}) not at hand: ${sub.unavailable}`);
    }
    const copy = renderableCopy(obtained.dir, join(scratch, 'charts', `${addon.name}-${version}`), subcharts);
    if (copy.chart.version !== version) {
      problems.push(`${file}: ${obtained.from} is chart ${copy.chart.name} ${copy.chart.version}, not the pinned ${version}: fix CHART_SOURCES (apps/verify/chart-sources.ts)`);
      continue;
    }
    for (const release of group) {
      const checked = checkValues(copy.chart, release.values);
      for (const p of checked.problems) problems.push(`${release.file} (${release.cluster}): ${addon.name} ${version} value ${p.path}: ${p.problem}; fix: ${p.fix}`);
      for (const u of checked.unchecked) notes.add(`values not checked: ${u}`);
      const result = helmTemplate(helm, copy.dir, release, scratch);
      if (result.error !== undefined) {
        const message = result.error.replace(/\n*Use --debug flag to render out invalid YAML\s*$/, '');
        problems.push(`${release.file} (${release.cluster}): helm template ${addon.name} ${version} failed: ${message}`);
      } else {
        for (const p of servicesWithoutTargetPort(result.manifests)) problems.push(`${release.file} (${release.cluster}): ${addon.name} ${version} renders a ${p}`);
      }
      if (result.error === undefined) rendered += 1;
    }
    for (const s of copy.stubbed) notes.add(`subchart ${s} not rendered (stubbed: its source is not fetched)`);
    const withSubcharts = subcharts.size === 0 ? '' : ` with subcharts ${[...subcharts.keys()].join(', ')}`;
    lines.push(
      `${key} from ${obtained.from}${withSubcharts}: ${group.length} release(s) on ${group.map((r) => r.cluster).join(', ')}${[...notes].map((n) => `\n    ${n}`).join('')}`,
    );
  }
  lines.push(`charts: ${rendered} of ${releases.length} add-on releases rendered by Helm with their values`);
  // GITOPS_CDK_CHARTS_REQUIRED=1 (where the proxy serves every commit, or with GITOPS_CDK_CHART_GIT):
  // a chart not at hand is a failure, not a note.
  const required = process.env.GITOPS_CDK_CHARTS_REQUIRED === '1';
  for (const u of unavailable) (required ? problems : lines).push(`NOT CHECKED: ${u}`);
  return { problems, lines };
}
