import { CHECK_USAGE, runCheck, type CliIO } from './check';
import { UsageError } from './args';
import { REPORT_USAGE, runReport } from './report';
import { drillCommand } from './drill';
import { IMAGES_USAGE, runImages } from './images';
import { VERSION } from './version';

const USAGE = `Usage: vsafe <command> [options]

Commands:
  check [paths...]    report container state that would be lost (default)
  report [paths...]   print the mount inventory for code review (Markdown or JSON)
  drill               prove persistence on a real container runtime (docker or podman)
  images              list the knowledge base: images, state paths, sources

Options:
  --version           print the version
  -h, --help          show this help

Run \`vsafe <command> --help\` for the options of a command.
`;

/** Each command's usage, shown after a usage error in that command. */
const COMMAND_USAGE: Record<string, string> = {
  check: CHECK_USAGE,
  report: REPORT_USAGE,
  images: IMAGES_USAGE,
};

/** Runs the CLI and returns its exit code; never throws. */
export function main(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  try {
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined || command.startsWith('-')) return runCheck(argv, io);
    if (command === 'check') return runCheck(rest, io);
    if (command === 'report') return runReport(rest, io);
    if (command === 'drill') return drillCommand(rest, io);
    if (command === 'images') return runImages(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      // One line: what is wrong, and where the options are described.
      const name = command !== undefined && COMMAND_USAGE[command] ? command : command === undefined || command.startsWith('-') ? 'check' : undefined;
      io.stderr(`vsafe: ${error.message} (see \`vsafe ${name ? `${name} ` : ''}--help\`)\n`);
      return 2;
    }
    // An internal error is a bug: say so in one line, never dump a stack unless asked.
    io.stderr(`vsafe: internal error: ${(error as Error).message}\n`);
    if (process.env.VSAFE_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}

/**
 * A reader that stops early (`vsafe check | head`) closes the pipe: the rest of the output
 * has nowhere to go, which is no error of the run. The run goes on without it (a drill
 * still removes its containers) and ends with its own status, instead of Node's unhandled
 * 'error' event and stack trace.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

if (require.main === module) {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  const code = main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // Colours on a terminal; FORCE_COLOR turns them on elsewhere (CI logs), NO_COLOR off.
    isTTY: (process.stdout.isTTY === true || (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0')) && !process.env.NO_COLOR,
  });
  process.exitCode = code;
}
