import type { Document, KubeObject } from './documents';
import { toYamlDocument } from './documents';
import type { Kubectl } from './kubectl';

/**
 * Kyverno's autogen does not cover Argo Rollouts: kyverno v1.19.1 pkg/autogen/v1/autogen.go
 * `PodControllers` lists DaemonSet, Deployment, Job, StatefulSet, ReplicaSet, ReplicationController
 * and CronJob. So no Pod rule judges a Rollout when Argo CD applies it; the rules judge the Pods of
 * the ReplicaSets the controller creates later, and a refusal there stalls the rollout
 * (ReplicaSetCreateError) long after the sync looked green. The engine check therefore asks the
 * real API server, with the real Kyverno behind its webhooks, to admit the Pod each Rollout's
 * template becomes, as a server-side dry run: nothing is stored.
 */

/** The Pod a Rollout's ReplicaSet would create (argo-rollouts v1.8.0 / v1.7.2: the template, plus the pod template hash label). */
export function podOfRollout(rollout: KubeObject): KubeObject | undefined {
  const spec = rollout.spec as { readonly template?: { readonly metadata?: Record<string, unknown>; readonly spec?: unknown } } | undefined;
  if (spec?.template?.spec === undefined) return undefined;
  const metadata = spec.template.metadata ?? {};
  const podMetadata = {
    ...metadata,
    name: `${rollout.metadata.name}-verify`,
    ...(rollout.metadata.namespace === undefined ? {} : { namespace: rollout.metadata.namespace }),
    labels: { ...((metadata.labels as Record<string, string> | undefined) ?? {}), 'rollouts-pod-template-hash': 'verify' },
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata: podMetadata, spec: spec.template.spec };
}

/** Every Rollout's Pod through admission (dry run); a refusal names the Rollout's file and the server's answer. */
export function admitRolloutPods(kubectl: Kubectl, documents: readonly Document[]): { readonly admitted: number; readonly problems: readonly string[] } {
  const problems: string[] = [];
  let admitted = 0;
  for (const document of documents.filter((d) => d.object.apiVersion.startsWith('argoproj.io/') && d.object.kind === 'Rollout')) {
    const pod = podOfRollout(document.object);
    if (pod === undefined) {
      problems.push(`${document.file}: Rollout ${document.object.metadata.name} has no inline pod template to admit`);
      continue;
    }
    const result = kubectl.run(['create', '--dry-run=server', '-f', '-'], toYamlDocument(pod));
    if (result.ok) admitted += 1;
    else problems.push(`${document.file}: the Pod of Rollout ${document.object.metadata.name} is refused at admission: ${result.stderr}`);
  }
  return { admitted, problems };
}
