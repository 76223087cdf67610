import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { withObjectNamespace } from '../domains/scrape-jobs';
import { gitopsDashboard } from './gitops-dashboard';
import { barGaugePanel, inClusters, PROBLEM_COUNT, statPanel, tablePanel, timeseriesPanel } from './panels';

/**
 * The `phase` label of `rollout_info`: the controller's reading of each Rollout (Argo Rollouts
 * controller/metrics/rollouts.go calculatePhase), colored by how much it needs a human.
 */
const PHASE_COLORS: Readonly<Record<string, string>> = {
  Completed: 'green',
  Progressing: 'blue',
  Paused: 'yellow',
  Timeout: 'orange',
  Abort: 'red',
  Error: 'red',
  InvalidSpec: 'red',
};

/**
 * Each Rollout once, with its phase: `rollout_info` has one series per Rollout and per controller
 * replica, and the object's namespace in `exported_namespace` behind the chart's ServiceMonitor
 * (see the delivery domain).
 */
function rolloutsWhere(matchers: string): string {
  return `max by (cluster, namespace, name, phase, strategy) (${withObjectNamespace(inClusters('rollout_info', matchers))})`;
}

/** Progressive delivery with Argo Rollouts (the recording rule and controller metrics of the delivery domain). */
export function deliveryDashboard(spec: { readonly name: string }): dashboard.Dashboard {
  const aborted = inClusters('gitops:rollouts_aborted:count');
  const byPhase = { expr: `count by (phase) (${rolloutsWhere('')})`, legend: '{{phase}}' };
  return gitopsDashboard(
    {
      uid: 'gitops-cdk-delivery',
      title: 'Progressive delivery',
      description: `Argo Rollouts of ${spec.name}: deliveries aborted back to their stable version, and the phase every Rollout is in.`,
    },
    {
      clusterSource: 'rollout_info',
      sections: [
        {
          title: 'Now',
          panels: [
            statPanel({
              title: 'Rollouts aborted',
              description: 'Rollouts aborted now: a failed analysis or a manual abort sent traffic back to the stable version (gitops:rollouts_aborted:count).',
              queries: [{ expr: `sum(${aborted})` }],
              ...PROBLEM_COUNT,
              width: 6,
            }),
            statPanel({
              title: 'Rollouts by phase',
              description: 'Rollouts in each phase now (rollout_info).',
              queries: [byPhase],
              seriesColors: PHASE_COLORS,
              width: 10,
            }),
            barGaugePanel({
              title: 'Rollouts aborted by namespace',
              description: 'Aborted Rollouts per namespace that has Rollouts (gitops:rollouts_aborted:count).',
              queries: [{ expr: `sort_desc(sum by (namespace) (${aborted}))`, legend: '{{namespace}}' }],
              ...PROBLEM_COUNT,
              width: 8,
            }),
          ],
        },
        {
          title: 'Rollouts',
          panels: [
            tablePanel({
              title: 'Rollouts not completed',
              description: 'Each Rollout that is not Completed: progressing, paused for a step or an analysis, aborted, timed out or in error (rollout_info).',
              queries: [{ expr: rolloutsWhere('phase!="Completed"') }],
              width: 12,
            }),
            timeseriesPanel({
              title: 'Rollouts by phase over time',
              description: 'Rollouts in each phase, stacked (rollout_info).',
              queries: [byPhase],
              seriesColors: PHASE_COLORS,
              stacked: true,
              width: 12,
            }),
          ],
        },
      ],
    },
  );
}
