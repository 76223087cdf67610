import { BillingBudget } from '@cdktf/provider-google/lib/billing-budget';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { GcpProject } from '../cloud-accounts';
import type { BudgetSpec } from '../infrastructure-spec';
import type { CostTag } from '../tenant-budgets';

/** A budget may notify at most five Cloud Monitoring channels. */
const MAX_CHANNELS = 5;

export interface GcpBudgetProps {
  readonly environment: string;
  readonly project: GcpProject;
  readonly budget: BudgetSpec;
  /** Labels every notification channel carries (`user_labels`; the provider's defaults skip them). */
  readonly labels: Readonly<Record<string, string>>;
  /**
   * Provider whose API calls bill quota to the project: the Budget API refuses calls that have
   * no quota project (e.g. from a service account impersonated through workload identity).
   */
  readonly quotaProvider: TerraformProvider;
  /**
   * Count only the spend of resources labelled so, in the environment's project (a budget filters
   * on one label only; the project already pins the environment). The display name says whose.
   * @default - the label `env: <environment>`
   */
  readonly tag?: CostTag;
  /** Resources to create first (the Monitoring and Budget APIs). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The monthly budget of the environment's GCP project: one alert on actual spend per threshold of
 * the spec, sent to one e-mail notification channel per address (and to the billing account's
 * administrators, GCP's default recipients).
 *
 * The filter is the project AND the `env` label: only spend on resources labelled with this
 * environment (every labelled resource of these stacks, through the provider's default labels)
 * counts. Spend GCP reports without resource labels (some network and support SKUs) is outside
 * the budget; drop the label filter if the project ever holds only this environment's spend and
 * should be budgeted whole.
 */
export class GcpBudget extends Construct {
  readonly budget: BillingBudget;
  readonly channels: MonitoringNotificationChannel[];

  constructor(scope: Construct, id: string, props: GcpBudgetProps) {
    super(scope, id);
    const { environment, budget } = props;
    // `dev` for the environment's budget, `dev tenant payments` for a tenant's.
    const subject = props.tag === undefined ? environment : `${environment} ${props.tag.key} ${props.tag.value}`;
    if (budget.notifyEmails.length > MAX_CHANNELS) {
      throw new Error(
        `${environment}: ${this.node.path}: infrastructure.budget.notifyEmails has ${budget.notifyEmails.length} addresses; ` +
          `a GCP budget notifies at most ${MAX_CHANNELS} channels (use a mailing list address)`,
      );
    }

    this.channels = budget.notifyEmails.map(
      (email) =>
        new MonitoringNotificationChannel(this, `email-${channelId(email)}`, {
          type: 'email',
          displayName: `Budget ${subject}: ${email}`,
          labels: { email_address: email },
          userLabels: { ...props.labels },
          dependsOn: props.dependsOn,
        }),
    );

    // Budget filters name projects by number (`projects/123456789012`); the API rewrites an id
    // into the number, which would show as a change on every plan.
    const project = new DataGoogleProject(this, 'project', { projectId: props.project.projectId, dependsOn: props.dependsOn });

    this.budget = new BillingBudget(this, 'budget', {
      provider: props.quotaProvider,
      // Budgets live on the billing account (the spec's, validated); the identities' roles on it
      // are granted next to the identities (billing-account-access.ts).
      billingAccount: props.project.billingAccount,
      displayName: `${subject} monthly (${budget.currency} ${budget.monthlyLimit})`,
      // The currency must be the billing account's own, or the API refuses the budget.
      amount: { specifiedAmount: amountOf(budget) },
      budgetFilter: {
        projects: [`projects/${project.number}`],
        labels: props.tag === undefined ? { env: environment } : { [props.tag.key]: props.tag.value },
        calendarPeriod: 'MONTH',
        creditTypesTreatment: 'INCLUDE_ALL_CREDITS',
      },
      thresholdRules: budget.alertThresholds.map((percent) => ({ thresholdPercent: percent / 100, spendBasis: 'CURRENT_SPEND' })),
      allUpdatesRule: {
        monitoringNotificationChannels: this.channels.map((channel) => channel.id),
        disableDefaultIamRecipients: false,
      },
      dependsOn: props.dependsOn,
    });
  }
}

/** The limit as the API's money type: whole units as a string, the fraction in nanos. */
function amountOf(budget: BudgetSpec): { currencyCode: string; units: string; nanos?: number } {
  const units = Math.trunc(budget.monthlyLimit);
  const nanos = Math.round((budget.monthlyLimit - units) * 1e9);
  return nanos === 0 ? { currencyCode: budget.currency, units: String(units) } : { currencyCode: budget.currency, units: String(units), nanos };
}

/** `finops@acme.example` -> `finops-acme-example`: a construct id that stays stable per address. */
function channelId(email: string): string {
  return email
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
