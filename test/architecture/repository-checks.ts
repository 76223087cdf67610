import { join } from 'node:path';
import { MAX_LINES, oversizedFiles, SOURCE_FOLDERS } from './file-size';
import { EXAMPLES_RULE, LIBRARY_RULE, layeringViolations, VALUES_RULES } from './layering';

/**
 * The architecture checks on this repository, as problem lines (none when it holds):
 * repository-checks.test.ts asserts both are empty. `npx tsx test/architecture/repository-checks.ts`
 * prints both lists and exits 1 if either has a line.
 */

const ROOT = join(__dirname, '..', '..');

/**
 * Every import against the direction of dependency, one line each: constructs/ into the application
 * (environments/, policies/, apps/), the values into apps/, the example into anything but the
 * package entry point.
 */
export function libraryLayeringProblems(root: string = ROOT): string[] {
  return [LIBRARY_RULE, ...VALUES_RULES, EXAMPLES_RULE].flatMap((rule) => layeringViolations(root, rule).map((v) => `${v.file} imports '${v.specifier}' (${v.reaches}/)`));
}

/** Every source file (apps, constructs, environments, policies, test) over MAX_LINES lines, largest first. */
export function oversizedSourceFileProblems(root: string = ROOT): string[] {
  return oversizedFiles(root, SOURCE_FOLDERS).map((f) => `${f.file} has ${f.lines} lines (at most ${MAX_LINES})`);
}

if (require.main === module) {
  const layering = libraryLayeringProblems();
  const oversized = oversizedSourceFileProblems();
  console.log(`constructs/ importing environments/, policies/ or apps/: ${layering.length}`);
  for (const line of layering) console.log(`  ${line}`);
  console.log(`source files over ${MAX_LINES} lines: ${oversized.length}`);
  for (const line of oversized) console.log(`  ${line}`);
  process.exitCode = layering.length + oversized.length > 0 ? 1 : 0;
}
