import { parseAllDocuments, stringify } from 'yaml';
import type { DiffOptions } from '../../apps/diff/diff-options';
import { MAX_COMMENT_CHARS } from '../../apps/diff/render/markdown';
import { runDiff } from '../../apps/diff/run-diff';
import { eksCluster } from '../support/fixture-clusters';
import { fixtureEnvironment } from '../support/fixture-environment';
import { type DistTree, EstateRepository, editFile, synthesizedDist } from './estate-repository';

/**
 * `npm run diff` on real pairs of revisions: the fixture estate synthesized and committed on `main`,
 * then a branch with the estate synthesized again from a changed spec.
 */
const lab = fixtureEnvironment({ tier: 'development' });
const stage = fixtureEnvironment({ tier: 'staging' });
const live = fixtureEnvironment({ tier: 'production' });
const OPTIONS: DiffOptions = { format: 'json', failOn: 'none', detailsFile: 'details.md', commentFor: 'github', notes: [] };

describe('npm run diff on revisions of a synthesized estate', () => {
  const repository = new EstateRepository();
  let estate: DistTree;
  let main: string;

  beforeAll(async () => {
    estate = await synthesizedDist([lab, stage, live]);
    main = repository.commit(estate, 'the estate');
  });
  afterAll(() => repository.remove());

  it('gives an empty summary for an unchanged estate', async () => {
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head: main, format: 'markdown' });
    expect(run.report.environments).toEqual([]);
    expect(run.report.flags).toEqual([]);
    expect(run.report.affected).toEqual({ environments: [], applications: [], stacks: [] });
    expect(run.output).toContain('No change to the synthesized estate.');
    expect(run.exitCode).toBe(0);
  });

  it('gives an empty summary for the same estate written with keys and list items in another order', async () => {
    const reordered = Object.fromEntries(Object.entries(estate).map(([path, text]) => [path, path.endsWith('.yaml') && !path.includes('-tests/') ? reverseYaml(text) : text]));
    const head = repository.commitOnto(main, estate, reordered, 'the same estate, reordered');
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head });
    expect(run.report.environments).toEqual([]);
    expect(run.report.flags).toEqual([]);
  });

  it("compares the objects of the same name in two clusters' folders as two objects", async () => {
    const edit = (text: string) => text.replace('    app.kubernetes.io/managed-by: gitops-cdk\n', '    app.kubernetes.io/managed-by: gitops-cdk\n    edited: "yes"\n');
    let tree = editFile(estate, 'dist/k8s/lab/terraform-drift-lab-aks-neu/networkpolicy-terraform-drift.yaml', edit);
    tree = editFile(tree, 'dist/k8s/lab/terraform-drift-lab-gke-euw4/networkpolicy-terraform-drift.yaml', edit);
    const head = repository.commitOnto(main, estate, tree, "both clusters' drift NetworkPolicy");
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head });
    expect(run.report.environments[0]?.changes.map((c) => c.head?.file)).toEqual([
      'dist/k8s/lab/terraform-drift-lab-aks-neu/networkpolicy-terraform-drift.yaml',
      'dist/k8s/lab/terraform-drift-lab-gke-euw4/networkpolicy-terraform-drift.yaml',
    ]);
  });

  it('weighs a change by the stricter tier when the same change lowers the tier, and flags the lowering', async () => {
    let tree = editFile(estate, 'dist/estate/live/environment.json', (t) => t.replace('"production"', '"development"'));
    tree = editFile(tree, 'dist/k8s/live/root/application-live-root.yaml', (t) => t.replace('prune: false', 'prune: true'));
    const head = repository.commitOnto(main, estate, tree, 'live relabelled and pruning');
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head });
    expect(run.report.flags.map((f) => [f.level, f.rule])).toEqual(
      expect.arrayContaining([
        ['high', 'environment-tier-lowered'],
        ['high', 'argocd-auto-prune-enabled'],
      ]),
    );
    expect(run.report.environments[0]?.tier).toBe('production');
  });

  it("leaves out, and says so, a file its folder's kustomization does not list: Argo CD does not apply it", async () => {
    const tree = { ...estate, 'dist/k8s/live/config/secret-stray.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: stray\n  namespace: x\ndata:\n  a: Yg==\n' };
    const head = repository.commitOnto(main, estate, tree, 'a file nobody lists');
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head });
    expect(run.report.environments).toEqual([]);
    expect(run.report.notes).toEqual(["dist/k8s/live/config/secret-stray.yaml is not listed by its folder's kustomization.yaml: Argo CD does not apply it, so it is not compared"]);
  });

  it('compares the working tree with the merge base of main by default', async () => {
    repository.git('checkout', '-q', '-b', 'working-tree');
    repository.write(editFile(estate, 'dist/k8s/stage/projects/appproject-platform.yaml', (t) => t.replace('description:', 'description: edited,')));
    const run = await runDiff(repository.dir, OPTIONS);
    expect(run.report.base).toEqual({ label: 'merge base with main', commit: main });
    expect(run.report.head).toEqual({ label: 'working tree' });
    expect(run.report.environments.map((e) => [e.environment, e.counts])).toEqual([['stage', { added: 0, changed: 1, removed: 0, moved: 0 }]]);
    expect(run.report.environments[0]?.changes[0]?.fields.map((f) => f.path)).toEqual(['spec.description']);
    repository.write(estate);
    repository.git('checkout', '-q', 'main');
  });

  it('explains a cluster added to staging: its stacks, its Argo CD registration and the applications that sync it', async () => {
    const withCluster = fixtureEnvironment({
      tier: 'staging',
      clusters: [eksCluster('stage-eks-euw2', { role: 'management' }), eksCluster('stage-eks-euw3', { region: 'eu-west-3' })],
    });
    const head = repository.commitOnto(main, estate, await synthesizedDist([lab, withCluster, live]), 'a second staging cluster');
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head });
    expect(run.report.environments.map((e) => e.environment)).toEqual(['stage']);
    const [env] = run.report.environments;
    expect(env?.tier).toBe('staging');
    expect(env?.changes.some((c) => c.kind === 'added' && c.head?.engine === 'kubernetes' && c.head.kind === 'Secret' && c.head.name === 'cluster-stage-eks-euw3')).toBe(true);
    expect(run.report.affected.stacks.map((s) => s.stack)).toEqual(expect.arrayContaining(['aws-cluster-stage-eks-euw3', 'aws-network-stage-eks-euw3']));
    expect(run.report.affected.applications.map((a) => a.name)).toContain('stage-root');
    expect(run.report.flags.some((f) => f.rule === 'cluster-added-or-removed' || f.rule === 'terraform-cluster-added-or-removed')).toBe(true);
  });

  it('explains a new environment as added units, and its comment fits in one pull-request comment', async () => {
    const qa = fixtureEnvironment({ tier: 'staging', name: 'qa', clusters: [eksCluster('qa-eks-euw1', { role: 'management', region: 'eu-west-1' })] });
    const head = repository.commitOnto(main, estate, await synthesizedDist([lab, stage, qa, live]), 'a new environment');
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head, format: 'markdown' });
    const qaDiff = run.report.environments.find((e) => e.environment === 'qa');
    expect(qaDiff).toMatchObject({ presence: 'added', tier: 'staging', counts: { changed: 0, removed: 0, moved: 0 } });
    expect(qaDiff?.counts.added).toBeGreaterThan(100);
    expect(run.output.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(run.output).toContain('| qa (new) | staging |');
  });
});

/**
 * The same YAML documents with every mapping's keys and every sequence's items in reverse order,
 * but for the lists whose order is meaning (a container's command and args).
 */
function reverseYaml(text: string): string {
  const reverse = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return (key === 'args' || key === 'command' ? [...value] : [...value].reverse()).map((item) => reverse(item));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reverse(v, k)]),
      );
    return value;
  };
  return parseAllDocuments(text)
    .map((document) => stringify(reverse(document.toJS())))
    .join('---\n');
}
