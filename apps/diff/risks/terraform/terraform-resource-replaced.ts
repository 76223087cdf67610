import { canonicalJson } from '../../canonical-json';
import { type JsonValue, unitLabel } from '../../estate-unit';
import type { FieldChange } from '../../unit-change';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { replacementOf } from './replacement';
import type { ForceNewAttribute } from './replacement/types';
import { statefulReason } from './resources';
import { preventsDestroy, schemaPath, show, valueAt } from './terraform-body';

/** Whether this attribute's values before and after make the provider plan a replacement. */
function forcesReplacement(attribute: ForceNewAttribute, before: JsonValue | undefined, after: JsonValue | undefined): boolean {
  const withDefault = (value: JsonValue | undefined): JsonValue | undefined => value ?? attribute.default;
  const from = withDefault(before);
  const to = withDefault(after);
  if (canonicalJson(from) === canonicalJson(to)) return false;
  if (attribute.computed === true && after === undefined) return false;
  if (attribute.block === true && (from === undefined) === (to === undefined)) return false;
  return attribute.only === undefined || attribute.only.test(from, to);
}

/**
 * The field change that touches the attribute (`encryption_config[0].provider[0].key_arn` for
 * `encryption_config`, `network_profile` for `network_profile.pod_cidr` when the block goes), or
 * none: the field diff ignores list order, so a set reordered is no change.
 */
function fieldOf(attribute: string, fields: readonly FieldChange[]): FieldChange | undefined {
  return fields.find((candidate) => {
    const path = schemaPath(candidate.path);
    return path === attribute || path.startsWith(`${attribute}.`) || attribute.startsWith(`${path}.`);
  });
}

/**
 * A changed resource whose changed attribute the provider cannot update in place: the plan destroys
 * it and creates a new one (new ID, new ARN, data of a stateful resource lost). The force-new
 * attributes come from the provider schemas at the pinned versions (replacement/*.ts). A resource
 * moved with a declared `moved` block is compared the same way (the move keeps the state, the
 * change may still replace it); a move without one is terraform-resource-destroyed's.
 */
export const terraformResourceReplaced: RiskRule<'terraform'> = {
  id: 'terraform-resource-replaced',
  engine: 'terraform',
  title: 'a Terraform resource replaced (destroyed and re-created) because a force-new attribute changed',
  check(change, context) {
    const { base, head } = change;
    const inPlace = change.kind === 'changed' || (change.kind === 'moved' && change.declaredMove === true);
    if (!inPlace || base === undefined || head === undefined || head.block !== 'resource') return [];
    const replacement = replacementOf(head.type);
    if (replacement === undefined) return [];
    const stateful = statefulReason(head);
    const level = stateful !== undefined ? 'high' : highInProduction(context.tier);
    const consequence = `${stateful !== undefined ? `: ${stateful}` : ''}${preventsDestroy(head.body) ? '; its prevent_destroy makes the plan fail instead' : ''}`;
    const findings: RiskFinding[] = [];
    for (const attribute of replacement.resource.attributes) {
      const field = fieldOf(attribute.attribute, change.fields);
      if (field === undefined) continue;
      const before = valueAt(base.body, attribute.attribute);
      const after = valueAt(head.body, attribute.attribute);
      if (!forcesReplacement(attribute, before, after)) continue;
      const shown = (value: JsonValue | undefined): string => (value === undefined && attribute.default !== undefined ? `${show(attribute.default)} (default)` : show(value));
      const condition = attribute.only !== undefined ? ` (${attribute.only.when})` : '';
      findings.push({
        level,
        reason: `${unitLabel(head)}: ${attribute.attribute} ${shown(before)} -> ${shown(after)} forces replacement${condition}, Terraform destroys and re-creates the ${head.type} (${replacement.provider}, ${replacement.resource.source})${consequence}`,
        path: field.path,
      });
    }
    return findings;
  },
};
