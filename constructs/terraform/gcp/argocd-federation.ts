import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { Construct } from 'constructs';
import type { ClusterSpec, GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { ARGOCD_SUBJECTS, argocdPoolId, argocdProviderId } from './argocd-google-federation';

export interface ArgoCdGoogleFederationProps {
  readonly cluster: GkeClusterSpec;
  /** The management cluster, where Argo CD runs; its `oidcIssuerUrl` is trusted. */
  readonly management: ClusterSpec & { readonly oidcIssuerUrl: string };
  /** `name` of the Google service account Argo CD acts as on the cluster (container.admin). */
  readonly serviceAccountName: string;
}

/**
 * Argo CD's way into a GKE cluster from another cloud (argocd-google-federation.ts is the contract the
 * Kubernetes side shares): a workload identity pool of the cluster, an OIDC provider trusting the
 * management cluster's issuer and admitting only Argo CD's controller and server (`google.subject`
 * is the token's `sub`, `system:serviceaccount:argocd:<name>`), and `roles/iam.workloadIdentityUser`
 * for each of those two principals on the cluster's `argocd-<cluster>` service account, which the
 * credential configuration impersonates. Without `allowed_audiences`, GCP accepts tokens whose
 * audience is the provider's canonical name (`//iam.googleapis.com/projects/<number>/...`), which
 * is what the projected token is issued for.
 */
export class ArgoCdGoogleFederation extends Construct {
  readonly pool: IamWorkloadIdentityPool;
  readonly provider: IamWorkloadIdentityPoolProvider;

  constructor(scope: Construct, id: string, props: ArgoCdGoogleFederationProps) {
    super(scope, id);
    const { cluster, management } = props;
    this.pool = new IamWorkloadIdentityPool(this, 'pool', {
      workloadIdentityPoolId: argocdPoolId(cluster),
      displayName: `Argo CD on ${management.name}`.slice(0, 32),
      description: `Argo CD (on ${management.name}) managing ${cluster.name}`,
    });
    this.provider = new IamWorkloadIdentityPoolProvider(this, 'provider', {
      workloadIdentityPoolId: this.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: argocdProviderId(management),
      displayName: management.name.slice(0, 32),
      description: `Service account tokens of ${management.name} (${management.cloud})`,
      attributeMapping: { 'google.subject': 'assertion.sub' },
      attributeCondition: `assertion.sub in [${ARGOCD_SUBJECTS.map((s) => `'${s}'`).join(', ')}]`,
      oidc: { issuerUri: management.oidcIssuerUrl },
    });
    for (const subject of ARGOCD_SUBJECTS) {
      const name = subject
        .split(':')
        .pop()!
        .replace(/^argocd-/, '');
      new ServiceAccountIamMember(this, name, {
        serviceAccountId: props.serviceAccountName,
        role: 'roles/iam.workloadIdentityUser',
        member: `principal://iam.googleapis.com/${this.pool.name}/subject/${subject}`,
      });
    }
  }
}
