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

/**
 * How Argo CD syncs an Application, derived from the environment's `SyncSpec`: automated sync
 * (self-heal, prune only where the environment allows it) with bounded exponential retries.
 */
export class SyncPolicy {
  static fromSpec(spec: SyncSpec): SyncPolicy {
    return new SyncPolicy(spec);
  }

  private constructor(private readonly spec: SyncSpec) {}

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
      automated: { prune: this.spec.prune, selfHeal: this.spec.selfHeal },
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
