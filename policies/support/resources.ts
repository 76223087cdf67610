import type { KubeResource } from '../../constructs/kyverno/policy-definition';
import type { JsonObject } from '../../constructs/kyverno/types';
import { GITHUB_ORGANISATION, PLATFORM_REGISTRY } from './trust';

/** Namespace the test cases' workloads live in: a tenant namespace, not a platform one. */
export const CASE_NAMESPACE = 'team-a';

/** An image from the platform's trusted registry, pinned to a version. */
export const TRUSTED_IMAGE = `${PLATFORM_REGISTRY}team-a/api:1.4.2`;

/**
 * A container that satisfies every policy of the catalog. Cases start from it and change the one
 * field their rule is about, so a `fail` case fails for that reason and no other.
 */
export function compliantContainer(overrides: JsonObject = {}): JsonObject {
  return {
    name: 'app',
    image: TRUSTED_IMAGE,
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    securityContext: {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    ...overrides,
  };
}

/**
 * An init container as compliant as `compliantContainer()`, without probes: the API server refuses
 * probes on init containers ("may not be set for init containers without restartPolicy=Always").
 */
export function compliantInitContainer(overrides: JsonObject = {}): JsonObject {
  const { livenessProbe: _liveness, readinessProbe: _readiness, ...container } = compliantContainer();
  return { ...container, ...overrides };
}

/** Labels every tenant workload carries (require-labels). */
export const WORKLOAD_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'api',
  owner: 'team-a',
  'cost-centre': 'cc-1234',
  env: 'dev',
};

/** A Pod in the case namespace: compliant by default, with `spec` fields merged over that. */
export function pod(name: string, spec: JsonObject = {}, labels: Readonly<Record<string, string>> = WORKLOAD_LABELS): KubeResource {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: CASE_NAMESPACE, labels },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [compliantContainer()],
      ...spec,
    },
  };
}

/** A Service in the case namespace selecting the compliant pod, with `spec` fields merged over that. */
export function service(name: string, spec: JsonObject = {}): KubeResource {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: CASE_NAMESPACE, labels: WORKLOAD_LABELS },
    spec: {
      selector: { 'app.kubernetes.io/name': WORKLOAD_LABELS['app.kubernetes.io/name'] ?? 'api' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      ...spec,
    },
  };
}

/** Where Argo CD keeps its Applications: the only namespace it reads them from by default. */
export const ARGOCD_NAMESPACE = 'argocd';

/** An Argo CD Application of a tenant team in the given AppProject. */
export function application(name: string, project: string): KubeResource {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: ARGOCD_NAMESPACE },
    spec: {
      project,
      source: { repoURL: `https://github.com/${GITHUB_ORGANISATION}/team-a-apps.git`, path: 'api', targetRevision: 'main' },
      destination: { server: 'https://kubernetes.default.svc', namespace: CASE_NAMESPACE },
    },
  };
}
