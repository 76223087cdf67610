import type { CloudStacks, TerraformStackEntry } from '../stack-entry';
import { StateFoundationStack } from './state-foundation-stack';

/** The AWS stacks of an environment with an AWS account, in apply order. */
export const awsStacks: CloudStacks = (scope, spec, stackId) => {
  const props = StateFoundationStack.propsFromSpec(spec);
  if (props === undefined) return [];
  const entries: TerraformStackEntry[] = [
    { name: StateFoundationStack.LAYER, stack: new StateFoundationStack(scope, stackId(StateFoundationStack.LAYER), props), dependsOn: [] },
  ];
  return entries;
};
