import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPromoteCommandLine } from '../../apps/promote/promote-options';

const ROOT = join(__dirname, '..', '..');
const PINS = join(ROOT, 'environments', 'pins.json');

function promote(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/promote.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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

describe('readPromoteCommandLine', () => {
  it('reads a promotion and a canary completion', () => {
    expect(readPromoteCommandLine(['--from', 'staging', '--to', 'prod'])).toEqual({ help: false, options: { kind: 'promote', from: 'staging', to: 'prod' } });
    expect(readPromoteCommandLine(['--complete-canary', 'staging'])).toEqual({ help: false, options: { kind: 'complete-canary', env: 'staging' } });
  });

  it('asks for the help on --help', () => {
    expect(readPromoteCommandLine(['--from', 'dev', '--help'])).toEqual({ help: true });
  });

  it.each([[['--to', 'prod']], [['--from', 'a', '--to', 'b', '--complete-canary', 'c']], [['--env', 'x']], [['--from']]])('rejects %j', (argv) => {
    expect(() => readPromoteCommandLine(argv)).toThrow(/usage: npm run promote/);
  });
});
