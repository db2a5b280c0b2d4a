import { isMap, isScalar, type Pair } from 'yaml';
import { isComposeFileName } from '../compose/files';
import { location, type ComposeFileModel } from '../compose/parse';
import { deref, nodeSpan } from '../compose/yaml';
import type { LintResult } from '../lint';
import type { KnowledgeBase } from '../knowledge/lookup';
import type { Mount, MountType, Workload } from '../model';
import type { ComposeConfiguration } from '../project';
import { isHostInterface, mountDocumented } from '../rules/undocumented-mount';
import { statePaths } from '../state';
import type { Finding, Location } from '../types';

/**
 * The mount inventory: per configuration ("project") and service, every mount with
 * what happens to its data. Pure data built from a lint result; the Markdown and
 * JSON renderers and the `--diff` comparison work on it.
 */

/** `none`: the mount holds no data (a host socket or kernel view), so nothing is kept or lost. */
export type Outcome = 'kept' | 'lost' | 'unknown' | 'none';

/** What happens to a mount's data on each lifecycle event. */
export interface Persistence {
  /** `docker compose restart` (the container is stopped and started). */
  restart: Outcome;
  /** `docker compose down` then `up` (containers are recreated). */
  down: Outcome;
  /** `docker compose down -v` then `up` (named and anonymous volumes are removed). */
  downVolumes: Outcome;
  /** The host (its disk) is lost. */
  hostLoss: Outcome;
}

export interface InventoryMount {
  type: MountType;
  source?: string;
  target: string;
  readOnly: boolean;
  documented: boolean;
  /** For a named volume: declared `external: true`. */
  external: boolean;
  /** For a named volume: its driver when not the local one. */
  driver?: string;
  /** For a named volume bound to a host folder with `driver_opts: {o: bind, device: …}`. */
  device?: string;
  persistence: Persistence;
  location: Location;
  /**
   * Not written in the compose file: the anonymous volume Docker creates for a `VOLUME`
   * of the image (`image`, from the knowledge base) or of the Dockerfile the service
   * builds (`dockerfile`), since no mount targets exactly that path.
   */
  implicit?: 'image' | 'dockerfile';
}

/** How reports name the `VOLUME` an implicit anonymous volume comes from. */
export const IMPLICIT_LABEL: Record<NonNullable<InventoryMount['implicit']>, string> = { image: 'image', dockerfile: 'Dockerfile' };

export interface InventoryService {
  name: string;
  location: Location;
  image?: string;
  mounts: InventoryMount[];
  findings: Finding[];
}

export interface InventoryProject {
  /** The files `docker compose` merges for this configuration, base first. */
  files: string[];
  production: boolean;
  services: InventoryService[];
  /** Findings of this configuration that belong to no service (unused volumes, parse errors). */
  findings: Finding[];
}

export interface Inventory {
  projects: InventoryProject[];
  /** Findings that belong to no project (a Dockerfile no compose service builds). */
  findings: Finding[];
}

/**
 * With `knowledgeFor`, every service also lists the anonymous volumes its image's
 * `VOLUME`s create (those the knowledge base or the built Dockerfile knows of).
 */
export function buildInventory(result: LintResult, knowledgeFor?: (configuration: ComposeConfiguration) => KnowledgeBase): Inventory {
  const projects = result.configurations.map((configuration) => buildProject(configuration, result.findings, knowledgeFor?.(configuration)));
  const shown = new Set<Finding>();
  for (const project of projects) {
    project.findings.forEach((f) => shown.add(f));
    project.services.forEach((s) => s.findings.forEach((f) => shown.add(f)));
  }
  return { projects, findings: result.findings.filter((f) => !shown.has(f)) };
}

function buildProject(configuration: ComposeConfiguration, findings: readonly Finding[], knowledge: KnowledgeBase | undefined): InventoryProject {
  const files = configuration.files.map((f) => f.file);
  // The Dockerfiles the services build belong to the project too.
  const fileSet = new Set([...files, ...configuration.workloads.flatMap((w) => (w.origin.dockerfile !== undefined ? [w.origin.dockerfile] : []))]);
  // A finding whose related locations name a compose file outside this configuration
  // came from another configuration (base + prod, not base + override).
  const inProject = (finding: Finding): boolean =>
    (fileSet.has(finding.location.file) || finding.related.some((r) => fileSet.has(r.location.file))) &&
    finding.related.every((r) => fileSet.has(r.location.file) || !isComposeFileName(r.location.file));
  const undocumented = findings.filter((f) => f.rule === UNDOCUMENTED_RULE);
  const services: InventoryService[] = configuration.workloads.map((workload) => ({
    name: workload.name,
    location: workload.location,
    image: workload.image?.value,
    mounts: [...workload.mounts.map((mount) => inventoryMount(mount, configuration, undocumented)), ...(knowledge ? implicitVolumes(workload, knowledge) : [])],
    findings: findings.filter((f) => f.service === workload.name && inProject(f)),
  }));
  const serviceNames = new Set(services.map((s) => s.name));
  return {
    files,
    production: configuration.production,
    services,
    findings: findings.filter((f) => (f.service === undefined || !serviceNames.has(f.service)) && fileSet.has(f.location.file) && inProject(f)),
  };
}

function inventoryMount(mount: Mount, configuration: ComposeConfiguration, undocumentedFindings: readonly Finding[]): InventoryMount {
  const declared = mount.type === 'volume' && mount.source !== undefined ? configuration.volumes.get(mount.source) : undefined;
  const external = declared?.declaration.external === true;
  const driver = declared?.declaration.driver;
  const device = declared?.declaration.bindDevice;
  const model = configuration.files.find((f) => f.file === mount.location.file);
  // The undocumented-mount rule's own reading where it finds the entry, so check and report agree.
  let documented = mountDocumented(configuration, mount) ?? (model !== undefined && hasComment(model, mount.location));
  if (!documented && mount.type === 'volume' && mount.source !== undefined) {
    // A comment on the volume's top-level declaration, in any file of the configuration.
    documented = configuration.files.some((file) => file.volumes.some((v) => v.name === mount.source && hasComment(file, pairLocation(file, v.pair))));
  }
  // The undocumented-mount rule has the last word where it reported.
  if (documented && undocumentedFindings.some((f) => f.location.file === mount.location.file && samePosition(f.location.range.start, mount.location.range.start))) documented = false;
  // A source from a variable vsafe cannot resolve may be a volume name or a host path.
  const type: MountType = mount.unknown && (mount.type === 'volume' || mount.type === 'bind') ? 'other' : mount.type;
  return {
    type,
    source: mount.source,
    target: mount.target,
    readOnly: mount.readOnly,
    documented,
    external,
    driver: driver !== undefined && driver !== 'local' ? driver : undefined,
    device,
    // A volume the local driver mounts as tmpfs is memory, like a tmpfs mount.
    persistence: isHostInterface(mount)
      ? NO_DATA
      : declared?.declaration.tmpfs
      ? persistence('tmpfs', { external, remoteDriver: false })
      : persistence(type, { external, remoteDriver: driver !== undefined && driver !== 'local', hostFolder: device !== undefined }),
    location: mount.location,
  };
}

/**
 * The anonymous volumes Docker creates for the image's `VOLUME`s: one for every `VOLUME`
 * path no mount targets exactly (moby's `HasMountFor`; a mount at a parent does not
 * count). The image's are those the knowledge base records; a built image's are every
 * `VOLUME` of its Dockerfile, plus its base image's.
 */
function implicitVolumes(workload: Workload, knowledge: KnowledgeBase): InventoryMount[] {
  const found = new Map<string, { implicit: 'image' | 'dockerfile'; location: Location }>();
  for (const volume of workload.build?.volumes ?? []) found.set(volume.path, { implicit: 'dockerfile', location: volume.location });
  for (const state of statePaths(workload, knowledge)) {
    if (!state.declaredVolume || state.volume === undefined || found.has(state.volume)) continue;
    const location = state.dockerfile?.location ?? workload.image?.location ?? workload.location;
    found.set(state.volume, { implicit: state.dockerfile?.via === 'volume' ? 'dockerfile' : 'image', location });
  }
  const mounted = new Set(workload.mounts.map((m) => m.target));
  return [...found]
    .filter(([path]) => !mounted.has(path))
    .map(([target, { implicit, location }]) => ({
      type: 'anonymous',
      target,
      readOnly: false,
      documented: false,
      external: false,
      persistence: persistence('anonymous', { external: false, remoteDriver: false }),
      location,
      implicit,
    }));
}

function pairLocation(model: ComposeFileModel, pair: Pair): Location {
  const [start, end] = nodeSpan(pair);
  return location(model, start, end);
}

export const UNDOCUMENTED_RULE = 'undocumented-mount';

function samePosition(a: Location['range']['start'], b: Location['range']['start']): boolean {
  return a.line === b.line && a.character === b.character;
}

/** A host socket or kernel view: there is no data to keep or lose. */
const NO_DATA: Persistence = { restart: 'none', down: 'none', downVolumes: 'none', hostLoss: 'none' };

/** The persistence verdict of a mount type, as Docker Compose behaves. */
export function persistence(type: MountType, volume: { external: boolean; remoteDriver: boolean; hostFolder?: boolean }): Persistence {
  switch (type) {
    case 'volume':
      return {
        restart: 'kept',
        down: 'kept',
        // `down -v` never removes external volumes; a volume bound to a host folder loses only the volume object.
        downVolumes: volume.external || volume.hostFolder === true ? 'kept' : 'lost',
        // A volume driver that stores elsewhere (NFS, cloud block storage) outlives the host.
        hostLoss: volume.remoteDriver ? 'kept' : 'lost',
      };
    case 'anonymous':
      // `up` after `down` creates a new, empty anonymous volume; the old one is orphaned.
      return { restart: 'kept', down: 'lost', downVolumes: 'lost', hostLoss: 'lost' };
    case 'bind':
      return { restart: 'kept', down: 'kept', downVolumes: 'kept', hostLoss: 'lost' };
    case 'tmpfs':
      return { restart: 'lost', down: 'lost', downVolumes: 'lost', hostLoss: 'lost' };
    default:
      return { restart: 'unknown', down: 'unknown', downVolumes: 'unknown', hostLoss: 'unknown' };
  }
}

/**
 * A comment documents an entry when it is on the entry's first or last line (after
 * it) or on the line directly above it. `# vsafe-ignore…` suppressions are not
 * documentation.
 */
export function hasComment(model: ComposeFileModel, location: Location): boolean {
  const { start, end } = location.range;
  const lines = model.lines;
  const isDoc = (comment: string): boolean => {
    const body = comment.replace(/^#+/, '').trim();
    return body !== '' && !/^vsafe[-:]/.test(body);
  };
  // After the entry on its last line.
  const tail = lines.lineText(end.line).slice(end.character);
  // (`name: # …` for a declaration without options.)
  const tailComment = /^[\s:]*(#.*)$/.exec(tail);
  if (tailComment && isDoc(tailComment[1]!)) return true;
  // At the end of any line of a multi-line entry (long syntax: `- type: volume # …`).
  for (let line = start.line; line < end.line; line++) {
    const comment = commentOnLine(model, line);
    if (comment !== undefined && isDoc(comment)) return true;
  }
  // The line directly above: a full-line comment.
  if (start.line > 0) {
    const above = lines.lineText(start.line - 1).trim();
    if (above.startsWith('#') && isDoc(above)) return true;
  }
  return false;
}

/** The comment at the end of a line, found through the YAML nodes (never a `#` inside a scalar). */
function commentOnLine(model: ComposeFileModel, line: number): string | undefined {
  const text = model.lines.lineText(line);
  const lineStart = model.lines.lineStart(line);
  // Find the last scalar that ends on this line; a comment can only follow it.
  let lastEnd = -1;
  const visit = (node: unknown): void => {
    const n = deref(model.doc, node);
    if (!n) return;
    if (isScalar(n)) {
      const range = n.range;
      if (range && range[1] >= lineStart && range[1] <= lineStart + text.length) lastEnd = Math.max(lastEnd, range[1] - lineStart);
      return;
    }
    if (isMap(n)) {
      for (const pair of n.items) {
        visit(pair.key);
        visit(pair.value);
      }
      return;
    }
    const items = (n as { items?: unknown[] }).items;
    if (Array.isArray(items)) items.forEach(visit);
  };
  visit(model.doc.contents);
  if (lastEnd < 0) return undefined;
  const match = /^\s*(#.*)$/.exec(text.slice(lastEnd));
  return match ? match[1] : undefined;
}
