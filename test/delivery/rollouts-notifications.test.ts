import { parse } from 'yaml';
import { ARGO_ROLLOUTS_ADDON, ROLLOUTS_NOTIFICATION_SECRET } from '../../constructs/platform/addons/argo-rollouts';
import { findSecretReferences } from '../../constructs/secrets/secret-references';
import { field, manifestOf, objectsOf } from '../platform/render-environment';
import { fixtureEnvironment } from '../support/fixture-environment';

const spec = fixtureEnvironment({ tier: 'production' });

/** The ApplicationSet's Go template turns the literal `{{ "{{" }}` back into `{{`. */
function asTheApplicationSetRendersIt(text: string): string {
  return text.replaceAll('{{ "{{" }}', '{{');
}

function renderedValues(): Record<string, unknown> {
  const set = manifestOf(objectsOf(spec), 'ApplicationSet', 'argo-rollouts');
  return parse(String(field(set, 'spec.template.spec.source.helm.values'))) as Record<string, unknown>;
}

describe('Argo Rollouts notifications: what an automated rollback tells people', () => {
  const notifications = field(renderedValues(), 'notifications') as Record<string, Record<string, string>>;

  it("subscribes the environment's Slack channel to aborted rollouts and failed or erroring analysis runs", () => {
    expect(field(notifications, 'subscriptions')).toEqual([
      { recipients: [`slack:${spec.notifications.slackChannel}`], triggers: ['on-rollout-aborted', 'on-analysis-run-failed', 'on-analysis-run-error'] },
    ]);
  });

  it('declares each event trigger with its template, the message naming the environment, namespace and reason', () => {
    const triggers = notifications.triggers ?? {};
    const templates = notifications.templates ?? {};
    expect(parse(triggers['trigger.on-rollout-aborted'] ?? '')).toEqual([{ send: ['rollout-aborted'] }]);
    expect(parse(triggers['trigger.on-analysis-run-failed'] ?? '')).toEqual([{ send: ['analysis-run-failed'] }]);
    // Escaped for the ApplicationSet's Go template, which renders `{{ "{{" }}` back to `{{` before the chart sees it.
    const template = templates['template.rollout-aborted'] ?? '';
    expect(template).toContain('{{ "{{" }}.rollout.metadata.name}}');
    const aborted = parse(asTheApplicationSetRendersIt(template)) as { message: string };
    expect(aborted.message).toBe(
      '[live] Rollout {{.rollout.metadata.namespace}}/{{.rollout.metadata.name}} aborted and is back on its stable version: {{.rollout.status.message}}',
    );
  });

  it('reads the Slack token from argo-rollouts-notification-secret, declared as a required slot on every cluster', () => {
    expect(parse(notifications.notifiers?.['service.slack'] ?? '')).toEqual({ token: '$slack-token' });
    const declared = ARGO_ROLLOUTS_ADDON.secrets?.(spec) ?? [];
    expect(declared.map((s) => [s.name, s.keys.map((k) => k.name)])).toEqual([[ROLLOUTS_NOTIFICATION_SECRET, ['slack-token']]]);
  });

  it('is seen by the secrets inventory as a reference in the argo-rollouts namespace', () => {
    const refs = findSecretReferences(objectsOf(spec)).filter((r) => r.name === ROLLOUTS_NOTIFICATION_SECRET);
    expect(refs.map((r) => [r.namespace, r.key])).toEqual([['argo-rollouts', 'slack-token']]);
    expect(refs[0]?.field).toMatch(/helm\.values: notifications\.notifiers\.service\.slack$/);
  });
});
