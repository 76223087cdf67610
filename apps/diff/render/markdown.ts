import type { DiffReport, EnvironmentDiff, RiskFlag } from '../diff-report';
import { RISK_LEVELS, type RiskLevel } from '../risks/risk-rule';
import { type ChangeLine, componentViews } from './change-view';

/**
 * GitHub refuses a comment over 65,536 characters (and Bitbucket's are not much longer to read): the
 * comment stays under this, with room for the marker and the note that points at the details.
 */
export const MAX_COMMENT_CHARS = 60_000;

/** The first line of every comment: CI finds its own comment by it and updates it instead of adding one. */
export const COMMENT_MARKER = '<!-- gitops-cdk diff -->';

const LEVEL_BADGE: Readonly<Record<RiskLevel, string>> = { high: '🔴 high', medium: '🟠 medium', low: '🔵 low' };
const CHANGE_BADGE: Readonly<Record<ChangeLine['kind'], string>> = { added: '➕ added', removed: '➖ removed', changed: '✏️ changed', moved: '🔀 moved' };

export interface MarkdownComment {
  /** What to post: the summary, and the details when they fit. */
  readonly comment: string;
  /** Everything (summary and details) when the details did not fit in the comment; the comment then says where they are. */
  readonly details?: string;
}

/**
 * The pull-request comment: summary first (per environment: added, changed, removed, moved; the
 * flags, highest first; the affected units), then the details folded per environment and component.
 * Never over MAX_COMMENT_CHARS: beyond that the details go to `detailsFile` and the comment says so.
 */
export function markdownComment(report: DiffReport, detailsFile: string): MarkdownComment {
  const summary = summaryMarkdown(report);
  const details = [...report.environments.map(environmentDetails), estateFileDetails(report)].filter((d) => d !== '').join('\n');
  const whole = details === '' ? summary : `${summary}\n${details}`;
  if (whole.length <= MAX_COMMENT_CHARS) return { comment: whole };
  const pointer = `\n> **The details (${whole.length.toLocaleString('en-US')} characters) do not fit in a comment.** They are in \`${detailsFile}\`, uploaded by CI with this run (see the job's artifacts); \`npm run diff\` prints them locally.\n`;
  const fitting = summary.length + pointer.length <= MAX_COMMENT_CHARS ? summary : shortenedSummary(report, MAX_COMMENT_CHARS - pointer.length);
  return { comment: `${fitting}${pointer}`, details: whole };
}

function summaryMarkdown(report: DiffReport, maxFlags = Number.POSITIVE_INFINITY): string {
  const lines = [
    COMMENT_MARKER,
    `### gitops-cdk diff: \`${report.base.label}\`${shortCommit(report.base.commit)} → \`${report.head.label}\`${shortCommit(report.head.commit)}`,
    '',
  ];
  if (report.environments.length === 0 && report.estateFiles.length === 0) {
    lines.push('No change to the synthesized estate.');
    return `${lines.join('\n')}\n`;
  }
  const counts = RISK_LEVELS.map((level) => `${report.flags.filter((f) => f.level === level).length} ${level}`);
  lines.push(`**Risk flags: ${counts.join(' · ')}** in ${report.environments.length} changed environment${report.environments.length === 1 ? '' : 's'}.`, '');
  lines.push('| environment | tier | added | changed | removed | moved | files | flags |', '|---|---|--:|--:|--:|--:|--:|---|');
  for (const env of report.environments) {
    const flags = report.flags.filter((f) => f.environment === env.environment);
    const worst = RISK_LEVELS.find((level) => flags.some((f) => f.level === level));
    const presence = env.presence === 'both' ? '' : ` (${env.presence === 'added' ? 'new' : 'removed'})`;
    lines.push(
      `| ${cell(env.environment)}${presence} | ${env.tier} | ${env.counts.added} | ${env.counts.changed} | ${env.counts.removed} | ${env.counts.moved} | ${env.files.length} | ${worst ? `${LEVEL_BADGE[worst]} (${flags.length})` : '–'} |`,
    );
  }
  if (report.flags.length > 0) {
    lines.push('', '#### Risk flags', '', '| level | environment | where | why | rule |', '|---|---|---|---|---|');
    for (const flag of report.flags.slice(0, maxFlags)) lines.push(flagRow(flag));
    if (report.flags.length > maxFlags) lines.push(`| … | | | ${report.flags.length - maxFlags} more flags: see the details file | |`);
  }
  const { applications, stacks } = report.affected;
  lines.push('', '#### Affected', '');
  lines.push(`- **Argo CD applications** (${applications.length}): ${applications.map((a) => `\`${a.environment}/${a.name}\``).join(', ') || 'none'}`);
  lines.push(`- **Terraform stacks** (${stacks.length}): ${stacks.map((s) => `\`${s.environment}/${s.stack}\``).join(', ') || 'none'}`);
  for (const note of report.notes) lines.push('', `> Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** The summary with as many flag rows as fit (all of them are in the details file). */
function shortenedSummary(report: DiffReport, budget: number): string {
  let maxFlags = report.flags.length;
  let text = summaryMarkdown(report, maxFlags);
  while (text.length > budget && maxFlags > 0) {
    maxFlags = Math.floor(maxFlags / 2);
    text = summaryMarkdown(report, maxFlags);
  }
  return text;
}

function flagRow(flag: RiskFlag): string {
  const where = `\`${flag.unit}\`${flag.path !== undefined ? `<br>\`${flag.path}\`` : ''}`;
  return `| ${LEVEL_BADGE[flag.level]} | ${cell(flag.environment)} | ${cell(where)} | ${cell(flag.reason)} | \`${flag.rule}\` |`;
}

function environmentDetails(env: EnvironmentDiff): string {
  const views = componentViews(env.changes);
  const counts = `${env.counts.added} added, ${env.counts.changed} changed, ${env.counts.removed} removed, ${env.counts.moved} moved; ${env.files.length} generated file${env.files.length === 1 ? '' : 's'}`;
  const lines = [`<details><summary><b>${escapeHtml(env.environment)}</b> (${env.tier}): ${counts}</summary>`, ''];
  for (const view of views) {
    lines.push(`**${escapeHtml(view.component)}**`, '');
    for (const change of view.changes) {
      lines.push(`- ${CHANGE_BADGE[change.kind]} \`${change.label}\``);
      for (const field of change.fields) {
        lines.push(`  - \`${field.path}\`: ${inlineCode(field.summary)}`);
        if (field.textLines !== undefined) lines.push('    ```diff', ...field.textLines.map((l) => `    ${l}`), '    ```');
      }
      if (change.moreFields > 0) lines.push(`  - … and ${change.moreFields} more fields (\`--format json\` lists them all)`);
    }
    lines.push('');
  }
  if (env.files.length > 0) {
    lines.push('**generated files** (test suites, inventories, kustomizations: summarised)', '');
    for (const file of env.files) lines.push(`- ${file.change} \`${file.file}\` (+${file.linesAdded} −${file.linesRemoved} lines)`);
    lines.push('');
  }
  lines.push('</details>', '');
  return lines.join('\n');
}

function estateFileDetails(report: DiffReport): string {
  if (report.estateFiles.length === 0) return '';
  const lines = ['<details><summary><b>estate-wide files</b></summary>', ''];
  for (const file of report.estateFiles) lines.push(`- ${file.change} \`${file.file}\` (+${file.linesAdded} −${file.linesRemoved} lines)`);
  lines.push('', '</details>', '');
  return lines.join('\n');
}

function shortCommit(commit: string | undefined): string {
  return commit === undefined ? '' : ` (${commit.slice(0, 12)})`;
}

/** A table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function inlineCode(text: string): string {
  return text.startsWith('text changed') ? text : `\`${text.replace(/`/g, 'ˋ')}\``;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
