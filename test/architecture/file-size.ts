import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeScriptFiles } from './source-files';

/** The most lines a source file may have (issue 12): past it, a file holds more than one concept. */
export const MAX_LINES = 400;

/** The source folders the limit applies to, tests included. */
export const SOURCE_FOLDERS = ['apps', 'constructs', 'environments', 'examples', 'policies', 'test'] as const;

export interface OversizedFile {
  readonly file: string;
  readonly lines: number;
}

/** Lines of a text as an editor numbers them: a final newline ends the last line, it does not start one. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Every `.ts` file below `root`'s `folders` with more than `maxLines` lines, largest first. */
export function oversizedFiles(root: string, folders: readonly string[], maxLines: number = MAX_LINES): OversizedFile[] {
  return typeScriptFiles(root, folders)
    .map((file) => ({ file, lines: lineCount(readFileSync(join(root, file), 'utf8')) }))
    .filter(({ lines }) => lines > maxLines)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}
