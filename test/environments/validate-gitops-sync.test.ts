import { Duration } from 'cdk8s';
import type { EnvironmentSpec } from '../../environments/types';
import { expectRejected, SHA } from './spec-expectations';
import { specViolations } from './spec-violations';
import { dev, prod } from './tier-fixtures';

describe('the spec rules', () => {
  describe('gitops', () => {
    it.each(['http://github.com/acme/platform-gitops.git', 'https://github.com/acme/platform-gitops', 'git@github.com:acme/platform-gitops.git'])(
      'rejects the repository URL %s, which is not an https:// clone URL ending in .git',
      (repoUrl) => {
        expectRejected({ ...dev, gitops: { ...dev.gitops, repoUrl } }, 'gitops.repoUrl', {
          value: repoUrl,
          fix: /https:\/\/github.com\/acme/,
        });
      },
    );

    it.each(['', 'feature branch'])('rejects tracking the branch %j', (branch) => {
      const spec: EnvironmentSpec = { ...dev, gitops: { ...dev.gitops, revision: { kind: 'track', branch } } };
      expectRejected(spec, 'gitops.revision.branch', { value: branch, fix: "set branch: 'main'" });
    });

    it.each(['main', 'v2026.11', '2026.11.2', 'v2026.11.2-rc.1', SHA.slice(0, 7), SHA.toUpperCase()])('rejects pinning the ref %s', (ref) => {
      const spec: EnvironmentSpec = { ...prod, gitops: { ...prod.gitops, revision: { kind: 'pin', ref } } };
      expectRejected(spec, 'gitops.revision.ref', { value: ref, fix: /release tag/, problem: /immutable/ });
    });

    it('rejects a production environment that tracks a branch', () => {
      const spec: EnvironmentSpec = {
        ...prod,
        gitops: { ...prod.gitops, revision: { kind: 'track', branch: 'main' } },
      };
      expectRejected(spec, 'gitops.revision.kind', { value: 'track', fix: /pin a release tag.*promotion moves it/ });
    });
  });

  describe('sync', () => {
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
      expect(specViolations(prod)).toEqual([]);
    });

    const backoff = prod.sync.retryBackoff;
    it.each([
      ['a factor below 1', { ...backoff, factor: 0.5 }, 'sync.retryBackoff.factor', 0.5, 'set sync.retryBackoff.factor: 2'],
      ['a factor above 10', { ...backoff, factor: 11 }, 'sync.retryBackoff.factor', 11, 'set sync.retryBackoff.factor: 2'],
      ['a zero initial delay', { ...backoff, initial: Duration.seconds(0) }, 'sync.retryBackoff.initial', '0s', 'set sync.retryBackoff.initial: Duration.seconds(10)'],
      ['an initial delay above the maximum', { ...backoff, initial: Duration.minutes(10) }, 'sync.retryBackoff.initial', '10m', /raise sync.retryBackoff.max/],
      ['a maximum above 1 hour', { ...backoff, max: Duration.hours(2) }, 'sync.retryBackoff.max', '2h', 'set sync.retryBackoff.max: Duration.minutes(5)'],
    ] as const)('rejects a retry backoff with %s', (_what, retryBackoff, field, value, fix) => {
      expectRejected({ ...prod, sync: { ...prod.sync, retryBackoff } }, field, { value, fix });
    });
  });
});
