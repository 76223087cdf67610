import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPromoteCommandLine } from '../../apps/promote/promote-options';
// Reads the example estate on purpose: these tests run the real `npm run promote` on this repository,
// which promotes the estate's environments (promotion itself is tested on fixtures in
// test/environments/promotion.test.ts). The stages are taken from ENVIRONMENTS, not named here.
import { ENVIRONMENTS } from '../../environments';

const ROOT = join(__dirname, '..', '..');
const PINS = join(ROOT, 'environments', 'pins.json');
/** The first and the last stage of the estate's promotion chain, and the stage the last one promotes from. */
const FIRST = ENVIRONMENTS[0]!.name;
const LAST = ENVIRONMENTS[ENVIRONMENTS.length - 1]!;

function promote(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/promote.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run promote', () => {
  // Only refusals run the real command here: they stop before touching the pins, which the test checks.
  it('refuses to skip a stage and leaves the pins file untouched', () => {
    const before = readFileSync(PINS, 'utf8');
    const result = promote('--from', FIRST, '--to', LAST.name);
    expect(result.status).toBe(1);
    const refusal = `promotion refused, nothing was changed: ${LAST.name} promotes from ${LAST.promotesFrom} only, not from ${FIRST}`;
    expect(result.stderr.slice(0, refusal.length)).toBe(refusal);
    expect(readFileSync(PINS, 'utf8')).toBe(before);
  });

  it('prints the usage for a bad command line', () => {
    const result = promote('--from', FIRST);
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
