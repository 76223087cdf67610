import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { Construct } from 'constructs';
import { EKS_ACCESS_POLICY } from './managed-policies';

export interface BreakGlassAccessProps {
  /** The cluster's name (a reference to the cluster resource, so the entry follows it). */
  readonly clusterName: string;
  /** ARN of the environment's break-glass role (`breakGlassRoleArn`), created by the foundation. */
  readonly roleArn: string;
}

/**
 * The break-glass role's access entry on one EKS cluster: cluster-admin (AmazonEKSClusterAdminPolicy,
 * cluster scope), separate from Argo CD's entry so that either can change without the other. The
 * role itself is `BreakGlassRole` in the foundation, applied first.
 */
export class BreakGlassAccess extends Construct {
  readonly entry: EksAccessEntry;

  constructor(scope: Construct, id: string, props: BreakGlassAccessProps) {
    super(scope, id);
    this.entry = new EksAccessEntry(this, 'entry', { clusterName: props.clusterName, principalArn: props.roleArn, type: 'STANDARD' });
    new EksAccessPolicyAssociation(this, 'cluster-admin', {
      clusterName: props.clusterName,
      principalArn: this.entry.principalArn,
      policyArn: EKS_ACCESS_POLICY.clusterAdmin,
      accessScope: { type: 'cluster' },
    });
  }
}
