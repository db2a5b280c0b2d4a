import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { composeFileList, composeFileRole, isComposeFileName, isDockerfileName } from '../core/compose/files';
import { parseDotEnv } from '../core/compose/interpolate';
import { toCorePath } from './paths';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Discovered {
  composeFiles: string[];
  dockerfiles: string[];
  /** Paths given explicitly that do not exist or cannot be read. */
  missing: string[];
  /** Every walked folder's entry names (ignored ones too): lets a file host answer probes without a system call. */
  listings: Map<string, string[]>;
}

export interface DiscoverOptions {
  /** Extra matchers for compose files (from `composeFiles` globs). */
  isExtraComposeFile?: (file: string) => boolean;
  isIgnored?: (file: string) => boolean;
}

/**
 * Expands CLI paths and workspace folders into the files vsafe analyses. Folders
 * are walked; `.gitignore`d paths and `node_modules` are skipped. Files named
 * explicitly are always analysed as compose files unless they are Dockerfiles.
 */
export function discover(inputs: readonly string[], options: DiscoverOptions = {}): Discovered {
  const result: Discovered = { composeFiles: [], dockerfiles: [], missing: [], listings: new Map() };
  for (const _ of discoverSteps(inputs, options, result)) {
    // Each step is one directory; the synchronous walk just runs them all.
  }
  return finish(result);
}

export interface AsyncDiscoverOptions extends DiscoverOptions {
  /** Milliseconds of walking before yielding to the event loop (default 8). */
  sliceMs?: number;
  /** Checked between slices: a true result stops the walk and resolves undefined. */
  cancelled?: () => boolean;
}

/**
 * {@link discover} for the language server: the same walk, one directory at a time,
 * yielding to the event loop every `sliceMs` so requests are answered while a large
 * workspace is walked, and stopping early when `cancelled()` (a newer scan started).
 */
export async function discoverAsync(inputs: readonly string[], options: AsyncDiscoverOptions = {}): Promise<Discovered | undefined> {
  const result: Discovered = { composeFiles: [], dockerfiles: [], missing: [], listings: new Map() };
  const sliceMs = options.sliceMs ?? 8;
  let sliceStart = performance.now();
  for (const _ of discoverSteps(inputs, options, result)) {
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.cancelled?.()) return undefined;
    sliceStart = performance.now();
  }
  if (options.cancelled?.()) return undefined;
  return finish(result);
}

function finish(result: Discovered): Discovered {
  result.composeFiles = [...new Set(result.composeFiles)].sort();
  result.dockerfiles = [...new Set(result.dockerfiles)].sort();
  return result;
}

function* discoverSteps(inputs: readonly string[], options: DiscoverOptions, result: Discovered): Generator<void> {
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      result.missing.push(input);
      continue;
    }
    if (stat.isDirectory()) yield* walk(path.resolve(input), [], result, options);
    else if (isDockerfileName(input)) result.dockerfiles.push(toCorePath(input));
    else result.composeFiles.push(toCorePath(input));
  }
}

interface IgnoreScope {
  dir: string;
  matcher: Ignore;
}

/** Walks `dir` depth-first, yielding after each directory read. */
function* walk(dir: string, scopes: IgnoreScope[], result: Discovered, options: DiscoverOptions): Generator<void> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  result.listings.set(toCorePath(dir), entries.map((e) => e.name));
  // Only folders that have a .gitignore pay for reading one.
  const local = entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? loadGitignore(dir) : undefined;
  const active = local ? [...scopes, local] : scopes;
  yield;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((e) => e.name === '.env' && e.isFile())) {
    // Listed files the walk would skip (.gitignore'd, ignored by the config) stay skipped.
    const listed = listedComposeFiles(dir).filter((file) => !isGitIgnored(file, false, active) && !options.isIgnored?.(file));
    result.composeFiles.push(...listed);
  }
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const isDir = entry.isDirectory();
    if (isGitIgnored(full, isDir, active)) continue;
    const corePath = toCorePath(full);
    if (options.isIgnored?.(corePath)) continue;
    if (isDir) yield* walk(full, active, result, options);
    else if (entry.isFile()) {
      if (isDockerfileName(entry.name)) result.dockerfiles.push(corePath);
      else if (isComposeFileName(entry.name) || options.isExtraComposeFile?.(corePath)) result.composeFiles.push(corePath);
    }
  }
}

/**
 * The files `COMPOSE_FILE` in the folder's `.env` names (eth-docker's `geth.yml`,
 * `lighthouse.yml`): what `docker compose` loads there, whatever their names. Only files
 * that exist in the folder or below it.
 */
function listedComposeFiles(dir: string): string[] {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.env'), 'utf8');
  } catch {
    return [];
  }
  const coreDir = toCorePath(dir);
  return (composeFileList(parseDotEnv(text), coreDir) ?? []).filter((file) => {
    if (!file.startsWith(coreDir + '/')) return false;
    try {
      // lstat: a symbolic link is not followed (it may lead out of the workspace).
      return lstatSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function loadGitignore(dir: string): IgnoreScope | undefined {
  try {
    const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { dir, matcher: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function isGitIgnored(full: string, isDir: boolean, scopes: IgnoreScope[]): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.dir, full).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) continue;
    if (scope.matcher.ignores(isDir ? relative + '/' : relative)) return true;
  }
  return false;
}

/**
 * The compose files that share a project with files named one by one (a path or a glob):
 * the base, its override and the `compose.<env>.yaml` files of the same folder, as a walk
 * of that folder finds them (regular files, not `.gitignore`d or ignored). Checked alone,
 * as pre-commit hooks pass only the changed files, `compose.yaml` must still see that
 * `compose.prod.yaml` mounts a volume it declares and deploys its source mounts. A walked
 * folder already has them all; the listings of the others are added to `listings`.
 */
export function projectSiblings(composeFiles: readonly string[], listings: Map<string, string[]>, options: Pick<DiscoverOptions, 'isIgnored'> = {}): string[] {
  const checked = new Set(composeFiles);
  const walked = new Set(listings.keys());
  const siblings = new Set<string>();
  // Only folders with a file of a project (a standalone stack file shares nothing).
  const projectDirs = new Set(composeFiles.filter((file) => composeFileRole(file).kind !== 'standalone').map((file) => path.posix.dirname(file)));
  for (const dir of projectDirs) {
    if (walked.has(dir)) continue;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    listings.set(dir, entries.map((entry) => entry.name));
    const gitignore = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? loadGitignore(dir) : undefined;
    for (const entry of entries) {
      const file = `${dir}/${entry.name}`;
      if (!entry.isFile() || checked.has(file) || !isComposeFileName(entry.name) || composeFileRole(entry.name).kind === 'standalone') continue;
      if ((gitignore && isGitIgnored(path.join(dir, entry.name), false, [gitignore])) || options.isIgnored?.(file)) continue;
      siblings.add(file);
    }
  }
  return [...siblings].sort();
}

/** Keeps a directory's size bounded: used by the server to avoid pathological trees. */
export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file under `dir` (sorted, `.gitignore`d paths and `node_modules` skipped),
 * for matching CLI globs against.
 */
export function walkAllFiles(dir: string): string[] {
  const files: string[] = [];
  const visit = (current: string, scopes: IgnoreScope[]): void => {
    const local = loadGitignore(current);
    const active = local ? [...scopes, local] : scopes;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const full = path.join(current, entry.name);
      const isDir = entry.isDirectory();
      if (isGitIgnored(full, isDir, active)) continue;
      if (isDir) visit(full, active);
      else if (entry.isFile()) files.push(toCorePath(full));
    }
  };
  visit(path.resolve(dir), []);
  return files;
}
