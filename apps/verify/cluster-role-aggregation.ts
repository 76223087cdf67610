import { toYamlDocument } from './documents';
import type { Kubectl } from './kubectl';

/**
 * The clusterrole-aggregation controller of kube-controller-manager, emulated for the harness's
 * control plane (which runs no controller manager). kube-apiserver's rbac/bootstrap-roles hook
 * creates `admin`, `edit` and `view` with an aggregationRule and no rules; the controller fills them
 * in with the rules of the ClusterRoles their selectors pick. Without it a group bound to `admin`
 * may do nothing at all (observed: `can-i create deployments` is `no`).
 *
 * Mirrors k8s.io/kubernetes v1.34.4 pkg/controller/clusterroleaggregation/
 * clusterroleaggregation_controller.go `syncClusterRole` (L84-129): for each selector in order, the
 * matching ClusterRoles sorted by name, the role itself skipped, each rule appended unless an equal
 * one is already there (`ruleExists`, L179-186); written by server-side apply with the field
 * manager `clusterrole-aggregation-controller`, forced (`applyClusterRoles`, L142-149).
 */

/** The aggregated roles filled in, in this order: `view` feeds `edit`, which feeds `admin`. */
export const AGGREGATED_ROLES = ['view', 'edit', 'admin'] as const;

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; readonly values?: readonly string[] }[];
}

export interface PolicyRule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

export interface ClusterRole {
  readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>> };
  readonly rules?: readonly PolicyRule[];
  readonly aggregationRule?: { readonly clusterRoleSelectors?: readonly LabelSelector[] };
}

/**
 * Whether the labels satisfy the selector (k8s.io/apimachinery metav1.LabelSelectorAsSelector:
 * every matchLabels pair and every expression must hold; an empty selector matches everything).
 */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>> = {}): boolean {
  const pairs = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return (
    pairs &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      const has = Object.hasOwn(labels, key);
      switch (operator) {
        case 'In':
          return has && values.includes(labels[key] ?? '');
        case 'NotIn':
          return !has || !values.includes(labels[key] ?? '');
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
      }
      return false;
    })
  );
}

/**
 * The same rule: apimachinery's semantic equality treats a missing list like an empty one, and the
 * API server omits empty lists, so a canonical JSON with empty lists dropped compares them.
 */
function ruleKey(rule: PolicyRule): string {
  const fields = ['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs'] as const;
  return JSON.stringify(fields.map((field) => rule[field] ?? []));
}

/** The rules the controller would give `role`, from the ClusterRoles `all` as they stand. */
export function aggregatedRules(role: ClusterRole, all: readonly ClusterRole[]): PolicyRule[] {
  const rules: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const selector of role.aggregationRule?.clusterRoleSelectors ?? []) {
    // sort.Sort(byName(...)): Go compares strings bytewise, not by locale.
    const selected = all
      .filter((r) => r.metadata.name !== role.metadata.name && selectorMatches(selector, r.metadata.labels))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    for (const rule of selected.flatMap((r) => r.rules ?? [])) {
      const key = ruleKey(rule);
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push(rule);
    }
  }
  return rules;
}

/**
 * Fills in `view`, `edit` and `admin` as the controller would, reading their selectors from the
 * roles themselves (add-on ClusterRoles labelled `aggregate-to-*` join in). Run once the control
 * plane is up and again after the documents are applied. Returns the number of rules of each.
 */
export function aggregateClusterRoles(kubectl: Kubectl): Readonly<Record<(typeof AGGREGATED_ROLES)[number], number>> {
  const list = kubectl.getJson<{ items: ClusterRole[] }>(['clusterroles']);
  const roles = new Map((list?.items ?? []).map((r) => [r.metadata.name, r]));
  const counts: Record<string, number> = {};
  for (const name of AGGREGATED_ROLES) {
    const role = roles.get(name);
    if (role?.aggregationRule === undefined) throw new Error(`ClusterRole ${name} is missing or has no aggregationRule: kube-apiserver's rbac/bootstrap-roles hook creates it`);
    const rules = aggregatedRules(role, [...roles.values()]);
    counts[name] = rules.length;
    // Later roles select the ones filled in before them (edit carries aggregate-to-admin).
    roles.set(name, { ...role, rules });
    if (JSON.stringify((role.rules ?? []).map(ruleKey)) === JSON.stringify(rules.map(ruleKey))) continue;
    const applied = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules };
    kubectl.must(['apply', '--server-side', '--force-conflicts', '--field-manager=clusterrole-aggregation-controller', '-f', '-'], toYamlDocument(applied));
  }
  return counts as Record<(typeof AGGREGATED_ROLES)[number], number>;
}
