import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a text file, creating its folder. When the file on disk started with a
 * byte order mark (which vsafe strips when reading), the mark is kept.
 */
export function writeText(file: string, text: string, previous?: string): void {
  let bom = '';
  if (previous !== undefined) {
    try {
      const head = readFileSync(file).subarray(0, 3);
      if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bom = '\ufeff';
    } catch {
      // A file that vanished meanwhile is simply written again.
    }
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bom + text);
}
