import { Chart, Testing } from 'cdk8s';
import { RequiredSecret, type RequiredSecretProps } from '../../constructs/secrets/required-secret';
import { inventoryJson, inventoryMarkdown, secretInventoryViolations, secretsInventory } from '../../constructs/secrets/secrets-inventory';
import type { KubeManifest, RenderedObject } from '../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

const dev = fixtureEnvironment({ tier: 'development' });

const spec: EnvironmentSpec = { ...dev, name: 'fixture' };
const rendered = (constructPath: string, manifest: Record<string, unknown>): RenderedObject => ({ constructPath, manifest: manifest as KubeManifest });

/** A Deployment in `namespace` reading key `key` of Secret `name` (or the whole Secret). */
function reader(namespace: string, name: string, key?: string): RenderedObject {
  const env = key === undefined ? { envFrom: [{ secretRef: { name } }] } : { env: [{ name: 'V', valueFrom: { secretKeyRef: { name, key } } }] };
  return rendered(`fixture/apps/${name}`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `reads-${name}`, namespace },
    spec: { template: { spec: { containers: [{ name: 'c', ...env }] } } },
  });
}

/** Declarations made in a fresh chart, as components make them. */
function declare(...props: RequiredSecretProps[]): RequiredSecret[] {
  const chart = new Chart(Testing.app(), 'fixture');
  for (const [i, p] of props.entries()) new RequiredSecret(chart, `secret-${i}`, p);
  return RequiredSecret.of(chart);
}

const webhook = (reader: string, clusters: string[], keys = [{ name: 'webhook', holds: 'the webhook URL' }]): RequiredSecretProps => ({
  name: 'hook',
  namespace: 'apps',
  keys,
  reader,
  clusters,
});

describe('secretInventoryViolations', () => {
  it('rejects every Secret a document reads that neither dist/ nor a declaration accounts for, each with where, what and the fix', () => {
    const violations = secretInventoryViolations([reader('apps', 'hook', 'webhook'), reader('apps', 'bulk')], [], spec);
    expect(violations).toEqual([
      {
        environment: 'fixture',
        path: 'fixture/apps/hook',
        field: 'spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef',
        value: '"apps/hook key webhook"',
        problem: expect.stringMatching(/Deployment reads-hook reads Secret apps\/hook, which nothing in dist\/ creates and no RequiredSecret declares/),
        fix: expect.stringContaining('new RequiredSecret(this, id, { name, namespace, keys: [{ name, holds }], reader, clusters })'),
      },
      expect.objectContaining({ path: 'fixture/apps/bulk', field: 'spec.template.spec.containers[0].envFrom[0].secretRef', value: '"apps/bulk"' }),
    ]);
  });

  it('accepts a Secret read by a document when it is declared with that key', () => {
    expect(secretInventoryViolations([reader('apps', 'hook', 'webhook')], declare(webhook('job', ['c1'])), spec)).toEqual([]);
  });

  it('rejects a key the declaration does not list, and a Secret declared in another namespace', () => {
    const declared = declare(webhook('job', ['c1']));
    const [missingKey] = secretInventoryViolations([reader('apps', 'hook', 'token'), reader('apps', 'hook', 'webhook')], declared, spec);
    expect(missingKey).toMatchObject({ value: '"apps/hook key token"', fix: 'add the key token to the declaration of apps/hook' });
    const elsewhere = secretInventoryViolations([reader('other', 'hook', 'webhook'), reader('apps', 'hook', 'webhook')], declared, spec);
    expect(elsewhere.map((v) => v.value)).toEqual(['"other/hook key webhook"']);
  });

  it('accepts a Secret that dist/ holds itself, as a SealedSecret or a Secret, with the key read', () => {
    const sealed = rendered('fixture/sealed', {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 'hook', namespace: 'apps' },
      spec: { encryptedData: { webhook: 'AgB...' }, template: { metadata: { name: 'hook' } } },
    });
    expect(secretInventoryViolations([sealed, reader('apps', 'hook', 'webhook'), reader('apps', 'hook')], [], spec)).toEqual([]);
    expect(secretInventoryViolations([sealed, reader('apps', 'hook', 'other')], [], spec).map((v) => v.value)).toEqual(['"apps/hook key other"']);
    const plain = rendered('fixture/cluster', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cluster-x', namespace: 'argocd' }, stringData: { config: '{}' } });
    expect(secretInventoryViolations([plain, reader('argocd', 'cluster-x', 'config')], [], spec)).toEqual([]);
  });

  it('rejects a declaration that no synthesized document reads', () => {
    const [stale] = secretInventoryViolations([], declare(webhook('job', ['c1'])), spec);
    expect(stale).toMatchObject({
      path: 'fixture/secret-0',
      field: 'RequiredSecret',
      value: '"apps/hook"',
      problem: expect.stringMatching(/declared as read by job, but no synthesized document reads/),
    });
  });

  it('tells read from unread declarations across a fleet of clusters, by namespace and name, in declaration order', () => {
    const clusters = Array.from({ length: 120 }, (_, i) => `c${i}`);
    const declarations = declare(
      ...clusters.map((c, i) => ({
        name: `hook-${i}`,
        namespace: i % 3 === 0 ? 'other' : 'apps',
        keys: [{ name: 'webhook', holds: 'the webhook URL' }],
        reader: 'job',
        clusters: [c],
      })),
    );
    const readers = clusters.filter((_, i) => i % 2 === 0).map((_, j) => reader('apps', `hook-${2 * j}`, 'webhook'));
    const unread = secretInventoryViolations(readers, declarations, spec).filter((v) => v.field === 'RequiredSecret');
    const expected = clusters.flatMap((_, i) => (i % 2 === 1 || i % 3 === 0 ? [`"${i % 3 === 0 ? 'other' : 'apps'}/hook-${i}"`] : []));
    expect(unread.map((v) => v.value)).toEqual(expected);
  });
});

describe('secretsInventory', () => {
  it('merges the declarations of one Secret by several readers: every key, reader and cluster once, sorted', () => {
    const inventory = secretsInventory(
      declare(
        webhook('policy-reporter', ['c2', 'c1']),
        webhook(
          'report job',
          ['c1'],
          [
            { name: 'webhook', holds: 'the webhook URL' },
            { name: 'channel', holds: 'the channel' },
          ],
        ),
        { name: 'a-first', namespace: 'apps', keys: [{ name: 'k', holds: 'v' }], reader: 'x', clusters: ['c1'] },
      ),
    );
    expect(inventory).toEqual([
      { name: 'a-first', namespace: 'apps', keys: [{ name: 'k', holds: 'v', readers: ['x'] }], readers: ['x'], clusters: ['c1'] },
      {
        name: 'hook',
        namespace: 'apps',
        keys: [
          { name: 'channel', holds: 'the channel', readers: ['report job'] },
          { name: 'webhook', holds: 'the webhook URL', readers: ['policy-reporter', 'report job'] },
        ],
        readers: ['policy-reporter', 'report job'],
        clusters: ['c1', 'c2'],
      },
    ]);
  });

  it('renders one Markdown row per key and the same entries as JSON', () => {
    const inventory = secretsInventory(declare(webhook('a | b', ['c1'])));
    expect(inventoryMarkdown(spec, inventory)).toContain('| apps | hook | webhook | the webhook URL | a \\| b | c1 |');
    expect(JSON.parse(inventoryJson(spec, inventory))).toEqual({
      environment: 'fixture',
      secrets: inventory.map((e) => ({ ...e, slots: [{ cluster: 'c1', source: 'missing' }] })),
    });
  });
});

describe('RequiredSecret', () => {
  it.each([
    [{ keys: [] }, /keys is empty/],
    [{ clusters: [] }, /clusters is empty/],
    [{ reader: ' ' }, /reader is empty/],
    [{ keys: [{ name: 'k', holds: '' }] }, /key k does not say what it holds/],
  ])('rejects a declaration with %j', (change, message) => {
    expect(() => declare({ ...webhook('job', ['c1']), ...change })).toThrow(message);
  });
});
