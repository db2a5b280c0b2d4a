import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { appendTo } from '../collections';
import type { Mount, MountType } from '../model';
import type { ComposeConfiguration } from '../project';
import { joinPath, normalizeContainerPath } from '../paths';
import { interpolate, type Environment } from './interpolate';
import { location, type ComposeFileModel } from './parse';
import { asMap, deref, getValue, nodeSpan, scalarString } from './yaml';

/**
 * Reads one `volumes:` sequence item (short or long syntax) into a mount.
 * `baseDir` is the directory relative host paths resolve against (the project
 * directory, or the directory of an included / extended file); without it
 * `hostPath` is only set for absolute sources.
 */
export function readVolumeEntry(model: ComposeFileModel, item: unknown, env: Environment, baseDir?: string): Mount | undefined {
  const node = deref(model.doc, item);
  if (!node) return undefined;
  const [start, end] = nodeSpan(node);
  const loc = location(model, start, end);
  if (isScalar(node)) {
    const raw = scalarString(model.doc, node);
    if (raw === undefined) return undefined;
    const expanded = interpolate(raw, env);
    const parsed = parseShortVolume(expanded.value);
    if (!parsed) return undefined;
    const mount: Mount = { ...parsed, location: loc, syntax: 'short', unknown: expanded.unknown };
    return withHostPath(mount, baseDir);
  }
  if (isMap(node)) return readLongVolume(model, node as Node, env, loc, baseDir);
  return undefined;
}

function readLongVolume(model: ComposeFileModel, node: Node, env: Environment, loc: Mount['location'], baseDir: string | undefined): Mount | undefined {
  const map = asMap(model.doc, node);
  if (!map) return undefined;
  const field = (from: YAMLMap, key: string): { value: string; unknown: boolean } | undefined => {
    const raw = scalarString(model.doc, getValue(model.doc, from, key));
    if (raw === undefined) return undefined;
    const expanded = interpolate(raw, env);
    return { value: expanded.value, unknown: expanded.unknown };
  };
  const target = field(map, 'target');
  if (!target) return undefined;
  const source = field(map, 'source');
  const typeField = field(map, 'type');
  const declaredType = typeField?.value ?? 'volume';
  let type: MountType;
  if (declaredType === 'bind') type = 'bind';
  else if (declaredType === 'tmpfs') type = 'tmpfs';
  else if (declaredType === 'volume') type = source && source.value !== '' ? 'volume' : 'anonymous';
  else type = 'other';
  const mount: Mount = {
    type,
    source: type === 'bind' || type === 'volume' ? source?.value : undefined,
    target: normalizeContainerPath(target.value),
    readOnly: isTrue(field(map, 'read_only')?.value),
    location: loc,
    syntax: 'long',
    unknown: target.unknown || typeField?.unknown === true || ((type === 'bind' || type === 'volume') && source?.unknown === true),
  };
  if (isFalse(field(map, 'read_only')?.value)) mount.readWrite = true;
  const volumeOptions = asMap(model.doc, getValue(model.doc, map, 'volume'));
  if (volumeOptions && isTrue(field(volumeOptions, 'nocopy')?.value)) mount.nocopy = true;
  const bindOptions = asMap(model.doc, getValue(model.doc, map, 'bind'));
  const createHostPath = bindOptions ? field(bindOptions, 'create_host_path') : undefined;
  if (createHostPath) mount.createHostPath = isTrue(createHostPath.value);
  const tmpfsOptions = asMap(model.doc, getValue(model.doc, map, 'tmpfs'));
  if (tmpfsOptions) {
    const options = ['size', 'mode']
      .map((key) => [key, field(tmpfsOptions, key)?.value] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
      .map(([key, value]) => `${key}=${value}`);
    if (options.length > 0) mount.tmpfsOptions = options.join(',');
  }
  return withHostPath(mount, baseDir);
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === 'True' || value === 'TRUE';
}

function isFalse(value: string | undefined): boolean {
  return value === 'false' || value === 'False' || value === 'FALSE';
}

/** Resolves a bind source the way Compose does: relative to the project (or included file) directory. */
function withHostPath(mount: Mount, baseDir: string | undefined): Mount {
  if (mount.type !== 'bind' || mount.source === undefined || mount.unknown) return mount;
  const hostPath = resolveHostPath(mount.source, baseDir);
  if (hostPath !== undefined) mount.hostPath = hostPath;
  return mount;
}

export function resolveHostPath(source: string, baseDir: string | undefined): string | undefined {
  if (source.includes('${')) return undefined;
  if (source === '~' || source.startsWith('~/') || source.startsWith('~')) return undefined; // the user's home: not known here
  if (/^[A-Za-z]:[\\/]/.test(source) || source.startsWith('\\\\')) return source; // Windows host path, kept as written
  if (source.startsWith('/')) return normalizeContainerPath(source);
  if (baseDir === undefined) return undefined;
  return joinPath(baseDir, source);
}

/** The options of a short-syntax volume that Compose knows (compose-go format/volume.go). */
export const MODE_FLAGS: ReadonlySet<string> = new Set(['ro', 'rw', 'z', 'Z', 'consistent', 'cached', 'delegated', 'nocopy', 'rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);

/**
 * The separator before the options part of a short-syntax volume string, if it has one.
 * A third part is always the options, and Compose ignores the ones it does not know
 * (`data:/var/lib/x:roz` is a read-write mount at /var/lib/x); a second part only when
 * every flag is one Compose knows (`/data:ro`, not `data:/data`).
 */
export function modeSeparator(text: string, separators: readonly number[]): number | undefined {
  const last = separators[separators.length - 1];
  if (last === undefined) return undefined;
  if (separators.length >= 2) return last;
  return text.slice(last + 1).split(',').every((flag) => MODE_FLAGS.has(flag)) ? last : undefined;
}

/** `[SOURCE:]TARGET[:MODE]`, with Windows drive letters in the source. */
export function parseShortVolume(spec: string): Pick<Mount, 'type' | 'source' | 'target' | 'readOnly' | 'nocopy' | 'readWrite'> | undefined {
  const trimmed = spec.trim();
  if (trimmed === '') return undefined;
  const driveMatch = /^([A-Za-z]:)[\\/]/.exec(trimmed);
  // `C:\data:/data` is a Windows host path; `a:/data` (a one-letter volume) is not.
  if (driveMatch) return parseParts(trimmed.slice(2), driveMatch[1]!) ?? parseParts(trimmed, '');
  return parseParts(trimmed, '');
}

function splitAt(text: string, separators: readonly number[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const at of separators) {
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * Where the parts of a short-syntax volume string are separated: its colons, except those
 * inside `${…}` (`${FILE:-default.conf}` is one part until Compose interpolates it) and,
 * with `drive`, a Windows drive's (`C:\\data`).
 */
export function shortVolumeSeparators(text: string, drive = true): number[] {
  const separators: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}' && depth > 0) depth--;
    else if (ch === ':' && depth === 0) separators.push(i);
  }
  return drive && /^[A-Za-z]:[\\/]/.test(text) ? separators.filter((i) => i !== 1) : separators;
}

function parseParts(rest: string, drive: string): Pick<Mount, 'type' | 'source' | 'target' | 'readOnly' | 'nocopy' | 'readWrite'> | undefined {
  // The string as written may still hold `${VAR:-default}`: its colons separate nothing.
  const separators = shortVolumeSeparators(rest, false);
  const modeAt = modeSeparator(rest, separators);
  const mode = modeAt === undefined ? '' : rest.slice(modeAt + 1);
  const parts = splitAt(modeAt === undefined ? rest : rest.slice(0, modeAt), modeAt === undefined ? separators : separators.slice(0, -1));
  const flags = mode.split(',');
  const extra: { nocopy?: true; readWrite?: true } = {};
  if (flags.includes('nocopy')) extra.nocopy = true;
  if (flags.includes('rw')) extra.readWrite = true;
  if (parts.length === 1) {
    if (drive) return undefined;
    return { type: 'anonymous', target: normalizeContainerPath(parts[0]!), readOnly: flags.includes('ro'), ...extra };
  }
  const target = parts.pop()!;
  const source = drive + parts.join(':');
  if (source === '') return { type: 'anonymous', target: normalizeContainerPath(target), readOnly: flags.includes('ro'), ...extra };
  return {
    type: isHostPath(source) ? 'bind' : 'volume',
    source,
    target: normalizeContainerPath(target),
    readOnly: flags.includes('ro'),
    ...extra,
  };
}

/**
 * Compose treats a source as a host path when it starts with `.`, `/`, `~` or a
 * drive letter; an unknown variable in front (`${DATA}/db`) followed by a path
 * separator is a path too.
 */
export function isHostPath(source: string): boolean {
  return /^(\/|\.|~|[A-Za-z]:[\\/]|\\\\)/.test(source) || source.includes('/');
}

/** `tmpfs: /run` or `tmpfs: [/run, /tmp:size=64m]`. */
export function readTmpfs(model: ComposeFileModel, node: unknown, env: Environment): Mount[] {
  const value = deref(model.doc, node);
  const items = isSeq(value) ? value.items : value ? [value] : [];
  const mounts: Mount[] = [];
  for (const item of items) {
    const n = deref(model.doc, item);
    const raw = scalarString(model.doc, n);
    if (!n || raw === undefined) continue;
    const expanded = interpolate(raw, env);
    const colon = expanded.value.indexOf(':');
    const target = colon < 0 ? expanded.value : expanded.value.slice(0, colon);
    if (target.trim() === '') continue;
    const [start, end] = nodeSpan(n);
    const mount: Mount = {
      type: 'tmpfs',
      target: normalizeContainerPath(target),
      readOnly: false,
      location: location(model, start, end),
      syntax: 'tmpfs',
      unknown: expanded.unknown,
    };
    if (colon >= 0) {
      const options = expanded.value.slice(colon + 1);
      mount.tmpfsOptions = options;
      if (options.split(',').includes('ro')) mount.readOnly = true;
    }
    mounts.push(mount);
  }
  return mounts;
}

/** Where a mount is written: one key for the copies an anchor merges into several services. */
function locationKey(mount: Mount): string {
  return `${mount.location.file}:${mount.location.range.start.line}:${mount.location.range.start.character}`;
}

/** The services that mount each written entry (several when an `x-` anchor is merged), by {@link locationKey}. */
function servicesByMountEntry(configuration: ComposeConfiguration): Map<string, string[]> {
  const servicesAt = new Map<string, string[]>();
  for (const workload of configuration.workloads) {
    for (const mount of workload.mounts) if (!mount.inherited) appendTo(servicesAt, locationKey(mount), workload.name);
  }
  return servicesAt;
}

/**
 * Mount entries as the mount rules report them: an entry written once in a list several
 * services share (an `x-` anchor merged with `<<:`, a list aliased whole) is reported once,
 * naming every service that mounts it.
 */
export class MountEntryReports {
  private readonly servicesAt: Map<string, string[]>;
  private readonly reported = new Set<string>();

  constructor(configuration: ComposeConfiguration) {
    this.servicesAt = servicesByMountEntry(configuration);
  }

  /** The entry was reported already, through another service that shares it. */
  done(mount: Mount): boolean {
    return this.reported.has(locationKey(mount));
  }

  /**
   * Marks the entry reported. `services`: every service mounting it (`service` alone when no
   * other does); `shared`: the same list for `Report.services`, only when there are several.
   */
  take(mount: Mount, service: string): { services: string[]; shared: string[] | undefined } {
    const key = locationKey(mount);
    this.reported.add(key);
    const services = this.servicesAt.get(key) ?? [service];
    return { services, shared: services.length > 1 ? services : undefined };
  }
}
