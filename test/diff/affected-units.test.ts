import { affectedUnits } from '../../apps/diff/affected-units';
import { compareUnits } from '../../apps/diff/compare-units';
import type { JsonObject, KubernetesUnit, TerraformUnit } from '../../apps/diff/estate-unit';
import { kubernetesUnit } from '../../apps/diff/read/kubernetes-units';

function app(kind: 'Application' | 'ApplicationSet', name: string, path: string): KubernetesUnit {
  const spec = { source: { path, repoURL: 'https://example.invalid/repo.git' } };
  const body = { apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name, namespace: 'argocd' }, spec: kind === 'Application' ? spec : { template: { spec } } };
  return kubernetesUnit(`dist/k8s/prod/sync/${name}.yaml`, 'prod', body as JsonObject) as KubernetesUnit;
}

const ROOT = app('Application', 'prod-root', 'dist/k8s/prod');
const POLICIES = app('ApplicationSet', 'policies-sync', 'dist/k8s/prod/policies');
const DRIFT = app('Application', 'prod-eks-euw1-terraform-drift-sync', 'dist/k8s/prod/terraform-drift-prod-eks-euw1');
const KUSTOMIZATIONS = new Map([['dist/k8s/prod', ['addons', 'projects', 'sync']]]);

function output(stack: string, value: string): TerraformUnit {
  return {
    engine: 'terraform',
    environment: 'prod',
    stack,
    key: `${stack}/output.vpc_id`,
    file: `dist/terraform/prod/${stack}/main.tf`,
    address: 'output.vpc_id',
    block: 'output',
    body: { value },
  };
}

describe('affectedUnits', () => {
  it('names the application syncing the folder of a changed file, following the kustomization the root app builds', () => {
    const affected = affectedUnits({
      changedFiles: ['dist/k8s/prod/policies/clusterpolicy-require-labels.yaml', 'dist/k8s/prod/projects/appproject-platform.yaml'],
      changes: [],
      applications: [ROOT, POLICIES, DRIFT],
      kustomizations: KUSTOMIZATIONS,
      applyOrders: new Map(),
    });
    expect(affected.environments).toEqual(['prod']);
    expect(affected.applications).toEqual([
      { environment: 'prod', kind: 'ApplicationSet', name: 'policies-sync', reason: 'manifests changed in dist/k8s/prod/policies/' },
      { environment: 'prod', kind: 'Application', name: 'prod-root', reason: 'manifests changed in dist/k8s/prod/projects/' },
    ]);
  });

  it('does not name an application whose folders did not change, and names one whose own definition changed', () => {
    const changed = app('ApplicationSet', 'policies-sync', 'dist/k8s/prod/policies-v2');
    const affected = affectedUnits({
      changedFiles: ['dist/k8s/prod/sync/policies-sync.yaml'],
      changes: [compareUnits(POLICIES, changed)].filter((c) => c !== undefined),
      applications: [ROOT, changed, DRIFT],
      kustomizations: KUSTOMIZATIONS,
      applyOrders: new Map(),
    });
    expect(affected.applications.map((a) => [a.name, a.reason])).toEqual([
      ['policies-sync', 'its definition changed'],
      ['prod-root', 'manifests changed in dist/k8s/prod/sync/'],
    ]);
  });

  it("does not take another environment's change of a same-named application for this one's", () => {
    const stagingApp = kubernetesUnit('dist/k8s/staging/addons/a.yaml', 'staging', POLICIES.body) as KubernetesUnit;
    const changed = kubernetesUnit('dist/k8s/staging/addons/a.yaml', 'staging', {
      ...POLICIES.body,
      metadata: { name: 'policies-sync', namespace: 'argocd', labels: { x: 'y' } },
    }) as KubernetesUnit;
    const affected = affectedUnits({
      changedFiles: ['dist/k8s/staging/addons/a.yaml'],
      changes: [compareUnits(stagingApp, changed)].filter((c) => c !== undefined),
      applications: [changed, POLICIES],
      kustomizations: new Map(),
      applyOrders: new Map(),
    });
    expect(affected.applications.map((a) => `${a.environment}/${a.name}`)).toEqual(['staging/policies-sync']);
  });

  it('names a changed stack, and the stacks that read the outputs it changed', () => {
    const change = compareUnits(output('aws-network-a', 'x'), output('aws-network-a', 'y'));
    const affected = affectedUnits({
      changedFiles: ['dist/terraform/prod/aws-network-a/main.tf'],
      changes: change ? [change] : [],
      applications: [],
      kustomizations: new Map(),
      applyOrders: new Map([
        [
          'prod',
          [
            { stack: 'aws-foundation', dependsOn: [] },
            { stack: 'aws-network-a', dependsOn: ['aws-foundation'] },
            { stack: 'aws-cluster-a', dependsOn: ['aws-foundation', 'aws-network-a'] },
          ],
        ],
      ]),
    });
    expect(affected.stacks).toEqual([
      { environment: 'prod', stack: 'aws-cluster-a', reason: 'reads the changed outputs of aws-network-a' },
      { environment: 'prod', stack: 'aws-network-a', reason: 'main.tf changed' },
    ]);
  });
});
