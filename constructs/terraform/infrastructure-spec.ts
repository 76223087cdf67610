/** What the Terraform side needs beyond accounts and clusters. */
export interface InfrastructureSpec {
  readonly ci: CiIdentitySpec;
  readonly budget: BudgetSpec;
  /**
   * A second region/location holding a replica of the Terraform state (production): losing the
   * state region must not lose the state. AWS region, Azure location or GCP region, per cloud.
   */
  readonly stateReplica?: { readonly aws?: string; readonly azure?: string; readonly gcp?: string };
  /**
   * Your organisation's short name, lower-case letters and digits, e.g. `acme`: the start of the
   * names that must be unique across every customer of a cloud, which the environment and account
   * alone cannot make unique to you: the AWS state buckets (`<prefix>-tfstate-<env>-<account>` and
   * `<prefix>-tfstate-logs-...`) and the Azure state storage account (`<prefix>tfstate<env><hash>`).
   * No default: a library default would be someone else's organisation. Changing it renames the
   * state stores, which means migrating every state.
   */
  readonly organisationPrefix: string;
  /** Days a non-current state version is kept before the lifecycle rule deletes it. */
  readonly stateVersionRetentionDays: number;
  /**
   * Minutes between two scheduled `terraform plan -detailed-exitcode` runs of each stack (the
   * Terraform drift check): 5 to 60 minutes dividing an hour, or whole hours dividing a day, so
   * that the cron schedule repeats evenly (constructs/drift/drift-check-schedule.ts).
   */
  readonly driftCheckIntervalMinutes: number;
  /**
   * Human emergency access to the environment's EKS clusters: who may assume the break-glass role
   * (`<env>-eks-break-glass`, cluster-admin on every EKS cluster through its own access entry),
   * with MFA only. Required in production when the environment has EKS clusters.
   * @default - no break-glass role (dev and staging reach their clusters through Argo CD only)
   */
  readonly breakGlass?: BreakGlassSpec;
}

/** Who may break the glass: named people, never a wildcard. */
export interface BreakGlassSpec {
  /**
   * Exact ARNs of the IAM users (or roles) of the environment's account allowed to assume the
   * break-glass role, e.g. `arn:aws:iam::123456789012:user/alice`. Each must sign in with MFA:
   * the role's trust requires `aws:MultiFactorAuthPresent`.
   */
  readonly awsPrincipals: readonly string[];
}

/**
 * Who may run Terraform from CI, with short-lived OIDC tokens only (no stored keys). Trust is
 * scoped to one GitHub repository; plan runs from any branch or pull request of it with read-only
 * rights; apply only from `applyFrom`.
 */
export interface CiIdentitySpec {
  /** `owner/name` of the GitHub repository whose workflows run Terraform. */
  readonly repository: string;
  /**
   * GitHub's numeric id of that repository (the `repository_id` claim of its OIDC tokens), as a
   * string of digits: `gh api repos/<owner>/<name> --jq .id`. Unlike the name, it is never reused:
   * a repository deleted and re-created (or a name taken over after a rename) gets a new id, so
   * trust pinned to it does not pass to a stranger's repository of the same name.
   */
  readonly repositoryId: string;
  /**
   * What may apply: pushes to a branch, or jobs of a GitHub deployment environment (which can
   * require reviewers and is limited to protected branches). Production applies only from an
   * environment.
   */
  readonly applyFrom: { readonly kind: 'branch'; readonly name: string } | { readonly kind: 'environment'; readonly name: string };
  /**
   * AWS: whether the foundation creates the account's GitHub Actions OIDC provider (`create`) or
   * reads the one the account already has (`existing`, a data source by URL). IAM allows one
   * provider per issuer URL and account: creating a second fails with EntityAlreadyExists. An
   * existing provider must list the audience `sts.amazonaws.com` (not checked by synth: see the README).
   * @default 'create'
   */
  readonly awsOidcProvider?: 'create' | 'existing';
  /**
   * Static public egress ranges of the CI runners that run Terraform (self-hosted runners behind
   * a NAT, or GitHub larger runners with static IPs): admitted by the Azure state account and Key
   * Vault firewalls, which refuse every other network. GitHub-hosted standard runners have no
   * fixed address and get 403 there.
   * @default - none: only the admin CIDRs (`apiAccess.allowedCidrs`) pass the firewalls
   */
  readonly runnerCidrs?: readonly string[];
}

/** Monthly cloud budget of the environment, per cloud account it uses. */
export interface BudgetSpec {
  /** Monthly limit in `currency`, per cloud. */
  readonly monthlyLimit: number;
  readonly currency: 'USD' | 'EUR';
  /** Percentages of the limit at which actual spend alerts, ascending, e.g. [50, 80, 100]. */
  readonly alertThresholds: readonly number[];
  /** Addresses that receive the budget alerts. */
  readonly notifyEmails: readonly string[];
}
