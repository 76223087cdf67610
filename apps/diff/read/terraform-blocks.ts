/**
 * cdktf writes HCL (`cdktf synth --hcl`, then `terraform fmt`) one top-level block per header line at
 * the start of a line (`resource "aws_s3_bucket" "bucket" {`, `terraform {`) up to a `}` alone on a
 * line, with no heredocs. A stack file that changed usually changed in a few of its blocks: only
 * those (and every `moved` block, which pairs renamed resources) need the HCL parser, whose
 * WebAssembly costs tens of milliseconds per large file.
 */

const HEADER = /^[a-z_]+( "[^"\n]*")* \{$/;

/**
 * The two texts cut down to the blocks that differ between them, plus every `moved` block; or
 * undefined when either text is not in the shape above (then both are parsed whole). Blocks of the
 * same header (two `provider "aws"`, an alias each) are told apart by their order: a shift makes
 * them differ, so they are parsed, never skipped by mistake.
 */
export function differingBlocks(base: string, head: string): { readonly base: string; readonly head: string } | undefined {
  const before = topLevelBlocks(base);
  const after = topLevelBlocks(head);
  if (before === undefined || after === undefined) return undefined;
  const keep = (blocks: ReadonlyMap<string, string>, other: ReadonlyMap<string, string>): string =>
    [...blocks]
      .filter(([key, text]) => key.startsWith('moved {') || other.get(key) !== text)
      .map(([, text]) => text)
      .join('\n');
  return { base: keep(before, after), head: keep(after, before) };
}

/** Header (with its occurrence, `provider "aws" {#2`) -> the block's text; undefined when the text is not one block after another. */
export function topLevelBlocks(text: string): ReadonlyMap<string, string> | undefined {
  if (text.includes('<<')) return undefined;
  const blocks = new Map<string, string>();
  const seen = new Map<string, number>();
  let header: string | undefined;
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    if (header === undefined) {
      if (line.trim() === '') continue;
      if (!HEADER.test(line)) return undefined;
      header = line;
      lines = [line];
    } else {
      lines.push(line);
      if (line === '}') {
        const occurrence = (seen.get(header) ?? 0) + 1;
        seen.set(header, occurrence);
        blocks.set(`${header}#${occurrence}`, lines.join('\n'));
        header = undefined;
      }
    }
  }
  return header === undefined ? blocks : undefined;
}
