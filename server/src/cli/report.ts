import * as path from 'node:path';
import { isComposeFileName } from '../core/compose/files';
import { KnowledgeBase } from '../core/knowledge/lookup';
import { lint } from '../core/lint';
import { diffInventories, diffJson, renderDiffMarkdown } from '../core/report/diff';
import { buildInventory } from '../core/report/inventory';
import { inventoryJson } from '../core/report/json';
import { renderMarkdown } from '../core/report/markdown';
import { relativeDisplayPath, toCorePath } from '../node/paths';
import { parseArgs, single, UsageError, type ParsedArgs } from './args';
import type { CliIO } from './check';
import { GitError, hostAtRef, openGitTree } from './git';
import { ConfigError, formatInputError, INPUT_OPTIONS, INPUT_USAGE, prepareConfig, prepareInputs } from './inputs';
import { writeText } from './output';

export const REPORT_USAGE = `Usage: vsafe report [options] [paths...]

Prints the mount inventory for code review: per project and service every mount
(type, source, target, read-only, documented?), what survives a restart, \`down\`,
\`down -v\` and the loss of the host, the findings, and a Mermaid diagram.

Options:
  --format <name>        markdown (default) | json
  --diff <git-ref>       only what changed since the ref (added and removed mounts first)
${INPUT_USAGE}  --output-file <file>   write the report to a file instead of standard output
  -h, --help             show this help
`;

export function runReport(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, {
    '--format': { value: true },
    '--diff': { value: true },
    ...INPUT_OPTIONS,
    '--output-file': { value: true },
    '--help': {},
    '-h': {},
  });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(REPORT_USAGE);
    return 0;
  }
  const format = single(args, '--format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`unknown format "${format}" (expected markdown, json)`);
  const outputFile = single(args, '--output-file');
  const write = (text: string): void => {
    if (outputFile !== undefined) writeText(path.resolve(io.cwd, outputFile), text);
    else io.stdout(text);
  };
  const display = (file: string): string => relativeDisplayPath(file, io.cwd);
  let written = false;
  try {
    return report(args, io, format, (text) => {
      written = true;
      write(text);
    }, display);
  } catch (error) {
    // --format json prints one complete document whatever failed.
    if (format === 'json' && !written) write(JSON.stringify({ version: 1, projects: [], findings: [] }, null, 2) + '\n');
    throw error;
  }
}

function report(args: ParsedArgs, io: CliIO, format: string, write: (text: string) => void, display: (file: string) => string): number {
  let loaded;
  try {
    loaded = prepareConfig(args, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      if (format === 'json') write(JSON.stringify({ version: 1, projects: [], findings: [] }, null, 2) + '\n');
      io.stderr(formatInputError(error));
      return 2;
    }
    throw error;
  }
  const inputs = prepareInputs(args.positionals, loaded, io.cwd);
  for (const error of inputs.errors) io.stderr(formatInputError(error));
  const result = lint({ files: inputs.composeFiles, dockerfiles: inputs.dockerfiles, context: inputs.context, host: inputs.host, config: inputs.config });
  const knowledge = KnowledgeBase.builtIn(inputs.config.images);
  const inventory = buildInventory(result, () => knowledge);
  const ref = single(args, '--diff');
  if (ref === undefined) {
    write(format === 'json' ? JSON.stringify(inventoryJson(inventory, display), null, 2) + '\n' : renderMarkdown(inventory, display));
    return inputs.errors.length > 0 ? 2 : 0;
  }
  let tree;
  try {
    tree = openGitTree(ref, io.cwd);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (format === 'json') write(JSON.stringify({ version: 1, ref, projects: [] }, null, 2) + '\n');
    io.stderr(`vsafe: ${error.message}\n`);
    return 2;
  }
  // The files at the ref: the same compose files as now, plus those the branch deleted
  // inside the paths given.
  const scopes = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => toCorePath(path.resolve(io.cwd, p)));
  const inScope = (file: string): boolean => scopes.some((scope) => file === scope || file.startsWith(scope.endsWith('/') ? scope : scope + '/'));
  const current = new Set(inputs.composeFiles);
  const oldFiles = inputs.composeFiles.filter((f) => tree.read(f) !== undefined);
  for (const file of tree.changed) {
    if (!current.has(file) && isComposeFileName(file) && inScope(file) && tree.read(file) !== undefined) oldFiles.push(file);
  }
  const before = buildInventory(lint({ files: oldFiles.sort(), dockerfiles: inputs.dockerfiles, context: inputs.context, host: hostAtRef(tree), config: inputs.config }), () => knowledge);
  // Only projects with a file the branch touched.
  const touched = (files: string[]): boolean => files.some((f) => tree.changed.has(f));
  const diff = diffInventories(
    ref,
    { projects: before.projects.filter((p) => touched(p.files)), findings: [] },
    { projects: inventory.projects.filter((p) => touched(p.files)), findings: [] },
    display,
  );
  write(format === 'json' ? JSON.stringify(diffJson(diff, display), null, 2) + '\n' : renderDiffMarkdown(diff, display));
  return inputs.errors.length > 0 ? 2 : 0;
}
