import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { SyncSpec } from '../../environments/types';
import { argoDuration } from './argo-duration';

export type ApplicationSyncPolicy = NonNullable<IApplication['spec']['syncPolicy']>;

export interface SyncPolicyOptions {
  /**
   * Apply with server-side apply. Needed for charts whose CRDs exceed the 256 KiB annotation
   * limit of client-side apply (kube-prometheus-stack, Argo CD, Kyverno).
   * @default false
   */
  readonly serverSideApply?: boolean;
  /**
   * Let Argo CD create the destination namespace.
   * @default false - the namespace comes from the config component, with its labels
   */
  readonly createNamespace?: boolean;
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
    const syncOptions = [
      // Prune last, after every other resource is healthy: a half-applied change never deletes first.
      'PruneLast=true',
      ...(options.createNamespace ?? false ? ['CreateNamespace=true'] : []),
      ...(options.serverSideApply ?? false ? ['ServerSideApply=true'] : []),
    ];
    return {
      automated: { prune: this.spec.prune, selfHeal: this.remediation.selfHeal },
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
