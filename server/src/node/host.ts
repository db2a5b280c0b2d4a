import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname } from '../core/paths';
import type { FileHost } from '../core/types';

/** Largest file vsafe reads; anything bigger is not a compose file or Dockerfile. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Where file names differ only in case, the listing compares them folded. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

export interface NodeFileHostOptions {
  /**
   * Read a folder's listing on the first probe in it and answer later probes from it.
   * For one-shot runs (the CLI), where the file system is taken as it was at the start.
   */
  listFolders?: boolean;
}

/**
 * File system access for the core, with an overlay of unsaved editor buffers.
 * Reads are cached per analysis so a project's files are read once.
 *
 * Most reads are probes for files that usually do not exist (override files, `.env`,
 * `compose.yaml` beside a `docker-compose.yml`). With a folder's listing at hand —
 * handed over by a workspace walk ({@link rememberListings}) or read once per folder
 * (`listFolders`) — a name the listing lacks is answered without a system call.
 */
export class NodeFileHost implements FileHost {
  private readonly overlay = new Map<string, string>();
  private readonly diskCache = new Map<string, string | undefined>();
  /** Folder → the names in it (case-folded where the file system folds case); null: it cannot be listed. */
  private readonly listings = new Map<string, ReadonlySet<string> | null>();

  /** Folders changed since {@link startListing}: a walk's listing of them may predate the change. */
  private changedSinceListing: Set<string> | undefined;

  constructor(private readonly options: NodeFileHostOptions = {}) {}

  setOverlay(file: string, text: string): void {
    this.overlay.set(file, text);
  }

  deleteOverlay(file: string): void {
    this.overlay.delete(file);
  }

  /** Forget cached disk contents (after on-disk changes), and the listings of the file's folder and its ancestors. */
  invalidate(file?: string): void {
    if (file === undefined) {
      this.diskCache.clear();
      this.listings.clear();
      return;
    }
    this.diskCache.delete(file);
    // The folder's listing, and its ancestors' (the change may have made the folders on the way).
    for (let child = file, dir = dirname(file); dir !== child; child = dir, dir = dirname(dir)) {
      this.listings.delete(dir);
      this.changedSinceListing?.add(dir);
    }
  }

  /** A walk starts listing folders: changes reported from now on void its listings of their folders. */
  startListing(): void {
    this.changedSinceListing = new Set();
  }

  /** The listings (folder → entry names) of the walk begun with {@link startListing}, minus folders changed since. */
  rememberListings(listings: ReadonlyMap<string, readonly string[]>): void {
    const changed = this.changedSinceListing ?? new Set<string>();
    this.changedSinceListing = undefined;
    for (const [dir, names] of listings) if (!changed.has(dir)) this.listings.set(dir, nameSet(names));
  }

  /** Drops every listing: later probes ask the file system again. */
  forgetListings(): void {
    this.listings.clear();
  }

  /** Whether a file or folder exists (from a listing when there is one). */
  exists(file: string): boolean {
    if (this.overlay.has(file)) return true;
    const listed = this.listed(file);
    if (listed !== undefined) return listed;
    return statSync(file, { throwIfNoEntry: false }) !== undefined;
  }

  readFile(file: string): string | undefined {
    const open = this.overlay.get(file);
    if (open !== undefined) return open;
    if (this.diskCache.has(file)) return this.diskCache.get(file);
    const text = this.listed(file) === false ? undefined : readTextFile(file);
    this.diskCache.set(file, text);
    return text;
  }

  /** Whether the listing of the file's folder names it; undefined without a listing. */
  private listed(file: string): boolean | undefined {
    const dir = dirname(file);
    let names = this.listings.get(dir);
    if (names === undefined && this.options.listFolders) {
      const listing = listFolder(dir);
      names = listing === undefined ? null : nameSet(listing);
      this.listings.set(dir, names);
    }
    if (names) return this.hasName(names, basename(file));
    if (names === null) return undefined;
    // No listing of the folder itself: a listed ancestor without the next folder on the way
    // down says it does not exist (a `build: ./app` whose app/ was never made).
    for (let child = dir, parent = dirname(dir); parent !== child; child = parent, parent = dirname(parent)) {
      const above = this.listings.get(parent);
      if (above === undefined) continue;
      return above !== null && !this.hasName(above, basename(child)) ? false : undefined;
    }
    return undefined;
  }

  private hasName(listing: ReadonlySet<string>, name: string): boolean {
    return listing.has(CASE_INSENSITIVE ? name.toLowerCase() : name);
  }
}

function nameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(CASE_INSENSITIVE ? names.map((n) => n.toLowerCase()) : names);
}

/**
 * A folder's entry names: none when it does not exist; undefined when it cannot be
 * listed for another reason (a folder that may be entered but not read still has files).
 */
function listFolder(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? [] : undefined;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** A file's bytes as UTF-8 text: binary content (NUL bytes) is refused, a byte order mark dropped. */
export function decodeText(buffer: Buffer): ReadResult {
  if (buffer.length > MAX_FILE_BYTES) return { ok: false, error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
  if (buffer.includes(0)) return { ok: false, error: 'binary file (contains NUL bytes)' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** Reads a file as UTF-8 text; refuses directories, huge files and binary content. */
export function readTextFileChecked(file: string): ReadResult {
  try {
    // Most reads probe for files that do not exist (override files, `.env`): no exception for those.
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return { ok: false, error: 'no such file' };
    if (!stat.isFile()) return { ok: false, error: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return decodeText(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message) };
  }
}

function readTextFile(file: string): string | undefined {
  const result = readTextFileChecked(file);
  return result.ok ? result.text : undefined;
}
