import { compareUnits } from '../../apps/diff/compare-units';
import type { JsonObject, KubernetesUnit, TerraformUnit } from '../../apps/diff/estate-unit';
import { pairMoves } from '../../apps/diff/moves';
import { kubernetesUnit } from '../../apps/diff/read/kubernetes-units';

function configMap(name: string, data: Record<string, string>, namespace = 'monitoring', file = `dist/k8s/prod/observability/configmap-${name}.yaml`): KubernetesUnit {
  const unit = kubernetesUnit(file, 'prod', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data } as JsonObject);
  if (unit === undefined) throw new Error('not an object');
  return unit;
}

function bucket(address: string, body: JsonObject): TerraformUnit {
  const [type = '', name = ''] = address.split('.');
  return {
    engine: 'terraform',
    environment: 'prod',
    stack: 'aws-foundation',
    key: `aws-foundation/${address}`,
    file: 'dist/terraform/prod/aws-foundation/main.tf',
    address,
    block: 'resource',
    type,
    body: { ...body, bucket: name },
  };
}

const DASHBOARD = { 'a.json': '{"panels":[1,2,3]}', 'b.json': '{"title":"x"}', c: '1', d: '2', e: '3', f: '4', g: '5', h: '6', i: '7', j: '8' };

describe('pairMoves', () => {
  it('pairs an object renamed with the same content as one move', () => {
    const removed = configMap('old-dashboard', DASHBOARD);
    const added = configMap('new-dashboard', DASHBOARD);
    const pairs = pairMoves([removed], [added], new Map());
    expect(pairs).toEqual([{ base: removed, head: added, declared: false }]);
    expect(compareUnits(removed, added)).toMatchObject({ kind: 'moved', fields: [{ path: 'metadata.name', before: 'old-dashboard', after: 'new-dashboard' }] });
  });

  it('pairs an object renamed and slightly edited, and shows the edit', () => {
    const removed = configMap('old-dashboard', DASHBOARD);
    const added = configMap('new-dashboard', { ...DASHBOARD, c: 'changed' });
    expect(pairMoves([removed], [added], new Map())).toHaveLength(1);
    expect(compareUnits(removed, added)?.fields).toEqual([
      { path: 'data.c', before: '1', after: 'changed' },
      { path: 'metadata.name', before: 'old-dashboard', after: 'new-dashboard' },
    ]);
  });

  it('does not pair objects of different content or of different kinds', () => {
    const removed = configMap('old', { a: '1', b: '2' });
    expect(pairMoves([removed], [configMap('new', { x: '9', y: '8' })], new Map())).toEqual([]);
    const secret = kubernetesUnit('dist/k8s/prod/x/secret.yaml', 'prod', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'new', namespace: 'monitoring' },
      data: { a: '1', b: '2' },
    });
    expect(pairMoves([removed], secret ? [secret as KubernetesUnit] : [], new Map())).toEqual([]);
  });

  it('reports an object that only changed file as moved: another Argo CD Application may now own it', () => {
    const before = configMap('same', DASHBOARD, 'monitoring', 'dist/k8s/prod/observability/configmap-same.yaml');
    const after = configMap('same', DASHBOARD, 'monitoring', 'dist/k8s/prod/config/configmap-same.yaml');
    expect(compareUnits(before, after)).toMatchObject({ kind: 'moved', fields: [] });
  });

  it('pairs Terraform resources by a moved block even when their content differs', () => {
    const removed = bucket('aws_s3_bucket.state', { force_destroy: false, tags: { a: '1' } });
    const added = bucket('aws_s3_bucket.tfstate', { force_destroy: true, tags: { b: '2' }, object_lock_enabled: true });
    expect(pairMoves([removed], [added], new Map())).toEqual([]);
    const declared = new Map([['prod/aws-foundation', [{ from: 'aws_s3_bucket.state', to: 'aws_s3_bucket.tfstate' }]]]);
    expect(pairMoves([removed], [added], declared)).toEqual([{ base: removed, head: added, declared: true }]);
  });

  it('pairs each removed unit with at most one added unit, the most similar first', () => {
    const a = configMap('a', DASHBOARD);
    const b = configMap('b', { ...DASHBOARD, c: 'x' });
    const a2 = configMap('a2', DASHBOARD);
    const b2 = configMap('b2', { ...DASHBOARD, c: 'x' });
    const pairs = pairMoves([a, b], [b2, a2], new Map());
    expect(pairs.map((p) => [p.base.name, p.head.name])).toEqual([
      ['a', 'a2'],
      ['b', 'b2'],
    ]);
  });
});

describe('pairMoves never pairs', () => {
  function namespace(name: string): KubernetesUnit {
    return kubernetesUnit(`dist/k8s/prod/config/namespace-${name}.yaml`, 'prod', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { a: '1', b: '2', c: '3' } },
    }) as KubernetesUnit;
  }

  it('two Namespaces: removing one deletes what it holds, whatever the other is called', () => {
    expect(pairMoves([namespace('kyverno')], [namespace('payments')], new Map())).toEqual([]);
  });

  it('Terraform resources of two stacks, even with a moved block naming the address in the other stack', () => {
    const inStack = (stack: string, address: string): TerraformUnit => ({
      ...bucket(address, { force_destroy: false }),
      stack,
      key: `${stack}/${address}`,
      file: `dist/terraform/prod/${stack}/main.tf`,
    });
    const removedInA = inStack('aws-network-a', 'aws_iam_role.old');
    const addedInB = inStack('aws-network-b', 'aws_iam_role.new');
    expect(pairMoves([removedInA], [inStack('aws-network-b', 'aws_iam_role.old')], new Map())).toEqual([]);
    expect(pairMoves([removedInA], [addedInB], new Map([['prod/aws-network-b', [{ from: 'aws_iam_role.old', to: 'aws_iam_role.new' }]]]))).toEqual([]);
  });
});
