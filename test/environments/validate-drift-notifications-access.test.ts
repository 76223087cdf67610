import { Duration } from 'cdk8s';
import type { EnvironmentSpec } from '../../environments/types';
import { expectRejected } from './spec-expectations';
import { specViolations } from './spec-violations';
import { dev, prod, staging } from './tier-fixtures';

describe('the spec rules', () => {
  describe('drift detection', () => {
    it.each([
      ['10s', Duration.seconds(10)],
      ['6m', Duration.minutes(6)],
    ])('rejects a reconciliation interval of %s, outside 30s to 5m', (value, interval) => {
      // The alert windows (5 minutes and more in dev) stay at least the interval: only the interval is wrong.
      const driftDetection = {
        ...dev.driftDetection,
        interval,
        remediation: {
          ...dev.driftDetection.remediation,
          critical: { strategy: 'sync' as const, alertAfter: Duration.minutes(10) },
          warning: { strategy: 'sync' as const, alertAfter: Duration.minutes(10) },
        },
      };
      expectRejected({ ...dev, driftDetection }, 'driftDetection.interval', {
        value,
        fix: 'set driftDetection.interval: Duration.minutes(2)',
        problem: /within 5 minutes/,
      });
    });

    it('accepts the interval bounds 30 seconds and 5 minutes', () => {
      for (const interval of [Duration.seconds(30), Duration.minutes(5)]) {
        expect(specViolations({ ...dev, driftDetection: { ...dev.driftDetection, interval } })).toEqual([]);
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
      expect(specViolations(alertOnly(staging))).toEqual([]);
    });
  });

  describe('notifications', () => {
    it.each(['#platform-prod', 'Platform-Prod', 'platform prod', ''])('rejects the Slack channel %j', (slackChannel) => {
      expectRejected({ ...prod, notifications: { ...prod.notifications, slackChannel } }, 'notifications.slackChannel', {
        value: slackChannel,
        fix: /^set it to "[a-z0-9_ -]+"$/,
        problem: /leading '#'/,
      });
    });

    it('rejects a production environment without a PagerDuty service', () => {
      const spec: EnvironmentSpec = { ...prod, notifications: { slackChannel: 'platform-prod' } };
      const violation = expectRejected(spec, 'notifications.pagerDutyService', {
        value: undefined,
        fix: /argocd-notifications-secret/,
      });
      expect(violation.value).toBe('missing');
    });

    it('does not require PagerDuty outside production', () => {
      expect(specViolations(staging)).toEqual([]);
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

    it.each(['platform,admins', 'platform admins', ''])('rejects the group name %j, which would break the Casbin CSV', (group) => {
      const spec: EnvironmentSpec = {
        ...dev,
        access: { ...dev.access, deployerGroups: ['platform-engineers', group] },
      };
      expectRejected(spec, 'access.deployerGroups[1]', {
        value: group,
        fix: /exact SSO group name/,
        problem: /Casbin CSV/,
      });
    });
  });
});
