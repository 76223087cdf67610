import { parseArgs } from 'node:util';

/** One option of a command, as `--help` describes it and `node:util` `parseArgs` reads it. */
export interface CommandOption {
  readonly type: 'string' | 'boolean';
  /** What the value is, in the usage line and the help (`NAME`, `DIR`). Only for string options. */
  readonly placeholder?: string;
  /** May be given more than once; its values are collected in order. @default false */
  readonly multiple?: boolean;
  /** The value when the option is not given, applied by `parseArgs` and shown by `--help`. @default - none */
  readonly default?: string;
  /** What `--help` says the default is when it is computed (`every environment`). @default - `default` */
  readonly defaultText?: string;
  readonly description: string;
}

/** A command line: its name as typed, what it does, its options and examples. `--help` is added to every command. */
export interface Command<Options extends Readonly<Record<string, CommandOption>>> {
  /** As the user types it, up to the options: `npm run synth --`. */
  readonly invocation: string;
  readonly summary: string;
  /** Usage lines after the invocation, one per form of the command: `[--env NAME] [--check]`. */
  readonly forms: readonly string[];
  readonly options: Options;
  /** Whole command lines, each with a comment on what it does. */
  readonly examples: readonly { readonly command: string; readonly does: string }[];
}

type OptionValue<O extends CommandOption> = O['type'] extends 'boolean' ? boolean : O['multiple'] extends true ? readonly string[] : string;

/** The options given (or defaulted); an option without a value or default is absent. */
export type OptionValues<Options extends Readonly<Record<string, CommandOption>>> = {
  readonly [Name in keyof Options]?: OptionValue<Options[Name]>;
};

/** What a command line asks for: the help, or a run with these option values. */
export type CommandLine<Options extends Readonly<Record<string, CommandOption>>> = { readonly help: true } | { readonly help: false; readonly values: OptionValues<Options> };

/** A command line the command cannot run: the message says what is wrong, then how to call it. */
export class CommandLineError extends Error {
  override readonly name = 'CommandLineError';
}

/** The usage lines, one per form of the command. */
export function usage(command: Command<Readonly<Record<string, CommandOption>>>): string {
  return command.forms.map((form, i) => `${i === 0 ? 'usage:' : '      '} ${command.invocation} ${form}`).join('\n');
}

/** A CommandLineError saying `problem`, then the usage and where the help is. */
export function commandLineError(command: Command<Readonly<Record<string, CommandOption>>>, problem: string): CommandLineError {
  return new CommandLineError(`${problem}\n${usage(command)}\nrun \`${command.invocation} --help\` for the options`);
}

/**
 * Reads `argv` strictly: an unknown option, a positional argument, a missing value or a value given
 * to a flag is a CommandLineError naming it (parseArgs' own words). `--help` (or `-h`) asks for the
 * help, whatever else is given.
 */
export function readCommandLine<Options extends Readonly<Record<string, CommandOption>>>(command: Command<Options>, argv: readonly string[]): CommandLine<Options> {
  const config = Object.fromEntries(
    Object.entries(command.options).map(([name, option]) => [
      name,
      { type: option.type, ...(option.multiple === true ? { multiple: true } : {}), ...(option.default !== undefined ? { default: option.default } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...config, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    // parseArgs' own words ("Unknown option '--fast'"). Not `instanceof Error`: Node's internal
    // errors come from another realm under jest's module sandbox.
    const message = typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : String(error);
    throw commandLineError(command, message);
  }
  const { help, ...values } = parsed.values;
  if (help === true) return { help: true };
  // parseArgs types its values from a literal config; this config is built from `command.options`,
  // whose types say the same thing (string or boolean, an array when multiple).
  return { help: false, values: values as OptionValues<Options> };
}

/** The text of `--help`: what the command does, its usage, every option with its default, examples. */
export function helpText(command: Command<Readonly<Record<string, CommandOption>>>): string {
  const rows: [string, string][] = [
    ...Object.entries(command.options).map(([name, option]): [string, string] => {
      const flag = option.type === 'string' ? `--${name} ${option.placeholder ?? 'VALUE'}` : `--${name}`;
      const fallback = option.defaultText ?? option.default;
      return [flag, `${option.description}${option.multiple === true ? ' (may be repeated)' : ''}${fallback !== undefined ? ` (default: ${fallback})` : ''}`];
    }),
    ['-h, --help', 'print this help and exit'],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    command.summary,
    '',
    usage(command),
    '',
    'options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
    'examples:',
    ...command.examples.flatMap((example) => [`  # ${example.does}`, `  ${example.command}`]),
  ].join('\n');
}
