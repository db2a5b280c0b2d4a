import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { isSeveritySetting, type VsafeConfig } from '../core/config';
import { isDockerfileName } from '../core/compose/files';
import { RULES_BY_ID } from '../core/rules';
import { loadConfigFile, loadConfigFor, type LoadedConfig } from '../node/config';
import { discover, isDirectory, projectSiblings, walkAllFiles } from '../node/discover';
import { decodeText, NodeFileHost, readTextFileChecked, type ReadResult } from '../node/host';
import { relativeDisplayPath, toCorePath } from '../node/paths';
import { single, UsageError, type OptionSpec, type ParsedArgs } from './args';

/**
 * What `vsafe check` and `vsafe report` share: the config (with `--config`,
 * `--rule`, `--production`), the files the paths and globs name, and a host
 * that has read each of them once.
 */

export const INPUT_OPTIONS: Record<string, OptionSpec> = {
  '--config': { value: true },
  '--rule': { value: true, multiple: true },
  '--production': { value: true, multiple: true },
};

/** The path that stands for standard input: one file's text, named by `--stdin-filename`. */
export const STDIN_PATH = '-';

/** The name text read from standard input has unless `--stdin-filename` gives one. */
export const DEFAULT_STDIN_NAME = 'compose.yaml';

export const INPUT_USAGE = `  --config <file>        use this config file instead of searching for .vsaferc.json
  --rule <id>=<severity> override a rule's severity (off | hint | info | warning | error); repeatable
  --production <glob>    treat compose files matching the glob as production; repeatable
`;

/** A problem with one input: printed as `vsafe: <where>: <message>`, the run exits 2. */
export interface InputError {
  where: string;
  message: string;
}

export interface PreparedInputs {
  config: VsafeConfig;
  loaded: LoadedConfig;
  host: NodeFileHost;
  composeFiles: string[];
  dockerfiles: string[];
  /** Compose files next to the checked ones that Compose loads with them; read, not checked (lint's `context`). */
  context: string[];
  /**
   * Whether findings in a file are reported: a file named on the command line (or matched
   * by a glob), or any file inside a folder given. As with ESLint, `vsafe check
   * compose.prod.yaml` reports in compose.prod.yaml only, though its base is read too.
   */
  inScope: (file: string) => boolean;
  errors: InputError[];
  /**
   * When nothing was found: YAML files of the walked folders with a top-level `services:`
   * whose names vsafe does not take for compose files (ERPNext's `pwd.yml`), for the hint.
   */
  unnamedComposeFiles?: string[];
}

export class ConfigError extends Error {
  constructor(readonly where: string, message: string) {
    super(message);
  }
}

/** Loads the config and applies command-line overrides; throws ConfigError / UsageError. */
export function prepareConfig(args: ParsedArgs, cwd: string): LoadedConfig {
  const configPath = single(args, '--config');
  const load = configPath ? loadConfigFile(path.resolve(cwd, configPath)) : loadConfigFor(configStart(args.positionals, cwd));
  if (!load.ok) {
    const position = load.line !== undefined ? `:${load.line}:${load.column ?? 1}` : '';
    throw new ConfigError(`${relativeDisplayPath(load.file, cwd)}${position}`, load.error);
  }
  const loaded = load.loaded;
  const config: VsafeConfig = { ...loaded.config, rules: { ...loaded.config.rules }, production: [...loaded.config.production] };
  for (const setting of args.options.get('--rule') ?? []) {
    const eq = setting.lastIndexOf('=');
    const id = eq > 0 ? setting.slice(0, eq).trim() : '';
    const severity = eq > 0 ? setting.slice(eq + 1).trim() : '';
    if (id === '' || severity === '') throw new UsageError(`--rule needs <id>=<severity>, got "${setting}"`);
    if (!RULES_BY_ID.has(id)) throw new UsageError(`--rule: unknown rule "${id}"`);
    if (!isSeveritySetting(severity)) throw new UsageError(`--rule ${id}: severity must be off, hint, info, warning or error, got "${severity}"`);
    config.rules[id] = severity;
  }
  // Production globs from the command line are relative to the working directory;
  // config globs are relative to the config's folder.
  for (const glob of args.options.get('--production') ?? []) {
    config.production.push(rebaseGlob(glob, cwd, loaded.root));
  }
  return { ...loaded, config };
}

/**
 * Where the config search starts (SPEC §5: from the file upwards): the deepest folder
 * that contains every path given (a glob counts from its base), else the working folder.
 */
export function configStart(positionals: readonly string[], cwd: string): string {
  if (positionals.length === 0) return cwd;
  const dirs = positionals.map((input) => {
    const full = path.resolve(cwd, existsSync(path.resolve(cwd, input)) || !GLOB_CHARS.test(input) ? input : picomatch.scan(input).base || '.');
    try {
      return statSync(full).isDirectory() ? full : path.dirname(full);
    } catch {
      return path.dirname(full);
    }
  });
  let common = dirs[0]!;
  for (const dir of dirs.slice(1)) {
    while (common !== path.dirname(common) && path.relative(common, dir).startsWith('..')) common = path.dirname(common);
  }
  return common;
}

/** Re-expresses a glob written relative to `from` as one relative to `to`. */
export function rebaseGlob(glob: string, from: string, to: string): string {
  const scan = picomatch.scan(glob);
  if (path.resolve(from) === path.resolve(to)) return glob;
  const base = path.resolve(from, scan.base || '.');
  const relativeBase = path.relative(to, base).split(path.sep).join('/');
  if (relativeBase.startsWith('..')) return toCorePath(base) + (scan.glob ? '/' + scan.glob : '');
  const rest = scan.isGlob ? scan.glob : '';
  return [relativeBase, rest].filter((part) => part !== '').join('/') || '.';
}

const GLOB_CHARS = /[*?[\]{}!]/;

function matcher(globs: readonly string[], root: string): ((file: string) => boolean) | undefined {
  if (globs.length === 0) return undefined;
  const match = picomatch(globs as string[], { dot: true });
  return (file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return match(relative) || match(file);
  };
}

/** Expands paths (files, folders, globs) and reads every file once. */
export function prepareInputs(positionals: readonly string[], loaded: LoadedConfig, cwd: string): PreparedInputs {
  const { config } = loaded;
  const errors: InputError[] = [];
  const isExtraComposeFile = matcher(config.composeFiles, loaded.root);
  const isIgnored = matcher(config.ignore, loaded.root);
  const paths: string[] = [];
  const globbed: { compose: string[]; docker: string[] } = { compose: [], docker: [] };
  for (const input of positionals.length > 0 ? positionals : ['.']) {
    const full = path.resolve(cwd, input);
    if (!existsSync(full) && GLOB_CHARS.test(input)) {
      const scan = picomatch.scan(input);
      const base = path.resolve(cwd, scan.base || '.');
      const match = picomatch(scan.glob, { dot: true });
      const hits = walkAllFiles(base).filter((file) => match(path.relative(base, file).split(path.sep).join('/')) && !isIgnored?.(file));
      if (hits.length === 0) errors.push({ where: input, message: 'no files match this pattern' });
      for (const hit of hits) (isDockerfileName(hit) ? globbed.docker : globbed.compose).push(hit);
      continue;
    }
    paths.push(full);
  }
  const discovered = discover(paths, { isExtraComposeFile, isIgnored });
  const isFolder = new Map(paths.map((p) => [p, isDirectory(p)]));
  const folders = paths.filter((p) => isFolder.get(p)).map((folder) => toCorePath(folder).replace(/\/*$/, '/'));
  const named = new Set([...paths.filter((p) => !isFolder.get(p)), ...globbed.compose, ...globbed.docker].map(toCorePath));
  const inScope = (file: string): boolean => named.has(file) || folders.some((folder) => file.startsWith(folder));
  for (const missing of discovered.missing) errors.push({ where: relativeDisplayPath(missing, cwd), message: 'no such file or directory' });
  const composeFiles = [...discovered.composeFiles, ...globbed.compose];
  const siblings = projectSiblings(composeFiles, discovered.listings, { isIgnored });
  // A run reads the file system as it was when it started: one listing per folder answers the
  // probes, the walk's for the folders it walked.
  const host = new NodeFileHost({ listFolders: true });
  host.rememberListings(discovered.listings);
  const read = (files: string[]): string[] => readInto(host, files, (file, error) => errors.push({ where: relativeDisplayPath(file, cwd), message: error }));
  const nothing = composeFiles.length === 0 && discovered.dockerfiles.length === 0 && globbed.docker.length === 0;
  return {
    unnamedComposeFiles: nothing ? unnamedComposeFiles(discovered.listings).map((file) => relativeDisplayPath(file, cwd)) : [],
    config,
    loaded,
    host,
    composeFiles: read(composeFiles),
    dockerfiles: read([...discovered.dockerfiles, ...globbed.docker]),
    // Context files are not checked: one that cannot be read simply adds nothing.
    context: readInto(host, siblings),
    inScope,
    errors,
  };
}

/** How many YAML files the hint reads at most, and how much of each. */
const HINT_FILES = 200;
const HINT_BYTES = 256 * 1024;

/**
 * A top-level `services:` mapping: its first entry is indented below it and is not a list item
 * (GitLab CI's `.gitlab-ci.yml` has a top-level `services:` list of images).
 */
const TOP_LEVEL_SERVICES = /^services:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]+[^\s#-]/m;

/** YAML files of the walked folders whose text has a top-level `services:` mapping. */
function unnamedComposeFiles(listings: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  let read = 0;
  for (const [folder, names] of listings) {
    for (const name of names) {
      if (!/\.ya?ml$/i.test(name) || read >= HINT_FILES) continue;
      const file = `${folder}/${name}`;
      try {
        const stat = statSync(file);
        if (!stat.isFile() || stat.size > HINT_BYTES) continue;
        read++;
        if (TOP_LEVEL_SERVICES.test(readFileSync(file, 'utf8'))) found.push(file);
      } catch {
        // Unreadable: no hint.
      }
    }
  }
  return found.sort();
}

/** Reads each file once (sorted) into the host; returns those read, and reports the others to `failed`. */
function readInto(host: NodeFileHost, files: readonly string[], failed?: (file: string, error: string) => void): string[] {
  const ok: string[] = [];
  for (const file of [...new Set(files)].sort()) {
    const result = readTextFileChecked(file);
    if (!result.ok) {
      failed?.(file, result.error);
      continue;
    }
    host.setOverlay(file, result.text);
    ok.push(file);
  }
  return ok;
}

/** Standard input, read to its end. */
export function readStandardInput(): ReadResult {
  try {
    return decodeText(readFileSync(0));
  } catch (error) {
    return { ok: false, error: `cannot read standard input: ${(error as Error).message}` };
  }
}

/**
 * One file whose text comes from standard input (editor plugins pipe the unsaved buffer):
 * it is analysed at the path `name` gives, with the rest of its project read from disk,
 * so it gets the findings the saved file would get.
 */
export function prepareStdinInput(input: ReadResult, name: string, loaded: LoadedConfig, cwd: string): PreparedInputs {
  const { config } = loaded;
  const file = toCorePath(path.resolve(cwd, name));
  const host = new NodeFileHost({ listFolders: true });
  const inScope = (f: string): boolean => f === file;
  if (!input.ok) return { config, loaded, host, composeFiles: [], dockerfiles: [], context: [], inScope, errors: [{ where: name, message: input.error }] };
  host.setOverlay(file, input.text);
  if (isDockerfileName(file)) return { config, loaded, host, composeFiles: [], dockerfiles: [file], context: [], inScope, errors: [] };
  const listings = new Map<string, string[]>();
  const siblings = projectSiblings([file], listings, { isIgnored: matcher(config.ignore, loaded.root) });
  host.rememberListings(listings);
  return { config, loaded, host, composeFiles: [file], dockerfiles: [], context: readInto(host, siblings), inScope, errors: [] };
}

export function formatInputError(error: InputError): string {
  return `vsafe: ${oneLine(error.where)}: ${oneLine(error.message)}\n`;
}

/** Every CLI error is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
