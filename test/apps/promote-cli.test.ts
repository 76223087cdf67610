import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePromoteOptions } from '../../apps/promote/promote-options';

const ROOT = join(__dirname, '..', '..');
const PINS = join(ROOT, 'environments', 'pins.json');

function promote(...args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/promote.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('npm run promote', () => {
  // Only refusals run the real command here: they stop before touching the pins, which the test checks.
  it('refuses to skip a stage and leaves the pins file untouched', () => {
    const before = readFileSync(PINS, 'utf8');
    const result = promote('--from', 'dev', '--to', 'prod');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^promotion refused, nothing was changed: prod promotes from staging only, not from dev/);
    expect(readFileSync(PINS, 'utf8')).toBe(before);
  });

  it('prints the usage for a bad command line', () => {
    const result = promote('--from', 'dev');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/give --from and --to, or --complete-canary alone\nusage: npm run promote/);
  });
});

describe('parsePromoteOptions', () => {
  it('reads a promotion and a canary completion', () => {
    expect(parsePromoteOptions(['--from', 'staging', '--to', 'prod'])).toEqual({ kind: 'promote', from: 'staging', to: 'prod' });
    expect(parsePromoteOptions(['--complete-canary', 'staging'])).toEqual({ kind: 'complete-canary', env: 'staging' });
  });

  it.each([[['--to', 'prod']], [['--from', 'a', '--to', 'b', '--complete-canary', 'c']], [['--env', 'x']], [['--from']]])('rejects %j', (argv) => {
    expect(() => parsePromoteOptions(argv)).toThrow(/usage: npm run promote/);
  });
});
