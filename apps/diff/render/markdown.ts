import type { DiffReport, EnvironmentDiff, RiskFlag } from '../diff-report';
import { RISK_LEVELS, type RiskLevel } from '../risks/risk-rule';
import { type ChangeLine, componentViews } from './change-view';

/** Where the comment is posted: the two hosts render Markdown differently and cap comments differently. */
export type CommentHost = 'github' | 'bitbucket';

interface HostStyle {
  /** The comment's first line, invisible once rendered: CI finds its own comment by it and updates it instead of adding one. */
  readonly marker: string;
  /** The comment stays under this, with room for the note that points at the details. */
  readonly maxChars: number;
  /** Raw HTML (`<details>`, `<br>`) is rendered; else it is shown as text, so the details are plain sections. */
  readonly html: boolean;
}

/**
 * - GitHub refuses a comment over 65,536 characters (its 422 error says so) and renders `<details>`.
 * - Bitbucket Cloud refuses one of 32,768 characters or more ("less than 32768 characters", the
 *   error its API answers) and escapes raw HTML, so an HTML comment would show as text: its marker is
 *   a link reference definition, which Markdown does not render.
 */
export const COMMENT_HOSTS: Readonly<Record<CommentHost, HostStyle>> = {
  github: { marker: '<!-- gitops-cdk diff -->', maxChars: 60_000, html: true },
  bitbucket: { marker: '[gitops-cdk-diff]: #', maxChars: 32_000, html: false },
};

/** GitHub's limits, the default. */
export const MAX_COMMENT_CHARS = COMMENT_HOSTS.github.maxChars;
export const COMMENT_MARKER = COMMENT_HOSTS.github.marker;

/** Rows of the environment table and names of each affected list shown in the summary; the JSON has all. */
const MAX_SUMMARY_ROWS = 40;

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
 * Never over the host's limit: beyond that the details go to `detailsFile` and the comment says so.
 */
export function markdownComment(report: DiffReport, detailsFile: string, host: CommentHost = 'github'): MarkdownComment {
  const style = COMMENT_HOSTS[host];
  const summary = summaryMarkdown(report, style);
  const details = [...report.environments.map((env) => environmentDetails(env, style)), estateFileDetails(report, style)].filter((d) => d !== '').join('\n');
  const whole = details === '' ? summary : `${summary}\n${details}`;
  if (whole.length <= style.maxChars) return { comment: whole };
  const pointer = `\n> **The details (${whole.length.toLocaleString('en-US')} characters) do not fit in a comment.** They are in \`${detailsFile}\`, uploaded by CI with this run (see the job's artifacts); \`npm run diff\` prints them locally.\n`;
  const fitting = summary.length + pointer.length <= style.maxChars ? summary : shortenedSummary(report, style, style.maxChars - pointer.length);
  return { comment: `${fitting}${pointer}`, details: whole };
}

function summaryMarkdown(report: DiffReport, style: HostStyle, maxFlags = Number.POSITIVE_INFINITY): string {
  const lines = [style.marker, `### gitops-cdk diff: \`${report.base.label}\`${shortCommit(report.base.commit)} → \`${report.head.label}\`${shortCommit(report.head.commit)}`, ''];
  if (report.environments.length === 0 && report.estateFiles.length === 0) {
    lines.push('No change to the synthesized estate.');
    return `${lines.join('\n')}\n`;
  }
  const counts = RISK_LEVELS.map((level) => `${report.flags.filter((f) => f.level === level).length} ${level}`);
  lines.push(`**Risk flags: ${counts.join(' · ')}** in ${report.environments.length} changed environment${report.environments.length === 1 ? '' : 's'}.`, '');
  lines.push('| environment | tier | added | changed | removed | moved | files | flags |', '|---|---|--:|--:|--:|--:|--:|---|');
  for (const env of report.environments.slice(0, MAX_SUMMARY_ROWS)) {
    const flags = report.flags.filter((f) => f.environment === env.environment);
    const worst = RISK_LEVELS.find((level) => flags.some((f) => f.level === level));
    const presence = env.presence === 'both' ? '' : ` (${env.presence === 'added' ? 'new' : 'removed'})`;
    lines.push(
      `| ${cell(env.environment, style)}${presence} | ${env.tier} | ${env.counts.added} | ${env.counts.changed} | ${env.counts.removed} | ${env.counts.moved} | ${env.files.length} | ${worst ? `${LEVEL_BADGE[worst]} (${flags.length})` : '–'} |`,
    );
  }
  if (report.environments.length > MAX_SUMMARY_ROWS)
    lines.push(`| … ${report.environments.length - MAX_SUMMARY_ROWS} more environments (\`--format json\` lists all) | | | | | | | |`);
  if (report.flags.length > 0) {
    lines.push('', '#### Risk flags', '', '| level | environment | where | why | rule |', '|---|---|---|---|---|');
    for (const flag of report.flags.slice(0, maxFlags)) lines.push(flagRow(flag, style));
    if (report.flags.length > maxFlags) lines.push(`| … | | | ${report.flags.length - maxFlags} more flags: see the details file | |`);
  }
  const { applications, stacks } = report.affected;
  lines.push('', '#### Affected', '');
  lines.push(`- **Argo CD applications** (${applications.length}): ${listed(applications.map((a) => `${a.environment}/${a.name}`))}`);
  lines.push(`- **Terraform stacks** (${stacks.length}): ${listed(stacks.map((s) => `${s.environment}/${s.stack}`))}`);
  for (const note of report.notes) lines.push('', `> Note: ${cell(note, style)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The summary with as many flag rows as fit (all of them are in the details file); if even that is
 * too long (thousands of notes), cut at a line with a last line saying so.
 */
function shortenedSummary(report: DiffReport, style: HostStyle, budget: number): string {
  let maxFlags = report.flags.length;
  let text = summaryMarkdown(report, style, maxFlags);
  while (text.length > budget && maxFlags > 0) {
    maxFlags = Math.floor(maxFlags / 2);
    text = summaryMarkdown(report, style, maxFlags);
  }
  if (text.length <= budget) return text;
  const cut = '\n> … the summary is cut here: the details file has all of it.\n';
  const end = text.lastIndexOf('\n', budget - cut.length);
  return `${text.slice(0, Math.max(0, end))}${cut}`;
}

/** Names in code spans, the first MAX_SUMMARY_ROWS of them. */
function listed(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, MAX_SUMMARY_ROWS).map((name) => `\`${name.replace(/`/g, 'ˋ')}\``);
  return `${shown.join(', ')}${names.length > MAX_SUMMARY_ROWS ? `, … and ${names.length - MAX_SUMMARY_ROWS} more (\`--format json\` lists all)` : ''}`;
}

function flagRow(flag: RiskFlag, style: HostStyle): string {
  const where = `\`${flag.unit}\`${flag.path !== undefined ? `${style.html ? '<br>' : ' · '}\`${flag.path}\`` : ''}`;
  return `| ${LEVEL_BADGE[flag.level]} | ${cell(flag.environment, style)} | ${where.replace(/\|/g, '\\|')} | ${cell(flag.reason, style)} | \`${flag.rule}\` |`;
}

function environmentDetails(env: EnvironmentDiff, style: HostStyle): string {
  const views = componentViews(env.changes);
  const counts = `${env.counts.added} added, ${env.counts.changed} changed, ${env.counts.removed} removed, ${env.counts.moved} moved; ${env.files.length} generated file${env.files.length === 1 ? '' : 's'}`;
  const lines = style.html
    ? [`<details><summary><b>${escapeHtml(env.environment)}</b> (${env.tier}): ${counts}</summary>`, '']
    : [`#### ${env.environment} (${env.tier}): ${counts}`, ''];
  // Folded per component too (GitHub): a cluster added opens as a list of folders and stacks.
  for (const view of views) {
    const title = `${view.component} (${view.changes.length})`;
    lines.push(style.html ? `<details><summary>${escapeHtml(title)}</summary>` : `**${title}**`, '');
    for (const change of view.changes) {
      lines.push(`- ${CHANGE_BADGE[change.kind]} ${code(change.label)}`);
      for (const field of change.fields) {
        lines.push(`  - ${code(field.path)}: ${field.textLines !== undefined ? field.summary : code(field.summary)}`);
        if (field.textLines !== undefined) {
          const fence = '`'.repeat(Math.max(3, ...field.textLines.map((l) => longestRun(l, '`') + 1)));
          lines.push(`    ${fence}diff`, ...field.textLines.map((l) => `    ${l}`), `    ${fence}`);
        }
      }
      if (change.moreFields > 0) lines.push(`  - … and ${change.moreFields} more fields (\`--format json\` lists them all)`);
    }
    lines.push('', ...(style.html ? ['</details>', ''] : []));
  }
  if (env.files.length > 0) {
    lines.push('**generated files** (test suites, inventories, kustomizations: summarised)', '');
    for (const file of env.files) lines.push(`- ${file.change} \`${file.file}\` (+${file.linesAdded} −${file.linesRemoved} lines)`);
    lines.push('');
  }
  if (style.html) lines.push('</details>', '');
  return lines.join('\n');
}

function estateFileDetails(report: DiffReport, style: HostStyle): string {
  if (report.estateFiles.length === 0) return '';
  const lines = style.html ? ['<details><summary><b>estate-wide files</b></summary>', ''] : ['#### estate-wide files', ''];
  for (const file of report.estateFiles) lines.push(`- ${file.change} \`${file.file}\` (+${file.linesAdded} −${file.linesRemoved} lines)`);
  lines.push('', ...(style.html ? ['</details>', ''] : []));
  return lines.join('\n');
}

function shortCommit(commit: string | undefined): string {
  return commit === undefined ? '' : ` (${commit.slice(0, 12)})`;
}

/**
 * Text from dist/ in a table cell or note (a reason quotes values the pull request wrote): one line,
 * pipes escaped, and neither HTML nor a link: `<!--` in one reason would hide the rows after it, and
 * `[x](url)` would put a link in the bot's comment.
 */
function cell(text: string, style: HostStyle): string {
  const plain = text.replace(/\n/g, ' ').replace(/([\\|[\]])/g, '\\$1');
  return style.html ? escapeHtml(plain) : plain;
}

/** A code span, whatever the text holds: backticks inside would end it, so they are swapped for a look-alike. */
function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
