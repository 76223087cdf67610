import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { usage } from '../../apps/command-line';
import { PROMOTE_COMMAND } from '../../apps/promote/promote-options';
import { SYNTH_COMMAND } from '../../apps/synth/synth-options';
import { VERIFY_COMMAND } from '../../apps/verify/verify-options';

const ROOT = join(__dirname, '..', '..');
const COMMANDS = { synth: SYNTH_COMMAND, promote: PROMOTE_COMMAND, verify: VERIFY_COMMAND };

/** The command as `npm run NAME --` runs it (tsx), without npm's own lines. */
function run(command: 'synth' | 'promote' | 'verify', ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `apps/${command}.ts`, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each(['synth', 'promote', 'verify'] as const)('npm run %s', (command) => {
  it('--help prints the usage, the options with their defaults and examples, and exits 0', () => {
    const result = run(command, '--help');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`usage: npm run ${command} -- `);
    expect(result.stdout).toMatch(/\noptions:\n( {2}--.*\n)+ {2}-h, --help +print this help and exit\n/);
    expect(result.stdout).toMatch(new RegExp(`\\nexamples:\\n {2}# .*\\n {2}npm run ${command}`));
  });

  it('an unknown option is refused with the usage, exiting 1 and doing nothing else', () => {
    const result = run(command, '--no-such-option');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Unknown option '--no-such-option'\n${usage(COMMANDS[command])}\nrun \`npm run ${command} -- --help\` for the options\n`);
  });
});

it('synth --help names the default output folder and every option', () => {
  const { stdout } = run('synth', '-h');
  expect(stdout).toMatch(/--out DIR +output folder \(default: dist\)/);
  expect(stdout).toMatch(/--env NAME .*\(default: every environment\)/);
  expect(stdout).toMatch(/--check +compare a fresh synth/);
});
