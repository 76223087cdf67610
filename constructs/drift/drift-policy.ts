import { SyncPolicy } from '../argocd/sync-policy';
import type { SyncSpec } from '../argocd/sync-spec';
import type { Tier } from '../core/tier';
import { DRIFT_LABELS } from '../kubernetes/gitops-cdk-labels';
import { pagingSeverity } from '../monitoring/domains/paging-severity';
import type { Severity } from '../monitoring/types';
import type { DriftDetectionSpec, DriftRemediation, DriftSeverity, ResourceClass } from './drift-detection-spec';

/** The Prometheus label Argo CD gives an exported Application label (its metrics NormalizeLabels). */
export function argoCdMetricLabel(applicationLabel: string): string {
  return `label_${applicationLabel.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

/** What the drift policy reads of an environment: how strict it is, its drift policy and its sync settings. */
export interface DriftPolicyEnvironment {
  readonly tier: Tier;
  readonly driftDetection: DriftDetectionSpec;
  readonly sync: SyncSpec;
}

/**
 * An environment's drift policy (seed WS5), applied through the real engines: each Application
 * is labelled with its resource class, drift severity and remediation; the remediation sets its
 * Argo CD sync policy (self-heal on for `sync` and `rollback`, off for `alert`); the severity sets
 * the `for:` window and severity of its drift alert (constructs/monitoring/domains/gitops-drift.ts)
 * and with that the Alertmanager route (constructs/platform/addons/kube-prometheus-stack.ts).
 */
export class DriftPolicy {
  static fromSpec(spec: DriftPolicyEnvironment): DriftPolicy {
    return new DriftPolicy(spec);
  }

  /**
   * The label keys Applications are classified by (the tool's own, DRIFT_LABELS): the Argo CD
   * add-on exports exactly these on `argocd_app_labels` (argo-cd values
   * `controller.metrics.applicationLabels`) as `label_<key, non-alphanumerics as _>`, so the
   * drift alerts select by class and severity.
   */
  readonly labels = DRIFT_LABELS;

  private constructor(private readonly spec: DriftPolicyEnvironment) {}

  severityOf(resourceClass: ResourceClass): DriftSeverity {
    return this.spec.driftDetection.severityByClass[resourceClass];
  }

  remediationOf(resourceClass: ResourceClass): DriftRemediation {
    return this.remediationFor(this.severityOf(resourceClass));
  }

  remediationFor(severity: DriftSeverity): DriftRemediation {
    return this.spec.driftDetection.remediation[severity];
  }

  /** The drift severities some resource class of the environment has, most severe first. */
  get severities(): DriftSeverity[] {
    const used = new Set(Object.values(this.spec.driftDetection.severityByClass));
    return (['critical', 'warning', 'info'] as const).filter((severity) => used.has(severity));
  }

  /**
   * What an Argo CD Application of the class carries: its sync policy (automated with self-heal
   * unless the remediation is `alert`, where live drift stays until someone syncs; new Git
   * revisions still sync) and the labels the drift alerts select it by. One call, so that no
   * Application gets one without the other.
   */
  applicationSettings(resourceClass: ResourceClass): { readonly syncPolicy: SyncPolicy; readonly labels: Record<string, string> } {
    const remediation = this.remediationOf(resourceClass);
    return {
      syncPolicy: SyncPolicy.fromSpec(this.spec.sync, { selfHeal: remediation.strategy !== 'alert' }),
      labels: {
        [this.labels.class]: resourceClass,
        [this.labels.severity]: this.severityOf(resourceClass),
        [this.labels.remediation]: remediation.strategy,
      },
    };
  }

  /**
   * Severity of the drift alert: critical drift pages in production only; elsewhere it is a
   * working-hours warning. Warning and info drift keep their severity.
   */
  alertSeverity(severity: DriftSeverity): Severity {
    if (severity === 'critical') return pagingSeverity(this.spec);
    return severity;
  }
}
