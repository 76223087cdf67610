import { AnnotationMetadataEntryType, TerraformBackend, type TerraformStack } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { constructViolation, validationViolations } from '../rules/construct-violations';
import type { Violation } from '../rules/violation';
import { canonicalHcl } from './canonical-hcl';
import { layoutHcl } from './hcl-layout';

export interface RenderedStack {
  /** `main.tf`: the stack as HCL, formatted like `terraform fmt`. */
  readonly hcl: string;
  /** The same stack as Terraform JSON (`cdk.tf.json`), including cdktf's `//` metadata keys. */
  readonly json: Record<string, unknown>;
  /** Construct validations and error annotations, collected instead of thrown. */
  readonly violations: Violation[];
}

/** Marker cdktf's HCL renderer emits when it stringifies a nested block (terraform-cdk#3630, #3529). */
const OBJECT_LEAK = '[object Object]';

/**
 * Stacks already prepared by `renderStack`. Preparing twice would run every aspect twice, which
 * is wrong for any aspect that adds rather than checks; rendering twice must give the same text.
 */
const prepared = new WeakSet<TerraformStack>();

/**
 * Prepares the stack as `app.synth()` would (once: aspects add as well as check) and returns its
 * problems as `Violation`s: a missing backend, construct validations and error annotations. What
 * `renderStack` reports, without rendering anything, for callers that need only the verdict.
 */
export function stackViolations(stack: TerraformStack, environment: string): Violation[] {
  const violations: Violation[] = [];
  if (!prepared.has(stack)) {
    // Checked before `prepareStack`, which adds the local backend it would otherwise hide.
    if (!stack.node.findAll().some((c) => TerraformBackend.isBackend(c))) {
      violations.push({
        environment,
        path: stack.node.path,
        field: 'terraform.backend',
        value: 'missing',
        problem: 'the stack declares no backend, so cdktf adds a local one with an absolute path of this machine ' + '(state on a laptop, output that differs per machine)',
        fix: 'declare the backend in the stack constructor, e.g. addS3StateBackend(this, ...)',
      });
    }
    stack.prepareStack();
    invokeAspects(stack);
    prepared.add(stack);
  }
  violations.push(...collectValidations(stack, environment));
  return violations;
}

/**
 * Renders one stack to formatted HCL and Terraform JSON without writing anything, doing what
 * `app.synth()` does for a stack (prepare, aspects, validations) except that problems come back as
 * `Violation`s so that the caller can report those of every stack and environment together.
 *
 * Deterministic: the output depends only on the construct tree (no timestamps, no absolute paths;
 * a stack without a backend, which would get a local backend with this machine's path, is reported
 * as a violation).
 *
 * @throws Error when the rendered HCL contains `[object Object]`: an upstream renderer bug that
 * would produce invalid Terraform, never to be written or committed.
 */
export async function renderStack(stack: TerraformStack, environment: string): Promise<RenderedStack> {
  const unformatted = renderUnformattedStack(stack, environment);
  const hcl = await formatStackHcl(unformatted.hcl);

  // The JSON is a second full resolution of the stack: computed only for callers that read it
  // (tests, the round trip), not on every synth.
  let json: Record<string, unknown> | undefined;
  return {
    hcl,
    violations: unformatted.violations,
    get json(): Record<string, unknown> {
      if (json === undefined) {
        const synthesized = stack.toTerraform() as unknown;
        if (!isRecord(synthesized)) throw new Error(`${environment}: ${stack.node.path}: cdktf rendered no JSON object`);
        json = synthesized;
      }
      return json;
    },
  };
}

/**
 * The part of `renderStack` that reads the construct tree (prepare, aspects, validations, cdktf's
 * HCL renderer), synchronous, leaving out the formatting: the HCL as cdktf writes it.
 */
export function renderUnformattedStack(stack: TerraformStack, environment: string): { readonly hcl: string; readonly violations: Violation[] } {
  const violations = stackViolations(stack, environment);
  const rendered = stack.toHclTerraform() as unknown;
  const raw = isRecord(rendered) ? rendered.hcl : undefined;
  if (typeof raw !== 'string') throw new Error(`${environment}: ${stack.node.path}: cdktf rendered no HCL`);
  assertNoObjectLeak(raw, environment, stack.node.path);
  return { hcl: raw, violations };
}

/**
 * cdktf's HCL formatted like `terraform fmt`: laid out by `layoutHcl`, or by the formatter of
 * `@cdktf/hcl-tools` (loaded only then) for input `layoutHcl` does not recognise; then
 * `canonicalHcl`.
 */
export async function formatStackHcl(raw: string): Promise<string> {
  return canonicalHcl(layoutHcl(raw) ?? (await realHclFormat(raw)));
}

/** The Go formatter of hclwrite, compiled to WebAssembly: the oracle `layoutHcl` is tested against. */
export async function realHclFormat(raw: string): Promise<string> {
  const { format } = await import('@cdktf/hcl-tools');
  return format(raw);
}

/** `node.validate()` messages and error annotations of every construct in the stack. */
function collectValidations(stack: TerraformStack, environment: string): Violation[] {
  const constructs = stack.node.findAll();
  const annotations = constructs.flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === AnnotationMetadataEntryType.ERROR)
      .map((entry) => constructViolation(construct, environment, 'annotation', String(entry.data))),
  );
  return [...validationViolations(constructs, environment), ...annotations];
}

function assertNoObjectLeak(hcl: string, environment: string, path: string): void {
  const index = hcl.indexOf(OBJECT_LEAK);
  if (index < 0) return;
  const lines = hcl.slice(0, index).split('\n');
  const lineNumber = lines.length;
  const line = hcl.split('\n')[lineNumber - 1]?.trim() ?? '';
  throw new Error(
    `${environment}: ${path}: the HCL renderer of cdktf wrote "${OBJECT_LEAK}" at line ${lineNumber} ` +
      `(\`${line}\`): a known upstream bug with nested blocks (hashicorp/terraform-cdk#3630, #3529). ` +
      'Nothing was written. Fix: express the attribute differently (e.g. a list of blocks, or Fn.jsonencode ' +
      'for policies), or synthesize this stack as JSON.',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
