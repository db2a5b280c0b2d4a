import { findMountNode, mountEntryLocation, retargetMount } from '../edits/mount-edits';
import { layerForNewMount, setEnvironmentVariable, setMappingValue } from '../edits/compose-edits';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import type { Mount } from '../model';
import { isSameOrParent } from '../paths';
import { parseImageRef } from '../knowledge/lookup';
import type { ImageVariantPin } from '../knowledge/types';
import { modelOf } from '../production';
import { replaceRange } from '../edits/text-edits';
import { holdingMount, misplacedMountFor, olderLayoutPin, statePaths, type StatePath } from '../state';
import type { Fix, TextEdit } from '../types';
import type { ComposeRuleContext, Rule } from './types';

/**
 * A mount that targets where the image does not keep its state while the real
 * state path stays unmounted: a target the knowledge base lists as a mistake for the
 * image (postgres ≥ 18 at `/var/lib/postgresql/data`, mysql one level too deep at
 * `/var/lib/mysql/data`), or the default path mounted after `PGDATA` / `--datadir`
 * moved the data elsewhere.
 */
export const misplacedStateMount: Rule = {
  meta: {
    id: 'misplaced-state-mount',
    description: 'A volume is mounted where the image does not keep its state, and the real state path has none.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      postgres18:
        'Service "{{service}}" mounts its volume at {{target}}, but the {{imageRef}} image (PostgreSQL 18 and later) keeps the data in {{dataPath}} and expects the volume at {{path}}: with a mount at {{target}} the server refuses to start, and the data directory would not be on the volume anyway. Mount the volume at {{path}}.{{existing}}',
      known:
        'Service "{{service}}" mounts a volume at {{target}}, but {{image}} keeps its data in {{dataPath}} ({{description}}), which stays off the volume: {{failure}} Mount the volume at {{path}}.{{existing}}',
      toVolume:
        'Service "{{service}}" mounts a volume at {{target}}, but {{image}} keeps its data in {{dataPath}} ({{description}}), which stays off the volume: {{failure}} Set {{variable}} to {{target}} so the data goes to the volume.',
      hostname:
        'Service "{{service}}" keeps the {{description}} on {{mount}}, but {{image}} names its database after the node name (rabbit@<hostname>), and without `hostname:` the hostname is the container ID: every recreated container (`up` after a change, `down` + `up`) starts an empty database on the volume and leaves the old one unused. Set a fixed `hostname:` (or {{env}}).',
      address:
        'Service "{{service}}" keeps the {{description}} on {{mount}}, but {{image}} names its database after the node name ({{pattern}}), and unless {{env}} is set the node name is made from the container\'s IP address, which Docker may change whenever the container is recreated (`up` after a change, `down` + `up`): the node then starts an empty database on the volume and leaves the old one unused. Set {{fixEnv}} to a fixed name (such as {{value}}).',
      moved:
        '{{movedBy}} moves the data of service "{{service}}" to {{path}} ({{description}}), but the volume is mounted at {{target}}, where nothing is written any more: {{failure}} Mount the volume at {{path}}.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    for (const workload of configuration.workloads) {
      // `volumes_from: container:…` may mount the real path: never claim it is unmounted.
      if (workload.opaqueVolumesFrom.length > 0) continue;
      for (const state of statePaths(workload, knowledge)) {
        reportHostnameDependence(context, workload, state);
        const misplaced = misplacedMountFor(state, workload.mounts);
        if (!misplaced) continue;
        const { mount } = misplaced;
        const fixes: Fix[] = [];
        const at = findMountNode(workload.layers, mount);
        // PostgreSQL ≥ 18 images (postgres, pgvector, …) refuse to start with a mount at the old path.
        const postgres18 = misplaced.reason === 'known' && state.dataPath !== undefined && state.path === '/var/lib/postgresql' && mount.target === '/var/lib/postgresql/data';
        // A tag that follows the latest release (`postgres`, `influxdb:latest`) moved to a new layout under
        // a volume an older release filled at its own path: retargeting it starts empty, pinning keeps the data.
        const older = misplaced.reason === 'known' ? olderLayoutPin(workload, state, mount.target) : undefined;
        const pinRef = older ? pinnedRef(workload, state, older.tag) : undefined;
        // Data the image should not keep where it does (a scratch folder) goes to the volume instead.
        const variable = misplaced.reason === 'known' ? state.spec?.movedToVolumeBy : undefined;
        const layer = variable ? layerForNewMount(workload.layers) : undefined;
        const toVolume = variable && layer ? setEnvironmentVariable(layer, variable, mount.target) : [];
        if (toVolume.length > 0) fixes.push({ title: `Set ${variable}: ${mount.target}`, edits: toVolume, isPreferred: true });
        const edits = at && !variable ? retargetMount(at, state.path) : [];
        const empty = state.kind === 'database' ? ' (a new, empty database)' : ' (starts empty)';
        if (edits.length > 0) fixes.push({ title: `Mount at ${state.path} instead of ${mount.target}${older ? empty : ''}`, edits, isPreferred: !older });
        if (older && pinRef) fixes.push(...pinFix(configuration, workload, pinRef, older.keeps));
        context.report({
          messageId: postgres18 ? 'postgres18' : variable ? 'toVolume' : misplaced.reason,
          data: {
            service: workload.name,
            target: mount.target,
            path: state.path,
            dataPath: state.dataPath ?? state.path,
            image: state.entry?.name ?? workload.image?.value ?? workload.name,
            // The image as written (`postgres:18-alpine`): the entry name would repeat "PostgreSQL".
            imageRef: workload.image?.value ?? state.entry?.name ?? workload.name,
            description: state.description,
            failure: failure(state),
            movedBy: movedBy(state),
            existing: existingDataNote(postgres18, state, mount.target, older, pinRef),
            variable: variable ? `\`${variable}\`` : '',
          },
          location: at ? mountEntryLocation(at) : mount.location,
          service: workload.name,
          containerPath: state.path,
          severityCap: state.cacheOnly ? 'hint' : undefined,
          fixes,
        });
      }
    }
  },
};

/**
 * A state path kept on a volume under a directory named after the container's hostname
 * (RabbitMQ's mnesia/rabbit@<hostname>) while the service sets no fixed hostname.
 */
function reportHostnameDependence(context: ComposeRuleContext, workload: ComposeWorkload, state: StatePath): void {
  if (!needsHostname(workload, state)) return;
  // The volume at the path, or one below it (`/var/lib/rabbitmq/mnesia`): either holds the node-named folder.
  const keeps = (m: Mount): boolean => (m.type === 'volume' || m.type === 'bind') && !m.unknown;
  const holder = holdingMount(state, workload.mounts);
  const mount = holder && keeps(holder) ? holder : workload.mounts.find((m) => keeps(m) && m.target !== state.path && isSameOrParent(state.path, m.target));
  if (!mount) return;
  const at = findMountNode(workload.layers, mount);
  const edits = hostnameEdits(workload, state);
  const named = state.entry?.nodeNamedByHostname;
  const address = named?.address;
  context.report({
    messageId: address ? 'address' : 'hostname',
    data: {
      service: workload.name,
      description: state.description,
      mount: mount.type === 'volume' ? `volume "${mount.source}"` : `bind mount ${mount.source}`,
      image: state.entry?.name ?? workload.image?.value ?? workload.name,
      env: (named?.env ?? []).map((name) => `\`${name}\``).join(' or '),
      ...(address ? { pattern: address.pattern, fixEnv: `\`${address.env}\``, value: address.value } : {}),
    },
    location: at ? mountEntryLocation(at) : mount.location,
    service: workload.name,
    containerPath: state.path,
    // A container ID changes on every recreate; an address only may (Docker often hands out the same one).
    severityCap: address ? 'warning' : undefined,
    fixes: edits.length > 0 ? [{ title: address ? `Set ${address.env}: ${address.value}` : `Set hostname: ${workload.name}`, edits, isPreferred: true }] : [],
  });
}

function needsHostname(workload: ComposeWorkload, state: StatePath): boolean {
  const byHostname = state.entry?.nodeNamedByHostname;
  // The variables may come from the compose file or the Dockerfile the service builds.
  const set = (name: string): boolean => workload.environment.has(name) || workload.build?.environment.has(name) === true;
  // A node named after the container's address is not helped by `hostname:`.
  return byHostname !== undefined && (byHostname.address !== undefined || !workload.hostname) && !byHostname.env.some(set);
}

/**
 * Fixes the node name when the state's directory is named after it and nothing fixes it:
 * `hostname:` set to the service name (RabbitMQ), or the variable that names the node
 * (EMQX). Fixes that put such a path on a volume add it, so they leave no finding behind.
 */
export function hostnameEdits(workload: ComposeWorkload, state: StatePath): TextEdit[] {
  if (!needsHostname(workload, state)) return [];
  const layer = layerForNewMount(workload.layers);
  const map = layer?.entry.map;
  if (!layer || !map) return [];
  const address = state.entry?.nodeNamedByHostname?.address;
  return address ? setEnvironmentVariable(layer, address.env, address.value) : setMappingValue(layer.file, map, 'hostname', workload.name);
}

/**
 * A fix's mount edits with the node-name fix ({@link hostnameEdits}). Both may insert at the
 * end of the service: a variable must go into `environment:` before a new `volumes:` block
 * starts there, while `hostname:` goes after the mount's own edits (a trailing comment of a
 * flow list stays on its line).
 */
export function withNodeName(workload: ComposeWorkload, state: StatePath, mountEdits: readonly TextEdit[]): TextEdit[] {
  const nodeName = hostnameEdits(workload, state);
  return state.entry?.nodeNamedByHostname?.address ? [...nodeName, ...mountEdits] : [...mountEdits, ...nodeName];
}

/**
 * The image pinned to `version`: `postgres` → `postgres:17`, `influxdb:alpine` → `influxdb:1.8-alpine`.
 * None for an image whose version is not the tag's leading number (`pgvector/pgvector:pg17`).
 */
function pinnedRef(workload: ComposeWorkload, state: StatePath, version: string): string | undefined {
  const image = workload.image?.value;
  if (image === undefined || state.entry?.versionPattern !== undefined) return undefined;
  const tag = parseImageRef(image)?.tag;
  const name = tag === undefined ? image : image.slice(0, image.length - tag.length - 1);
  return tag === undefined || tag === 'latest' ? `${name}:${version}` : `${name}:${version}-${tag}`;
}

/** What the message adds about the data a floating tag's volume already holds. */
function existingDataNote(postgres18: boolean, state: StatePath, target: string, older: ImageVariantPin | undefined, pinRef: string | undefined): string {
  if (!older) return '';
  const example = pinRef ? ` (such as ${pinRef})` : '';
  if (postgres18) {
    return ` The tag follows the latest release, so a volume made before PostgreSQL 18 holds an older cluster, which PostgreSQL 18 refuses at ${state.path} too: pin the image to the major version that made it${example} or upgrade the data with pg_upgrade first.`;
  }
  return ` The tag follows the latest release, so the volume at ${target} likely holds ${older.keeps}, which this release does not read at ${state.path} either: pin the image to the release that made it${example} or migrate the data first.`;
}

/** Replaces the image reference with `ref` (the written quotes kept); offered by hand only. */
function pinFix(configuration: ComposeConfiguration, workload: ComposeWorkload, ref: string, keeps: string): Fix[] {
  const image = workload.image;
  const model = image ? modelOf(configuration, image.location.file) : undefined;
  if (!image || !model || image.raw !== image.value) return [];
  const start = model.lines.offsetAt(image.location.range.start);
  const end = model.lines.offsetAt(image.location.range.end);
  const written = model.text.slice(start, end);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  if (written !== `${quote}${image.raw}${quote}`) return [];
  return [{ title: `Pin the image to ${ref} (keeps ${keeps})`, edits: [replaceRange(model.file, model.lines, start, end, `${quote}${ref}${quote}`)], isPreferred: false }];
}

function failure(state: StatePath): string {
  if (state.declaredVolume) return "the image's VOLUME puts it in an anonymous volume that `docker compose down` orphans, so the next `up` starts empty.";
  return "it is written to the container's writable layer and lost whenever the container is recreated.";
}

function movedBy(state: StatePath): string {
  if (state.origin.kind === 'env') return `${state.origin.name}`;
  if (state.origin.kind === 'flag') return `The ${state.origin.flag} flag`;
  if (state.origin.kind === 'argument') return `The command argument after ${state.origin.after}`;
  return 'The command';
}

