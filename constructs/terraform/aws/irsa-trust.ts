import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Fn } from 'cdktf';
import { serviceAccountSubject } from '../../core/observability-contract';

/** A Kubernetes service account: the subject an IRSA role trusts. */
export interface KubernetesServiceAccount {
  readonly namespace: string;
  readonly serviceAccount: string;
}

/**
 * The trust statement of an IRSA role: `sts:AssumeRoleWithWebIdentity` through the cluster's IAM
 * OIDC provider, for tokens with the STS audience whose subject is one of `serviceAccounts`
 * (`system:serviceaccount:<ns>:<sa>`). The condition keys are the issuer without `https://`.
 */
export function irsaTrustStatement(oidcProviderArn: string, issuer: string, serviceAccounts: readonly KubernetesServiceAccount[]): DataAwsIamPolicyDocumentStatement {
  const issuerHost = Fn.replace(issuer, 'https://', '');
  return {
    effect: 'Allow',
    principals: [{ type: 'Federated', identifiers: [oidcProviderArn] }],
    actions: ['sts:AssumeRoleWithWebIdentity'],
    condition: [
      { test: 'StringEquals', variable: `${issuerHost}:aud`, values: ['sts.amazonaws.com'] },
      { test: 'StringEquals', variable: `${issuerHost}:sub`, values: serviceAccounts.map(serviceAccountSubject) },
    ],
  };
}
