import { booleanAt, nestedBlocks, numberAt, stringAt, stringsAt, valueAt } from '../terraform-body';
import type { CloudResources } from './types';

/** GCP (hashicorp/google 6.50.0) resource types of the estate that need a second look when destroyed, added or lowered. */
export const GCP_RESOURCES: CloudResources = {
  cloud: 'gcp',
  stateful: [
    { type: 'google_storage_bucket', why: 'the state or reports it holds go with it, versions included', onlyStateOrReports: true },
    { type: 'google_kms_crypto_key', why: 'its versions are scheduled for destruction; whatever they encrypted becomes unreadable' },
    { type: 'google_container_cluster', why: 'the cluster and every workload on it go with it' },
  ],
  clusterTypes: ['google_container_cluster'],
  budgets: [
    {
      // hashicorp/terraform-provider-google google/services/billing/resource_billing_budget.go (generated from magic-modules
      // mmv1/products/billingbudget/Budget.yaml): amount.specified_amount.units is a string; threshold_rules apply to
      // every recipient of all_updates_rule, and the billing account's IAM recipients unless disable_default_iam_recipients.
      type: 'google_billing_budget',
      amountPath: 'amount[0].specified_amount[0].units',
      amount: (body) => numberAt(body, 'amount.specified_amount.units'),
      alerts: (body) => {
        const thresholds = nestedBlocks(body, 'threshold_rules').map(
          (rule) => `${Math.round((numberAt(rule, 'threshold_percent') ?? 0) * 100)}% ${stringAt(rule, 'spend_basis') ?? 'CURRENT_SPEND'}`,
        );
        const recipients = [
          ...stringsAt(body, 'all_updates_rule.monitoring_notification_channels'),
          ...stringsAt(body, 'all_updates_rule.pubsub_topic'),
          ...(booleanAt(body, 'all_updates_rule.disable_default_iam_recipients') === true || valueAt(body, 'all_updates_rule') === undefined
            ? []
            : ['billing account IAM recipients']),
        ];
        return thresholds.flatMap((threshold) => recipients.map((recipient) => `${threshold} -> ${recipient}`));
      },
    },
  ],
};
