import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from '../support/file-tree';
import { lineCount, MAX_LINES, oversizedFiles, SOURCE_FOLDERS } from './file-size';

const lines = (n: number): string => 'x\n'.repeat(n);

describe('lineCount', () => {
  it('counts lines as an editor numbers them', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
  });
});

describe('oversizedFiles', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-cdk-file-size-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it(`reports every .ts file of the source folders over ${MAX_LINES} lines, largest first; a file of exactly ${MAX_LINES} passes`, () => {
    writeTree(root, {
      'constructs/at-limit.ts': lines(MAX_LINES),
      'constructs/just-over.ts': lines(MAX_LINES + 1),
      'test/big.test.ts': lines(MAX_LINES * 2),
      'apps/small.ts': lines(3),
      // Not TypeScript, or not a source folder: not counted.
      'constructs/data.json': lines(MAX_LINES * 3),
      'engines/build.ts': lines(MAX_LINES * 3),
      'test/node_modules/pkg/huge.ts': lines(MAX_LINES * 3),
    });
    expect(oversizedFiles(root, SOURCE_FOLDERS)).toEqual([
      { file: 'test/big.test.ts', lines: MAX_LINES * 2 },
      { file: 'constructs/just-over.ts', lines: MAX_LINES + 1 },
    ]);
  });

  it('takes another limit, and a missing folder has no files', () => {
    writeTree(root, { 'apps/a.ts': lines(11) });
    expect(oversizedFiles(root, ['apps', 'policies'], 10)).toEqual([{ file: 'apps/a.ts', lines: 11 }]);
  });
});
