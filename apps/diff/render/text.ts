import type { DiffReport } from '../diff-report';
import type { RiskLevel } from '../risks/risk-rule';
import { RISK_LEVELS } from '../risks/risk-rule';
import { type ChangeLine, componentViews } from './change-view';

const COLOURS = { red: 31, yellow: 33, blue: 34, green: 32, bold: 1, dim: 2 } as const;
const LEVEL_COLOUR: Readonly<Record<RiskLevel, keyof typeof COLOURS>> = { high: 'red', medium: 'yellow', low: 'blue' };
const CHANGE_MARK: Readonly<Record<ChangeLine['kind'], string>> = { added: '+', removed: '-', changed: '~', moved: '>' };

/** The diff for a terminal: the summary, the flags, then every environment's changes; coloured when `colour` (a TTY without NO_COLOR). */
export function textReport(report: DiffReport, colour: boolean): string {
  const paint = (name: keyof typeof COLOURS, text: string): string => (colour ? `\u001b[${COLOURS[name]}m${text}\u001b[0m` : text);
  const lines = [paint('bold', `gitops-cdk diff: ${report.base.label}${short(report.base.commit)} -> ${report.head.label}${short(report.head.commit)}`)];
  if (report.environments.length === 0 && report.estateFiles.length === 0) return `${lines.join('\n')}\nno change to the synthesized estate\n`;
  lines.push(`risk flags: ${RISK_LEVELS.map((level) => paint(LEVEL_COLOUR[level], `${report.flags.filter((f) => f.level === level).length} ${level}`)).join(', ')}`);
  for (const env of report.environments) {
    const c = env.counts;
    lines.push(
      `  ${env.environment} (${env.tier}${env.presence === 'both' ? '' : `, ${env.presence === 'added' ? 'new' : 'removed'}`}): ${c.added} added, ${c.changed} changed, ${c.removed} removed, ${c.moved} moved, ${env.files.length} generated files`,
    );
  }
  if (report.flags.length > 0) {
    lines.push('', paint('bold', 'flags'));
    for (const flag of report.flags) {
      lines.push(`  ${paint(LEVEL_COLOUR[flag.level], flag.level.padEnd(6))} ${flag.environment}  ${flag.unit}${flag.path !== undefined ? `  ${flag.path}` : ''}`);
      lines.push(`         ${flag.reason} ${paint('dim', `[${flag.rule}]`)}`);
    }
  }
  const { applications, stacks } = report.affected;
  lines.push(
    '',
    paint('bold', 'affected'),
    `  applications: ${applications.map((a) => `${a.environment}/${a.name}`).join(', ') || 'none'}`,
    `  stacks: ${stacks.map((s) => `${s.environment}/${s.stack}`).join(', ') || 'none'}`,
  );
  for (const env of report.environments) {
    lines.push('', paint('bold', `${env.environment} (${env.tier})`));
    for (const view of componentViews(env.changes)) {
      lines.push(`  ${view.component}`);
      for (const change of view.changes) {
        const mark = CHANGE_MARK[change.kind];
        lines.push(`    ${paint(change.kind === 'added' ? 'green' : change.kind === 'removed' ? 'red' : 'yellow', mark)} ${change.label}`);
        for (const field of change.fields) {
          lines.push(`        ${field.path}: ${field.summary}`);
          for (const text of field.textLines ?? []) lines.push(`          ${paint(text.startsWith('+') ? 'green' : text.startsWith('-') ? 'red' : 'dim', text)}`);
        }
        if (change.moreFields > 0) lines.push(`        … and ${change.moreFields} more fields (--format json lists them all)`);
      }
    }
    for (const file of env.files) lines.push(`  ${file.change} ${file.file} (+${file.linesAdded} -${file.linesRemoved} lines)`);
  }
  for (const file of report.estateFiles) lines.push('', `${file.change} ${file.file} (+${file.linesAdded} -${file.linesRemoved} lines)`);
  for (const note of report.notes) lines.push('', `note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function short(commit: string | undefined): string {
  return commit === undefined ? '' : ` (${commit.slice(0, 12)})`;
}
