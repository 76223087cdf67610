import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { POLICY_ANNOTATIONS } from '../kubernetes/gitops-cdk-labels';
import type { FailureAction } from './failure-action';
import { complementOf, restrictToNamespaces } from './label-selector';
import type { AbTest, PolicyDefinition } from './policy-definition';
import { type RenderedRule, type RuleDefinition, renderRules } from './rule-definition';
import type { ClusterPolicySpec, LabelSelector, WebhookFailurePolicy } from './types';

/** How the API server treats the policy when Kyverno cannot answer, and why when it fails open. */
export interface WebhookBehaviour {
  readonly failurePolicy: WebhookFailurePolicy;
  /** Required when failing open: recorded on the policy for reviewers and auditors. */
  readonly reason?: string;
}

export interface ClusterPolicyProps {
  readonly definition: PolicyDefinition;
  readonly failureAction: FailureAction;
  readonly webhook: WebhookBehaviour;
}

/**
 * One Kyverno ClusterPolicy from a catalog definition, at the failure action and webhook failure
 * policy the environment's lifecycle decides. A/B variants and canary splits become separate
 * rules, so Kyverno's policy reports show each one's results.
 */
export class ClusterPolicy extends Construct {
  readonly definition: PolicyDefinition;
  readonly rules: readonly RenderedRule[];

  constructor(scope: Construct, id: string, props: ClusterPolicyProps) {
    super(scope, id);
    const { definition, failureAction, webhook } = props;
    this.definition = definition;
    this.rules = [...definition.rules.flatMap((rule) => renderRules(rule, failureAction)), ...(definition.abTest ? variantRules(definition.abTest, failureAction) : [])];
    const spec: ClusterPolicySpec = {
      background: definition.background ?? true,
      webhookConfiguration: { failurePolicy: webhook.failurePolicy },
      rules: this.rules.map((r) => r.rule),
    };
    const { controls } = definition;
    const annotations: Record<string, string> = {
      'policies.kyverno.io/title': definition.title,
      'policies.kyverno.io/category': definition.category,
      'policies.kyverno.io/severity': definition.severity,
      'policies.kyverno.io/subject': subjectsOf(definition).join(', '),
      'policies.kyverno.io/description': definition.description,
      [POLICY_ANNOTATIONS.release]: definition.release,
      [POLICY_ANNOTATIONS.stage]: failureAction.stage,
      ...(webhook.reason !== undefined ? { [POLICY_ANNOTATIONS.failOpenReason]: webhook.reason } : {}),
      ...(definition.abTest ? { [POLICY_ANNOTATIONS.abTest]: `${definition.abTest.label}: ${definition.abTest.hypothesis}` } : {}),
      ...controlAnnotation(POLICY_ANNOTATIONS.soc2, controls.soc2),
      ...controlAnnotation(POLICY_ANNOTATIONS.pciDss, controls.pciDss),
      ...controlAnnotation(POLICY_ANNOTATIONS.iso27001, controls.iso27001),
      ...controlAnnotation(POLICY_ANNOTATIONS.cisKubernetes, controls.cisKubernetes),
    };
    new ApiObject(this, 'Resource', {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: definition.name, annotations },
      spec,
    });
  }
}

function controlAnnotation(key: string, controls: readonly string[]): Record<string, string> {
  return controls.length > 0 ? { [key]: controls.join(', ') } : {};
}

/** Every kind the policy's rules match, in first-seen order. */
function subjectsOf(definition: PolicyDefinition): string[] {
  const rules = [...definition.rules, ...(definition.abTest ? definition.abTest.a : [])];
  const kinds = rules.flatMap((rule) => ('any' in rule.match ? rule.match.any : rule.match.all).flatMap((f) => f.resources.kinds ?? []));
  return [...new Set(kinds)];
}

/** `<rule>-a` for namespaces not labelled `<label>=b`, `<rule>-b` for those that are. */
function variantRules(test: AbTest, failureAction: FailureAction): RenderedRule[] {
  const treatment: LabelSelector = { matchLabels: { [test.label]: 'b' } };
  const variant = (rules: readonly RuleDefinition[], suffix: string, selector: LabelSelector): RenderedRule[] =>
    rules.flatMap((definition) =>
      renderRules({ ...definition, match: restrictToNamespaces(definition.match, selector, definition.name) }, failureAction).map((rendered) => ({
        source: definition.name,
        namespaceSelector: selector,
        rule: { ...rendered.rule, name: `${rendered.rule.name}-${suffix}` },
      })),
    );
  return [...variant(test.a, 'a', complementOf(treatment)), ...variant(test.b, 'b', treatment)];
}
