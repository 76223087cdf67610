import { compareText } from '../../constructs/rules/result';
import { affectedInput, isApplication } from './affected-input';
import { affectedUnits } from './affected-units';
import type { DiffReport, EnvironmentDiff } from './diff-report';
import { environmentTiers } from './environment-tiers';
import type { EstateUnit } from './estate-unit';
import { evaluateRisks } from './evaluate-risks';
import { fileChanges } from './file-changes';
import { distFileRole } from './read/dist-path';
import { readSides } from './read/read-sides';
import type { RevisionFiles } from './read/revision-files';
import type { AnyRiskRule } from './risks/risk-rules';
import type { UnitChange } from './unit-change';
import { unitChanges } from './unit-changes';

export interface EstateDiffInput {
  readonly base: RevisionFiles;
  readonly head: RevisionFiles;
  /** Only this environment (`--env`). */
  readonly environment?: string;
  readonly rules: readonly AnyRiskRule[];
}

/**
 * The semantic diff of two revisions of dist/: only files whose content differs are read and parsed;
 * their units are compared by key, removed and added units paired into moves, every change weighed by
 * the risk rules, and the affected environments, applications and stacks listed.
 */
export async function diffEstate(input: EstateDiffInput): Promise<DiffReport> {
  const { base, head } = input;
  const allPaths = [...new Set([...base.blobs.keys(), ...head.blobs.keys()])].sort(compareText);
  if (allPaths.length === 0) throw new Error('neither revision has a dist/: nothing to compare (run npm run synth and commit dist/, or name revisions that have one)');
  const environmentsOf = (paths: Iterable<string>): Set<string> => new Set([...paths].flatMap((p) => distFileRole(p).environment ?? []));
  const inBase = environmentsOf(base.blobs.keys());
  const inHead = environmentsOf(head.blobs.keys());
  if (input.environment !== undefined && !inBase.has(input.environment) && !inHead.has(input.environment)) {
    throw new Error(`--env ${input.environment}: no such environment in either revision; environments: ${[...new Set([...inBase, ...inHead])].sort(compareText).join(', ')}`);
  }
  // With --env, files of no one environment (the compliance report's entry points) are left out too.
  const inScope = (environment: string | undefined): boolean => input.environment === undefined || environment === input.environment;
  const changed = allPaths.filter((p) => base.blobs.get(p) !== head.blobs.get(p) && inScope(distFileRole(p).environment));
  // The environment indexes are read whether or not they changed: every change is weighed by its tier.
  const indexes = allPaths.filter((p) => distFileRole(p).kind === 'estate');
  // One read per side of everything the diff looks at: the changed files, the indexes, and what the
  // affected units need (the Kubernetes files and apply order of the changed environments). The
  // base's unchanged Kubernetes files are the head's: only the head's are read.
  const changedEnvironments = environmentsOf(changed);
  const context = allPaths.filter((p) => changedEnvironments.has(distFileRole(p).environment ?? '') && (p.startsWith('dist/k8s/') || p.endsWith('/apply-order.json')));
  // (and each changed object's kustomization, which says whether Argo CD applies it).
  const kustomizations = changed.filter((p) => p.startsWith('dist/k8s/')).map((p) => `${p.slice(0, p.lastIndexOf('/'))}/kustomization.yaml`);
  base.read([...changed, ...indexes, ...kustomizations, ...context.filter((p) => p.endsWith('/apply-order.json'))].filter((p) => base.blobs.has(p)));
  head.read([...changed, ...indexes, ...context].filter((p) => head.blobs.has(p)));

  const sides = await readSides(base, head, [...new Set([...changed.filter((p) => distFileRole(p).kind !== 'generated'), ...indexes])]);
  const tiers = environmentTiers(sides.base.tiers, sides.head.tiers);
  const scoped = (units: readonly EstateUnit[]): EstateUnit[] => units.filter((u) => inScope(u.environment));
  // `moved` blocks are read from the head: they are what Terraform applies.
  const { changes, duplicates } = unitChanges(scoped(sides.base.units), scoped(sides.head.units), sides.head.declaredMoves);
  const files = fileChanges(
    base,
    head,
    changed.filter((p) => distFileRole(p).kind === 'generated'),
  );
  const flags = evaluateRisks(changes, input.rules, tiers.tierOf);

  const environments = [...new Set([...changes.map((c) => c.environment), ...files.flatMap((f) => f.environment ?? [])])].sort(compareText);
  const environmentDiffs: EnvironmentDiff[] = environments.map((environment) => {
    const own = changes.filter((c) => c.environment === environment);
    const count = (kind: UnitChange['kind']): number => own.filter((c) => c.kind === kind).length;
    return {
      environment,
      tier: tiers.tierOf(environment),
      presence: inBase.has(environment) && inHead.has(environment) ? 'both' : inHead.has(environment) ? 'added' : 'removed',
      counts: { added: count('added'), changed: count('changed'), removed: count('removed'), moved: count('moved') },
      changes: own,
      files: files.filter((f) => f.environment === environment).map(({ environment: _e, ...file }) => file),
    };
  });

  const parsedApplications = [...sides.head.units, ...sides.base.units].filter(isApplication);
  const affected = affectedUnits(affectedInput(base, head, changed, changes, new Set(environments), parsedApplications));
  const notes = [
    ...tiers.notes(),
    ...sides.unlisted.map((file) => `${file} is not listed by its folder's kustomization.yaml: Argo CD does not apply it, so it is not compared`),
    ...duplicates.map((duplicate) => `${duplicate} is there twice: only the first is compared`),
  ];
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
