import { Aspects, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { TerraformStackEntry } from '../terraform/stack-entry';
import { declaredSuppressionResults, findingsOf, type ResultLocation, resultsUnder, safely } from './evaluate';
import { type StackRuleInput, stackRuleInput } from './inspect/stack-rule-input';
import { ResultRecorder, type RuleResult } from './result';
import type { TerraformResourceView, TerraformRule, TerraformRuleContext, TerraformRuleEnvironment } from './types';

export interface TerraformComplianceAspectOptions {
  /** The environment facts the rules compare resources with. */
  readonly environment: TerraformRuleEnvironment;
  /** Today in UTC (`YYYY-MM-DD`): suppressions that expired before it fail. */
  readonly today: string;
  /** Where the results go; read them with `recorder.results`. */
  readonly recorder: ResultRecorder;
  /** The stable name of a visited stack (`aws-foundation`). @default - the stack's construct id */
  readonly stackName?: (stack: TerraformStack) => string;
  /** The rules to run: the Terraform rules of the environment's pack. */
  readonly rules: readonly TerraformRule[];
  /** Every Terraform rule id a suppression may name. @default - the ids of `rules` */
  readonly knownRules?: ReadonlySet<string>;
  /**
   * Views of every stack of the environment, for environment-wide rules (a budget in another
   * stack). @default - the visited stack's own views only
   */
  readonly environmentResources?: readonly TerraformResourceView[];
}

/**
 * Runs Terraform rules on a stack when visited (cdk-nag's NagPack for cdktf). It
 * acts on `TerraformStack` nodes only, evaluates the given rules (a pack's) on every resource,
 * data source and provider block of the stack, checks the suppressions in and above it, and
 * records every result. Idempotent: visiting again (cdktf's `invokeAspects` during a render)
 * re-evaluates and replaces the earlier results. It never changes the tree.
 */
export class TerraformComplianceAspect implements IAspect {
  constructor(private readonly options: TerraformComplianceAspectOptions) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const stackName = this.options.stackName?.(node) ?? node.node.id;
    for (const result of evaluateStack(stackRuleInput(node, stackName), this.options)) this.options.recorder.record(result);
  }
}

/**
 * Evaluates the Terraform rules on every stack of one environment and returns the results, in
 * report order. Environment-wide rules see the views of all `entries`. Each stack gets a
 * `TerraformComplianceAspect` (so a later `invokeAspects`/`app.synth()` re-checks it); the rules
 * run here directly: nothing is prepared or rendered, and no other aspect runs. Call it after
 * `renderStack` so that aspects that add resources have run.
 */
export function evaluateTerraformRules(
  environment: TerraformRuleEnvironment,
  entries: readonly TerraformStackEntry[],
  today: string,
  rules: readonly TerraformRule[],
  knownRules: ReadonlySet<string> = new Set(rules.map((r) => r.id)),
): RuleResult[] {
  for (const entry of entries) {
    const aspect = new TerraformComplianceAspect({ environment, today, recorder: new ResultRecorder(), rules, knownRules, stackName: () => entry.name });
    Aspects.of(entry.stack).add(aspect);
  }
  return evaluateTerraformRuleInputs(
    environment,
    entries.map((entry) => stackRuleInput(entry.stack, entry.name)),
    today,
    rules,
    knownRules,
  );
}

/**
 * Evaluates the Terraform rules on the rule inputs of every stack of one environment (as data: the
 * synth keeps them of stacks it does not rebuild) and returns the results, in report order.
 * Environment-wide rules see the views of all `inputs`.
 */
export function evaluateTerraformRuleInputs(
  environment: TerraformRuleEnvironment,
  inputs: readonly StackRuleInput[],
  today: string,
  rules: readonly TerraformRule[],
  knownRules: ReadonlySet<string> = new Set(rules.map((r) => r.id)),
): RuleResult[] {
  const environmentResources = inputs.flatMap((input) => input.views.map((v) => v.view));
  const recorder = new ResultRecorder();
  for (const input of inputs) {
    for (const result of evaluateStack(input, { environment, today, recorder, rules, knownRules, environmentResources })) recorder.record(result);
  }
  return [...recorder.results];
}

/** Every rule result and failing suppression of one stack. */
function evaluateStack(input: StackRuleInput, options: TerraformComplianceAspectOptions): RuleResult[] {
  const { environment, today, rules } = options;
  const stackName = input.stack;
  const stackResources = input.views.map((v) => v.view);
  const context: TerraformRuleContext = { environment, stackResources, environmentResources: options.environmentResources ?? stackResources };
  const locate = (resource: string, path: string, unit = stackName): ResultLocation => ({ environment: environment.name, engine: 'terraform', unit, resource, path });

  const ruleResults = input.views.flatMap(({ view, suppressions }) =>
    rules
      .filter((rule) => appliesTo(rule, view))
      .flatMap((rule) => {
        const findings = safely(rule, { kind: 'resource', field: view.address, value: undefined }, () => findingsOf(rule.check(view, context)));
        return findings === undefined ? [] : resultsUnder(rule, findings, locate(view.address, view.path), suppressions, today);
      }),
  );

  const known = options.knownRules ?? new Set(rules.map((r) => r.id));
  const suppressions = [
    ...input.declared.flatMap((d) => declaredSuppressionResults(d.suppressions, locate(d.resource, d.path), today, known)),
    // Suppressions above the stack (on the app) apply to every stack; reported once per environment.
    ...input.above.flatMap((d) => declaredSuppressionResults(d.suppressions, locate(d.resource, d.path, '(all stacks)'), today, known)),
  ];
  return [...ruleResults, ...suppressions];
}

/** The type a rule names a view by: `aws_s3_bucket`, `data.aws_iam_policy_document`, `provider.aws`. */
export function selectorOf(view: TerraformResourceView): string {
  const mode = view.mode ?? 'managed';
  return mode === 'managed' ? view.type : `${mode === 'data' ? 'data' : 'provider'}.${view.type}`;
}

function appliesTo(rule: TerraformRule, view: TerraformResourceView): boolean {
  return rule.resourceTypes.includes(selectorOf(view)) || (rule.resourceTypes.includes('*') && (view.mode ?? 'managed') === 'managed');
}
