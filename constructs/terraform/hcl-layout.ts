/**
 * The layout `terraform fmt` gives cdktf's HCL, computed here instead of by the Go formatter
 * compiled to WebAssembly (`@cdktf/hcl-tools`), which costs about half a millisecond per kilobyte
 * and a Go runtime start: at fleet scale, seconds per synth.
 *
 * cdktf writes every token already spaced as `terraform fmt` spaces it, one attribute or block per
 * line, without indentation. What the formatter then changes is what this reproduces, following
 * hclwrite's `format.go` (github.com/hashicorp/hcl/v2, hclwrite/format.go at v2.19.1, the
 * version compiled into @cdktf/hcl-tools 0.21.0; `terraform fmt` runs the same code):
 * - `formatIndent`: each line is indented two spaces per open bracket level, counted from the
 *   brackets (`{ [ (`) a line opens or closes outside strings;
 * - `formatCells`: in a run of consecutive lines that each assign a whole expression (the brackets
 *   after the `=` balance on the line), the `=` signs are aligned one space after the longest name;
 *   any other line ends the run;
 * - no spaces before a line break.
 *
 * Input it does not recognise (a comment, a heredoc, a tab or carriage return, a string left
 * open, brackets that do not balance) gives `undefined`, and the caller uses the real formatter.
 * The real formatter stays the oracle: the tests and CI format every synthesized stack with it and
 * compare (test/terraform/hcl-layout.test.ts).
 */
export function layoutHcl(raw: string): string | undefined {
  if (/[\t\r]|<<|\/\*|(^|\s)#|(^|\s)\/\//m.test(stripStrings(raw) ?? '#')) return undefined;
  const lines = raw.split('\n').map((line) => line.trim());
  const shaped: { indent: number; line: string; assignAt?: number }[] = [];
  const indents: number[] = [];
  for (const line of lines) {
    const scan = scanLine(line);
    if (scan === undefined) return undefined;
    const net = scan.net;
    if (net < 0) {
      let closed = -net;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1] ?? 0;
        if (closed > top) {
          closed -= top;
          indents.pop();
        } else if (closed < top) {
          indents[indents.length - 1] = top - closed;
          closed = 0;
        } else {
          indents.pop();
          closed = 0;
        }
      }
    }
    shaped.push({ indent: line === '' ? 0 : 2 * indents.length, line, ...(scan.assignAt === undefined ? {} : { assignAt: scan.assignAt }) });
    if (net > 0) indents.push(net);
  }
  if (indents.length > 0) return undefined;

  // Align the `=` of each run of whole-expression assignments.
  const out: string[] = [];
  let run: typeof shaped = [];
  const flush = (): void => {
    const nameOf = (l: (typeof run)[number]): string => l.line.slice(0, l.assignAt).trimEnd();
    const width = Math.max(...run.map((l) => l.indent + nameOf(l).length));
    for (const l of run) {
      const name = nameOf(l);
      const value = l.line.slice((l.assignAt ?? 0) + 1).trimStart();
      out.push(`${' '.repeat(l.indent)}${name}${' '.repeat(width - l.indent - name.length + 1)}=${value === '' ? '' : ` ${value}`}`);
    }
    run = [];
  };
  for (const l of shaped) {
    if (l.assignAt !== undefined) {
      run.push(l);
      continue;
    }
    if (run.length > 0) flush();
    out.push(l.line === '' ? '' : `${' '.repeat(l.indent)}${l.line}`);
  }
  if (run.length > 0) flush();
  return out.join('\n');
}

/** The net bracket change of a line and, when it assigns a whole expression, where its `=` is. */
function scanLine(line: string): { net: number; assignAt?: number } | undefined {
  let net = 0;
  let assignAt: number | undefined;
  let afterAssign = 0;
  let firstToken = true;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') {
      const end = stringEnd(line, i);
      if (end === undefined) return undefined;
      i = end;
      firstToken = false;
      continue;
    }
    if (char === '{' || char === '[' || char === '(') {
      net += 1;
      if (assignAt !== undefined) afterAssign += 1;
    } else if (char === '}' || char === ']' || char === ')') {
      net -= 1;
      if (assignAt !== undefined) afterAssign -= 1;
    } else if (char === '=' && assignAt === undefined && !firstToken) {
      const before = line[i - 1];
      const after = line[i + 1];
      // `==`, `!=`, `<=`, `>=` and `=>` are operators, not an assignment.
      if (after !== '=' && after !== '>' && before !== '=' && before !== '!' && before !== '<' && before !== '>') assignAt = i;
    }
    if (char !== ' ') firstToken = false;
  }
  return { net, ...(assignAt !== undefined && afterAssign === 0 ? { assignAt } : {}) };
}

/**
 * The index of the quote closing the string opened at `start`, skipping escapes and the nested
 * strings of `${...}` interpolations; undefined when the line ends first.
 */
function stringEnd(line: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start + 1; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (depth === 0 && char === '"') return i;
    if ((char === '$' || char === '%') && line[i + 1] === '{' && line[i - 1] !== char) {
      depth += 1;
      i += 1;
      continue;
    }
    if (depth > 0 && char === '"') {
      const end = stringEnd(line, i);
      if (end === undefined) return undefined;
      i = end;
      continue;
    }
    if (depth > 0 && char === '}') depth -= 1;
  }
  return undefined;
}

/** The text with every string's content removed (to look for comments and heredocs outside strings), or undefined when a string is left open. */
function stripStrings(raw: string): string | undefined {
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    let kept = '';
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') {
        const end = stringEnd(line, i);
        if (end === undefined) return undefined;
        kept += '""';
        i = end;
      } else kept += line[i];
    }
    out.push(kept);
  }
  return out.join('\n');
}
