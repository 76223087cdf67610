import { parseAllDocuments } from 'yaml';
import type { Tier } from '../../constructs/core/tier';
import { type AffectedInput, affectedUnits, type StackOrder } from './affected-units';
import { isJsonArray, isJsonObject } from './canonical-json';
import { compareUnits } from './compare-units';
import type { DiffReport, EnvironmentDiff, FileChange } from './diff-report';
import { componentOf, type EstateUnit, type JsonValue, type KubernetesUnit } from './estate-unit';
import { evaluateRisks } from './evaluate-risks';
import { lineChanges } from './line-changes';
import { pairMoves } from './moves';
import { distFileRole } from './read/dist-path';
import { kubernetesUnits } from './read/kubernetes-units';
import type { RevisionFiles } from './read/revision-files';
import { revisionUnits } from './read/revision-units';
import { differingBlocks } from './read/terraform-blocks';
import type { AnyRiskRule } from './risks/risk-rules';
import type { UnitChange } from './unit-change';

export interface EstateDiffInput {
  readonly base: RevisionFiles;
  readonly head: RevisionFiles;
  /** Only this environment (`--env`). */
  readonly environment?: string;
  readonly rules: readonly AnyRiskRule[];
}

const ENGINE_ORDER: readonly EstateUnit['engine'][] = ['kubernetes', 'terraform', 'compliance'];

/**
 * The semantic diff of two revisions of dist/: only files whose content differs are read and parsed;
 * their units are compared by key, removed and added units paired into moves, every change weighed by
 * the risk rules, and the affected environments, applications and stacks listed.
 */
export async function diffEstate(input: EstateDiffInput): Promise<DiffReport> {
  const { base, head } = input;
  const allPaths = [...new Set([...base.blobs.keys(), ...head.blobs.keys()])].sort(compare);
  const known = new Set(allPaths.map((p) => distFileRole(p).environment).filter((e): e is string => e !== undefined));
  if (input.environment !== undefined && !known.has(input.environment)) {
    throw new Error(`--env ${input.environment}: no such environment in either revision; environments: ${[...known].sort(compare).join(', ') || 'none (no dist/ at all)'}`);
  }
  const inScope = (environment: string | undefined): boolean => input.environment === undefined || environment === undefined || environment === input.environment;
  const changed = allPaths.filter((p) => base.blobs.get(p) !== head.blobs.get(p) && inScope(distFileRole(p).environment));
  // The environment indexes are read whether or not they changed: every change is weighed by its tier.
  const indexes = allPaths.filter((p) => distFileRole(p).kind === 'estate');
  const unitFiles = changed.filter((p) => distFileRole(p).kind !== 'generated');
  // One read per side of everything the diff will look at: the changed files, the indexes, and what
  // the affected units need (the Kubernetes files and apply order of the changed environments).
  const changedEnvironments = new Set(changed.map((p) => distFileRole(p).environment));
  const context = allPaths.filter((p) => changedEnvironments.has(distFileRole(p).environment) && (p.startsWith('dist/k8s/') || p.endsWith('/apply-order.json')));
  // (The base's unchanged Kubernetes files are the head's: only the head's are read.)
  base.read([...changed, ...indexes, ...context.filter((p) => p.endsWith('/apply-order.json'))].filter((p) => base.blobs.has(p)));
  head.read([...changed, ...indexes, ...context].filter((p) => head.blobs.has(p)));
  const [baseRead, headRead] = await readSides(base, head, unitFiles, indexes);

  const notes: string[] = [];
  const tierOf = (environment: string): Tier => {
    const tier = headRead.tiers.get(environment) ?? baseRead.tiers.get(environment);
    if (tier !== undefined) return tier;
    const note = `${environment}: no dist/estate/${environment}/environment.json in either revision (written by synth since the diff exists), so its changes are weighed as production`;
    if (!notes.includes(note)) notes.push(note);
    return 'production';
  };

  const scoped = (units: readonly EstateUnit[]): EstateUnit[] => units.filter((u) => inScope(u.environment));
  // `moved` blocks are read from the head: they are what Terraform applies.
  const changes = unitChanges(scoped(baseRead.units), scoped(headRead.units), headRead.declaredMoves);
  // The environment index is listed too: a tier that changes changes how every flag is weighed.
  const files = fileChanges(
    base,
    head,
    changed.filter((p) => ['generated', 'estate'].includes(distFileRole(p).kind)),
  );
  const flags = evaluateRisks(changes, input.rules, tierOf);

  const environments = [...new Set([...changes.map((c) => c.environment), ...files.flatMap((f) => (f.environment !== undefined ? [f.environment] : []))])].sort(compare);
  const presence = (environment: string): EnvironmentDiff['presence'] => {
    const inBase = [...base.blobs.keys()].some((p) => distFileRole(p).environment === environment);
    const inHead = [...head.blobs.keys()].some((p) => distFileRole(p).environment === environment);
    return inBase && inHead ? 'both' : inHead ? 'added' : 'removed';
  };
  const environmentDiffs: EnvironmentDiff[] = environments.map((environment) => {
    const own = changes.filter((c) => c.environment === environment);
    const count = (kind: UnitChange['kind']): number => own.filter((c) => c.kind === kind).length;
    return {
      environment,
      tier: tierOf(environment),
      presence: presence(environment),
      counts: { added: count('added'), changed: count('changed'), removed: count('removed'), moved: count('moved') },
      changes: own,
      files: files.filter((f) => f.environment === environment).map(({ environment: _e, ...file }) => file),
    };
  });

  const parsedApplications = [...headRead.units, ...baseRead.units].filter(isApplication);
  const affected = affectedUnits(affectedInput(base, head, changed, changes, environments, parsedApplications));
  return {
    base: { label: base.label, ...(base.commit !== undefined ? { commit: base.commit } : {}) },
    head: { label: head.label, ...(head.commit !== undefined ? { commit: head.commit } : {}) },
    environments: environmentDiffs,
    estateFiles: files.filter((f) => f.environment === undefined).map(({ environment: _e, ...file }) => file),
    flags,
    affected,
    notes,
  };
}

/**
 * Both sides' units of the changed files. A stack file on both sides is cut down to its blocks that
 * differ first: the rest would parse to equal units.
 */
async function readSides(base: RevisionFiles, head: RevisionFiles, unitFiles: readonly string[], indexes: readonly string[]) {
  const paths = [...new Set([...unitFiles, ...indexes])];
  const before = new Map(base.read(paths.filter((p) => base.blobs.has(p))));
  const after = new Map(head.read(paths.filter((p) => head.blobs.has(p))));
  for (const path of paths) {
    const [b, a] = [before.get(path), after.get(path)];
    if (b === undefined || a === undefined || distFileRole(path).kind !== 'terraform') continue;
    const cut = differingBlocks(b, a);
    if (cut === undefined) continue;
    before.set(path, cut.base);
    after.set(path, cut.head);
  }
  return Promise.all([revisionUnits(before), revisionUnits(after)]);
}

function unitChanges(baseUnits: readonly EstateUnit[], headUnits: readonly EstateUnit[], headMoves: Parameters<typeof pairMoves>[2]): UnitChange[] {
  const id = (u: EstateUnit): string => `${u.environment}\u0000${u.engine}\u0000${u.key}`;
  const baseById = new Map(baseUnits.map((u) => [id(u), u]));
  const headById = new Map(headUnits.map((u) => [id(u), u]));
  const changes: UnitChange[] = [];
  const removed: EstateUnit[] = [];
  const added: EstateUnit[] = [];
  for (const [key, unit] of baseById) {
    const other = headById.get(key);
    if (other === undefined) removed.push(unit);
    else {
      const change = compareUnits(unit, other);
      if (change !== undefined) changes.push(change);
    }
  }
  for (const [key, unit] of headById) if (!baseById.has(key)) added.push(unit);
  const pairs = pairMoves(removed, added, headMoves);
  const paired = new Set(pairs.flatMap((p) => [p.base, p.head]));
  for (const pair of pairs) {
    const change = compareUnits(pair.base, pair.head);
    if (change !== undefined) changes.push(pair.declared ? { ...change, declaredMove: true } : change);
  }
  for (const unit of removed) if (!paired.has(unit)) changes.push({ kind: 'removed', environment: unit.environment, base: unit, fields: [] });
  for (const unit of added) if (!paired.has(unit)) changes.push({ kind: 'added', environment: unit.environment, head: unit, fields: [] });
  return changes.sort(compareChanges);
}

/** Order of the details: environment, engine, component (folder or stack), then key. */
function compareChanges(a: UnitChange, b: UnitChange): number {
  const ua = a.head ?? a.base;
  const ub = b.head ?? b.base;
  if (ua === undefined || ub === undefined) return 0;
  return (
    compare(a.environment, b.environment) ||
    ENGINE_ORDER.indexOf(ua.engine) - ENGINE_ORDER.indexOf(ub.engine) ||
    compare(componentOf(ua), componentOf(ub)) ||
    compare(ua.key, ub.key)
  );
}

function fileChanges(base: RevisionFiles, head: RevisionFiles, paths: readonly string[]): (FileChange & { environment?: string })[] {
  const before = base.read(paths.filter((p) => base.blobs.has(p)));
  const after = head.read(paths.filter((p) => head.blobs.has(p)));
  return paths.map((file) => {
    const b = before.get(file);
    const a = after.get(file);
    const lines = lineChanges(b ?? '', a ?? '');
    const change = b === undefined ? 'added' : a === undefined ? 'removed' : 'changed';
    // The compliance report's Markdown belongs to no one environment: it is listed with the estate's files.
    const environment = distFileRole(file).environment;
    return {
      file,
      change,
      ...(environment !== undefined ? { environment } : {}),
      linesAdded: a === undefined ? 0 : lines.added,
      linesRemoved: b === undefined ? 0 : lines.removed,
    };
  });
}

/**
 * What the affected units need besides the changes: every Application and ApplicationSet of the
 * changed environments (those in changed files are parsed already; the others are read from the head,
 * as unchanged files are the same on both sides), their kustomizations and the stacks' apply order.
 */
function affectedInput(
  base: RevisionFiles,
  head: RevisionFiles,
  changed: readonly string[],
  changes: readonly UnitChange[],
  environments: readonly string[],
  parsedApplications: readonly KubernetesUnit[],
): AffectedInput {
  const inEnvironments = (p: string): boolean => environments.includes(distFileRole(p).environment ?? '');
  const changedFiles = new Set(changed);
  const applications: KubernetesUnit[] = [...parsedApplications];
  const kustomizations = new Map<string, readonly string[]>();
  const applyOrders = new Map<string, readonly StackOrder[]>();
  // Head first: the current kustomizations and apply order decide; the base adds what was removed.
  for (const side of [head, base]) {
    const paths = [...side.blobs.keys()].filter(
      (p) => inEnvironments(p) && ((p.startsWith('dist/k8s/') && (side === head || changedFiles.has(p))) || p.endsWith('/apply-order.json')),
    );
    for (const [path, text] of side.read(paths)) {
      const environment = distFileRole(path).environment;
      if (environment === undefined) continue;
      if (path.endsWith('/kustomization.yaml')) {
        const dir = path.slice(0, path.lastIndexOf('/'));
        if (!kustomizations.has(dir)) kustomizations.set(dir, kustomizationResources(path, text));
      } else if (path.endsWith('/apply-order.json')) {
        if (!applyOrders.has(environment)) applyOrders.set(environment, stackOrder(text));
      } else if (!changedFiles.has(path) && /^kind: Application(Set)?$/m.test(text)) {
        applications.push(...kubernetesUnits(path, environment, text).filter(isApplication));
      }
    }
  }
  return { changedFiles: changed, changes, applications, kustomizations, applyOrders };
}

function isApplication(unit: EstateUnit): unit is KubernetesUnit {
  return unit.engine === 'kubernetes' && (unit.kind === 'Application' || unit.kind === 'ApplicationSet');
}

function kustomizationResources(path: string, text: string): string[] {
  const [document] = kubernetesYaml(path, text);
  const resources = isJsonObject(document) ? document.resources : undefined;
  return isJsonArray(resources) ? resources.filter((r): r is string => typeof r === 'string') : [];
}

function kubernetesYaml(path: string, text: string): JsonValue[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length > 0) throw new Error(`${path}: not valid YAML: ${d.errors[0]?.message ?? ''}`);
    return d.toJS() as JsonValue;
  });
}

function stackOrder(text: string): StackOrder[] {
  const parsed = JSON.parse(text) as JsonValue;
  if (!isJsonArray(parsed)) return [];
  return parsed.flatMap((entry) =>
    isJsonObject(entry) && typeof entry.stack === 'string' && isJsonArray(entry.dependsOn)
      ? [{ stack: entry.stack, dependsOn: entry.dependsOn.filter((d): d is string => typeof d === 'string') }]
      : [],
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
