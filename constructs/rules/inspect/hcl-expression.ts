/**
 * Reads the object literal inside `${jsonencode(...)}`, which cdktf writes for `Fn.jsonencode`
 * (`{"Effect" = "Allow", "Principal" = {"Federated" = aws_iam_openid_connect_provider.gh.arn}}`).
 * Literals (strings, numbers, booleans, null, lists, objects) are read as JSON values; a bare
 * reference becomes the `${reference}` string cdktf would write for it outside `jsonencode`.
 * Anything else (function calls, conditionals, `for` expressions) is not read: `undefined`.
 */
export function parseJsonencode(value: string): unknown {
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(value.trim());
  if (match === null) return undefined;
  const parser = new Parser(match[1]!);
  try {
    const result = parser.value();
    parser.skipSpace();
    return parser.done() ? result : undefined;
  } catch {
    return undefined;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.done() && /\s/.test(this.text[this.pos]!)) this.pos += 1;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '"') return this.string();
    if (c === '{') return this.object();
    if (c === '[') return this.list();
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (number !== null) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+|\[\d+\])*/.exec(this.text.slice(this.pos));
    if (word === null) throw new Error(`unexpected ${c ?? 'end'} at ${this.pos}`);
    this.pos += word[0].length;
    if (word[0] === 'true') return true;
    if (word[0] === 'false') return false;
    if (word[0] === 'null') return null;
    this.skipSpace();
    if (this.text[this.pos] === '(') throw new Error('function calls are not read');
    return `\${${word[0]}}`;
  }

  private string(): string {
    let out = '';
    this.pos += 1;
    while (!this.done()) {
      const c = this.text[this.pos]!;
      if (c === '"') {
        this.pos += 1;
        return out;
      }
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        out += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
        this.pos += 2;
        continue;
      }
      out += c;
      this.pos += 1;
    }
    throw new Error('unterminated string');
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.pos += 1;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        return out;
      }
      const key = this.key();
      this.skipSpace();
      const separator = this.text[this.pos];
      if (separator !== '=' && separator !== ':') throw new Error(`expected = at ${this.pos}`);
      this.pos += 1;
      out[key] = this.value();
      this.separator('}');
    }
  }

  private key(): string {
    if (this.text[this.pos] === '"') return this.string();
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(this.pos));
    if (word === null) throw new Error(`expected a key at ${this.pos}`);
    this.pos += word[0].length;
    return word[0];
  }

  private list(): unknown[] {
    const out: unknown[] = [];
    this.pos += 1;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') {
        this.pos += 1;
        return out;
      }
      out.push(this.value());
      this.separator(']');
    }
  }

  /** After an element: a comma or newline, or the closing bracket (left for the caller). */
  private separator(close: string): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === ',') this.pos += 1;
    else if (c !== close) throw new Error(`expected , or ${close} at ${this.pos}`);
  }
}
