import { synthesize } from '../../../apps/synth/synthesize';
import { SynthRefusedError } from '../../../constructs/rules/refusal';
import type { EnvironmentSpec } from '../../../environments/types';
import { fixtureEstate } from '../../support/fixture-environment';
import { fixtureException } from '../../support/fixture-exception';

const ENVIRONMENTS = fixtureEstate();

/** synth runs the cross-engine check on both engines' output of every environment, and writes nothing. */
describe('synthesize with a dangling cross-engine reference', () => {
  // The development fixture: Argo CD on an AKS management cluster, a GKE workload cluster.
  const base = ENVIRONMENTS.find(
    (e) => e.clusters.some((c) => c.cloud === 'gcp' && c.role === 'workload') && e.clusters.some((c) => c.cloud === 'azure' && c.role === 'management'),
  )!;

  it('refuses a GKE cluster registered at a private address that Argo CD on AKS cannot reach, naming both ends', async () => {
    const spec: EnvironmentSpec = { ...base, clusters: base.clusters.map((c) => (c.cloud === 'gcp' ? { ...c, apiServer: 'https://172.16.0.2' } : c)) };
    const all = ENVIRONMENTS.map((e) => (e.name === spec.name ? spec : e));
    const refused = await synthesize([spec], all, { exceptions: [fixtureException(all.map((e) => e.name))] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SynthRefusedError);
    const violations = (refused as SynthRefusedError).violations.filter((v) => v.problem.includes('[estate-cross-engine-consistency]'));
    expect(violations).toEqual([
      expect.objectContaining({
        environment: spec.name,
        path: expect.stringMatching(/^dist\/k8s\/.*\/clusters\/secret-cluster-.*\.yaml/),
        field: 'stringData.server',
        problem: expect.stringContaining('(Terraform end: dist/terraform/'),
      }),
    ]);
  }, 60_000);
});
