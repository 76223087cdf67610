import { CommandLineError } from '../../apps/command-line';
import { readSynthCommandLine, selectEnvironments } from '../../apps/synth/synth-options';

const DEFAULTS = { check: false, out: 'dist', cache: true, cacheDir: 'node_modules/.cache/gitops-cdk/synth-cache', jobs: 1 };

describe('readSynthCommandLine', () => {
  it('defaults to every environment, writing dist/, with the cache, in one thread', () => {
    expect(readSynthCommandLine([])).toEqual({ help: false, options: DEFAULTS });
  });

  it('reads --env, --check and --out', () => {
    expect(readSynthCommandLine(['--env', 'prod', '--check', '--out', 'x'])).toEqual({ help: false, options: { ...DEFAULTS, env: 'prod', check: true, out: 'x' } });
    expect(readSynthCommandLine(['--env=prod'])).toEqual({ help: false, options: { ...DEFAULTS, env: 'prod' } });
  });

  it('reads --no-cache, --cache-dir and --jobs', () => {
    expect(readSynthCommandLine(['--no-cache', '--cache-dir', '/tmp/c', '--jobs', '1'])).toEqual({
      help: false,
      options: { ...DEFAULTS, cache: false, cacheDir: '/tmp/c', jobs: 1 },
    });
  });

  it('rejects --jobs that is not a whole number from 1', () => {
    for (const jobs of ['0', '-1', '1.5', 'many']) expect(() => readSynthCommandLine([`--jobs=${jobs}`])).toThrow(`--jobs must be a whole number from 1, not "${jobs}"`);
  });

  it('asks for the help on --help or -h, whatever else is given', () => {
    expect(readSynthCommandLine(['--help'])).toEqual({ help: true });
    expect(readSynthCommandLine(['--check', '-h'])).toEqual({ help: true });
  });

  it('rejects an option without its value, with the usage', () => {
    expect(() => readSynthCommandLine(['--env'])).toThrow("Option '--env <value>' argument missing\nusage: npm run synth -- [--env NAME]");
    expect(() => readSynthCommandLine(['--out', '--check'])).toThrow("Option '--out' argument is ambiguous");
  });

  it('rejects an unknown option, a positional argument and a value given to a flag, pointing at --help', () => {
    expect(() => readSynthCommandLine(['--fast'])).toThrow(CommandLineError);
    expect(() => readSynthCommandLine(['--fast'])).toThrow(/^Unknown option '--fast'\nusage: .*\nrun `npm run synth -- --help` for the options$/);
    expect(() => readSynthCommandLine(['prod'])).toThrow("Unexpected argument 'prod'");
    expect(() => readSynthCommandLine(['--check=yes'])).toThrow("Option '--check' does not take an argument");
  });
});

describe('selectEnvironments', () => {
  const fleet = [{ name: 'dev' }, { name: 'staging' }, { name: 'prod' }];

  it('selects every environment without --env, and the named one with it', () => {
    expect(selectEnvironments(fleet, undefined)).toBe(fleet);
    expect(selectEnvironments(fleet, 'prod')).toEqual([{ name: 'prod' }]);
  });

  it('rejects an unknown environment, naming the known ones', () => {
    expect(() => selectEnvironments(fleet, 'qa')).toThrow('unknown environment "qa"; known: dev, staging, prod');
  });
});
