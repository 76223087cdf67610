import { checkSpecs } from '../../apps/spec/check-specs';
import { specKubernetesSupport } from '../../apps/spec/rules/spec-kubernetes-support';
import { synthesize } from '../../apps/synth/synthesize';
import { type CloudSupportCalendar, KUBERNETES_SUPPORT, type ManagedKubernetes, supportStatus } from '../../constructs/kubernetes/kubernetes-support';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import { violationOf } from '../../constructs/rules/refusal-entries';
import type { Violation } from '../../constructs/rules/violation';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { fileOf } from './spec-expectations';
import { dev, prod } from './tier-fixtures';

// Every date here is passed in: the same spec is accepted on one day and refused on a later one.

/** `spec` with every cluster on `version`. */
function onVersion(spec: EnvironmentSpec, version: string): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((c): ClusterSpec => ({ ...c, kubernetesVersion: version })) };
}

/** A calendar of this test's own, so the assertions do not move when the real one grows. */
const CALENDAR: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>> = {
  aws: { service: 'Amazon EKS', source: 'https://eks.example/calendar', versions: [{ minor: '1.34', endOfStandardSupport: '2026-12-02', endOfSupport: '2027-12-02' }] },
  azure: {
    service: 'AKS',
    source: 'https://aks.example/calendar',
    versions: [
      { minor: '1.34', endOfSupport: '2026-11-30' },
      { minor: '1.35', endOfSupport: '2027-03-31' },
    ],
  },
  gcp: { service: 'GKE', source: 'https://gke.example/schedule', versions: [{ minor: '1.34', endOfSupport: '2027-06-30' }] },
};

/** dev's first cluster (AKS) alone, on `version`. */
function aksOnly(version: string): EnvironmentSpec {
  const aks = dev.clusters.find((c) => c.cloud === 'azure')!;
  return { ...dev, clusters: [{ ...aks, kubernetesVersion: version }] };
}

/** The support calendar's rules on `specs` as synth runs them: what refuses, and what warns. */
function supportCalendar(
  specs: readonly EnvironmentSpec[],
  today: string,
  calendar: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>>,
): { errors: Violation[]; warnings: Violation[] } {
  const { results } = checkSpecs(specs, { today, exceptions: [], specRules: [], fleetRules: [], supportRules: specKubernetesSupport(today, calendar) });
  const failing = (level: string): Violation[] => results.filter((r) => r.status === 'fail' && r.level === level).map(violationOf);
  return { errors: failing('error'), warnings: failing('warning') };
}

describe('the support calendar rules', () => {
  it('refuses a cluster on a version past its end of support, naming environment, file, field, value and the upgrade', () => {
    const { errors, warnings } = supportCalendar([aksOnly('1.34')], '2026-12-01', CALENDAR);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([
      {
        environment: dev.name,
        path: fileOf(dev, 'clusters[0].kubernetesVersion'),
        field: 'clusters[0].kubernetesVersion',
        value: '"1.34"',
        problem:
          'AKS ended support for Kubernetes 1.34 on 2026-11-30 (today is 2026-12-01): new clusters on it are refused and the cloud upgrades existing control planes on its own',
        fix: `upgrade ${aksOnly('1.34').clusters[0]!.name}: set clusters[0].kubernetesVersion to 1.35`,
      },
    ]);
  });

  it('accepts the last day of support, with a warning', () => {
    const { errors, warnings } = supportCalendar([aksOnly('1.34')], '2026-11-30', CALENDAR);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.problem)).toEqual(['AKS ends support for Kubernetes 1.34 on 2026-11-30, in 0 days: synth refuses it from the day after']);
  });

  it('warns from 60 days before the end of support, not earlier', () => {
    expect(supportCalendar([aksOnly('1.34')], '2026-10-01', CALENDAR).warnings.map((w) => w.problem)).toEqual([
      expect.stringMatching(/ends support for Kubernetes 1\.34 on 2026-11-30, in 60 days/),
    ]);
    expect(supportCalendar([aksOnly('1.34')], '2026-09-30', CALENDAR)).toEqual({ errors: [], warnings: [] });
  });

  it('warns, without refusing, while an EKS version is in paid extended support, and refuses after it', () => {
    const eks = onVersion(prod, '1.34');
    const during = supportCalendar([eks], '2026-12-03', CALENDAR);
    expect(during.errors).toEqual([]);
    expect(during.warnings.map((w) => `${w.field} ${w.problem}`)).toEqual([
      'clusters[0].kubernetesVersion Amazon EKS standard support for Kubernetes 1.34 ended on 2026-12-02: the cluster is in extended support, billed per cluster hour, until 2027-12-02',
      'clusters[1].kubernetesVersion Amazon EKS standard support for Kubernetes 1.34 ended on 2026-12-02: the cluster is in extended support, billed per cluster hour, until 2027-12-02',
    ]);
    expect(during.warnings[0]!.fix).toMatch(/add its dates from https:\/\/eks\.example\/calendar to constructs\/kubernetes\/kubernetes-support\.ts/);
    expect(supportCalendar([eks], '2027-12-03', CALENDAR).errors).toHaveLength(2);
  });

  it('warns about a version the calendar has no dates for instead of guessing', () => {
    const { errors, warnings } = supportCalendar([aksOnly('1.36')], '2026-12-03', CALENDAR);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.problem)).toEqual(['no AKS support dates for Kubernetes 1.36 are recorded, so synth cannot tell whether the cloud still supports it']);
  });
});

describe('the recorded calendars', () => {
  // Pins what was read in the clouds' documentation (sources in kubernetes-support.ts).
  it.each([
    ['aws', '1.31', '2026-11-27', 'ended'],
    ['aws', '1.34', '2026-12-03', 'extended'],
    ['azure', '1.34', '2026-12-01', 'ended'],
    ['azure', '1.35', '2026-12-03', 'supported'],
    ['azure', '1.35', '2027-02-01', 'ending'],
  ] as const)('%s %s on %s is %s', (cloud, minor, today, kind) => {
    expect(supportStatus(cloud, minor, today, KUBERNETES_SUPPORT).kind).toBe(kind);
  });
});

describe('synthesize', () => {
  it('refuses an estate with a cluster past its end of support on the synth date', async () => {
    const refusal = await synthesize([], [aksOnly('1.34')], { today: '2026-12-01', exceptions: [] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SynthRefusedError);
    expect((refusal as SynthRefusedError).violations.map((v) => `${v.environment} ${v.field} ${v.value}`)).toContain(`${dev.name} clusters[0].kubernetesVersion "1.34"`);
  });
});
