import type { TerraformResourceView } from '../types';
import { attributeField, type ReferringField, referenceCandidates } from './reference-index';
import { blockKey, derivedFrom, viewIndex } from './view-index';

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
): readonly TerraformResourceView[] {
  return referringViews(target, resources, attributeField(type, attribute), literals);
}

/**
 * The managed views of `field.type` with a value of `field` that refers to `target` (`refersTo`), in
 * array order. Looked up in an index of `resources` built once, so that a rule asking it for every
 * resource of the environment costs the environment's size once, not once per resource.
 */
export function referringViews(
  target: TerraformResourceView,
  resources: readonly TerraformResourceView[],
  field: ReferringField,
  literals: readonly string[] = [],
): readonly TerraformResourceView[] {
  const candidates = referenceCandidates(target, resources, field, literals) ?? resourcesOfType(resources, field.type);
  return candidates.filter((view) => field.values(view).some((value) => refersTo(value, target, literals)));
}

/** Managed resources of the given types, in the order of `resources` (computed once per array and types). */
export function resourcesOfType(resources: readonly TerraformResourceView[], ...types: readonly string[]): readonly TerraformResourceView[] {
  const [only] = types;
  if (types.length === 1 && only !== undefined) return viewIndex(resources).managedOfType.get(only) ?? [];
  return derivedFrom(resources, `managed ${types.join(' ')}`, () => resources.filter((r) => (r.mode ?? 'managed') === 'managed' && types.includes(r.type)));
}

/** The view a `${...}` reference points to (`${data.aws_iam_policy_document.trust.json}`), if it is in `resources`. */
export function referencedView(value: unknown, resources: readonly TerraformResourceView[]): TerraformResourceView | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{((?:data\.)?[A-Za-z0-9_]+\.[A-Za-z0-9_-]+)\.[A-Za-z0-9_.[\]"-]+\}$/.exec(value.trim());
  const address = match?.[1];
  return address === undefined ? undefined : viewIndex(resources).byAddress.get(address);
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
  return viewIndex(resources).byBlock.get(blockKey('provider', type ?? '', alias ?? 'default', resource.stack));
}
