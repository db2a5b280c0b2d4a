/** Something normalizing would change: `//`, `.` or `..` segments, a trailing `/`, surrounding whitespace. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|.\/$|^\s|\s$/;

/** Container paths are POSIX: collapse `//`, `/./`, resolve `..`, drop a trailing `/`. */
export function normalizeContainerPath(path: string): string {
  // Most paths are already normal (called for every mount and state path).
  if (path.startsWith('/') && !NOT_NORMAL.test(path)) return path;
  const trimmed = path.trim();
  if (!trimmed.startsWith('/')) return trimmed.replace(/\/+$/, '') || trimmed;
  const parts: string[] = [];
  for (const part of trimmed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** True when `parent` is `path` itself or one of its ancestors. */
export function isSameOrParent(parent: string, path: string): boolean {
  if (parent === '/') return true;
  return path === parent || path.startsWith(parent + '/');
}

/** Scratch locations never hold state that must survive. */
const SCRATCH_ROOTS = ['/tmp', '/var/tmp', '/run', '/var/run', '/dev/shm', '/proc', '/sys'];
const SCRATCH_SEGMENTS = new Set(['node_modules', '.cache', '__pycache__', 'target', '.npm', '.yarn', '.pnpm-store', '.gradle', '.m2', '.venv']);

export function isScratchPath(path: string): boolean {
  const normalized = normalizeContainerPath(path);
  if (SCRATCH_ROOTS.some((root) => isSameOrParent(root, normalized))) return true;
  return normalized.split('/').some((segment) => SCRATCH_SEGMENTS.has(segment));
}

/** POSIX path helpers for host paths, so the core needs no `path` module. */
export function dirname(file: string): string {
  const i = file.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return file.slice(0, i);
}

export function basename(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, relative: string): string {
  if (relative.startsWith('/')) return normalizeContainerPath(relative);
  return normalizeContainerPath(dir + '/' + relative);
}
