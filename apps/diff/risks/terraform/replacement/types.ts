import type { JsonValue } from '../../../estate-unit';

/**
 * One attribute whose change makes the provider plan a replacement (destroy, then create) instead of
 * an update: `ForceNew: true` in a terraform-plugin-sdk schema, a `RequiresReplace` plan modifier in
 * a terraform-plugin-framework one, or a CustomizeDiff `ForceNew`/`ForceNewIfChange` for some changes.
 */
export interface ForceNewAttribute {
  /** Schema path, nested blocks joined by `.`: `kubernetes_network_config.service_ipv4_cidr`. */
  readonly attribute: string;
  /**
   * A nested block marked ForceNew: terraform-plugin-sdk marks the block's item count, so adding or
   * removing the block replaces the resource while a change inside it does not (its own ForceNew
   * attributes are listed on their own).
   */
  readonly block?: true;
  /** Optional and Computed: removed from the configuration, the provider keeps the current value (no diff, no replacement). */
  readonly computed?: true;
  /** The schema default: an attribute absent from the configuration has this value, so removing `x = <default>` changes nothing. */
  readonly default?: JsonValue;
  /** Only some changes replace (CustomizeDiff): `when` says which, `test` decides on the configured values (defaults applied). */
  readonly only?: { readonly when: string; readonly test: (before: JsonValue | undefined, after: JsonValue | undefined) => boolean };
}

export interface ResourceReplacement {
  /** The file of the provider repository that declares the schema, at the table's version. */
  readonly source: string;
  readonly attributes: readonly ForceNewAttribute[];
}

/** The force-new attributes of one provider, for the resource types the estate uses. */
export interface ReplacementTable {
  /** Repository and the version pinned in dist/terraform/<env>/<stack>/main.tf (`required_providers`). */
  readonly provider: string;
  readonly resources: Readonly<Record<string, ResourceReplacement>>;
}
