import { readBenchCommandLine, SCENARIO_KINDS } from './bench-options';

function options(...argv: string[]) {
  const commandLine = readBenchCommandLine(argv);
  if (commandLine.help) throw new Error('expected options, got --help');
  return commandLine.options;
}

describe('npm run bench command line', () => {
  it('runs every scenario three times on fleets of 100 and 500 by default', () => {
    expect(options()).toEqual({ runs: 3, clusters: [100, 500], diffClusters: 100, only: SCENARIO_KINDS });
  });

  it('reads a quick development run', () => {
    expect(options('--runs', '1', '--clusters', '50', '--diff-clusters', '30')).toMatchObject({ runs: 1, clusters: [50], diffClusters: 30 });
  });

  it('sorts the fleet sizes and drops repeats', () => {
    expect(options('--clusters', '500,100,500').clusters).toEqual([100, 500]);
  });

  it('selects scenarios comma-separated or repeated, in the order of the table', () => {
    expect(options('--only', 'standard-clis,reference', '--only', 'fleet').only).toEqual(['reference', 'fleet', 'standard-clis']);
  });

  it('answers --help', () => {
    expect(readBenchCommandLine(['--runs', '2', '--help'])).toEqual({ help: true });
  });

  it.each([
    [['--runs', '0'], /--runs takes a whole number from 1 to 94, not "0"/],
    [['--runs', '95'], /--runs takes a whole number from 1 to 94/],
    [['--runs', '2.5'], /--runs takes a whole number/],
    [['--clusters', '100,5'], /--clusters takes a whole number from 6 to 3840, not "5"/],
    [['--clusters', '100,'], /--clusters takes a whole number from 6 to 3840, not ""/],
    [['--only', 'fleet,fast'], /--only takes reference, reference-cached, fleet, fleet-edit, diff, standard-clis, not "fast"/],
    [['--fast'], /Unknown option '--fast'/],
  ])('refuses %j, saying why and how to call it', (argv, problem) => {
    expect(() => readBenchCommandLine(argv)).toThrow(problem);
    expect(() => readBenchCommandLine(argv)).toThrow(/usage: npm run bench --/);
  });
});
