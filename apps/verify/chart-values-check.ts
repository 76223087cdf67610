import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One dependency a chart's Chart.yaml declares. */
export interface ChartDependency {
  readonly name: string;
  /** The key its values live under in the parent's values: the alias, else the name. */
  readonly key: string;
  readonly version?: string;
  readonly repository?: string;
  readonly condition?: string;
}

/** What the key check reads of a chart: its defaults, its templates and its subcharts. */
export interface ChartModel {
  readonly name: string;
  readonly version: string;
  /** values.yaml, parsed (null when it is empty). */
  readonly defaults: unknown;
  /** Every file under templates/ (helpers included), as text. */
  readonly templates: readonly string[];
  readonly dependencies: readonly ChartDependency[];
  /** The subcharts present under charts/, by dependency key; a missing key is a subchart we do not have. */
  readonly subcharts: ReadonlyMap<string, ChartModel>;
}

/** A value we set that the chart does not read as we meant. */
export interface ValueProblem {
  /** Dotted path from the chart's root values, e.g. `tempo.receivers.jaeger`. */
  readonly path: string;
  readonly problem: string;
  readonly fix: string;
}

export interface ValueCheck {
  readonly problems: readonly ValueProblem[];
  /** Values under a subchart whose source is not at hand: not checked (the render stubs the subchart). */
  readonly unchecked: readonly string[];
}

type Tree = { readonly [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return isTree(value) ? 'map' : typeof value;
}

/** `a.b.c` in a template: `.Values.a.b.c` (also as `$.Values...`), ending at a non-identifier character. */
function referencePattern(path: readonly string[], child: boolean): RegExp {
  const escaped = path.map((segment) => segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\.');
  return new RegExp(`\\.Values\\.${escaped}${child ? '\\.[A-Za-z_]' : '(?![A-Za-z0-9_])'}`);
}

/** `index .Values "a" "b"`: how templates read keys that are not identifiers (`redis-ha`). */
function indexedReference(path: readonly string[]): RegExp {
  const quoted = path.map((segment) => `\\s+"${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).join('');
  return new RegExp(`index\\s+\\$?\\.Values${quoted}`);
}

/**
 * A map the templates iterate (`range $k, $v := .Values.a.b`, `range ... index .Values
 * "grafana.ini"`): its keys are the chart's output, not the chart's settings. grafana 8.6/8.8
 * `_config.tpl` writes every section and key of `grafana.ini` into grafana.ini, including ones
 * its values.yaml does not list. (`toYaml .Values.x` is not counted: charts dump resources and
 * security contexts that way, and a misspelt key there should still be caught.)
 */
function readWhole(path: readonly string[], templates: string): boolean {
  const escaped = path.map((segment) => segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const dotted = `\\$?\\.Values\\.${escaped.join('\\.')}(?![A-Za-z0-9_.])`;
  const indexed = `\\(?\\s*index\\s+\\$?\\.Values${escaped.map((segment) => `\\s+"${segment}"`).join('')}\\s*\\)?(?!\\s+")`;
  return [dotted, indexed].some((reference) => new RegExp(`range\\s+(?:\\$\\w+\\s*,\\s*\\$\\w+\\s*:=\\s*)?${reference}`).test(templates));
}

/**
 * Checks the values we hand a chart against the chart itself, at its pinned version:
 *
 * - every key we set exists in the chart's values.yaml, or its templates read it
 *   (`.Values.<path>`, `index .Values "<key>"`); below a key whose default is an empty map or null
 *   (free-form maps: labels, annotations, extra config), or that the templates iterate whole
 *   (`range`: grafana's `grafana.ini`, cluster-autoscaler's `extraArgs`), anything goes;
 * - no value is `null` where the templates read a field below it (`.Values.<path>.<field>`): Helm
 *   deletes a key set to null, and a template that then reads a field of it fails the whole render
 *   with a nil pointer (as tempo 1.18.1 does for `tempo.receivers.jaeger: null`);
 * - a value replaces a default of the same kind: a map for a map, a scalar for a scalar (Helm
 *   warns and drops one of them otherwise).
 *
 * Values under a subchart's key are checked against the subchart when its source is present;
 * otherwise they are listed as unchecked.
 */
export function checkValues(chart: ChartModel, values: unknown): ValueCheck {
  const problems: ValueProblem[] = [];
  const unchecked: string[] = [];
  if (!isTree(values)) return { problems, unchecked };
  checkTree(chart, chart.templates.join('\n'), [], values, chart.defaults, problems, unchecked, '');
  return { problems, unchecked };
}

function checkTree(
  chart: ChartModel,
  templates: string,
  path: readonly string[],
  values: Tree,
  defaults: unknown,
  problems: ValueProblem[],
  unchecked: string[],
  prefix: string,
): void {
  for (const [key, value] of Object.entries(values)) {
    const at = [...path, key];
    const shown = `${prefix}${at.join('.')}`;
    if (path.length === 0) {
      const dependency = chart.dependencies.find((d) => d.key === key);
      if (dependency !== undefined) {
        const subchart = chart.subcharts.get(key);
        if (subchart === undefined) {
          unchecked.push(`${shown} (subchart ${dependency.name}${dependency.version === undefined ? '' : ` ${dependency.version}`} not at hand)`);
        } else if (isTree(value)) {
          // The parent's values.yaml may override the subchart's defaults under the same key.
          const merged = isTree(defaults) && isTree(defaults[key]) ? { ...(isTree(subchart.defaults) ? subchart.defaults : {}), ...defaults[key] } : subchart.defaults;
          checkTree(subchart, subchart.templates.join('\n'), [], value, merged, problems, unchecked, `${shown}.`);
        }
        continue;
      }
    }
    const known = isTree(defaults) && Object.hasOwn(defaults, key);
    if (!known) {
      // An empty map or null default is a free-form map: labels, annotations, extra settings.
      if (defaults === null || (isTree(defaults) && Object.keys(defaults).length === 0)) continue;
      // Below a map the templates iterate or dump whole, any key is passed through.
      if (path.some((_, i) => readWhole(path.slice(0, i + 1), templates))) continue;
      if (referencePattern(at, false).test(templates) || referencePattern(at, true).test(templates) || indexedReference(at).test(templates)) continue;
      problems.push({
        path: shown,
        problem: `${chart.name} ${chart.version} has no value ${shown}: not in its values.yaml and not read by its templates`,
        fix: `remove it, or use the key the chart reads (see ${chart.name}'s values.yaml at ${chart.version})`,
      });
      continue;
    }
    const fallback = (defaults as Tree)[key];
    if (value === null) {
      if (referencePattern(at, true).test(templates)) {
        const read = referencePattern(at, true).exec(templates)![0];
        problems.push({
          path: shown,
          problem: `${shown} is null, but ${chart.name} ${chart.version}'s templates read a field below it (${read.replace(/\.[A-Za-z_]$/, '.…')}): Helm deletes the key and the render fails with a nil pointer`,
          fix: `keep ${shown} a map (leave the chart's default, or set the fields below it) instead of null`,
        });
      }
      continue;
    }
    if (fallback !== null && kindOf(fallback) !== kindOf(value) && (isTree(fallback) || isTree(value))) {
      problems.push({
        path: shown,
        problem: `${shown} is a ${kindOf(value)}, but ${chart.name} ${chart.version}'s default is a ${kindOf(fallback)}`,
        fix: `set ${shown} as a ${kindOf(fallback)}, as the chart's values.yaml does`,
      });
      continue;
    }
    if (isTree(value) && isTree(fallback)) checkTree(chart, templates, at, value, fallback, problems, unchecked, prefix);
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

interface ChartYaml {
  readonly name?: string;
  readonly version?: string | number;
  readonly dependencies?: readonly { readonly name: string; readonly alias?: string; readonly version?: string; readonly repository?: string; readonly condition?: string }[];
}

/** Reads a chart folder (Chart.yaml, values.yaml, templates/, charts/<subchart>/) into what the check needs. */
export function loadChart(dir: string): ChartModel {
  const meta = (parse(readFileSync(join(dir, 'Chart.yaml'), 'utf8')) ?? {}) as ChartYaml;
  const valuesFile = join(dir, 'values.yaml');
  const defaults: unknown = existsSync(valuesFile) ? (parse(readFileSync(valuesFile, 'utf8')) ?? null) : null;
  const dependencies: ChartDependency[] = (meta.dependencies ?? []).map((d) => ({
    name: d.name,
    key: d.alias ?? d.name,
    ...(d.version !== undefined ? { version: String(d.version) } : {}),
    ...(d.repository !== undefined ? { repository: d.repository } : {}),
    ...(d.condition !== undefined ? { condition: d.condition } : {}),
  }));
  const subcharts = new Map<string, ChartModel>();
  const chartsDir = join(dir, 'charts');
  if (existsSync(chartsDir)) {
    for (const entry of readdirSync(chartsDir).sort()) {
      const sub = join(chartsDir, entry);
      if (!statSync(sub).isDirectory() || !existsSync(join(sub, 'Chart.yaml'))) continue;
      const model = loadChart(sub);
      for (const d of dependencies.filter((x) => x.name === model.name)) subcharts.set(d.key, model);
    }
  }
  return {
    name: meta.name ?? dir,
    version: String(meta.version ?? ''),
    defaults,
    templates: filesUnder(join(dir, 'templates')).map((file) => readFileSync(file, 'utf8')),
    dependencies,
    subcharts,
  };
}
