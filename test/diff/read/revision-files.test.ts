import { defaultBase, gitRevisionFiles, workingTreeFiles } from '../../../apps/diff/read/revision-files';
import { EstateRepository } from '../estate-repository';

describe('revision files', () => {
  const repository = new EstateRepository();
  const top = () => ({ repository: repository.dir, prefix: '' });
  const tree = { 'dist/k8s/prod/a.yaml': 'a: 1\n', 'dist/k8s/prod/é.yaml': 'b: "ü"\n', 'README.md': 'not dist\n' };
  let first: string;

  beforeAll(() => {
    first = repository.commit(tree, 'first');
  });
  afterAll(() => repository.remove());

  it('lists the dist/ files of a revision with their blob ids, and reads them in one batch', () => {
    const files = gitRevisionFiles(top(), 'main', 'dist');
    expect([...files.blobs.keys()].sort()).toEqual(['dist/k8s/prod/a.yaml', 'dist/k8s/prod/é.yaml']);
    expect(files.commit).toBe(first);
    expect(Object.fromEntries(files.read(['dist/k8s/prod/é.yaml', 'dist/k8s/prod/a.yaml']))).toEqual({ 'dist/k8s/prod/é.yaml': 'b: "ü"\n', 'dist/k8s/prod/a.yaml': 'a: 1\n' });
  });

  it('gives working-tree files the blob id Git gives them, so an unchanged file is never read as changed', () => {
    const committed = gitRevisionFiles(top(), 'main', 'dist');
    repository.write({ ...tree, 'dist/k8s/prod/a.yaml': 'a: 2\n' });
    const working = workingTreeFiles(top(), 'dist');
    expect(working.blobs.get('dist/k8s/prod/é.yaml')).toBe(committed.blobs.get('dist/k8s/prod/é.yaml'));
    expect(working.blobs.get('dist/k8s/prod/a.yaml')).not.toBe(committed.blobs.get('dist/k8s/prod/a.yaml'));
    repository.write(tree);
  });

  it('takes the merge base with main as the default base, and names a revision it cannot find', () => {
    repository.git('checkout', '-q', '-b', 'feature');
    repository.commit({ ...tree, 'dist/k8s/prod/b.yaml': 'b: 1\n' }, 'on the branch');
    expect(defaultBase(repository.dir)).toEqual({ commit: first, branch: 'main' });
    repository.git('checkout', '-q', 'main');
    expect(() => gitRevisionFiles(top(), 'origin/nope', 'dist')).toThrow('"origin/nope" is not a revision of the repository');
  });

  it('reads from the working tree only what Git would commit: not ignored files, not deleted ones', () => {
    // a.yaml is tracked and deleted from the working tree.
    const { 'dist/k8s/prod/a.yaml': _deleted, ...rest } = tree;
    repository.write({ ...rest, '.gitignore': 'dist/**/.terraform/\n', 'dist/terraform/prod/a/.terraform/providers/big': 'x'.repeat(1000), 'dist/k8s/prod/new.yaml': 'n: 1\n' });
    expect([...workingTreeFiles(top(), 'dist').blobs.keys()].sort()).toEqual(['dist/k8s/prod/new.yaml', 'dist/k8s/prod/é.yaml']);
    repository.write(tree);
  });

  it('reads the dist/ of a project below the top of its repository, naming files from the project', () => {
    const nested = new EstateRepository();
    nested.commit({ 'platform/gitops/dist/k8s/prod/a.yaml': 'a: 1\n', 'dist/k8s/prod/other.yaml': 'o: 1\n' }, 'a project in a folder');
    const place = { repository: nested.dir, prefix: 'platform/gitops/' };
    expect([...gitRevisionFiles(place, 'main', 'dist').blobs.keys()]).toEqual(['dist/k8s/prod/a.yaml']);
    expect([...workingTreeFiles(place, 'dist').blobs.keys()]).toEqual(['dist/k8s/prod/a.yaml']);
    expect(gitRevisionFiles(place, 'main', 'dist').read(['dist/k8s/prod/a.yaml']).get('dist/k8s/prod/a.yaml')).toBe('a: 1\n');
    nested.remove();
  });
});
