import { CHECK_USAGE, runCheck, type CliIO } from './check';
import { UsageError } from './args';

const USAGE = `Usage: vsafe <command> [options]

Commands:
  check [paths...]   report container state that would be lost (default)

Run \`vsafe check --help\` for the options of a command.
`;

/** Runs the CLI and returns its exit code; never throws. */
export function main(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command.startsWith('-') && command !== '-h' && command !== '--help') return runCheck(argv, io);
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === '--version' || command === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === 'check') return runCheck(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vsafe: ${error.message}\n\n${command === 'check' ? CHECK_USAGE : USAGE}`);
      return 2;
    }
    // An internal error is a bug: say so in one line, never dump a stack unless asked.
    io.stderr(`vsafe: internal error: ${(error as Error).message}\n`);
    if (process.env.VSAFE_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}

declare const __VSAFE_VERSION__: string | undefined;
const VERSION = typeof __VSAFE_VERSION__ === 'string' ? __VSAFE_VERSION__ : '0.0.0-dev';

if (require.main === module) {
  const code = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
  process.exitCode = code;
}
