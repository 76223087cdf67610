import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The dist/ files of one side of the diff: a Git revision (dist/ is committed, so the base needs no
 * synth) or the working tree. Files are named by their path from the repository root and compared
 * by Git blob id first, so an unchanged file is never read twice nor parsed.
 */
export interface RevisionFiles {
  /** As the user named it (`main`, `HEAD~1`, `working tree`). */
  readonly label: string;
  /** The commit it resolved to; absent for the working tree. */
  readonly commit?: string;
  /** dist/ path -> Git blob id of its content. */
  readonly blobs: ReadonlyMap<string, string>;
  /** The content of these paths (each must be in `blobs`); read once, then remembered. */
  read(paths: readonly string[]): ReadonlyMap<string, string>;
}

const MAX_BUFFER = 1024 * 1024 * 1024;

/**
 * Where the project lies in its Git repository (`git rev-parse --show-prefix`: `''` at the top,
 * `platform/gitops/` below it): dist/ is read there, and its files are named from the project.
 */
export interface ProjectPlace {
  readonly repository: string;
  readonly prefix: string;
}

/** A revision's dist/ files, read from Git (`git ls-tree`, then one `git cat-file --batch` for the contents). */
export function gitRevisionFiles(place: ProjectPlace, ref: string, distDir: string): RevisionFiles {
  const { repository, prefix } = place;
  const commit = resolveCommit(repository, ref);
  const listing = git(repository, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', `${prefix}${distDir}`]).toString('utf8');
  const blobs = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    // `<mode> blob <oid>\t<path>`; submodules and symlinks are not part of a synthesized dist/.
    const match = /^(100644|100755) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match?.[2] === undefined || match[3] === undefined) continue;
    blobs.set(match[3].slice(prefix.length), match[2]);
  }
  // Each read is one `git cat-file` process: the diff asks for everything it needs up front, and
  // later reads of the same paths come from here.
  const cache = new Map<string, string>();
  return {
    label: ref,
    commit,
    blobs,
    read: (paths) => {
      const missing = [...new Set(paths)].filter((path) => !cache.has(path));
      for (const [path, content] of readBlobs(repository, missing, blobs)) cache.set(path, content);
      return new Map(paths.map((path) => [path, cache.get(path) ?? ''] as const));
    },
  };
}

/**
 * The working tree's dist/ files, with the blob id Git would give each, so they compare with a
 * revision's. Only what Git would commit: tracked and untracked files that .gitignore does not
 * exclude (a Terraform run by hand leaves `.terraform/` with provider binaries in a stack folder).
 */
export function workingTreeFiles(place: ProjectPlace, distDir: string): RevisionFiles {
  const { repository, prefix } = place;
  const contents = new Map<string, string>();
  const blobs = new Map<string, string>();
  const algorithm = git(repository, ['rev-parse', '--show-object-format']).toString('utf8').trim() === 'sha256' ? 'sha256' : 'sha1';
  const listed = git(repository, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', `${prefix}${distDir}`])
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '');
  for (const path of new Set(listed)) {
    let bytes: Buffer;
    try {
      const file = join(repository, path);
      if (!lstatSync(file).isFile()) continue;
      bytes = readFileSync(file);
    } catch {
      continue; // tracked but deleted in the working tree: not there
    }
    const name = path.slice(prefix.length);
    contents.set(name, bytes.toString('utf8'));
    blobs.set(name, blobId(bytes, algorithm));
  }
  return {
    label: 'working tree',
    blobs,
    read: (paths) => new Map(paths.map((path) => [path, contents.get(path) ?? missing(path)])),
  };
}

/**
 * The default base: where the current branch left `main` (`git merge-base HEAD main`), or
 * `origin/main` in a clone that has no local `main` (a CI checkout of a pull request).
 */
export function defaultBase(repository: string): { readonly commit: string; readonly branch: string } {
  for (const branch of ['main', 'origin/main']) {
    try {
      return { commit: git(repository, ['merge-base', 'HEAD', branch]).toString('utf8').trim(), branch };
    } catch {
      // try the next candidate
    }
  }
  throw new Error('no merge base with `main` or `origin/main` (a shallow clone, or another default branch): pass --base REF, e.g. --base origin/develop');
}

function resolveCommit(repository: string, ref: string): string {
  try {
    return git(repository, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    throw new Error(`${JSON.stringify(ref)} is not a revision of the repository at ${repository}: fetch it (\`git fetch origin ${ref}\`) or name a branch, tag or commit`);
  }
}

function readBlobs(repository: string, paths: readonly string[], blobs: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (paths.length === 0) return out;
  const ids = paths.map((path) => blobs.get(path) ?? missing(path));
  const batch = git(repository, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  // Each answer: `<oid> blob <size>\n<content>\n`, in the order asked.
  let offset = 0;
  for (const path of paths) {
    const headerEnd = batch.indexOf(10, offset);
    const header = batch.subarray(offset, headerEnd).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isInteger(size)) throw new Error(`git cat-file: unexpected answer ${JSON.stringify(header)} for ${path}`);
    out.set(path, batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    offset = headerEnd + 1 + size + 1;
  }
  return out;
}

function git(repository: string, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', ['-C', repository, ...args], { maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
}

/** Git's object id of a file's content (`git hash-object`), in the repository's object format. */
function blobId(bytes: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function missing(path: string): never {
  throw new Error(`${path} is not a file of this revision`);
}
