import { ApiObject, type Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';
import { isKubeManifest, type KubeManifest } from '../synth/kube-manifest';
import { type ResultLocation, resultsOf, safely, suppressionResults } from './evaluate';
import type { RuleResult } from './result';
import type { KubernetesRule, RuleEnvironment } from './types';

export interface KubernetesEvaluation {
  readonly environment: RuleEnvironment;
  /** The rules to run: the Kubernetes rules of the environment's pack. */
  readonly rules: readonly KubernetesRule[];
  /** Every Kubernetes rule id a suppression may name (the catalogue), not only those that run here. */
  readonly knownRules: ReadonlySet<string>;
  /** Today in UTC (`YYYY-MM-DD`): suppressions that expired before it fail. */
  readonly today: string;
  /**
   * Every object the environment renders, which rules may read as companions of the object they
   * check. @default - the objects of the chart evaluated
   */
  readonly objects?: readonly KubeManifest[];
}

/** `kind/name` or `kind/namespace/name`: how a reviewer finds the object. */
export function objectName(manifest: KubeManifest): string {
  const { namespace, name } = manifest.metadata;
  return namespace === undefined ? `${manifest.kind}/${name}` : `${manifest.kind}/${namespace}/${name}`;
}

/**
 * Runs the rules on every ApiObject of `chart` as it is written to dist/ (`apiObject.toJson()`),
 * and checks the suppressions declared in and above the chart. Every result comes back: a pass
 * per rule and object it applies to, a failure (or suppressed result) per finding. The unit is the
 * chart's id (the component).
 */
export function evaluateKubernetesRules(chart: Chart, evaluation: KubernetesEvaluation): RuleResult[] {
  const { environment, today, knownRules } = evaluation;
  const unit = chart.node.id;
  const locate = (resource: string, path: string, at = unit): ResultLocation => ({ environment: environment.name, engine: 'kubernetes', unit: at, resource, path });
  const names = new Map<IConstruct, string>();

  const rendered = chart.node
    .findAll()
    .filter((c): c is ApiObject => ApiObject.isApiObject(c))
    .map((apiObject) => ({ apiObject, manifest: apiObject.toJson() as unknown }));
  const objects = evaluation.objects ?? rendered.map((r) => r.manifest).filter(isKubeManifest);

  const ruleResults = rendered.flatMap(({ apiObject, manifest }) => {
    if (!isKubeManifest(manifest)) return [];
    names.set(apiObject, objectName(manifest));
    const type = `${manifest.apiVersion}/${manifest.kind}`;
    return evaluation.rules
      .filter((rule) => rule.objectTypes.includes(type))
      .flatMap((rule) => {
        const subject = { kind: 'object', field: 'metadata.name', value: manifest.metadata.name } as const;
        const findings = safely(rule, subject, () => rule.check(manifest, { environment, objects })) ?? [];
        return resultsOf(rule, findings, locate(objectName(manifest), apiObject.node.path), apiObject, today);
      });
  });

  const above = chart.node.scopes.filter((scope) => scope !== chart);
  const suppressions = [
    ...chart.node.findAll().flatMap((c) => suppressionResults(c, locate(names.get(c) ?? c.node.path, c.node.path), today, knownRules)),
    ...above.flatMap((c) => suppressionResults(c, locate(c.node.path || '(app)', c.node.path, '(all components)'), today, knownRules)),
  ];
  return [...ruleResults, ...suppressions];
}
