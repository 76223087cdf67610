import { X509Certificate } from 'node:crypto';
import { synthesizeKubernetes } from '../../apps/synth/synthesize-kubernetes';
import { blockingResults } from '../../constructs/rules/result';
import { secretSlotFindings } from '../../constructs/secrets/secret-slots';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';
import { certificate, firstCluster, sealedData, sealingEnvironment, slot } from './sealing-fixtures';

const base = sealingEnvironment();
const [c1, c2] = base.clusters.map((c) => c.name) as [string, string];
const noOutOfBand = { ...base.secrets, providedOutOfBand: [] };

describe('secretSlotFindings: every slot (Secret, cluster) is sealed with every key, or provided out of band', () => {
  it('refuses each empty slot by name, with the seal command that fills it', () => {
    const findings = secretSlotFindings('lab', [slot(c1), slot(c2)], noOutOfBand);
    expect(findings.map((f) => f.value)).toEqual([`monitoring/grafana-admin on ${c1}`, `monitoring/grafana-admin on ${c2}`]);
    expect(findings[0]!.fix).toContain(
      `npm run seal -- --env lab --cluster ${c1} --namespace monitoring --name grafana-admin --from-file admin-password=<file> --from-file admin-user=<file>`,
    );
    expect(findings[0]!.fix).toContain('secrets.providedOutOfBand');
  });

  it('accepts slots sealed with every key, or provided out of band for that cluster (or every cluster)', () => {
    const secrets = {
      ...noOutOfBand,
      sealed: [sealedData({ cluster: c1 })],
      providedOutOfBand: [{ namespace: 'monitoring', name: 'grafana-admin', clusters: [c2], reason: 'by hand' }],
    };
    expect(secretSlotFindings('lab', [slot(c1), slot(c2)], secrets)).toEqual([]);
    expect(secretSlotFindings('lab', [slot(c1), slot(c2)], { ...noOutOfBand, providedOutOfBand: [{ namespace: 'monitoring', name: 'grafana-admin', reason: 'by hand' }] })).toEqual(
      [],
    );
  });

  it('refuses a sealed slot that lacks a key its readers read', () => {
    const secrets = { ...noOutOfBand, sealed: [sealedData({ cluster: c1, encryptedData: { 'admin-user': 'AAAA' } })] };
    expect(secretSlotFindings('lab', [slot(c1)], secrets)).toEqual([
      expect.objectContaining({ field: 'secrets.sealed[0].encryptedData', value: ['admin-user'], problem: expect.stringContaining('lacks key admin-password') }),
    ]);
  });

  it('refuses values sealed for a cluster or Secret no reader needs, and a slot both sealed and provided out of band', () => {
    const secrets = {
      ...noOutOfBand,
      sealed: [sealedData({ cluster: c1 }), sealedData({ cluster: c2 }), sealedData({ cluster: c1, name: 'nobody-reads' })],
      providedOutOfBand: [{ namespace: 'monitoring', name: 'grafana-admin', reason: 'by hand' }],
    };
    expect(secretSlotFindings('lab', [slot(c1)], secrets).map((f) => [f.field, f.problem])).toEqual([
      ['secrets.providedOutOfBand[0]', expect.stringContaining(`monitoring/grafana-admin on ${c1} is sealed and also listed as provided out of band`)],
      ['secrets.sealed[1]', expect.stringContaining(`sealed for cluster ${c2}, but its readers run on ${c1} only`)],
      ['secrets.sealed[2]', expect.stringContaining('no RequiredSecret declares it')],
    ]);
  });
});

describe("synth of an environment's Secret slots", () => {
  const results = (spec: EnvironmentSpec) => blockingResults(synthesizeKubernetes(spec).results);

  it('refuses an environment with an empty slot, naming it, at the construct that checks the slots', () => {
    const spec = { ...base, secrets: { ...base.secrets, providedOutOfBand: base.secrets.providedOutOfBand.filter((o) => o.name !== 'grafana-oidc') } };
    const refused = results(spec);
    expect(refused.map((r) => [r.rule, r.value])).toEqual(spec.clusters.map((c) => ['construct-validation', JSON.stringify(`monitoring/grafana-oidc on ${c.name}`)]));
    expect(refused[0]!.path).toBe(`${spec.name}/secret-slots`);
  });

  it('renders a sealed slot as a SealedSecret in the folder of its cluster, and the inventory says where each value comes from', () => {
    const sealed = sealedData({ cluster: firstCluster(base), certificateSha256: new X509Certificate(certificate('rsa-a')).fingerprint256 });
    const spec = { ...base, secrets: { ...base.secrets, sealed: [sealed] } };
    // The out-of-band entry of grafana-admin covers every cluster: leave the sealed one out of it.
    const others = spec.clusters.slice(1).map((c) => c.name);
    const secrets = { ...spec.secrets, providedOutOfBand: spec.secrets.providedOutOfBand.map((o) => (o.name === 'grafana-admin' ? { ...o, clusters: others } : o)) };
    const part = synthesizeKubernetes({ ...spec, secrets });
    expect(blockingResults(part.results)).toEqual([]);
    expect(part.files.get(`k8s/${spec.name}/sealed-secrets-${c1}/sealedsecret-grafana-admin.yaml`)).toContain('kind: SealedSecret');
    expect(part.files.get(`k8s/${spec.name}/sealed-secrets-${c1}/kustomization.yaml`)).toContain('sealedsecret-grafana-admin.yaml');
    expect([...part.files.keys()].filter((f) => f.includes(`sealed-secrets-${c2}`))).toEqual([]);
    expect(part.files.get(`k8s/${spec.name}/sync/application-${c1}-sealed-secrets-sync.yaml`)).toContain(`path: dist/k8s/${spec.name}/sealed-secrets-${c1}`);
    const inventory = JSON.parse(part.files.get(`secrets-inventory/${spec.name}/secrets.json`)!) as { secrets: { name: string; slots: unknown[] }[] };
    expect(inventory.secrets.find((s) => s.name === 'grafana-admin')!.slots).toEqual([
      { cluster: c1, source: 'sealed', scope: 'strict', certificateSha256: sealed.certificateSha256 },
      { cluster: c2, source: 'out-of-band', reason: 'created by hand in the fixture' },
    ]);
    expect(part.files.get(`secrets-inventory/${spec.name}/secrets.md`)).toContain(
      `| monitoring | grafana-admin | ${c1} | sealed (strict), dist/k8s/${spec.name}/sealed-secrets-${c1}/ |`,
    );
  });

  it("passes production's rules too: a sealed slot in a production environment is synthesized without a blocking result", () => {
    const prod = fixtureEnvironment({ tier: 'production' });
    const [first, ...rest] = prod.clusters.map((c) => c.name);
    const providedOutOfBand = prod.secrets.providedOutOfBand.map((o) => (o.name === 'grafana-admin' ? { ...o, clusters: rest } : o));
    const spec = { ...prod, secrets: { ...prod.secrets, sealed: [sealedData({ cluster: first! })], providedOutOfBand } };
    expect(results(spec)).toEqual([]);
  });
});
