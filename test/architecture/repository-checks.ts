import { join } from 'node:path';
import { MAX_LINES, oversizedFiles, SOURCE_FOLDERS } from './file-size';
import { LIBRARY_RULE, layeringViolations } from './layering';

/**
 * The architecture checks on this repository, as problem lines (none when it holds). They are not
 * tests yet: while issue 12's move is under way the repository still breaks them. To switch one
 * on, add to test/architecture/layering.test.ts (or file-size.test.ts):
 *
 *   it('the repository: constructs/ imports nothing from environments/, policies/ or apps/', () => {
 *     expect(libraryLayeringProblems()).toEqual([]);
 *   });
 *   it(`the repository: no source file is over ${MAX_LINES} lines`, () => {
 *     expect(oversizedSourceFileProblems()).toEqual([]);
 *   });
 *
 * `npx tsx test/architecture/repository-checks.ts` prints both lists and exits 1 if either has a line.
 */

const ROOT = join(__dirname, '..', '..');

/** Every import from constructs/ into environments/, policies/ or apps/, one line each. */
export function libraryLayeringProblems(root: string = ROOT): string[] {
  return layeringViolations(root, LIBRARY_RULE).map((v) => `${v.file} imports '${v.specifier}' (${v.reaches}/)`);
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
