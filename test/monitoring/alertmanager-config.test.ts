import { parse } from 'yaml';
import { literalInApplicationSet } from '../../constructs/argocd/application-set';
import { alertmanagerConfig, NOTIFICATION_KEYS_SECRET } from '../../constructs/monitoring/alertmanager-config';
import { alertmanagerSuite, routeExpectations } from '../../constructs/monitoring/alertmanager-suite';
import { KUBE_PROMETHEUS_STACK_ADDON } from '../../constructs/platform/addons/kube-prometheus-stack';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

const dev = fixtureEnvironment({ tier: 'development' });
const prod = fixtureEnvironment({ tier: 'production' });

describe('alertmanagerConfig', () => {
  it("posts to the environment's Slack channel and reads the webhook from the mounted Secret, never from Git", () => {
    const config = alertmanagerConfig(dev);
    const slack = config.receivers.find((r) => r.name === 'slack')?.slack_configs?.[0];
    expect(slack?.channel).toBe('#lab-alerts');
    expect(slack?.api_url_file).toBe(`/etc/alertmanager/secrets/${NOTIFICATION_KEYS_SECRET}/slack-webhook-url`);
    expect(JSON.stringify(config)).not.toMatch(/hooks\.slack\.com|api_url"/);
  });

  it('pages PagerDuty for critical alerts where the environment has a service, and then still posts to Slack', () => {
    const routes = alertmanagerConfig(prod).route.routes ?? [];
    const page = routes.find((r) => r.receiver === 'pagerduty');
    expect(page).toMatchObject({ matchers: ['severity="critical"'], continue: true });
    expect(routes.indexOf(page!)).toBeLessThan(routes.findIndex((r) => r.receiver === 'slack' && r.matchers === undefined));
  });

  it('has no PagerDuty receiver where the environment names no service', () => {
    expect(alertmanagerConfig(dev).receivers.map((r) => r.name)).toEqual(['null', 'slack']);
    const paged: EnvironmentSpec = { ...dev, notifications: { ...dev.notifications, pagerDutyService: 'platform-dev' } };
    expect(alertmanagerConfig(paged).receivers.map((r) => r.name)).toEqual(['null', 'slack', 'pagerduty']);
  });

  it('silences a warning while the critical alert of the same name and instance fires', () => {
    expect(alertmanagerConfig(prod).inhibit_rules).toEqual([
      { source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['alertname', 'cluster', 'name'] },
    ]);
  });

  it("is kube-prometheus-stack's Alertmanager configuration, with the key Secret mounted", () => {
    const values = KUBE_PROMETHEUS_STACK_ADDON.values(prod) as { alertmanager: { config: unknown; alertmanagerSpec: { secrets: string[] } } };
    // Escaped for the ApplicationSet's template (observability-addons.test.ts renders it back).
    expect(values.alertmanager.config).toEqual(literalInApplicationSet(alertmanagerConfig(prod)));
    expect(values.alertmanager.alertmanagerSpec.secrets).toEqual([NOTIFICATION_KEYS_SECRET]);
  });
});

describe('alertmanagerSuite', () => {
  it('writes the configuration and one amtool route test per expectation', () => {
    const files = alertmanagerSuite(prod);
    expect(parse(files.get('alertmanager.yaml')!)).toEqual(JSON.parse(JSON.stringify(alertmanagerConfig(prod))));
    expect(files.get('routes.tsv')!.trimEnd().split('\n')).toEqual([
      'pagerduty,slack\talertname=GitOpsDriftCritical severity=critical',
      'slack\talertname=GitOpsDriftWarning severity=warning',
      'slack\talertname=GitOpsDriftInfo severity=info',
      'null\talertname=Watchdog severity=none',
    ]);
  });

  it('expects critical alerts to reach Slack only where nobody is paged', () => {
    expect(routeExpectations(dev)[0]).toEqual({ labels: { alertname: 'GitOpsDriftCritical', severity: 'critical' }, receivers: ['slack'] });
  });
});
