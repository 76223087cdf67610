/**
 * How strictly the environment applies Kyverno policies (see constructs/kyverno/policy-lifecycle.ts):
 * audit everywhere; canary (new policy revisions enforce on namespaces labelled
 * `policy.gitops-cdk.io/canary=true` and audit elsewhere); or enforce everywhere.
 */
export type KyvernoMode = 'audit' | 'canary' | 'enforce';

/** A policy whose admission webhook fails open (Ignore) in this environment, and why. */
export interface FailOpenPolicy {
  readonly policy: string;
  /** Recorded on the policy; reviewers read it, so say what breaks otherwise. */
  readonly reason: string;
}

export interface KyvernoSpec {
  readonly mode: KyvernoMode;
  /** Policy catalog release the environment runs (pin data: environments/pins.json). */
  readonly catalog: string;
  /**
   * Canary mode only: the newest catalog release whose policies finished their canary and enforce
   * everywhere. Equal to `catalog` when the canary stage is done (pin data).
   */
  readonly canaryPassed?: string;
  /** Policies whose webhook fails open; production fails closed for every other policy. */
  readonly failOpen?: readonly FailOpenPolicy[];
}
