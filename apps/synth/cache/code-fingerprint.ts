import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The code a synthesized unit depends on besides its spec: the library, the assembly and the
 * policies (every file below these folders of the project), the exact packages installed
 * (`package-lock.json`), the compiler settings, the Node version and the environment variables
 * cdk8s and cdktf read. `environments/` is not part of
 * it: what the environment files produce is the spec, which the cache compares value by value (see
 * `spec-reads.ts`), so that editing one cluster does not count as new code.
 */
export const CODE_FOLDERS = ['apps', 'constructs', 'policies'] as const;
export const CODE_FILES = ['package-lock.json', 'tsconfig.json'] as const;

/** Bumped when the cache's own format or rules change, so entries of an older synth are never read. */
export const CACHE_FORMAT = 2;

/**
 * Environment variables cdk8s and cdktf read while synthesizing (CDK8S_DISABLE_SORT and
 * CDK8S_LEGACY_HASH change manifests; CDKTF_CONTEXT_JSON carries feature flags that change logical
 * ids; SYNTH_HCL_OUTPUT and CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS change what a stack renders):
 * part of the fingerprint, by prefix, so that one set in a shell is never served output built
 * without it.
 */
const SYNTH_VARIABLES = /^(CDK8S_|CDKTF_|SYNTH_HCL_OUTPUT$)/;

/** A hash of the code of the project at `root`, or undefined when `root` is not a gitops-cdk project. */
export function codeFingerprint(root: string): string | undefined {
  if (!existsSync(join(root, 'package.json')) || !CODE_FOLDERS.every((folder) => existsSync(join(root, folder)))) return undefined;
  const hash = createHash('sha256');
  hash.update(`format ${CACHE_FORMAT}\nnode ${process.version}\n`);
  for (const name of Object.keys(process.env)
    .filter((n) => SYNTH_VARIABLES.test(n))
    .sort())
    hash.update(`env ${name}=${process.env[name] ?? ''}\n`);
  const files = [...CODE_FOLDERS.flatMap((folder) => filesBelow(join(root, folder))), ...CODE_FILES.map((file) => join(root, file)).filter((file) => existsSync(file))];
  for (const file of files.map((f) => relative(root, f).split('\\').join('/')).sort()) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesBelow(path);
    return entry.isFile() ? [path] : [];
  });
}
