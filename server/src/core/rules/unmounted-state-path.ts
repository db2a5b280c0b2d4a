import { basename, isSameOrParent } from '../paths';
import { appendServiceSequenceItem, declaringFix, freshVolumeName, pathVolumeName, layerForNewMount } from '../edits/compose-edits';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import { cacheRiskNote, coveringMount, describeState, misplacedMountFor, olderLayoutPin, shadowingMount, statePaths, type StatePath } from '../state';
import type { Mount } from '../model';
import type { Fix, Location } from '../types';
import type { ServiceLayer } from '../compose/service';
import { withNodeName } from './misplaced-state-mount';
import { DockerfileSideReports, dockerfileSide } from '../dockerfile/report';
import { parseImageRef } from '../knowledge/lookup';
import type { Report, Rule } from './types';
import { isTestFile } from '../production';

const VOLUME_SUFFIX: Record<StatePath['kind'], string> = {
  database: 'data',
  uploads: 'uploads',
  'config-state': 'config',
  logs: 'logs',
  cache: 'cache',
};

/**
 * A free name for a new volume that keeps a service's state: `<service>-<kind>` (`db-data`),
 * else `<service>-<last folder>` (`db-mysql`), else numbered. Names in `taken` are avoided too.
 */
export function stateVolumeName(configuration: ComposeConfiguration, service: string, state: StatePath, taken: ReadonlySet<string>): string {
  return freshVolumeName(configuration, `${service}-${volumeSuffix(state)}`, taken, pathVolumeName(service, state.path));
}

/**
 * What a new volume's name says it holds. Persistent state that is neither configuration
 * nor keys and certificates (Alertmanager's silences and notification log) is `data`.
 */
function volumeSuffix(state: StatePath): string {
  // What the image keeps there: Redis run as a cache still keeps its data (`redis-data`).
  const kind = state.spec?.kind ?? state.kind;
  if (kind === 'config-state' && !/conf|cert|key|secret|\/etc\//i.test(`${state.path}/ ${state.description}`)) return 'data';
  return VOLUME_SUFFIX[kind];
}

/**
 * A state path no mount covers. What happens to the data depends on the image:
 * with a `VOLUME` Docker writes to an anonymous volume that `down` orphans; without
 * one the data sits in the container layer and is lost when the container is recreated.
 */
export const unmountedStatePath: Rule = {
  meta: {
    id: 'unmounted-state-path',
    description: 'A state path of a service (a database directory, uploads, persistent configuration) has no volume.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      anonymousReset:
        '{{description}} {{path}} of service "{{service}}" has no volume here: `!{{tag}}` drops the mount an earlier file declares for it. The image declares VOLUME {{volume}}, so Docker writes it to an anonymous volume that `docker compose down` orphans. Mount a named volume at {{path}} in this file.',
      layerReset:
        '{{description}} {{path}} of service "{{service}}" has no volume here: `!{{tag}}` drops the mount an earlier file declares for it, so the data goes to the container\'s writable layer and is lost whenever the container is recreated. Mount a named volume at {{path}} in this file.',
      cacheReset:
        '{{description}} {{path}} of service "{{service}}" has no volume here: `!{{tag}}` drops the mount an earlier file declares for it. That is fine only if the application treats {{image}} as a disposable cache.',
      dockerfileVolumeReset:
        'The Dockerfile of service "{{service}}" declares VOLUME {{path}}, and `!{{tag}}` here drops the mount an earlier file declares for it: Docker writes it to an anonymous volume that `docker compose down` orphans. Mount a named volume at {{path}} in this file.',
      anonymous:
        '{{description}} {{path}} of service "{{service}}" has no volume. The image declares VOLUME {{volume}}, so Docker writes it to an anonymous volume: `docker compose down` orphans it and the next `up` starts empty.{{elsewhere}} Mount a named volume at {{path}}.',
      shadowed:
        '{{description}} {{path}} of service "{{service}}" is not kept by the mount at {{parent}}: the image declares VOLUME {{volume}}, and unless something is mounted at {{volume}} itself, Docker puts an anonymous volume there, inside that mount. The data goes to the anonymous volume: `docker compose down` orphans it and the next `up` starts empty. Mount a named volume at {{volume}}.',
      partial:
        '{{description}} {{path}} of service "{{service}}" is only partly on volumes: what the mounts at {{mounted}} hold is kept, but the rest of {{path}} {{rest}}. Mount a named volume at {{path}}.',
      layer:
        '{{description}} {{path}} of service "{{service}}" has no volume. The data is written to the container\'s writable layer and lost whenever the container is recreated (`docker compose up` after a change, `down`, a new image).{{elsewhere}} Mount a named volume at {{path}}.',
      test:
        '{{description}} {{path}} of service "{{service}}" has no volume in {{file}}, a test configuration: fine for throw-away test data, which starts fresh whenever the container is recreated. Never let this reach a deployment.',
      cache:
        '{{description}} {{path}} of service "{{service}}" has no volume: what {{image}} writes there {{fate}}. That is fine only if the application treats {{image}} as a disposable cache{{risk}}. Mount a named volume at {{path}} to keep it.',
      dockerfileVolume:
        'The Dockerfile of service "{{service}}" declares VOLUME {{path}}, and no volume is mounted there. Docker writes it to an anonymous volume: `docker compose down` orphans it and the next `up` starts empty. Mount a named volume at {{path}}.',
      inDockerfileAnonymous:
        '{{what}} has no named volume in {{services}} ({{composeFile}}), so Docker writes it to an anonymous volume: `docker compose down` orphans it and the next `up` starts empty. Mount a named volume at {{path}} in {{composeFile}}.',
      inDockerfileLayer:
        '{{what}} has no volume in {{services}} ({{composeFile}}): the data is written to the container\'s writable layer and lost whenever the container is recreated (`docker compose up` after a change, `down`, a new image). Mount a named volume at {{path}} in {{composeFile}}.',
      inDockerfileCache:
        '{{what}} has no volume in {{services}} ({{composeFile}}): what is written there {{fate}}. That is fine only if the application treats {{image}} as a disposable cache{{risk}}. Mount a named volume at {{path}} in {{composeFile}} to keep it.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    const taken = new Set<string>();
    const dockerfileReports = new DockerfileSideReports<NewVolume>(namedVolumesFix);
    for (const workload of configuration.workloads) {
      // A built service is reported at its `build:` (and in its Dockerfile, below).
      const at = workload.build?.location ?? workload.image?.location;
      if (!at) continue;
      for (const state of statePaths(workload, knowledge)) {
        // A mount at a parent of the image's VOLUME does not keep it: an anonymous volume sits inside.
        const shadow = shadowingMount(state, workload.mounts);
        if (!shadow) {
          if (coveringMount(state.path, workload.mounts)) continue;
          // The data directory itself is mounted (postgres ≥ 18 at /var/lib/postgresql/18/docker):
          // kept, and anonymous-state-volume / state-on-tmpfs judge that mount.
          if (state.dataPath && coveringMount(state.dataPath, workload.mounts)) continue;
          // A mount meant for this path sits in the wrong place: misplaced-state-mount reports it.
          if (misplacedMountFor(state, workload.mounts)) continue;
          // `influxdb:latest` over a volume at the 1.x path: a stack set up for the older release, whose
          // new paths (/etc/influxdb2) misplaced-state-mount's advice to pin the tag covers too.
          if (olderLayoutPin(workload, state)) continue;
        }
        // A database of a test or CI file starts fresh by design (compose.ci.yaml, e2e/): a hint, and no volume that would keep stale data.
        const test = !shadow && !state.cacheOnly && !configuration.production && isTestFile(at.file);
        const messageId = test ? 'test' : shadow && !state.cacheOnly ? 'shadowed' : state.cacheOnly ? 'cache' : state.declaredVolume ? (!state.entry && state.dockerfile?.via === 'volume' ? 'dockerfileVolume' : 'anonymous') : 'layer';
        const data: Record<string, string> = { description: state.description, path: state.path, service: workload.name, image: state.entry?.name ?? workload.image?.value ?? workload.name, risk: cacheRiskNote(workload, state), elsewhere: '', file: basename(at.file) };
        // compose.override.yaml mounts it, but compose.yaml + compose.prod.yaml do not load that file.
        const elsewhere = shadow ? undefined : mountedElsewhere(context.configurations ?? [configuration], configuration, workload.name, state.path);
        const loaded = configuration.files.map((f) => basename(f.file));
        if (elsewhere) data.elsewhere = ` ${basename(elsewhere.file)} mounts ${elsewhere.mount.type === 'volume' ? `volume "${elsewhere.mount.source}"` : elsewhere.mount.source} there, but ${loaded.join(' + ')} ${loaded.length > 1 ? 'do' : 'does'} not load it.`;
        if (state.cacheOnly) data.fate = state.declaredVolume ? 'goes to an anonymous volume that `docker compose down` orphans' : 'is lost whenever the container is recreated';
        // Mounts below the path (Cassandra's data/ without its commitlog/) keep only part of it.
        // The VOLUME may be a parent of the path (Nextcloud's /var/www/html for data/).
        data.volume = state.volume ?? state.path;
        if (shadow) data.parent = shadow.target;
        // Only named volumes and bind mounts keep what they hold (an anonymous one is orphaned by `down` too).
        const below = state.cacheOnly || shadow ? [] : workload.mounts.filter((m) => (m.type === 'volume' || m.type === 'bind') && !m.unknown && m.target !== state.path && isSameOrParent(state.path, m.target));
        // The new volume goes where the image's VOLUME is, so Docker creates no anonymous one there.
        const reuse = elsewhere?.mount.type === 'volume' ? elsewhere.mount.source : shadow ? undefined : sharedUploads(configuration, workload, state);
        const planned = planNamedVolume(configuration, workload, shadow ? { ...state, path: state.volume! } : state, reuse === undefined ? taken : new Set([...taken].filter((n) => n !== reuse)), reuse);
        const fixes = test ? [] : lazyFix(planned);
        const side = dockerfileSide(workload, state, at);
        // An override whose `volumes: !reset` drops the mount that held the path caused the
        // loss: report there, with the image and the dropped mount as related locations.
        const dropped = shadow ? undefined : droppedByReset(workload, state.path);
        const partial = !dropped && below.length > 0;
        if (dropped) data.tag = dropped.mode;
        if (partial) {
          data.mounted = below.map((m) => m.target).join(', ');
          data.rest = state.declaredVolume ? 'goes to an anonymous volume that `docker compose down` orphans' : "is written to the container's writable layer and lost whenever the container is recreated";
        }
        const compose: Report = {
          messageId: dropped ? `${messageId}Reset` : partial ? 'partial' : messageId,
          data,
          location: dropped ? dropped.location : at,
          service: workload.name,
          containerPath: state.path,
          severityCap: state.cacheOnly || test ? 'hint' : undefined,
          fixes,
          related: shadow
            ? [{ location: shadow.location, message: `This mount at ${shadow.target} does not reach into the anonymous volume Docker creates at ${state.volume}.` }, ...(side?.composeRelated ?? [])]
            : dropped
            ? [
                { location: at, message: `"${workload.name}" keeps state at ${state.path}.` },
                { location: dropped.mount.location, message: `This mount held ${state.path} until \`volumes: !${dropped.mode}\` dropped it.` },
              ]
            : elsewhere
            ? [{ location: elsewhere.mount.location, message: `Only ${basename(elsewhere.file)} mounts ${state.path}, and ${loaded.join(' + ')} ${loaded.length > 1 ? 'do' : 'does'} not load it.` }, ...(side?.composeRelated ?? [])]
            : !workload.build && workload.imageBuiltBy && state.dockerfile
            ? [{ location: state.dockerfile.location, message: `${workload.image?.value ?? 'The image'} is built from this Dockerfile by another service of the folder.` }]
            : side?.composeRelated,
        };
        context.report(compose);
        dockerfileReports.add(side, state.cacheOnly ? 'inDockerfileCache' : state.declaredVolume ? 'inDockerfileAnonymous' : 'inDockerfileLayer', compose, planned);
      }
    }
    dockerfileReports.flush(context.report);
  },
};

/** The `volumes: !reset` / `!override` that dropped an earlier layer's mount covering `path`. */
function droppedByReset(workload: ComposeWorkload, path: string): { location: Location; mount: Mount; mode: string } | undefined {
  const reset = workload.provenance.volumesReset;
  if (!reset) return undefined;
  const until = workload.layers.indexOf(reset.layer);
  for (const layer of workload.layers.slice(0, Math.max(0, until))) {
    const mount = layer.volumes?.mounts.find((m) => coveringMount(path, [m]) !== undefined);
    if (mount) return { location: reset.location, mount, mode: reset.mode };
  }
  return undefined;
}

/**
 * A mount of the state path that the same service has in another configuration, in a file
 * this one does not load (`compose.override.yaml`'s volume, missing from `compose.yaml` +
 * `compose.prod.yaml`): the finding names it, and the fix reuses its volume.
 */
function mountedElsewhere(all: readonly ComposeConfiguration[], configuration: ComposeConfiguration, service: string, path: string): { mount: Mount; file: string } | undefined {
  const loaded = new Set(configuration.files.map((f) => f.file));
  for (const other of all) {
    // Another configuration of the same project: it loads a file this one loads (the base).
    if (other === configuration || !other.files.some((f) => loaded.has(f.file))) continue;
    const workload = other.workloads.find((w) => w.name === service);
    const mount = workload && coveringMount(path, workload.mounts);
    if (!mount || mount.unknown || (mount.type !== 'volume' && mount.type !== 'bind') || loaded.has(mount.location.file)) continue;
    return { mount, file: mount.location.file };
  }
  return undefined;
}

/** Words of service names that run an application's background work (`cron`, `worker`). */
const BACKGROUND_ROLES = new Set(['cron', 'crond', 'worker', 'workers', 'sidekiq', 'jobs', 'job', 'queue', 'scheduler', 'beat', 'celery', 'tasks']);

/**
 * The named volume another service running the same image mounts at this path, when the path
 * holds uploads and this service is a background role (Dolibarr's `cron` next to its web service,
 * Maybe's Sidekiq `worker`): the files one writes the other must see, so the fix mounts the same
 * volume. Never for a database, nor for a second instance of the application.
 */
function sharedUploads(configuration: ComposeConfiguration, workload: ComposeWorkload, state: StatePath): string | undefined {
  const repository = (image: string | undefined): string | undefined => (image === undefined ? undefined : parseImageRef(image)?.repository);
  const own = repository(workload.image?.value);
  // A background role of the same application (`cron`, `worker`), not a second instance (two sites).
  const role = workload.name.toLowerCase().split(/[^a-z0-9]+/).some((w) => BACKGROUND_ROLES.has(w));
  if ((state.spec?.kind ?? state.kind) !== 'uploads' || own === undefined || !role) return undefined;
  for (const other of configuration.workloads) {
    if (other === workload || repository(other.image?.value) !== own) continue;
    const mount = other.mounts.find((m) => m.type === 'volume' && !m.unknown && m.source !== undefined && m.target === state.path);
    if (mount) return mount.source;
  }
  return undefined;
}

/** A named volume a fix would mount at a state path: the name is chosen when the finding is made. */
export interface NewVolume {
  configuration: ComposeConfiguration;
  workload: ComposeWorkload;
  layer: ServiceLayer;
  name: string;
  state: StatePath;
}

/**
 * Chooses the name of the named volume a fix mounts at the state path (names taken by
 * earlier findings must not be offered twice); undefined when no layer can take it.
 */
export function planNamedVolume(configuration: ComposeConfiguration, workload: ComposeWorkload, state: StatePath, taken: Set<string>, preferred?: string): NewVolume | undefined {
  const layer = layerForNewMount(workload.layers);
  if (!layer) return undefined;
  // The volume another configuration already keeps the path on (the override's `pg`), when this one does not use that name otherwise.
  const reused = preferred !== undefined ? freshVolumeName(configuration, preferred, taken, undefined, true) : undefined;
  const name = reused === preferred && reused !== undefined ? reused : stateVolumeName(configuration, workload.name, state, taken);
  taken.add(name);
  return { configuration, workload, layer, name, state };
}

/**
 * The fix that mounts the planned named volumes, each in its service, declared once per
 * file; empty when one cannot be added. RabbitMQ also gets its fixed `hostname:`.
 */
export function namedVolumesFix(volumes: readonly NewVolume[]): Fix[] {
  const first = volumes[0];
  if (!first) return [];
  const mounts = volumes.map(({ workload, layer, name, state }) => {
    // The new mount is documented from the start, so the fix leaves no undocumented-mount behind.
    const serviceEdits = appendServiceSequenceItem(layer, 'volumes', `${name}:${state.path}`, describeState(state));
    return { edits: serviceEdits.length > 0 ? withNodeName(workload, state, serviceEdits) : [], name, file: layer.file };
  });
  const title = volumes.length === 1 ? `${first.configuration.volumes.has(first.name) ? 'Mount the declared volume' : 'Add named volume'} "${first.name}" at ${first.state.path}` : `Add named volumes ${volumes.map((v) => `"${v.name}"`).join(', ')} at ${first.state.path}`;
  return declaringFix(first.configuration, title, mounts);
}

/** The lazily computed fix for one planned volume. */
function lazyFix(volume: NewVolume | undefined): () => Fix[] {
  let fixes: Fix[] | undefined;
  return () => (fixes ??= volume ? namedVolumesFix([volume]) : []);
}
