import type { TerraformStack } from 'cdktf';
import { suppressionsFor, suppressionsOn } from '../suppressions';
import type { ComplianceSuppression, TerraformResourceView } from '../types';
import { terraformViewsOf } from './terraform-views';

/** A view and the suppressions that apply to it: its construct's own and its scopes'. */
export interface SuppressedView {
  readonly view: TerraformResourceView;
  readonly suppressions: readonly ComplianceSuppression[];
}

/** Suppressions declared on one construct, where its results are reported. */
export interface DeclaredSuppressions {
  /** The resource address of the construct, or its path when it declares no block. */
  readonly resource: string;
  readonly path: string;
  readonly suppressions: readonly ComplianceSuppression[];
}

/**
 * Everything the Terraform rules read of one stack, as plain data: its views with the suppressions
 * that apply to each, and the suppressions declared inside it (checked on their own) and above it
 * (on the app: reported once per environment). Rules run on this rather than on the construct
 * tree, so that a stack kept in the synth cache is checked without being rebuilt.
 */
export interface StackRuleInput {
  readonly stack: string;
  readonly views: readonly SuppressedView[];
  readonly declared: readonly DeclaredSuppressions[];
  readonly above: readonly DeclaredSuppressions[];
}

/**
 * The rule input of a stack, resolved once (`terraformViewsOf`). Call it after the stack is
 * prepared and rendered, so that aspects that add resources have run.
 */
export function stackRuleInput(stack: TerraformStack, stackName: string): StackRuleInput {
  const viewed = terraformViewsOf(stack, stackName);
  const addressOf = new Map(viewed.map((v) => [v.construct, v.view.address]));
  const declared = stack.node.findAll().flatMap((construct): DeclaredSuppressions[] => {
    const suppressions = suppressionsOn(construct);
    return suppressions.length === 0 ? [] : [{ resource: addressOf.get(construct) ?? construct.node.path, path: construct.node.path, suppressions }];
  });
  const above = stack.node.scopes
    .filter((scope) => scope !== stack)
    .flatMap((scope): DeclaredSuppressions[] => {
      const suppressions = suppressionsOn(scope);
      return suppressions.length === 0 ? [] : [{ resource: scope.node.path || '(app)', path: scope.node.path, suppressions }];
    });
  return { stack: stackName, views: viewed.map(({ view, construct }) => ({ view, suppressions: suppressionsFor(construct) })), declared, above };
}
