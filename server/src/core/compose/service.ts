import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { InlineDockerfile, Mount } from '../model';
import type { Location } from '../types';
import { interpolate, type Environment } from './interpolate';
import { readTmpfs, readVolumeEntry } from './mounts';
import { location, nodeLocation, type ComposeFileModel, type ServiceEntry } from './parse';
import { asMap, deref, effectivePairs, getPair, keyText, nodeSpan, scalarString, tagOf } from './yaml';

export type MergeMode = 'merge' | 'reset' | 'override';

/** A `volumes_from` item: `db`, `service:db`, `container:legacy`, with `:ro` / `:rw`. */
export interface VolumesFromEntry {
  raw: string;
  /** The service named, or undefined for `container:…`. */
  service?: string;
  container?: string;
  readOnly: boolean;
  location: Location;
  unknown: boolean;
}

/** What one file says about one service, before merging with other files. */
export interface ServiceLayer {
  name: string;
  file: ComposeFileModel;
  entry: ServiceEntry;
  image?: { raw: string; value: string; unknown: boolean; location: Location };
  /** `image: !reset null` removes the image an earlier layer set. */
  imageReset?: Location;
  environment: Map<string, string>;
  /** Where each environment key is written in this layer. */
  environmentLocations: Map<string, Location>;
  /** `environment: !reset` / `!override`. */
  environmentMode: MergeMode;
  /** `env_file:` entries (paths as written, interpolated), lowest precedence. */
  envFiles: { path: string; required: boolean; location: Location; unknown: boolean }[];
  command?: string[];
  commandLocation?: Location;
  /** `command: !reset` / `entrypoint: !reset`: back to the image default. */
  commandReset?: boolean;
  entrypoint?: string[];
  entrypointLocation?: Location;
  entrypointReset?: boolean;
  volumes: { mounts: Mount[]; mode: MergeMode; location?: Location } | undefined;
  tmpfs: { mounts: Mount[]; mode: MergeMode; location?: Location } | undefined;
  volumesFrom?: { entries: VolumesFromEntry[]; mode: MergeMode; location: Location };
  /** `build:` as this layer writes it; `context` is undefined when the layer does not set it. */
  build?: { context?: string; dockerfile?: string; inline?: InlineDockerfile; unknown?: boolean };
  /** `profiles:` — the service only runs when one of them is enabled. */
  profiles?: string[];
  /** `hostname:` is set (`!reset` clears an earlier one: false). */
  hostname?: boolean;
  /** `network_mode:` / `uts:` as written (interpolated). */
  networkMode?: string;
  uts?: string;
  /** `depends_on:` services and their `condition` (undefined for the list form). */
  dependsOn?: Map<string, string | undefined>;
  buildLocation?: Location;
  /** Directory relative host paths of this layer resolve against (set by the project loader). */
  baseDir?: string;
  /**
   * How the layer takes part in the workload: written on the service itself, or inherited
   * through `extends` (then `extendedBy` names the service whose `extends:` pulled it in).
   */
  role?: 'service' | 'extends';
  extendedBy?: { service: string; location: Location };
  /** Set when the service came from a file that an `include:` entry names. */
  includedBy?: Location;
}

export function readServiceLayer(file: ComposeFileModel, entry: ServiceEntry, env: Environment, baseDir?: string): ServiceLayer {
  const layer: ServiceLayer = {
    name: entry.name,
    file,
    entry,
    environment: new Map(),
    environmentLocations: new Map(),
    environmentMode: 'merge',
    envFiles: [],
    volumes: undefined,
    tmpfs: undefined,
    role: 'service',
  };
  if (baseDir !== undefined) layer.baseDir = baseDir;
  const map = entry.map;
  if (!map) return layer;
  const doc = file.doc;
  for (const pair of effectivePairs(doc, map)) {
    const key = keyText(pair);
    const value = deref(doc, pair.value);
    const pairLocation = nodeLocation(file, pair);
    switch (key) {
      case 'image': {
        if (mergeMode(pair.value) === 'reset') {
          layer.imageReset = pairLocation;
          break;
        }
        const raw = scalarString(doc, value);
        if (raw !== undefined && value) {
          const expanded = interpolate(raw, env);
          const [start, end] = nodeSpan(value);
          layer.image = { raw, value: expanded.value, unknown: expanded.unknown, location: location(file, start, end) };
        }
        break;
      }
      case 'environment':
        layer.environmentMode = mergeMode(pair.value);
        if (layer.environmentMode !== 'reset') readEnvironment(file, value, env, layer);
        break;
      case 'env_file':
        layer.envFiles = readEnvFiles(file, value, env);
        break;
      case 'command':
        if (mergeMode(pair.value) === 'reset') layer.commandReset = true;
        else layer.command = readArgs(file, value, env);
        layer.commandLocation = pairLocation;
        break;
      case 'entrypoint':
        if (mergeMode(pair.value) === 'reset') layer.entrypointReset = true;
        else layer.entrypoint = readArgs(file, value, env);
        layer.entrypointLocation = pairLocation;
        break;
      case 'volumes': {
        // Compose drops a `!reset` attribute with whatever value it carries (compose-go's reset.go).
        const mode = mergeMode(pair.value);
        const seq = isSeq(value) && mode !== 'reset' ? value : undefined;
        const mounts = (seq?.items ?? []).map((item) => readVolumeEntry(file, item, env, baseDir)).filter((m): m is Mount => m !== undefined);
        layer.volumes = { mounts, mode, location: pairLocation };
        break;
      }
      case 'tmpfs': {
        const mode = mergeMode(pair.value);
        layer.tmpfs = { mounts: mode === 'reset' ? [] : readTmpfs(file, value, env), mode, location: pairLocation };
        break;
      }
      case 'volumes_from': {
        const mode = mergeMode(pair.value);
        layer.volumesFrom = { entries: mode === 'reset' ? [] : readVolumesFrom(file, value, env), mode, location: pairLocation };
        break;
      }
      case 'profiles': {
        const items = isSeq(value) ? value.items : [];
        layer.profiles = items.map((item) => scalarString(doc, item)).filter((p): p is string => p !== undefined).map((p) => interpolate(p, env).value);
        break;
      }
      case 'depends_on':
        layer.dependsOn = readDependsOn(file, value);
        break;
      case 'network_mode':
      case 'uts': {
        const mode = scalarString(doc, value);
        if (mode !== undefined) layer[key === 'uts' ? 'uts' : 'networkMode'] = interpolate(mode, env).value;
        break;
      }
      case 'hostname':
        layer.hostname = tagOf(pair.value) !== '!reset' && scalarString(doc, value) !== undefined;
        break;
      case 'build':
        layer.build = readBuild(file, value, env);
        layer.buildLocation = pairLocation;
        break;
      default:
        break;
    }
  }
  return layer;
}

export function mergeMode(node: unknown): MergeMode {
  const tag = tagOf(node);
  if (tag === '!reset') return 'reset';
  if (tag === '!override') return 'override';
  return 'merge';
}

function readEnvironment(file: ComposeFileModel, node: Node | undefined, env: Environment, layer: ServiceLayer): void {
  const doc = file.doc;
  const set = (key: string, raw: string, at: Node | Pair): void => {
    layer.environment.set(key, interpolate(raw, env).value);
    layer.environmentLocations.set(key, nodeLocation(file, at));
  };
  if (isMap(node)) {
    for (const pair of effectivePairs(doc, node)) {
      const key = keyText(pair);
      if (key === undefined || key === '') continue;
      const raw = scalarString(doc, pair.value);
      // `KEY:` with no value takes the value from the shell: unknown here, so not set.
      if (raw !== undefined) set(key, raw, pair);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const n = deref(doc, item);
      const raw = scalarString(doc, n);
      if (raw === undefined || !n) continue;
      const eq = raw.indexOf('=');
      if (eq > 0) set(raw.slice(0, eq), raw.slice(eq + 1), n);
    }
  }
}

function readEnvFiles(file: ComposeFileModel, node: Node | undefined, env: Environment): ServiceLayer['envFiles'] {
  const doc = file.doc;
  const items = isSeq(node) ? node.items : node ? [node] : [];
  const result: ServiceLayer['envFiles'] = [];
  for (const item of items) {
    const n = deref(doc, item);
    if (!n) continue;
    let raw: string | undefined;
    let required = true;
    const map = asMap(doc, n);
    if (map) {
      raw = scalarString(doc, getPair(doc, map, 'path')?.value);
      if (scalarString(doc, getPair(doc, map, 'required')?.value) === 'false') required = false;
    } else {
      raw = scalarString(doc, n);
    }
    if (raw === undefined) continue;
    const expanded = interpolate(raw, env);
    result.push({ path: expanded.value, required, location: nodeLocation(file, n), unknown: expanded.unknown });
  }
  return result;
}

function readVolumesFrom(file: ComposeFileModel, node: Node | undefined, env: Environment): VolumesFromEntry[] {
  const doc = file.doc;
  const items = isSeq(node) ? node.items : isScalar(node) ? [node] : [];
  const result: VolumesFromEntry[] = [];
  for (const item of items) {
    const n = deref(doc, item);
    const raw = scalarString(doc, n);
    if (raw === undefined || !n) continue;
    const expanded = interpolate(raw, env);
    result.push({ ...parseVolumesFrom(expanded.value), raw, location: nodeLocation(file, n), unknown: expanded.unknown });
  }
  return result;
}

/** `name[:ro|:rw]`, `service:name[:ro|:rw]`, `container:name[:ro|:rw]`. */
export function parseVolumesFrom(spec: string): Pick<VolumesFromEntry, 'service' | 'container' | 'readOnly'> {
  const parts = spec.trim().split(':');
  let readOnly = false;
  const last = parts[parts.length - 1];
  if (parts.length > 1 && (last === 'ro' || last === 'rw')) {
    readOnly = last === 'ro';
    parts.pop();
  }
  if (parts.length >= 2 && parts[0] === 'container') return { container: parts.slice(1).join(':'), readOnly };
  if (parts.length >= 2 && parts[0] === 'service') return { service: parts.slice(1).join(':'), readOnly };
  return { service: parts.join(':'), readOnly };
}

function readArgs(file: ComposeFileModel, node: Node | undefined, env: Environment): string[] | undefined {
  if (isSeq(node)) {
    return node.items.map((item) => scalarString(file.doc, item)).filter((s): s is string => s !== undefined).map((s) => interpolate(s, env).value);
  }
  const raw = scalarString(file.doc, node);
  return raw === undefined ? undefined : splitShellWords(interpolate(raw, env).value);
}

/** Splits a command string the way Compose does (shell-like quoting, no expansion). */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** `depends_on: [db]` or `depends_on: {db: {condition: service_healthy}}`. */
export function readDependsOn(file: ComposeFileModel, node: Node | undefined): Map<string, string | undefined> {
  const doc = file.doc;
  const result = new Map<string, string | undefined>();
  if (isSeq(node)) {
    for (const item of node.items) {
      const name = scalarString(doc, item);
      if (name !== undefined) result.set(name, undefined);
    }
  } else if (isMap(node)) {
    for (const pair of effectivePairs(doc, node)) {
      const name = keyText(pair);
      const options = asMap(doc, pair.value as Node | undefined);
      if (name !== undefined) result.set(name, options ? scalarString(doc, getPair(doc, options, 'condition')?.value) : undefined);
    }
  }
  return result;
}

function readBuild(file: ComposeFileModel, node: Node | undefined, env: Environment): ServiceLayer['build'] {
  const doc = file.doc;
  const raw = scalarString(doc, node);
  if (raw !== undefined) {
    const context = interpolate(raw, env);
    return { context: context.value, ...(context.unknown ? { unknown: true } : {}) };
  }
  const map = asMap(doc, node);
  if (!map) return undefined;
  const context = scalarString(doc, getPair(doc, map, 'context')?.value);
  const dockerfile = scalarString(doc, getPair(doc, map, 'dockerfile')?.value);
  const build: NonNullable<ServiceLayer['build']> = {};
  // A mapping without `context` keeps the context an earlier layer set (Compose merges `build` by key).
  if (context !== undefined) {
    const expanded = interpolate(context, env);
    build.context = expanded.value;
    if (expanded.unknown) build.unknown = true;
  }
  if (dockerfile !== undefined) {
    const expanded = interpolate(dockerfile, env);
    build.dockerfile = expanded.value;
    if (expanded.unknown) build.unknown = true;
  }
  const inline = readInlineDockerfile(file, getPair(doc, map, 'dockerfile_inline')?.value as Node | undefined, env);
  if (inline) build.inline = inline;
  return build;
}

/**
 * `build.dockerfile_inline`, interpolated. A literal block scalar keeps its lines, so a
 * position in the Dockerfile maps to one in the compose file; a line interpolation
 * changed (`$$PATH`) maps only to its first column.
 */
function readInlineDockerfile(file: ComposeFileModel, node: Node | undefined, env: Environment): InlineDockerfile | undefined {
  const scalar = deref(file.doc, node);
  if (!isScalar(scalar) || typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const written = scalar.value;
  const text = interpolate(written, env).value;
  const inline: InlineDockerfile = { text, location: nodeLocation(file, scalar) };
  const writtenLines = written.split('\n');
  const textLines = text.split('\n');
  if (scalar.type !== 'BLOCK_LITERAL' || writtenLines.length !== textLines.length) return inline;
  const header = file.lines.positionAt(scalar.range[0]).line;
  const last = file.lines.positionAt(scalar.range[1]).line;
  inline.lines = writtenLines.map((line, i) => {
    const at = Math.min(header + 1 + i, last);
    const source = file.lines.lineText(at);
    const indent = source.length - source.trimStart().length;
    // Content lines are the source lines without the block's indentation.
    const exact = at === header + 1 + i && source.endsWith(line) && textLines[i] === line;
    return { line: at, character: exact ? source.length - line.length : indent, exact, end: source.length };
  });
  return inline;
}
