import { POLICY_ANNOTATIONS } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import type { JsonObject, KubernetesUnit } from '../../estate-unit';
import { unitLabel } from '../../estate-unit';
import { applicationSources } from '../argocd/kubernetes-objects';
import { objectAt, stringAt } from '../json-values';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { annotationOf, isKyvernoPolicy, oneLine, specOf } from './kyverno-documents';

type FailurePolicy = 'Fail' | 'Ignore';

/**
 * The failure policy of Kyverno's webhook for a policy, as Spec.GetFailurePolicy resolves it in
 * Kyverno v1.19 (api/kyverno/v1/spec_types.go): `webhookConfiguration.failurePolicy`, else the
 * deprecated `spec.failurePolicy`, else `Fail`. Rules have no failure policy of their own in
 * kyverno.io/v1 (a policy's rules share its webhook), so there is no rule-level one to read.
 */
function failurePolicyOf(spec: JsonObject): { value: FailurePolicy; path: string } {
  const webhook = stringAt(objectAt(spec, 'webhookConfiguration'), 'failurePolicy');
  if (webhook !== undefined) return { value: webhook === 'Ignore' ? 'Ignore' : 'Fail', path: 'spec.webhookConfiguration.failurePolicy' };
  const legacy = stringAt(spec, 'failurePolicy');
  if (legacy !== undefined) return { value: legacy === 'Ignore' ? 'Ignore' : 'Fail', path: 'spec.failurePolicy' };
  return { value: 'Fail', path: 'spec.webhookConfiguration.failurePolicy' };
}

/** `; recorded reason: ...` from the estate's fail-open-reason annotation, or a note that none is recorded. */
function failOpenReason(unit: KubernetesUnit): string {
  const reason = annotationOf(unit, POLICY_ANNOTATIONS.failOpenReason);
  return reason !== undefined ? `; recorded reason: "${oneLine(reason)}"` : `; no ${POLICY_ANNOTATIONS.failOpenReason} recorded`;
}

function policyFindings(base: KubernetesUnit | undefined, head: KubernetesUnit, production: boolean, level: RiskFinding['level']): RiskFinding[] {
  const after = failurePolicyOf(specOf(head));
  if (after.value !== 'Ignore') return [];
  const consequence = 'when Kyverno errors or times out, requests are admitted unchecked';
  if (base === undefined) {
    // A new policy failing open is the norm outside production (the estate's non-production tiers), not there.
    return production
      ? [{ level: 'medium', reason: `${unitLabel(head)} added with failurePolicy Ignore in production: ${consequence}${failOpenReason(head)}`, path: after.path }]
      : [];
  }
  const before = failurePolicyOf(specOf(base));
  if (before.value !== 'Fail') return [];
  return [{ level, reason: `${unitLabel(head)}: failurePolicy Fail -> Ignore: ${consequence}${failOpenReason(head)}`, path: after.path }];
}

/**
 * The kyverno chart's `features.forceFailurePolicyIgnore.enabled` (charts/kyverno/values.yaml of
 * Kyverno v1.19, default false) passes `--forceFailurePolicyIgnore` to the admission controller,
 * and Spec.GetFailurePolicy then answers Ignore for every policy, whatever the policy says.
 */
function forcedIgnore(source: JsonObject): boolean {
  // Argo CD takes Helm values as a YAML string (`values`, parsed by the diff's reader) or as an object (`valuesObject`).
  const helm = objectAt(source, 'helm');
  return [objectAt(helm, 'values'), objectAt(helm, 'valuesObject')].some((values) => objectAt(objectAt(values, 'features'), 'forceFailurePolicyIgnore')?.enabled === true);
}

function chartFindings(base: KubernetesUnit | undefined, head: KubernetesUnit, level: RiskFinding['level']): RiskFinding[] {
  const before = new Map(applicationSources(base).map(({ source, path }) => [path, forcedIgnore(source)]));
  return applicationSources(head)
    .filter(({ source, path }) => stringAt(source, 'chart') === 'kyverno' && forcedIgnore(source) && before.get(path) !== true)
    .map(({ path }) => ({
      level,
      reason: `${unitLabel(head)}: kyverno chart features.forceFailurePolicyIgnore.enabled -> true: every Kyverno policy fails open (failurePolicy Ignore), whatever the policy says`,
      path: `${path}.helm.values.features.forceFailurePolicyIgnore.enabled`,
    }));
}

export const kyvernoFailOpen: RiskRule<'kubernetes'> = {
  id: 'kyverno-fail-open',
  engine: 'kubernetes',
  title: "a Kyverno policy's webhook failure policy from Fail to Ignore (fails open), or Kyverno forced to ignore failures",
  check(change, context) {
    const { base, head } = change;
    if (head === undefined) return [];
    const level = highInProduction(context.tier);
    if (isKyvernoPolicy(head)) return policyFindings(isKyvernoPolicy(base) ? base : undefined, head, context.tier === 'production', level);
    if (head.apiVersion.startsWith('argoproj.io/')) return chartFindings(base, head, level);
    return [];
  },
};
