/** V8's code cache of a jest worker (code-cache.js). */
export class CodeCache {
  /** How many compiles ran from kept data. */
  readonly hits: number;
  compileFunction(source: string, params: readonly string[], options: { readonly filename: string }): (...args: unknown[]) => unknown;
}
