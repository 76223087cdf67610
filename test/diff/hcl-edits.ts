/**
 * Edits of a synthesized main.tf for the revision tests: cdktf writes each top-level block from a
 * line `<kind> "<labels>" {` at the start of a line to the next `}` alone on a line.
 */

/** `text` without the top-level block whose first line is `header` (`resource "aws_s3_bucket" "bucket"`). */
export function withoutBlock(text: string, header: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`${header} {`);
  if (start < 0) throw new Error(`no block ${header} in the file`);
  const end = lines.findIndex((line, i) => i > start && line === '}');
  return [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
}

/** `text` with `replace` applied inside the top-level block `header` only. */
export function inBlock(text: string, header: string, replace: (block: string) => string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(`${header} {`);
  if (start < 0) throw new Error(`no block ${header} in the file`);
  const end = lines.findIndex((line, i) => i > start && line === '}');
  const block = lines.slice(start, end + 1).join('\n');
  const edited = replace(block);
  if (edited === block) throw new Error(`the edit of ${header} changed nothing`);
  return [...lines.slice(0, start), edited, ...lines.slice(end + 1)].join('\n');
}
