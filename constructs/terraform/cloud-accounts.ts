export interface AwsAccount {
  readonly accountId: string;
  readonly region: string;
}

export interface AzureSubscription {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly location: string;
}

export interface GcpProject {
  readonly projectId: string;
  readonly region: string;
  /**
   * Cloud Billing account the project is billed to, `XXXXXX-XXXXXX-XXXXXX` (`gcloud billing
   * projects describe <project> --format='value(billingAccountName)'`, without `billingAccounts/`).
   * The budget lives on it, and the Terraform identities get their budget roles on it.
   */
  readonly billingAccount: string;
}

export interface CloudAccounts {
  readonly aws?: AwsAccount;
  readonly azure?: AzureSubscription;
  readonly gcp?: GcpProject;
}
