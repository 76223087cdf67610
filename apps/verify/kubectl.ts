import { spawnSync } from 'node:child_process';

export interface KubectlResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** The kubectl built by engines/ at the clusters' Kubernetes version, bound to one kubeconfig. */
export class Kubectl {
  constructor(
    readonly binary: string,
    readonly kubeconfig: string,
  ) {}

  run(args: readonly string[], input?: string): KubectlResult {
    const result = spawnSync(this.binary, ['--kubeconfig', this.kubeconfig, ...args], {
      encoding: 'utf8',
      input,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    if (result.error !== undefined) return { ok: false, stdout: '', stderr: result.error.message };
    // Drop the API server's deprecation warnings (kyverno.io/v1 ClusterPolicy): they are not the answer.
    const stderr = result.stderr
      .split('\n')
      .filter((line) => !line.startsWith('Warning: '))
      .join('\n')
      .trim();
    return { ok: result.status === 0, stdout: result.stdout, stderr };
  }

  /** Like `run`, but a failure is an error carrying kubectl's message. */
  must(args: readonly string[], input?: string): string {
    const result = this.run(args, input);
    if (!result.ok) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  }

  /** The object as JSON, or undefined when it does not exist. */
  getJson<T>(args: readonly string[]): T | undefined {
    const result = this.run(['get', ...args, '-o', 'json']);
    if (!result.ok) {
      if (/NotFound|not found/.test(result.stderr)) return undefined;
      throw new Error(`kubectl get ${args.join(' ')}: ${result.stderr}`);
    }
    return JSON.parse(result.stdout) as T;
  }

  /** Server-side apply of YAML documents, as Argo CD's ServerSideApply does. */
  serverSideApply(yaml: string, options: { readonly dryRun?: boolean } = {}): KubectlResult {
    return this.run(['apply', '--server-side', '--force-conflicts', '--field-manager=gitops-cdk-verify', ...(options.dryRun ? ['--dry-run=server'] : []), '-f', '-'], yaml);
  }
}
