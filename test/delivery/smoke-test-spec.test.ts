import { Duration } from 'cdk8s';
import type { DeliveredWorkloadSpec, SmokeTestSpec } from '../../constructs/delivery/delivery-spec';
import type { Tier } from '../../environments/types';
import { specViolations } from '../environments/spec-violations';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../support/fixture-workload';

const AT = 'delivery.workloads[0]';

function violations(tier: Tier, workload: DeliveredWorkloadSpec) {
  return specViolations(fixtureDeliveryEnvironment(tier, [workload])).filter((v) => v.field.startsWith(`${AT}.smokeTest`));
}

function blueGreenWith(smokeTest: SmokeTestSpec | undefined): DeliveredWorkloadSpec {
  const { smokeTest: _, ...rest } = fixtureWorkload({ strategy: 'blueGreen' });
  return smokeTest === undefined ? rest : { ...rest, smokeTest };
}

describe('spec-delivery-workloads: the smoke test of a blue-green preview', () => {
  it('refuses a production blue-green workload without one, naming environment, file and fix', () => {
    expect(violations('production', blueGreenWith(undefined))).toEqual([
      expect.objectContaining({
        environment: 'live',
        path: 'environments/index.ts',
        field: `${AT}.smokeTest`,
        problem: expect.stringMatching(/blue-green preview has no client traffic/),
        fix: expect.stringMatching(/add smokeTest: \{ path, port \}/),
      }),
    ]);
  });

  it('does not require one of a canary (its analysis judges the clients the canary pods serve)', () => {
    const { smokeTest: _, ...canary } = fixtureWorkload();
    for (const tier of ['staging', 'production'] as const) expect(violations(tier, canary)).toEqual([]);
  });

  it.each<[string, SmokeTestSpec, string, RegExp]>([
    ['the metrics port', { path: '/echo', port: 'metrics' }, 'port', /is the metrics port/],
    ['a port the workload does not have', { path: '/echo', port: 'grpc' }, 'port', /not a port the workload serves/],
    ['a relative path', { path: 'echo', port: 'http' }, 'path', /not an absolute request path/],
    ['a path with a query', { path: '/echo?x=1', port: 'http' }, 'path', /not an absolute request path/],
    ['a JSONPath without braces', { path: '/echo', port: 'http', jsonPath: '$.version' }, 'jsonPath', /not a Kubernetes JSONPath template/],
  ])('refuses %s', (_, smokeTest, field, problem) => {
    expect(violations('production', blueGreenWith(smokeTest))).toEqual([
      expect.objectContaining({ field: `${AT}.smokeTest.${field}`, value: JSON.stringify(smokeTest[field as keyof SmokeTestSpec]), problem: expect.stringMatching(problem) }),
    ]);
  });

  it('refuses a blue-green analysis that would outlast the progress deadline (the Rollout is not paused while it runs)', () => {
    const base = fixtureWorkload({ strategy: 'blueGreen' });
    const long = { ...base, analysis: { ...base.analysis, interval: Duration.minutes(2), count: 4 } };
    const found = specViolations(fixtureDeliveryEnvironment('production', [long])).filter((v) => v.field === `${AT}.analysis`);
    expect(found).toEqual([
      expect.objectContaining({ problem: expect.stringMatching(/runs about 605s .* past the 600s progress deadline/), fix: expect.stringMatching(/under 535s/) }),
    ]);
    // The same analysis in a canary runs in a step, which the deadline does not time.
    expect(specViolations(fixtureDeliveryEnvironment('production', [{ ...long, strategy: 'canary' }])).filter((v) => v.field === `${AT}.analysis`)).toEqual([]);
  });

  it("accepts podinfo's shape: a served port, an absolute path, a JSONPath in braces", () => {
    expect(violations('production', blueGreenWith({ path: '/version', port: 'http', jsonPath: '{$.version}' }))).toEqual([]);
  });
});
