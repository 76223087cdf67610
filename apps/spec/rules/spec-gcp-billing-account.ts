import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

/** Cloud Billing account ids: three groups of six upper-case hex digits. */
const GCP_BILLING_ACCOUNT = /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/;

export const specGcpBillingAccount: SpecRule<EnvironmentSpec> = {
  id: 'spec-gcp-billing-account',
  engine: 'spec',
  level: 'error',
  title: 'The GCP billing account is a Cloud Billing account id',
  rationale: 'The budget is created on the billing account and the Terraform identities get their budget roles on it: a resource name or lower-case id fails at apply.',
  controls: NO_CONTROLS,
  check: (spec) => {
    const gcp = spec.clouds.gcp;
    return gcp === undefined
      ? []
      : unless(
          matches(gcp.billingAccount, GCP_BILLING_ACCOUNT),
          'clouds.gcp.billingAccount',
          gcp.billingAccount,
          'must be the Cloud Billing account id of the project (XXXXXX-XXXXXX-XXXXXX): the budget is created on it and the Terraform identities get their budget roles on it',
          "copy it from `gcloud billing projects describe <project> --format='value(billingAccountName)'` without the billingAccounts/ prefix, e.g. '0A1B2C-3D4E5F-6A7B8C'",
        );
  },
};
