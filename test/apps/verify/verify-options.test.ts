import { readVerifyCommandLine, type VerifyOptions } from '../../../apps/verify/verify-options';

const KNOWN = ['dev', 'staging', 'prod'];

/** The options of a run (not the help) of this command line. */
function parseVerifyOptions(argv: readonly string[], known: readonly string[]): VerifyOptions {
  const commandLine = readVerifyCommandLine(argv, known);
  if (commandLine.help) throw new Error(`${argv.join(' ')} asks for the help`);
  return commandLine.options;
}

describe('parseVerifyOptions', () => {
  it('checks every environment, every check, on a throwaway control plane by default', () => {
    const options = parseVerifyOptions([], KNOWN);
    expect(options).toEqual({ envs: KNOWN, dist: 'dist', checks: new Set(['documents', 'replay', 'tenancy', 'suites', 'charts']) });
  });

  it('reads --env lists, --kubeconfig, --dist and --checks', () => {
    const options = parseVerifyOptions(['--env', 'prod,dev', '--env', 'dev', '--kubeconfig', 'kind.yaml', '--dist', '/tmp/d', '--checks', 'suites'], KNOWN);
    expect(options).toEqual({ envs: ['prod', 'dev'], kubeconfig: 'kind.yaml', dist: '/tmp/d', checks: new Set(['suites']) });
  });

  it('loads the documents whenever it replays cases: the replay needs the policies in Kyverno', () => {
    expect([...parseVerifyOptions(['--checks', 'replay'], KNOWN).checks].sort()).toEqual(['documents', 'replay']);
    // The tenancy check asks the API server about the applied documents.
    expect([...parseVerifyOptions(['--checks', 'tenancy'], KNOWN).checks].sort()).toEqual(['documents', 'tenancy']);
    // The charts check needs no cluster: alone it starts none.
    expect([...parseVerifyOptions(['--checks', 'charts'], KNOWN).checks]).toEqual(['charts']);
  });

  it('refuses unknown environments, checks and arguments, naming what is known', () => {
    expect(() => parseVerifyOptions(['--env', 'qa'], KNOWN)).toThrow('unknown environment "qa"; known: dev, staging, prod');
    expect(() => parseVerifyOptions(['--checks', 'helm'], KNOWN)).toThrow('unknown check helm; known: documents, replay, tenancy, suites, charts');
    expect(() => parseVerifyOptions(['--fast'], KNOWN)).toThrow("Unknown option '--fast'\nusage: npm run verify --");
    expect(() => parseVerifyOptions(['--kubeconfig'], KNOWN)).toThrow("Option '--kubeconfig <value>' argument missing");
  });

  it('asks for the help on --help or -h', () => {
    expect(readVerifyCommandLine(['--help'], KNOWN)).toEqual({ help: true });
    expect(readVerifyCommandLine(['--env', 'dev', '-h'], KNOWN)).toEqual({ help: true });
  });
});
