import { isString, matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { accountMismatch } from './support/account-mismatch';
import { eachCluster } from './support/each-cluster';

const AWS_ACCOUNT_ID = /^\d{12}$/;
const IAM_ROLE_NAME = /^[\w+=,.@/-]{1,512}$/;

/**
 * An EKS cluster names its AWS account three times (clouds.aws.accountId, the cluster's
 * `accountId` and inside `argocdRoleArn`); this rule checks the copies agree. It is its own rule so
 * that it goes in one step once the cluster's copies are derived from clouds.aws.
 */
export const specEksAccountIdentity: SpecRule<EnvironmentSpec> = {
  id: 'spec-eks-account-identity',
  engine: 'spec',
  level: 'error',
  title: "EKS clusters and Argo CD's role are in the environment's AWS account",
  rationale: 'Argo CD assumes an IAM role to reach each EKS cluster: a malformed account id, or a role in another account than the cluster and Terraform use, fails at login or grants access across accounts.',
  controls: { soc2: ['CC6.1'], pciDss: [], iso27001: ['A.5.15'], gdpr: [] },
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => {
      if (cluster.cloud !== 'aws') return [];
      // Compared as a prefix, not a RegExp: the account id is user input and may itself be malformed.
      const rolePrefix = `arn:aws:iam::${cluster.accountId}:role/`;
      const arn = cluster.argocdRoleArn;
      const validArn = isString(arn) && arn.startsWith(rolePrefix) && IAM_ROLE_NAME.test(arn.slice(rolePrefix.length));
      const aws = spec.clouds.aws;
      return [
        ...unless(
          matches(cluster.accountId, AWS_ACCOUNT_ID),
          `${at}.accountId`,
          cluster.accountId,
          'an AWS account id is exactly 12 digits',
          'copy it from `aws sts get-caller-identity` (keep leading zeros; it is a string)',
        ),
        ...unless(
          validArn,
          `${at}.argocdRoleArn`,
          cluster.argocdRoleArn,
          `must be an IAM role ARN in the cluster's account (arn:aws:iam::${cluster.accountId}:role/<name>): Argo CD cannot assume a malformed or foreign role`,
          `set it to 'arn:aws:iam::${cluster.accountId}:role/argocd-${cluster.name}'`,
        ),
        // A missing clouds.aws is spec-cluster-cloud-account's finding.
        ...(aws === undefined ? [] : accountMismatch(at, 'aws.accountId', cluster.accountId, aws.accountId)),
      ];
    }),
};
