import { spawnSync } from 'node:child_process';

export interface SuiteRun {
  readonly ok: boolean;
  readonly output: string;
}

/**
 * `kyverno test <dist>/policy-tests/<env>` with the Kyverno CLI built at the environment's Kyverno
 * version. Since v1.13 the CLI compares each result strictly: an expected `fail` that came out
 * `pass` fails the suite ("Want fail, got pass": cmd/cli/kubectl-kyverno/commands/test/command.go,
 * v1.19.1), so a policy edited into a no-op fails its suite.
 */
export function runKyvernoTests(cli: string, suitesDir: string): SuiteRun {
  const result = spawnSync(cli, ['test', suitesDir, '--remove-color', '--require-tests'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { ok: result.status === 0, output: result.error !== undefined ? result.error.message : output };
}

/**
 * The lines of the CLI's output that say what failed, each prefixed with its suite: the rows of
 * failed results ("Want fail, got pass", "Not found"), errors, and the summary.
 */
export function failureLines(output: string): string[] {
  let suite = '';
  const lines: string[] = [];
  for (const line of output.split('\n')) {
    const loading = /Loading test\s+\(\s*(\S+)\s*\)/.exec(line);
    if (loading) suite = loading[1] ?? '';
    else if (/│\s*Fail\s*│|Want |Not found|[Ee]rror|panic/.test(line)) lines.push(`${suite}: ${line.replace(/\s+/g, ' ').trim()}`);
    else if (/Test Summary/.test(line)) lines.push(line.trim());
  }
  return lines;
}
