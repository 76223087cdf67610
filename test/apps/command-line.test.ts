import { type Command, CommandLineError, type CommandOption, helpText, readCommandLine, usage } from '../../apps/command-line';

const COPY = {
  invocation: 'copy --',
  summary: 'Copy files.',
  forms: ['--from DIR [--dry-run]', '--list'],
  options: {
    from: { type: 'string', placeholder: 'DIR', description: 'where from' },
    into: { type: 'string', placeholder: 'DIR', default: 'out', description: 'where to' },
    tag: { type: 'string', multiple: true, defaultText: 'none', description: 'labels' },
    'dry-run': { type: 'boolean', description: 'write nothing' },
  },
  examples: [{ command: 'copy -- --from a', does: 'copy a into out' }],
} as const satisfies Command<Readonly<Record<string, CommandOption>>>;

describe('readCommandLine', () => {
  it('reads the options, applying defaults and collecting repeated ones', () => {
    expect(readCommandLine(COPY, ['--from', 'a', '--tag', 'x', '--tag=y', '--dry-run'])).toEqual({
      help: false,
      values: { from: 'a', into: 'out', tag: ['x', 'y'], 'dry-run': true },
    });
  });

  it('asks for the help on --help or -h, whatever else is given', () => {
    expect(readCommandLine(COPY, ['--from', 'a', '--help'])).toEqual({ help: true });
    expect(readCommandLine(COPY, ['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--force'], "Unknown option '--force'"],
    [['a'], "Unexpected argument 'a'. This command does not take positional arguments"],
    [['--from'], "Option '--from <value>' argument missing"],
    [['--dry-run=yes'], "Option '--dry-run' does not take an argument"],
  ])('refuses %j with a CommandLineError naming it, then the usage and where the help is', (argv, problem) => {
    let thrown: unknown;
    try {
      readCommandLine(COPY, argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CommandLineError);
    expect((thrown as Error).message).toBe(`${problem}\nusage: copy -- --from DIR [--dry-run]\n       copy -- --list\nrun \`copy -- --help\` for the options`);
  });
});

describe('helpText', () => {
  it('says what the command does, its usage, every option with its default, and examples', () => {
    expect(helpText(COPY)).toBe(
      [
        'Copy files.',
        '',
        usage(COPY),
        '',
        'options:',
        '  --from DIR   where from',
        '  --into DIR   where to (default: out)',
        '  --tag VALUE  labels (may be repeated) (default: none)',
        '  --dry-run    write nothing',
        '  -h, --help   print this help and exit',
        '',
        'examples:',
        '  # copy a into out',
        '  copy -- --from a',
      ].join('\n'),
    );
  });
});
