import { IMAGES } from './images';
import type { ImageEntry, ImageVariant, StatePathSpec, VersionRange } from './types';

export interface ImageRef {
  registry?: string;
  /** Repository path without registry and without the `library/` prefix. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/ns/name:tag@sha256:…` the way Docker does. */
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
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry: string | undefined;
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) registry = parts.shift();
  // Registry mirrors of Docker Hub keep official images under (docker/)library/.
  if (parts[0] === 'docker' && parts[1] === 'library') parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  const repository = parts.join('/').toLowerCase();
  if (repository === '') return undefined;
  return { registry, repository, tag, digest };
}

/** Numeric version from a tag: `16.2-alpine` → [16, 2]; distro-only tags → undefined. */
export function tagVersion(tag: string | undefined): number[] | undefined {
  if (!tag) return undefined;
  const match = /^v?(\d+(?:\.\d+)*)/.exec(tag);
  if (!match) return undefined;
  return match[1]!.split('.').map(Number);
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

  constructor(readonly entries: readonly ImageEntry[]) {
    // Later entries (user config) override built-in ones for the same image.
    for (const entry of entries) for (const image of entry.images) this.byRepository.set(image.toLowerCase(), entry);
  }

  static builtIn(extra: readonly ImageEntry[] = []): KnowledgeBase {
    return new KnowledgeBase([...IMAGES, ...extra]);
  }

  find(ref: ImageRef): ImageEntry | undefined {
    return this.byRepository.get(ref.repository);
  }
}

export type VersionSelection =
  | { kind: 'known'; variant: ImageVariant }
  /** The tag is unknown (an unresolved variable): every variant is possible. */
  | { kind: 'unknown'; variants: ImageVariant[] };

/**
 * Chooses the variant for a tag. Untagged, `latest` and distro-only tags mean the
 * newest version; a tag that could not be interpolated selects nothing specific.
 */
export function selectVariant(entry: ImageEntry, tag: string | undefined, tagUnknown: boolean): VersionSelection {
  if (tagUnknown) return { kind: 'unknown', variants: entry.variants };
  const version = tagVersion(tag);
  if (!version) return { kind: 'known', variant: entry.variants[0]! };
  const variant = entry.variants.find((v) => inRange(version, v.versions)) ?? entry.variants[entry.variants.length - 1]!;
  return { kind: 'known', variant };
}

export function pathsOf(selection: VersionSelection): StatePathSpec[] {
  return selection.kind === 'known' ? selection.variant.paths : [];
}
