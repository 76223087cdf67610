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
  /**
   * For a controller whose replicas are shards rather than copies: how many there are. Each
   * replica of Argo CD's application controller reconciles only the clusters of its own shard
   * (ARGOCD_CONTROLLER_REPLICAS; argo-cd v2.14.2 controller/sharding), and no other replica takes
   * them over, so one replica down is an outage of its clusters: the alert fires as soon as fewer
   * than `shards` targets are up. Unset: the replicas are interchangeable, one up is enough.
   */
  readonly shards?: number;
}

/** Scrapes are every 30 s; 5 minutes rides out a rolling restart or a pod rescheduled to another node. */
const CONTROLLER_DOWN_FOR = Duration.minutes(5);

/** A scrape target of the controller at `address`, up (1) or down (0) over the case's timeline. */
function target(job: string, address: number, up: 0 | 1): { readonly series: string; readonly values: string } {
  return { series: `up{job="${job}",instance="10.0.0.${address}:8080"}`, values: `${up}x15` };
}

/**
 * An add-on controller nobody can scrape: no target of its job is up, whether the pods crash (up 0)
 * or are gone altogether (no target), like kube-prometheus-stack's `KubeAPIDown`. One replica of
 * several being down does not fire, unless the replicas are shards (`shards`): then any shard
 * down, crashed or gone, fires. The rule runs in each cluster's Prometheus, which only sees its
 * own cluster's target; Alertmanager tells the clusters apart by the `cluster` external label.
 */
export function controllerDownAlert(options: ControllerDownOptions): AlertDefinition {
  const [job] = options.jobs;
  const gate = options.onlyWhere === undefined ? [] : [{ series: options.onlyWhere, values: '1x15' }];
  const matcher = jobMatcher(options.jobs);
  const shards = options.shards;
  if (shards !== undefined && (!Number.isInteger(shards) || shards < 1)) {
    throw new Error(`${options.name}: shards must be a whole number of at least 1, got ${shards}`);
  }
  const down = shards === undefined ? `absent(up{${matcher}} == 1)` : `(count(up{${matcher}} == 1) or vector(0)) < ${shards}`;
  /** Every shard but the last up, on addresses 1.. */
  const otherShards = shards === undefined ? [] : Array.from({ length: shards - 1 }, (_, i) => target(job, i + 1, 1));
  const cases: AlertDefinition['cases'] =
    shards === undefined
      ? {
          fires: { description: 'the only target is down', series: [target(job, 1, 0), ...gate], at: '10m', firing: [{}] },
          quiet: {
            description: 'one of two replicas is down, the other is up',
            series: [target(job, 1, 0), target(job, 2, 1), ...gate],
            at: '10m',
            firing: [],
          },
        }
      : {
          fires: {
            description: shards === 1 ? 'the only shard is down' : `shard ${shards} of ${shards} is down, the others are up`,
            series: [...otherShards, target(job, shards, 0), ...gate],
            at: '10m',
            firing: [{}],
          },
          alsoFires: [
            {
              description: shards === 1 ? 'the only shard is gone (no target)' : `shard ${shards} of ${shards} is gone (no target), the others are up`,
              series: [...otherShards, ...gate],
              at: '10m',
              firing: [{}],
            },
          ],
          quiet: {
            description: `all ${shards} shard${shards === 1 ? ' is' : 's are'} up`,
            series: [...otherShards, target(job, shards, 1), ...gate],
            at: '10m',
            firing: [],
          },
        };
  return {
    name: options.name,
    expr: `${down}${options.onlyWhere === undefined ? '' : ` and on () ${options.onlyWhere}`}`,
    for: CONTROLLER_DOWN_FOR,
    severity: options.severity,
    summary: shards === undefined || shards === 1 ? `The ${options.controller} is down` : `A shard of the ${options.controller} is down`,
    description:
      shards === undefined || shards === 1
        ? `Prometheus has not scraped a healthy ${options.controller} target for 5 minutes. ${options.impact}`
        : `Prometheus has scraped fewer than ${shards} healthy ${options.controller} targets (one per shard) for 5 minutes. ${options.impact}`,
    cases: {
      ...cases,
      ...(options.onlyWhere === undefined
        ? {}
        : { alsoQuiet: [{ description: 'a cluster the controller does not run on', series: [{ series: 'up{job="kubelet"}', values: '1x15' }], at: '10m', firing: [] }] }),
    },
  };
}
