import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Mount, MountType } from '../model';
import { normalizeContainerPath } from '../paths';
import { interpolate, type Environment } from './interpolate';
import { location, type ComposeFileModel } from './parse';
import { asMap, deref, getValue, nodeSpan, scalarString } from './yaml';

/** Reads one `volumes:` sequence item (short or long syntax) into a mount. */
export function readVolumeEntry(model: ComposeFileModel, item: unknown, env: Environment): Mount | undefined {
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
    return { ...parsed, location: loc, syntax: 'short', unknown: expanded.unknown };
  }
  if (isMap(node)) return readLongVolume(model, node as Node, env, loc);
  return undefined;
}

function readLongVolume(model: ComposeFileModel, node: Node, env: Environment, loc: Mount['location']): Mount | undefined {
  const map = asMap(model.doc, node);
  if (!map) return undefined;
  const field = (key: string): { value: string; unknown: boolean } | undefined => {
    const raw = scalarString(model.doc, getValue(model.doc, map, key));
    if (raw === undefined) return undefined;
    const expanded = interpolate(raw, env);
    return { value: expanded.value, unknown: expanded.unknown };
  };
  const target = field('target');
  if (!target) return undefined;
  const source = field('source');
  const declaredType = field('type')?.value ?? 'volume';
  let type: MountType;
  if (declaredType === 'bind') type = 'bind';
  else if (declaredType === 'tmpfs') type = 'tmpfs';
  else if (declaredType === 'volume') type = source && source.value !== '' ? 'volume' : 'anonymous';
  else type = 'other';
  const readOnly = field('read_only')?.value === 'true';
  return {
    type,
    source: type === 'bind' || type === 'volume' ? source?.value : undefined,
    target: normalizeContainerPath(target.value),
    readOnly,
    location: loc,
    syntax: 'long',
    unknown: target.unknown || source?.unknown === true,
  };
}

const MODE_FLAGS = new Set(['ro', 'rw', 'z', 'Z', 'consistent', 'cached', 'delegated', 'nocopy', 'rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);

/** `[SOURCE:]TARGET[:MODE]`, with Windows drive letters in the source. */
export function parseShortVolume(spec: string): Pick<Mount, 'type' | 'source' | 'target' | 'readOnly'> | undefined {
  let rest = spec.trim();
  if (rest === '') return undefined;
  let drive = '';
  const driveMatch = /^([A-Za-z]:)[\\/]/.exec(rest);
  if (driveMatch) {
    drive = driveMatch[1]!;
    rest = rest.slice(drive.length);
  }
  const parts = rest.split(':');
  let mode = '';
  if (parts.length >= 2 && parts[parts.length - 1]!.split(',').every((f) => MODE_FLAGS.has(f))) {
    mode = parts.pop()!;
  }
  if (parts.length === 1) {
    if (drive) return undefined;
    return { type: 'anonymous', target: normalizeContainerPath(parts[0]!), readOnly: mode.split(',').includes('ro') };
  }
  const target = parts.pop()!;
  const source = drive + parts.join(':');
  return {
    type: isHostPath(source) ? 'bind' : 'volume',
    source,
    target: normalizeContainerPath(target),
    readOnly: mode.split(',').includes('ro'),
  };
}

/** Compose treats a source as a host path when it looks like one. */
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
    const target = expanded.value.split(':')[0]!;
    const [start, end] = nodeSpan(n);
    mounts.push({
      type: 'tmpfs',
      target: normalizeContainerPath(target),
      readOnly: false,
      location: location(model, start, end),
      syntax: 'tmpfs',
      unknown: expanded.unknown,
    });
  }
  return mounts;
}
