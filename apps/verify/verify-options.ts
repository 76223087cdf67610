/** The engine checks `npm run verify` can run; all of them by default. */
export const VERIFY_CHECKS = ['documents', 'replay', 'suites', 'charts'] as const;
export type VerifyCheck = (typeof VERIFY_CHECKS)[number];

/** Command line of `npm run verify`. */
export interface VerifyOptions {
  /** Environments to check, in order; all of them when none is named. */
  readonly envs: readonly string[];
  /** Check against this existing cluster instead of a throwaway control plane. */
  readonly kubeconfig?: string;
  /** The synthesized output to check. */
  readonly dist: string;
  /**
   * `documents`: apply dist/k8s/<env> to the API server and load the policies into Kyverno;
   * `replay`: replay every policy case as an admission request (needs `documents`);
   * `suites`: `kyverno test dist/policy-tests/<env>` (needs no cluster);
   * `charts`: every add-on's chart at its pin, its values checked against the chart's values.yaml
   * and templates and rendered by `helm template` on every cluster (needs no cluster).
   */
  readonly checks: ReadonlySet<VerifyCheck>;
}

export const VERIFY_USAGE = `usage: npm run verify -- [--env NAME[,NAME...]] [--kubeconfig PATH] [--dist DIR] [--checks ${VERIFY_CHECKS.join(',')}]`;

export function parseVerifyOptions(argv: readonly string[], known: readonly string[]): VerifyOptions {
  let envs: string[] = [];
  let kubeconfig: string | undefined;
  let dist = 'dist';
  let checks: VerifyCheck[] = [...VERIFY_CHECKS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${VERIFY_USAGE}`);
      return next;
    };
    if (arg === '--env') envs = [...envs, ...value().split(',').filter((e) => e !== '')];
    else if (arg === '--kubeconfig') kubeconfig = value();
    else if (arg === '--dist') dist = value();
    else if (arg === '--checks') {
      const named = value().split(',').filter((c) => c !== '');
      const unknown = named.filter((c) => !(VERIFY_CHECKS as readonly string[]).includes(c));
      if (unknown.length > 0) throw new Error(`unknown check ${unknown.join(', ')}; known: ${VERIFY_CHECKS.join(', ')}\n${VERIFY_USAGE}`);
      checks = named as VerifyCheck[];
    } else throw new Error(`unknown argument ${arg}\n${VERIFY_USAGE}`);
  }
  const unknown = envs.filter((e) => !known.includes(e));
  if (unknown.length > 0) throw new Error(`unknown environment ${unknown.map((e) => JSON.stringify(e)).join(', ')}; known: ${known.join(', ')}`);
  // The replay needs the policies the documents check loads.
  const selected = new Set<VerifyCheck>(checks.includes('replay') ? [...checks, 'documents'] : checks);
  return { envs: envs.length > 0 ? [...new Set(envs)] : known, ...(kubeconfig !== undefined ? { kubeconfig } : {}), dist, checks: selected };
}
