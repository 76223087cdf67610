import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from '../support/file-tree';
import { importedModules, LIBRARY_RULE, layeringViolations, topLevelFolder } from './layering';

describe('importedModules', () => {
  it('reads static, type-only, side-effect, dynamic and required imports and re-exports, not comments or strings', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import './side-effect';",
      "export * from './all';",
      "export { c } from './c';",
      "const d = require('./d');",
      "const e = import('./e');",
      "// import { f } from './in-a-comment';",
      'const g = "import { g } from \'./in-a-string\'";',
      "import { h } from 'a-package';",
    ].join('\n');
    expect(importedModules(source)).toEqual(['./a', '../b', './side-effect', './all', './c', './d', './e', 'a-package']);
  });
});

describe('topLevelFolder', () => {
  it('resolves a relative specifier from the importing file to the top-level folder it reaches', () => {
    expect(topLevelFolder('constructs/argocd/app.ts', '../../environments/types')).toBe('environments');
    expect(topLevelFolder('constructs/argocd/app.ts', '../../environments')).toBe('environments');
    expect(topLevelFolder('constructs/argocd/app.ts', '../kyverno/policy')).toBe('constructs');
    expect(topLevelFolder('constructs/index.ts', './argocd')).toBe('constructs');
    // Through another folder and back: still the library.
    expect(topLevelFolder('constructs/a/b.ts', '../../apps/../constructs/c')).toBe('constructs');
  });

  it('ignores packages and paths that leave the root', () => {
    expect(topLevelFolder('constructs/a.ts', 'cdk8s')).toBeUndefined();
    expect(topLevelFolder('constructs/a.ts', '@cdktf/provider-aws/lib/vpc')).toBeUndefined();
    expect(topLevelFolder('constructs/a.ts', '../../elsewhere')).toBeUndefined();
  });
});

describe('layeringViolations', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-cdk-layering-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('reports every import from constructs/ into environments/, policies/ or apps/, naming the file and the specifier', () => {
    writeTree(root, {
      'constructs/clean.ts': "import { App } from 'cdk8s';\nimport { other } from './other';\n",
      'constructs/other.ts': 'export const other = 1;\n',
      'constructs/argocd/spec-user.ts': "import type { EnvironmentSpec } from '../../environments/types';\nimport { CATALOG } from '../../policies';\n",
      'constructs/deep/er/layout.ts': "export { distPath } from '../../../apps/synth/dist-layout';\n",
      'constructs/lazy.ts': "export const load = () => import('../environments');\n",
      // The application may import the library: only the library's imports are checked.
      'apps/assembly.ts': "import { other } from '../constructs/other';\n",
      'environments/types.ts': "import type { Tier } from '../constructs/tier';\n",
    });
    expect(layeringViolations(root, LIBRARY_RULE)).toEqual([
      { file: 'constructs/argocd/spec-user.ts', specifier: '../../environments/types', reaches: 'environments' },
      { file: 'constructs/argocd/spec-user.ts', specifier: '../../policies', reaches: 'policies' },
      { file: 'constructs/deep/er/layout.ts', specifier: '../../../apps/synth/dist-layout', reaches: 'apps' },
      { file: 'constructs/lazy.ts', specifier: '../environments', reaches: 'environments' },
    ]);
  });

  it('finds nothing in a library that imports only itself and packages', () => {
    writeTree(root, {
      'constructs/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'constructs/b.ts': "import { Construct } from 'constructs';\nexport const b = Construct;\n",
    });
    expect(layeringViolations(root, LIBRARY_RULE)).toEqual([]);
  });

  it('skips installed packages and build output inside the layer', () => {
    writeTree(root, {
      'constructs/node_modules/pkg/index.ts': "import '../../../environments/types';\n",
      'constructs/cdktf.out/stacks/x.ts': "import '../../../environments/types';\n",
    });
    expect(layeringViolations(root, LIBRARY_RULE)).toEqual([]);
  });
});
