import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { FileHost } from '../core/types';
import { toCorePath } from '../node/paths';

/** Git access for `vsafe report --diff` (the CLI layer only; the core stays pure). */
export class GitError extends Error {}

function git(args: string[], cwd: string): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new GitError(`cannot run git: ${result.error.message}`);
  return { ok: result.status === 0, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8').trim() };
}

export interface GitTree {
  /** The repository's top-level folder (a core path). */
  top: string;
  /** The full commit id the ref names. */
  commit: string;
  /** Files (core paths) that differ between the ref and the working tree, including untracked ones. */
  changed: Set<string>;
  /** Files (core paths) that exist at the ref. */
  filesAtRef: string[];
  /** The file's text at the ref, undefined when it did not exist there. */
  read(file: string): string | undefined;
}

export function openGitTree(ref: string, cwd: string): GitTree {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) throw new GitError('--diff needs a git repository (git rev-parse failed: ' + (top.stderr.split('\n')[0] ?? '') + ')');
  const root = top.stdout.trim();
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (!commit.ok) throw new GitError(`--diff: unknown git revision "${ref}"`);
  const id = commit.stdout.trim();
  const corePath = (relative: string): string => toCorePath(path.join(root, relative));
  const changed = new Set<string>();
  const diff = git(['diff', '--name-only', '--no-renames', '-z', id, '--'], root);
  for (const name of diff.stdout.split('\0')) if (name !== '') changed.add(corePath(name));
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  for (const name of untracked.stdout.split('\0')) if (name !== '') changed.add(corePath(name));
  const tree = git(['ls-tree', '-r', '--name-only', '-z', id], root);
  const filesAtRef = tree.stdout.split('\0').filter((n) => n !== '').map(corePath);
  const atRef = new Set(filesAtRef);
  const cache = new Map<string, string | undefined>();
  return {
    top: toCorePath(root),
    commit: id,
    changed,
    filesAtRef,
    read(file) {
      if (!atRef.has(file)) return undefined;
      if (cache.has(file)) return cache.get(file);
      const relative = path.relative(root, file).split(path.sep).join('/');
      const show = git(['show', `${id}:${relative}`], root);
      let text: string | undefined = show.ok ? show.stdout : undefined;
      if (text !== undefined && text.includes('\0')) text = undefined;
      if (text !== undefined && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      cache.set(file, text);
      return text;
    },
  };
}

/** A file host that reads every file as it was at the ref. */
export function hostAtRef(tree: GitTree): FileHost {
  return { readFile: (file) => tree.read(file) };
}
