import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { HIDDEN_ID } from '../readable-names-stack';

/** A Kubernetes service account of a GKE cluster. */
export interface KubernetesServiceAccount {
  readonly namespace: string;
  readonly serviceAccount: string;
}

export interface GkeWorkloadServiceAccountProps {
  /** Service account id (the part of the e-mail before `@`), 6-30 characters (see service-account-id.ts). */
  readonly accountId: string;
  readonly displayName: string;
  readonly description: string;
  /** Workload identity pool of the project, `<project>.svc.id.goog`. */
  readonly workloadPool: string;
  /** The one Kubernetes service account that may act as this service account. */
  readonly workload: KubernetesServiceAccount;
  /** What must exist first: the cluster, whose creation creates the project's workload pool. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * A Google service account that exactly one Kubernetes service account impersonates through GKE
 * workload identity (`roles/iam.workloadIdentityUser` for
 * `serviceAccount:<project>.svc.id.goog[<namespace>/<name>]`, no wildcard): the pod's service
 * account is annotated `iam.gke.io/gcp-service-account: <email>`, and no key exists. The
 * service account's own rights are granted by the caller.
 */
export class GkeWorkloadServiceAccount extends Construct {
  readonly account: ServiceAccount;

  constructor(scope: Construct, id: string, props: GkeWorkloadServiceAccountProps) {
    super(scope, id);
    // `Default`: the account is named after this construct (`terraform-drift`), its binding below it.
    this.account = new ServiceAccount(this, HIDDEN_ID, {
      accountId: props.accountId,
      displayName: props.displayName,
      description: props.description,
    });
    const { namespace, serviceAccount } = props.workload;
    new ServiceAccountIamMember(this, 'workload-identity', {
      serviceAccountId: this.account.name,
      role: 'roles/iam.workloadIdentityUser',
      member: `serviceAccount:${props.workloadPool}[${namespace}/${serviceAccount}]`,
      dependsOn: props.dependsOn,
    });
  }

  /** `serviceAccount:<email>`, for the caller's grants. */
  get member(): string {
    return this.account.member;
  }
}
