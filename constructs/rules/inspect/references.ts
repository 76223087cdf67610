import type { TerraformResourceView } from '../types';
import { at } from './attributes';

/** Regular-expression text matching `s` literally. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether an attribute value refers to `target`: it contains a reference to one of its attributes
 * (`${aws_s3_bucket.state.id}`, `${aws_s3_bucket.state.arn}/*`, or inside a larger expression),
 * or it equals one of the target's literal attributes named in `literals` (a bucket name written
 * out instead of referenced).
 */
export function refersTo(value: unknown, target: TerraformResourceView, literals: readonly string[] = []): boolean {
  if (typeof value !== 'string') return false;
  const reference = new RegExp(`(?<![\\w.-])${escapeRegExp(target.address)}\\.`);
  if (reference.test(value)) return true;
  return literals.some((name) => {
    const literal = target.attributes[name];
    return typeof literal === 'string' && !literal.includes('${') && literal === value;
  });
}

/** Whether a value is (or contains) a Terraform expression rather than a literal known at synth. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/**
 * The resources of `type` whose `attribute` (a dotted path) refers to `target`: a bucket's
 * versioning, encryption or policy resources; a cluster's diagnostic settings.
 */
export function companionsOf(
  target: TerraformResourceView,
  resources: readonly TerraformResourceView[],
  type: string,
  attribute: string,
  literals: readonly string[] = [],
): TerraformResourceView[] {
  return resources.filter((r) => (r.mode ?? 'managed') === 'managed' && r.type === type && refersTo(at(r.attributes, attribute), target, literals));
}

/** Managed resources of the given types. */
export function resourcesOfType(resources: readonly TerraformResourceView[], ...types: readonly string[]): TerraformResourceView[] {
  return resources.filter((r) => (r.mode ?? 'managed') === 'managed' && types.includes(r.type));
}

/** The view a `${...}` reference points to (`${data.aws_iam_policy_document.trust.json}`), if it is in `resources`. */
export function referencedView(value: unknown, resources: readonly TerraformResourceView[]): TerraformResourceView | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{((?:data\.)?[A-Za-z0-9_]+\.[A-Za-z0-9_-]+)\.[A-Za-z0-9_.[\]"-]+\}$/.exec(value.trim());
  if (match === null) return undefined;
  return resources.find((r) => r.address === match[1]);
}

/** The cloud prefix of a resource type: `aws`, `azurerm`, `google`. */
export function providerTypeOf(resourceType: string): string {
  return resourceType.split('_')[0] ?? resourceType;
}

/**
 * The provider block a resource is created with: the one its `provider` attribute names
 * (`aws.replica`), or the default (unaliased) one of its cloud, from the resource's own stack.
 */
export function providerOf(resource: TerraformResourceView, resources: readonly TerraformResourceView[]): TerraformResourceView | undefined {
  const named = resource.attributes.provider;
  const [type, alias] = typeof named === 'string' ? named.split('.') : [providerTypeOf(resource.type), undefined];
  return resources.find((r) => r.mode === 'provider' && r.stack === resource.stack && r.type === type && r.name === (alias ?? 'default'));
}
