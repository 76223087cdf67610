/** Command line of `npm run synth`. */
export interface SynthOptions {
  /** Only this environment; the other environments' output is left as it is. */
  readonly env?: string;
  /** Compare a fresh synth with the output folder and write nothing. */
  readonly check: boolean;
  /** Output folder. */
  readonly out: string;
}

export const SYNTH_USAGE = 'usage: npm run synth -- [--env NAME] [--check] [--out DIR]';

export function parseSynthOptions(argv: readonly string[]): SynthOptions {
  let env: string | undefined;
  let check = false;
  let out = 'dist';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${SYNTH_USAGE}`);
      return next;
    };
    if (arg === '--check') check = true;
    else if (arg === '--env') env = value();
    else if (arg === '--out') out = value();
    else throw new Error(`unknown argument ${arg}\n${SYNTH_USAGE}`);
  }
  return { ...(env !== undefined ? { env } : {}), check, out };
}

/** The environments a synth builds: all of them, or the one `--env` names. */
export function selectEnvironments<E extends { readonly name: string }>(all: readonly E[], env: string | undefined): readonly E[] {
  if (env === undefined) return all;
  const selected = all.filter((e) => e.name === env);
  if (selected.length === 0) throw new Error(`unknown environment ${JSON.stringify(env)}; known: ${all.map((e) => e.name).join(', ')}`);
  return selected;
}
