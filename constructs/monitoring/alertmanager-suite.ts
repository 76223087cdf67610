import { toYaml } from '../core/yaml-text';
import { type AlertmanagerEnvironment, alertmanagerConfig } from './alertmanager-config';

/** An alert's labels and the receivers Alertmanager must deliver it to, in order. */
export interface RouteExpectation {
  readonly labels: Readonly<Record<string, string>>;
  readonly receivers: readonly string[];
}

/** Where each severity must go in `spec`: the routing the README promises, stated on its own. */
export function routeExpectations(spec: Pick<AlertmanagerEnvironment, 'notifications'>): RouteExpectation[] {
  const pages = spec.notifications.pagerDutyService !== undefined;
  return [
    { labels: { alertname: 'GitOpsDriftCritical', severity: 'critical' }, receivers: pages ? ['pagerduty', 'slack'] : ['slack'] },
    { labels: { alertname: 'GitOpsDriftWarning', severity: 'warning' }, receivers: ['slack'] },
    { labels: { alertname: 'GitOpsDriftInfo', severity: 'info' }, receivers: ['slack'] },
    { labels: { alertname: 'Watchdog', severity: 'none' }, receivers: ['null'] },
  ];
}

/**
 * The environment's Alertmanager configuration as a file, and its routing tests: CI runs
 * `amtool check-config alertmanager.yaml` and, per line of `routes.tsv` (receivers, tab, labels),
 * `amtool config routes test --config.file alertmanager.yaml --verify.receivers <receivers> <labels>`.
 */
export function alertmanagerSuite(spec: AlertmanagerEnvironment): Map<string, string> {
  const lines = routeExpectations(spec).map(
    ({ labels, receivers }) =>
      `${receivers.join(',')}\t${Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
  );
  return new Map([
    ['alertmanager.yaml', toYaml(alertmanagerConfig(spec))],
    ['routes.tsv', `${lines.join('\n')}\n`],
  ]);
}
