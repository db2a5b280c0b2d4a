import * as path from 'node:path';

/** Absolute, `/`-separated path: the form the core uses for every file. */
export function toCorePath(file: string): string {
  return path.resolve(file).split(path.sep).join('/');
}

/** Relative to `base` with `/` separators, as the CLI prints files. */
export function relativeDisplayPath(file: string, base: string): string {
  const relative = path.relative(base, file.split('/').join(path.sep));
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
