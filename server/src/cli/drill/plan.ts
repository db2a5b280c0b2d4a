import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { deref, effectivePairs, keyText } from '../../core/compose/yaml';
import type { KnowledgeBase } from '../../core/knowledge/lookup';
import type { Mount } from '../../core/model';
import type { ComposeConfiguration, ComposeWorkload } from '../../core/project';
import { keepingMount, statePaths } from '../../core/state';

/** The lifecycle steps a drill runs, in order. */
export type StepName = 'restart' | 'down-up' | 'down-v-up';
export type Outcome = 'kept' | 'lost';

/** Where a state path's data lives in the container, as the static analysis sees it. */
export type Storage = 'named-volume' | 'external-volume' | 'bind' | 'anonymous-volume' | 'image-volume' | 'container-layer' | 'tmpfs' | 'other';

export interface DrillTarget {
  service: string;
  containerPath: string;
  description: string;
  storage: Storage;
  /** Human words for the storage: `named volume "pg"`, `container layer`. */
  storageLabel: string;
  mount?: Mount;
  /** What each step does to the data according to the analysis (`down-up` is the SPEC's `predicted`). */
  expected: Record<StepName, Outcome>;
  /** Not drilled, and why (external volume, read-only mount, unresolved variable). */
  skip?: string;
  /** Something the user should know about this path on this engine. */
  notes: string[];
}

/** The step outcomes the analysis predicts for each kind of storage. */
export const EXPECTED: Record<Storage, Record<StepName, Outcome>> = {
  'named-volume': { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'lost' },
  'external-volume': { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' },
  bind: { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' },
  'anonymous-volume': { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' },
  'image-volume': { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' },
  'container-layer': { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' },
  tmpfs: { restart: 'lost', 'down-up': 'lost', 'down-v-up': 'lost' },
  other: { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' },
};

/** The state paths of one workload, each with its predicted fate. */
export function planTargets(configuration: ComposeConfiguration, workload: ComposeWorkload, knowledge: KnowledgeBase): DrillTarget[] {
  const targets: DrillTarget[] = [];
  for (const state of statePaths(workload, knowledge)) {
    const mount = keepingMount(state, workload.mounts);
    const base = { service: workload.name, containerPath: state.path, description: state.description, mount, notes: [] as string[] };
    let storage: Storage;
    let label: string;
    let skip: string | undefined;
    if (!mount) {
      storage = state.declaredVolume ? 'image-volume' : 'container-layer';
      label = state.declaredVolume ? 'anonymous volume from the image VOLUME' : 'container layer (nothing mounted)';
    } else if (mount.type === 'volume') {
      const declaration = configuration.volumes.get(mount.source ?? '')?.declaration;
      if (declaration?.external) {
        storage = 'external-volume';
        label = `external volume "${mount.source}"`;
        skip = `external volume "${mount.source}" lives outside the project: not drilled (the drill mounts an empty throw-away volume instead)`;
      } else {
        storage = 'named-volume';
        label = `named volume "${mount.source}"`;
      }
    } else if (mount.type === 'bind') {
      storage = 'bind';
      label = `bind mount ${mount.source}`;
    } else if (mount.type === 'anonymous') {
      storage = 'anonymous-volume';
      label = 'anonymous volume';
    } else if (mount.type === 'tmpfs') {
      storage = 'tmpfs';
      label = 'tmpfs';
    } else {
      storage = 'other';
      label = 'mount of an unsupported type';
      skip = 'the mount type is not one vsafe can drill';
    }
    if (!skip && mount?.unknown) skip = 'the mount uses a variable without a value: not drilled';
    if (!skip && mount?.readOnly) skip = 'the path is mounted read-only: a sentinel cannot be written';
    targets.push({ ...base, storage, storageLabel: label, expected: { ...EXPECTED[storage] }, skip });
  }
  return targets;
}

// ---------------------------------------------------------------------------
// The drill's own compose file
// ---------------------------------------------------------------------------

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };
type PlainMap = { [key: string]: Plain };

/**
 * Service keys copied from the user's files into the drill's compose file. Everything
 * that reaches outside the throw-away project is left out: published ports, fixed
 * container names, networks, links, dependencies, devices, privileged mode.
 */
const KEPT_KEYS = [
  'command', 'entrypoint', 'environment', 'user', 'working_dir', 'read_only', 'cap_add', 'cap_drop',
  'security_opt', 'shm_size', 'stop_signal', 'stop_grace_period', 'sysctls', 'ulimits', 'tty',
  'stdin_open', 'init', 'platform', 'healthcheck', 'extra_hosts', 'hostname', 'domainname',
] as const;

/** The user's service definition as plain data, all layers merged (maps merge, the rest is replaced). */
export function rawService(workload: ComposeWorkload): PlainMap {
  let merged: PlainMap = {};
  for (const layer of workload.layers) {
    const map = layer.entry.map;
    if (!map) continue;
    const plain = toPlain(layer.file.doc, map, 0);
    if (plain && typeof plain === 'object' && !Array.isArray(plain)) merged = mergePlain(merged, normalizeService(plain));
  }
  return merged;
}

function toPlain(doc: Document, node: unknown, depth: number): Plain {
  if (depth > 50) return null;
  const resolved = deref(doc, node);
  if (isMap(resolved)) {
    const out: PlainMap = {};
    for (const pair of effectivePairs(doc, resolved)) {
      const key = keyText(pair);
      if (key === undefined || key === '<<' || key in out) continue;
      out[key] = toPlain(doc, pair.value, depth + 1);
    }
    return out;
  }
  if (isSeq(resolved)) return resolved.items.map((item) => toPlain(doc, item, depth + 1));
  if (isScalar(resolved)) {
    const value = resolved.value;
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return String(value);
  }
  return null;
}

/** `environment` as a list becomes a map so that layers merge by variable. */
function normalizeService(service: PlainMap): PlainMap {
  const env = service.environment;
  if (Array.isArray(env)) {
    const map: PlainMap = {};
    for (const item of env) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      map[eq >= 0 ? item.slice(0, eq) : item] = eq >= 0 ? item.slice(eq + 1) : null;
    }
    return { ...service, environment: map };
  }
  return service;
}

function mergePlain(a: PlainMap, b: PlainMap): PlainMap {
  const out: PlainMap = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const previous = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && previous && typeof previous === 'object' && !Array.isArray(previous)
        ? mergePlain(previous, value)
        : value;
  }
  return out;
}

/** How each mount of a drilled service appears in the drill's compose file. */
export interface MountPlacement {
  mount: Mount;
  /** The short-syntax entry, or the tmpfs target. */
  entry: string;
  kind: 'volumes' | 'tmpfs';
  note?: string;
}

export interface DrillService {
  name: string;
  /** The image reference, interpolated. */
  image: string;
  definition: PlainMap;
}

/** Compose interpolates `$`: values vsafe already interpolated must not be expanded twice. */
export function escapeDollar(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/**
 * The drill's compose file: only the drilled services, their images, commands and
 * environment, and their mounts re-created inside the throw-away project (named
 * volumes become project volumes, writable host paths become temporary folders).
 */
export function drillComposeFile(services: { service: DrillService; placements: MountPlacement[]; envFiles: string[] }[], volumeNames: readonly string[], versionKey: boolean): PlainMap {
  const out: PlainMap = {};
  if (versionKey) out.version = '3.8';
  const servicesOut: PlainMap = {};
  for (const { service, placements, envFiles } of services) {
    const definition: PlainMap = { image: escapeDollar(service.image) };
    for (const key of KEPT_KEYS) {
      const value = service.definition[key];
      if (value !== undefined && value !== null) definition[key] = value;
    }
    if (envFiles.length > 0) definition.env_file = envFiles.map(escapeDollar);
    const volumes = placements.filter((p) => p.kind === 'volumes').map((p) => p.entry);
    const tmpfs = placements.filter((p) => p.kind === 'tmpfs').map((p) => p.entry);
    if (volumes.length > 0) definition.volumes = volumes;
    if (tmpfs.length > 0) definition.tmpfs = tmpfs;
    servicesOut[service.name] = definition;
  }
  out.services = servicesOut;
  if (volumeNames.length > 0) {
    const volumes: PlainMap = {};
    for (const name of volumeNames) volumes[name] = {};
    out.volumes = volumes;
  }
  return out;
}
