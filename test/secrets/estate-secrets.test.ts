import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { synthesizeKubernetes } from '../../apps/synth/synthesize-kubernetes';
import { blockingResults } from '../../constructs/rules/result';
import { RequiredSecret } from '../../constructs/secrets/required-secret';
import { secretInventoryViolations } from '../../constructs/secrets/secrets-inventory';
import type { EnvironmentSpec } from '../../environments/types';
import { objectsOf } from '../platform/render-environment';
import { fixtureEnvironment } from '../support/fixture-environment';

const dev = fixtureEnvironment({ tier: 'development' });

/** An environment with an AKS and a GKE cluster that also pages: every reader of the estate declares. */
const spec: EnvironmentSpec = { ...dev, notifications: { ...dev.notifications, pagerDutyService: 'fixture-pd' } };
const clusters = spec.clusters.map((c) => c.name).sort();
const management = spec.clusters.find((c) => c.role === 'management')!.name;
const aks = spec.clusters.filter((c) => c.cloud === 'azure').map((c) => c.name);

describe("the estate's secrets inventory", () => {
  const part = synthesizeKubernetes(spec);
  const json = JSON.parse(part.files.get(`secrets-inventory/${spec.name}/secrets.json`) ?? 'null') as {
    secrets: { name: string; namespace: string; keys: { name: string }[]; readers: string[]; clusters: string[] }[];
  };
  const entry = (namespace: string, name: string) => json.secrets.find((s) => s.namespace === namespace && s.name === name);

  it('is written for the environment, with no Secret reference left unaccounted for', () => {
    expect(blockingResults(part.results)).toEqual([]);
    expect(part.files.get(`secrets-inventory/${spec.name}/secrets.md`)).toMatch(/^# Secrets the lab estate needs/);
  });

  it("lists Argo CD notifications' Slack token and PagerDuty key, on the management cluster", () => {
    expect(entry('argocd', 'argocd-notifications-secret')).toMatchObject({
      keys: [{ name: 'pagerduty-key-fixture-pd' }, { name: 'slack-token' }],
      clusters: [management],
    });
  });

  it("lists Alertmanager's notification keys and policy-reporter's Slack webhook (read by the report job too), on every cluster", () => {
    expect(entry('monitoring', 'alertmanager-notification-keys')).toMatchObject({
      keys: [{ name: 'pagerduty-routing-key' }, { name: 'slack-webhook-url' }],
      clusters,
    });
    const slack = entry('policy-reporter', 'policy-reporter-slack');
    expect(slack).toMatchObject({ keys: [{ name: 'webhook' }], clusters });
    expect(slack?.readers).toEqual([expect.stringMatching(/^compliance-report CronJob/), expect.stringMatching(/^policy-reporter: /)]);
  });

  it("lists Fluent Bit's Azure credentials on the AKS clusters only", () => {
    expect(entry('monitoring', 'fluent-bit-azure-logs')).toMatchObject({ clusters: aks });
  });

  it("lists Grafana's admin credentials and its SSO client secret, on every cluster", () => {
    expect(entry('monitoring', 'grafana-admin')).toMatchObject({ keys: [{ name: 'admin-password' }, { name: 'admin-user' }], clusters });
    expect(entry('monitoring', 'grafana-oidc')).toMatchObject({ keys: [{ name: 'clientSecret' }], clusters });
  });

  it('refuses to synthesize a reference whose declaration is missing', () => {
    const of = jest.spyOn(RequiredSecret, 'of').mockReturnValue([]);
    try {
      const refused = blockingResults(synthesizeKubernetes(spec).results);
      expect(refused.map((v) => v.value)).toEqual(expect.arrayContaining(['"argocd/argocd-notifications-secret key slack-token"']));
      expect(refused.every((v) => v.environment === spec.name && /no RequiredSecret declares/.test(v.problem ?? ''))).toBe(true);
    } finally {
      of.mockRestore();
    }
  });

  it('would refuse each of these references without its declaration', () => {
    const refused = secretInventoryViolations(objectsOf(spec), [], spec).map((v) => JSON.parse(v.value) as string);
    const secrets = new Set(refused.map((value) => value.split(' ')[0]));
    expect([...secrets].sort()).toEqual([
      'argo-rollouts/argo-rollouts-notification-secret',
      'argocd/argocd-notifications-secret',
      'argocd/argocd-oidc',
      'monitoring/alertmanager-notification-keys',
      'monitoring/fluent-bit-azure-logs',
      'monitoring/grafana-admin',
      'monitoring/grafana-oidc',
      'policy-reporter/policy-reporter-slack',
    ]);
    expect(RequiredSecret.of(buildKubernetesEstate(spec).app).length).toBeGreaterThanOrEqual(5);
  });
});
