import { type Finding, unless } from '../../../../constructs/core/finding';

/**
 * A cluster's copy of its account id (`tenantId`, `projectId`) must be the one
 * `clouds.<cloud>` declares, or Terraform and Argo CD disagree about where the cluster lives.
 * `cloudField` is the path below `clouds` (`azure.tenantId`).
 */
export function accountMismatch(at: string, cloudField: string, actual: string, expected: string): Finding[] {
  return unless(
    actual === expected,
    `${at}.${cloudField.slice(cloudField.indexOf('.') + 1)}`,
    actual,
    `differs from clouds.${cloudField} (${JSON.stringify(expected)}): the cluster would live outside the account Terraform manages for the environment`,
    `make the cluster and clouds.${cloudField} name the same account`,
  );
}
