import { TERRAFORM_RULES } from '../../constructs/rules/catalogue';
import { constructValidationResults } from '../../constructs/rules/construct-validation';
import { remoteStateViewsOf } from '../../constructs/rules/estate/remote-state-views';
import { terraformViewsOf } from '../../constructs/rules/inspect/terraform-views';
import { packFor } from '../../constructs/rules/packs';
import type { RuleResult } from '../../constructs/rules/result';
import { evaluateTerraformRules } from '../../constructs/rules/terraform-aspect';
import { renderStack } from '../../constructs/terraform/render-stack';
import type { TerraformStackEntry } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';
import { buildTerraformEstate } from '../assembly/terraform-estate';
import { terraformEnvironmentDir, terraformStackDir } from './dist-layout';
import { type EnginePart, outputPath, type SummaryRow } from './engine-part';
import { terraformRuleEnvironment } from './rule-environment';

/** The Terraform side of one environment's synth: every stack's HCL, the apply order, the rules of the tier's pack. */
export async function synthesizeTerraform(spec: EnvironmentSpec, today: string): Promise<EnginePart> {
  const estate = buildTerraformEstate(spec);
  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  const results: RuleResult[] = [];
  for (const { name, stack } of estate.entries) {
    const rendered = await renderStack(stack, spec.name);
    results.push(...constructValidationResults(rendered.violations, 'terraform', name));
    files.set(`${outputPath(terraformStackDir(spec.name, name))}/main.tf`, rendered.hcl);
    summary.push({
      environment: spec.name,
      engine: 'terraform',
      unit: name,
      files: 1,
      resources: countTerraformResources(rendered.hcl),
    });
  }
  if (estate.entries.length > 0) {
    files.set(`${outputPath(terraformEnvironmentDir(spec.name))}/apply-order.json`, applyOrderJson(estate.entries));
  }
  // After rendering: the rules see the stacks exactly as written (backends, overrides, tags).
  const known = new Set(TERRAFORM_RULES.map((r) => r.id));
  results.push(...evaluateTerraformRules(terraformRuleEnvironment(spec), estate.entries, today, packFor(spec.tier).terraform, known));
  const views = estate.entries.flatMap(({ name, stack }) => [...terraformViewsOf(stack, name).map(({ view }) => view), ...remoteStateViewsOf(stack, name)]);
  return { files, summary, results, views };
}

/**
 * The order a pipeline applies the environment's stacks in, and what each reads state from:
 * `jq -r '.[].stack'` gives the folders in order.
 */
function applyOrderJson(entries: readonly TerraformStackEntry[]): string {
  return `${JSON.stringify(
    entries.map((e) => ({ stack: e.name, dependsOn: [...e.dependsOn] })),
    null,
    2,
  )}\n`;
}

/** Resource blocks declared in a root module's HCL (`resource "<type>" "<name>" {` at column 0). */
function countTerraformResources(hcl: string): number {
  return (hcl.match(/^resource "/gm) ?? []).length;
}
