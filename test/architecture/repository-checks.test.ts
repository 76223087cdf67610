import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from '../support/file-tree';
import { MAX_LINES } from './file-size';
import { libraryLayeringProblems, oversizedSourceFileProblems } from './repository-checks';

describe('this repository', () => {
  it('keeps the direction of dependency: constructs/ imports nothing from environments/, policies/ or apps/; the values nothing from apps/', () => {
    expect(libraryLayeringProblems()).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    expect(oversizedSourceFileProblems()).toEqual([]);
  });
});

// The same checks on a fixture repository that breaks each rule once: they can fail.
describe('the repository checks', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-cdk-repository-checks-'));
    writeTree(root, {
      'constructs/argocd/app.ts': "import type { EnvironmentSpec } from '../../environments/types';\n",
      'constructs/fine.ts': "import { App } from 'cdk8s';\n",
      'environments/dev.ts': "import { validate } from '../apps/spec/validate';\n",
      'examples/estate.ts': "import { AppProject } from '../constructs/argocd/app-project';\nimport { Chart } from 'gitops-cdk';\n",
      'apps/long.ts': 'x\n'.repeat(MAX_LINES + 5),
    });
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('name each import from constructs/ into the application, one line each', () => {
    expect(libraryLayeringProblems(root)).toEqual([
      "constructs/argocd/app.ts imports '../../environments/types' (environments/)",
      "environments/dev.ts imports '../apps/spec/validate' (apps/)",
      "examples/estate.ts imports '../constructs/argocd/app-project' (constructs/)",
    ]);
  });

  it(`name each source file over ${MAX_LINES} lines with its length`, () => {
    expect(oversizedSourceFileProblems(root)).toEqual([`apps/long.ts has ${MAX_LINES + 5} lines (at most ${MAX_LINES})`]);
  });
});
