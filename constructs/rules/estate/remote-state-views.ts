import { DefaultTokenResolver, StringConcat, TerraformRemoteState, type TerraformStack, Tokenization } from 'cdktf';
import type { TerraformResourceView } from '../types';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * The `terraform_remote_state` blocks of a stack as views (the compliance views hold resources,
 * data sources and providers only): the cross-engine check follows a value read from another
 * stack's state back to that stack, and so to its cluster (`config.key` / `config.prefix`).
 */
export function remoteStateViewsOf(stack: TerraformStack, stackName: string): TerraformResourceView[] {
  return stack.node.findAll().flatMap((construct): TerraformResourceView[] => {
    if (!(construct instanceof TerraformRemoteState)) return [];
    const json = Tokenization.resolve(construct.toTerraform(), { scope: stack, preparing: false, resolver: RESOLVER }) as {
      data?: { terraform_remote_state?: Record<string, Record<string, unknown>> };
    };
    return Object.entries(json.data?.terraform_remote_state ?? {}).map(([name, attributes]) => ({
      stack: stackName,
      type: 'terraform_remote_state',
      name,
      address: `data.terraform_remote_state.${name}`,
      attributes,
      path: construct.node.path,
      mode: 'data' as const,
    }));
  });
}
