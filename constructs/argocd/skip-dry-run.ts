import { ApiObject } from 'cdk8s';
import type { IConstruct } from 'constructs';
import type { GroupKind } from './app-project';

/** Argo CD's per-object sync options annotation. */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
export const SKIP_DRY_RUN_ON_MISSING_RESOURCE = 'SkipDryRunOnMissingResource=true';

/**
 * Marks every object under `scope` whose kind's CRD another Application installs (a
 * PrometheusRule before kube-prometheus-stack, a ClusterPolicy before Kyverno) to skip the dry run
 * while that CRD is missing. Without it, the dry run of the whole sync fails and nothing of the
 * Application is applied; with it, the rest is applied and the object follows on a retry once the
 * CRD exists. Per object, because Argo CD before 3.1 reads the option only from the object's
 * annotation (argoproj/gitops-engine pkg/sync/sync_context.go, `HasAnnotationOption(task.targetObj,
 * ..., SyncOptionSkipDryRunOnMissingResource)`, at the commits Argo CD v2.13.2 and v2.14.2 pin;
 * the Application-level option arrived in argoproj/argo-cd#22679, v3.1.0).
 */
export function skipDryRunOnMissingCrds(scope: IConstruct, kinds: readonly GroupKind[]): void {
  const wanted = new Set(kinds.map((gk) => `${gk.group}/${gk.kind}`));
  for (const node of scope.node.findAll()) {
    if (node instanceof ApiObject && wanted.has(`${node.apiGroup}/${node.kind}`)) {
      node.metadata.addAnnotation(SYNC_OPTIONS_ANNOTATION, SKIP_DRY_RUN_ON_MISSING_RESOURCE);
    }
  }
}
