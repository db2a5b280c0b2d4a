import * as path from 'node:path';
import { lint } from '../core/lint';
import { SEVERITY_ORDER, type Finding, type Severity } from '../core/types';
import { isSeveritySetting } from '../core/config';
import { loadConfigFile, loadConfigFor, type LoadedConfig } from '../node/config';
import { discover } from '../node/discover';
import { NodeFileHost, readTextFileChecked } from '../node/host';
import { relativeDisplayPath } from '../node/paths';
import { parseArgs, single, UsageError } from './args';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import type { FormatInput } from './formatters/types';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const FORMATTERS: Record<string, (input: FormatInput) => string> = {
  stylish: formatStylish,
  json: formatJson,
};

export const CHECK_USAGE = `Usage: vsafe check [options] [paths...]

Checks Docker Compose files and Dockerfiles for container data that would be lost.

Options:
  --format <name>        stylish (default) | json
  --config <file>        use this config file instead of searching for .vsaferc.json
  --fail-level <level>   lowest severity that fails the run: error | warning (default) | info | hint | off
  --max-warnings <n>     also fail when there are more than n warnings
  -h, --help             show this help
`;

export function runCheck(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, {
    '--format': { value: true },
    '--config': { value: true },
    '--fail-level': { value: true },
    '--max-warnings': { value: true },
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
  const failLevel = single(args, '--fail-level') ?? 'warning';
  if (!isSeveritySetting(failLevel)) throw new UsageError(`unknown --fail-level "${failLevel}"`);
  const maxWarningsText = single(args, '--max-warnings');
  const maxWarnings = maxWarningsText === undefined ? -1 : Number(maxWarningsText);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings needs a whole number, got "${maxWarningsText}"`);

  const inputs = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => path.resolve(io.cwd, p));
  const configPath = single(args, '--config');
  const configLoad = configPath ? loadConfigFile(path.resolve(io.cwd, configPath)) : loadConfigFor(io.cwd);
  if (!configLoad.ok) {
    io.stderr(`vsafe: ${relativeDisplayPath(configLoad.file, io.cwd)}: ${configLoad.error}\n`);
    return 2;
  }
  const loaded: LoadedConfig = configLoad.loaded;

  let inputError = false;
  const discovered = discover(inputs);
  for (const missing of discovered.missing) {
    io.stderr(`vsafe: ${relativeDisplayPath(missing, io.cwd)}: no such file or directory\n`);
    inputError = true;
  }
  const host = new NodeFileHost();
  const readable: string[] = [];
  for (const file of discovered.composeFiles) {
    const read = readTextFileChecked(file);
    if (!read.ok) {
      io.stderr(`vsafe: ${relativeDisplayPath(file, io.cwd)}: ${read.error}\n`);
      inputError = true;
      continue;
    }
    host.setOverlay(file, read.text);
    readable.push(file);
  }
  const result = lint({ files: readable, host, config: loaded.config });
  io.stdout(formatter({ findings: result.findings, cwd: io.cwd, color: io.isTTY && format === 'stylish' }));
  if (inputError) return 2;
  return exitCode(result.findings, failLevel, maxWarnings);
}

export function exitCode(findings: readonly Finding[], failLevel: Severity | 'off', maxWarnings: number): number {
  if (failLevel !== 'off' && findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failLevel])) return 1;
  if (maxWarnings >= 0 && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}
