import { tiersOf } from '../../../constructs/rules/catalogue';
import { k8sProdPinnedRevisions as prodPinnedRevisions } from '../../../constructs/rules/kubernetes/k8s-prod-pinned-revisions';
import { objectsOf } from '../../platform/render-environment';
import { FIXTURE_REPO_URL } from '../../support/fixture-environment';
import { dev, FIXTURE_FLEET, prod, staging } from '../fixtures';
import { application, applicationSet, compliantSpec, expectAccepted, expectRejected, rendered } from './fixtures';

const REPO = FIXTURE_REPO_URL;
const SHA = '0123456789abcdef0123456789abcdef01234567';

function chartApp(targetRevision: string) {
  return rendered(
    'prod/addons/kyverno/Resource',
    application('kyverno', compliantSpec({ source: { repoURL: 'https://kyverno.github.io/kyverno/', chart: 'kyverno', targetRevision } })),
  );
}

function gitApp(targetRevision: string | undefined) {
  const source = targetRevision === undefined ? { repoURL: REPO, path: 'dist/k8s/prod' } : { repoURL: REPO, path: 'dist/k8s/prod', targetRevision };
  return rendered('prod/root/root/Resource', application('prod-root', compliantSpec({ source })));
}

describe('k8s-prod-pinned-revisions', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(prodPinnedRevisions, objectsOf(spec), spec);
  });

  it.each(['1.2.3', '66.3.1'])('accepts chart version %s in prod', (version) => {
    expectAccepted(prodPinnedRevisions, [chartApp(version)], prod);
  });

  it.each(['v2026.11.2', SHA])('accepts Git revision %s in prod', (revision) => {
    expectAccepted(prodPinnedRevisions, [gitApp(revision)], prod);
  });

  it.each(['*', '1.x', 'latest', '^1.2.3', '>=1.0.0', 'v1.2.3', '01.2.3'])('rejects chart version %s in prod', (version) => {
    expectRejected(prodPinnedRevisions, chartApp(version), prod, [
      {
        field: 'spec.source.targetRevision',
        value: JSON.stringify(version),
        fix: new RegExp(`exact version such as 1\\.2\\.3 in the chart versions \\(charts\\) of environment ${prod.name}$`),
        problem: /chart kyverno is not pinned/,
      },
    ]);
  });

  it.each(['HEAD', 'main', 'release/2026.11', '0123abc', SHA.toUpperCase()])('rejects Git revision %s in prod', (revision) => {
    expectRejected(prodPinnedRevisions, gitApp(revision), prod, [
      { field: 'spec.source.targetRevision', value: JSON.stringify(revision), fix: new RegExp(`gitops\\.revision of environment ${prod.name}$`), problem: /moving revision/ },
    ]);
  });

  it('rejects a Git source without a targetRevision (Argo CD reads HEAD) in prod', () => {
    expectRejected(prodPinnedRevisions, gitApp(undefined), prod, [{ field: 'spec.source.targetRevision', value: 'missing', fix: /release tag/ }]);
  });

  it('rejects a floating revision in an ApplicationSet template and in each of several sources', () => {
    const object = rendered(
      'prod/sync/policies/Resource',
      applicationSet(
        'policies-sync',
        compliantSpec({
          source: undefined,
          sources: [
            { repoURL: REPO, path: 'a', targetRevision: 'v2026.11.2' },
            { repoURL: REPO, path: 'b', targetRevision: 'main' },
            { repoURL: 'https://kyverno.github.io/kyverno/', chart: 'kyverno', targetRevision: '3.x' },
          ],
        }),
      ),
    );
    expectRejected(prodPinnedRevisions, object, prod, [
      { field: 'spec.template.spec.sources[1].targetRevision', value: '"main"', fix: /release tag/ },
      { field: 'spec.template.spec.sources[2].targetRevision', value: '"3.x"', fix: /exact version/ },
    ]);
  });

  it('does not run in dev or staging: tracking main is allowed there', () => {
    expectAccepted(prodPinnedRevisions, [gitApp('main'), chartApp('*')], dev);
    expectAccepted(prodPinnedRevisions, [gitApp('main'), chartApp('*')], staging);
    expect(tiersOf(prodPinnedRevisions)).toEqual(['production']);
  });
});
