import { Duration } from 'cdk8s';
import { type Finding, finding } from '../../constructs/core/finding';

/**
 * Run-time shape checks for the environment specs. `npm run synth` bundles the program with esbuild,
 * which strips types without checking them, so a typo in a spec (`tier: 'prodution'`,
 * `cloud: 'awz'`, a missing chart in pins.json) reaches synth as a value of the wrong shape. Each
 * `Schema<T>` checks one value at run time and reports every mismatch as a finding; the types below
 * tie each schema to the TypeScript type it checks, so `tsc` (npm test) fails when a spec field has
 * no schema (see spec-schema.ts).
 */
export interface Schema<T> {
  /** What the value must be, in words: `one of 'aws', 'azure', 'gcp'`. */
  readonly expected: string;
  /** Every problem of `value`, reported at `field` (`clusters[0].cloud`); empty when it conforms. */
  readonly check: (value: unknown, field: string) => Finding[];
  /**
   * Never set; makes `Schema<T>` invariant in T, so a schema of `string` cannot stand in for a
   * field typed `'aws' | 'azure'`, nor the other way round.
   */
  readonly __type?: (value: T) => T;
}

/** A schema for every field of `T`, optional fields included (`-?`): a missing entry fails tsc. */
export type FieldSchemas<T> = { readonly [K in keyof T]-?: Schema<T[K]> };

/** A required field that is absent (the message prints its value as `missing`). */
function missing(field: string, expected: string): Finding {
  return finding(field, undefined, `the field is required: ${expected}`, `add ${field}`);
}

function schema<T>(expected: string, ok: (value: unknown) => boolean, fix: string): Schema<T> {
  return {
    expected,
    check: (value, field) => {
      if (value === undefined) return [missing(field, expected)];
      return ok(value) ? [] : [finding(field, value, `must be ${expected}`, fix)];
    },
  };
}

export function string(): Schema<string> {
  return schema('a string', (v) => typeof v === 'string', 'write the value in quotes');
}

export function boolean(): Schema<boolean> {
  return schema('true or false', (v) => typeof v === 'boolean', 'write true or false, without quotes');
}

/** A finite number (ranges and whole numbers are value rules, in rules/). */
export function number(): Schema<number> {
  return schema('a number', (v) => typeof v === 'number' && Number.isFinite(v), 'write a number without quotes, e.g. 5');
}

/**
 * One of the members of a string union. The members are the keys of a record typed over the union,
 * so a member added to the type must be added here too (`{ aws: true, azure: true, gcp: true }`).
 */
export function oneOf<T extends string>(members: Readonly<Record<T, true>>): Schema<T> {
  const allowed = Object.keys(members);
  const listed = allowed.map((m) => `'${m}'`).join(', ');
  return {
    expected: `one of ${listed}`,
    check: (value, field) => {
      if (typeof value === 'string' && allowed.includes(value)) return [];
      if (value === undefined) return [missing(field, `one of ${listed}`)];
      const close = typeof value === 'string' ? allowed.find((m) => m.toLowerCase() === value.toLowerCase() || editDistance(m, value) <= 2) : undefined;
      return [finding(field, value, `must be one of ${listed}`, close !== undefined ? `did you mean '${close}'? set ${field}: '${close}'` : `set ${field} to one of ${listed}`)];
    },
  };
}

/** The one string a discriminant must be, e.g. `cloud: 'aws'` inside the EKS cluster schema. */
export function literal<T extends string>(member: T): Schema<T> {
  return oneOf({ [member]: true } as Record<T, true>);
}

/** A cdk8s `Duration` (`Duration.minutes(5)`), not a number or a string like `'5m'`. */
export function duration(): Schema<Duration> {
  return schema('a Duration', (v) => v instanceof Duration, 'write it with cdk8s Duration, e.g. Duration.minutes(5)');
}

export function array<T>(item: Schema<T>): Schema<readonly T[]> {
  return {
    expected: `a list of ${item.expected}`,
    check: (value, field) => {
      if (value === undefined) return [missing(field, `a list of ${item.expected}`)];
      if (!Array.isArray(value)) return [finding(field, value, `must be a list of ${item.expected}`, 'write a list in brackets, e.g. [...]')];
      return value.flatMap((element, i) => item.check(element, `${field}[${i}]`));
    },
  };
}

/** An absent value, or one `inner` accepts. */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return { expected: `${inner.expected}, or nothing`, check: (value, field) => (value === undefined ? [] : inner.check(value, field)) };
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with string keys of any name, every value accepted by `value` (labels). */
export function stringMap<T>(value: Schema<T>): Schema<Readonly<Record<string, T>>> {
  return {
    expected: `an object of ${value.expected}`,
    check: (v, field) => {
      if (v === undefined) return [missing(field, `an object of ${value.expected}`)];
      if (!isPlainObject(v)) return [finding(field, v, `must be an object of ${value.expected}`, `write { key: value, ... }`)];
      return Object.entries(v).flatMap(([key, item]) => value.check(item, `${field}[${JSON.stringify(key)}]`));
    },
  };
}

/**
 * An object with exactly these fields. A field the type does not have is reported too: a typo in
 * the name of an optional field (`promoteFrom`) would otherwise be ignored without a word.
 */
export function object<T>(fields: FieldSchemas<T>): Schema<T> {
  const known = Object.keys(fields);
  return {
    expected: 'an object',
    check: (value, field) => {
      if (value === undefined) return [missing(field, 'an object')];
      if (!isPlainObject(value)) return [finding(field, value, 'must be an object', 'write it as { ... } with the fields of its type')];
      const at = (name: string): string => (field === '' ? name : `${field}.${name}`);
      const schemas = fields as Readonly<Record<string, Schema<unknown>>>;
      const unknown = Object.keys(value)
        .filter((name) => !known.includes(name))
        .map((name) => {
          const close = known.find((k) => editDistance(k, name) <= 2);
          return finding(
            at(name),
            value[name],
            `is not a field of this part of the spec (known: ${known.join(', ')}), so it would be ignored`,
            close !== undefined ? `did you mean ${at(close)}? rename it` : 'remove it or correct its name',
          );
        });
      return [...known.flatMap((name) => schemas[name]!.check(value[name], at(name))), ...unknown];
    },
  };
}

/**
 * A union told apart by the string field `key` (`cloud`, `kind`): one schema per member, keyed by
 * its discriminant, and the record's type makes every member need one.
 */
export function discriminated<K extends string, T extends Readonly<Record<K, string>>>(
  key: K,
  variants: { readonly [D in T[K]]: Schema<Extract<T, Readonly<Record<K, D>>>> },
): Schema<T> {
  const members = Object.keys(variants);
  const tag = oneOf(Object.fromEntries(members.map((m) => [m, true])) as Record<string, true>);
  const byTag = variants as Readonly<Record<string, Schema<unknown>>>;
  return {
    expected: `an object whose ${key} is ${tag.expected}`,
    check: (value, field) => {
      if (value === undefined) return [missing(field, 'an object')];
      if (!isPlainObject(value)) return [finding(field, value, 'must be an object', 'write it as { ... } with the fields of its type')];
      const discriminant = value[key];
      const variant = typeof discriminant === 'string' ? byTag[discriminant] : undefined;
      // The other fields depend on the member: with an unknown one, only the discriminant is reported.
      return variant === undefined ? tag.check(discriminant, field === '' ? key : `${field}.${key}`) : variant.check(value, field);
    },
  };
}

/** Levenshtein distance, to suggest the member or field a typo meant. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
