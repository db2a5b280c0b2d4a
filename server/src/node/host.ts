import { readFileSync, statSync } from 'node:fs';
import type { FileHost } from '../core/types';

/** Largest file vsafe reads; anything bigger is not a compose file or Dockerfile. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * File system access for the core, with an overlay of unsaved editor buffers.
 * Reads are cached per analysis so a project's files are read once.
 */
export class NodeFileHost implements FileHost {
  private readonly overlay = new Map<string, string>();
  private readonly diskCache = new Map<string, string | undefined>();

  setOverlay(file: string, text: string): void {
    this.overlay.set(file, text);
  }

  deleteOverlay(file: string): void {
    this.overlay.delete(file);
  }

  /** Forget cached disk contents (after on-disk changes). */
  invalidate(file?: string): void {
    if (file === undefined) this.diskCache.clear();
    else this.diskCache.delete(file);
  }

  readFile(file: string): string | undefined {
    const open = this.overlay.get(file);
    if (open !== undefined) return open;
    if (this.diskCache.has(file)) return this.diskCache.get(file);
    const text = readTextFile(file);
    this.diskCache.set(file, text);
    return text;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** Reads a file as UTF-8 text; refuses directories, huge files and binary content. */
export function readTextFileChecked(file: string): ReadResult {
  try {
    // Most reads probe for files that do not exist (override files, `.env`): no exception for those.
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return { ok: false, error: 'no such file' };
    if (!stat.isFile()) return { ok: false, error: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, error: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    const buffer = readFileSync(file);
    if (buffer.includes(0)) return { ok: false, error: 'binary file (contains NUL bytes)' };
    let text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message) };
  }
}

function readTextFile(file: string): string | undefined {
  const result = readTextFileChecked(file);
  return result.ok ? result.text : undefined;
}
