import { composeFileRole } from '../compose/files';
import type { Environment } from '../compose/interpolate';
import type { ComposeFileModel } from '../compose/parse';
import { MountEntryReports } from '../compose/mounts';
import { readServiceLayer } from '../compose/service';
import {
  appendRawSequenceItem,
  findServiceSequenceItem,
  newFileWithSequenceItem,
  removeSequenceItem,
  sequenceItemCommentLines,
  sequenceItemLines,
} from '../edits/compose-edits';
import type { KnowledgeBase } from '../knowledge/lookup';
import type { Mount } from '../model';
import { basename, isSameOrParent, joinPath } from '../paths';
import { describeProductionReason, productionInfo, type ProductionInfo } from '../production';
import { configurationsByFile, type ComposeConfiguration, type ComposeWorkload } from '../project';
import { statePaths } from '../state';
import { servicesMounting } from '../text';
import type { Fix, Location, RelatedInformation, TextEdit } from '../types';
import { modelOf } from '../production';
import type { Rule } from './types';

/** Folder names that hold code. */
const SOURCE_NAMES = new Set([
  'src', 'source', 'sources', 'app', 'apps', 'lib', 'libs', 'code', 'backend', 'frontend', 'server', 'client', 'api', 'web', 'webapp',
  'packages', 'pkg', 'cmd', 'internal', 'components', 'modules', 'plugins', 'themes', 'wp-content', 'django', 'flask', 'rails', 'laravel',
]);

/** Folder and file names that hold data or configuration, never code, even inside the build context. */
const DATA_WORD = /(?:^|[-_.])(?:data|db|database|pgdata|mysql|postgres|postgresql|mongo|redis|uploads?|media|storage|backups?|logs?|certs?|ssl|tls|letsencrypt|secrets?|cache|tmp|temp|volumes?|config|conf|configs|etc|initdb|init|docker-entrypoint-initdb\.d|dumps?|files|static|assets|shared|var|run|sock|images?|img|avatars?|photos?|pictures|attachments?|documents|downloads?|exports?|outputs?|hotdir)(?:$|[-_.])/i;

/** Extensions of single source files (a bind of one config file is not source). */
const SOURCE_FILE = /\.(?:js|mjs|cjs|jsx|ts|tsx|py|rb|php|go|java|kt|scala|rs|ex|exs|erl|pl|pm|lua|cs|fs|vue|svelte)$/i;

/** Container folders where images conventionally keep their application code. */
const APP_TARGETS = ['/app', '/usr/src/app', '/usr/src', '/usr/app', '/code', '/src', '/var/www/html', '/var/www', '/srv/app', '/opt/app', '/workspace', '/home/node/app', '/home/app'];

/** Container paths that are configuration, sockets or scratch space, never the application. */
const NEVER_SOURCE_TARGETS = ['/etc', '/docker-entrypoint-initdb.d', '/run', '/var/run', '/tmp', '/dev', '/proc', '/sys', '/var/lib', '/var/log', '/certs'];

/** Why a bind mount is source code, or undefined. */
export function sourceReason(mount: Mount, workload: ComposeWorkload, configuration: ComposeConfiguration, knowledge: KnowledgeBase): string | undefined {
  if (mount.type !== 'bind' || mount.unknown || !mount.source) return undefined;
  if (NEVER_SOURCE_TARGETS.some((t) => isSameOrParent(t, mount.target))) return undefined;
  const raw = mount.source.replace(/\\/g, '/');
  if (raw.startsWith('~') || /^[A-Za-z]:\//.test(raw)) return undefined;
  const host = mount.hostPath ?? joinPath(configuration.dir, raw);
  const project = configuration.dir;
  const context = workload.origin.buildContext;
  const states = statePaths(workload, knowledge);
  // Mounted at or inside a state path (`.:/data` for a game server's world): data, not source.
  if (states.some((s) => isSameOrParent(s.path, mount.target))) return undefined;
  // The whole checkout stays source where a state path only lies below it (Symfony's VOLUME /srv/app/var).
  if (context && host === context) return 'the build context';
  if (host === project) return 'the project folder';
  if (states.some((s) => isSameOrParent(mount.target, s.path))) return undefined;
  const name = basename(host);
  const isFile = /\.[A-Za-z0-9]+$/.test(name) && name !== '.' && name !== '..';
  if (isFile) {
    if (!SOURCE_FILE.test(name)) return undefined;
    if (context && isSameOrParent(context, host)) return 'a source file of the build context';
    return isSameOrParent(project, host) ? 'a source file of the project' : undefined;
  }
  // `..` reaches the checkout around the project; an absolute parent (`/:/rootfs:ro` for
  // monitoring agents, `/tmp`) is a host folder that holds the checkout only by accident.
  if (isSameOrParent(host, project) && !raw.startsWith('/')) return 'a parent of the project folder';
  if (DATA_WORD.test(name)) return undefined;
  // A source name counts where code runs from: the image is built here, or the folder lands on
  // the application's folder. Neo4j's ./plugins:/plugins holds jars the image loads, not source.
  if (SOURCE_NAMES.has(name.toLowerCase()) && (context || APP_TARGETS.some((t) => isSameOrParent(t, mount.target)))) {
    return context && isSameOrParent(context, host) ? 'a source folder of the build context' : 'a source folder';
  }
  if (context && isSameOrParent(context, host)) {
    // Inside the build context: source when it overlays the same path of the application
    // (`./backend/app:/code/app`), or the application folder itself.
    const relative = host.slice(context.length + 1);
    const underApp = APP_TARGETS.some((t) => isSameOrParent(t, mount.target));
    if ((underApp && mount.target.endsWith('/' + relative)) || APP_TARGETS.includes(mount.target)) return 'a folder of the build context';
    return undefined;
  }
  if (isSameOrParent(project, host) && APP_TARGETS.some((t) => mount.target === t)) return `a project folder mounted over the application folder ${mount.target}`;
  return undefined;
}

export const sourceBindMountInProduction: Rule = {
  meta: {
    id: 'source-bind-mount-in-production',
    description: 'A production configuration bind-mounts source code from the host over the code in the image.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      production:
        '{{Services}} {{mounts}} {{source}} ({{why}}) at {{target}} in production. The container runs whatever the host folder holds instead of the code built into the image: deploys are not reproducible, a `git pull` or a stray edit on the server changes production, and a fresh server without the checkout starts with an empty {{target}}. Remove the mount from {{file}}; {{keep}}.',
      base:
        '{{Services}} {{mounts}} {{source}} ({{why}}) at {{target}}, and this mount is also deployed with {{production}}. In production the container runs whatever the host folder holds instead of the code built into the image: deploys are not reproducible and a fresh server without the checkout starts with an empty {{target}}. Move the mount to {{override}}, which only development loads.',
    },
  },
  checkCompose(context) {
    const { configuration, knowledge } = context;
    if (!configuration.production) return;
    const info = productionInfo(configuration);
    if (info.productionFiles.length === 0) return;
    const entries = new MountEntryReports(configuration);
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.inherited || entries.done(mount)) continue;
        if (info.developmentFiles.includes(mount.location.file)) continue;
        const why = sourceReason(mount, workload, configuration, knowledge);
        if (!why) continue;
        const model = modelOf(configuration, mount.location.file);
        if (!model) continue;
        const fromBase = composeFileRole(model.file).kind === 'base' && info.override !== undefined;
        // Every production configuration this mount survives into (compose.prod.yaml and compose.release.yaml
        // both merged on the base): one finding naming them all, the same from each configuration.
        const deployedWith = productionConfigurationsWith(configuration, context.configurations ?? [configuration], workload.name, mount, model);
        if (deployedWith.length === 0) continue;
        const related = deployedWith.flatMap(([c, i]) => relatedProduction(c, i, workload, model.file));
        const production = [...new Set(deployedWith.flatMap(([, i]) => i.productionFiles.filter((p) => p.file !== model.file).map((p) => basename(p.file))))].sort();
        const { services, shared } = entries.take(mount, workload.name);
        context.report({
          messageId: fromBase ? 'base' : 'production',
          data: {
            ...servicesMounting(services),
            source: mount.source ?? '',
            target: mount.target,
            why,
            file: basename(model.file),
            production: production.length > 0 ? production.join(', ') : `${basename(model.file)} (${describeProductionReason(info.productionFiles[0]!)})`,
            override: info.override ? basename(info.override.file) : 'compose.override.yaml',
            keep: info.unlistedDevelopment ? 'keep it for development in a file only development loads (COMPOSE_FILE in .env lists none yet)' : 'keep it in compose.override.yaml for development',
          },
          location: mount.location,
          service: workload.name,
          services: shared,
          containerPath: mount.target,
          related,
          // Included and extended files are shared with other configurations: no automatic edit there.
          fixes: configuration.files.includes(model) ? () => fixesFor(workload, mount, model, info, fromBase, configuration.env) : [],
        });
      }
    }
  },
};

/**
 * The production configurations a mount of `from` is deployed with. A production file that
 * restates every service of `from` with its own `image` or `build` is a complete, standalone
 * file (`docker compose -f docker-compose.prod.yml up`, the common Django/Flask layout), not an
 * overlay: the development mounts of the base do not reach production through it.
 */
function productionConfigurationsWith(current: ComposeConfiguration, all: readonly ComposeConfiguration[], service: string, mount: Mount, from: ComposeFileModel): [ComposeConfiguration, ProductionInfo][] {
  const result: [ComposeConfiguration, ProductionInfo][] = [];
  // Only a configuration that reads the mount's file can deploy it.
  const reading = configurationsByFile(all, 'read').get(mount.location.file) ?? [];
  for (const configuration of reading.includes(current) ? reading : [current, ...reading]) {
    if (!configuration.production) continue;
    const info = productionInfo(configuration);
    const others = info.productionFiles.filter((p) => p.file !== from.file);
    if (others.length === info.productionFiles.length && others.every((p) => standaloneOver(modelOf(configuration, p.file), from))) continue;
    const workload = configuration.workloads.find((w) => w.name === service);
    const survives = workload?.mounts.some((m) => !m.inherited && m.location.file === mount.location.file && m.location.range.start.line === mount.location.range.start.line && m.location.range.start.character === mount.location.range.start.character);
    if (survives) result.push([configuration, productionInfo(configuration)]);
  }
  return result;
}

function relatedProduction(configuration: ComposeConfiguration, info: ProductionInfo, workload: ComposeWorkload, reportedIn: string): RelatedInformation[] {
  const related: RelatedInformation[] = [];
  for (const entry of info.productionFiles) {
    if (entry.file === reportedIn) continue;
    const model = configuration.files.find((f) => f.file === entry.file);
    const service = model?.services.find((s) => s.name === workload.name);
    const location: Location = service?.keyLocation ?? { file: entry.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    related.push({ location, message: `${describeProductionReason(entry)}; it is merged on ${basename(reportedIn)}` });
  }
  return related;
}

function fixesFor(workload: ComposeWorkload, mount: Mount, model: ComposeFileModel, info: ProductionInfo, fromBase: boolean, env: Environment): Fix[] {
  const layer = workload.layers.find((l) => l.file.file === model.file);
  if (!layer) return [];
  const start = model.lines.offsetAt(mount.location.range.start);
  // The service's own list, or an anchor's list it merges (`<<: *app`), shared by every service that merges it.
  const found = findServiceSequenceItem(layer, 'volumes', start, workload.name);
  if (!found) return [];
  const removal = removeSequenceItem(model, found.pair, found.seq, found.index);
  if (removal.length === 0) return [];
  const shared = found.services.length > 1 ? ` (shared by services ${found.services.join(', ')})` : '';
  if (!fromBase || !info.override) {
    // Removed from a base that COMPOSE_FILE also loads for development, the mount would be gone there too: by hand only.
    const loadedByDevelopment = info.unlistedDevelopment === true && composeFileRole(model.file).kind === 'base';
    return [{ title: `Remove the source bind mount ${mount.source}:${mount.target} from ${basename(model.file)}${shared}`, edits: removal, isPreferred: !loadedByDevelopment }];
  }
  const override = info.override;
  const lines = sequenceItemLines(model, found.item);
  if (!lines) return [];
  const comments = sequenceItemCommentLines(model, found.item);
  const title = `Move the source bind mount ${mount.source}:${mount.target} to ${basename(override.file)} (development only)${shared}`;
  if (!override.model) {
    return [{ title, edits: removal, createFiles: [{ file: override.file, text: newFileWithSequenceItem(found.services, 'volumes', lines, comments) }], isPreferred: true }];
  }
  if (override.model.problems.length > 0) return [];
  const overrideModel = override.model;
  // Each service keeps the mount in development, unless the override already mounts something at the target.
  // Services the override lacks are added at the end of its `services:`, where the last service there also
  // gets its lines: inserts at one place apply in order, so the services already there come first.
  const inOverride = (service: string): boolean => overrideModel.services.some((entry) => entry.name === service);
  const additions: TextEdit[] = [];
  for (const service of [...found.services.filter(inOverride), ...found.services.filter((s) => !inOverride(s))]) {
    if (overrideHasTarget(overrideModel, service, mount.target, env)) continue;
    const addition = appendRawSequenceItem(overrideModel, service, 'volumes', lines, comments);
    if (addition.length === 0) return [];
    additions.push(...addition);
  }
  if (additions.length === 0) return [{ title: `Remove the source bind mount ${mount.source}:${mount.target} (${basename(override.file)} already mounts ${mount.target})${shared}`, edits: removal, isPreferred: true }];
  return [{ title, edits: [...removal, ...additions], isPreferred: true }];
}

/** The override file already mounts something at the target (so removing from the base is enough). */
function overrideHasTarget(model: ComposeFileModel, service: string, target: string, env: Environment): boolean {
  const entry = model.services.find((s) => s.name === service);
  if (!entry) return false;
  return readServiceLayer(model, entry, env).volumes?.mounts.some((m) => m.target === target) === true;
}

/**
 * `candidate` restates every service of `base` with its own image or build, and its own
 * `volumes:` wherever the base has some: a complete file, not an overlay that swaps images.
 */
export function standaloneOver(candidate: ComposeFileModel | undefined, base: ComposeFileModel): boolean {
  if (!candidate || candidate.services.length === 0 || base.services.length === 0) return false;
  const keys = (map: ComposeFileModel['services'][number]['map']): Set<unknown> => new Set((map?.items ?? []).map((pair) => (pair.key as { value?: unknown } | null)?.value));
  return base.services.every((service) => {
    const own = candidate.services.find((s) => s.name === service.name);
    if (!own?.map) return false;
    const ownKeys = keys(own.map);
    if (!ownKeys.has('image') && !ownKeys.has('build')) return false;
    return !keys(service.map).has('volumes') || ownKeys.has('volumes');
  });
}
