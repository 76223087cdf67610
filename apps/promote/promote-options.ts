/** Command line of `npm run promote`. */
export type PromoteOptions =
  | { readonly kind: 'promote'; readonly from: string; readonly to: string }
  | { readonly kind: 'complete-canary'; readonly env: string };

export const PROMOTE_USAGE = 'usage: npm run promote -- --from SOURCE --to TARGET\n       npm run promote -- --complete-canary ENV';

export function parsePromoteOptions(argv: readonly string[]): PromoteOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!['--from', '--to', '--complete-canary'].includes(arg)) throw new Error(`unknown argument ${arg}\n${PROMOTE_USAGE}`);
    const next = argv[++i];
    if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${PROMOTE_USAGE}`);
    values.set(arg, next);
  }
  const canary = values.get('--complete-canary');
  const from = values.get('--from');
  const to = values.get('--to');
  if (canary !== undefined && from === undefined && to === undefined) return { kind: 'complete-canary', env: canary };
  if (canary === undefined && from !== undefined && to !== undefined) return { kind: 'promote', from, to };
  throw new Error(`give --from and --to, or --complete-canary alone\n${PROMOTE_USAGE}`);
}
