import { ApiObject, type Chart } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import { isKubeManifest, type KubeManifest } from '../synth/kube-manifest';
import { type ResultLocation, resultOf, runsIn, suppressionResults } from './evaluate';
import type { ComplianceRecorder, ComplianceResult } from './result';
import { KUBERNETES_COMPLIANCE_RULES } from './rules';
import type { KubernetesComplianceRule, KubernetesRuleContext, RuleOutcome } from './types';

/**
 * Adds the Kubernetes compliance rules to `chart` as a construct validation. When the chart is
 * validated (`node.validate()`, as the synth does for every construct), every rule of the
 * environment's tier runs on every ApiObject of the chart (`apiObject.toJson()`), every result and
 * every failing suppression is recorded, and each unsuppressed `error` failure comes back as a
 * validation message `<field> is <value>; <object> (<path>): <problem> [<rule>] (fix: <fix>)`,
 * the shape `constructViolation` parses. Validating again replaces the recorded results.
 */
export function addKubernetesComplianceValidations(
  chart: Chart,
  spec: EnvironmentSpec,
  recorder: ComplianceRecorder,
  today: string,
  rules: readonly KubernetesComplianceRule[] = KUBERNETES_COMPLIANCE_RULES,
): void {
  chart.node.addValidation({
    validate: () => {
      const results = evaluateChart(chart, spec, today, rules);
      for (const result of results) recorder.record(result);
      return results.filter((r) => r.status === 'fail' && r.level === 'error').map(validationMessage);
    },
  });
}

/** `kind/name` or `kind/namespace/name`: how a reviewer finds the object. */
export function objectName(manifest: KubeManifest): string {
  const { namespace, name } = manifest.metadata;
  return namespace === undefined ? `${manifest.kind}/${name}` : `${manifest.kind}/${namespace}/${name}`;
}

function evaluateChart(chart: Chart, spec: EnvironmentSpec, today: string, rules: readonly KubernetesComplianceRule[]): ComplianceResult[] {
  const active = rules.filter((rule) => runsIn(rule, spec.tier));
  const context: KubernetesRuleContext = { spec };
  const unit = chart.node.id;
  const locate = (resource: string, path: string, at = unit): ResultLocation => ({ environment: spec.name, engine: 'kubernetes', unit: at, resource, path });
  const names = new Map<IConstruct, string>();

  const ruleResults = chart.node
    .findAll()
    .filter((c): c is ApiObject => ApiObject.isApiObject(c))
    .flatMap((apiObject) => {
      const manifest: unknown = apiObject.toJson();
      if (!isKubeManifest(manifest)) return [];
      names.set(apiObject, objectName(manifest));
      const type = `${manifest.apiVersion}/${manifest.kind}`;
      return active
        .filter((rule) => rule.objectTypes.includes(type))
        .flatMap((rule) => resultOf(rule, safeCheck(rule, manifest, context), locate(objectName(manifest), apiObject.node.path), apiObject, today) ?? []);
    });

  const known = new Set(rules.map((r) => r.id));
  const above = chart.node.scopes.filter((scope) => scope !== chart);
  const suppressions = [
    ...chart.node.findAll().flatMap((c) => suppressionResults(c, locate(names.get(c) ?? c.node.path, c.node.path), today, known)),
    ...above.flatMap((c) => suppressionResults(c, locate(c.node.path || '(app)', c.node.path, '(all components)'), today, known)),
  ];
  return [...ruleResults, ...suppressions];
}

function validationMessage(r: ComplianceResult): string {
  return `${r.field ?? 'compliance'} is ${r.value ?? 'missing'}; ${r.resource} (${r.path}): ${r.problem ?? 'fails the rule'} [${r.rule}] (fix: ${r.fix ?? 'see the compliance report'})`;
}

function safeCheck(rule: KubernetesComplianceRule, manifest: KubeManifest, context: KubernetesRuleContext): RuleOutcome {
  try {
    return rule.check(manifest, context);
  } catch (error) {
    return {
      compliant: false,
      field: 'metadata.name',
      value: manifest.metadata.name,
      problem: `the rule could not evaluate the object: ${error instanceof Error ? error.message : String(error)}`,
      fix: `fix the rule ${rule.id} for this input, or the object if it is malformed`,
    };
  }
}
