import { Duration } from 'cdk8s';
import { formatViolation, showValue, type Violation } from '../../constructs/guardrails/violation';
import { dev } from '../../environments/dev';
import { ENVIRONMENTS } from '../../environments';
import { prod } from '../../environments/prod';
import { staging } from '../../environments/staging';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { validateEnvironment, validateEnvironments } from '../../apps/spec/validate';

// Every failing case breaks one value of a reference spec and checks that exactly that field is
// reported, so a check that fires on the wrong field or on unrelated values fails here.

function atField(violations: readonly Violation[], field: string): Violation[] {
  return violations.filter((violation) => violation.field === field);
}

function fieldsOf(violations: readonly Violation[]): string[] {
  return violations.map((violation) => violation.field);
}

interface Expected {
  /** The offending value as the spec holds it (rendered with showValue for the comparison). */
  readonly value: unknown;
  readonly fix: string | RegExp;
  readonly problem?: string | RegExp;
}

/**
 * The file a value lives in: pinned versions in pins.json, the rest in the environment's own file,
 * or, for a fixture with no file of its own, the list of environments (never a file that does not exist).
 */
function fileOf(spec: EnvironmentSpec, field: string): string {
  if (/^charts\.|^kyverno\.(catalog|canaryPassed)$/.test(field)) return 'environments/pins.json';
  return ['dev', 'staging', 'prod'].includes(spec.name) ? `environments/${spec.name}.ts` : 'environments/index.ts';
}

/** Asserts that `spec` fails on `field` only, and that the violation names env, file, field, value and fix. */
function expectRejected(spec: EnvironmentSpec, field: string, expected: Expected): Violation {
  const violations = validateEnvironment(spec);
  expect(fieldsOf(violations)).toEqual([field]);
  const [violation] = atField(violations, field);
  expect(violation).toBeDefined();
  const found = violation!;
  expect(found.environment).toBe(spec.name);
  expect(found.path).toBe(fileOf(spec, field));
  expect(found.value).toBe(showValue(expected.value));
  expect(formatViolation(found)).toContain(`${spec.name}: ${fileOf(spec, field)}: ${field} is ${found.value}; `);
  expect(found.fix).toMatch(expected.fix);
  if (expected.problem !== undefined) expect(found.problem).toMatch(expected.problem);
  return found;
}

function cluster<C extends ClusterSpec['cloud']>(
  spec: EnvironmentSpec,
  index: number,
  cloud: C,
): Extract<ClusterSpec, { cloud: C }> {
  const found = spec.clusters[index];
  if (found?.cloud !== cloud) throw new Error(`${spec.name}.clusters[${index}] is not on ${cloud}`);
  return found as Extract<ClusterSpec, { cloud: C }>;
}

function withCluster(spec: EnvironmentSpec, index: number, replacement: ClusterSpec): EnvironmentSpec {
  return { ...spec, clusters: spec.clusters.map((existing, i) => (i === index ? replacement : existing)) };
}

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('validateEnvironment', () => {
  describe('the reference fleet', () => {
    it('validates every environment in ENVIRONMENTS with zero violations', () => {
      expect(validateEnvironments(ENVIRONMENTS)).toEqual([]);
    });

    it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))(
      'validates %s on its own with zero violations',
      (_name, spec) => {
        expect(validateEnvironment(spec)).toEqual([]);
      },
    );
  });

  describe('identity', () => {
    it.each(['Prod', 'prod_eu', '1prod', 'prod-', 'p'.repeat(33)])(
      'rejects the environment name %s, which is not a short DNS label',
      (name) => {
        expectRejected({ ...dev, name }, 'name', { value: name, fix: /rename it/, problem: /DNS label/ });
      },
    );

    it.each([
      ['owner', ''],
      ['owner', 'platform team'],
      ['costCentre', ''],
      ['costCentre', 'cc/4711'],
      ['costCentre', 'c'.repeat(64)],
    ] as const)('rejects %s %j, which is not a non-empty label value', (field, value) => {
      expectRejected({ ...dev, [field]: value }, field, { value, fix: `set ${field} to a value like 'platform-team'` });
    });
  });

  describe('clusters', () => {
    it('rejects an environment without clusters', () => {
      expectRejected({ ...staging, clusters: [] }, 'clusters', {
        value: [],
        fix: "add a cluster with role: 'management'",
      });
    });

    it('rejects an environment without a management cluster', () => {
      const spec = withCluster(prod, 0, { ...cluster(prod, 0, 'aws'), role: 'workload' });
      expectRejected(spec, 'clusters[].role', {
        value: ['workload', 'workload'],
        fix: "set role: 'management' on the cluster that should run Argo CD",
        problem: /found 0/,
      });
    });

    it('rejects an environment with two management clusters', () => {
      const spec = withCluster(prod, 1, { ...cluster(prod, 1, 'aws'), role: 'management' });
      expectRejected(spec, 'clusters[].role', {
        value: ['management', 'management'],
        fix: /set role: 'workload' on the others/,
      });
    });

    it('rejects two clusters with the same name in one environment', () => {
      const spec = withCluster(prod, 1, { ...cluster(prod, 1, 'aws'), name: 'prod-eks-euw1' });
      expectRejected(spec, 'clusters[1].name', { value: 'prod-eks-euw1', fix: /distinct name/ });
    });

    it.each(['Prod-EKS', 'prod.eks', 'c'.repeat(41)])(
      'rejects the cluster name %s, which is not a DNS label of at most 40 characters',
      (name) => {
        const spec = withCluster(staging, 0, { ...cluster(staging, 0, 'aws'), name });
        expectRejected(spec, 'clusters[0].name', { value: name, fix: /rename it/ });
      },
    );

    it.each(['http://api.example.com', 'api.example.com:443', 'https://'])(
      'rejects the API server %s, which is not an https:// URL',
      (apiServer) => {
        const spec = withCluster(staging, 0, { ...cluster(staging, 0, 'aws'), apiServer });
        expectRejected(spec, 'clusters[0].apiServer', { value: apiServer, fix: /https:\/\//, problem: /without TLS/ });
      },
    );

    it.each([
      ['not base64', 'not base64!'],
      ['base64 of something other than a certificate', Buffer.from('hello').toString('base64')],
      ['a raw PEM instead of its base64', '-----BEGIN CERTIFICATE-----'],
    ])('rejects caData that is %s', (_what, caData) => {
      const spec = withCluster(staging, 0, { ...cluster(staging, 0, 'aws'), caData });
      expectRejected(spec, 'clusters[0].caData', { value: caData, fix: /certificate-authority data/ });
    });

    it.each([
      ['aws', staging, 0, 'westeurope', "'eu-west-1'"],
      ['aws', staging, 0, 'eu-west1', "'eu-west-1'"],
      ['azure', dev, 0, 'West Europe', "'westeurope'"],
      ['gcp', dev, 1, 'europe-west-1', "'europe-west1'"],
    ] as const)(
      'rejects a %s cluster in region %s, spelled for another cloud',
      (_cloud, spec, index, region, example) => {
        const broken = withCluster(spec, index, { ...spec.clusters[index]!, region });
        expectRejected(broken, `clusters[${index}].region`, { value: region, fix: new RegExp(example) });
      },
    );

    it('rejects an AWS account id that is not 12 digits (the account of every EKS cluster and its Argo CD role)', () => {
      const accountId = '21098765432';
      const spec: EnvironmentSpec = { ...staging, clouds: { aws: { accountId, region: 'eu-west-1' } } };
      expectRejected(spec, 'clouds.aws.accountId', { value: accountId, fix: /aws sts get-caller-identity/ });
    });

    it('rejects an Azure tenant id that is not a GUID', () => {
      const tenantId = 'acme.onmicrosoft.com';
      const subscription = dev.clouds.azure!;
      const spec: EnvironmentSpec = {
        ...withCluster(dev, 0, { ...cluster(dev, 0, 'azure'), tenantId }),
        clouds: { ...dev.clouds, azure: { ...subscription, tenantId } },
      };
      expectRejected(spec, 'clusters[0].tenantId', { value: tenantId, fix: /copy the GUID/ });
    });

    it('rejects an Argo CD client id that is not a GUID', () => {
      const spec = withCluster(dev, 0, { ...cluster(dev, 0, 'azure'), argocdClientId: 'argocd' });
      expectRejected(spec, 'clusters[0].argocdClientId', { value: 'argocd', fix: /copy the GUID/ });
    });

    it.each(['Acme-Platform', 'acme', 'acme-platform-', '1acme-platform', 'a'.repeat(31)])(
      'rejects the GCP project id %s',
      (projectId) => {
        const spec: EnvironmentSpec = {
          ...withCluster(dev, 1, { ...cluster(dev, 1, 'gcp'), projectId }),
          clouds: { ...dev.clouds, gcp: { ...dev.clouds.gcp!, projectId } },
        };
        expectRejected(spec, 'clusters[1].projectId', { value: projectId, fix: /gcloud projects list/ });
      },
    );

    it('rejects a cluster label key that Kubernetes refuses', () => {
      const spec = withCluster(dev, 1, { ...cluster(dev, 1, 'gcp'), labels: { 'bad key!': 'x' } });
      expectRejected(spec, 'clusters[1].labels', { value: 'bad key!', fix: /rename the key/ });
    });

    it('rejects a cluster label value that Kubernetes refuses', () => {
      const spec = withCluster(dev, 1, { ...cluster(dev, 1, 'gcp'), labels: { 'gitops-cdk.io/zone': 'eu west' } });
      expectRejected(spec, 'clusters[1].labels["gitops-cdk.io/zone"]', { value: 'eu west', fix: /letters, digits/ });
    });

    it('rejects a cluster on a cloud the environment declares no account for', () => {
      const spec: EnvironmentSpec = { ...dev, clouds: { azure: dev.clouds.azure! } };
      expectRejected(spec, 'clusters[1].cloud', {
        value: 'gcp',
        fix: 'add clouds.gcp with the account of the cluster',
      });
    });

    it.each([
      [
        'azure',
        {
          ...dev,
          clouds: { ...dev.clouds, azure: { ...dev.clouds.azure!, tenantId: '00000000-0000-0000-0000-000000000000' } },
        },
        'clusters[0].tenantId',
        '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94',
      ],
      [
        'gcp',
        { ...dev, clouds: { ...dev.clouds, gcp: { ...dev.clouds.gcp!, projectId: 'acme-platform-prod' } } },
        'clusters[1].projectId',
        'acme-platform-dev',
      ],
    ] as const)('rejects a %s cluster in another account than clouds declares', (cloud, spec, field, value) => {
      expectRejected(spec, field, {
        value,
        fix: new RegExp(`make the cluster and clouds\\.${cloud}\\.`),
        problem: /differs from clouds/,
      });
    });
  });

  describe('gitops', () => {
    it.each([
      'http://github.com/acme/platform-gitops.git',
      'https://github.com/acme/platform-gitops',
      'git@github.com:acme/platform-gitops.git',
    ])('rejects the repository URL %s, which is not an https:// clone URL ending in .git', (repoUrl) => {
      expectRejected({ ...dev, gitops: { ...dev.gitops, repoUrl } }, 'gitops.repoUrl', {
        value: repoUrl,
        fix: /https:\/\/github.com\/acme/,
      });
    });

    it.each(['', 'feature branch'])('rejects tracking the branch %j', (branch) => {
      const spec: EnvironmentSpec = { ...dev, gitops: { ...dev.gitops, revision: { kind: 'track', branch } } };
      expectRejected(spec, 'gitops.revision.branch', { value: branch, fix: "set branch: 'main'" });
    });

    it.each(['main', 'v2026.11', '2026.11.2', 'v2026.11.2-rc.1', SHA.slice(0, 7), SHA.toUpperCase()])(
      'rejects pinning the ref %s',
      (ref) => {
        const spec: EnvironmentSpec = { ...prod, gitops: { ...prod.gitops, revision: { kind: 'pin', ref } } };
        expectRejected(spec, 'gitops.revision.ref', { value: ref, fix: /release tag/, problem: /immutable/ });
      },
    );

    it('rejects a production environment that tracks a branch', () => {
      const spec: EnvironmentSpec = {
        ...prod,
        gitops: { ...prod.gitops, revision: { kind: 'track', branch: 'main' } },
      };
      expectRejected(spec, 'gitops.revision.kind', { value: 'track', fix: /pin a release tag.*promotion moves it/ });
    });
  });

  describe('sync', () => {
    it('rejects auto-prune in production', () => {
      const violation = expectRejected({ ...prod, sync: { ...prod.sync, prune: true } }, 'sync.prune', {
        value: true,
        fix: 'set sync.prune: false',
        problem: /prod forbids auto-prune/,
      });
      expect(formatViolation(violation)).toBe(
        `prod: environments/prod.ts: sync.prune is true; ${violation.problem} (fix: set sync.prune: false)`,
      );
    });

    it.each([0, 11, 2.5, -1])('rejects retryLimit %d, which is not a bounded retry count', (retryLimit) => {
      expectRejected({ ...prod, sync: { ...prod.sync, retryLimit } }, 'sync.retryLimit', {
        value: retryLimit,
        fix: 'set sync.retryLimit: 10',
        problem: /remediation loop/,
      });
    });

    it.each([
      [5, prod.sync.retryBackoff, '310s'],
      [10, { ...prod.sync.retryBackoff, max: Duration.minutes(1) }, '490s'],
    ])('rejects %d retries that stop before a fresh cluster has installed its CRDs (after %s)', (retryLimit, retryBackoff, after) => {
      expectRejected({ ...prod, sync: { ...prod.sync, retryLimit, retryBackoff } }, 'sync.retryLimit', {
        value: retryLimit,
        fix: 'set sync.retryLimit: 10 (with backoff 10s x 2 up to 5m: 30 minutes)',
        problem: new RegExp(`stop after ${after}; a fresh cluster needs 30 minutes`),
      });
    });

    it('accepts the shared bounded retry: 10 retries, 10s x 2 up to 5m, 30 minutes', () => {
      expect(prod.sync.retryLimit).toBe(10);
      expect(validateEnvironment(prod)).toEqual([]);
    });

    const backoff = prod.sync.retryBackoff;
    it.each([
      [
        'a factor below 1',
        { ...backoff, factor: 0.5 },
        'sync.retryBackoff.factor',
        0.5,
        'set sync.retryBackoff.factor: 2',
      ],
      [
        'a factor above 10',
        { ...backoff, factor: 11 },
        'sync.retryBackoff.factor',
        11,
        'set sync.retryBackoff.factor: 2',
      ],
      [
        'a zero initial delay',
        { ...backoff, initial: Duration.seconds(0) },
        'sync.retryBackoff.initial',
        '0s',
        'set sync.retryBackoff.initial: Duration.seconds(10)',
      ],
      [
        'an initial delay above the maximum',
        { ...backoff, initial: Duration.minutes(10) },
        'sync.retryBackoff.initial',
        '10m',
        /raise sync.retryBackoff.max/,
      ],
      [
        'a maximum above 1 hour',
        { ...backoff, max: Duration.hours(2) },
        'sync.retryBackoff.max',
        '2h',
        'set sync.retryBackoff.max: Duration.minutes(5)',
      ],
    ] as const)('rejects a retry backoff with %s', (_what, retryBackoff, field, value, fix) => {
      expectRejected({ ...prod, sync: { ...prod.sync, retryBackoff } }, field, { value, fix });
    });
  });

  describe('drift detection', () => {
    it.each([
      ['10s', Duration.seconds(10)],
      ['6m', Duration.minutes(6)],
    ])('rejects a reconciliation interval of %s, outside 30s to 5m', (value, interval) => {
      // The alert windows (5 minutes and more in dev) stay at least the interval: only the interval is wrong.
      const driftDetection = { ...dev.driftDetection, interval, remediation: { ...dev.driftDetection.remediation, critical: { strategy: 'sync' as const, alertAfter: Duration.minutes(10) }, warning: { strategy: 'sync' as const, alertAfter: Duration.minutes(10) } } };
      expectRejected({ ...dev, driftDetection }, 'driftDetection.interval', {
        value,
        fix: 'set driftDetection.interval: Duration.minutes(2)',
        problem: /within 5 minutes/,
      });
    });

    it('accepts the interval bounds 30 seconds and 5 minutes', () => {
      for (const interval of [Duration.seconds(30), Duration.minutes(5)]) {
        expect(validateEnvironment({ ...dev, driftDetection: { ...dev.driftDetection, interval } })).toEqual([]);
      }
    });

    it.each(['critical', 'warning', 'info'] as const)('rejects a %s drift alert that fires before drift can be observed', (severity) => {
      const spec: EnvironmentSpec = {
        ...dev,
        driftDetection: {
          ...dev.driftDetection,
          remediation: { ...dev.driftDetection.remediation, [severity]: { strategy: 'sync', alertAfter: Duration.seconds(90) } },
        },
      };
      expectRejected(spec, `driftDetection.remediation.${severity}.alertAfter`, { value: '1m30s', fix: /at least the interval/ });
    });

    it('refuses production leaving critical drift to a human, and allows it elsewhere', () => {
      const alertOnly = (spec: EnvironmentSpec): EnvironmentSpec => ({
        ...spec,
        driftDetection: {
          ...spec.driftDetection,
          remediation: { ...spec.driftDetection.remediation, critical: { strategy: 'alert', alertAfter: Duration.minutes(5) } },
        },
      });
      expectRejected(alertOnly(prod), 'driftDetection.remediation.critical.strategy', { value: 'alert', fix: "set driftDetection.remediation.critical.strategy: 'sync'" });
      expect(validateEnvironment(alertOnly(staging))).toEqual([]);
    });
  });

  describe('notifications', () => {
    it.each(['#platform-prod', 'Platform-Prod', 'platform prod', ''])(
      'rejects the Slack channel %j',
      (slackChannel) => {
        expectRejected(
          { ...prod, notifications: { ...prod.notifications, slackChannel } },
          'notifications.slackChannel',
          {
            value: slackChannel,
            fix: /^set it to "[a-z0-9_ -]+"$/,
            problem: /leading '#'/,
          },
        );
      },
    );

    it('rejects a production environment without a PagerDuty service', () => {
      const spec: EnvironmentSpec = { ...prod, notifications: { slackChannel: 'platform-prod' } };
      const violation = expectRejected(spec, 'notifications.pagerDutyService', {
        value: undefined,
        fix: /argocd-notifications-secret/,
      });
      expect(violation.value).toBe('missing');
    });

    it('does not require PagerDuty outside production', () => {
      expect(validateEnvironment(staging)).toEqual([]);
      expect(staging.notifications.pagerDutyService).toBeUndefined();
    });
  });

  describe('access', () => {
    it.each(['readOnlyGroups', 'deployerGroups', 'emergencyGroups'] as const)('rejects an empty %s list', (field) => {
      expectRejected({ ...dev, access: { ...dev.access, [field]: [] } }, `access.${field}`, {
        value: [],
        fix: `add the SSO group, e.g. access.${field}: ['platform-oncall']`,
      });
    });

    it.each(['platform,admins', 'platform admins', ''])(
      'rejects the group name %j, which would break the Casbin CSV',
      (group) => {
        const spec: EnvironmentSpec = {
          ...dev,
          access: { ...dev.access, deployerGroups: ['platform-engineers', group] },
        };
        expectRejected(spec, 'access.deployerGroups[1]', {
          value: group,
          fix: /exact SSO group name/,
          problem: /Casbin CSV/,
        });
      },
    );
  });

  describe('sync windows', () => {
    const window = prod.syncWindows[0]!;
    const withWindow = (patch: Partial<typeof window>): EnvironmentSpec => ({
      ...prod,
      syncWindows: [{ ...window, ...patch }],
    });

    it.each([
      ['0 8 * *', /5 fields|has 4 fields/],
      ['0 8 * * 1-4 2026', /has 6 fields/],
      ['60 8 * * 1', /minute field/],
      ['0 24 * * 1', /hour field/],
      ['0 8 0 * *', /day of month field/],
      ['0 8 32 * *', /day of month field/],
      ['0 8 * 13 *', /month field/],
      ['0 8 * * 7', /day of week field/],
      ['0 8 * * 5-1', /runs backwards/],
      ['*/0 8 * * *', /bad step/],
      ['0 8 * * mon-fry', /day of week field/],
      ['@daily', /has 1 fields/],
    ])('rejects the schedule %s', (schedule, problem) => {
      expectRejected(withWindow({ schedule }), 'syncWindows[0].schedule', {
        value: schedule,
        fix: /e\.g\. '0 8 \* \* 1-4'/,
        problem,
      });
    });

    it.each(['*/15 8-17 1,15 * *', '0 8 * JAN-JUN mon-fri', '30 6-18/2 * * 0,6', '0 0 1 1 *'])(
      'accepts the schedule %s',
      (schedule) => {
        expect(validateEnvironment(withWindow({ schedule }))).toEqual([]);
      },
    );

    it.each([
      ['0s', Duration.seconds(0)],
      ['25h', Duration.hours(25)],
    ])('rejects a window lasting %s', (value, duration) => {
      expectRejected(withWindow({ duration }), 'syncWindows[0].duration', {
        value,
        fix: 'set a duration such as Duration.hours(8)',
      });
    });

    it.each([
      ['Mars/Olympus_Mons', "use a zone such as 'Europe/Berlin' or 'UTC'"],
      ['', "use a zone such as 'Europe/Berlin' or 'UTC'"],
      ['europe/berlin', "spell it 'Europe/Berlin'"],
    ])('rejects the time zone %j', (timeZone, fix) => {
      expectRejected(withWindow({ timeZone }), 'syncWindows[0].timeZone', { value: timeZone, fix });
    });

    it.each(['UTC', 'Etc/UTC', 'America/New_York', 'US/Pacific'])('accepts the time zone %s', (timeZone) => {
      expect(validateEnvironment(withWindow({ timeZone }))).toEqual([]);
    });

    it('rejects a production environment without sync windows', () => {
      expectRejected({ ...prod, syncWindows: [] }, 'syncWindows', { value: [], fix: /add a window/ });
    });
  });

  describe('charts', () => {
    const versions = ['^7.7.11', '~7.7.0', '7.x', '*', 'latest', 'HEAD', 'v7.7.11', '7.7', '7.7.11-rc.1', '07.7.11'];
    it.each(ENVIRONMENTS.flatMap((spec) => versions.map((version) => [spec.name, version, spec] as const)))(
      'rejects in %s the floating or inexact chart version %s',
      (_name, version, spec) => {
        expectRejected({ ...spec, charts: { ...spec.charts, kyverno: version } }, 'charts.kyverno', {
          value: version,
          fix: /pin the exact version/,
        });
      },
    );
  });

  describe('kyverno release', () => {
    it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('rejects in %s a kyverno chart the estate has no release entry for', (_name, spec) => {
      const violation = expectRejected({ ...spec, charts: { ...spec.charts, kyverno: '3.3.4' } }, 'charts.kyverno', {
        value: '3.3.4',
        fix: /pin one of 3\.9\.1 \(Kyverno v1\.19\.1\)/,
      });
      expect(violation.problem).toMatch(/not a Kyverno release the estate supports/);
    });

    it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('rejects in %s a cluster on a Kubernetes minor the pinned Kyverno does not support', (_name, spec) => {
      const clusters = spec.clusters.map((c, i) => (i === 0 ? ({ ...c, kubernetesVersion: '1.31' } as ClusterSpec) : c));
      expectRejected({ ...spec, clusters }, 'clusters[0].kubernetesVersion', {
        value: '1.31',
        fix: /between 1\.33 and 1\.35/,
        problem: /Kyverno v1\.19\.1 \(chart 3\.9\.1\) supports Kubernetes 1\.33 to 1\.35 only/,
      });
    });
  });

  describe('kyverno', () => {
    it.each(['audit', 'canary'] as const)('rejects kyverno mode %s in production', (mode) => {
      expectRejected({ ...prod, kyverno: { ...prod.kyverno, mode } }, 'kyverno.mode', {
        value: mode,
        fix: /set kyverno.mode: 'enforce'/,
      });
    });

    it.each(['9.9.9', '1.2', 'latest'])('rejects catalog pin %j that is not a catalog release', (catalog) => {
      expectRejected({ ...dev, kyverno: { ...dev.kyverno, catalog } }, 'kyverno.catalog', {
        value: catalog,
        fix: /pin one of 1\.0\.0, 1\.1\.0, 1\.2\.0 as policyCatalog in environments\/pins\.json/,
      });
    });

    it('rejects canaryPassed outside canary mode', () => {
      expectRejected({ ...dev, kyverno: { ...dev.kyverno, canaryPassed: '1.0.0' } }, 'kyverno.canaryPassed', {
        value: '1.0.0',
        fix: /remove policyCanaryPassed/,
      });
    });

    it('rejects canaryPassed newer than the pinned catalog release', () => {
      expectRejected({ ...staging, kyverno: { ...staging.kyverno, catalog: '1.1.0', canaryPassed: '1.2.0' } }, 'kyverno.canaryPassed', {
        value: '1.2.0',
        problem: /cannot pass its canary before it runs/,
        fix: /at most 1\.1\.0/,
      });
    });

    it('rejects fail-open entries for unknown policies or without a real reason', () => {
      expectRejected({ ...dev, kyverno: { ...dev.kyverno, failOpen: [{ policy: 'no-such', reason: 'a reason of enough length here' }] } }, 'kyverno.failOpen[0].policy', {
        value: 'no-such',
        fix: /use one of .*disallow-latest-tag/,
      });
      expectRejected({ ...dev, kyverno: { ...dev.kyverno, failOpen: [{ policy: 'disallow-latest-tag', reason: 'flaky' }] } }, 'kyverno.failOpen[0].reason', {
        value: 'flaky',
        fix: /at least 20 characters/,
      });
    });

    it('rejects failing open a high-severity security policy in production, allows a medium one', () => {
      const reason = 'the webhook times out during node upgrades; PLAT-99';
      expectRejected({ ...prod, kyverno: { ...prod.kyverno, failOpen: [{ policy: 'disallow-host-namespaces', reason }] } }, 'kyverno.failOpen[0].policy', {
        value: 'disallow-host-namespaces',
        problem: /high severity security policy: production fails closed/,
        fix: /remove the entry/,
      });
      expect(validateEnvironment({ ...prod, kyverno: { ...prod.kyverno, failOpen: [{ policy: 'disallow-latest-tag', reason }] } })).toEqual([]);
    });

    it('allows enforce outside production', () => {
      expect(validateEnvironment({ ...dev, kyverno: { ...dev.kyverno, mode: 'enforce' } })).toEqual([]);
    });
  });

  describe('collecting problems', () => {
    it('reports several independent problems of one environment together', () => {
      const spec: EnvironmentSpec = {
        ...prod,
        owner: '',
        sync: { ...prod.sync, prune: true, retryLimit: 0 },
        notifications: { slackChannel: '#prod' },
        kyverno: { ...prod.kyverno, mode: 'audit' },
        charts: { ...prod.charts, argoCd: 'latest' },
      };
      expect(fieldsOf(validateEnvironment(spec)).sort()).toEqual(
        [
          'owner',
          'sync.prune',
          'sync.retryLimit',
          'notifications.slackChannel',
          'notifications.pagerDutyService',
          'kyverno.mode',
          'charts.argoCd',
        ].sort(),
      );
    });

    it('applies the production guardrails by tier, not by name', () => {
      const prodEu: EnvironmentSpec = { ...staging, name: 'prod-eu', tier: 'production' };
      expect(fieldsOf(validateEnvironment(prodEu)).sort()).toEqual(
        [
          'gitops.revision.kind',
          'notifications.pagerDutyService',
          'syncWindows',
          'kyverno.mode',
          'clusters[0].apiAccess.privateEndpoint',
          'clusters[0].nodePool.minNodes',
          'infrastructure.ci.applyFrom.kind',
          'infrastructure.stateReplica.aws',
        ].sort(),
      );
    });

    it('accepts production pinned to a full 40-character commit SHA', () => {
      expect(validateEnvironment({ ...prod, gitops: { ...prod.gitops, revision: { kind: 'pin', ref: SHA } } })).toEqual(
        [],
      );
    });
  });
});

describe('validateEnvironments', () => {
  it('rejects a promotion source that does not exist or is a stricter tier', () => {
    const unknown = validateEnvironments([dev, { ...staging, promotesFrom: 'qa' }, prod]);
    expect(unknown.map((v) => [v.environment, v.field, v.value])).toEqual([['staging', 'promotesFrom', '"qa"']]);
    expect(unknown[0]!.fix).toBe('set promotesFrom to the previous stage, one of dev');
    const backwards = validateEnvironments([{ ...dev, promotesFrom: 'prod' }, staging, prod]);
    expect(backwards.map((v) => [v.environment, v.field])).toEqual([['dev', 'promotesFrom']]);
    expect(backwards[0]!.problem).toMatch(/stricter tier \(production -> development\)/);
  });


  it('rejects an empty list of environments', () => {
    const violations = validateEnvironments([]);
    expect(fieldsOf(violations)).toEqual(['ENVIRONMENTS']);
    expect(violations[0]!.path).toBe('environments/index.ts');
    expect(violations[0]!.fix).toBe('add the environments to ENVIRONMENTS');
  });

  it('rejects two environments with the same name', () => {
    // Without Grafana SSO, whose per-cluster URLs would name the renamed clusters.
    const copy: EnvironmentSpec = { ...dev, clusters: dev.clusters.map((c) => ({ ...c, name: `${c.name}-2` })), sso: { ...dev.sso!, grafana: undefined } };
    const violations = validateEnvironments([dev, staging, copy]);
    expect(fieldsOf(violations)).toEqual(['ENVIRONMENTS[2].name']);
    const [violation] = atField(violations, 'ENVIRONMENTS[2].name');
    expect(violation).toMatchObject({
      environment: 'dev',
      path: 'environments/index.ts',
      value: '"dev"',
      fix: 'rename one of the environments',
    });
  });

  it('rejects a cluster that belongs to two environments', () => {
    const stolen = cluster(staging, 0, 'aws');
    const prodWithStaging: EnvironmentSpec = {
      ...prod,
      clusters: [
        ...prod.clusters,
        {
          ...stolen,
          role: 'workload',
          // Valid for production in every other respect, so only the ownership clash is reported.
          networkCidr: '10.32.0.0/16',
          apiAccess: { privateEndpoint: true, allowedCidrs: [] },
          nodePool: { ...stolen.nodePool, minNodes: 3 },
        },
      ],
      sso: { ...prod.sso!, grafana: { ...prod.sso!.grafana!, urls: { ...prod.sso!.grafana!.urls, [stolen.name]: 'https://grafana.stolen.example.org' } } },
    };
    const violations = validateEnvironments([dev, staging, prodWithStaging]);
    expect(fieldsOf(violations)).toEqual(['clusters[2].name']);
    const [violation] = atField(violations, 'clusters[2].name');
    expect(violation).toMatchObject({ environment: 'prod', path: 'environments/prod.ts', value: '"staging-eks-euw1"' });
    expect(violation!.problem).toContain('"staging"');
    expect(violation!.fix).toMatch(/remove the cluster from one environment/);
  });

  it('reports per-environment and cross-environment problems together', () => {
    const brokenDev: EnvironmentSpec = { ...dev, owner: '' };
    const brokenProd: EnvironmentSpec = { ...prod, name: 'dev', sync: { ...prod.sync, prune: true } };
    const violations = validateEnvironments([brokenDev, brokenProd]);
    expect(violations.map((v) => `${v.environment} ${v.field}`)).toEqual([
      'dev owner',
      'dev sync.prune',
      'dev ENVIRONMENTS[1].name',
      // The copied prod spec still promotes from staging, which this fleet does not have.
      'dev promotesFrom',
    ]);
  });
});
