import * as path from 'node:path';
import { isSeveritySetting } from '../core/config';
import { lint, type LintResult } from '../core/lint';
import { fixStaysIn, SEVERITY_ORDER, type Finding, type Severity } from '../core/types';
import { relativeDisplayPath } from '../node/paths';
import { parseArgs, single, UsageError, type ParsedArgs } from './args';
import { runFixes } from './fix';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { FormatInput } from './formatters/types';
import { ConfigError, DEFAULT_STDIN_NAME, formatInputError, INPUT_OPTIONS, INPUT_USAGE, prepareConfig, prepareInputs, prepareStdinInput, readStandardInput, STDIN_PATH, type PreparedInputs } from './inputs';
import { writeText } from './output';
import { unifiedDiff } from './unified-diff';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const FORMATTERS: Record<string, (input: FormatInput) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

/** Formats whose output must stay one complete document, even when the run fails. */
const DOCUMENT_FORMATS = new Set(['json', 'sarif']);

export const CHECK_USAGE = `Usage: vsafe check [options] [paths...]

Checks Docker Compose files and Dockerfiles for container data that would be lost.
Paths are files, folders (walked; .gitignore'd paths and node_modules skipped) or
globs (quote them: 'deploy/**/*.yml'). Default: the current folder. The path - reads
one file's text from standard input (an editor's unsaved buffer).

Options:
  --format <name>        stylish (default) | json | sarif | github
  --fix                  apply every safe fix (the preferred fix of each finding), then report what is left
  --fix-dry-run          print the fixes as a unified diff; change nothing
  --stdin-filename <f>   with -: the path of the text on standard input (default compose.yaml); its
                         project's other files are read from disk. --fix then prints the fixed text
${INPUT_USAGE}  --fail-level <level>   lowest severity that fails the run: error | warning (default) | info | hint | off
  --max-warnings <n>     also fail when there are more than n warnings
  --quiet                report errors only
  --output-file <file>   write the report to a file instead of standard output
  -h, --help             show this help

Exit status: 0 clean, 1 findings at or above --fail-level (or too many warnings), 2 usage, config or input error.
`;

export function runCheck(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, {
    '--format': { value: true },
    '--fix': {},
    '--fix-dry-run': {},
    '--stdin-filename': { value: true },
    ...INPUT_OPTIONS,
    '--fail-level': { value: true },
    '--max-warnings': { value: true },
    '--quiet': {},
    '--output-file': { value: true },
    '--help': {},
    '-h': {},
  });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const format = single(args, '--format') ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`unknown format "${format}" (expected ${Object.keys(FORMATTERS).join(', ')})`);
  const outputFile = single(args, '--output-file');
  const write = (text: string): void => {
    if (outputFile !== undefined) writeText(path.resolve(io.cwd, outputFile), text);
    else io.stdout(text);
  };
  const errors: { where: string; message: string }[] = [];
  let emitted = false;
  const emit = (findings: Finding[]): void => {
    emitted = true;
    write(formatter({ findings, cwd: io.cwd, color: io.isTTY && format === 'stylish' && outputFile === undefined, errors }));
  };
  try {
    if (args.flags.has('--fix-dry-run') && DOCUMENT_FORMATS.has(format)) throw new UsageError(`--fix-dry-run prints a unified diff; it cannot be combined with --format ${format}`);
    return check(args, io, emit, write, errors);
  } catch (error) {
    errors.push({ where: error instanceof ConfigError ? error.where : error instanceof UsageError ? 'usage' : 'internal error', message: (error as Error).message });
    // Whatever failed, a machine-readable format still prints one complete document.
    if (DOCUMENT_FORMATS.has(format) && !emitted) emitQuietly(emit, io);
    if (error instanceof ConfigError) {
      io.stderr(formatInputError(error));
      return 2;
    }
    throw error;
  }
}

function emitQuietly(emit: (findings: Finding[]) => void, io: CliIO): void {
  try {
    emit([]);
  } catch (error) {
    io.stderr(`vsafe: ${(error as Error).message}\n`);
  }
}

function check(args: ParsedArgs, io: CliIO, emit: (findings: Finding[]) => void, write: (text: string) => void, errors: { where: string; message: string }[]): number {
  const failLevel = single(args, '--fail-level') ?? 'warning';
  if (!isSeveritySetting(failLevel)) throw new UsageError(`unknown --fail-level "${failLevel}" (expected error, warning, info, hint or off)`);
  const maxWarningsText = single(args, '--max-warnings');
  const maxWarnings = maxWarningsText === undefined ? -1 : Number(maxWarningsText);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number, got "${maxWarningsText}"`);
  const fix = args.flags.has('--fix');
  const dryRun = args.flags.has('--fix-dry-run');
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run cannot be combined');

  const stdin = args.positionals.includes(STDIN_PATH);
  const stdinName = single(args, '--stdin-filename');
  const stdinPath = stdinName ?? DEFAULT_STDIN_NAME;
  if (stdin && args.positionals.length > 1) throw new UsageError('- (standard input) cannot be combined with other paths');
  if (stdinName !== undefined && !stdin) throw new UsageError('--stdin-filename names the text read from standard input: give - as the path');
  if (stdin && fix && args.options.has('--format')) throw new UsageError('--fix with - prints the fixed text; it cannot be combined with --format');

  const loaded = prepareConfig(stdin ? { ...args, positionals: [stdinPath] } : args, io.cwd);
  const inputs = stdin ? prepareStdinInput(readStandardInput(), stdinPath, loaded, io.cwd) : prepareInputs(args.positionals, loaded, io.cwd);
  // Like ESLint: a path that holds nothing to check is an error, not a silent pass (a typo in a CI job).
  if (!stdin && inputs.errors.length === 0 && inputs.composeFiles.length === 0 && inputs.dockerfiles.length === 0) {
    inputs.errors.push({ where: args.positionals.length > 0 ? args.positionals.join(' ') : '.', message: 'no Docker Compose files or Dockerfiles found' + unnamedHint(inputs.unnamedComposeFiles ?? []) });
  }
  for (const error of inputs.errors) io.stderr(formatInputError(error));
  errors.push(...inputs.errors);
  // Standard input is one file: what its project reports elsewhere belongs to other files.
  const stdinFile = stdin ? [...inputs.composeFiles, ...inputs.dockerfiles][0] : undefined;
  const quiet = (findings: Finding[]): Finding[] =>
    findings.filter((f) => (stdinFile === undefined || f.location.file === stdinFile) && (!args.flags.has('--quiet') || f.severity === 'error'));

  let result: LintResult;
  if (stdinFile !== undefined && (fix || dryRun)) {
    // Only fixes that stay inside the piped text: nothing is written, the text (or its diff) is the output.
    const run = runFixes(inputs.composeFiles, inputs.host, inputs.config, (files) => analyse(inputs, files), (f) => fixStaysIn(f, stdinFile));
    const original = run.original.get(stdinFile) ?? inputs.host.readFile(stdinFile) ?? '';
    const fixed = run.changed.get(stdinFile) ?? original;
    const name = relativeDisplayPath(stdinFile, io.cwd);
    write(dryRun ? unifiedDiff(`a/${name}`, `b/${name}`, original, fixed) : fixed);
    return exitCode(quiet(run.result.findings), failLevel, maxWarnings);
  }
  if (fix || dryRun) {
    const run = runFixes(inputs.composeFiles, inputs.host, inputs.config, (files) => analyse(inputs, files));
    result = run.result;
    const changed = [...run.changed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (dryRun) {
      // The diff is the output; the report of what would be left is not printed.
      const diff = changed.map(([file, text]) => {
        const name = relativeDisplayPath(file, io.cwd);
        return unifiedDiff(`a/${name}`, `b/${name}`, run.original.get(file), text);
      });
      write(diff.join(''));
      return inputs.errors.length > 0 ? 2 : exitCode(quiet(result.findings), failLevel, maxWarnings);
    }
    for (const [file, text] of changed) {
      try {
        writeText(file, text, run.original.get(file));
      } catch (error) {
        const error_ = { where: relativeDisplayPath(file, io.cwd), message: `cannot write the fix: ${(error as Error).message}` };
        io.stderr(formatInputError(error_));
        inputs.errors.push(error_);
        errors.push(error_);
      }
    }
  } else {
    result = analyse(inputs, inputs.composeFiles);
  }
  const findings = quiet(result.findings);
  // From a pipe only fixes inside the piped text can be applied: `fixable` says so.
  if (stdinFile !== undefined) for (const finding of findings) finding.fixes = finding.fixes.filter((f) => fixStaysIn(f, stdinFile));
  emit(findings);
  if (inputs.errors.length > 0) return 2;
  return exitCode(findings, failLevel, maxWarnings);
}

/** One analysis of the prepared inputs, with the findings of the files they ask about. */
export function analyse(inputs: PreparedInputs, files: string[]): LintResult {
  const result = lint({ files, dockerfiles: inputs.dockerfiles, context: inputs.context, host: inputs.host, config: inputs.config });
  return { ...result, findings: result.findings.filter((f) => inputs.inScope(f.location.file)) };
}

export function exitCode(findings: readonly Finding[], failLevel: Severity | 'off', maxWarnings: number): number {
  if (failLevel !== 'off' && findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failLevel])) return 1;
  if (maxWarnings >= 0 && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

/** Names YAML files with a top-level `services:` that the search passed over (`pwd.yml`, `production.yml`). */
function unnamedHint(files: readonly string[]): string {
  if (files.length === 0) return '';
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ` and ${files.length - 3} more` : '');
  const one = files.length === 1;
  return ` (${shown} ${one ? 'has' : 'have'} a top-level services: but ${one ? 'its name is' : 'their names are'} not a compose file's: name ${one ? 'it' : 'them'} as ${one ? 'a path' : 'paths'}, or add ${one ? 'it' : 'them'} to "composeFiles" in .vsaferc.json)`;
}
