import { type Command, type CommandOption, readCommandLine } from '../command-line';

export const SEAL_COMMAND = {
  invocation: 'npm run seal --',
  summary:
    "Seal a Secret's values for one cluster's Sealed Secrets controller, with its committed certificate (environments/sealing/<env>/<cluster>.pem), " +
    'into environments/sealed/<env>/<cluster>/<namespace>.<name>.json; synth renders it as a SealedSecret. Keys already sealed there are kept. ' +
    'Values are never printed nor written unencrypted.',
  forms: ['--env NAME --cluster NAME --namespace NS --name NAME (--from-literal KEY=VALUE | --from-file KEY=PATH)... [--scope SCOPE] [--force-unlisted]'],
  options: {
    env: { type: 'string', placeholder: 'NAME', description: 'environment (environments/index.ts)' },
    cluster: { type: 'string', placeholder: 'NAME', description: 'cluster of the environment whose controller will unseal it (each controller has its own key)' },
    namespace: { type: 'string', placeholder: 'NS', description: 'namespace of the Secret' },
    name: { type: 'string', placeholder: 'NAME', description: 'name of the Secret' },
    'from-literal': { type: 'string', multiple: true, placeholder: 'KEY=VALUE', description: 'a key and its value (visible in the shell history: prefer --from-file)' },
    'from-file': { type: 'string', multiple: true, placeholder: 'KEY=PATH', description: "a key and the file holding its value, bytes as they are ('-' reads standard input)" },
    scope: {
      type: 'string',
      placeholder: 'SCOPE',
      default: 'strict',
      description: 'strict (only this namespace and name may unseal it), namespace-wide (any name in the namespace) or cluster-wide (anywhere)',
    },
    'force-unlisted': {
      type: 'boolean',
      description: 'seal a Secret or key that no RequiredSecret of the environment declares for this cluster (synth then refuses it until one does)',
    },
  },
  examples: [
    {
      command: 'npm run seal -- --env dev --cluster dev-aks-weu --namespace monitoring --name grafana-admin --from-literal admin-user=admin --from-file admin-password=pw.txt',
      does: "seal Grafana's admin login for dev-aks-weu",
    },
    {
      command: 'npm run seal -- --env prod --cluster prod-eks-euw1 --namespace argocd --name argocd-oidc --from-file clientSecret=- < secret.txt',
      does: "re-seal one key from standard input; the Secret's other sealed keys are kept",
    },
  ],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

/** What the command line asks for, unchecked: the seal plan checks every value and reports all problems at once. */
export interface SealRequest {
  readonly env?: string;
  readonly cluster?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly literals: readonly string[];
  readonly files: readonly string[];
  readonly scope: string;
  readonly forceUnlisted: boolean;
}

/** `--help`, or the request. Throws a CommandLineError (with the usage) for an unknown option or a missing value. */
export function readSealCommandLine(argv: readonly string[]): { readonly help: true } | { readonly help: false; readonly request: SealRequest } {
  const commandLine = readCommandLine(SEAL_COMMAND, argv);
  if (commandLine.help) return commandLine;
  const v = commandLine.values;
  return {
    help: false,
    request: {
      ...(v.env !== undefined ? { env: v.env } : {}),
      ...(v.cluster !== undefined ? { cluster: v.cluster } : {}),
      ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
      ...(v.name !== undefined ? { name: v.name } : {}),
      literals: v['from-literal'] ?? [],
      files: v['from-file'] ?? [],
      scope: v.scope ?? 'strict',
      forceUnlisted: v['force-unlisted'] ?? false,
    },
  };
}
