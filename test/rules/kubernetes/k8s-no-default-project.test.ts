import { k8sNoDefaultProject as noDefaultProject } from '../../../constructs/rules/kubernetes/k8s-no-default-project';
import { objectsOf } from '../../platform/render-environment';
import { dev, FIXTURE_FLEET, prod, staging } from '../fixtures';
import { application, applicationSet, compliantSpec, expectAccepted, expectRejected, rendered } from './fixtures';

const FIX = /AppProject object/;

function withoutProject(): Record<string, unknown> {
  const { project: _project, ...rest } = compliantSpec();
  return rest;
}

describe('k8s-no-default-project', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(noDefaultProject, objectsOf(spec), spec);
  });

  it('accepts an Application and an ApplicationSet in the platform project', () => {
    expectAccepted(
      noDefaultProject,
      [rendered('dev/addons/argo-cd/Resource', application('argo-cd', compliantSpec())), rendered('dev/addons/kyverno/Resource', applicationSet('kyverno', compliantSpec()))],
      dev,
    );
  });

  it('ignores objects that are not Applications or ApplicationSets', () => {
    const configMap = rendered('dev/argocd-config/settings/Resource', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-cm' }, data: {} });
    expectAccepted(noDefaultProject, [configMap], dev);
  });

  it.each([dev, staging, prod].map((spec) => [spec.name, spec] as const))("rejects project 'default' in %s", (_, spec) => {
    const object = rendered(`${spec.name}/addons/kyverno/Resource`, application('kyverno', compliantSpec({ project: 'default' })));
    expectRejected(noDefaultProject, object, spec, [{ field: 'spec.project', value: '"default"', fix: FIX, problem: /default AppProject/ }]);
  });

  it('rejects an Application without a project', () => {
    const object = rendered('staging/root/root/Resource', application('staging-root', withoutProject()));
    expectRejected(noDefaultProject, object, staging, [{ field: 'spec.project', value: 'missing', fix: FIX }]);
  });

  it('rejects an empty project name', () => {
    const object = rendered('staging/root/root/Resource', application('staging-root', compliantSpec({ project: '' })));
    expectRejected(noDefaultProject, object, staging, [{ field: 'spec.project', value: '""', fix: FIX }]);
  });

  it("rejects project 'default' in an ApplicationSet template", () => {
    const object = rendered('prod/sync/config/Resource', applicationSet('config-sync', compliantSpec({ project: 'default' })));
    expectRejected(noDefaultProject, object, prod, [{ field: 'spec.template.spec.project', value: '"default"', fix: FIX }]);
  });

  it('rejects an ApplicationSet template without a project', () => {
    const object = rendered('prod/sync/config/Resource', applicationSet('config-sync', withoutProject()));
    expectRejected(noDefaultProject, object, prod, [{ field: 'spec.template.spec.project', value: 'missing', fix: FIX }]);
  });
});
