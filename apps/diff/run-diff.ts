import { execFileSync } from 'node:child_process';
import { DIST_DIR } from '../synth/dist-layout';
import type { DiffOptions } from './diff-options';
import type { DiffReport } from './diff-report';
import { diffEstate } from './estate-diff';
import { defaultBase, gitRevisionFiles, type ProjectPlace, type RevisionFiles, workingTreeFiles } from './read/revision-files';
import { jsonReport } from './render/json';
import { markdownComment } from './render/markdown';
import { textReport } from './render/text';
import { RISK_LEVELS } from './risks/risk-rule';
import { RISK_RULES } from './risks/risk-rules';

/** The exit code of a diff with a flag at or above `--fail-on`: apart from 1, which every failure (npm's, esbuild's, the diff's own) gives. */
export const FLAGS_EXIT_CODE = 3;

export interface DiffRun {
  readonly report: DiffReport;
  /** What to print (or write to `--out`). */
  readonly output: string;
  /** Markdown only: the details file to write, when the details did not fit in the comment. */
  readonly details?: { readonly file: string; readonly content: string };
  /** FLAGS_EXIT_CODE when a flag reaches `--fail-on`. */
  readonly exitCode: 0 | typeof FLAGS_EXIT_CODE;
  /** How many flags reach `--fail-on`. */
  readonly failing: number;
}

/**
 * One `npm run diff` in the Git repository that holds `directory`: reads both sides of dist/ (the
 * base from Git, the head from Git or the working tree), diffs them and renders the report. Writes
 * nothing.
 */
export async function runDiff(directory: string, options: DiffOptions, colour = false): Promise<DiffRun> {
  const place = projectPlace(directory);
  const base = options.base !== undefined ? gitRevisionFiles(place, options.base, DIST_DIR) : mergeBaseFiles(place);
  const head = options.head !== undefined ? gitRevisionFiles(place, options.head, DIST_DIR) : workingTreeFiles(place, DIST_DIR);
  const diffed = await diffEstate({
    base,
    head,
    ...(options.env !== undefined ? { environment: options.env } : {}),
    rules: RISK_RULES,
  });
  const report = { ...diffed, notes: [...options.notes, ...diffed.notes] };
  const { failOn } = options;
  const failing = failOn === 'none' ? 0 : report.flags.filter((f) => RISK_LEVELS.indexOf(f.level) <= RISK_LEVELS.indexOf(failOn)).length;
  const verdict = { exitCode: failing > 0 ? FLAGS_EXIT_CODE : 0, failing } as const;
  switch (options.format) {
    case 'json':
      return { report, output: jsonReport(report), ...verdict };
    case 'text':
      return { report, output: textReport(report, colour), ...verdict };
    case 'markdown': {
      const { comment, details } = markdownComment(report, options.detailsFile, options.commentFor);
      return { report, output: comment, ...(details !== undefined ? { details: { file: options.detailsFile, content: details } } : {}), ...verdict };
    }
  }
}

/** The default base: where the branch left main, labelled so. */
function mergeBaseFiles(place: ProjectPlace): RevisionFiles {
  const { commit, branch } = defaultBase(place.repository);
  return { ...gitRevisionFiles(place, commit, DIST_DIR), label: `merge base with ${branch}` };
}

/** The Git repository holding `directory`, and where in it the project (its dist/) is. */
function projectPlace(directory: string): ProjectPlace {
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', directory, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      .toString('utf8')
      .trim();
  try {
    return { repository: git('rev-parse', '--show-toplevel'), prefix: git('rev-parse', '--show-prefix') };
  } catch {
    throw new Error(`${directory} is not inside a Git repository: npm run diff compares revisions of the committed dist/`);
  }
}
