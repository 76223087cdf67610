import { AGGREGATED_ROLES, aggregateClusterRoles } from '../../apps/verify/cluster-role-aggregation';
import { type ControlPlane, startControlPlane } from '../../apps/verify/control-plane';
import { type Document, inArgoCdOrder, toYamlDocument } from '../../apps/verify/documents';
import { buildEngines } from '../../apps/verify/engines';
import { RunScope } from '../../apps/verify/processes';
import { checkTenantIsolation } from '../../apps/verify/tenant-isolation';
import { fixtureTenancyDocuments, groupBinding, tenantNamespace } from '../support/fixture-tenant-documents';

// The tenancy check on the harness's real kube-apiserver (engines/kube-apiserver, RBAC on, no
// controller manager, no Kyverno: RBAC and PodSecurity are the API server's own). Hand-written
// tenant documents are applied as verify applies dist/; the check must pass on them and must fail
// when isolation is broken in each way below. Needs Go (engines/build); CI runs it.

const scope = new RunScope();
let plane: ControlPlane;

function apply(documents: readonly Document[]): void {
  for (const { object } of inArgoCdOrder(documents)) {
    const applied = plane.kubectl.serverSideApply(toYamlDocument(object));
    if (!applied.ok) throw new Error(`${object.kind} ${object.metadata.name}: ${applied.stderr}`);
  }
}

function remove(document: Document): void {
  const { kind, metadata } = document.object;
  plane.kubectl.must(['delete', kind.toLowerCase(), metadata.name, ...(metadata.namespace === undefined ? [] : ['-n', metadata.namespace]), '--ignore-not-found', '--wait=false']);
}

/** Applies `extra` for one check run, then removes it again, so each test starts from the fixture. */
async function checkWith(extra: readonly Document[]): Promise<{ problems: readonly string[]; lines: readonly string[] }> {
  apply(extra);
  try {
    return await checkTenantIsolation(plane.kubectl, [...fixtureTenancyDocuments(), ...extra]);
  } finally {
    // Namespaces last; without a controller manager a deleted Namespace stays Terminating (harmless here).
    for (const document of [...extra].reverse()) remove(document);
  }
}

beforeAll(
  async () => {
    plane = await startControlPlane(buildEngines(), scope, 'tenancy-test');
    aggregateClusterRoles(plane.kubectl);
    apply(fixtureTenancyDocuments());
  },
  5 * 60 * 1000,
);
afterAll(() => scope.close());

it('passes the fixture tenants: own namespaces per role, nothing elsewhere, no cluster writes, Pod Security and LimitRange at admission', async () => {
  const started = Date.now();
  const report = await checkTenantIsolation(plane.kubectl, fixtureTenancyDocuments());
  expect(report.problems).toEqual([]);
  expect(report.lines.join('\n')).toMatch(/tenancy: (\d+) of \1 access reviews answered as dist\/ promises, for 5 group\(s\) of 2 tenant\(s\)/);
  expect(report.lines.join('\n')).toMatch(/tenancy: 11 of 11 real requests as tenant groups refused as they must be/);
  expect(report.lines.join('\n')).toContain('tenancy: 3 of 3 tenant namespaces refuse a privileged Pod by PodSecurity; 3 give a container without resources their LimitRange');
  // Seconds, not minutes: one kubectl process per group.
  expect(Date.now() - started).toBeLessThan(30_000);
});

it('fails the own-namespace half without the ClusterRole aggregation (the harness runs no controller manager)', async () => {
  for (const name of AGGREGATED_ROLES) {
    const emptied = toYamlDocument({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [] });
    plane.kubectl.must(['apply', '--server-side', '--force-conflicts', '--field-manager=clusterrole-aggregation-controller', '-f', '-'], emptied);
  }
  try {
    const { problems } = await checkTenantIsolation(plane.kubectl, fixtureTenancyDocuments());
    expect(problems).toContain('tenancy: tenant alpha, group alpha-owners, namespace alpha-api (own (admin)), create deployments.apps -n alpha-api: expected yes, got no');
    expect(problems).toContain('tenancy: tenant beta, group beta-members, namespace beta-api (own (edit)), create configmaps -n beta-api: expected yes, got no');
    // The isolation half still holds: every reported cell is one the role should have been granted.
    const cells = problems.filter((p) => /: expected (yes|no), got (yes|no)/.test(p));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((p) => /\(own \((admin|edit|view)\)\), .*: expected yes, got no$/.test(p))).toBe(true);
  } finally {
    expect(aggregateClusterRoles(plane.kubectl)).toEqual({ view: expect.any(Number), edit: expect.any(Number), admin: expect.any(Number) });
  }
});

it("reports a ClusterRoleBinding of a tenant group to edit as crossing into every other tenant's and the platform's namespaces", async () => {
  const { problems } = await checkWith([groupBinding('alpha', '', 'alpha-members', 'edit', 'ClusterRoleBinding')]);
  expect(problems).toContain(
    'tenancy: tenant alpha, group alpha-members, namespace beta-api (tenant beta), create configmaps -n beta-api: expected no, got yes (RBAC: allowed by ClusterRoleBinding "tenant-alpha-members-edit" of ClusterRole "edit" to Group "alpha-members")',
  );
  expect(problems).toContainEqual(
    expect.stringMatching(/^tenancy: tenant alpha, group alpha-members, namespace monitoring \(platform\), create deployments\.apps -n monitoring: expected no, got yes/),
  );
  // Only that group crosses; the others keep to their namespaces.
  expect(problems.every((p) => p.includes('group alpha-members,'))).toBe(true);
});

it("reports a RoleBinding of tenant alpha's group in tenant beta's namespace, from both sides", async () => {
  const { problems } = await checkWith([groupBinding('beta', 'beta-api', 'alpha-members', 'edit')]);
  expect(problems).toContainEqual(expect.stringMatching(/^tenancy: group alpha-members is bound in the namespaces of tenants alpha and beta: .*beta-api \(tenant beta, edit, /));
  expect(problems).toContain(
    'tenancy: tenant alpha, group alpha-members, namespace beta-api (tenant beta), create configmaps -n beta-api: expected no, got yes (RBAC: allowed by RoleBinding "tenant-alpha-members-edit/beta-api" of ClusterRole "edit" to Group "alpha-members")',
  );
});

it('reports a tenant namespace that enforces no Pod Security level, and one whose admin could bind cluster-admin', async () => {
  const loose = tenantNamespace('beta', 'beta-loose', { 'pod-security.kubernetes.io/enforce': 'privileged' });
  const granted = groupBinding('beta', 'beta-loose', 'beta-owners', 'admin');
  // Holding cluster-admin in the namespace, the owners may bind it there: no escalation to refuse.
  const escalated = { ...groupBinding('beta', 'beta-loose', 'beta-owners', 'cluster-admin'), file: 'dist/k8s/fixture/extra/rolebinding-cluster-admin.yaml' };
  const { problems } = await checkWith([loose, granted, escalated]);
  expect(problems).toContainEqual(
    expect.stringMatching(
      /^tenancy: tenant beta, namespace beta-loose: the Namespace \(\S+\) enforces no Pod Security level \(pod-security\.kubernetes\.io\/enforce: privileged\)/,
    ),
  );
  expect(problems).toContainEqual(
    expect.stringMatching(
      /^tenancy: tenant beta, group beta-owners, namespace beta-loose \(own, admin\), bind cluster-admin in its own namespace \(server dry run\): expected refused as an escalation, got accepted/,
    ),
  );
  expect(problems).toContain(
    'tenancy: tenant beta, group beta-owners, namespace beta-loose (own (admin)), create resourcequotas -n beta-loose: expected no, got yes (RBAC: allowed by RoleBinding "tenant-beta-owners-cluster-admin/beta-loose" of ClusterRole "cluster-admin" to Group "beta-owners")',
  );
});

it('reports that there is nothing to check when no namespace is a tenant', async () => {
  const report = await checkTenantIsolation(
    plane.kubectl,
    fixtureTenancyDocuments().filter((d) => d.object.kind !== 'Namespace' || d.object.metadata.name === 'monitoring'),
  );
  expect(report).toEqual({ problems: [], lines: ['tenancy: no Namespace of the documents carries gitops-cdk.io/tenant: no tenant to check'] });
});
