import { ObjectSlot } from './collections';
import type { ImageEntry, ImageVariantPin, PersistenceSwitch, StateCondition, StateKind, StatePathSpec } from './knowledge/types';
import { entryTagVersion, parseImageRef, selectVariant, type KnowledgeBase } from './knowledge/lookup';
import type { BuiltImage, Mount, Workload } from './model';
import type { Location } from './types';
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
  /** The path of that `VOLUME` (this path or a parent of it). */
  volume?: string;
  entry?: ImageEntry;
  spec?: StatePathSpec;
  /** How the path was found: the image default, or moved by an env var / flag. */
  origin: { kind: 'image' } | { kind: 'env'; name: string } | { kind: 'flag'; flag: string } | { kind: 'argument'; after: string };
  /** A cache image without persistence configured: reported only as a hint. */
  cacheOnly: boolean;
  /**
   * For a built image: where its Dockerfile creates this state — the `VOLUME` that
   * declares it, the `ENV` that moved it, or the `FROM` of the base image that keeps it.
   */
  dockerfile?: { location: Location; via: 'volume' | 'env' | 'from' };
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

/** The state paths of a workload, after env vars, command flags and arguments moved them. */
export function statePaths(workload: Workload, knowledge: KnowledgeBase): readonly StatePath[] {
  // Every rule asks, some once per mount: remember the answer for as long as the inputs it reads stay the same objects.
  const memo = statePathMemo.get(workload);
  if (memo && memo.knowledge === knowledge && memo.build === workload.build && memo.mounts === workload.mounts && memo.mountCount === workload.mounts.length) return memo.result;
  // A one-shot job another service waits for runs the image for its task: it keeps no server state.
  const built = workload.build ?? (workload.imageBuiltBy && !imageInfo(workload, knowledge) ? workload.imageBuiltBy : undefined);
  const result = workload.task ? [] : built ? builtStatePaths(workload, built, knowledge) : imageStatePaths(workload, knowledge);
  statePathMemo.set(workload, { knowledge, build: workload.build, mounts: workload.mounts, mountCount: workload.mounts.length, result });
  return result;
}

interface StatePathMemo {
  knowledge: KnowledgeBase;
  build: BuiltImage | undefined;
  mounts: readonly Mount[];
  mountCount: number;
  result: readonly StatePath[];
}
const statePathMemo = new ObjectSlot<Workload, StatePathMemo>('vsafe.statePathMemo');

/** The state paths the workload's image is known to keep. */
function imageStatePaths(workload: Workload, knowledge: KnowledgeBase): StatePath[] {
  const info = imageInfo(workload, knowledge);
  if (!info || info.entry.stateless) return [];
  // `image: postgres` + `command: pg_dump …`: the image runs a client tool, not its server.
  if (runsClientTool(workload, info.entry) || runsSetupScript(workload, info.entry)) return [];
  const selection = selectVariant(info.entry, info.tag, info.tagUnknown);
  const specs = selection.kind === 'known' ? selection.variant.paths : commonPaths(selection.variants.map((v) => v.paths));
  const args = commandWords(workload);
  // `redis-server --save "" --appendonly no`: persistence switched off explicitly, nothing is written.
  if (info.entry.cacheUnlessPersistent === true && redisPersistenceOff(workload, info.entry.persistence)) return [];
  const cacheOnly = info.entry.cacheUnlessPersistent === true && !persistenceConfigured(workload, info.entry.persistence);
  const result: StatePath[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const embedded = embeddedPlace(workload, spec);
    // The configuration in the environment names the path: no mount is needed to know it is used.
    if (!conditionHolds(embedded && spec.when ? { ...spec.when, mounted: undefined } : spec.when, workload, args)) continue;
    // The user chose another storage place the image supports (vault raft at /vault/data).
    if (spec.alternatives && mountsAtOrUnder(workload, spec.alternatives)) continue;
    const moved = embedded ? [embedded] : movedPath(workload, spec, args);
    if (moved === 'unknown') continue;
    if (moved.length === 0 && spec.onlyWhenSet) continue;
    const places: Place[] = moved.length > 0 ? moved : [{ path: spec.path, origin: { kind: 'image' } }];
    for (const place of places) {
      const atDefault = place.origin.kind === 'image';
      if ((isScratchPath(place.path) && !(spec.scratch && atDefault)) || seen.has(place.path)) continue;
      // A bind mount of the file itself (`./acme.json:/letsencrypt/acme.json`) keeps it too. A mount
      // of a folder above it keeps the folder, which stays a state path (not a read-only config).
      if (place.file && workload.mounts.some((m) => m.target === place.file)) continue;
      seen.add(place.path);
      result.push({
        path: place.path,
        dataPath: atDefault ? spec.dataPath : undefined,
        kind: cacheOnly ? 'cache' : spec.kind,
        description: spec.description,
        // A moved path is no longer where the image's VOLUME points (unless it stays beneath it).
        declaredVolume: spec.declaredVolume && isSameOrParent(spec.path, place.path),
        volume: spec.declaredVolume && isSameOrParent(spec.path, place.path) ? (spec.volume ?? spec.path) : undefined,
        entry: info.entry,
        spec,
        origin: place.origin,
        cacheOnly,
      });
    }
  }
  return result;
}

/** With an unknown version only what every version agrees on is certain. */
function commonPaths(variants: StatePathSpec[][]): StatePathSpec[] {
  const [first, ...rest] = variants;
  if (!first) return [];
  return first.filter((spec) => rest.every((paths) => paths.some((p) => p.path === spec.path)));
}

/**
 * The older layout a pulled image whose tag follows the latest release (`postgres`,
 * `influxdb:latest`: no version in the tag, no digest) was set up for: the pin of the
 * entry's variant that keeps its data where a volume is mounted (at `target`, or at any
 * mount). Such a volume most likely holds what that older release wrote there.
 */
export function olderLayoutPin(workload: Workload, state: StatePath, target?: string): ImageVariantPin | undefined {
  const entry = state.entry;
  if (!entry || workload.build || !workload.image || workload.image.value.includes('${')) return undefined;
  const ref = parseImageRef(workload.image.value);
  if (!ref || ref.digest !== undefined || entryTagVersion(entry, ref.tag) !== undefined) return undefined;
  const mounted = (path: string): boolean => (target !== undefined ? target === path : workload.mounts.some((m) => (m.type === 'volume' || m.type === 'bind') && m.target === path));
  const pin = entry.variants.find((variant) => variant.pin && variant.paths.some((spec) => spec.path !== state.path && mounted(spec.path)))?.pin;
  // Variables only the newer release reads (`DOCKER_INFLUXDB_INIT_*`): the stack was written for it.
  const newer = pin?.newerEnv !== undefined ? new RegExp(pin.newerEnv) : undefined;
  if (newer && [...workload.environment.keys()].some((name) => newer.test(name))) return undefined;
  return pin;
}

/**
 * What a cache-level hint adds about what else would be lost (`; a job queue … would be
 * lost`), or nothing: not when the command sets an evicting `--maxmemory-policy`
 * (`allkeys-lru`), which makes the server a cache that drops keys by design.
 */
export function cacheRiskNote(workload: Workload, state: StatePath): string {
  const risk = state.entry?.cacheRisk;
  if (!risk) return '';
  const policy = flagValue(commandWords(workload), '--maxmemory-policy');
  return policy !== undefined && policy !== 'noeviction' ? '' : `; ${risk}`;
}

/**
 * The command words of a workload: entrypoint + command, with `sh -c "…"` strings
 * split into words as well, so flags inside a shell string are seen.
 */
function commandWords(workload: Workload): string[] {
  const words: string[] = [];
  for (const arg of [...(workload.entrypoint ?? []), ...(workload.command ?? [])]) {
    if (/\s/.test(arg.trim())) words.push(...splitWords(arg));
    else words.push(arg);
  }
  return words;
}

/** The whitespace-separated words of one string, each unquoted (`--save ""` → `--save`, ``). */
function splitWords(text: string): string[] {
  return text.trim().split(/\s+/).map(unquote);
}

function unquote(word: string): string {
  return /^(['"]).*\1$/.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/**
 * The workload runs one of the image's client tools (`psql`, `pg_dump`, `redis-cli`)
 * instead of its server: directly, or as the first command of a `sh -c` script.
 */
function runsClientTool(workload: Workload, entry: ImageEntry): boolean {
  if (!entry.clientCommands) return false;
  const args = [...(workload.entrypoint ?? []), ...(workload.command ?? [])];
  const words = args.length === 1 ? args[0]!.trim().split(/\s+/) : args;
  const program = (word: string | undefined): string => (word ?? '').slice((word ?? '').lastIndexOf('/') + 1);
  let first = program(words[0]);
  if (SHELLS.has(first)) {
    const script = shellScript(workload) ?? '';
    const scriptWords = script.trim().replace(/^['"]/, '').split(/\s+/);
    first = program(scriptWords[0] === 'exec' ? scriptWords[1] : scriptWords[0]);
    if (!entry.clientCommands.includes(first) && clientScript(script, entry.clientCommands)) return true;
  }
  return entry.clientCommands.includes(first);
}

/**
 * The workload's command is a shell script (`bash -c '…'`) that never starts the image's
 * server: no server command among its words, and no `"$@"` handing over to the image's
 * command. Elastic's `setup` service (certificates, passwords) and a `cockroach init` loop.
 */
function runsSetupScript(workload: Workload, entry: ImageEntry): boolean {
  if (!entry.serverCommands) return false;
  const script = shellScript(workload);
  if (script === undefined) return false;
  const words = script.split(/[\s;&|()`'"]+/).filter((w) => w !== '');
  if (words.some((w) => w.includes('$@') || w.includes('${@}'))) return false;
  const program = (word: string): string => word.slice(word.lastIndexOf('/') + 1);
  return !entry.serverCommands.some((command) => {
    const [name, subcommand] = command.split(' ');
    return words.some((word, i) => program(word) === name && (subcommand === undefined || words[i + 1] === subcommand));
  });
}

/** The script of a `sh -c '…'` command or entrypoint, or undefined when the workload runs no shell script. */
function shellScript(workload: Workload): string | undefined {
  const args = [...(workload.entrypoint ?? []), ...(workload.command ?? [])];
  const words = args.length === 1 ? args[0]!.trim().split(/\s+/) : args;
  const first = words[0] ?? '';
  if (!SHELLS.has(first.slice(first.lastIndexOf('/') + 1))) return undefined;
  const flag = words.findIndex((w) => /^-[a-z]*c$/.test(w));
  if (flag < 0 || flag + 1 >= words.length) return undefined;
  return words.slice(flag + 1).join(' ');
}

/** Shell keywords that come before a command or close a block (`until`, `do`, `done`). */
const SHELL_KEYWORDS = new Set(['until', 'while', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', '!', '{', '}']);

/** Shell built-ins and helpers an init script runs around a client tool (`sleep 5 && mongosh …`). */
const SCRIPT_HELPERS = new Set(['sleep', 'echo', 'printf', 'set', 'true', 'exit', 'wait', 'cd', 'export']);

/**
 * A `sh -c` script whose commands are all client tools of the image or shell helpers, at
 * least one a client tool: an init job (`sleep 5 && mongosh --eval 'rs.initiate()'`), not the server.
 */
function clientScript(script: string, clientCommands: readonly string[]): boolean {
  const programs = script
    .replace(/^\s*['"]|['"]\s*$/g, '')
    .split(/&&|\|\||;|\n/)
    // `until psql -c '\q'; do sleep 1; done`: the program after a loop or test keyword.
    .map((segment) => segment.trim().split(/\s+/).filter((w) => w !== 'exec' && !SHELL_KEYWORDS.has(w))[0] ?? '')
    .filter((word) => word !== '')
    .map((word) => word.slice(word.lastIndexOf('/') + 1));
  return programs.some((p) => clientCommands.includes(p)) && programs.every((p) => clientCommands.includes(p) || SCRIPT_HELPERS.has(p));
}

function conditionHolds(condition: StateCondition | undefined, workload: Workload, args: readonly string[]): boolean {
  if (!condition) return true;
  if (condition.args && !condition.args.every((a) => args.includes(a))) return false;
  if (condition.defaultCommandOr && args.length > 0 && !condition.defaultCommandOr.some((flag) => args.some((a) => a === flag || a.startsWith(flag + '=')))) return false;
  if (condition.anyArgs && !condition.anyArgs.some((a) => args.includes(a))) return false;
  if (condition.emptyFlags?.some((flag) => isEmptyValue(flagValue(args, flag)))) return false;
  if (condition.notArgs?.some((pattern) => args.some((a) => new RegExp(pattern).test(a)))) return false;
  if (condition.notEnv?.some((name) => (workload.environment.get(name) ?? '') !== '')) return false;
  if (condition.notEnvValue && Object.entries(condition.notEnvValue).some(([name, pattern]) => envValueMatches(workload.environment.get(name), pattern))) return false;
  if (condition.envValue && !Object.entries(condition.envValue).every(([name, pattern]) => envValueMatches(workload.environment.get(name), pattern))) return false;
  if (condition.mounted && !mountsAtOrUnder(workload, condition.mounted)) return false;
  if (condition.configuredIn && (workload.build !== undefined || mountsAtOrUnder(workload, condition.configuredIn))) return false;
  return true;
}

/** Something is mounted at or under one of the paths (an absolute target; `${VAR}` ones are not known). */
function mountsAtOrUnder(workload: Workload, paths: readonly string[]): boolean {
  return paths.some((p) => workload.mounts.some((m) => m.target.startsWith('/') && isSameOrParent(p, m.target)));
}

/** A flag given an empty value: nothing, or an empty quoted string. */
function isEmptyValue(value: string | undefined): boolean {
  return value !== undefined && (value.trim() === '' || value === '""' || value === "''");
}

/** A set value that vsafe could resolve (no `${…}` left) and that matches the pattern. */
function envValueMatches(value: string | undefined, pattern: string): boolean {
  return value !== undefined && !value.includes('${') && new RegExp(pattern).test(value);
}

/** The path a configuration held in an environment variable names (`embeddedIn`), when it names one vsafe can read. */
function embeddedPlace(workload: Workload, spec: StatePathSpec): Place | undefined {
  const embedding = spec.embeddedIn;
  const value = embedding ? workload.environment.get(embedding.env) : undefined;
  if (!embedding || value === undefined || value.includes('${')) return undefined;
  for (const pattern of embedding.patterns) {
    const path = new RegExp(pattern, 'i').exec(value)?.[1];
    if (path !== undefined && path.startsWith('/')) return { path: normalizeContainerPath(path), origin: { kind: 'env', name: embedding.env } };
  }
  return undefined;
}

/** `file`: the env var or flag named a file (traefik `acme.json`); `path` is its folder. */
type Place = { path: string; origin: StatePath['origin']; file?: string };

/**
 * Where env vars, flags or positional arguments put the path: none (the image
 * default applies), one or several (`minio server /d1 /d2`), or `unknown` when the
 * value is an unresolved variable or a relative path (we never guess).
 */
function movedPath(workload: Workload, spec: StatePathSpec, args: readonly string[]): Place[] | 'unknown' {
  for (const name of spec.env ?? []) {
    const value = workload.environment.get(name);
    if (value === undefined || value === '') continue;
    return placesOf(value, { kind: 'env', name }, spec.fileValue === true);
  }
  for (const flag of spec.flags ?? []) {
    const value = flagValue(args, flag);
    if (value === undefined || value === '') continue;
    return placesOf(value, { kind: 'flag', flag }, spec.fileValue === true);
  }
  const named: Place[] = [];
  for (const pattern of spec.envPatterns ?? []) {
    const re = new RegExp(pattern, 'i');
    for (const [name, value] of workload.environment) {
      if (!re.test(name) || value === '') continue;
      const places = placesOf(value, { kind: 'env', name }, spec.fileValue === true);
      if (places === 'unknown') return 'unknown';
      named.push(...places);
    }
  }
  for (const pattern of spec.flagPatterns ?? []) {
    const re = new RegExp(pattern, 'i');
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (!arg.startsWith('-')) continue;
      const eq = arg.indexOf('=');
      const flag = eq >= 0 ? arg.slice(0, eq) : arg;
      if (!re.test(flag)) continue;
      const value = eq >= 0 ? arg.slice(eq + 1) : args[i + 1];
      if (value === undefined || value === '') continue;
      const places = placesOf(value, { kind: 'flag', flag }, spec.fileValue === true);
      if (places === 'unknown') return 'unknown';
      named.push(...places);
    }
  }
  if (named.length > 0) return named;
  if (spec.positional) {
    const values = positionalValues(args, spec.positional);
    if (values.length > 0) {
      const paths = values.map(pathValues);
      if (paths.includes('unknown')) return 'unknown';
      return (paths as string[][]).flat().map((path) => ({ path, origin: { kind: 'argument', after: spec.positional!.after } }));
    }
  }
  return [];
}

/**
 * Absolute container paths in a value: `/data`, a list `/a,/b`, or `path=/x,size=…`
 * (cockroach `--store`). Anything else (a variable, a relative path, a remote URL)
 * is `unknown`.
 */
function pathValues(value: string): string[] | 'unknown' {
  if (value.includes('${') || value.includes('$')) return 'unknown';
  const parts = value.split(',').map((p) => p.trim().replace(/^path=/, '')).filter((p) => p !== '' && !/^[a-z-]+=/.test(p));
  if (parts.length === 0 || !parts.every((p) => p.startsWith('/'))) return 'unknown';
  return parts.map(normalizeContainerPath);
}

/** The places a value names; for a file (`/letsencrypt/acme.json`) its folder holds the state. */
function placesOf(value: string, origin: StatePath['origin'], file: boolean): Place[] | 'unknown' {
  const paths = pathValues(value);
  if (paths === 'unknown') return 'unknown';
  if (!file) return paths.map((path) => ({ path, origin }));
  const places: Place[] = [];
  for (const path of paths) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    // A file directly under `/` has no folder a volume could hold.
    if (folder === '') return 'unknown';
    places.push({ path: folder, origin, file: path });
  }
  return places;
}

/** The positional arguments after a subcommand, skipping flags and their values. */
function positionalValues(args: readonly string[], spec: NonNullable<StatePathSpec['positional']>): string[] {
  const start = args.indexOf(spec.after);
  if (start < 0) return [];
  const values: string[] = [];
  for (let i = start + 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && spec.valueFlags?.includes(arg)) i++;
      continue;
    }
    if (spec.prefixes) {
      const prefix = spec.prefixes.find((p) => arg.startsWith(p));
      if (prefix === undefined) continue;
      values.push(arg.slice(prefix.length));
    } else if (arg.startsWith('/') || arg.includes('$')) {
      // Erasure-coded pools (`/data{1...4}`, `http://host{1...4}/data`) are not one directory.
      if (!arg.includes('{')) values.push(arg);
    }
  }
  return values;
}

/**
 * Each state path that a mount of `type` holds, for the rules that judge such mounts:
 * known mounts of the service itself (not inherited through volumes_from), each mount
 * once — at the first state path it holds that `accepts` takes.
 */
export function* statePathsHeldBy<W extends Workload>(
  workloads: readonly W[],
  knowledge: KnowledgeBase,
  type: Mount['type'],
  accepts: (state: StatePath, mount: Mount) => boolean = () => true,
): Generator<{ workload: W; state: StatePath; mount: Mount }> {
  for (const workload of workloads) {
    const reported = new Set<Mount>();
    for (const state of statePaths(workload, knowledge)) {
      const mount = holdingMount(state, workload.mounts);
      if (!mount || mount.type !== type || mount.unknown || mount.inherited || reported.has(mount) || !accepts(state, mount)) continue;
      reported.add(mount);
      yield { workload, state, mount };
    }
  }
}

/** The comment a mount of this state path deserves (fixes write it; undocumented-mount suggests it). */
export function describeState(state: StatePath): string {
  // The comment sits above the mount, so a VOLUME only the Dockerfile explains says where it comes from.
  const description = !state.entry && state.dockerfile?.via === 'volume' ? `VOLUME ${state.path} declared in the Dockerfile` : state.description;
  return state.cacheOnly || state.kind === 'cache' ? `${description} — a cache, safe to lose only if the app treats it as one` : `${description} — must survive redeploys`;
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

/** Redis, valkey and keydb: `--appendonly yes` or a non-empty `--save` switch persistence on. */
const REDIS_PERSISTENCE: PersistenceSwitch = {
  flags: [{ flag: '--appendonly', values: ['yes'] }, { flag: '--save' }],
  configPaths: ['/usr/local/etc/redis'],
};

/**
 * Redis-compatible servers told on the command line to write nothing: an empty `--save`
 * and `--appendonly no` (or no `--appendonly` and no mounted configuration that could switch it on).
 */
function redisPersistenceOff(workload: Workload, persistence: PersistenceSwitch = REDIS_PERSISTENCE): boolean {
  if (!persistence.flags.some((f) => f.flag === '--save')) return false;
  const args = serverArguments(workload, persistence);
  const save = flagValue(args, '--save');
  if (!isEmptyValue(save)) return false;
  const appendonly = flagValue(args, '--appendonly');
  if (appendonly !== undefined) return appendonly.toLowerCase() === 'no';
  return !workload.mounts.some((m) => /\.conf$/.test(m.target) || persistence.configPaths.some((p) => isSameOrParent(p, m.target)));
}

/** The command's words, then those of the variable the entrypoint appends (redis-stack's `REDIS_ARGS`). */
function serverArguments(workload: Workload, persistence: PersistenceSwitch): string[] {
  const fromEnv = persistence.argsEnv !== undefined ? workload.environment.get(persistence.argsEnv) : undefined;
  return fromEnv ? [...commandWords(workload), ...splitWords(fromEnv)] : commandWords(workload);
}

/** Persistence switched on by flags (`--appendonly yes`, `--save 60 1`) or possibly by a mounted configuration. */
function persistenceConfigured(workload: Workload, persistence: PersistenceSwitch = REDIS_PERSISTENCE): boolean {
  const args = serverArguments(workload, persistence);
  for (const { flag, values, boolean } of persistence.flags) {
    if (boolean) {
      if (args.some((a) => a === flag || a.startsWith(flag + '='))) return true;
      continue;
    }
    const value = flagValue(args, flag);
    if (value === undefined) continue;
    if (values) {
      if (values.includes(value.toLowerCase())) return true;
    } else if (!isEmptyValue(value) && !value.startsWith('-')) return true;
  }
  // A mounted configuration file may switch persistence on: we cannot tell it is off.
  return workload.mounts.some((m) => /\.conf$/.test(m.target) || persistence.configPaths.some((p) => isSameOrParent(p, m.target)));
}

/**
 * The state paths of an image built from a Dockerfile: what its base image (the end
 * of the `FROM` chain) keeps, moved by the Dockerfile's `ENV` / `CMD` unless the
 * workload overrides them, plus every `VOLUME` the Dockerfile declares.
 */
function builtStatePaths(workload: Workload, build: BuiltImage, knowledge: KnowledgeBase): StatePath[] {
  const view: Workload = {
    ...workload,
    image: build.base,
    environment: new Map([...build.environment, ...workload.environment]),
    // A compose `entrypoint` resets the image's CMD, as Docker does.
    command: workload.command ?? (workload.entrypoint ? undefined : build.command),
    entrypoint: workload.entrypoint ?? build.entrypoint,
  };
  const result = build.base ? imageStatePaths(view, knowledge) : [];
  for (const state of result) {
    const env = state.origin.kind === 'env' && !workload.environment.has(state.origin.name) ? build.environmentLocations.get(state.origin.name) : undefined;
    if (env) state.dockerfile = { location: env, via: 'env' };
    else if (build.base) state.dockerfile = { location: build.base.location, via: 'from' };
  }
  for (const volume of build.volumes) {
    if (isScratchPath(volume.path) || isSameOrParent('/var/cache', volume.path) || isProgramPath(volume.path)) continue;
    const same = result.find((s) => s.path === volume.path);
    if (same) {
      same.declaredVolume = true;
      same.volume = volume.path;
      same.dockerfile = { location: volume.location, via: 'volume' };
      continue;
    }
    // The base image's knowledge is more precise for a path inside (or around) its state.
    if (result.some((s) => isSameOrParent(s.path, volume.path) || isSameOrParent(volume.path, s.path))) continue;
    const known = knowledge.specAt(volume.path);
    result.push({
      path: volume.path,
      kind: known?.kind ?? volumeKind(volume.path),
      // Messages print the path after the description: "Dockerfile VOLUME /srv/data of service …".
      description: 'Dockerfile VOLUME',
      declaredVolume: true,
      volume: volume.path,
      origin: { kind: 'image' },
      cacheOnly: false,
      dockerfile: { location: volume.location, via: 'volume' },
    });
  }
  return result;
}

const PROGRAM_DIRECTORIES = ['/usr/share', '/usr/lib', '/usr/lib64', '/usr/libexec', '/usr/include', '/usr/bin', '/usr/sbin', '/bin', '/sbin', '/lib', '/lib64'];

/**
 * Program files the image ships (`VOLUME /usr/share/postgresql`, a trick for read-only root
 * file systems): not state. A named volume there would even freeze them, being seeded from
 * the image only while empty.
 */
function isProgramPath(path: string): boolean {
  return PROGRAM_DIRECTORIES.some((dir) => isSameOrParent(dir, path));
}

/** What a Dockerfile `VOLUME` unknown to the knowledge base holds, from its name; a database unless the name says otherwise. */
function volumeKind(path: string): StatePath['kind'] {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (isSameOrParent('/var/log', path) || /^logs?$/.test(name)) return 'logs';
  if (/^(?:uploads?|media|files|attachments|storage)$/.test(name)) return 'uploads';
  if (/^(?:config|conf|etc|settings)$/.test(name)) return 'config-state';
  if (/^\.?(?:cache|caches|tmp|temp)$/.test(name)) return 'cache';
  return 'database';
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

/**
 * The mount that holds a state path's data files: the deepest mount covering the
 * data directory (`dataPath` when the data sits deeper than the mount point).
 * Undefined when the image's anonymous volume sits inside that mount ({@link shadowingVolume}).
 */
export function holdingMount(state: StatePath, mounts: readonly Mount[]): Mount | undefined {
  const mount = coveringMount(state.dataPath ?? state.path, mounts);
  return mount && !isShadowed(state, mount) ? mount : undefined;
}

/**
 * The mount at a parent of the `VOLUME` the image declares for a state path, when no
 * mount targets the VOLUME's path itself. Docker skips an image's anonymous volume only
 * for a mount at exactly its path (moby's `HasMountFor`), so it creates one inside the
 * parent mount, and the data goes there: a named volume at /var/lib/postgresql does not
 * keep PostgreSQL 17's /var/lib/postgresql/data.
 */
export function shadowingMount(state: StatePath, mounts: readonly Mount[]): Mount | undefined {
  const mount = coveringMount(state.dataPath ?? state.path, mounts);
  return mount && isShadowed(state, mount) ? mount : undefined;
}

/**
 * The mount that keeps the state path itself (at it or a parent), or undefined when none
 * does or the image's anonymous volume inside that mount takes the data.
 */
export function keepingMount(state: StatePath, mounts: readonly Mount[]): Mount | undefined {
  return shadowingMount(state, mounts) ? undefined : coveringMount(state.path, mounts);
}

function isShadowed(state: StatePath, mount: Mount): boolean {
  return isAboveVolume(state, mount.target);
}

/** A mount target strictly above the `VOLUME` the image declares for the state: the anonymous volume inside takes the data. */
export function isAboveVolume(state: StatePath, target: string): boolean {
  return state.volume !== undefined && target !== state.volume && isSameOrParent(target, state.volume);
}

/** A mount placed where the image does not keep its state, while the real state path has none. */
export interface MisplacedMount {
  mount: Mount;
  /**
   * `known`: a target the knowledge base lists as a common mistake for the image
   * (postgres ≥ 18 at `/var/lib/postgresql/data`, mysql at `/var/lib/mysql/data`);
   * `moved`: an env var, flag or argument moved the state away from the default path
   * that is mounted.
   */
  reason: 'known' | 'moved';
}

/**
 * The mount the user meant for a state path but put in the wrong place. Shared by
 * `misplaced-state-mount` (which reports it) and `unmounted-state-path` (which then
 * stays silent for the path: one finding per problem). Only certain cases count: a
 * mount merely somewhere below a state path may be deliberate (bitnami keeps
 * PostgreSQL data in `/bitnami/postgresql/data`, ClickHouse users mount
 * `/var/lib/clickhouse/user_files`), so "too deep" comes from the knowledge base.
 */
export function misplacedMountFor(state: StatePath, mounts: readonly Mount[]): MisplacedMount | undefined {
  if (coveringMount(state.path, mounts)) return undefined;
  if (state.dataPath && coveringMount(state.dataPath, mounts)) return undefined;
  // A target we cannot read may be the right one: never guess.
  if (mounts.some((m) => m.unknown && (!m.target.startsWith('/') || m.target.includes('${')))) return undefined;
  const candidates = mounts.filter((m) => m.type !== 'tmpfs' && m.type !== 'other' && !m.unknown && !m.inherited && !m.readOnly && m.target.startsWith('/') && !isScratchPath(m.target));
  const spec = state.spec;
  if (!spec) return undefined;
  if (state.origin.kind === 'image') {
    const known = candidates.find((m) => spec.misplacedTargets?.includes(m.target));
    return known ? { mount: known, reason: 'known' } : undefined;
  }
  const atDefault = candidates.find((m) => m.target === spec.path);
  return atDefault ? { mount: atDefault, reason: 'moved' } : undefined;
}
