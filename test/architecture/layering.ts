import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { preProcessFile } from 'typescript';
import { typeScriptFiles } from './source-files';

/** A direction of dependency: files under `layer` import nothing from the `forbidden` folders. */
export interface LayeringRule {
  readonly layer: string;
  readonly forbidden: readonly string[];
}

/** The rule of issue 12: the library (constructs/) imports nothing from the application. */
export const LIBRARY_RULE: LayeringRule = { layer: 'constructs', forbidden: ['environments', 'policies', 'apps'] };

/** The values (environments/, policies/) are read by the application, never the other way round. */
export const VALUES_RULES: readonly LayeringRule[] = [
  { layer: 'environments', forbidden: ['apps'] },
  { layer: 'policies', forbidden: ['apps', 'environments'] },
];

/** Another repository's estate (examples/) reaches the library through its entry point only. */
export const EXAMPLES_RULE: LayeringRule = { layer: 'examples', forbidden: ['environments', 'policies', 'apps', 'constructs'] };

/** One import that breaks a LayeringRule. */
export interface LayeringViolation {
  /** The importing file, relative to the root. */
  readonly file: string;
  /** The module specifier as written (`../../environments/types`). */
  readonly specifier: string;
  /** The forbidden folder it reaches. */
  readonly reaches: string;
}

/**
 * The module specifiers of a TypeScript source: static and type-only imports, re-exports,
 * `import()` and `require()`. TypeScript's own pre-processor reads them, so imports inside
 * comments and strings do not count.
 */
export function importedModules(source: string): string[] {
  return preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The top-level folder a relative specifier of `file` resolves to (`file` and the result are
 * relative to the root), or undefined for a package import or a path that leaves the root.
 */
export function topLevelFolder(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
  const target = normalize(join(dirname(file), specifier)).split(/[\\/]/);
  return target[0] === '..' ? undefined : target[0];
}

/** Every import under `rule.layer` (below `root`) that reaches one of the forbidden folders, in file order. */
export function layeringViolations(root: string, rule: LayeringRule): LayeringViolation[] {
  return typeScriptFiles(root, [rule.layer]).flatMap((file) =>
    importedModules(readFileSync(join(root, file), 'utf8')).flatMap((specifier) => {
      const reaches = topLevelFolder(file, specifier);
      return reaches !== undefined && rule.forbidden.includes(reaches) ? [{ file, specifier, reaches }] : [];
    }),
  );
}
