import { argocdGitRevisionUnpinned } from '../../../../apps/diff/risks/argocd/argocd-git-revision-unpinned';
import { findings, kubernetesChange } from '../../change-builders';
import { prodKyvernoSet, prodPoliciesSync, prodRoot, withField } from './argo-applications';

const ROOT_REVISION = ['spec', 'source', 'targetRevision'];
const TEMPLATE_REVISION = ['spec', 'template', 'spec', 'source', 'targetRevision'];

describe('argocd-git-revision-unpinned', () => {
  it('flags the production root moved from its release tag to main as high', () => {
    expect(findings(argocdGitRevisionUnpinned, kubernetesChange(prodRoot(), withField(prodRoot(), ROOT_REVISION, 'main')), 'production')).toEqual([
      {
        level: 'high',
        reason:
          'Application argocd/prod-root: https://github.com/acme/platform-gitops.git dist/k8s/prod targetRevision v2026.11.2 -> main: production follows a moving branch; every push deploys unreviewed, unpromoted changes at the next sync',
        path: 'spec.source.targetRevision',
      },
    ]);
  });

  it('flags an ApplicationSet template moved from a commit to HEAD, to an empty revision, or to a tag range', () => {
    const pinned = withField(prodPoliciesSync(), TEMPLATE_REVISION, '3f2c9a1b7e4d6c8a0b2d4f6e8a1c3e5b7d9f0a2c');
    for (const moving of ['HEAD', '', 'v2026.*', 'release-candidate']) {
      const result = findings(argocdGitRevisionUnpinned, kubernetesChange(pinned, withField(pinned, TEMPLATE_REVISION, moving)), 'production');
      expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'spec.template.spec.source.targetRevision' })]);
    }
  });

  it('flags an Application added to production following a branch', () => {
    const result = findings(argocdGitRevisionUnpinned, kubernetesChange(undefined, withField(prodRoot(), ROOT_REVISION, 'main')), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', reason: expect.stringContaining('dist/k8s/prod added following main: production follows a moving branch') })]);
  });

  it('does not flag a tag moved to another tag or a commit, staging following main, a chart revision, nor a source already on a branch', () => {
    const nextTag = kubernetesChange(prodRoot(), withField(prodRoot(), ROOT_REVISION, 'v2026.12.0'));
    expect(findings(argocdGitRevisionUnpinned, nextTag, 'production')).toEqual([]);
    const commit = kubernetesChange(prodRoot(), withField(prodRoot(), ROOT_REVISION, '3f2c9a1'));
    expect(findings(argocdGitRevisionUnpinned, commit, 'production')).toEqual([]);
    const staging = kubernetesChange(prodRoot(), withField(prodRoot(), ROOT_REVISION, 'main'), 'staging');
    expect(findings(argocdGitRevisionUnpinned, staging, 'staging')).toEqual([]);
    const chart = kubernetesChange(prodKyvernoSet(), withField(prodKyvernoSet(), TEMPLATE_REVISION, '3.x'));
    expect(findings(argocdGitRevisionUnpinned, chart, 'production')).toEqual([]);
    const onMain = withField(prodRoot(), ROOT_REVISION, 'main');
    expect(findings(argocdGitRevisionUnpinned, kubernetesChange(onMain, withField(onMain, ROOT_REVISION, 'develop')), 'production')).toEqual([]);
  });
});
