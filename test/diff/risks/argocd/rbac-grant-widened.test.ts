import { rbacGrantWidened } from '../../../../apps/diff/risks/argocd/rbac-grant-widened';
import { findings, kubernetesChange } from '../../change-builders';

// Trimmed from dist/k8s/prod/argocd-config/configmap-argocd-rbac-cm.yaml.
const PLATFORM_POLICY = [
  'p, proj:platform:read-only, applications, get, platform/*, allow',
  'p, proj:platform:read-only, logs, get, platform/*, allow',
  'g, platform-viewers, proj:platform:read-only',
  'p, proj:platform:deployer, applications, get, platform/*, allow',
  'g, platform-engineers, proj:platform:deployer',
];

function rbacConfigMap(lines: readonly string[], data: Record<string, string> = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { labels: { 'app.kubernetes.io/part-of': 'argocd', 'gitops-cdk.io/env': 'prod' }, name: 'argocd-rbac-cm', namespace: 'argocd' },
    data: { 'policy.csv': `${lines.join('\n')}\n`, 'policy.default': '', scopes: '[groups]', ...data },
  };
}

function clusterRole(rules: object[]): object {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'platform-operator' }, rules };
}

function binding(subjects: object[], roleName = 'platform-operator'): object {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'platform-operator' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects,
  };
}

const READ_DEPLOYMENTS = { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] };
const ONCALL = { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'platform-oncall' };

describe('rbac-grant-widened: Argo CD RBAC policy', () => {
  it('flags a grant and a group mapping added to policy.csv, high in production, naming them', () => {
    const head = rbacConfigMap([...PLATFORM_POLICY, 'p, proj:platform:deployer, applications, sync, platform/*, allow', 'g, contractors, proj:platform:deployer']);
    const result = findings(rbacGrantWidened, kubernetesChange(rbacConfigMap(PLATFORM_POLICY), head), 'production');
    expect(result.map((f) => [f.level, f.path])).toEqual([
      ['high', 'data."policy.csv"'],
      ['high', 'data."policy.csv"'],
    ]);
    expect(result[0]?.reason).toContain('ConfigMap argocd/argocd-rbac-cm: Argo CD RBAC widened in production: grants added: proj:platform:deployer applications sync platform/*');
    expect(result[1]?.reason).toContain('group mappings added: contractors -> proj:platform:deployer');
  });

  it('flags policy.default widened to role:readonly and a scope added, medium in staging', () => {
    const head = rbacConfigMap(PLATFORM_POLICY, { 'policy.default': 'role:readonly', scopes: '[groups, email]' });
    const result = findings(rbacGrantWidened, kubernetesChange(rbacConfigMap(PLATFORM_POLICY), head, 'staging'), 'staging');
    expect(result.map((f) => [f.level, f.path])).toEqual([
      ['medium', 'data."policy.default"'],
      ['medium', 'data.scopes'],
    ]);
    expect(result[0]?.reason).toContain('policy.default "" -> "role:readonly": every authenticated user holds it');
  });

  it('does not flag a policy reordered, re-spaced or narrowed (a grant removed, a deny added, the default narrowed)', () => {
    const base = rbacConfigMap(PLATFORM_POLICY, { 'policy.default': 'role:readonly' });
    const head = rbacConfigMap([
      ...PLATFORM_POLICY.slice(1)
        .reverse()
        .map((line) => line.replaceAll(', ', ',')),
      'p, proj:platform:deployer, logs, get, platform/*, deny',
    ]);
    expect(findings(rbacGrantWidened, kubernetesChange(base, head), 'production')).toEqual([]);
  });
});

describe('rbac-grant-widened: Kubernetes roles and bindings', () => {
  it('flags a ClusterRole that gains verbs, naming escalation verbs and wildcards', () => {
    const head = clusterRole([
      READ_DEPLOYMENTS,
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind', 'escalate'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['delete'] },
    ]);
    const result = findings(rbacGrantWidened, kubernetesChange(clusterRole([READ_DEPLOYMENTS]), head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'rules' })]);
    expect(result[0]?.reason).toContain('ClusterRole platform-operator: rules widened, + rbac.authorization.k8s.io/clusterroles: bind, escalate, */*: delete');
    expect(result[0]?.reason).toContain('includes verb bind, verb escalate, every API group, every resource');
  });

  it('flags a binding that gains a subject and one whose roleRef changes', () => {
    const subjects = kubernetesChange(binding([ONCALL]), binding([ONCALL, { kind: 'ServiceAccount', name: 'ci', namespace: 'ci' }]), 'staging');
    expect(findings(rbacGrantWidened, subjects, 'staging')).toEqual([
      expect.objectContaining({ level: 'medium', path: 'subjects', reason: expect.stringContaining('subjects added to ClusterRole platform-operator: ServiceAccount ci/ci') }),
    ]);
    const roleRef = kubernetesChange(binding([ONCALL]), binding([ONCALL], 'cluster-admin'));
    expect(findings(rbacGrantWidened, roleRef, 'production')[0]?.reason).toContain('roleRef ClusterRole platform-operator -> ClusterRole cluster-admin');
  });

  it('flags a new binding to cluster-admin as high in production, and a new role as low', () => {
    expect(findings(rbacGrantWidened, kubernetesChange(undefined, binding([ONCALL], 'cluster-admin')), 'production')).toEqual([expect.objectContaining({ level: 'high' })]);
    const role = findings(rbacGrantWidened, kubernetesChange(undefined, clusterRole([READ_DEPLOYMENTS])), 'production');
    expect(role).toEqual([expect.objectContaining({ level: 'low', reason: expect.stringContaining('new role grants apps/deployments: get, list, watch') })]);
  });

  it('does not flag rules reordered, split or narrowed, nor a verb a wildcard already granted', () => {
    const base = clusterRole([{ apiGroups: ['apps'], resources: ['*'], verbs: ['*'] }]);
    const head = clusterRole([READ_DEPLOYMENTS, { apiGroups: ['apps'], resources: ['statefulsets'], verbs: ['patch'] }]);
    expect(findings(rbacGrantWidened, kubernetesChange(base, head), 'production')).toEqual([]);
    const subjectRemoved = kubernetesChange(binding([ONCALL, { kind: 'User', name: 'jane' }]), binding([ONCALL]));
    expect(findings(rbacGrantWidened, subjectRemoved, 'production')).toEqual([]);
  });
});
