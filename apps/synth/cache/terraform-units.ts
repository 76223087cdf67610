import { randomUUID } from 'node:crypto';
import type { TerraformStackPlan } from '../../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../../environments/types';
import type { RenderedStackUnit, SynthesizedStack } from '../render-stacks';
import { readsStillHold, type SpecRead } from './spec-reads';
import type { SynthCache } from './synth-cache';

/** What a cached stack was synthesized from besides the code: the stacks it stands on and every value it read of the spec. */
interface StackInputs {
  /** This build of the stack, named by the stacks built with it. */
  readonly id: string;
  readonly dependsOn: readonly string[];
  /**
   * The build of each stack it stands on that it was built with: an interrupted save (or another
   * synth sharing the folder) can leave a newer build of a producer beside this stack, which then
   * does not hold.
   */
  readonly producers: Readonly<Record<string, string>>;
  readonly reads: readonly SpecRead[];
}

/**
 * The stacks of an environment, in plan order, from the cache where they still hold
 * (`stacksStillHolding`), the others rendered by `render` with their spec reads recorded and kept.
 */
export async function cachedStacks(
  cache: SynthCache,
  spec: EnvironmentSpec,
  plans: readonly TerraformStackPlan[],
  render: (names: readonly string[], record: boolean) => Promise<RenderedStackUnit[]>,
): Promise<SynthesizedStack[]> {
  const kept = stacksStillHolding(cache, spec, plans);
  const fresh = new Map(
    (
      await render(
        plans.filter((plan) => !kept.has(plan.name)).map((plan) => plan.name),
        true,
      )
    ).map((unit) => [unit.name, unit]),
  );
  // The build of every stack, in apply order: producers are named before their consumers.
  const builds = new Map<string, string>();
  return plans.map((plan) => {
    const held = kept.get(plan.name);
    if (held !== undefined) {
      cache.reused();
      builds.set(plan.name, held.id);
      return held.stack;
    }
    const unit = fresh.get(plan.name);
    if (unit === undefined) throw new Error(`${spec.name}: Terraform stack ${plan.name} was neither in the cache nor rendered`);
    const id = randomUUID();
    builds.set(plan.name, id);
    const producers = Object.fromEntries(plan.dependsOn.map((name) => [name, builds.get(name) ?? '']));
    cache.keep<SynthesizedStack>('terraform', spec.name, plan.name, { id, dependsOn: plan.dependsOn, producers, reads: unit.reads } satisfies StackInputs, unit.stack);
    return unit.stack;
  });
}

/**
 * The stacks the cache holds that a fresh synth would render the same: written by the same code,
 * standing on the same stacks in the builds they were built with, and neither they nor any stack
 * they stand on (whose objects they were built with) read a value of the spec that has changed since.
 */
function stacksStillHolding(cache: SynthCache, spec: EnvironmentSpec, plans: readonly TerraformStackPlan[]): Map<string, { id: string; stack: SynthesizedStack }> {
  const entries = new Map(plans.map((plan) => [plan.name, cache.read<SynthesizedStack>('terraform', spec.name, plan.name)]));
  const byName = new Map(plans.map((plan) => [plan.name, plan]));
  const holds = new Map<string, boolean>();
  const check = (plan: TerraformStackPlan): boolean => {
    const known = holds.get(plan.name);
    if (known !== undefined) return known;
    const entry = entries.get(plan.name);
    const inputs = entry?.inputs as StackInputs | undefined;
    const result =
      inputs !== undefined &&
      sameList(inputs.dependsOn, plan.dependsOn) &&
      readsStillHold(spec, inputs.reads) &&
      plan.dependsOn.every((name) => {
        const producer = byName.get(name);
        const built = (entries.get(name)?.inputs as StackInputs | undefined)?.id;
        return producer !== undefined && built !== undefined && inputs.producers?.[name] === built && check(producer);
      });
    holds.set(plan.name, result);
    return result;
  };
  const kept = new Map<string, { id: string; stack: SynthesizedStack }>();
  for (const plan of plans) {
    const entry = entries.get(plan.name);
    if (entry !== undefined && check(plan)) kept.set(plan.name, { id: (entry.inputs as StackInputs).id, stack: entry.output });
  }
  return kept;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
