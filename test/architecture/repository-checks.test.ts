import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from '../support/file-tree';
import { MAX_LINES } from './file-size';
import { libraryLayeringProblems, oversizedSourceFileProblems } from './repository-checks';

// The checks the lead switches on for the real repository (see repository-checks.ts), run here on
// a fixture repository that breaks each rule once.
describe('the repository checks', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-cdk-repository-checks-'));
    writeTree(root, {
      'constructs/argocd/app.ts': "import type { EnvironmentSpec } from '../../environments/types';\n",
      'constructs/fine.ts': "import { App } from 'cdk8s';\n",
      'apps/long.ts': 'x\n'.repeat(MAX_LINES + 5),
    });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('name each import from constructs/ into the application, one line each', () => {
    expect(libraryLayeringProblems(root)).toEqual(["constructs/argocd/app.ts imports '../../environments/types' (environments/)"]);
  });

  it(`name each source file over ${MAX_LINES} lines with its length`, () => {
    expect(oversizedSourceFileProblems(root)).toEqual([`apps/long.ts has ${MAX_LINES + 5} lines (at most ${MAX_LINES})`]);
  });
});
