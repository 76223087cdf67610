import { aggregatedRules, type ClusterRole, selectorMatches } from '../../../apps/verify/cluster-role-aggregation';

const role = (name: string, labels: Record<string, string>, rules: ClusterRole['rules'] = [], selectors?: Record<string, string>[]): ClusterRole => ({
  metadata: { name, labels },
  rules,
  ...(selectors === undefined ? {} : { aggregationRule: { clusterRoleSelectors: selectors.map((matchLabels) => ({ matchLabels })) } }),
});

const TO_EDIT = { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' };
const TO_VIEW = { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' };

describe('selectorMatches', () => {
  it('needs every matchLabels pair and every expression', () => {
    expect(selectorMatches({ matchLabels: { a: '1', b: '2' } }, { a: '1', b: '2', c: '3' })).toBe(true);
    expect(selectorMatches({ matchLabels: { a: '1', b: '2' } }, { a: '1' })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '2' })).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, {})).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, {})).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { b: '1' })).toBe(true);
    expect(selectorMatches({}, {})).toBe(true);
  });
});

describe('aggregatedRules', () => {
  const viewRule = { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] };
  const editRule = { apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] };
  const crdRule = { apiGroups: ['argoproj.io'], resources: ['rollouts'], verbs: ['get'] };

  it('unions the selected roles in name order, without the role itself and without duplicates', () => {
    const edit = role('edit', {}, [], [TO_EDIT]);
    const all = [
      edit,
      role('zz-addon-edit', TO_EDIT, [crdRule, viewRule]),
      role('system:aggregate-to-edit', TO_EDIT, [editRule]),
      role('view', TO_EDIT, [viewRule], [TO_VIEW]),
      role('unlabelled', {}, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
    ];
    // Bytewise name order, as Go's sort: "system:..." < "view" < "zz-...".
    expect(aggregatedRules(edit, all)).toEqual([editRule, viewRule, crdRule]);
  });

  it('treats an omitted list like an empty one when deduplicating', () => {
    const admin = role('admin', {}, [], [TO_EDIT]);
    const all = [admin, role('a', TO_EDIT, [{ apiGroups: [], resources: ['pods'], verbs: ['get'] }]), role('b', TO_EDIT, [{ resources: ['pods'], verbs: ['get'] }])];
    expect(aggregatedRules(admin, all)).toEqual([{ apiGroups: [], resources: ['pods'], verbs: ['get'] }]);
  });

  it('gives nothing to a role without an aggregation rule', () => {
    expect(aggregatedRules(role('plain', {}), [role('x', TO_EDIT, [editRule])])).toEqual([]);
  });
});
