import { appendTo, ObjectSlot } from './collections';
import { interpolate, parseDotEnv, type Environment } from './compose/interpolate';
import { BASE_NAMES, composeFileList, composeFileRole, OVERRIDE_NAMES } from './compose/files';
import { parseComposeFile, type ComposeFileModel, type IncludeEntry, type ServiceEntry, type TopLevelVolume } from './compose/parse';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parseShortVolume } from './compose/mounts';
import { deref, effectivePairs, getPair, keyText, scalarString } from './compose/yaml';
import { mergeMode, readDependsOn, readServiceLayer, type MergeMode, type ServiceLayer, type VolumesFromEntry } from './compose/service';
import type { InlineDockerfile, Mount, Workload } from './model';
import { basename, dirname, joinPath } from './paths';
import type { FileHost, FileProblem, Location } from './types';

/**
 * A compose configuration: the files `docker compose` would merge, in order
 * (base first), and the workloads that result.
 */
export interface ComposeConfiguration {
  dir: string;
  /** The files given to Compose (`-f`), in merge order; included and extended files are in `includedFiles`. */
  files: ComposeFileModel[];
  /** Files pulled in by `include:` and `extends: {file}` (each once), so their problems are reported too. */
  includedFiles: ComposeFileModel[];
  /** The interpolation environment: the project's `.env` (plus `PWD`, the project directory, unless `.env` sets it). */
  env: Environment;
  workloads: ComposeWorkload[];
  /** Top-level volume declarations by name, the last file wins. */
  volumes: Map<string, { declaration: TopLevelVolume; file: ComposeFileModel }>;
  /** A production configuration (SPEC §3 "Production"); filled by production detection. */
  production: boolean;
  /**
   * Problems of the configuration as a whole, at the node that causes them: a missing or
   * unparsable included file, an `extends` cycle, a service both defined and included.
   */
  problems: FileProblem[];
}

/** Which layer decided a field of the merged service, so findings can point at every file involved. */
export interface FieldSource {
  layer: ServiceLayer;
  location: Location;
}

export interface WorkloadProvenance {
  image?: FieldSource;
  /** The layer whose `image: !reset` removed an earlier image (then `image` is unset). */
  imageReset?: FieldSource;
  command?: FieldSource;
  entrypoint?: FieldSource;
  build?: FieldSource;
  /** Where each environment variable of the merged service was set. */
  environment: Map<string, FieldSource>;
  /** The last `volumes: !reset` / `!override` that dropped the mounts of earlier layers. */
  volumesReset?: FieldSource & { mode: Exclude<MergeMode, 'merge'> };
  tmpfsReset?: FieldSource & { mode: Exclude<MergeMode, 'merge'> };
  /** The layer each (own, not inherited) mount comes from. */
  mounts: Map<Mount, ServiceLayer>;
}

export interface ComposeWorkload extends Workload {
  /** Every file's contribution, in merge order; fixes edit these. */
  layers: ServiceLayer[];
  provenance: WorkloadProvenance;
  /** The merged `volumes_from` entries. */
  volumesFrom: VolumesFromEntry[];
  /**
   * `volumes_from` entries whose mounts cannot be known (`container:…`, an unknown
   * variable): paths may be covered by them, so rules should not claim they are not.
   */
  opaqueVolumesFrom: VolumesFromEntry[];
  /** Compose `profiles`: when set, `docker compose up` runs the service only with one of them enabled. */
  profiles?: string[];
  /**
   * The container's hostname stays the same across recreates: `hostname:` is set, or it
   * comes from the host or another container (`network_mode: host|service:…|container:…`,
   * `uts: host`), where `hostname:` cannot be set. Otherwise it is the container ID.
   */
  hostname?: boolean;
}

/** Parses each file once per text; the server keeps one cache across edits. */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; model: ComposeFileModel }>();

  get(file: string, text: string): ComposeFileModel {
    const cached = this.entries.get(file);
    if (cached && cached.text === text) return cached.model;
    // Out of date: let the old tree go before the new one is built.
    if (cached) this.entries.delete(file);
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
 * Files without a base in their folder, and stack files, stand alone. A
 * configuration whose files are all pulled in by another configuration's
 * `include:` is analysed only as part of that one. `COMPOSE_FILE` in a folder's `.env`
 * names the files `docker compose` loads there (compose-nas joins sub-folder files to
 * its base this way): a file it lists, in that folder or below, belongs to that project.
 */
export function planConfigurations(files: readonly string[], host: FileHost, cache: ParseCache = new ParseCache()): string[][] {
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    const dir = dirname(file);
    const list = byDir.get(dir) ?? [];
    if (!list.includes(file)) list.push(file);
    byDir.set(dir, list);
  }
  const plans: string[][] = [];
  const listed = composeFileLists(host);
  const claimed = new Set<string>();
  for (const [dir, dirFiles] of [...byDir]) {
    const own = dirFiles.filter((file) => {
      const list = listed(file);
      if (!list) return true;
      if (!plans.some((plan) => plan.join('\u0000') === list.join('\u0000'))) plans.push(list);
      claimed.add(file);
      return false;
    });
    byDir.set(dir, own);
  }
  for (const [dir, dirFiles] of byDir) {
    if (dirFiles.length === 0) continue;
    const base = BASE_NAMES.map((n) => joinPath(dir, n)).find((f) => dirFiles.includes(f) || host.readFile(f) !== undefined);
    const override = OVERRIDE_NAMES.map((n) => joinPath(dir, n)).find((f) => dirFiles.includes(f) || host.readFile(f) !== undefined);
    const environments = dirFiles.filter((f) => composeFileRole(f).kind === 'environment');
    const needsBase = dirFiles.some((f) => {
      const kind = composeFileRole(f).kind;
      return kind === 'base' || kind === 'override';
    });
    if (base && !claimed.has(base) && (needsBase || environments.length === 0)) plans.push(override ? [base, override] : [base]);
    else if (!base && override && dirFiles.includes(override)) plans.push([override]);
    for (const environment of environments) plans.push(base ? [base, environment] : [environment]);
    for (const file of dirFiles) {
      const kind = composeFileRole(file).kind;
      // A second default name (`docker-compose.yml` next to `compose.yaml`) is what `-f` would load: alone.
      if (kind === 'standalone' || (kind === 'base' && file !== base)) plans.push([file]);
      else if (kind === 'variant') plans.push(base && isOverlay(file, base, host, cache) ? [base, file] : [file]);
    }
  }
  if (plans.length < 2) return plans;
  const includedBy = plans.map((plan) => includedFilesOf(plan, host, cache));
  // file → the plans that include it (most include nothing: no search over every plan per file).
  const includers = new Map<string, number[]>();
  includedBy.forEach((included, j) => {
    for (const file of included) appendTo(includers, file, j);
  });
  return plans.filter((plan, i) => !plan.every((file) => (includers.get(file) ?? []).some((j) => j !== i && !plans[j]!.every((f) => includedBy[i]!.has(f)))));
}

/** How many folders up a `.env` with `COMPOSE_FILE` may claim a compose file. */
const COMPOSE_FILE_DEPTH = 3;

/**
 * The `COMPOSE_FILE` list that claims a compose file: the nearest `.env` in its folder or up
 * to {@link COMPOSE_FILE_DEPTH} folders above whose `COMPOSE_FILE` names it (paths relative to
 * that folder, separated by `COMPOSE_PATH_SEPARATOR`, else `:`), as absolute paths.
 */
function composeFileLists(host: FileHost): (file: string) => string[] | undefined {
  const byFolder = new Map<string, string[] | undefined>();
  const listOf = (dir: string): string[] | undefined => {
    if (byFolder.has(dir)) return byFolder.get(dir);
    const list = composeFileList(projectEnvironment(dir, host), dir);
    byFolder.set(dir, list);
    return list;
  };
  return (file) => {
    let dir = dirname(file);
    for (let level = 0; level <= COMPOSE_FILE_DEPTH; level++) {
      const list = listOf(dir);
      if (list?.includes(file)) return list;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return undefined;
  };
}

/** The `COMPOSE_FILE` list of a `.env` that claims `file` (see {@link composeFileLists}), as absolute paths. */
export function composeFileListOf(file: string, host: FileHost): string[] | undefined {
  return composeFileLists(host)(file);
}

/**
 * Whether a `docker-compose-<name>.yml` only overlays the base of its folder: a service
 * with neither `image`, `build` nor `extends` cannot run from the file alone
 * (`docker compose -f` refuses it), so the file is used as `-f <base> -f <file>`.
 * So is one that mounts a named volume or depends on a service only the base defines
 * (taiga's `docker-compose-inits.yml`). A complete file (temporal's
 * `docker-compose-postgres.yml`) is loaded alone.
 */
function isOverlay(file: string, base: string, host: FileHost, cache: ParseCache): boolean {
  const text = host.readFile(file);
  const baseText = host.readFile(base);
  if (text === undefined || baseText === undefined) return false;
  const models = cache.get(file, text).documents;
  const baseModels = cache.get(base, baseText).documents;
  // A name counts as missing when the base supplies it: otherwise the file is incomplete on its own terms.
  const services = new Set(models.flatMap((model) => model.services.map((s) => s.name)));
  const volumes = new Set(models.flatMap((model) => model.volumes.map((v) => v.name)));
  const baseServices = new Set(baseModels.flatMap((model) => model.services.map((s) => s.name)));
  const baseVolumes = new Set(baseModels.flatMap((model) => model.volumes.map((v) => v.name)));
  return models.some((model) =>
    model.services.some((service) => {
      if (!service.map) return false;
      const pairs = effectivePairs(model.doc, service.map);
      const keys = new Set(pairs.map(keyText));
      if (!service.extends && !keys.has('image') && !keys.has('build')) return true;
      // A named volume it does not declare, or a service it does not define: Compose refuses
      // the file alone (taiga's docker-compose-inits.yml), so it runs on the base.
      return pairs.some((pair) => {
        const key = keyText(pair);
        const value = deref(model.doc, pair.value as Node | null | undefined);
        if (key === 'volumes' && isSeq(value)) return value.items.some((item) => baseVolumes.has(undeclaredVolumeName(model.doc, item, volumes) ?? ''));
        if (key === 'depends_on') return [...readDependsOn(model, value).keys()].some((name) => !services.has(name) && baseServices.has(name));
        return false;
      });
    }),
  );
}

/** The named volume a short or long volume entry mounts when `declared` lacks it (interpolated names are left alone). */
function undeclaredVolumeName(doc: Document.Parsed, item: unknown, declared: ReadonlySet<string>): string | undefined {
  const node = deref(doc, item as Node);
  let source: string | undefined;
  if (isScalar(node) && typeof node.value === 'string') {
    const parsed = parseShortVolume(node.value);
    source = parsed?.type === 'volume' ? parsed.source : undefined;
  } else if (isMap(node)) {
    const type = scalarString(doc, getPair(doc, node, 'type')?.value) ?? 'volume';
    source = type === 'volume' ? scalarString(doc, getPair(doc, node, 'source')?.value) : undefined;
  }
  return source !== undefined && source !== '' && !source.includes('$') && !declared.has(source) ? source : undefined;
}

/**
 * Compose files that are only templates for `extends`: every file of the plan is named by
 * `extends: {file: …}` in another plan and is not one `docker compose` loads by default
 * (PostHog's docker-compose.base.yml, the docs' common-services.yml). Such a plan is
 * analysed only through the files that extend it: alone, its services lack the volumes
 * and settings the extending files add, and its findings would describe a project nobody runs.
 */
export function templatePlans(plans: readonly string[][], host: FileHost, cache: ParseCache): Set<number> {
  const extendedBy = new Map<string, number[]>();
  plans.forEach((plan, index) => {
    const workingDir = dirname(plan[0]!);
    for (const file of plan) {
      const text = host.readFile(file);
      if (text === undefined) continue;
      for (const model of cache.get(file, text).documents) {
        for (const service of model.services) {
          const target = service.extends?.file?.raw;
          // An interpolated path is resolved only while loading; a remote one is not a local template.
          if (target === undefined || target.includes('$') || isRemote(target)) continue;
          const path = joinPath(workingDir, target);
          if (path !== file) appendTo(extendedBy, path, index);
        }
      }
    }
  });
  const templates = new Set<number>();
  plans.forEach((plan, index) => {
    const extended = plan.every((file) => {
      const kind = composeFileRole(file).kind;
      return kind !== 'base' && kind !== 'override' && (extendedBy.get(file) ?? []).some((j) => j !== index && !plans[j]!.includes(file));
    });
    if (extended) templates.add(index);
  });
  return templates;
}

/** The files a configuration pulls in through `include:`, transitively. */
function includedFilesOf(plan: readonly string[], host: FileHost, cache: ParseCache): Set<string> {
  const dir = dirname(plan[0]!);
  const env = projectEnvironment(dir, host);
  const seen = new Set<string>();
  const queue: { file: string; workingDir: string }[] = plan.map((file) => ({ file, workingDir: dir }));
  while (queue.length > 0 && seen.size < 1000) {
    const { file, workingDir } = queue.shift()!;
    const text = host.readFile(file);
    if (text === undefined) continue;
    for (const doc of cache.get(file, text).documents) {
      for (const entry of doc.includes) {
        const paths = entry.paths.map((p) => interpolate(p.raw, env)).filter((p) => !p.unknown).map((p) => joinPath(workingDir, p.value));
        for (const path of paths) {
          if (seen.has(path)) continue;
          seen.add(path);
          queue.push({ file: path, workingDir: dirname(paths[0]!) });
        }
      }
    }
  }
  return seen;
}

function projectEnvironment(dir: string, host: FileHost): Map<string, string> {
  const dotEnv = host.readFile(joinPath(dir, '.env'));
  const env = dotEnv === undefined ? new Map<string, string>() : parseDotEnv(dotEnv);
  // `${PWD}` in a compose file means the directory Compose runs in: the project directory.
  if (!env.has('PWD')) env.set('PWD', dir);
  return env;
}

export function loadConfiguration(paths: readonly string[], host: FileHost, cache: ParseCache): ComposeConfiguration {
  const dir = dirname(paths[0]!);
  const env = projectEnvironment(dir, host);
  const loader = new Loader(host, cache);
  if (!env.has('COMPOSE_PROJECT_NAME')) {
    // Compose sets it for interpolation: the last `name:` of the files, else the directory name.
    let name = basename(dir);
    for (const path of paths) for (const doc of loader.read(path)?.documents ?? []) if (doc.projectName) name = interpolate(doc.projectName.raw, env).value;
    const normalized = name.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
    if (normalized !== '' && !normalized.includes('$')) env.set('COMPOSE_PROJECT_NAME', normalized);
  }
  const files: ComposeFileModel[] = [];
  const project = emptyProject();
  for (const path of paths) {
    const model = loader.read(path);
    if (!model) continue;
    files.push(model);
    loader.loadFile(model, { workingDir: dir, env, includeChain: [path] }, project);
  }
  const top = new Set(files.map((f) => f.file));
  const includedFiles = [...loader.files.values()].filter((f) => !top.has(f.file));
  const workloads = [...project.services].map(([name, layers]) => mergeLayers(name, layers, host));
  resolveVolumesFrom(workloads, loader.problems);
  markTasks(workloads);
  return {
    dir,
    files,
    includedFiles,
    env,
    workloads,
    volumes: project.volumes,
    production: false,
    problems: dedupeProblems(loader.problems),
  };
}

/**
 * Marks the services another one waits to complete (`condition: service_completed_successfully`):
 * one-shot jobs (a migration, a copy into a volume) that run their image for the task, not its server.
 * `depends_on` merges by service name across the files, later conditions winning.
 */
function markTasks(workloads: readonly ComposeWorkload[]): void {
  const byName = new Map(workloads.map((w) => [w.name, w]));
  for (const workload of workloads) {
    const conditions = new Map<string, string | undefined>();
    for (const layer of workload.layers) for (const [name, condition] of layer.dependsOn ?? []) conditions.set(name, condition);
    for (const [name, condition] of conditions) {
      const task = byName.get(name);
      if (task && condition === 'service_completed_successfully') task.task ??= { awaitedBy: workload.name };
    }
  }
}

/** Longest `extends` chain, include nesting and `volumes_from` chain followed (hostile input stays bounded). */
const MAX_CHAIN = 32;

interface Scope {
  /** Relative paths (includes, extends files, bind sources, build contexts) resolve here. */
  workingDir: string;
  env: Environment;
  /** Files on the current include path, for cycle detection. */
  includeChain: string[];
}

/** Services and volumes gathered so far, in merge order. */
interface ProjectParts {
  services: Map<string, ServiceLayer[]>;
  volumes: ComposeConfiguration['volumes'];
}

function emptyProject(): ProjectParts {
  return { services: new Map(), volumes: new Map() };
}

class Loader {
  readonly files = new Map<string, ComposeFileModel>();
  readonly problems: FileProblem[] = [];

  constructor(
    private readonly host: FileHost,
    private readonly cache: ParseCache,
  ) {}

  read(path: string): ComposeFileModel | undefined {
    const known = this.files.get(path);
    if (known) return known;
    const text = this.host.readFile(path);
    if (text === undefined) return undefined;
    const model = this.cache.get(path, text);
    this.files.set(path, model);
    return model;
  }

  problem(at: Location, message: string): void {
    this.problems.push({ file: at.file, range: at.range, message });
  }

  /** Each `---` document of a file is merged like one more file. */
  loadFile(model: ComposeFileModel, scope: Scope, into: ProjectParts): void {
    for (const doc of model.documents.length > 0 ? model.documents : [model]) this.loadDocument(doc, scope, into);
  }

  private loadDocument(doc: ComposeFileModel, scope: Scope, into: ProjectParts): void {
    // 1. `include:` first: the included services become part of this document.
    const imported = emptyProject();
    for (const entry of doc.includes) {
      const sub = this.loadInclude(entry, scope);
      if (!sub) continue;
      for (const [name, layers] of sub.services) {
        if (imported.services.has(name)) {
          this.problem(entry.location, `Service "${name}" is defined by two included files: docker compose refuses to load the project (services.${name} conflicts with imported resource).`);
          continue;
        }
        imported.services.set(name, layers);
      }
      for (const [name, volume] of sub.volumes) if (!imported.volumes.has(name)) imported.volumes.set(name, volume);
    }
    // 2. The document's own services, with `extends` resolved (bases may be included services).
    const own = new Map<string, ServiceLayer[]>();
    for (const entry of doc.services) {
      const includedLayers = imported.services.get(entry.name);
      if (includedLayers && !sameDefinition(includedLayers, doc, entry)) {
        const from = includedLayers[includedLayers.length - 1]!.file.file;
        this.problem(entry.keyLocation, `Service "${entry.name}" is also defined by the included file ${basename(from)}: docker compose refuses to load the project (services.${entry.name} conflicts with imported resource). Rename one, or customise the included service with an override file in the \`include\` entry's \`path\` list.`);
      }
      own.set(entry.name, this.resolveService(doc, entry, scope, imported, []));
    }
    // 3. Merge onto what earlier files and documents contributed.
    for (const [name, layers] of imported.services) {
      if (own.has(name)) {
        // Compose refuses the conflict; the included definition comes first so the own one still shows.
        own.set(name, [...layers, ...own.get(name)!]);
        continue;
      }
      appendTo(into.services, name, ...layers);
    }
    for (const [name, layers] of own) appendTo(into.services, name, ...layers);
    // `db: !reset` in a later file removes the service Compose would otherwise run.
    for (const entry of doc.services) if (mergeMode(entry.pair.value) === 'reset') into.services.delete(entry.name);
    for (const [name, volume] of imported.volumes) into.volumes.set(name, volume);
    for (const declaration of doc.volumes) if (declaration.name !== '') into.volumes.set(declaration.name, { declaration, file: doc });
  }

  private loadInclude(entry: IncludeEntry, scope: Scope): ProjectParts | undefined {
    if (entry.paths.length === 0) {
      this.problem(entry.location, 'This `include` entry names no file (`path` is missing).');
      return undefined;
    }
    const paths: string[] = [];
    // A remote include (git repository, OCI artifact) cannot be read here: its services stay unknown.
    if (entry.paths.some((path) => isRemote(path.raw))) return undefined;
    for (const path of entry.paths) {
      const expanded = interpolate(path.raw, scope.env);
      if (expanded.unknown) {
        this.problem(path.location, `The included path "${path.raw}" uses ${expanded.missing.map((m) => '$' + m).join(', ')}, which no .env defines: the included services are not analysed.`);
        return undefined;
      }
      paths.push(joinPath(scope.workingDir, expanded.value));
    }
    const main = paths[0]!;
    if (scope.includeChain.length > MAX_CHAIN) {
      this.problem(entry.location, `Includes are nested more than ${MAX_CHAIN} files deep: vsafe stops following them here.`);
      return undefined;
    }
    if (scope.includeChain.includes(main)) {
      const chain = [...scope.includeChain, main].map((f) => basename(f)).join(' → ');
      this.problem(entry.location, `Include cycle: ${chain}. docker compose refuses to load the project.`);
      return undefined;
    }
    let projectDir = dirname(main);
    if (entry.projectDirectory) {
      const expanded = interpolate(entry.projectDirectory.raw, scope.env);
      if (!expanded.unknown) projectDir = joinPath(scope.workingDir, expanded.value);
    }
    // The included project's .env (or its `env_file`) fills variables the including project leaves unset.
    const env = new Map(scope.env);
    const envFiles = entry.envFiles.length > 0 ? entry.envFiles.map((f) => ({ path: joinPath(scope.workingDir, interpolate(f.raw, scope.env).value), location: f.location, explicit: true })) : [{ path: joinPath(projectDir, '.env'), location: entry.location, explicit: false }];
    for (const envFile of envFiles) {
      const text = this.host.readFile(envFile.path);
      if (text === undefined) {
        // A missing env file is not reported: `.env` files are usually kept out of the repository
        // (they hold secrets) and created at deploy time, so it is not a problem vsafe should flag.
        continue;
      }
      for (const [key, value] of parseDotEnv(text, env)) if (!env.has(key)) env.set(key, value);
    }
    const models: ComposeFileModel[] = [];
    entry.paths.forEach((path, i) => {
      const model = this.read(paths[i]!);
      if (!model) {
        this.problem(path.location, `The included file ${path.raw} does not exist (${paths[i]}): docker compose refuses to load the project, and its services are not analysed.`);
        return;
      }
      if (model.problems.length > 0) {
        this.problem(path.location, `The included file ${path.raw} has errors (reported in that file): its services are not analysed.`);
      }
      models.push(model);
    });
    if (models.length === 0) return undefined;
    const sub = emptyProject();
    const subScope: Scope = { workingDir: projectDir, env, includeChain: [...scope.includeChain, main] };
    for (const model of models) this.loadFile(model, subScope, sub);
    for (const layers of sub.services.values()) for (const layer of layers) layer.includedBy ??= entry.location;
    return sub;
  }

  /**
   * The layers of one service with its `extends` chain resolved: the bases first
   * (marked `role: 'extends'`), then the service's own layer.
   */
  private resolveService(doc: ComposeFileModel, entry: ServiceEntry, scope: Scope, imported: ProjectParts, stack: string[]): ServiceLayer[] {
    const key = `${doc.file}#${doc.documentIndex}#${entry.name}`;
    // Each service is resolved once per scope; callers get fresh layer objects they may mark.
    const memo = this.resolved.get(key);
    if (memo && memo.env === scope.env && memo.workingDir === scope.workingDir) return memo.layers.map((layer) => ({ ...layer }));
    const layers = this.resolveUncached(doc, entry, scope, imported, stack, key);
    this.resolved.set(key, { env: scope.env, workingDir: scope.workingDir, layers });
    return layers.map((layer) => ({ ...layer }));
  }

  private readonly resolved = new Map<string, { env: Environment; workingDir: string; layers: ServiceLayer[] }>();

  private resolveUncached(doc: ComposeFileModel, entry: ServiceEntry, scope: Scope, imported: ProjectParts, stack: string[], key: string): ServiceLayer[] {
    const own = readServiceLayer(doc, entry, scope.env, scope.workingDir);
    const ref = entry.extends;
    if (!ref) return [own];
    const nextStack = [...stack, key];
    if (nextStack.length > MAX_CHAIN) {
      this.problem(ref.location, `\`extends\` chain of "${entry.name}" is more than ${MAX_CHAIN} services long: vsafe stops following it here.`);
      return [own];
    }
    if (!ref.service) {
      this.problem(ref.location, `\`extends\` of service "${entry.name}" names no service.`);
      return [own];
    }
    const baseName = interpolate(ref.service.raw, scope.env).value;
    let bases: ServiceLayer[] | undefined;
    if (ref.file) {
      if (isRemote(ref.file.raw)) return [own];
      const expanded = interpolate(ref.file.raw, scope.env);
      if (expanded.unknown) {
        this.problem(ref.file.location, `The extended file "${ref.file.raw}" uses ${expanded.missing.map((m) => '$' + m).join(', ')}, which no .env defines: what service "${entry.name}" inherits is not analysed.`);
        return [own];
      }
      const path = joinPath(scope.workingDir, expanded.value);
      const model = this.read(path);
      if (!model) {
        this.problem(ref.file.location, `The extended file ${ref.file.raw} does not exist (${path}): docker compose refuses to load the project.`);
        return [own];
      }
      if (model.problems.length > 0) {
        this.problem(ref.file.location, `The extended file ${ref.file.raw} has errors (reported in that file): what service "${entry.name}" inherits is not analysed.`);
        return [own];
      }
      const baseScope: Scope = { workingDir: dirname(path), env: scope.env, includeChain: scope.includeChain };
      for (const baseDoc of model.documents.length > 0 ? model.documents : [model]) {
        const baseEntry = serviceNamed(baseDoc, baseName);
        if (!baseEntry) continue;
        const cycle = this.cycle(nextStack, `${baseDoc.file}#${baseDoc.documentIndex}#${baseName}`, ref.location);
        if (cycle) return [own];
        bases = [...(bases ?? []), ...this.resolveService(baseDoc, baseEntry, baseScope, emptyProject(), nextStack)];
      }
      if (!bases) {
        this.problem(ref.service.location, `Service "${baseName}" is not defined in ${ref.file.raw}: docker compose refuses to load the project.`);
        return [own];
      }
    } else {
      const baseEntry = serviceNamed(doc, baseName);
      if (baseEntry) {
        if (this.cycle(nextStack, `${doc.file}#${doc.documentIndex}#${baseName}`, ref.location)) return [own];
        bases = this.resolveService(doc, baseEntry, scope, imported, nextStack);
      } else if (imported.services.has(baseName)) {
        bases = imported.services.get(baseName)!.map((layer) => ({ ...layer }));
      } else {
        this.problem(ref.service.location, `Service "${baseName}" that "${entry.name}" extends is not defined: docker compose refuses to load the project.`);
        return [own];
      }
    }
    if (bases.length >= MAX_CHAIN) {
      this.problem(ref.location, `\`extends\` chain of "${entry.name}" is more than ${MAX_CHAIN} services long: vsafe stops following it here.`);
      return [own];
    }
    for (const base of bases) {
      base.role = 'extends';
      base.extendedBy ??= { service: entry.name, location: ref.location };
      // Services that depend on others cannot be extended; Compose never inherits `volumes_from`.
      delete base.volumesFrom;
    }
    return [...bases, own];
  }

  private cycle(stack: string[], key: string, at: Location): boolean {
    const start = stack.indexOf(key);
    if (start < 0) return false;
    const names = [...stack.slice(start), key].map((k) => k.slice(k.lastIndexOf('#') + 1));
    this.problem(at, `\`extends\` cycle: ${names.join(' → ')}. docker compose refuses to load the project.`);
    return true;
  }
}

/** `oci://…`, `https://…`, `git@host:repo.git`: resources Compose fetches, not local files. */
function isRemote(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || /^git@/.test(path);
}

const serviceIndexes = new ObjectSlot<ComposeFileModel, Map<string, ServiceEntry>>('vsafe.serviceIndexes');

/** The service of a document by name (the first definition; Compose rejects duplicate keys). */
function serviceNamed(doc: ComposeFileModel, name: string): ServiceEntry | undefined {
  let index = serviceIndexes.get(doc);
  if (!index) {
    index = new Map();
    for (const entry of doc.services) if (!index.has(entry.name)) index.set(entry.name, entry);
    serviceIndexes.set(doc, index);
  }
  return index.get(name);
}

/** Compose accepts a service both included and defined when the definitions are identical. */
function sameDefinition(included: ServiceLayer[], doc: ComposeFileModel, entry: ServiceEntry): boolean {
  if (included.length !== 1) return false;
  const text = (model: ComposeFileModel, e: ServiceEntry): string | undefined => {
    const range = (e.pair.value as { range?: [number, number, number] } | null)?.range;
    return range ? model.text.slice(range[0], range[1]).trim() : undefined;
  };
  const a = text(included[0]!.file, included[0]!.entry);
  return a !== undefined && a === text(doc, entry);
}

function dedupeProblems(problems: FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = [p.file, p.range.start.line, p.range.start.character, p.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The Dockerfile a build reads: the one named, else `Dockerfile`, else `dockerfile` (Docker's and BuildKit's fallback). */
function dockerfilePath(context: string, named: string | undefined, host: FileHost): string {
  if (named !== undefined) return joinPath(context, named);
  const standard = joinPath(context, 'Dockerfile');
  if (host.readFile(standard) !== undefined) return standard;
  const lower = joinPath(context, 'dockerfile');
  return host.readFile(lower) !== undefined ? lower : standard;
}

function mergeLayers(name: string, layers: ServiceLayer[], host: FileHost): ComposeWorkload {
  const own = layers.find((l) => l.role !== 'extends') ?? layers[0]!;
  const environment = new Map<string, string>();
  const provenance: WorkloadProvenance = { environment: new Map(), mounts: new Map() };
  let image: ServiceLayer['image'];
  let command: string[] | undefined;
  let entrypoint: string[] | undefined;
  let context: { value: string; layer: ServiceLayer } | undefined;
  let dockerfile: string | undefined;
  let dockerfileInline: InlineDockerfile | undefined;
  let buildUnknown = false;
  let hasBuild = false;
  let volumeMounts = new Map<string, Mount>();
  let tmpfsMounts = new Map<string, Mount>();
  let volumesFrom: VolumesFromEntry[] = [];
  let envFiles: { path: string; required: boolean; location: Location; unknown: boolean; layer: ServiceLayer }[] = [];
  let profiles: string[] | undefined;
  let hostname = false;
  let networkMode: string | undefined;
  let uts: string | undefined;
  for (const layer of layers) {
    if (layer.profiles) profiles = layer.profiles;
    if (layer.hostname !== undefined) hostname = layer.hostname;
    if (layer.networkMode !== undefined) networkMode = layer.networkMode;
    if (layer.uts !== undefined) uts = layer.uts;
    if (layer.imageReset) {
      image = undefined;
      delete provenance.image;
      provenance.imageReset = { layer, location: layer.imageReset };
    }
    if (layer.image) {
      image = layer.image;
      provenance.image = { layer, location: layer.image.location };
    }
    if (layer.commandReset) {
      command = undefined;
      delete provenance.command;
    }
    if (layer.entrypointReset) {
      entrypoint = undefined;
      delete provenance.entrypoint;
    }
    if (layer.command) {
      command = layer.command;
      provenance.command = { layer, location: layer.commandLocation ?? layer.entry.keyLocation };
    }
    if (layer.entrypoint) {
      entrypoint = layer.entrypoint;
      provenance.entrypoint = { layer, location: layer.entrypointLocation ?? layer.entry.keyLocation };
    }
    if (layer.build) {
      hasBuild = true;
      if (layer.build.context !== undefined) context = { value: layer.build.context, layer };
      // `dockerfile` and `dockerfile_inline` exclude each other: the later layer's wins.
      if (layer.build.dockerfile !== undefined) {
        dockerfile = layer.build.dockerfile;
        dockerfileInline = undefined;
      }
      if (layer.build.inline !== undefined) {
        dockerfileInline = layer.build.inline;
        dockerfile = undefined;
      }
      if (layer.build.unknown) buildUnknown = true;
      provenance.build = { layer, location: layer.buildLocation ?? layer.entry.keyLocation };
    }
    if (layer.environmentMode !== 'merge') {
      environment.clear();
      provenance.environment.clear();
    }
    for (const [k, v] of layer.environment) {
      environment.set(k, v);
      provenance.environment.set(k, { layer, location: layer.environmentLocations.get(k) ?? layer.entry.keyLocation });
    }
    if (layer.envFiles.length > 0) envFiles = [...envFiles, ...layer.envFiles.map((f) => ({ ...f, layer }))];
    if (layer.volumes) {
      volumeMounts = mergeMounts(volumeMounts, layer.volumes);
      for (const mount of layer.volumes.mounts) provenance.mounts.set(mount, layer);
      if (layer.volumes.mode !== 'merge') provenance.volumesReset = { layer, location: layer.volumes.location ?? layer.entry.keyLocation, mode: layer.volumes.mode };
    }
    if (layer.tmpfs) {
      tmpfsMounts = mergeMounts(tmpfsMounts, layer.tmpfs);
      for (const mount of layer.tmpfs.mounts) provenance.mounts.set(mount, layer);
      if (layer.tmpfs.mode !== 'merge') provenance.tmpfsReset = { layer, location: layer.tmpfs.location ?? layer.entry.keyLocation, mode: layer.tmpfs.mode };
    }
    if (layer.volumesFrom) {
      const base = layer.volumesFrom.mode === 'merge' ? volumesFrom : [];
      volumesFrom = [...base.filter((e) => !layer.volumesFrom!.entries.some((n) => n.raw === e.raw)), ...layer.volumesFrom.entries];
    }
  }
  // `env_file` values count only where `environment` does not set the variable; later files win.
  const fromFiles = new Map<string, { value: string; source: FieldSource }>();
  for (const envFile of envFiles) {
    if (envFile.unknown) continue;
    const path = joinPath(envFile.layer.baseDir ?? dirname(envFile.layer.file.file), envFile.path);
    const text = host.readFile(path);
    // Missing env files are not reported (see loadInclude): they are usually created at deploy time.
    if (text === undefined) continue;
    for (const [key, value] of parseDotEnv(text)) fromFiles.set(key, { value, source: { layer: envFile.layer, location: envFile.location } });
  }
  for (const [key, { value, source }] of fromFiles) {
    if (environment.has(key)) continue;
    environment.set(key, value);
    provenance.environment.set(key, source);
  }
  let buildContext: string | undefined;
  if (hasBuild && !buildUnknown) {
    const value = context?.value ?? '.';
    const layer = context?.layer ?? own;
    // A remote context (git URL, https tarball) has no local Dockerfile to read.
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('git@')) buildContext = joinPath(layer.baseDir ?? dirname(layer.file.file), value);
  }
  const mounts = [...volumeMounts.values(), ...tmpfsMounts.values()];
  return {
    name,
    location: own.entry.keyLocation,
    image: image ? { raw: image.raw, value: image.value, unknown: image.unknown, location: image.location } : undefined,
    environment,
    command,
    entrypoint,
    mounts,
    origin: {
      kind: 'compose',
      file: own.file.file,
      files: [...new Set(layers.map((l) => l.file.file))],
      buildContext,
      dockerfile: buildContext !== undefined && !dockerfileInline ? dockerfilePath(buildContext, dockerfile, host) : undefined,
      ...(hasBuild && dockerfileInline ? { dockerfileInline } : {}),
    },
    layers,
    provenance,
    volumesFrom,
    opaqueVolumesFrom: [],
    ...(profiles && profiles.length > 0 ? { profiles } : {}),
    ...(hostname || uts === 'host' || (networkMode !== undefined && /^(?:host|service:|container:)/.test(networkMode)) ? { hostname: true } : {}),
  };
}

/** Compose merges mounts by container path; `!reset` clears, `!override` replaces. */
function mergeMounts(current: Map<string, Mount>, layer: { mounts: Mount[]; mode: MergeMode }): Map<string, Mount> {
  const next = layer.mode === 'merge' ? new Map(current) : new Map<string, Mount>();
  for (const mount of layer.mounts) {
    // Re-inserting moves the key last, so the merged order follows the files.
    next.delete(mount.target);
    next.set(mount.target, mount);
  }
  return next;
}

/**
 * `volumes_from: [db]` gives the container every volume and bind mount of `db`
 * (not its tmpfs). The inherited mounts count for coverage; they are marked
 * `inherited` so rules report them only on the service that writes them.
 */
function resolveVolumesFrom(workloads: ComposeWorkload[], problems: FileProblem[]): void {
  const byName = new Map(workloads.map((w) => [w.name, w]));
  const done = new Set<ComposeWorkload>();
  const visiting = new Set<ComposeWorkload>();
  const resolve = (workload: ComposeWorkload): void => {
    if (done.has(workload) || visiting.has(workload) || visiting.size > MAX_CHAIN) return;
    visiting.add(workload);
    for (const entry of workload.volumesFrom) {
      if (entry.container !== undefined || entry.unknown || entry.service === undefined) {
        workload.opaqueVolumesFrom.push(entry);
        continue;
      }
      const other = byName.get(entry.service);
      if (!other) {
        problems.push({ file: entry.location.file, range: entry.location.range, message: `\`volumes_from\` names service "${entry.service}", which is not defined: docker compose refuses to load the project.` });
        continue;
      }
      if (other === workload) continue;
      resolve(other);
      if (other.opaqueVolumesFrom.length > 0) workload.opaqueVolumesFrom.push(entry);
      for (const mount of other.mounts) {
        if (mount.type === 'tmpfs') continue;
        if (workload.mounts.some((m) => m.target === mount.target)) continue;
        workload.mounts.push({
          ...mount,
          readOnly: mount.readOnly || entry.readOnly,
          inherited: { kind: 'volumes_from', service: mount.inherited?.service ?? other.name, location: entry.location },
        });
      }
    }
    visiting.delete(workload);
    done.add(workload);
  };
  for (const workload of workloads) resolve(workload);
}

/**
 * Related locations for a finding about a workload: every contributing file other
 * than `primary` (the file the finding sits in), at the node that matters there,
 * with a message saying how the file takes part.
 */
export function contributingLocations(workload: ComposeWorkload, primary: string): { location: Location; message: string }[] {
  const related: { location: Location; message: string }[] = [];
  const seen = new Set<string>();
  const add = (location: Location, message: string): void => {
    if (location.file === primary) return;
    const key = `${location.file}:${location.range.start.line}:${location.range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    related.push({ location, message });
  };
  const reset = workload.provenance.volumesReset;
  if (reset) add(reset.location, `\`volumes: !${reset.mode}\` here drops the mounts of "${workload.name}" that earlier files declare.`);
  const image = workload.provenance.image;
  if (image) add(image.location, `The image of "${workload.name}" is set here.`);
  for (const layer of workload.layers) {
    if (layer.role === 'extends') add(layer.entry.keyLocation, `"${workload.name}" extends service "${layer.name}" defined here.`);
    else if (layer.includedBy) add(layer.entry.keyLocation, `"${workload.name}" is defined in this included file.`);
    else add(layer.entry.keyLocation, `"${workload.name}" is also configured here.`);
    if (layer.includedBy) add(layer.includedBy, `This \`include\` pulls in "${workload.name}".`);
  }
  return related;
}

/** file → configurations, per kind of index, built once per lint (keyed by the lint's configuration list). */
const configurationIndexes = { given: new ObjectSlot<readonly ComposeConfiguration[], Map<string, ComposeConfiguration[]>>('vsafe.configurationsByGivenFile'), read: new ObjectSlot<readonly ComposeConfiguration[], Map<string, ComposeConfiguration[]>>('vsafe.configurationsByReadFile') };

/**
 * The configurations of a lint run by file: those given the file (`given`: base, override,
 * environment files), or those that read it at all (`read`: included and extended files too).
 * Rules that look across configurations use it instead of a search per file (quadratic in a monorepo).
 */
export function configurationsByFile(all: readonly ComposeConfiguration[], kind: 'given' | 'read'): ReadonlyMap<string, readonly ComposeConfiguration[]> {
  const cache = configurationIndexes[kind];
  let index = cache.get(all);
  if (!index) {
    index = new Map();
    for (const configuration of all) {
      const files = kind === 'given' ? configuration.files : [...configuration.files, ...configuration.includedFiles];
      for (const file of new Set(files.map((f) => f.file))) appendTo(index, file, configuration);
    }
    cache.set(all, index);
  }
  return index;
}
