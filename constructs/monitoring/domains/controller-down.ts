import { Duration } from 'cdk8s';
import type { AlertDefinition } from '../alert-definition';
import type { Severity } from '../types';
import { jobMatcher, type MetricsJobs } from './scrape-jobs';

export interface ControllerDownOptions {
  /** PascalCase alert name with the domain prefix, e.g. `DeliveryRolloutsControllerDown`. */
  readonly name: string;
  /** What is down, for people: `Argo Rollouts controller`. */
  readonly controller: string;
  /** The `job` of the controller's metrics on each cluster (see addonMetricsJobs). */
  readonly jobs: MetricsJobs;
  readonly severity: Severity;
  /** What stops working while it is down; the second sentence of the description. */
  readonly impact: string;
  /**
   * For a controller that runs on some clusters only (Argo CD on the management cluster): a series
   * that exists only where it runs, e.g. `kube_namespace_created{namespace="argocd"}`. The rule file
   * is the same on every cluster, and elsewhere the controller's absence is not an outage.
   */
  readonly onlyWhere?: string;
}

/** Scrapes are every 30 s; 5 minutes rides out a rolling restart or a pod rescheduled to another node. */
const CONTROLLER_DOWN_FOR = Duration.minutes(5);

/**
 * An add-on controller nobody can scrape: no target of its job is up, whether the pods crash (up 0)
 * or are gone altogether (no target), like kube-prometheus-stack's `KubeAPIDown`. One replica of
 * several being down does not fire. The rule runs in each cluster's Prometheus, which only sees its
 * own cluster's target; Alertmanager tells the clusters apart by the `cluster` external label.
 */
export function controllerDownAlert(options: ControllerDownOptions): AlertDefinition {
  const [job] = options.jobs;
  const gate = options.onlyWhere === undefined ? [] : [{ series: options.onlyWhere, values: '1x15' }];
  return {
    name: options.name,
    expr: `absent(up{${jobMatcher(options.jobs)}} == 1)${options.onlyWhere === undefined ? '' : ` and on () ${options.onlyWhere}`}`,
    for: CONTROLLER_DOWN_FOR,
    severity: options.severity,
    summary: `The ${options.controller} is down`,
    description: `Prometheus has not scraped a healthy ${options.controller} target for 5 minutes. ${options.impact}`,
    cases: {
      fires: {
        description: 'the only target is down',
        series: [{ series: `up{job="${job}",instance="10.0.0.1:8080"}`, values: '0x15' }, ...gate],
        at: '10m',
        firing: [{}],
      },
      quiet: {
        description: 'one of two replicas is down, the other is up',
        series: [
          { series: `up{job="${job}",instance="10.0.0.1:8080"}`, values: '0x15' },
          { series: `up{job="${job}",instance="10.0.0.2:8080"}`, values: '1x15' },
          ...gate,
        ],
        at: '10m',
        firing: [],
      },
      ...(options.onlyWhere === undefined
        ? {}
        : { alsoQuiet: [{ description: 'a cluster the controller does not run on', series: [{ series: 'up{job="kubelet"}', values: '1x15' }], at: '10m', firing: [] }] }),
    },
  };
}
