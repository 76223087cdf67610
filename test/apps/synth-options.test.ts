import { parseSynthOptions, selectEnvironments } from '../../apps/synth/synth-options';

describe('parseSynthOptions', () => {
  it('defaults to every environment, writing dist/', () => {
    expect(parseSynthOptions([])).toEqual({ check: false, out: 'dist' });
  });

  it('reads --env, --check and --out', () => {
    expect(parseSynthOptions(['--env', 'prod', '--check', '--out', 'x'])).toEqual({ env: 'prod', check: true, out: 'x' });
  });

  it('rejects an option without its value', () => {
    expect(() => parseSynthOptions(['--env'])).toThrow('--env needs a value');
    expect(() => parseSynthOptions(['--out', '--check'])).toThrow('--out needs a value');
  });

  it('rejects an unknown argument', () => {
    expect(() => parseSynthOptions(['prod'])).toThrow('unknown argument prod');
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
