import { parseDotEnv, type Environment } from './compose/interpolate';
import { BASE_NAMES, composeFileRole, OVERRIDE_NAMES } from './compose/files';
import { parseComposeFile, type ComposeFileModel, type TopLevelVolume } from './compose/parse';
import { readServiceLayer, type ServiceLayer } from './compose/service';
import type { Mount, Workload } from './model';
import { dirname, joinPath } from './paths';
import type { FileHost } from './types';

/**
 * A compose configuration: the files `docker compose` would merge, in order
 * (base first), and the workloads that result.
 */
export interface ComposeConfiguration {
  dir: string;
  files: ComposeFileModel[];
  env: Environment;
  workloads: ComposeWorkload[];
  /** Top-level volume declarations by name, the last file wins. */
  volumes: Map<string, { declaration: TopLevelVolume; file: ComposeFileModel }>;
  /** A production configuration (SPEC §3 "Production"); filled by production detection. */
  production: boolean;
}

export interface ComposeWorkload extends Workload {
  /** Every file's contribution, in merge order; fixes edit these. */
  layers: ServiceLayer[];
}

/** Parses each file once per text; the server keeps one cache across edits. */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; model: ComposeFileModel }>();

  get(file: string, text: string): ComposeFileModel {
    const cached = this.entries.get(file);
    if (cached && cached.text === text) return cached.model;
    const model = parseComposeFile(file, text);
    this.entries.set(file, { text, model });
    return model;
  }

  delete(file: string): void {
    this.entries.delete(file);
  }
}

/**
 * Groups compose files into the configurations `docker compose` would load:
 * base + override, and base + each environment file (`compose.prod.yaml`).
 * Files without a base in their folder, and stack files, stand alone.
 */
export function planConfigurations(files: readonly string[], host: FileHost): string[][] {
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    const dir = dirname(file);
    const list = byDir.get(dir) ?? [];
    if (!list.includes(file)) list.push(file);
    byDir.set(dir, list);
  }
  const plans: string[][] = [];
  for (const [dir, dirFiles] of byDir) {
    const base = BASE_NAMES.map((n) => joinPath(dir, n)).find((f) => dirFiles.includes(f) || host.readFile(f) !== undefined);
    const override = OVERRIDE_NAMES.map((n) => joinPath(dir, n)).find((f) => dirFiles.includes(f) || host.readFile(f) !== undefined);
    const environments = dirFiles.filter((f) => composeFileRole(f).kind === 'environment');
    const needsBase = dirFiles.some((f) => {
      const kind = composeFileRole(f).kind;
      return kind === 'base' || kind === 'override';
    });
    if (base && (needsBase || environments.length === 0)) plans.push(override ? [base, override] : [base]);
    else if (!base && override && dirFiles.includes(override)) plans.push([override]);
    for (const environment of environments) plans.push(base ? [base, environment] : [environment]);
    for (const file of dirFiles) {
      if (composeFileRole(file).kind === 'standalone') plans.push([file]);
    }
  }
  return plans;
}

export function loadConfiguration(paths: readonly string[], host: FileHost, cache: ParseCache): ComposeConfiguration {
  const dir = dirname(paths[0]!);
  const dotEnv = host.readFile(joinPath(dir, '.env'));
  const env: Environment = dotEnv === undefined ? new Map() : parseDotEnv(dotEnv);
  const files: ComposeFileModel[] = [];
  for (const path of paths) {
    const text = host.readFile(path);
    if (text !== undefined) files.push(cache.get(path, text));
  }
  return { dir, files, env, workloads: mergeServices(files, env), volumes: mergeVolumes(files), production: false };
}

function mergeVolumes(files: ComposeFileModel[]): ComposeConfiguration['volumes'] {
  const volumes: ComposeConfiguration['volumes'] = new Map();
  for (const file of files) for (const declaration of file.volumes) volumes.set(declaration.name, { declaration, file });
  return volumes;
}

function mergeServices(files: ComposeFileModel[], env: Environment): ComposeWorkload[] {
  const byName = new Map<string, ServiceLayer[]>();
  for (const file of files) {
    for (const entry of file.services) {
      const layers = byName.get(entry.name) ?? [];
      layers.push(readServiceLayer(file, entry, env));
      byName.set(entry.name, layers);
    }
  }
  return [...byName.values()].map(mergeLayers);
}

function mergeLayers(layers: ServiceLayer[]): ComposeWorkload {
  const first = layers[0]!;
  const environment = new Map<string, string>();
  let image: ServiceLayer['image'];
  let command: string[] | undefined;
  let entrypoint: string[] | undefined;
  let build: ServiceLayer['build'];
  let buildFile = first.file.file;
  let volumeMounts = new Map<string, Mount>();
  let tmpfsMounts = new Map<string, Mount>();
  for (const layer of layers) {
    if (layer.image) image = layer.image;
    if (layer.command) command = layer.command;
    if (layer.entrypoint) entrypoint = layer.entrypoint;
    if (layer.build) {
      build = layer.build;
      buildFile = layer.file.file;
    }
    for (const [k, v] of layer.environment) environment.set(k, v);
    volumeMounts = mergeMounts(volumeMounts, layer.volumes);
    tmpfsMounts = mergeMounts(tmpfsMounts, layer.tmpfs);
  }
  const context = build?.context !== undefined ? joinPath(dirname(buildFile), build.context) : undefined;
  return {
    name: first.name,
    location: first.entry.keyLocation,
    image: image ? { raw: image.raw, value: image.value, unknown: image.unknown, location: image.location } : undefined,
    environment,
    command,
    entrypoint,
    mounts: [...volumeMounts.values(), ...tmpfsMounts.values()],
    origin: {
      kind: 'compose',
      file: first.file.file,
      files: layers.map((l) => l.file.file),
      buildContext: context,
      dockerfile: context !== undefined ? joinPath(context, build?.dockerfile ?? 'Dockerfile') : undefined,
    },
    layers,
  };
}

/** Compose merges mounts by container path; `!reset` clears, `!override` replaces. */
function mergeMounts(current: Map<string, Mount>, layer: ServiceLayer['volumes']): Map<string, Mount> {
  if (!layer) return current;
  const next = layer.mode === 'merge' ? new Map(current) : new Map<string, Mount>();
  for (const mount of layer.mounts) next.set(mount.target, mount);
  return next;
}

