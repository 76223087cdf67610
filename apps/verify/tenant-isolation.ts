import type { Document } from './documents';
import type { Kubectl } from './kubectl';
import { yieldToSignals } from './processes';
import { type AccessExpectation, accessMatrix, type DerivedTenant, describeCheck, groupsCrossingTenants, rolesOfGroups, tenantsOf } from './tenant-expectations';
import { admitTenantPods } from './tenant-pod-admission';

/**
 * The tenants' isolation, checked by the real API server: each tenant group of dist/ is
 * impersonated (`--as` a probe user, `--as-group` the group; kube-apiserver adds
 * system:authenticated, k8s.io/apiserver v0.34.4 pkg/endpoints/filters/impersonation.go) and the
 * RBAC authorizer is asked the whole matrix of tenant-expectations.ts as SelfSubjectAccessReviews
 * (what `kubectl auth can-i` sends; authorization only, no admission, so Kyverno plays no part).
 * Two answers need real requests (server dry run): patching its own Namespace, and binding
 * cluster-admin in its own namespace (refused by RBAC escalation prevention, k8s.io/kubernetes
 * v1.34.4 pkg/registry/rbac/validation/rule.go ConfirmNoEscalation).
 */

/** Not a real user: it holds nothing but the impersonated group and system:authenticated. */
export const PROBE_USER = 'gitops-cdk-tenant-probe';

export interface TenancyReport {
  readonly problems: readonly string[];
  readonly lines: readonly string[];
}

interface AccessReviewAnswer {
  readonly spec: { readonly resourceAttributes: { readonly namespace?: string; readonly verb: string; readonly group?: string; readonly resource: string } };
  readonly status?: { readonly allowed?: boolean; readonly reason?: string };
}

/**
 * Asks the API server every cell of one group's matrix in one kubectl process: a List of
 * SelfSubjectAccessReviews created under impersonation, answered in order. One process per group
 * instead of one per cell keeps the check to seconds (kubectl starts in ~50 ms; a review takes ~1 ms).
 */
export function reviewAccess(kubectl: Kubectl, group: string, cells: readonly AccessExpectation[]): { readonly allowed: boolean; readonly reason: string }[] {
  const items = cells.map(({ check }) => ({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { verb: check.verb, group: check.apiGroup, resource: check.resource, ...(check.namespace === undefined ? {} : { namespace: check.namespace }) } },
  }));
  const stdout = kubectl.must(['create', '-f', '-', '-o', 'json', `--as=${PROBE_USER}`, `--as-group=${group}`], JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  // kubectl prints one indented JSON object per item; only their opening braces start a line.
  const answers = stdout
    .trim()
    .split(/\n(?=\{)/)
    .map((text) => JSON.parse(text) as AccessReviewAnswer);
  if (answers.length !== cells.length) throw new Error(`kubectl answered ${answers.length} of ${cells.length} access reviews for group ${group}`);
  return answers.map((answer, i) => {
    const asked = answer.spec.resourceAttributes;
    const cell = cells[i]?.check;
    if (cell === undefined || asked.verb !== cell.verb || asked.resource !== cell.resource || asked.namespace !== cell.namespace) {
      throw new Error(`kubectl answered the access reviews for group ${group} out of order at ${i}`);
    }
    return { allowed: answer.status?.allowed === true, reason: answer.status?.reason ?? '' };
  });
}

const yesNo = (allowed: boolean) => (allowed ? 'yes' : 'no');

/** The matrix, asked group by group; every unexpected answer is a problem naming the cell. */
async function checkMatrix(kubectl: Kubectl, matrix: readonly AccessExpectation[]): Promise<string[]> {
  const problems: string[] = [];
  const keys = [...new Set(matrix.map((cell) => `${cell.tenant}\n${cell.group}`))];
  for (const key of keys) {
    await yieldToSignals();
    const cells = matrix.filter((cell) => `${cell.tenant}\n${cell.group}` === key);
    const answers = reviewAccess(kubectl, cells[0]?.group ?? '', cells);
    cells.forEach((cell, i) => {
      const answer = answers[i];
      if (answer === undefined || answer.allowed === cell.allowed) return;
      problems.push(
        `tenancy: tenant ${cell.tenant}, group ${cell.group}, ${cell.check.namespace === undefined ? 'cluster scope' : `namespace ${cell.check.namespace} (${cell.scope})`}, ${describeCheck(cell.check)}: expected ${yesNo(cell.allowed)}, got ${yesNo(answer.allowed)}${answer.reason ? ` (${answer.reason})` : ''}`,
      );
    });
  }
  return problems;
}

/** Real requests as each group in each namespace it is bound in: its Namespace stays the platform's, cluster-admin cannot be bound. */
function checkRealRequests(kubectl: Kubectl, tenant: DerivedTenant): { readonly problems: string[]; readonly count: number } {
  const problems: string[] = [];
  let count = 0;
  for (const [group, roles] of rolesOfGroups(tenant)) {
    const as = [`--as=${PROBE_USER}`, `--as-group=${group}`];
    const where = (namespace: string, role: string) => `tenancy: tenant ${tenant.name}, group ${group}, namespace ${namespace} (own, ${role})`;
    for (const [namespace, role] of roles) {
      count += 1;
      const label = kubectl.run(['label', 'namespace', namespace, 'gitops-cdk.io/verify-probe=tenant', '--dry-run=server', ...as]);
      if (label.ok || !/cannot patch resource "namespaces"/.test(label.stderr)) {
        problems.push(`${where(namespace, role)}, label its own Namespace (server dry run): expected Forbidden, got ${label.ok ? 'accepted' : label.stderr}`);
      }
      if (role !== 'admin') continue;
      count += 1;
      const bind = kubectl.run(['create', 'rolebinding', 'verify-escalation', '-n', namespace, '--clusterrole=cluster-admin', `--group=${group}`, '--dry-run=server', ...as]);
      if (bind.ok || !/attempting to grant RBAC permissions not currently held/.test(bind.stderr)) {
        problems.push(
          `${where(namespace, role)}, bind cluster-admin in its own namespace (server dry run): expected refused as an escalation, got ${bind.ok ? 'accepted' : bind.stderr}`,
        );
      }
    }
  }
  return { problems, count };
}

/**
 * The isolation of every tenant of the documents (already applied), by the API server: the access
 * matrix, the real requests, and Pod Security and LimitRange at admission. Passes, saying so, when
 * the documents hold no tenant.
 */
export async function checkTenantIsolation(kubectl: Kubectl, documents: readonly Document[]): Promise<TenancyReport> {
  const started = Date.now();
  const tenants = tenantsOf(documents);
  if (tenants.length === 0) return { problems: [], lines: ['tenancy: no Namespace of the documents carries gitops-cdk.io/tenant: no tenant to check'] };
  const problems: string[] = [...groupsCrossingTenants(tenants).map((p) => `tenancy: ${p}`)];
  const lines: string[] = [];
  for (const tenant of tenants.filter((t) => t.bindings.length === 0))
    problems.push(`tenancy: tenant ${tenant.name} (${tenant.namespaces.join(', ')}) has no RoleBinding of a group to admin, edit or view: nobody can work in it`);
  const listed = kubectl.getJson<{ items: { metadata: { name: string } }[] }>(['namespaces']);
  const clusterNamespaces = (listed?.items ?? []).map((n) => n.metadata.name);
  const matrix = accessMatrix(tenants, clusterNamespaces);
  const unexpected = await checkMatrix(kubectl, matrix);
  problems.push(...unexpected);
  const groups = new Set(matrix.map((cell) => `${cell.tenant}\n${cell.group}`)).size;
  lines.push(
    `tenancy: ${matrix.length - unexpected.length} of ${matrix.length} access reviews answered as dist/ promises, for ${groups} group(s) of ${tenants.length} tenant(s) across ${clusterNamespaces.length} namespaces`,
  );
  let requests = 0;
  let answered = 0;
  for (const tenant of tenants) {
    await yieldToSignals();
    const real = checkRealRequests(kubectl, tenant);
    problems.push(...real.problems);
    requests += real.count;
    answered += real.count - real.problems.length;
  }
  lines.push(`tenancy: ${answered} of ${requests} real requests as tenant groups refused as they must be (label its own Namespace; bind cluster-admin, as an admin)`);
  const pods = await admitTenantPods(kubectl, documents, tenants);
  problems.push(...pods.problems);
  lines.push(...pods.lines);
  lines.push(`tenancy: checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { problems, lines };
}
