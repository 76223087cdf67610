import { App, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import { StateFoundationStack } from './aws/state-foundation-stack';

/**
 * One Terraform layer: a stack class instantiated per environment when the environment has the
 * cloud it needs. Azure and GCP layers are added as rows of `LAYERS`, never as branches below.
 */
interface Layer {
  /** Stable layer name: the stack id, the folder `dist/terraform/<env>/<layer>/`, the state key. */
  readonly name: string;
  /** Creates the layer's stack, or returns `undefined` when the environment lacks its cloud. */
  readonly create: (scope: Construct, id: string, spec: EnvironmentSpec) => TerraformStack | undefined;
}

const LAYERS: readonly Layer[] = [
  {
    name: StateFoundationStack.LAYER,
    create: (scope, id, spec) => {
      const props = StateFoundationStack.propsFromSpec(spec);
      return props === undefined ? undefined : new StateFoundationStack(scope, id, props);
    },
  },
];

export interface TerraformStackEntry {
  /** Layer name, e.g. `state-foundation`. */
  readonly layer: string;
  readonly stack: TerraformStack;
}

/**
 * Adds every Terraform stack of `spec` to `scope`, in layer order. `stackId` maps a layer name to
 * the construct id: the per-environment apps use the layer name, the CLI app (one App for every
 * environment) prefixes it with the environment.
 */
export function addTerraformStacks(
  scope: Construct,
  spec: EnvironmentSpec,
  stackId: (layer: string) => string = (layer) => layer,
): TerraformStackEntry[] {
  const entries: TerraformStackEntry[] = [];
  for (const layer of LAYERS) {
    const stack = layer.create(scope, stackId(layer.name), spec);
    if (stack !== undefined) entries.push({ layer: layer.name, stack });
  }
  return entries;
}

/**
 * The Terraform stacks of one environment in their own cdktf `App`. Nothing is written: callers
 * render the stacks with `renderStack`; `app.synth()` must not be called (`outdir` is a harmless
 * relative placeholder, never used).
 */
export function buildTerraformEstate(spec: EnvironmentSpec): { app: App; stacks: TerraformStack[] } {
  // stackTraces off: construct creation stack traces are metadata full of absolute paths.
  const app = new App({ outdir: 'cdktf.out', stackTraces: false });
  const stacks = addTerraformStacks(app, spec).map((entry) => entry.stack);
  return { app, stacks };
}
