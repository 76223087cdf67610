import { isString, matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

const SLACK_CHANNEL = /^[a-z0-9_-]+$/;

export const specSlackChannel: SpecRule<EnvironmentSpec> = {
  id: 'spec-slack-channel',
  engine: 'spec',
  level: 'error',
  title: 'Notifications go to a Slack channel that exists',
  rationale: 'Sync failures and degraded applications are announced in Slack: a channel name Argo CD notifications cannot resolve sends them nowhere, silently.',
  controls: { soc2: ['CC7.2'], pciDss: [], iso27001: ['A.8.16'], gdpr: [] },
  check: (spec) => {
    const channel = spec.notifications.slackChannel;
    return unless(
      matches(channel, SLACK_CHANNEL),
      'notifications.slackChannel',
      channel,
      "must be a Slack channel name without the leading '#' (lowercase letters, digits, '-' and '_'): Argo CD notifications would go nowhere",
      `set it to ${JSON.stringify(isString(channel) && channel !== '' ? channel.replace(/^#/, '').toLowerCase() : 'platform-alerts')}`,
    );
  },
};
