import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { argoDuration } from '../argocd/argo-duration';
import type { AlertDefinition, MonitoringDomain } from './alert-definition';
import type { AlertingRule, RecordingRule, RuleGroup } from './types';

/** Namespace kube-prometheus-stack's Prometheus runs in; it selects every PrometheusRule. */
export const MONITORING_NAMESPACE = 'monitoring';

/** What the PrometheusRules and their rule groups are named after: the tool that writes them. */
export const RULE_NAME_PREFIX = 'gitops-cdk';

export interface PrometheusRulesProps {
  readonly domain: MonitoringDomain;
  /** Link to the explanation of an alert, added to every alert as `runbook_url`. */
  readonly runbookUrl: (alert: string) => string;
  /**
   * Names the PrometheusRule (`<prefix>-<domain>`) and its rule group (`<prefix>.<domain>`).
   * @default RULE_NAME_PREFIX
   */
  readonly namePrefix?: string;
}

/** The alerting rule Prometheus evaluates for a definition, with its severity and runbook. */
export function alertingRule(alert: AlertDefinition, runbookUrl: (alert: string) => string): AlertingRule {
  return {
    alert: alert.name,
    expr: alert.expr,
    for: argoDuration(alert.for),
    labels: { ...alert.labels, severity: alert.severity },
    annotations: { summary: alert.summary, description: alert.description, runbook_url: runbookUrl(alert.name) },
  };
}

/** The rule group of a domain: recordings first, so alerts can read them in the same evaluation. */
export function ruleGroup(domain: MonitoringDomain, runbookUrl: (alert: string) => string, namePrefix = RULE_NAME_PREFIX): RuleGroup {
  const recordings: RecordingRule[] = domain.recordings.map((r) => ({ record: r.record, expr: r.expr }));
  return {
    name: `${namePrefix}.${domain.name}`,
    ...(domain.evaluationInterval !== undefined ? { interval: argoDuration(domain.evaluationInterval) } : {}),
    rules: [...recordings, ...domain.alerts.map((a) => alertingRule(a, runbookUrl))],
  };
}

/** One prometheus-operator PrometheusRule per monitoring domain. */
export class PrometheusRules extends Construct {
  readonly domain: MonitoringDomain;
  readonly group: RuleGroup;

  constructor(scope: Construct, id: string, props: PrometheusRulesProps) {
    super(scope, id);
    this.domain = props.domain;
    const prefix = props.namePrefix ?? RULE_NAME_PREFIX;
    this.group = ruleGroup(props.domain, props.runbookUrl, prefix);
    new ApiObject(this, 'Resource', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: `${prefix}-${props.domain.name}`, namespace: MONITORING_NAMESPACE },
      spec: { groups: [this.group] },
    });
  }
}
