import { IMAGES } from './images';
import type { ImageEntry, ImageVariant, StatePathSpec, VersionRange } from './types';

export interface ImageRef {
  registry?: string;
  /** Repository path without registry and without the `library/` prefix, lower case. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Registries that serve Docker Hub's official images under `library/` (or `docker/library/`). */
const HUB_MIRRORS = /^(docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com|mirror\.gcr\.io|public\.ecr\.aws|docker\.m\.daocloud\.io)$/i;

/**
 * Splits `registry/ns/name:tag@sha256:…` the way Docker does and normalises the
 * repository: registries (with ports), Docker Hub mirrors and `library/` are dropped,
 * case is folded. `${REGISTRY}/postgres` keeps `postgres`: a leading segment that is
 * an unresolved variable is a registry.
 */
export function parseImageRef(reference: string): ImageRef | undefined {
  let rest = reference.trim();
  if (rest === '' || /\s/.test(rest)) return undefined;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = tagSeparator(rest);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  // An unknown variable that interpolated to nothing leaves `/postgres`.
  while (parts.length > 1 && parts[0] === '') parts.shift();
  let registry: string | undefined;
  if (parts.length > 1 && (/[.:]|^localhost$/i.test(parts[0]!) || /^\$\{?[A-Za-z_]/.test(parts[0]!))) registry = parts.shift();
  // Registry mirrors of Docker Hub keep official images under (docker/)library/.
  if (parts.length > 2 && parts[0]!.toLowerCase() === 'docker' && parts[1]!.toLowerCase() === 'library' && (!registry || HUB_MIRRORS.test(registry))) parts.shift();
  if (parts.length > 1 && parts[0]!.toLowerCase() === 'library') parts.shift();
  const repository = parts.join('/').toLowerCase();
  if (repository === '' || parts.some((p) => p === '')) return undefined;
  return { registry, repository, tag: tag === '' ? undefined : tag, digest };
}

/**
 * Namespaces that publish another namespace's images unchanged: since August 2025 Bitnami
 * moves its Docker Hub images to `bitnamilegacy/` and builds new ones as `bitnamisecure/`
 * (bitnami/containers#83267), with the same layout.
 */
const NAMESPACE_ALIASES: readonly [string, string][] = [
  ['bitnamilegacy/', 'bitnami/'],
  ['bitnamisecure/', 'bitnami/'],
];

function unaliased(repository: string): string {
  for (const [alias, namespace] of NAMESPACE_ALIASES) if (repository.startsWith(alias)) return namespace + repository.slice(alias.length);
  return repository;
}

/** The `:` before the tag: after the last `/`, outside `${…}` (`postgres:${PG:-16}`). */
function tagSeparator(reference: string): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < reference.length; i++) {
    const c = reference[i];
    if (c === '$' && reference[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (depth === 0 && c === '/') found = -1;
    else if (depth === 0 && c === ':' && found < 0) found = i;
  }
  return found;
}

/** The normalised repository of an image name, or the name itself when it is a `ns/*` pattern. */
export function normaliseImageName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (trimmed.endsWith('/*')) return (parseImageRef(trimmed.slice(0, -2) + '/x')?.repository.slice(0, -2) ?? trimmed.slice(0, -2)) + '/*';
  return parseImageRef(trimmed)?.repository ?? trimmed;
}

/** Numeric version from a tag: `16.2-alpine` → [16, 2]; distro-only tags → undefined. */
export function tagVersion(tag: string | undefined): number[] | undefined {
  if (!tag) return undefined;
  const match = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  if (!match) return undefined;
  return match[1]!.split('.').map(Number);
}

/** The version a tag names for an entry (its `versionPattern`, else the leading number). */
export function entryTagVersion(entry: ImageEntry, tag: string | undefined): number[] | undefined {
  if (!tag) return undefined;
  if (entry.versionPattern) {
    const match = new RegExp(entry.versionPattern, 'i').exec(tag);
    return match?.[1] ? tagVersion(match[1]) : undefined;
  }
  return tagVersion(tag);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

function inRange(version: number[], range: VersionRange | undefined): boolean {
  if (!range) return true;
  if (range.min && compareVersions(version, tagVersion(range.min)!) < 0) return false;
  if (range.max) {
    const max = tagVersion(range.max)!;
    // `max: "17"` includes 17.x: compare only as many components as the bound has.
    if (compareVersions(version.slice(0, max.length), max) > 0) return false;
  }
  return true;
}

export class KnowledgeBase {
  private readonly byRepository = new Map<string, ImageEntry>();
  /** `namespace/` → entry, for `namespace/*` names. */
  private readonly byNamespace = new Map<string, ImageEntry>();

  constructor(readonly entries: readonly ImageEntry[]) {
    // Later entries (user config) override built-in ones for the same image.
    for (const entry of entries) {
      for (const image of entry.images) {
        const name = normaliseImageName(image);
        if (name.endsWith('/*')) this.byNamespace.set(name.slice(0, -1), entry);
        else this.byRepository.set(name, entry);
      }
    }
  }

  /**
   * The built-in entries plus a configuration's own images. Built once per list: indexing
   * 120 entries costs more than analysing a small project, and the server lints folder by folder.
   */
  static builtIn(extra: readonly ImageEntry[] = []): KnowledgeBase {
    if (extra.length === 0) return (builtInOnly ??= new KnowledgeBase(IMAGES));
    let knowledge = withExtra.get(extra);
    if (!knowledge) {
      knowledge = new KnowledgeBase([...IMAGES, ...extra]);
      withExtra.set(extra, knowledge);
    }
    return knowledge;
  }

  /** The entry for a reference: an exact repository first, then a `namespace/*` pattern. */
  find(ref: ImageRef): ImageEntry | undefined {
    const repository = unaliased(ref.repository);
    const exact = this.byRepository.get(repository);
    if (exact) return exact;
    const slash = repository.lastIndexOf('/');
    if (slash < 0) return undefined;
    return this.byNamespace.get(repository.slice(0, slash + 1));
  }

  /** The first path spec of any entry at this container path (a Dockerfile `VOLUME` borrows its kind). */
  specAt(path: string): StatePathSpec | undefined {
    if (!this.specsByPath) {
      this.specsByPath = new Map();
      for (const entry of this.entries) for (const variant of entry.variants) for (const spec of variant.paths) if (!this.specsByPath.has(spec.path)) this.specsByPath.set(spec.path, spec);
    }
    return this.specsByPath.get(path);
  }

  /** Indexed on first use: most lints never ask. */
  private specsByPath: Map<string, StatePathSpec> | undefined;

  /** Looks up an image reference as written (`docker.io/library/postgres:16`). */
  lookup(reference: string): ImageEntry | undefined {
    const ref = parseImageRef(reference);
    return ref ? this.find(ref) : undefined;
  }
}

let builtInOnly: KnowledgeBase | undefined;
const withExtra = new WeakMap<readonly ImageEntry[], KnowledgeBase>();

export type VersionSelection =
  | { kind: 'known'; variant: ImageVariant }
  /** The tag is unknown (an unresolved variable): every variant is possible. */
  | { kind: 'unknown'; variants: ImageVariant[] };

function tagMatches(variant: ImageVariant, tag: string | undefined): boolean {
  return !variant.tags || new RegExp(variant.tags, 'i').test(tag ?? '');
}

/**
 * Chooses the variant for a tag. Untagged, `latest` and distro-only tags mean the
 * newest version (or the entry's `latestVersion`); a tag that could not be
 * interpolated selects nothing specific.
 */
export function selectVariant(entry: ImageEntry, tag: string | undefined, tagUnknown: boolean): VersionSelection {
  if (tagUnknown) return { kind: 'unknown', variants: entry.variants };
  const candidates = entry.variants.filter((v) => tagMatches(v, tag));
  const pool = candidates.length > 0 ? candidates : entry.variants;
  const version = entryTagVersion(entry, tag) ?? (entry.latestVersion ? tagVersion(entry.latestVersion) : undefined);
  if (!version) return { kind: 'known', variant: pool[0]! };
  const variant = pool.find((v) => inRange(version, v.versions)) ?? pool[pool.length - 1]!;
  return { kind: 'known', variant };
}

export function pathsOf(selection: VersionSelection): StatePathSpec[] {
  return selection.kind === 'known' ? selection.variant.paths : [];
}
