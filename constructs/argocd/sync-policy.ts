import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { argoDuration } from './argo-duration';
import type { SyncSpec } from './sync-spec';

export type ApplicationSyncPolicy = NonNullable<IApplication['spec']['syncPolicy']>;

export interface SyncPolicyOptions {
  /**
   * Apply with server-side apply. Needed for charts whose CRDs exceed the 256 KiB annotation
   * limit of client-side apply (kube-prometheus-stack, Argo CD, Kyverno).
   * @default false
   */
  readonly serverSideApply?: boolean;
  /**
   * Let Argo CD create the destination namespace when it does not exist yet. The config component
   * still declares the platform namespaces with their Pod Security labels and adopts them; it is
   * only not guaranteed to sync first on a fresh cluster.
   * @default false
   */
  readonly createNamespace?: boolean;
  /**
   * Labels Argo CD gives the namespace it creates, and keeps on it
   * (`managedNamespaceMetadata`, applied server-side without removing other labels: argoproj/argo-cd
   * controller/sync_namespace.go, v2.13.2 and v2.14.2).
   * @default - none: the namespace is created bare
   */
  readonly managedNamespaceLabels?: Readonly<Record<string, string>>;
}

/**
 * How long a failing sync keeps being retried: the sum of the waits before each retry. Mirrors
 * argoproj/argo-cd pkg/apis/application/v1alpha1/types.go `RetryStrategy.NextRetryAt` (the n-th
 * retry, from 0, waits `duration * factor^n`, capped at `maxDuration`) and the retry condition of
 * controller/appcontroller.go `processRequestedAppOperation` (`RetryCount < Limit`, or any
 * negative limit: unlimited), v2.13.2 and v2.14.2. After the last retry automated sync never
 * retries the same revision (`alreadyAttemptedSync`), so this is how long a fresh cluster has to
 * install the CRDs and namespaces an Application needs.
 */
export function retryWindowSeconds(limit: number, backoff: { initialSeconds: number; factor: number; maxSeconds: number }): number {
  if (limit < 0) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let n = 0; n < limit; n += 1) total += Math.min(backoff.maxSeconds, backoff.initialSeconds * backoff.factor ** n);
  return total;
}

/** What the drift policy decides about an Application's sync (constructs/drift/drift-policy.ts). */
export interface DriftRemediationOptions {
  /** Revert changes made to live objects outside Git at once (Argo CD self-heal). */
  readonly selfHeal: boolean;
}

/**
 * How Argo CD syncs an Application: automated sync with bounded exponential retries, pruning only
 * where the environment's `SyncSpec` allows it, and self-heal where the drift policy asks for it.
 */
export class SyncPolicy {
  static fromSpec(spec: SyncSpec, remediation: DriftRemediationOptions): SyncPolicy {
    return new SyncPolicy(spec, remediation);
  }

  private constructor(
    private readonly spec: SyncSpec,
    private readonly remediation: DriftRemediationOptions,
  ) {}

  /** Whether Argo CD reverts live drift by itself. */
  get selfHeal(): boolean {
    return this.remediation.selfHeal;
  }

  /** Whether Argo CD may delete live resources that left Git. */
  get prune(): boolean {
    return this.spec.prune;
  }

  render(options: SyncPolicyOptions = {}): ApplicationSyncPolicy {
    const createNamespace = options.createNamespace ?? false;
    const syncOptions = [
      // Prune last, after every other resource is healthy: a half-applied change never deletes first.
      'PruneLast=true',
      ...(createNamespace ? ['CreateNamespace=true'] : []),
      ...((options.serverSideApply ?? false) ? ['ServerSideApply=true'] : []),
    ];
    return {
      automated: { prune: this.spec.prune, selfHeal: this.remediation.selfHeal },
      ...(createNamespace && options.managedNamespaceLabels !== undefined ? { managedNamespaceMetadata: { labels: { ...options.managedNamespaceLabels } } } : {}),
      retry: {
        limit: this.spec.retryLimit,
        backoff: {
          duration: argoDuration(this.spec.retryBackoff.initial),
          factor: this.spec.retryBackoff.factor,
          maxDuration: argoDuration(this.spec.retryBackoff.max),
        },
      },
      syncOptions,
    };
  }
}
