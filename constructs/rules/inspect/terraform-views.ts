import { DefaultTokenResolver, StringConcat, TerraformDataSource, TerraformProvider, TerraformResource, type TerraformStack, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { TerraformBlockMode, TerraformResourceView } from '../types';

/** A view and the construct that declares it (for suppressions). */
export interface ViewedConstruct {
  readonly view: TerraformResourceView;
  readonly construct: IConstruct;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Attributes of the generated provider classes that hold tags or labels, by the getter cdktf
 * generates for them (`tagsInput` for `tags`...). Read from the class, so that the schema decides
 * what is taggable, not a hand-kept list of resource types.
 */
const TAG_ATTRIBUTES: readonly { readonly getter: string; readonly attribute: string }[] = [
  { getter: 'tagsInput', attribute: 'tags' },
  { getter: 'labelsInput', attribute: 'labels' },
  { getter: 'resourceLabelsInput', attribute: 'resource_labels' },
];

/**
 * Every resource, data source and provider block of `stack` as rules see them: resolved to the JSON
 * Terraform reads, references as `${type.name.attr}` strings, cdktf's `//` metadata removed.
 *
 * Side-effect free: it neither prepares the stack (which would add a local backend to a stack
 * without one) nor runs aspects; it resolves each element the way `stack.toTerraform()` does.
 * Stack-level overrides (`stack.addOverride`) are not part of any element and not seen.
 */
export function terraformViewsOf(stack: TerraformStack, stackName: string): ViewedConstruct[] {
  return stack.node.findAll().flatMap((construct): ViewedConstruct[] => {
    const mode = modeOf(construct);
    if (mode === undefined) return [];
    const element = construct as TerraformResource | TerraformDataSource | TerraformProvider;
    const json: unknown = Tokenization.resolve(element.toTerraform(), { scope: stack, preparing: false, resolver: RESOLVER });
    return blocksOf(json, mode).map(({ type, name, attributes }) => {
      const tagAttribute = mode === 'managed' ? tagAttributeOf(construct) : undefined;
      const view: TerraformResourceView = {
        stack: stackName,
        type,
        name,
        address: addressOf(mode, type, name),
        attributes,
        path: construct.node.path,
        mode,
        ...(tagAttribute === undefined ? {} : { tagAttribute }),
      };
      return { view, construct };
    });
  });
}

function modeOf(construct: IConstruct): TerraformBlockMode | undefined {
  if (TerraformResource.isTerraformResource(construct)) return 'managed';
  if (TerraformDataSource.isTerraformDataSource(construct)) return 'data';
  if (TerraformProvider.isTerraformProvider(construct)) return 'provider';
  return undefined;
}

function addressOf(mode: TerraformBlockMode, type: string, name: string): string {
  if (mode === 'managed') return `${type}.${name}`;
  if (mode === 'data') return `data.${type}.${name}`;
  return name === 'default' ? `provider.${type}` : `provider.${type}.${name}`;
}

interface Block {
  readonly type: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** The blocks of an element's JSON fragment: `resource.<type>.<name>`, `data.<type>.<name>`, `provider.<type>[]`. */
function blocksOf(json: unknown, mode: TerraformBlockMode): Block[] {
  if (!isRecord(json)) return [];
  if (mode === 'provider') {
    const providers = json.provider;
    if (!isRecord(providers)) return [];
    return Object.entries(providers).flatMap(([type, configs]) =>
      (Array.isArray(configs) ? configs : [configs]).filter(isRecord).map((config) => ({
        type,
        name: typeof config.alias === 'string' ? config.alias : 'default',
        attributes: withoutMetadata(config),
      })),
    );
  }
  const byType = json[mode === 'managed' ? 'resource' : 'data'];
  if (!isRecord(byType)) return [];
  return Object.entries(byType).flatMap(([type, byName]) =>
    isRecord(byName)
      ? Object.entries(byName)
          .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
          .map(([name, attributes]) => ({
            type,
            name,
            attributes: withoutMetadata(attributes),
          }))
      : [],
  );
}

function withoutMetadata(attributes: Record<string, unknown>): Record<string, unknown> {
  const { ['//']: _metadata, ...rest } = attributes;
  return rest;
}

function tagAttributeOf(construct: IConstruct): string | undefined {
  return TAG_ATTRIBUTES.find(({ getter }) => getter in construct)?.attribute;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
