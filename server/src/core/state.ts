import type { ImageEntry, StateKind, StatePathSpec } from './knowledge/types';
import { parseImageRef, selectVariant, type KnowledgeBase } from './knowledge/lookup';
import type { Mount, Workload } from './model';
import { isSameOrParent, isScratchPath, normalizeContainerPath } from './paths';

/** A path inside a workload's container whose contents must survive recreation. */
export interface StatePath {
  /** Where the volume belongs. */
  path: string;
  /** Where the data files are, when deeper than `path`. */
  dataPath?: string;
  kind: StateKind;
  description: string;
  /** An image `VOLUME` makes Docker create an anonymous volume here when nothing is mounted. */
  declaredVolume: boolean;
  entry?: ImageEntry;
  spec?: StatePathSpec;
  /** How the path was found: the image default, or moved by an env var / flag. */
  origin: { kind: 'image' } | { kind: 'env'; name: string } | { kind: 'flag'; flag: string };
  /** A cache image without persistence configured: reported only as a hint. */
  cacheOnly: boolean;
}

export interface ImageInfo {
  entry: ImageEntry;
  tag?: string;
  tagUnknown: boolean;
}

export function imageInfo(workload: Workload, knowledge: KnowledgeBase): ImageInfo | undefined {
  if (!workload.image) return undefined;
  const ref = parseImageRef(workload.image.value);
  if (!ref) return undefined;
  // An unknown variable in the repository part means we cannot know the image.
  if (ref.repository.includes('${')) return undefined;
  const entry = knowledge.find(ref);
  if (!entry) return undefined;
  return { entry, tag: ref.tag, tagUnknown: ref.tag?.includes('${') === true };
}

/** The state paths of a workload, after env vars and command flags moved them. */
export function statePaths(workload: Workload, knowledge: KnowledgeBase): StatePath[] {
  const info = imageInfo(workload, knowledge);
  if (!info || info.entry.stateless) return [];
  const selection = selectVariant(info.entry, info.tag, info.tagUnknown);
  const specs = selection.kind === 'known' ? selection.variant.paths : commonPaths(selection.variants.map((v) => v.paths));
  const cacheOnly = info.entry.cacheUnlessPersistent === true && !persistenceConfigured(workload);
  const result: StatePath[] = [];
  for (const spec of specs) {
    const moved = movedPath(workload, spec);
    const path = moved ? moved.path : spec.path;
    if (isScratchPath(path)) continue;
    result.push({
      path,
      dataPath: moved ? undefined : spec.dataPath,
      kind: cacheOnly ? 'cache' : spec.kind,
      description: spec.description,
      // A moved path is no longer where the image's VOLUME points.
      declaredVolume: moved ? false : spec.declaredVolume,
      entry: info.entry,
      spec,
      origin: moved ? moved.origin : { kind: 'image' },
      cacheOnly,
    });
  }
  return result;
}

/** With an unknown version only what every version agrees on is certain. */
function commonPaths(variants: StatePathSpec[][]): StatePathSpec[] {
  const [first, ...rest] = variants;
  if (!first) return [];
  return first.filter((spec) => rest.every((paths) => paths.some((p) => p.path === spec.path)));
}

function movedPath(workload: Workload, spec: StatePathSpec): { path: string; origin: StatePath['origin'] } | undefined {
  for (const name of spec.env ?? []) {
    const value = workload.environment.get(name);
    if (value && value.startsWith('/') && !value.includes('${')) return { path: normalizeContainerPath(value), origin: { kind: 'env', name } };
  }
  const args = [...(workload.entrypoint ?? []), ...(workload.command ?? [])];
  for (const flag of spec.flags ?? []) {
    const value = flagValue(args, flag);
    if (value && value.startsWith('/') && !value.includes('${')) return { path: normalizeContainerPath(value), origin: { kind: 'flag', flag } };
  }
  return undefined;
}

/** `--flag value` or `--flag=value` in an argument list. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === flag) return args[i + 1];
    if (arg.startsWith(flag + '=')) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** Redis-like persistence switched on by flags (`--appendonly yes`, `--save 60 1`). */
function persistenceConfigured(workload: Workload): boolean {
  const args = [...(workload.entrypoint ?? []), ...(workload.command ?? [])];
  if (flagValue(args, '--appendonly') === 'yes') return true;
  const save = flagValue(args, '--save');
  if (save !== undefined && save.trim() !== '' && save !== '""' && save !== "''") return true;
  // A mounted configuration file may switch persistence on: we cannot tell it is off.
  return workload.mounts.some((m) => /\.conf$/.test(m.target) || isSameOrParent('/usr/local/etc/redis', m.target));
}

/** The mount that holds a state path: at the path or at a parent; the deepest wins. */
export function coveringMount(path: string, mounts: readonly Mount[]): Mount | undefined {
  let best: Mount | undefined;
  for (const mount of mounts) {
    if (!mount.target.startsWith('/')) continue;
    if (isSameOrParent(mount.target, path) && (!best || mount.target.length > best.target.length)) best = mount;
  }
  return best;
}
