import type { FileHost } from '../../server/src/core';

export const ROOT = '/work/project';

/** An in-memory workspace: relative names map to files under ROOT. */
export class MemoryHost implements FileHost {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) this.files.set(abs(name), text);
  }

  readFile(file: string): string | undefined {
    return this.files.get(file);
  }

  write(file: string, text: string): void {
    this.files.set(file, text);
  }
}

export function abs(name: string): string {
  return name.startsWith('/') ? name : `${ROOT}/${name}`;
}

export function rel(file: string): string {
  return file.startsWith(ROOT + '/') ? file.slice(ROOT.length + 1) : file;
}
