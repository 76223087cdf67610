import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { FailureAction } from './failure-action';
import type { MatchResources, Pattern } from './types';

export interface ValidateRuleProps {
  readonly name: string;
  readonly match: MatchResources;
  readonly exclude?: MatchResources;
  readonly message: string;
  readonly pattern: Pattern;
}

export interface ClusterPolicyProps {
  readonly name: string;
  readonly title: string;
  readonly category: string;
  readonly severity: 'low' | 'medium' | 'high';
  readonly description: string;
  readonly rules: readonly ValidateRuleProps[];
  readonly failureAction: FailureAction;
  /**
   * Also scan existing resources, not only admission requests, so Audit mode reports on what is
   * already running. @default true
   */
  readonly background?: boolean;
}

/** A Kyverno ClusterPolicy of validate rules whose failure action comes from the environment. */
export class ClusterPolicy extends Construct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: ClusterPolicyProps) {
    super(scope, id);
    this.name = props.name;
    const { action, overrides } = props.failureAction;
    new ApiObject(this, 'Resource', {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: {
        name: props.name,
        annotations: {
          'policies.kyverno.io/title': props.title,
          'policies.kyverno.io/category': props.category,
          'policies.kyverno.io/severity': props.severity,
          'policies.kyverno.io/description': props.description,
        },
      },
      spec: {
        background: props.background ?? true,
        rules: props.rules.map((rule) => ({
          name: rule.name,
          match: rule.match,
          ...(rule.exclude ? { exclude: rule.exclude } : {}),
          validate: {
            message: rule.message,
            failureAction: action,
            ...(overrides.length > 0 ? { failureActionOverrides: overrides } : {}),
            pattern: rule.pattern,
          },
        })),
      },
    });
  }
}
