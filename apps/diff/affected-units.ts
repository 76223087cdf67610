import { compareText } from '../../constructs/rules/result';
import { isJsonArray, isJsonObject } from './canonical-json';
import type { AffectedUnits } from './diff-report';
import type { JsonValue, KubernetesUnit } from './estate-unit';
import type { StackOrder } from './read/apply-order';
import { distFileRole } from './read/dist-path';
import type { UnitChange } from './unit-change';

export interface AffectedInput {
  /** dist/ paths that differ between the revisions (already limited to `--env`). */
  readonly changedFiles: readonly string[];
  readonly changes: readonly UnitChange[];
  /** Every Argo CD Application and ApplicationSet of the changed environments, head first, then those only in the base. */
  readonly applications: readonly KubernetesUnit[];
  /** Folder (`dist/k8s/prod`) -> the `resources` of its kustomization.yaml. */
  readonly kustomizations: ReadonlyMap<string, readonly string[]>;
  /** Environment -> its apply-order.json. */
  readonly applyOrders: ReadonlyMap<string, readonly StackOrder[]>;
}

/**
 * Which environments, Argo CD applications and Terraform stacks the change touches, so CI plans and
 * syncs only those.
 * - An application is affected when its own definition changed, or a file changed in a folder it
 *   syncs: its `source.path`, and the folders its kustomization.yaml lists, recursively (Argo CD
 *   builds a folder with a kustomization.yaml with Kustomize; it does not recurse into other folders).
 * - A stack is affected when its main.tf changed, or it depends (apply-order.json) on a stack whose
 *   outputs changed: its plan reads them through terraform_remote_state.
 */
export function affectedUnits(input: AffectedInput): AffectedUnits {
  const changedDirs = [...new Set(input.changedFiles.filter((f) => f.startsWith('dist/k8s/')).map(dirname))].sort(compareText);
  // By environment and key: every environment has an ApplicationSet `kube-prometheus-stack`.
  const ownChanges = new Set(input.changes.flatMap((c) => [c.base, c.head]).flatMap((u) => (u?.engine === 'kubernetes' ? [`${u.environment}/${u.key}`] : [])));
  const applications = new Map<string, AffectedUnits['applications'][number]>();
  for (const app of input.applications) {
    const id = `${app.environment}/${app.kind}/${app.name}`;
    if (applications.has(id) || (app.kind !== 'Application' && app.kind !== 'ApplicationSet')) continue;
    let reason: string | undefined;
    if (ownChanges.has(`${app.environment}/${app.key}`)) reason = 'its definition changed';
    else {
      const synced = new Set(sourcePaths(app).flatMap((path) => coveredDirs(`${path.replace(/\/+$/, '')}`, input.kustomizations)));
      const dir = changedDirs.find((d) => synced.has(d));
      if (dir !== undefined) reason = `manifests changed in ${dir}/`;
    }
    if (reason !== undefined) applications.set(id, { environment: app.environment, kind: app.kind, name: app.name, reason });
  }

  const stacks = new Map<string, AffectedUnits['stacks'][number]>();
  // Any file of the stack's folder: main.tf, and the provider lock file Terraform init reads.
  for (const file of input.changedFiles) {
    const role = distFileRole(file);
    if (role.area === 'terraform' && role.environment !== undefined && role.stack !== undefined) {
      const id = `${role.environment}/${role.stack}`;
      if (!stacks.has(id)) stacks.set(id, { environment: role.environment, stack: role.stack, reason: `${file.slice(file.lastIndexOf('/') + 1)} changed` });
    }
  }
  const outputsChanged = new Set(
    input.changes.flatMap((c) => [c.base, c.head]).flatMap((u) => (u?.engine === 'terraform' && u.block === 'output' ? [`${u.environment}/${u.stack}`] : [])),
  );
  for (const [environment, order] of input.applyOrders) {
    for (const { stack, dependsOn } of order) {
      const source = dependsOn.find((d) => outputsChanged.has(`${environment}/${d}`));
      const id = `${environment}/${stack}`;
      if (source !== undefined && !stacks.has(id)) stacks.set(id, { environment, stack, reason: `reads the changed outputs of ${source}` });
    }
  }
  const byName = (a: { environment: string; name?: string; stack?: string }, b: { environment: string; name?: string; stack?: string }): number =>
    compareText(`${a.environment}/${a.name ?? a.stack}`, `${b.environment}/${b.name ?? b.stack}`);
  // What CI plans or syncs: an environment whose test suites or compliance results alone changed has
  // nothing to apply.
  const environments = new Set([...applications.values(), ...stacks.values()].map((unit) => unit.environment));
  return {
    environments: [...environments].sort(compareText),
    applications: [...applications.values()].sort(byName),
    stacks: [...stacks.values()].sort(byName),
  };
}

/** The repository paths an Application (or an ApplicationSet's template) syncs from. */
function sourcePaths(app: KubernetesUnit): string[] {
  const spec = app.body.spec;
  const appSpec = app.kind === 'ApplicationSet' && isJsonObject(spec) && isJsonObject(spec.template) ? spec.template.spec : spec;
  if (!isJsonObject(appSpec)) return [];
  const sources: JsonValue[] = [...(appSpec.source !== undefined ? [appSpec.source] : []), ...(isJsonArray(appSpec.sources) ? appSpec.sources : [])];
  return sources.flatMap((source) => (isJsonObject(source) && typeof source.path === 'string' ? [source.path] : []));
}

function coveredDirs(dir: string, kustomizations: ReadonlyMap<string, readonly string[]>, seen = new Set<string>()): string[] {
  if (seen.has(dir)) return [];
  seen.add(dir);
  const resources = kustomizations.get(dir) ?? [];
  return [dir, ...resources.filter((r) => !/\.(ya?ml|json)$/.test(r)).flatMap((r) => coveredDirs(normalise(`${dir}/${r}`), kustomizations, seen))];
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
