import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

const AWS_ACCOUNT_ID = /^\d{12}$/;

/**
 * The AWS account holds the state and every EKS cluster of the environment: a cluster has no
 * account of its own, and Argo CD's role on it is derived from this id
 * (constructs/terraform/aws/eks-identity-names.ts), so one malformed value would be wrong everywhere.
 */
export const specAwsAccount: SpecRule<EnvironmentSpec> = {
  id: 'spec-aws-account',
  engine: 'spec',
  level: 'error',
  title: "The environment's AWS account id is a 12-digit account id",
  rationale: 'Argo CD assumes roles derived from this account to reach each EKS cluster and Terraform keeps its state there: a malformed id fails at login and at apply.',
  controls: { soc2: ['CC6.1'], pciDss: [], iso27001: ['A.5.15'], gdpr: [] },
  check: (spec) => {
    const aws = spec.clouds.aws;
    return aws === undefined
      ? []
      : unless(
          matches(aws.accountId, AWS_ACCOUNT_ID),
          'clouds.aws.accountId',
          aws.accountId,
          'an AWS account id is exactly 12 digits',
          'copy it from `aws sts get-caller-identity` (keep leading zeros; it is a string)',
        );
  },
};
