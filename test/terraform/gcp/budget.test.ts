import { Testing } from 'cdktf';
import { BILLING_ACCOUNT } from '../../../constructs/terraform/gcp/budget';
import { GcpFoundationStack } from '../../../constructs/terraform/gcp/foundation-stack';
import { standardTags } from '../../../constructs/terraform/tags';
import type { EnvironmentSpec } from '../../../environments/types';
import { block, blocksOf, GCP_ENVIRONMENTS, gcpBase, synthJson, withInfrastructure } from './gcp-test-helpers';

function foundationJson(spec: EnvironmentSpec): Record<string, unknown> {
  return synthJson(new GcpFoundationStack(Testing.app(), GcpFoundationStack.LAYER, spec));
}

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GCP budget in %s', (env, spec) => {
  const { budget } = spec.infrastructure;
  const json = foundationJson(spec);
  const billingBudget = block(json, 'google_billing_budget', 'budget-budget');

  it('limits the month to the amount and currency of the spec on the billing account', () => {
    expect(billingBudget).toMatchObject({
      billing_account: BILLING_ACCOUNT,
      amount: { specified_amount: { currency_code: budget.currency, units: String(budget.monthlyLimit) } },
    });
    expect(BILLING_ACCOUNT).toMatch(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/);
  });

  it('alerts on actual spend at every threshold of the spec', () => {
    expect(billingBudget.threshold_rules).toEqual(
      budget.alertThresholds.map((percent) => ({ threshold_percent: percent / 100, spend_basis: 'CURRENT_SPEND' })),
    );
  });

  it('counts the spend of the environment project labelled with the environment', () => {
    expect(billingBudget.budget_filter).toEqual({
      projects: ['projects/${data.google_project.budget-project.number}'],
      labels: { env },
      calendar_period: 'MONTH',
      credit_types_treatment: 'INCLUDE_ALL_CREDITS',
    });
    expect(block(json, 'google_project', 'budget-project', 'data').project_id).toBe(spec.clouds.gcp!.projectId);
  });

  it('sends every alert to one labelled e-mail channel per address', () => {
    const channels = blocksOf(json, 'google_monitoring_notification_channel');
    // Terraform JSON lists resources by name, so compare as sets.
    expect(Object.values(channels).map((c) => (c.labels as Record<string, string>).email_address).sort()).toEqual([...budget.notifyEmails].sort());
    for (const channel of Object.values(channels)) {
      expect(channel).toMatchObject({ type: 'email', user_labels: standardTags(spec) });
    }
    const rule = billingBudget.all_updates_rule as { monitoring_notification_channels: string[]; disable_default_iam_recipients: boolean };
    expect(rule.disable_default_iam_recipients).toBe(false);
    expect([...rule.monitoring_notification_channels].sort()).toEqual(
      Object.keys(channels).map((name) => `\${google_monitoring_notification_channel.${name}.id}`).sort(),
    );
  });

  it('calls the Budget API through the provider that bills quota to the project', () => {
    expect(billingBudget.provider).toBe('google.billing');
  });
});

describe('GCP budget variants', () => {
  const { spec } = gcpBase();

  it('follows other thresholds, amounts and currencies of the spec', () => {
    const other = withInfrastructure(spec, {
      budget: { ...spec.infrastructure.budget, monthlyLimit: 1234.5, currency: 'EUR', alertThresholds: [25, 90, 120] },
    });
    const json = foundationJson(other);
    const budget = block(json, 'google_billing_budget', 'budget-budget');
    expect(budget.amount).toEqual({ specified_amount: { currency_code: 'EUR', units: '1234', nanos: 500000000 } });
    expect((budget.threshold_rules as { threshold_percent: number }[]).map((r) => r.threshold_percent)).toEqual([0.25, 0.9, 1.2]);
  });

  it('rejects more than five recipients, the most a GCP budget notifies', () => {
    const many = withInfrastructure(spec, {
      budget: { ...spec.infrastructure.budget, notifyEmails: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@acme.example`) },
    });
    expect(() => foundationJson(many)).toThrow(/notifyEmails has 6 addresses; a GCP budget notifies at most 5 channels/);
  });
});
