import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { toYaml } from '../core/yaml-text';

export type RenderedSource = NonNullable<IApplication['spec']['source']>;

/** Values passed to a Helm chart; typed per chart where it is built. */
export type HelmValues = { readonly [key: string]: HelmValue };
export type HelmValue = string | number | boolean | null | readonly HelmValue[] | HelmValues;

/** An upstream Helm chart: where it lives and what it is called there. */
export interface HelmChartRef {
  readonly repoUrl: string;
  readonly chart: string;
}

/**
 * What an Application deploys: a pinned Helm chart from an upstream repository, or a folder of
 * this repository's rendered manifests at the environment's revision.
 */
export abstract class ApplicationSource {
  static helmChart(chart: HelmChartRef, version: string, values: HelmValues = {}): ApplicationSource {
    return new HelmChartSource(chart, version, values);
  }

  static gitPath(repoUrl: string, revision: string, path: string): ApplicationSource {
    return new GitPathSource(repoUrl, revision, path);
  }

  abstract readonly repoUrl: string;
  /** The version or Git revision Argo CD will deploy; the rule k8s-prod-pinned-revisions checks it is pinned in production. */
  abstract readonly revision: string;
  abstract render(): RenderedSource;
}

class HelmChartSource extends ApplicationSource {
  readonly repoUrl: string;
  readonly revision: string;

  constructor(
    private readonly chart: HelmChartRef,
    version: string,
    private readonly values: HelmValues,
  ) {
    super();
    this.repoUrl = chart.repoUrl;
    this.revision = version;
  }

  render(): RenderedSource {
    const hasValues = Object.keys(this.values).length > 0;
    return {
      repoURL: this.chart.repoUrl,
      chart: this.chart.chart,
      targetRevision: this.revision,
      // A YAML string, not `valuesObject`: ApplicationSets template strings (`{{.name}}`) but not
      // the raw `valuesObject` (argo-cd#14912). Keys are sorted, so the diff stays line by line.
      ...(hasValues ? { helm: { values: toYaml(sortKeys(this.values)) } } : {}),
    };
  }
}

class GitPathSource extends ApplicationSource {
  constructor(
    readonly repoUrl: string,
    readonly revision: string,
    private readonly path: string,
  ) {
    super();
  }

  render(): RenderedSource {
    return { repoURL: this.repoUrl, targetRevision: this.revision, path: this.path };
  }
}

function sortKeys(value: HelmValue): HelmValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as HelmValues;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key] as HelmValue)]),
  );
}
