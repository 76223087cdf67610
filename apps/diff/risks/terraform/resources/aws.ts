import { nestedBlocks, numberAt, stringAt, stringsAt } from '../terraform-body';
import type { CloudResources } from './types';

/** AWS (hashicorp/aws 6.25.0) resource types of the estate that need a second look when destroyed, added or lowered. */
export const AWS_RESOURCES: CloudResources = {
  cloud: 'aws',
  stateful: [
    { type: 'aws_s3_bucket', why: 'the state or reports it holds go with it, versions included', onlyStateOrReports: true },
    { type: 'aws_kms_key', why: 'whatever it encrypted (state, reports, secrets, logs) becomes unreadable once the deletion window ends' },
    { type: 'aws_eks_cluster', why: 'the cluster and every workload on it go with it' },
  ],
  clusterTypes: ['aws_eks_cluster'],
  budgets: [
    {
      // hashicorp/terraform-provider-aws internal/service/budgets/budget.go: limit_amount is a string, notification a set of blocks.
      type: 'aws_budgets_budget',
      amountPath: 'limit_amount',
      amount: (body) => numberAt(body, 'limit_amount'),
      alerts: (body) =>
        nestedBlocks(body, 'notification').flatMap((notification) => {
          const threshold =
            `${numberAt(notification, 'threshold') ?? '?'}${stringAt(notification, 'threshold_type') === 'ABSOLUTE_VALUE' ? '' : '%'} ${stringAt(notification, 'notification_type') ?? ''}`.trim();
          const recipients = [...stringsAt(notification, 'subscriber_email_addresses'), ...stringsAt(notification, 'subscriber_sns_topic_arns')];
          return recipients.map((recipient) => `${threshold} -> ${recipient}`);
        }),
    },
  ],
};
