import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kyvernoReleaseOfChart } from '../../constructs/kyverno/kyverno-release';
import type { EnvironmentSpec } from '../../environments/types';

/** Kyverno's programs at one version, from engines/kyverno-<version>. */
export interface KyvernoBinaries {
  /** The admission controller. */
  readonly admissionController: string;
  /** The background controller (runs generate rules). */
  readonly backgroundController: string;
  /** The CLI (`kyverno test`). */
  readonly cli: string;
}

/** The engine programs engines/build makes from their upstream Go modules. */
export interface EngineBinaries {
  readonly etcd: string;
  readonly kubeApiserver: string;
  readonly kubectl: string;
  /** Helm, the version Argo CD's repo server renders charts with. */
  readonly helm: string;
  /**
   * kubeseal of Sealed Secrets at this version (`v0.28.0`: dev and staging's controller, `v0.27.2`:
   * prod's), from engines/sealed-secrets-<version>: its `--recovery-unseal` is upstream's decryption,
   * which proves that what `npm run seal` writes unseals (test/engines).
   */
  kubeseal(version: string): string;
  /**
   * evaluate-condition at this Argo Rollouts version (`v1.8.0`: dev and staging's controller,
   * `v1.7.2`: prod's), from engines/argo-rollouts-<version>: judges AnalysisTemplate conditions with
   * upstream's utils/evaluate EvaluateResult, as the controller does (test/engines).
   */
  argoRolloutsEvaluator(version: string): string;
  /** Kyverno at this version (`v1.19.1`); each version an environment pins has its own module. */
  kyverno(version: string): KyvernoBinaries;
}

/** engines/build's binaries, building what its cache lacks (needs Go). */
export function buildEngines(root: string = process.cwd()): EngineBinaries {
  const script = resolve(root, 'engines/build');
  const result = spawnSync(script, [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error !== undefined || result.status !== 0) {
    throw new Error(`engines/build failed (${result.error?.message ?? `exit ${result.status}`}); it needs Go: see README "Engine checks"`);
  }
  const bin = result.stdout.trim().split('\n').pop() ?? '';
  const at = (engine: string, program: string): string => {
    const path = join(bin, engine, program);
    if (!existsSync(path)) {
      throw new Error(
        `engines/build made no ${engine}/${program}${/^(kyverno|sealed-secrets|argo-rollouts)-/.test(engine) ? `: add the module engines/${engine} (see README "Engine checks")` : ''}`,
      );
    }
    // The program itself, not bin/'s link to it: a concurrent engines/build swaps bin/.
    return realpathSync(path);
  };
  return {
    etcd: at('etcd', 'etcd'),
    kubeApiserver: at('kube-apiserver', 'kube-apiserver'),
    kubectl: at('kube-apiserver', 'kubectl'),
    helm: at('helm', 'helm'),
    kubeseal: (version) => at(`sealed-secrets-${version}`, 'kubeseal'),
    argoRolloutsEvaluator: (version) => at(`argo-rollouts-${version}`, 'evaluate-condition'),
    kyverno: (version) => ({
      admissionController: at(`kyverno-${version}`, 'kyverno'),
      backgroundController: at(`kyverno-${version}`, 'background-controller'),
      cli: at(`kyverno-${version}`, 'kubectl-kyverno'),
    }),
  };
}

/** The Kyverno version the environment's kyverno chart deploys (the spec check guarantees one). */
export function kyvernoVersionOf(spec: EnvironmentSpec): string {
  const release = kyvernoReleaseOfChart(spec.charts.kyverno);
  if (release === undefined) throw new Error(`${spec.name}: kyverno chart ${spec.charts.kyverno} is not in KYVERNO_RELEASES (constructs/kyverno/kyverno-release.ts)`);
  return release.kyverno;
}
