/**
 * A small interpreter for the part of Argo Rollouts' condition language (github.com/antonmedv/expr
 * v1.15.5) the AnalysisTemplates use: `&&`, `||`, `!`, comparisons, `len`, `isNaN`, `isInf`,
 * indexing `result[i]`, number literals. It evaluates the condition TEXT the template carries, with
 * expr's semantics for these operators: `&&`/`||` stop early (compiler/compiler.go OpJumpIfFalse /
 * OpJumpIfTrue), an index out of range is a runtime error, comparisons with NaN are false (Go).
 * Anything else is refused, so a condition outside this subset fails the tests instead of passing.
 */
type Value = number | boolean | readonly number[];

type Token = { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(&&|\|\||==|!=|>=|<=|[<>!()[\]]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) throw new Error(`unexpected text at ${at}: ${text.slice(at)}`);
    at = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'number', value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: 'name', value: match[2] });
    else tokens.push({ kind: 'op', value: match[3] });
  }
  return tokens;
}

function asNumber(value: Value): number {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
}

function asBool(value: Value): boolean {
  if (typeof value !== 'boolean') throw new Error(`expected a bool, got ${JSON.stringify(value)}`);
  return value;
}

const FUNCTIONS: Readonly<Record<string, (argument: Value) => Value>> = {
  len: (v) => {
    if (!Array.isArray(v)) throw new Error('len of a non-array');
    return (v as readonly number[]).length;
  },
  isNaN: (v) => Number.isNaN(asNumber(v)),
  isInf: (v) => !Number.isFinite(asNumber(v)) && !Number.isNaN(asNumber(v)),
};

/** Evaluates `condition` with `result` bound, as Argo Rollouts' EvalCondition does; throws where expr errors. */
export function evaluateCondition(condition: string, result: readonly number[]): boolean {
  const tokens = tokenize(condition);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isOp = (value: string): boolean => peek()?.kind === 'op' && peek()?.value === value;
  const expect = (value: string): void => {
    if (!isOp(value)) throw new Error(`expected ${value} at token ${position}`);
    position += 1;
  };
  // Each level returns a thunk, so `&&` and `||` can skip their right operand as expr does.
  const or = (): (() => Value) => {
    let left = and();
    while (isOp('||')) {
      position += 1;
      const [l, r] = [left, and()];
      left = () => asBool(l()) || asBool(r());
    }
    return left;
  };
  const and = (): (() => Value) => {
    let left = comparison();
    while (isOp('&&')) {
      position += 1;
      const [l, r] = [left, comparison()];
      left = () => asBool(l()) && asBool(r());
    }
    return left;
  };
  const comparison = (): (() => Value) => {
    const left = unary();
    const op = peek();
    if (op?.kind !== 'op' || !['==', '!=', '>=', '<=', '<', '>'].includes(op.value)) return left;
    position += 1;
    const right = unary();
    return () => {
      const [a, b] = [asNumber(left()), asNumber(right())];
      return { '==': a === b, '!=': a !== b, '>=': a >= b, '<=': a <= b, '<': a < b, '>': a > b }[op.value] as boolean;
    };
  };
  const unary = (): (() => Value) => {
    if (isOp('!')) {
      position += 1;
      const operand = unary();
      return () => !asBool(operand());
    }
    return postfix();
  };
  const postfix = (): (() => Value) => {
    let value = primary();
    while (isOp('[')) {
      position += 1;
      const [target, index] = [value, or()];
      expect(']');
      value = () => {
        const list = target();
        const i = asNumber(index());
        if (!Array.isArray(list)) throw new Error('index of a non-array');
        if (i < 0 || i >= list.length) throw new Error(`index out of range: ${i} (array length is ${list.length})`);
        return (list as readonly number[])[i];
      };
    }
    return value;
  };
  const primary = (): (() => Value) => {
    const token = peek();
    position += 1;
    if (token === undefined) throw new Error('unexpected end of condition');
    if (token.kind === 'number') return () => token.value;
    if (token.kind === 'op' && token.value === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.kind === 'name' && token.value === 'result') return () => result;
    if (token.kind === 'name' && token.value in FUNCTIONS) {
      expect('(');
      const argument = or();
      expect(')');
      return () => FUNCTIONS[token.value](argument());
    }
    throw new Error(`unsupported token ${JSON.stringify(token)}`);
  };
  const program = or();
  if (position !== tokens.length) throw new Error(`unexpected token at ${position} in ${condition}`);
  return asBool(program());
}

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/**
 * A measurement's phase from both conditions, as argo-rollouts v1.8.0/v1.7.2 utils/evaluate/evaluate.go
 * EvaluateResult decides it: an error in either is Error, failure wins, neither true is Inconclusive.
 */
export function measurementPhase(conditions: { readonly successCondition: string; readonly failureCondition: string }, result: readonly number[]): MeasurementPhase {
  let success: boolean;
  let failure: boolean;
  try {
    success = evaluateCondition(conditions.successCondition, result);
    failure = evaluateCondition(conditions.failureCondition, result);
  } catch {
    return 'Error';
  }
  if (failure) return 'Failed';
  return success ? 'Successful' : 'Inconclusive';
}
