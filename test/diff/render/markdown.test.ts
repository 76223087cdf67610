import type { DiffReport, RiskFlag } from '../../../apps/diff/diff-report';
import { COMMENT_HOSTS, COMMENT_MARKER, MAX_COMMENT_CHARS, markdownComment } from '../../../apps/diff/render/markdown';
import { kubernetesChange } from '../change-builders';

function configMapChange(i: number) {
  const map = (value: string) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `dashboard-${i}`, namespace: 'monitoring' },
    data: { title: value, panels: `${value}\n`.repeat(3) },
  });
  return kubernetesChange(map(`before ${i} ${'x'.repeat(40)}`), map(`after ${i} ${'y'.repeat(40)}`));
}

function report(changes: number, flags: readonly RiskFlag[] = []): DiffReport {
  const all = Array.from({ length: changes }, (_, i) => configMapChange(i));
  return {
    base: { label: 'main', commit: 'a'.repeat(40) },
    head: { label: 'working tree' },
    environments:
      changes === 0 ? [] : [{ environment: 'prod', tier: 'production', presence: 'both', counts: { added: 0, changed: changes, removed: 0, moved: 0 }, changes: all, files: [] }],
    estateFiles: [],
    flags,
    affected: { environments: changes === 0 ? [] : ['prod'], applications: [], stacks: [] },
    notes: [],
  };
}

const FLAG: RiskFlag = {
  level: 'high',
  rule: 'secret-with-data',
  environment: 'prod',
  unit: 'Secret argocd/x',
  file: 'dist/k8s/prod/x.yaml',
  reason: 'a Secret with data | in Git',
};

describe('markdownComment', () => {
  it('starts with the marker CI finds its comment by, then the summary table and the flags, highest first', () => {
    const { comment, details } = markdownComment(report(2, [FLAG]), 'details.md');
    expect(comment.startsWith(`${COMMENT_MARKER}\n### gitops-cdk diff: \`main\` (aaaaaaaaaaaa) → \`working tree\``)).toBe(true);
    expect(comment).toContain('| prod | production | 0 | 2 | 0 | 0 | 0 | 🔴 high (1) |');
    // A pipe in a reason would end the table cell.
    expect(comment).toContain('| 🔴 high | prod | `Secret argocd/x` | a Secret with data \\| in Git | `secret-with-data` |');
    expect(comment).toContain('<details><summary><b>prod</b> (production)');
    expect(comment).toContain('- `data.title`: `"before 0');
    expect(details).toBeUndefined();
  });

  it('says there is no change for an unchanged estate', () => {
    expect(markdownComment(report(0), 'details.md').comment).toBe(
      `${COMMENT_MARKER}\n### gitops-cdk diff: \`main\` (aaaaaaaaaaaa) → \`working tree\`\n\nNo change to the synthesized estate.\n`,
    );
  });

  it('moves the details to the details file when the comment would exceed 60,000 characters, and says where', () => {
    const big = report(600, [FLAG]);
    const { comment, details } = markdownComment(big, 'gitops-cdk-diff-details.md');
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(comment).toContain('do not fit in a comment.** They are in `gitops-cdk-diff-details.md`');
    expect(comment).toContain('| prod | production | 0 | 600 | 0 | 0 | 0 | 🔴 high (1) |');
    expect(comment).not.toContain('<details>');
    expect(details?.length).toBeGreaterThan(MAX_COMMENT_CHARS);
    expect(details).toContain('dashboard-599');
  });

  it('keeps the comment under the limit even when the flags alone would not fit, pointing at the file for the rest', () => {
    const flags = Array.from({ length: 2000 }, (_, i) => ({ ...FLAG, unit: `Secret argocd/secret-${i}` }));
    const { comment, details } = markdownComment(report(1, flags), 'details.md');
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(comment).toMatch(/\| … \| \| \| \d+ more flags: see the details file \| \|/);
    expect(details).toContain('secret-1999');
  });
});

describe('markdownComment for Bitbucket Cloud', () => {
  it('uses no HTML (Bitbucket shows it as text): a link-definition marker, plain sections, no <br>', () => {
    const { comment } = markdownComment(report(2, [{ ...FLAG, path: 'data' }]), 'details.md', 'bitbucket');
    expect(comment.startsWith(`${COMMENT_HOSTS.bitbucket.marker}\n###`)).toBe(true);
    expect(comment).not.toMatch(/<(details|summary|b|br)>|<!--/);
    expect(comment).toContain('#### prod (production): 0 added, 2 changed');
    expect(comment).toContain('`Secret argocd/x` · `data`');
  });

  it('keeps the comment under 32,000 characters (Bitbucket refuses 32,768), moving the details to the file', () => {
    const { comment, details } = markdownComment(report(80), 'details.md', 'bitbucket');
    expect(markdownComment(report(80), 'details.md', 'github').details).toBeUndefined();
    expect(comment.length).toBeLessThanOrEqual(32_000);
    expect(details?.length).toBeGreaterThan(32_000);
  });
});

describe('markdownComment keeps to the limit and to plain text', () => {
  it('caps the environment table and the affected lists, so 500 environments still fit', () => {
    const base = report(1);
    const environments = Array.from({ length: 500 }, (_, i) => ({ ...(base.environments[0] as NonNullable<(typeof base.environments)[0]>), environment: `env-${i}` }));
    const applications = environments.flatMap((e) =>
      Array.from({ length: 10 }, (_, j) => ({ environment: e.environment, kind: 'Application' as const, name: `app-${j}`, reason: 'its definition changed' })),
    );
    const big: DiffReport = { ...base, environments, affected: { environments: [], applications, stacks: [] }, notes: Array.from({ length: 2000 }, (_, i) => `note ${i}`) };
    const { comment } = markdownComment(big, 'details.md');
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(comment).toContain('… 460 more environments');
    expect(comment).toContain(', … and 4960 more (`--format json` lists all)');
  });

  it('quotes text from dist/ without HTML or links: a reason cannot hide rows or add a link', () => {
    const flag = { ...FLAG, reason: 'value <!-- hidden --> and [click](https://example.invalid)' };
    const { comment } = markdownComment(report(1, [flag]), 'details.md');
    expect(comment).toContain('value &lt;!-- hidden --&gt; and \\[click\\](https://example.invalid)');
    expect(comment).not.toContain('<!-- hidden');
  });
});
