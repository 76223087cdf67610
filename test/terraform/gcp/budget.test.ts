import { BILLING_ROLES } from '../../../constructs/terraform/gcp/billing-account-access';
import { REQUIRED_APIS } from '../../../constructs/terraform/gcp/foundation-stack';
import { standardTags } from '../../../constructs/terraform/tags';
import { block, blocksOf, withInfrastructure } from '../terraform-json';
import { foundationJson, GCP_ENVIRONMENTS, gcpBase } from './gcp-test-helpers';

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GCP budget in %s', (env, spec) => {
  const { budget } = spec.infrastructure;
  const json = foundationJson(spec);
  const billingBudget = block(json, 'google_billing_budget', 'budget-budget');

  it("limits the month to the amount and currency of the spec on the spec's billing account", () => {
    expect(billingBudget).toMatchObject({
      billing_account: spec.clouds.gcp!.billingAccount,
      amount: { specified_amount: { currency_code: budget.currency, units: String(budget.monthlyLimit) } },
    });
  });

  it('takes the billing account from the spec, for the budget and for every grant on it', () => {
    const other = foundationJson({ ...spec, clouds: { ...spec.clouds, gcp: { ...spec.clouds.gcp!, billingAccount: '00AA11-22BB33-44CC55' } } });
    expect(block(other, 'google_billing_budget', 'budget-budget').billing_account).toBe('00AA11-22BB33-44CC55');
    const grants = Object.values(blocksOf(other, 'google_billing_account_iam_member'));
    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) expect(grant.billing_account_id).toBe('00AA11-22BB33-44CC55');
  });

  it('lets the plan identity read the budget and the apply identity manage it, on the billing account and nothing more', () => {
    const grants = Object.values(blocksOf(json, 'google_billing_account_iam_member')).map((g) => `${String(g.member)} ${String(g.role)}`);
    expect(grants.sort()).toEqual(['${google_service_account.ci-apply.member} roles/billing.costsManager', '${google_service_account.ci-plan.member} roles/billing.viewer'].sort());
    expect(BILLING_ROLES).toEqual({ 'read-budget': 'roles/billing.viewer', 'manage-budget': 'roles/billing.costsManager' });
    expect(REQUIRED_APIS).toContain('cloudbilling.googleapis.com');
  });

  it('alerts on actual spend at every threshold of the spec', () => {
    expect(billingBudget.threshold_rules).toEqual(budget.alertThresholds.map((percent) => ({ threshold_percent: percent / 100, spend_basis: 'CURRENT_SPEND' })));
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
    expect(
      Object.values(channels)
        .map((c) => (c.labels as Record<string, string>).email_address)
        .sort(),
    ).toEqual([...budget.notifyEmails].sort());
    for (const channel of Object.values(channels)) {
      expect(channel).toMatchObject({ type: 'email', user_labels: standardTags(spec) });
    }
    const rule = billingBudget.all_updates_rule as { monitoring_notification_channels: string[]; disable_default_iam_recipients: boolean };
    expect(rule.disable_default_iam_recipients).toBe(false);
    expect([...rule.monitoring_notification_channels].sort()).toEqual(
      Object.keys(channels)
        .map((name) => `\${google_monitoring_notification_channel.${name}.id}`)
        .sort(),
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
      budget: { ...spec.infrastructure.budget, notifyEmails: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@fixtureco.example`) },
    });
    expect(() => foundationJson(many)).toThrow(/notifyEmails has 6 addresses; a GCP budget notifies at most 5 channels/);
  });
});
