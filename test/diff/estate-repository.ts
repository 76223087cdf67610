import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import type { EnvironmentSpec } from '../../environments/types';
import { writeTree } from '../support/file-tree';
import { synthesizedOnce } from '../support/run-synthesis';

/** A dist/ tree: repository path (`dist/k8s/lab/...`) -> content. */
export type DistTree = Readonly<Record<string, string>>;

/**
 * A throwaway Git repository holding revisions of a synthesized dist/, for the diff to compare as it
 * compares a user's: `main` and commits on top. Removed by `remove()` (and with the jest run's
 * temporary folder in any case).
 */
export class EstateRepository {
  readonly dir = mkdtempSync(join(tmpdir(), 'gitops-cdk-diff-'));

  constructor() {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.invalid');
    this.git('config', 'user.name', 'gitops-cdk test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  /** The tree in the working folder, when this object wrote it: the next write touches only what differs. */
  private current: DistTree | undefined;

  /** Makes the working tree hold `tree` and commits it; returns the commit. */
  commit(tree: DistTree, message: string): string {
    this.write(tree);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  /**
   * Makes the working tree hold `tree` (uncommitted, as while editing), writing only the files that
   * differ from what is there: a synthesized estate is hundreds of files and a case changes one.
   */
  write(tree: DistTree): void {
    const before = this.current;
    if (before === undefined) {
      rmSync(join(this.dir, 'dist'), { recursive: true, force: true });
      writeTree(this.dir, tree);
    } else {
      for (const path of Object.keys(before)) if (!(path in tree)) rmSync(join(this.dir, path), { force: true });
      writeTree(this.dir, Object.fromEntries(Object.entries(tree).filter(([path, content]) => before[path] !== content)));
    }
    this.current = tree;
  }

  /**
   * Commits `tree` as a child of `parent` (whose tree is `parentTree`) without touching the branch
   * or the working tree: one `git fast-import` writing only the files that differ, where a commit in
   * the working tree and a reset cost four git commands and two passes over hundreds of files.
   */
  commitOnto(parent: string, parentTree: DistTree, tree: DistTree, message: string): string {
    const chunks: Buffer[] = [];
    const data = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
    };
    chunks.push(Buffer.from(`commit refs/gitops-cdk/side\nmark :1\ncommitter gitops-cdk test <test@example.invalid> ${Math.floor(Date.now() / 1000)} +0000\n`));
    data(message);
    chunks.push(Buffer.from(`from ${parent}\n`));
    for (const path of Object.keys(parentTree)) if (!(path in tree)) chunks.push(Buffer.from(`D ${path}\n`));
    for (const [path, content] of Object.entries(tree)) {
      if (parentTree[path] === content) continue;
      chunks.push(Buffer.from(`M 100644 inline ${path}\n`));
      data(content);
    }
    chunks.push(Buffer.from('get-mark :1\n'));
    return execFileSync('git', ['-C', this.dir, 'fast-import', '--quiet', '--force'], { input: Buffer.concat(chunks), stdio: ['pipe', 'pipe', 'pipe'] })
      .toString('utf8')
      .trim();
  }

  /** Moves the current branch back to `commit`, whose tree is `tree`. */
  reset(commit: string, tree: DistTree): void {
    this.git('reset', '-q', '--hard', commit);
    this.current = tree;
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * What `npm run synth` would write for `specs` (all of them the estate), as a dist/ tree, with the
 * policy exceptions given (none by default: the example estate's name environments the fixtures lack).
 * Built once per jest run: the diff tests of several files start from the same estates.
 */
export async function synthesizedDist(specs: readonly EnvironmentSpec[], exceptions: readonly PolicyExceptionDefinition[] = [], today = '2026-12-03'): Promise<DistTree> {
  const files = await synthesizedOnce(specs, exceptions, today);
  return Object.fromEntries([...files].map(([path, content]) => [`dist/${path}`, content]));
}

/** `tree` with the file at `path` edited by `edit` (which must change it: an edit that misses is a broken test). */
export function editFile(tree: DistTree, path: string, edit: (text: string) => string): DistTree {
  const before = tree[path];
  if (before === undefined)
    throw new Error(
      `${path} is not in the tree; it has ${Object.keys(tree)
        .filter((p) => p.startsWith(path.slice(0, path.lastIndexOf('/'))))
        .join(', ')}`,
    );
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  return { ...tree, [path]: after };
}

/** `tree` without the files for which `drop` is true. */
export function withoutFiles(tree: DistTree, drop: (path: string) => boolean): DistTree {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !drop(path)));
}
