import { BillingAccountIamMember } from '@cdktf/provider-google/lib/billing-account-iam-member';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * What an identity may do on the environment's Cloud Billing account, where the budget lives
 * (budgets are resources of the billing account, not of the project):
 * - `read-budget`: `roles/billing.viewer`, which holds `billing.budgets.get` and `.list` (what
 *   refreshing `google_billing_budget` calls, `billingAccounts.budgets.get`) and nothing that
 *   changes the account. For every identity that plans the GCP stacks (CI plan, drift check).
 * - `manage-budget`: `roles/billing.costsManager`, which adds `billing.budgets.create`, `.update`
 *   and `.delete`. For the apply identity only.
 * Source: Google Cloud, "Access control for the Cloud Billing Budget API" and "Cloud Billing access
 * control" (cloud.google.com/billing/docs/how-to/budget-api-access-control).
 */
export type BillingAccess = 'read-budget' | 'manage-budget';

export const BILLING_ROLES: Readonly<Record<BillingAccess, string>> = {
  'read-budget': 'roles/billing.viewer',
  'manage-budget': 'roles/billing.costsManager',
};

export interface BillingAccountGrantOptions {
  /** Billing account id (`XXXXXX-XXXXXX-XXXXXX`), the spec's `clouds.gcp.billingAccount`. */
  readonly billingAccount: string;
  /** IAM member, e.g. `${google_service_account.x.member}`. */
  readonly member: string;
  readonly access: BillingAccess;
  /** @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Grants `access` on the billing account. Writing a billing account's IAM policy takes
 * `billing.accounts.setIamPolicy` (Billing Account Administrator), which no CI identity holds (CI
 * must not administer billing): an apply that creates or changes such a grant runs as a billing
 * administrator (README, "Bootstrap the state"). Refreshing it only reads the policy
 * (`billing.accounts.getIamPolicy`, in both roles above), so CI plans and later applies pass.
 * The provider calls the Cloud Billing API (`cloudbilling.googleapis.com`, hashicorp/
 * terraform-provider-google, google/services/billing/iam_billing_account.go).
 */
export function grantBillingAccess(scope: Construct, id: string, options: BillingAccountGrantOptions): BillingAccountIamMember {
  return new BillingAccountIamMember(scope, id, {
    billingAccountId: options.billingAccount,
    role: BILLING_ROLES[options.access],
    member: options.member,
    dependsOn: options.dependsOn,
  });
}
