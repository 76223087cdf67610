import type { BootstrapLayout } from '../../constructs/platform/bootstrap';

/**
 * Where synthesized files live, relative to the repository root. Argo CD reads these paths from
 * Git, so they are part of the contract with the clusters: renaming one re-points an Application.
 */
export const DIST_DIR = 'dist';

export function k8sEnvironmentDir(environment: string): string {
  return `${DIST_DIR}/k8s/${environment}`;
}

export function k8sComponentDir(environment: string, component: string): string {
  return `${k8sEnvironmentDir(environment)}/${component}`;
}

/**
 * What to apply by hand, once, on an empty management cluster (README.md there orders it). Outside
 * `k8s/<env>/`: the root app never syncs it.
 */
export function bootstrapDir(environment: string): string {
  return `${DIST_DIR}/bootstrap/${environment}`;
}

/** Kyverno CLI test suites of one environment's policies: `kyverno test dist/policy-tests/<env>`. */
export function policyTestsEnvironmentDir(environment: string): string {
  return `${DIST_DIR}/policy-tests/${environment}`;
}

export function policyTestDir(environment: string, policy: string): string {
  return `${policyTestsEnvironmentDir(environment)}/${policy}`;
}

/** Prometheus rule files and their promtool unit tests, one folder per monitoring domain. */
export function prometheusTestsEnvironmentDir(environment: string): string {
  return `${DIST_DIR}/prometheus-tests/${environment}`;
}

/** Alertmanager's configuration and its routing tests (`amtool`), one folder per environment. */
export function alertmanagerTestsDir(environment: string): string {
  return `${DIST_DIR}/alertmanager-tests/${environment}`;
}

/**
 * The Secrets an environment needs and does not hold (`secrets.md`, `secrets.json`): what to create
 * on its clusters before their readers start (constructs/secrets/secrets-inventory.ts).
 */
export function secretsInventoryDir(environment: string): string {
  return `${DIST_DIR}/secrets-inventory/${environment}`;
}

/**
 * The environment's index (`environment.json`: its name and tier). `npm run diff` weighs a change by
 * the tier of its environment and reads it from here, on both revisions.
 */
export function estateDir(environment: string): string {
  return `${DIST_DIR}/estate/${environment}`;
}

/** The compliance report of the whole estate (every rule on every resource of every environment). */
export const COMPLIANCE_DIR = `${DIST_DIR}/compliance`;

export function terraformEnvironmentDir(environment: string): string {
  return `${DIST_DIR}/terraform/${environment}`;
}

export function terraformStackDir(environment: string, stack: string): string {
  return `${terraformEnvironmentDir(environment)}/${stack}`;
}

/** Where the bootstrap of `environment` goes and the folders it refers to. */
export function bootstrapLayout(environment: string): BootstrapLayout {
  return {
    bootstrapDir: bootstrapDir(environment),
    kubernetesDir: k8sEnvironmentDir(environment),
    secretsInventoryDir: secretsInventoryDir(environment),
    terraformDir: terraformEnvironmentDir(environment),
  };
}
