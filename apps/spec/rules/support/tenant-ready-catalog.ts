import { TENANT_LABEL } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import { selectorMatches } from '../../../../constructs/kyverno/label-selector';
import type { PolicyDefinition } from '../../../../constructs/kyverno/policy-definition';
import type { GenerateRuleDefinition } from '../../../../constructs/kyverno/rule-definition';
import type { ResourceFilter } from '../../../../constructs/kyverno/types';
import { isRecord } from '../../../../constructs/rules/inspect/attributes';
import { CATALOG_RELEASES, policiesAt } from '../../../../policies';

/** The catalog policy that generates `default-quota` and `default-limits` in every non-platform namespace. */
export const DEFAULT_QUOTA_POLICY = 'add-default-resource-quota';

/** Labels of a tenant's Namespace as far as the exclude cares (the value is the tenant's name; any will do). */
const TENANT_NAMESPACE_LABELS = { [TENANT_LABEL]: 'any-tenant' };

/**
 * Whether a filter leaves out every Namespace carrying the tenant label, and only those: kind
 * Namespace, no name list, a `selector` on the Namespace's own labels that picks tenant namespaces
 * and not unlabelled ones. A `namespaceSelector` does not count: kyverno v1.19.1
 * pkg/engine/utils/match.go reports it "not applicable for namespace resource" and never matches.
 */
function excludesTenantNamespaces(filter: ResourceFilter): boolean {
  const { kinds, names, namespaces, selector } = filter.resources;
  return (
    (kinds?.includes('Namespace') ?? false) &&
    names === undefined &&
    namespaces === undefined &&
    selector !== undefined &&
    selectorMatches(selector, TENANT_NAMESPACE_LABELS) &&
    !selectorMatches(selector, {})
  );
}

function generateRules(policy: PolicyDefinition): GenerateRuleDefinition[] {
  return policy.rules.filter((rule): rule is GenerateRuleDefinition => rule.type === 'generate');
}

/**
 * Whether a release leaves tenant namespaces to the tenant's own quota and limits: it runs no
 * default-quota policy, or every generate rule of it excludes Namespaces carrying the tenant label.
 */
export function leavesTenantQuotaAlone(release: string): boolean {
  const policy = policiesAt(release).find((p) => p.name === DEFAULT_QUOTA_POLICY);
  if (policy === undefined) return true;
  return generateRules(policy).every((rule) => {
    const exclude = rule.exclude;
    if (exclude === undefined) return false;
    return 'any' in exclude ? exclude.any.some(excludesTenantNamespaces) : false;
  });
}

/** The first catalog release whose default-quota policy excludes tenant namespaces; undefined while none does. */
export function firstTenantReadyRelease(): string | undefined {
  return CATALOG_RELEASES.find((release) => policiesAt(release).some((p) => p.name === DEFAULT_QUOTA_POLICY) && leavesTenantQuotaAlone(release));
}

/** `requests.cpu` and `requests.memory` of the generated default quota at a release, for messages. */
export function defaultQuotaRequests(release: string): string {
  const policy = policiesAt(release).find((p) => p.name === DEFAULT_QUOTA_POLICY);
  const quota = policy === undefined ? undefined : generateRules(policy).find((rule) => rule.generate.kind === 'ResourceQuota');
  const spec = quota?.generate.data.spec;
  const hard = isRecord(spec) && isRecord(spec.hard) ? spec.hard : {};
  return `${String(hard['requests.cpu'] ?? '?')} CPU / ${String(hard['requests.memory'] ?? '?')} memory requests`;
}
