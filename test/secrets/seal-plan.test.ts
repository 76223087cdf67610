import { X509Certificate } from 'node:crypto';
import { readSealCommandLine } from '../../apps/seal/seal-options';
import { planSeal, type SealContext } from '../../apps/seal/seal-plan';
import { certificate, firstCluster, sealingEnvironment, slot } from './sealing-fixtures';

const spec = sealingEnvironment();
const cluster = firstCluster(spec);
const context: SealContext = {
  environments: [spec],
  slotsOf: () => [slot(cluster)],
  readValue: () => Buffer.from('from a file'),
  now: new Date('2026-12-03T00:00:00Z'),
};
const request = (argv: string[]) => {
  const read = readSealCommandLine(argv);
  if (read.help) throw new Error('help');
  return read.request;
};
const valid = ['--env', spec.name, '--cluster', cluster, '--namespace', 'monitoring', '--name', 'grafana-admin'];
const problemsOf = (argv: string[], ctx: SealContext = context): string[] => {
  const planned = planSeal(request(argv), ctx);
  return planned.ok ? [] : planned.problems;
};

describe('npm run seal: every input is checked first, every problem reported at once', () => {
  it('reports an unknown environment, a bad namespace, a bad scope, an empty key and an empty value together', () => {
    const problems = problemsOf(['--env', 'nope', '--cluster', cluster, '--namespace', 'Mon', '--name', 'x', '--scope', 'wide', '--from-literal', '=v', '--from-literal', 'k=']);
    expect(problems).toEqual([
      expect.stringContaining(`--env nope is no environment: one of ${spec.name}`),
      expect.stringContaining('--namespace "Mon" is not a Kubernetes name'),
      expect.stringContaining('--scope wide is not one of strict, namespace-wide, cluster-wide'),
      expect.stringContaining('--from-literal has an empty key'),
      expect.stringContaining('key k has an empty value'),
    ]);
  });

  it('names the clusters of the environment for an unknown one, and asks for a value', () => {
    expect(problemsOf(['--env', spec.name, '--cluster', 'nope', '--namespace', 'monitoring', '--name', 'grafana-admin'])).toEqual([
      `--cluster nope is no cluster of ${spec.name}: one of ${spec.clusters.map((c) => c.name).join(', ')}`,
      'no value: give --from-literal KEY=VALUE or --from-file KEY=PATH at least once',
    ]);
  });

  it('refuses a cluster without a committed certificate, saying where it goes and how to fetch it', () => {
    const other = spec.clusters[1]!.name;
    const [problem] = problemsOf(['--env', spec.name, '--cluster', other, '--namespace', 'monitoring', '--name', 'grafana-admin', '--from-literal', 'admin-user=a'], {
      ...context,
      slotsOf: () => [slot(other)],
    });
    expect(problem).toContain(`environments/sealing/${spec.name}/${other}.pem`);
    expect(problem).toContain('kubeseal --controller-namespace sealed-secrets --controller-name sealed-secrets-controller --fetch-cert');
  });

  it.each([
    ['an expired certificate', certificate('rsa-a'), new Date('2200-01-01'), /expired on 2126-\d\d-\d\d; kubeseal refuses/],
    ['an EC certificate', certificate('ec'), new Date('2026-12-03'), /holds a ec key; the Sealed Secrets controller seals with RSA only/],
    [
      'a bare public key',
      new X509Certificate(certificate('rsa-a')).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      new Date('2026-12-03'),
      /holds no PEM certificate/,
    ],
  ])('refuses %s, as kubeseal does', (_what, pem, now, message) => {
    const withPem = { ...spec, secrets: { ...spec.secrets, sealingCertificates: { [cluster]: pem } } };
    const problems = problemsOf([...valid, '--from-literal', 'admin-user=a'], { ...context, environments: [withPem], now });
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a Secret or key the environment does not need on that cluster, unless forced', () => {
    expect(problemsOf(['--env', spec.name, '--cluster', cluster, '--namespace', 'monitoring', '--name', 'other', '--from-literal', 'k=v'])).toEqual([
      expect.stringContaining(`monitoring/other is no Secret ${spec.name} needs on ${cluster} (its slots there: monitoring/grafana-admin)`),
    ]);
    expect(problemsOf([...valid, '--from-literal', 'admin-usr=a'])).toEqual([expect.stringContaining('key admin-usr is not read by any reader of monitoring/grafana-admin')]);
    expect(problemsOf([...valid, '--from-literal', 'admin-usr=a', '--force-unlisted'])).toEqual([]);
  });

  it('never puts a value into a message', () => {
    const problems = problemsOf(['--env', 'nope', '--from-literal', 'hunter2-no-equals', '--from-literal', 'admin-user=hunter2']);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('plans a valid request: strict by default, the certificate as openssl prints its SHA-256 fingerprint, the bytes as given', () => {
    const planned = planSeal(request([...valid, '--from-literal', 'admin-user=admin', '--from-file', 'admin-password=pw.txt']), context);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    expect(planned.plan).toMatchObject({ environment: spec.name, cluster, namespace: 'monitoring', name: 'grafana-admin', scope: 'strict' });
    expect(planned.plan.certificateSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(planned.plan.certificateSha256).toBe(new X509Certificate(certificate('rsa-a')).fingerprint256);
    expect([...planned.plan.values].map(([k, v]) => [k, v.toString()])).toEqual([
      ['admin-user', 'admin'],
      ['admin-password', 'from a file'],
    ]);
  });

  it("seals with the newest certificate of the cluster's file (latest NotBefore, what the controller serves), wherever it stands in the file", () => {
    for (const pem of [`${certificate('rsa-a')}${certificate('rsa-renewed')}`, `${certificate('rsa-renewed')}${certificate('rsa-a')}`]) {
      const renewed = { ...spec, secrets: { ...spec.secrets, sealingCertificates: { [cluster]: pem } } };
      const planned = planSeal(request([...valid, '--from-literal', 'admin-user=admin', '--from-literal', 'admin-password=x']), { ...context, environments: [renewed] });
      if (!planned.ok) throw new Error(planned.problems.join('\n'));
      expect(planned.plan.certificateSha256).toBe(new X509Certificate(certificate('rsa-renewed')).fingerprint256);
    }
  });
});
