import { argocdProjectWidened } from '../../../../apps/diff/risks/argocd/argocd-project-widened';
import { findings, kubernetesChange } from '../../change-builders';
import { listOf, PLATFORM_SPEC, platformProject, platformWith } from './app-projects';

describe('argocd-project-widened', () => {
  it('flags a source repository added, high in production, and calls a wildcard what it is', () => {
    const result = findings(argocdProjectWidened, kubernetesChange(platformProject(), platformWith('sourceRepos', [...listOf('sourceRepos'), '*'])), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'spec.sourceRepos' })]);
    expect(result[0]?.reason).toContain('AppProject argocd/platform widened in production: source repositories added: * (a wildcard');
  });

  it('flags a destination added (medium in staging) and a blacklisted kind lifted', () => {
    const wider = platformProject({
      ...PLATFORM_SPEC,
      destinations: [...listOf('destinations'), { namespace: '*', server: 'https://kubernetes.default.svc' }],
      namespaceResourceBlacklist: [{ group: '', kind: 'LimitRange' }],
    });
    const result = findings(argocdProjectWidened, kubernetesChange(platformProject(), wider, 'staging'), 'staging');
    expect(result.map((f) => [f.level, f.path])).toEqual([
      ['medium', 'spec.destinations'],
      ['medium', 'spec.namespaceResourceBlacklist'],
    ]);
    expect(result[0]?.reason).toContain('https://kubernetes.default.svc ns=*');
    expect(result[1]?.reason).toContain('core/ResourceQuota now allowed');
  });

  it('flags a cluster-scoped kind allowed and a namespaceResourceWhitelist dropped (every namespaced kind allowed)', () => {
    const base = platformWith('namespaceResourceWhitelist', [{ group: 'apps', kind: 'Deployment' }]);
    const head = platformWith('clusterResourceWhitelist', [...listOf('clusterResourceWhitelist'), { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' }]);
    const reasons = findings(argocdProjectWidened, kubernetesChange(base, head), 'production').map((f) => f.reason);
    expect(reasons).toEqual([
      expect.stringContaining('cluster-scoped kinds allowed: rbac.authorization.k8s.io/ClusterRoleBinding'),
      expect.stringContaining('namespaceResourceWhitelist removed: every namespaced kind allowed'),
    ]);
  });

  it('flags a role that gains a group and a sync grant, and an added role', () => {
    const [readOnly, deployer] = listOf('roles') as { policies: string[]; groups: string[] }[];
    const roles = [
      readOnly,
      {
        ...deployer,
        groups: [...(deployer?.groups ?? []), 'contractors'],
        policies: [...(deployer?.policies ?? []), 'p, proj:platform:deployer, applications, sync, platform/*, allow'],
      },
      { name: 'admin', groups: ['platform-admins'], policies: ['p, proj:platform:admin, applications, *, platform/*, allow'] },
    ];
    const result = findings(argocdProjectWidened, kubernetesChange(platformProject(), platformWith('roles', roles)), 'production');
    expect(result.map((f) => f.path)).toEqual(['spec.roles']);
    expect(result[0]?.reason).toContain(
      'role widened deployer: groups contractors; grants applications sync platform/* | role added admin: groups platform-admins; grants applications * platform/*',
    );
  });

  it('flags one role given a new group under its own path', () => {
    const [readOnly, deployer] = listOf('roles') as { groups: string[] }[];
    const roles = [{ ...readOnly, groups: [...(readOnly?.groups ?? []), 'everyone'] }, deployer];
    const result = findings(argocdProjectWidened, kubernetesChange(platformProject(), platformWith('roles', roles)), 'production');
    expect(result).toEqual([
      expect.objectContaining({ level: 'high', path: 'spec.roles[name=read-only]', reason: expect.stringContaining('role widened read-only: groups everyone') }),
    ]);
  });

  it('flags an added AppProject as low, naming what it allows', () => {
    const result = findings(argocdProjectWidened, kubernetesChange(undefined, platformProject()), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'low' })]);
    expect(result[0]?.reason).toContain('new AppProject allows repositories 3; destinations 3; cluster-scoped kinds core/Namespace');
  });

  it('does not flag narrowing: a repository removed, a deny destination added, a description changed', () => {
    const narrower = platformProject({
      ...PLATFORM_SPEC,
      description: 'Platform add-ons of prod',
      destinations: [...listOf('destinations'), { namespace: '!kube-system', server: '*' }],
      sourceRepos: listOf('sourceRepos').slice(1),
    });
    expect(findings(argocdProjectWidened, kubernetesChange(platformProject(), narrower), 'production')).toEqual([]);
  });

  it('does not flag a repository or kind added next to a wildcard that already allowed it', () => {
    const base = platformProject({ ...PLATFORM_SPEC, sourceRepos: ['*'], clusterResourceWhitelist: [{ group: '*', kind: '*' }] });
    const head = platformProject({
      ...PLATFORM_SPEC,
      sourceRepos: ['*', 'https://charts.example.com'],
      clusterResourceWhitelist: [
        { group: '*', kind: '*' },
        { group: '', kind: 'Node' },
      ],
    });
    expect(findings(argocdProjectWidened, kubernetesChange(base, head), 'production')).toEqual([]);
  });

  it('does not flag a role policy only re-spaced (Casbin trims every field)', () => {
    const [readOnly, deployer] = listOf('roles') as { policies: string[] }[];
    const respaced = { ...deployer, policies: (deployer?.policies ?? []).map((line) => line.replace(/, /g, ' ,  ')) };
    expect(findings(argocdProjectWidened, kubernetesChange(platformProject(), platformWith('roles', [readOnly, respaced])), 'production')).toEqual([]);
  });
});
