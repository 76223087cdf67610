import { type Command, type CommandOption, commandLineError, readCommandLine } from '../command-line';

/** The engine checks `npm run verify` can run; all of them by default. */
export const VERIFY_CHECKS = ['documents', 'replay', 'tenancy', 'suites', 'charts'] as const;
export type VerifyCheck = (typeof VERIFY_CHECKS)[number];

function isVerifyCheck(name: string): name is VerifyCheck {
  return (VERIFY_CHECKS as readonly string[]).includes(name);
}

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
   * `tenancy`: impersonate every tenant group of the documents and ask the API server what it may do
   * in its own namespaces, in others' and at cluster scope; Pod Security and LimitRange at admission
   * in tenant namespaces (needs `documents`);
   * `suites`: `kyverno test dist/policy-tests/<env>` (needs no cluster);
   * `charts`: every add-on's chart at its pin, its values checked against the chart's values.yaml
   * and templates and rendered by `helm template` on every cluster (needs no cluster).
   */
  readonly checks: ReadonlySet<VerifyCheck>;
}

export const VERIFY_COMMAND = {
  invocation: 'npm run verify --',
  summary:
    'The engine checks: build the real engines (engines/build), apply dist/ to a real API server, load the policies into the real Kyverno and replay every policy case, ask the API server what each tenant group may do, run the Kyverno CLI suites, render every add-on chart with the real Helm.',
  forms: [`[--env NAME[,NAME...]] [--kubeconfig PATH] [--dist DIR] [--checks ${VERIFY_CHECKS.join(',')}]`],
  options: {
    env: { type: 'string', placeholder: 'NAME[,NAME...]', multiple: true, defaultText: 'every environment', description: 'environments to check, in order' },
    kubeconfig: { type: 'string', placeholder: 'PATH', defaultText: 'a throwaway control plane', description: 'check against this existing cluster' },
    dist: { type: 'string', placeholder: 'DIR', default: 'dist', description: 'the synthesized output to check' },
    checks: {
      type: 'string',
      placeholder: 'CHECK[,CHECK...]',
      default: VERIFY_CHECKS.join(','),
      description:
        "documents: apply dist/k8s/<env> and load the policies; replay: replay every policy case (adds documents); tenancy: check the tenants' isolation as their groups (adds documents); suites: kyverno test (no cluster); charts: render every add-on chart with helm (no cluster)",
    },
  },
  examples: [
    { command: 'npm run verify', does: 'every check on every environment, each on its own throwaway control plane' },
    { command: 'npm run verify -- --env staging --checks suites,charts', does: 'the checks that need no cluster, for staging' },
    { command: 'npm run verify -- --env dev --kubeconfig ~/.kube/kind.yaml', does: 'apply dev to an existing cluster' },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

/**
 * `--help`, or the checks to run. Throws a CommandLineError (with the usage) for a command line it
 * cannot run, and an error naming the known ones for an unknown environment or check.
 */
export function readVerifyCommandLine(argv: readonly string[], known: readonly string[]): { readonly help: true } | { readonly help: false; readonly options: VerifyOptions } {
  const commandLine = readCommandLine(VERIFY_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const { env = [], kubeconfig, dist = VERIFY_COMMAND.options.dist.default, checks = VERIFY_COMMAND.options.checks.default } = commandLine.values;
  const envs = env.flatMap((list) => list.split(',')).filter((e) => e !== '');
  const named = checks.split(',').filter((c) => c !== '');
  const unknownChecks = named.filter((c) => !isVerifyCheck(c));
  if (unknownChecks.length > 0) throw commandLineError(VERIFY_COMMAND, `unknown check ${unknownChecks.join(', ')}; known: ${VERIFY_CHECKS.join(', ')}`);
  const unknown = envs.filter((e) => !known.includes(e));
  if (unknown.length > 0) throw new Error(`unknown environment ${unknown.map((e) => JSON.stringify(e)).join(', ')}; known: ${known.join(', ')}`);
  // The replay needs the policies the documents check loads; the tenancy check, the applied documents.
  const valid = named.filter(isVerifyCheck);
  const selected = new Set<VerifyCheck>(valid.includes('replay') || valid.includes('tenancy') ? [...valid, 'documents'] : valid);
  const options = { envs: envs.length > 0 ? [...new Set(envs)] : known, ...(kubeconfig !== undefined ? { kubeconfig } : {}), dist, checks: selected };
  return { help: false, options };
}
