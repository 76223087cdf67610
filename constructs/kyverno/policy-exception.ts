import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { isIsoDate } from '../core/calendar';
import { type Finding, finding } from '../core/finding';
import { EXCEPTION_ANNOTATIONS } from '../kubernetes/gitops-cdk-labels';
import { addStructuredValidation } from '../rules/structured-validation';
import type { ClusterPolicy } from './cluster-policy';
import type { MatchResources, PolicyExceptionSpec } from './types';

/** Kyverno only honours exceptions in the namespace its Helm values name (see addon-catalog.ts). */
export const POLICY_EXCEPTION_NAMESPACE = 'kyverno';

/** Shorter than this is not a reason a reviewer can check ("legacy", "tmp"). */
export const MIN_REASON_LENGTH = 20;

/** A waiver of named policy rules for named resources, with someone accountable and an end date. */
export interface PolicyExceptionDefinition {
  /** DNS-label name of the PolicyException. */
  readonly name: string;
  /** Environments it applies in; it is synthesized into each. */
  readonly environments: readonly string[];
  /** Team accountable for removing the need for it. */
  readonly owner: string;
  /** Why the policy cannot be met yet and what compensates; at least 20 characters. */
  readonly reason: string;
  /** Tracking issue, e.g. `PLAT-1234`. */
  readonly ticket?: string;
  /**
   * Last day (UTC, `YYYY-MM-DD`) it applies; synth refuses it from the next day on. Production
   * refuses exceptions without one.
   */
  readonly expires?: string;
  /** The policies and rule names (as in the policy definition) it waives. */
  readonly waives: readonly { readonly policy: string; readonly rules: readonly string[] }[];
  /** The resources it applies to; keep it to named namespaces and names. */
  readonly match: MatchResources;
}

export interface PolicyExceptionProps {
  readonly definition: PolicyExceptionDefinition;
  /** The environment's policies, to resolve rule names and catch typos. */
  readonly policies: readonly ClusterPolicy[];
  /** Today in UTC (`YYYY-MM-DD`); an exception whose `expires` is before it is refused. */
  readonly today: string;
}

/**
 * A Kyverno `kyverno.io/v2` PolicyException. Rule names are resolved against the environment's
 * rendered policies: one definition rule may render as several (canary split, A/B variants), and
 * Kyverno's auto-generated rules for Pod controllers (`autogen-*`) must be waived as well, or the
 * exception would cover bare Pods but not the Deployment that creates them.
 */
export class PolicyException extends Construct {
  constructor(scope: Construct, id: string, props: PolicyExceptionProps) {
    super(scope, id);
    const { definition, policies, today } = props;
    addStructuredValidation(this, () => problemsOf(definition, policies, today));

    const exceptions = definition.waives.map((waiver) => {
      const policy = policies.find((p) => p.definition.name === waiver.policy);
      const rendered = (policy?.rules ?? []).filter((r) => waiver.rules.includes(r.source)).map((r) => r.rule.name);
      return { policyName: waiver.policy, ruleNames: rendered.flatMap((name) => [name, `autogen-${name}`, `autogen-cronjob-${name}`]) };
    });
    const spec: PolicyExceptionSpec = { background: true, exceptions, match: definition.match };
    new ApiObject(this, 'Resource', {
      apiVersion: 'kyverno.io/v2',
      kind: 'PolicyException',
      metadata: {
        name: definition.name,
        namespace: POLICY_EXCEPTION_NAMESPACE,
        annotations: {
          [EXCEPTION_ANNOTATIONS.owner]: definition.owner,
          [EXCEPTION_ANNOTATIONS.reason]: definition.reason,
          ...(definition.expires !== undefined ? { [EXCEPTION_ANNOTATIONS.expires]: definition.expires } : {}),
          ...(definition.ticket !== undefined ? { [EXCEPTION_ANNOTATIONS.ticket]: definition.ticket } : {}),
        },
      },
      spec,
    });
  }
}

/** What is wrong with the exception, field by field (a construct validation's findings). */
function problemsOf(definition: PolicyExceptionDefinition, policies: readonly ClusterPolicy[], today: string): Finding[] {
  const problems: Finding[] = [];
  if (definition.reason.trim().length < MIN_REASON_LENGTH) {
    problems.push(
      finding(
        'reason',
        definition.reason,
        `an exception needs a reason of at least ${MIN_REASON_LENGTH} characters`,
        `say why the policy cannot be met yet and what compensates, in policies/exceptions/${definition.name}.ts`,
      ),
    );
  }
  if (definition.owner.trim() === '') {
    problems.push(finding('owner', '', 'an exception needs an accountable team', "set owner, e.g. 'team-payments'"));
  }
  if (definition.expires !== undefined) {
    if (!isIsoDate(definition.expires)) {
      problems.push(finding('expires', definition.expires, 'not a date', "use YYYY-MM-DD, e.g. '2027-03-31'"));
    } else if (definition.expires < today) {
      problems.push(
        finding(
          'expires',
          definition.expires,
          `the exception expired (today is ${today})`,
          `remove policies/exceptions/${definition.name}.ts, or renew it with a new date and an updated reason`,
        ),
      );
    }
  }
  for (const waiver of definition.waives) {
    const policy = policies.find((p) => p.definition.name === waiver.policy);
    if (policy === undefined) {
      problems.push(
        finding('waives.policy', waiver.policy, "the environment's catalog release has no such policy", `use one of ${policies.map((p) => p.definition.name).join(', ')}`),
      );
      continue;
    }
    const known = [...new Set(policy.rules.map((r) => r.source))];
    for (const rule of waiver.rules.filter((r) => !known.includes(r))) {
      problems.push(finding('waives.rules', rule, `policy ${waiver.policy} has no such rule`, `use one of ${known.join(', ')}`));
    }
    if (waiver.rules.length === 0) problems.push(finding('waives.rules', [], 'name the rules waived', `one of ${known.join(', ')}`));
  }
  return problems;
}
