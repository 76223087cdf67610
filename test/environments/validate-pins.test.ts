import type { ClusterSpec } from '../../environments/types';
import { expectRejected } from './spec-expectations';
import { specViolations } from './spec-violations';
import { dev, FIXTURE_FLEET, prod, staging } from './tier-fixtures';

describe('the spec rules', () => {
  describe('charts', () => {
    const versions = ['^7.7.11', '~7.7.0', '7.x', '*', 'latest', 'HEAD', 'v7.7.11', '7.7', '7.7.11-rc.1', '07.7.11'];
    it.each(FIXTURE_FLEET.flatMap((spec) => versions.map((version) => [spec.name, version, spec] as const)))(
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
    it.each(FIXTURE_FLEET.map((spec) => [spec.name, spec] as const))('rejects in %s a kyverno chart the estate has no release entry for', (_name, spec) => {
      const violation = expectRejected({ ...spec, charts: { ...spec.charts, kyverno: '3.3.4' } }, 'charts.kyverno', {
        value: '3.3.4',
        fix: /pin one of 3\.9\.1 \(Kyverno v1\.19\.1\)/,
      });
      expect(violation.problem).toMatch(/not a Kyverno release the estate supports/);
    });

    it.each(FIXTURE_FLEET.map((spec) => [spec.name, spec] as const))('rejects in %s a cluster on a Kubernetes minor the pinned Kyverno does not support', (_name, spec) => {
      const clusters = spec.clusters.map((c, i) => (i === 0 ? ({ ...c, kubernetesVersion: '1.31' } as ClusterSpec) : c));
      expectRejected({ ...spec, clusters }, 'clusters[0].kubernetesVersion', {
        value: '1.31',
        fix: /between 1\.33 and 1\.35/,
        problem: /Kyverno v1\.19\.1 \(chart 3\.9\.1\) supports Kubernetes 1\.33 to 1\.35 only/,
      });
    });
  });

  describe('kyverno', () => {
    it.each(['9.9.9', '1.2', 'latest'])('rejects catalog pin %j that is not a catalog release', (catalog) => {
      expectRejected({ ...dev, kyverno: { ...dev.kyverno, catalog } }, 'kyverno.catalog', {
        value: catalog,
        fix: /pin one of 1\.0\.0, 1\.1\.0, 1\.2\.0, 1\.3\.0 as policyCatalog in environments\/pins\.json/,
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
      expect(specViolations({ ...prod, kyverno: { ...prod.kyverno, failOpen: [{ policy: 'disallow-latest-tag', reason }] } })).toEqual([]);
    });

    it('allows enforce outside production', () => {
      expect(specViolations({ ...dev, kyverno: { ...dev.kyverno, mode: 'enforce' } })).toEqual([]);
    });
  });
});
