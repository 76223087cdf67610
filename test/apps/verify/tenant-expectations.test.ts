import { accessMatrix, CLUSTER_CHECKS, describeCheck, groupsCrossingTenants, tenantsOf } from '../../../apps/verify/tenant-expectations';
import { fixtureTenancyDocuments, groupBinding, tenantNamespace } from '../../support/fixture-tenant-documents';

const answer = (cells: ReturnType<typeof accessMatrix>, group: string, check: string) =>
  cells.filter((c) => c.group === group && describeCheck(c.check) === check).map((c) => `${c.allowed ? 'yes' : 'no'} (${c.scope})`);

describe('tenantsOf', () => {
  it('reads tenants, their namespaces and group bindings from the documents, not from a spec', () => {
    const tenants = tenantsOf(fixtureTenancyDocuments());
    expect(tenants.map((t) => [t.name, t.namespaces, t.bindings.map((b) => `${b.group}:${b.role}@${b.namespace}`)])).toEqual([
      [
        'alpha',
        ['alpha-api', 'alpha-jobs'],
        [
          'alpha-owners:admin@alpha-api',
          'alpha-members:edit@alpha-api',
          'alpha-viewers:view@alpha-api',
          'alpha-owners:admin@alpha-jobs',
          'alpha-members:edit@alpha-jobs',
          'alpha-viewers:view@alpha-jobs',
        ],
      ],
      ['beta', ['beta-api'], ['beta-owners:admin@beta-api', 'beta-members:edit@beta-api']],
    ]);
  });

  it('counts a namespace rendered for two clusters once, and ignores bindings to other roles, of users and outside tenant namespaces', () => {
    const again = { ...tenantNamespace('beta', 'beta-api'), file: 'dist/k8s/fixture/tenant-beta-other-cluster/namespace-beta-api.yaml' };
    const other = [
      again,
      groupBinding('beta', 'beta-api', 'beta-owners', 'admin'),
      groupBinding('beta', 'beta-api', 'beta-owners', 'cluster-admin'),
      groupBinding('platform', 'monitoring', 'beta-owners', 'view'),
      {
        ...groupBinding('beta', 'beta-api', 'someone', 'edit'),
        object: { ...groupBinding('beta', 'beta-api', 'someone', 'edit').object, subjects: [{ kind: 'User', name: 'someone' }] },
      },
    ];
    const tenants = tenantsOf([...fixtureTenancyDocuments(), ...other]);
    expect(tenants.find((t) => t.name === 'beta')?.namespaces).toEqual(['beta-api']);
    expect(tenants.find((t) => t.name === 'beta')?.bindings.map((b) => `${b.group}:${b.role}`)).toEqual(['beta-owners:admin', 'beta-members:edit']);
  });

  it('finds none where no Namespace carries the tenant label', () => {
    expect(tenantsOf(fixtureTenancyDocuments().filter((d) => d.object.kind !== 'Namespace'))).toEqual([]);
  });
});

describe('accessMatrix', () => {
  const tenants = tenantsOf(fixtureTenancyDocuments());
  const cells = accessMatrix(tenants, ['alpha-api', 'alpha-jobs', 'beta-api', 'monitoring', 'kube-system', 'default']);

  it("grants each role its rights in its own namespaces, and no role quota, limits or another tenant's namespace", () => {
    expect(answer(cells, 'alpha-owners', 'create rolebindings.rbac.authorization.k8s.io -n alpha-api')).toEqual(['yes (own (admin))']);
    expect(answer(cells, 'alpha-members', 'create rolebindings.rbac.authorization.k8s.io -n alpha-api')).toEqual(['no (own (edit))']);
    expect(answer(cells, 'alpha-members', 'create deployments.apps -n alpha-jobs')).toEqual(['yes (own (edit))']);
    expect(answer(cells, 'alpha-viewers', 'get pods -n alpha-api')).toEqual(['yes (own (view))']);
    expect(answer(cells, 'alpha-viewers', 'create configmaps -n alpha-api')).toEqual(['no (own (view))']);
    expect(answer(cells, 'alpha-viewers', 'get secrets -n alpha-api')).toEqual(['no (own (view))']);
    expect(answer(cells, 'alpha-owners', 'create resourcequotas -n alpha-api')).toEqual(['no (own (admin))']);
    expect(answer(cells, 'alpha-owners', 'create limitranges -n alpha-api')).toEqual(['no (own (admin))']);
    expect(answer(cells, 'alpha-owners', 'get pods -n beta-api')).toEqual(['no (tenant beta)']);
    expect(answer(cells, 'beta-members', 'create configmaps -n monitoring')).toEqual(['no (platform)']);
    expect(answer(cells, 'beta-members', 'get secrets -n kube-system')).toEqual(['no (platform)']);
  });

  it('refuses every group the cluster-scoped writes, once each', () => {
    for (const c of CLUSTER_CHECKS) {
      expect(cells.filter((cell) => cell.check === c).map((cell) => `${cell.group} ${cell.allowed}`)).toEqual([
        'alpha-owners false',
        'alpha-members false',
        'alpha-viewers false',
        'beta-owners false',
        'beta-members false',
      ]);
    }
    expect(CLUSTER_CHECKS.map(describeCheck)).toEqual([
      'create namespaces (cluster scope)',
      'create clusterroles.rbac.authorization.k8s.io (cluster scope)',
      'create clusterrolebindings.rbac.authorization.k8s.io (cluster scope)',
    ]);
  });

  it("expects nothing in its own tenant's namespace where a group is not bound, and the strongest role where it is bound twice", () => {
    const documents = [
      ...fixtureTenancyDocuments(),
      tenantNamespace('beta', 'beta-jobs'),
      groupBinding('beta', 'beta-jobs', 'beta-owners', 'admin'),
      groupBinding('beta', 'beta-api', 'beta-members', 'view'),
    ];
    const more = accessMatrix(tenantsOf(documents), ['beta-api', 'beta-jobs']);
    expect(answer(more, 'beta-members', 'create configmaps -n beta-jobs')).toEqual(['no (tenant beta, not bound)']);
    expect(answer(more, 'beta-members', 'create configmaps -n beta-api')).toEqual(['yes (own (edit))']);
  });
});

describe('groupsCrossingTenants', () => {
  it("names a group bound in another tenant's namespace, with the binding's file", () => {
    const crossing = groupBinding('beta', 'beta-api', 'alpha-members', 'edit');
    expect(groupsCrossingTenants(tenantsOf([...fixtureTenancyDocuments(), crossing]))).toEqual([
      expect.stringMatching(
        /^group alpha-members is bound in the namespaces of tenants alpha and beta: alpha-api \(tenant alpha, edit, .*\); alpha-jobs .*; beta-api \(tenant beta, edit, dist\/k8s\/fixture\/tenant-beta-fixture-cluster\/rolebinding-beta-api-tenant-alpha-members-edit\.yaml\);/,
      ),
    ]);
    expect(groupsCrossingTenants(tenantsOf(fixtureTenancyDocuments()))).toEqual([]);
  });
});
