import { type KubernetesUnit, unitLabel } from '../../estate-unit';
import { stringAt } from '../json-values';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { compareChartVersions, exactChartVersion } from './chart-version';
import { applicationSources } from './kubernetes-objects';

interface ChartSource {
  readonly chart: string;
  readonly repoURL: string;
  readonly revision: string;
  /** Where the revision is, as FieldChange paths read: `spec.source.targetRevision`, `spec.template.spec.sources[1].targetRevision`. */
  readonly path: string;
}

/** The Helm chart sources of an Application, or of the Applications an ApplicationSet generates (a source without `chart` is a Git source). */
function chartSources(unit: KubernetesUnit | undefined): ChartSource[] {
  return applicationSources(unit).flatMap(({ source, path }) => {
    const chart = stringAt(source, 'chart');
    if (chart === undefined) return [];
    return [{ chart, repoURL: stringAt(source, 'repoURL') ?? '', revision: stringAt(source, 'targetRevision') ?? '', path: `${path}.targetRevision` }];
  });
}

/** The base source of the same chart: same repository and chart, else the same chart name (a repository move keeps the chart's history). */
function baseOf(source: ChartSource, base: readonly ChartSource[]): ChartSource | undefined {
  return base.find((b) => b.chart === source.chart && b.repoURL === source.repoURL) ?? base.find((b) => b.chart === source.chart);
}

/** A revision an ApplicationSet generator fills in (`{{.values.chartVersion}}`) is decided elsewhere and not judged here. */
const TEMPLATED = /\{\{.*\}\}/;

export const chartVersionRisky: RiskRule<'kubernetes'> = {
  id: 'chart-version-risky',
  engine: 'kubernetes',
  title: 'a Helm chart downgraded, moved a major version or unpinned',
  check(change, context) {
    const head = change.head;
    if (head === undefined) return [];
    const base = chartSources(change.base);
    const findings: RiskFinding[] = [];
    const level = highInProduction(context.tier);
    for (const source of chartSources(head)) {
      const before = baseOf(source, base);
      if (before?.revision === source.revision || TEMPLATED.test(source.revision)) continue;
      const label = `${unitLabel(head)}: chart ${source.chart}`;
      const from = before === undefined ? `added at ${show(source.revision)}` : `targetRevision ${show(before.revision)} -> ${show(source.revision)}`;
      const after = exactChartVersion(source.revision);
      if (source.revision === '') {
        // Masterminds semver accepts an empty string neither as a version nor as a constraint: Argo CD reports "invalid revision".
        findings.push({ level, reason: `${label} ${from}: Argo CD cannot resolve an empty chart revision; the Application fails to render`, path: source.path });
        continue;
      }
      if (after === undefined) {
        findings.push({
          level,
          reason: `${label} ${from}: not an exact version, so Argo CD installs whatever newest chart matches at each refresh (unpinned, unreviewed upgrades)`,
          path: source.path,
        });
        continue;
      }
      const previous = before !== undefined ? exactChartVersion(before.revision) : undefined;
      if (previous === undefined) continue;
      const downgrade = compareChartVersions(after, previous) < 0;
      const majorMove = after.major !== previous.major;
      if (!downgrade && !majorMove) continue;
      const what = [
        downgrade ? 'downgraded (CRDs and stored objects may be newer than the chart understands)' : '',
        majorMove ? `moved a major version (${previous.major} -> ${after.major}: breaking changes to values and resources)` : '',
      ]
        .filter((part) => part !== '')
        .join(' and ');
      findings.push({ level, reason: `${label} ${from}: ${what}`, path: source.path });
    }
    return findings;
  },
};

function show(revision: string): string {
  return revision === '' ? '(empty)' : revision;
}
