import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EstateRepository } from './estate-repository';

// The diff tests commit each case's estate beside main with `commitOnto`: the revision must hold
// exactly the tree given, as a commit in the working tree would, and leave main and its files alone.
describe('EstateRepository.commitOnto', () => {
  const repository = new EstateRepository();
  const base = { 'dist/k8s/lab/a.yaml': 'a: 1\n', 'dist/k8s/lab/b.yaml': 'b: 1\n', 'dist/k8s/lab/c.yaml': 'c: ü\n' };
  let main: string;
  beforeAll(() => {
    main = repository.commit(base, 'the estate');
  });
  afterAll(() => repository.remove());

  /** Every file of `commit` with its content. */
  function treeOf(commit: string): Record<string, string> {
    const paths = repository.git('ls-tree', '-r', '--name-only', commit).trim().split('\n');
    return Object.fromEntries(paths.map((path) => [path, repository.git('show', `${commit}:${path}`)]));
  }

  it('commits the tree given, files changed, added and removed, as a child of the parent', () => {
    const tree = { 'dist/k8s/lab/a.yaml': 'a: 2\n', 'dist/k8s/lab/c.yaml': 'c: ü\n', 'dist/k8s/lab/d.yaml': 'd: é\n' };
    const head = repository.commitOnto(main, base, tree, 'a case');
    expect(treeOf(head)).toEqual(tree);
    expect(repository.git('rev-parse', `${head}^`).trim()).toBe(main);
    expect(repository.git('log', '-1', '--format=%s', head).trim()).toBe('a case');
  });

  it('leaves the branch and the working tree as they were', () => {
    repository.commitOnto(main, base, { ...base, 'dist/k8s/lab/a.yaml': 'a: 3\n' }, 'another case');
    expect(repository.git('rev-parse', 'HEAD').trim()).toBe(main);
    expect(readFileSync(join(repository.dir, 'dist/k8s/lab/a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(existsSync(join(repository.dir, 'dist/k8s/lab/d.yaml'))).toBe(false);
    expect(repository.git('status', '--porcelain')).toBe('');
  });

  it('commits onto a commit of its own making', () => {
    const first = repository.commitOnto(main, base, { ...base, 'dist/k8s/lab/e.yaml': 'e: 1\n' }, 'first');
    const second = repository.commitOnto(first, { ...base, 'dist/k8s/lab/e.yaml': 'e: 1\n' }, base, 'second');
    expect(treeOf(second)).toEqual(base);
    expect(repository.git('rev-parse', `${second}^`).trim()).toBe(first);
  });
});
