import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The engine programs engines/build makes from their upstream Go modules. */
export interface EngineBinaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  readonly kubectl: string;
  /** The Kyverno admission controller. */
  readonly kyverno: string;
  /** Kyverno's background controller (runs generate rules). */
  readonly kyvernoBackgroundController: string;
  /** The Kyverno CLI (`kyverno test`). */
  readonly kyvernoCli: string;
}

/** engines/build's folder of binaries, building what its cache lacks (needs Go). */
export function buildEngines(root: string = process.cwd()): EngineBinaries {
  const script = resolve(root, 'engines/build');
  const result = spawnSync(script, [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(`engines/build failed (${result.error?.message ?? `exit ${result.status}`}); it needs Go: see README "Engine checks"`);
  }
  const bin = result.stdout.trim().split('\n').pop() ?? '';
  const at = (name: string): string => {
    const path = join(bin, name);
    if (!existsSync(path)) throw new Error(`engines/build did not produce ${name} in ${bin}`);
    return path;
  };
  return {
    etcd: at('etcd'),
    kubeApiserver: at('kube-apiserver'),
    kubectl: at('kubectl'),
    kyverno: at('kyverno'),
    kyvernoBackgroundController: at('background-controller'),
    kyvernoCli: at('kubectl-kyverno'),
  };
}
