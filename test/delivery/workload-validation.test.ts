import { Duration } from 'cdk8s';
import { deliveredWorkloadFindings } from '../../constructs/delivery/workload-findings';
import type { Tier } from '../../environments/types';
import { specViolations } from '../environments/spec-violations';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../support/fixture-workload';

const AT = 'delivery.workloads[0]';

function problems(tier: Tier, overrides: Parameters<typeof fixtureWorkload>[0]) {
  return deliveredWorkloadFindings(tier, fixtureWorkload(overrides), AT);
}

describe('the spec checks of a delivered workload', () => {
  it('accepts the fixture workload in every tier', () => {
    for (const tier of ['development', 'staging', 'production'] as const) expect(deliveredWorkloadFindings(tier, fixtureWorkload(), AT)).toEqual([]);
  });

  it('refuses a weight the replica count cannot realise without a traffic router, naming the pods it would really move', () => {
    const found = problems('staging', { replicas: 3, canarySteps: [{ weight: 10, pause: Duration.minutes(1) }, { weight: 67 }] });
    expect(found).toEqual([
      expect.objectContaining({
        field: `${AT}.canarySteps[0].weight`,
        value: 10,
        problem: expect.stringMatching(/share of the 3 replicas, and 10% of 3 pods is 0\.30 pods \(the controller would run 1, 33%\)/),
        fix: 'use multiples of 33.33% or change replicas',
      }),
    ]);
  });

  it('accepts the nearest whole-pod weights (33 and 67 of 3 replicas)', () => {
    expect(problems('staging', { replicas: 3, canarySteps: [{ weight: 33, pause: Duration.minutes(1) }, { weight: 67 }] })).toEqual([]);
  });

  it('refuses the default quarter weights with 3 replicas, pointing at the tier default', () => {
    const found = problems('staging', { replicas: 3 });
    expect(found.map((f) => f.field)).toEqual([`${AT}.canarySteps (the staging default)[0].weight`, `${AT}.canarySteps (the staging default)[1].weight`]);
  });

  it('refuses weights that do not grow, or fall outside 1-100', () => {
    const found = problems('production', { canarySteps: [{ weight: 50, pause: Duration.minutes(1) }, { weight: 25 }] });
    expect(found.map((f) => f.problem)).toContain('weights must grow from step to step');
    expect(problems('staging', { canarySteps: [{ weight: 0 }] }).map((f) => f.problem)).toContain('must be a whole percentage from 1 to 100');
  });

  it('refuses a staging or production canary that never waits for a person', () => {
    for (const tier of ['staging', 'production'] as const) {
      const found = problems(tier, {
        canarySteps: [
          { weight: 25, pause: Duration.minutes(1) },
          { weight: 50, pause: Duration.minutes(1) },
        ],
      });
      expect(found).toEqual([expect.objectContaining({ field: `${AT}.canarySteps`, value: [25, 50], fix: 'leave the pause out of one step (usually the last)' })]);
    }
  });

  it('refuses a canary without steps in staging and production (no analysis would run)', () => {
    expect(problems('production', { canarySteps: [] })).toEqual([
      expect.objectContaining({ field: `${AT}.canarySteps`, problem: expect.stringMatching(/production canary needs steps/) }),
    ]);
  });

  it('refuses a canary of one replica', () => {
    expect(problems('staging', { replicas: 1 }).map((f) => f.field)).toEqual([`${AT}.replicas`]);
  });

  it('refuses a pause that is not whole seconds (the controller reads it as an int or a Go duration)', () => {
    expect(problems('staging', { canarySteps: [{ weight: 25, pause: Duration.millis(1500) }, { weight: 50 }] })).toEqual([
      expect.objectContaining({ field: `${AT}.canarySteps[0].pause`, value: '1.5s', problem: expect.stringMatching(/Duration needs to be greater than 0/) }),
    ]);
  });

  it('refuses a production image without digest, and any image by latest or without tag', () => {
    const tagOnly = { repository: 'registry.gitops-cdk.example/fixture/echo', tag: '2.1.0' };
    expect(problems('production', { image: tagOnly })).toEqual([
      expect.objectContaining({ field: `${AT}.image.digest`, problem: expect.stringMatching(/production runs images by digest only/) }),
    ]);
    expect(problems('staging', { image: tagOnly })).toEqual([]);
    expect(problems('development', { image: { repository: tagOnly.repository, tag: 'latest' } }).map((f) => f.field)).toEqual([`${AT}.image.tag`]);
    expect(problems('development', { image: { repository: tagOnly.repository, digest: 'sha256:short' } }).map((f) => f.field)).toEqual([`${AT}.image.digest`]);
  });

  it('refuses analysis numbers the controller refuses: count below failureLimit, no measurement, a share above 1', () => {
    const analysis = fixtureWorkload().analysis;
    expect(problems('staging', { analysis: { ...analysis, count: 2, failureLimit: 3 } })).toEqual([
      expect.objectContaining({ field: `${AT}.analysis.failureLimit`, problem: expect.stringMatching(/count must be >= failureLimit/) }),
    ]);
    expect(problems('staging', { analysis: { ...analysis, count: 0, failureLimit: 0 } }).map((f) => f.field)).toEqual([`${AT}.analysis.count`]);
    expect(problems('staging', { analysis: { ...analysis, minSuccessRatio: 99 } }).map((f) => f.field)).toEqual([`${AT}.analysis.minSuccessRatio`]);
  });

  it('refuses probes and metrics on ports the workload does not have', () => {
    const found = problems('development', { readiness: { path: 'ready', port: 'web' }, metrics: { ...fixtureWorkload().metrics, port: 'prom' } });
    expect(found.map((f) => f.field)).toEqual([`${AT}.readiness.port`, `${AT}.readiness.path`, `${AT}.metrics.port`]);
  });

  it('refuses a root user and a name too long for the derived names', () => {
    expect(problems('development', { user: { uid: 0, gid: 0 } }).map((f) => f.field)).toEqual([`${AT}.user`]);
    expect(problems('development', { name: 'x'.repeat(56) }).map((f) => f.field)).toEqual([`${AT}.name`]);
  });
});

describe('spec-delivery-workloads, as synth refuses a spec', () => {
  it('names the environment, its file, the field, the value and the fix', () => {
    const spec = fixtureDeliveryEnvironment('production', [fixtureWorkload({ image: { repository: 'registry.gitops-cdk.example/fixture/echo', tag: '2.1.0' } })]);
    const found = specViolations(spec).filter((v) => v.field.startsWith('delivery'));
    expect(found).toEqual([
      expect.objectContaining({
        environment: 'live',
        path: 'environments/index.ts',
        field: 'delivery.workloads[0].image.digest',
        value: 'missing',
        problem: expect.stringMatching(/production runs images by digest only/),
        fix: expect.stringMatching(/add the digest of registry\.gitops-cdk\.example\/fixture\/echo:2\.1\.0/),
      }),
    ]);
  });

  it('refuses two workloads in one namespace, a platform namespace and an unknown cluster', () => {
    const spec = fixtureDeliveryEnvironment('development', [
      fixtureWorkload(),
      fixtureWorkload({ name: 'echo-two', clusters: ['nowhere'] }),
      fixtureWorkload({ name: 'three', namespace: 'monitoring' }),
    ]);
    expect(specViolations(spec).map((v) => v.field)).toEqual(['delivery.workloads[1].namespace', 'delivery.workloads[1].clusters[0]', 'delivery.workloads[2].namespace']);
  });

  it('accepts the fixture workload in every tier', () => {
    for (const tier of ['development', 'staging', 'production'] as const) expect(specViolations(fixtureDeliveryEnvironment(tier))).toEqual([]);
  });
});
