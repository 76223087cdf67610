import { parseAllDocuments } from 'yaml';

interface PodTemplate {
  readonly workload: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly portNames: ReadonlySet<string>;
}

interface Manifest {
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly labels?: Readonly<Record<string, string>> };
  readonly spec?: {
    readonly selector?: Readonly<Record<string, string>> | { readonly matchLabels?: Readonly<Record<string, string>> };
    readonly ports?: readonly { readonly name?: string; readonly targetPort?: string | number }[];
    readonly endpoints?: readonly { readonly port?: string }[];
    readonly template?: {
      readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
      readonly spec?: {
        readonly containers?: readonly { readonly ports?: readonly { readonly name?: string }[] }[];
        readonly initContainers?: readonly { readonly ports?: readonly { readonly name?: string }[] }[];
      };
    };
  };
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * Services of a rendered chart that send traffic to a named port no pod they select exposes, and
 * ServiceMonitors none of whose endpoint ports their Services have: the
 * Service exists and a ServiceMonitor scrapes it, but every scrape fails (argo-cd's redis metrics
 * Service targets the `metrics` port, which only the redis-exporter sidecar of
 * `redis.exporter.enabled` has). Only Services whose selector matches a workload of the same
 * release are checked: kube-prometheus-stack's Services for the control plane select pods that
 * are not in the chart. Numeric target ports are not checked (a container need not declare them).
 */
export function servicesWithoutTargetPort(manifests: string): string[] {
  const objects = parseAllDocuments(manifests)
    .map((doc) => doc.toJSON() as Manifest | null)
    .filter((o): o is Manifest => o !== null && typeof o === 'object');
  const pods: PodTemplate[] = objects
    .filter((o) => WORKLOADS.has(o.kind ?? ''))
    .map((o) => ({
      workload: `${o.kind}/${o.metadata?.name ?? ''}`,
      labels: o.spec?.template?.metadata?.labels ?? {},
      portNames: new Set(
        [...(o.spec?.template?.spec?.containers ?? []), ...(o.spec?.template?.spec?.initContainers ?? [])].flatMap((c) =>
          (c.ports ?? []).flatMap((p) => (p.name === undefined ? [] : [p.name])),
        ),
      ),
    }));
  const problems: string[] = [];
  for (const service of objects.filter((o) => o.kind === 'Service')) {
    const selector = service.spec?.selector as Readonly<Record<string, string>> | undefined;
    if (selector === undefined || Object.keys(selector).length === 0) continue;
    const selected = pods.filter((pod) => Object.entries(selector).every(([key, value]) => pod.labels[key] === value));
    if (selected.length === 0) continue;
    for (const port of service.spec?.ports ?? []) {
      if (typeof port.targetPort !== 'string') continue;
      const name = port.targetPort;
      if (selected.some((pod) => pod.portNames.has(name))) continue;
      problems.push(
        `Service ${service.metadata?.name ?? ''} port ${port.name ?? name} targets the port named ${name}, which no pod it selects exposes (${selected.map((p) => p.workload).join(', ')})`,
      );
    }
  }
  // A ServiceMonitor endpoint names a port of the Services it selects; when no endpoint's port is
  // on a selected Service, it scrapes nothing. (One endpoint without its port is an upstream habit:
  // tempo 1.18.1 always lists `jaeger-metrics`, which exists only with tempoQuery.enabled.) Only
  // ServiceMonitors selecting a Service of the release are judged (kube-prometheus-stack's kubelet
  // ServiceMonitor selects a Service the operator makes).
  const services = objects.filter((o) => o.kind === 'Service');
  for (const monitor of objects.filter((o) => o.kind === 'ServiceMonitor')) {
    const selector = (monitor.spec?.selector as { readonly matchLabels?: Readonly<Record<string, string>> } | undefined)?.matchLabels ?? {};
    const selected = services.filter((svc) => Object.entries(selector).every(([key, value]) => svc.metadata?.labels?.[key] === value));
    if (Object.keys(selector).length === 0 || selected.length === 0) continue;
    const named = (monitor.spec?.endpoints ?? []).flatMap((e) => (e.port === undefined ? [] : [e.port]));
    if (named.length === 0 || named.some((port) => selected.some((svc) => (svc.spec?.ports ?? []).some((p) => p.name === port)))) continue;
    problems.push(
      `ServiceMonitor ${monitor.metadata?.name ?? ''} scrapes nothing: no Service it selects (${selected.map((svc) => svc.metadata?.name ?? '').join(', ')}) has a port named ${named.join(' or ')}`,
    );
  }
  return problems;
}
