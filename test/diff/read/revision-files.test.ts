import { defaultBase, gitRevisionFiles, workingTreeFiles } from '../../../apps/diff/read/revision-files';
import { EstateRepository } from '../estate-repository';

describe('revision files', () => {
  const repository = new EstateRepository();
  const tree = { 'dist/k8s/prod/a.yaml': 'a: 1\n', 'dist/k8s/prod/é.yaml': 'b: "ü"\n', 'README.md': 'not dist\n' };
  let first: string;

  beforeAll(() => {
    first = repository.commit(tree, 'first');
  });
  afterAll(() => repository.remove());

  it('lists the dist/ files of a revision with their blob ids, and reads them in one batch', () => {
    const files = gitRevisionFiles(repository.dir, 'main', 'dist');
    expect([...files.blobs.keys()].sort()).toEqual(['dist/k8s/prod/a.yaml', 'dist/k8s/prod/é.yaml']);
    expect(files.commit).toBe(first);
    expect(Object.fromEntries(files.read(['dist/k8s/prod/é.yaml', 'dist/k8s/prod/a.yaml']))).toEqual({ 'dist/k8s/prod/é.yaml': 'b: "ü"\n', 'dist/k8s/prod/a.yaml': 'a: 1\n' });
  });

  it('gives working-tree files the blob id Git gives them, so an unchanged file is never read as changed', () => {
    const committed = gitRevisionFiles(repository.dir, 'main', 'dist');
    repository.write({ ...tree, 'dist/k8s/prod/a.yaml': 'a: 2\n' });
    const working = workingTreeFiles(repository.dir, 'dist');
    expect(working.blobs.get('dist/k8s/prod/é.yaml')).toBe(committed.blobs.get('dist/k8s/prod/é.yaml'));
    expect(working.blobs.get('dist/k8s/prod/a.yaml')).not.toBe(committed.blobs.get('dist/k8s/prod/a.yaml'));
    repository.write(tree);
  });

  it('takes the merge base with main as the default base, and names a revision it cannot find', () => {
    repository.git('checkout', '-q', '-b', 'feature');
    repository.commit({ ...tree, 'dist/k8s/prod/b.yaml': 'b: 1\n' }, 'on the branch');
    expect(defaultBase(repository.dir)).toBe(first);
    repository.git('checkout', '-q', 'main');
    expect(() => gitRevisionFiles(repository.dir, 'origin/nope', 'dist')).toThrow('"origin/nope" is not a revision of the repository');
  });
});
