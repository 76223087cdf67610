import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { argoDuration } from '../argocd/argo-duration';
import type { AlertDefinition, MonitoringDomain } from './alert-definition';
import type { AlertingRule, RecordingRule, RuleGroup } from './types';

/** Namespace kube-prometheus-stack's Prometheus runs in; it selects every PrometheusRule. */
export const MONITORING_NAMESPACE = 'monitoring';

export interface PrometheusRulesProps {
  readonly domain: MonitoringDomain;
  /** Link to the explanation of an alert, added to every alert as `runbook_url`. */
  readonly runbookUrl: (alert: string) => string;
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
export function ruleGroup(domain: MonitoringDomain, runbookUrl: (alert: string) => string): RuleGroup {
  const recordings: RecordingRule[] = domain.recordings.map((r) => ({ record: r.record, expr: r.expr }));
  return {
    name: `gitops-cdk.${domain.name}`,
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
    this.group = ruleGroup(props.domain, props.runbookUrl);
    new ApiObject(this, 'Resource', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: `gitops-cdk-${props.domain.name}`, namespace: MONITORING_NAMESPACE },
      spec: { groups: [this.group] },
    });
  }
}
