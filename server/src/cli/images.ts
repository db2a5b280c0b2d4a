import * as path from 'node:path';
import { BUILT_IN_GROUPS, imagesJson, imagesMarkdown, type ImageGroup } from '../core/knowledge/format';
import { loadConfigFile, loadConfigFor } from '../node/config';
import { relativeDisplayPath } from '../node/paths';
import { parseArgs, single, UsageError } from './args';
import type { CliIO } from './check';

export const IMAGES_USAGE = `Usage: vsafe images [options]

Lists the knowledge base: which images vsafe knows, where they keep their state
(path, kind, whether the image declares VOLUME there, the env vars and flags that
move it) and the documentation that says so. Entries from the \`images\` key of
.vsaferc.json are listed first; they override built-in entries for the same image.

Options:
  --format <name>    markdown (default) | json
  --config <file>    use this config file instead of searching from the current folder
  --no-config        list the built-in knowledge base only
  -h, --help         show this help

Exit status: 0, or 2 for a usage or config error.
`;

export function runImages(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { '--format': { value: true }, '--config': { value: true }, '--no-config': {}, '--help': {}, '-h': {} });
  if (args.flags.has('--help') || args.flags.has('-h')) {
    io.stdout(IMAGES_USAGE);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const format = single(args, '--format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`unknown format "${format}" (expected markdown, json)`);
  const groups: ImageGroup[] = [];
  if (!args.flags.has('--no-config')) {
    const configPath = single(args, '--config');
    const load = configPath ? loadConfigFile(path.resolve(io.cwd, configPath)) : loadConfigFor(io.cwd);
    if (!load.ok) {
      const position = load.line !== undefined ? `:${load.line}:${load.column ?? 1}` : '';
      io.stderr(`vsafe: ${relativeDisplayPath(load.file, io.cwd)}${position}: ${load.error}\n`);
      return 2;
    }
    const extra = load.loaded.config.images;
    if (extra.length > 0) groups.push({ title: `From ${relativeDisplayPath(load.loaded.file ?? '.vsaferc.json', io.cwd)}`, entries: extra });
  }
  groups.push(...BUILT_IN_GROUPS);
  io.stdout(format === 'json' ? imagesJson(groups) : imagesMarkdown(groups, 'Where vsafe knows that images keep their state (`vsafe images`).'));
  return 0;
}
