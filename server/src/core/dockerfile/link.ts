import { isMap, isSeq, type Node } from 'yaml';
import { interpolate } from '../compose/interpolate';
import { location as composeLocation } from '../compose/parse';
import { deref, effectivePairs, getPair, keyText, nodeSpan, scalarString } from '../compose/yaml';
import type { BuiltImage, ImageReference, InlineDockerfile } from '../model';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import type { FileHost, Location, Position, Range } from '../types';
import type { DockerfileCache } from './cache';
import { stageChain, targetStage, UNKNOWN, type DockerfileModel, type DockerStage } from './model';

/** A compose service linked to the Dockerfile it builds. */
export interface BuildLink {
  configuration: ComposeConfiguration;
  workload: ComposeWorkload;
  dockerfile: DockerfileModel;
  /** The stage the build produces (`build.target`, or the last stage). */
  stage: DockerStage;
}

interface BuildSettings {
  /** The `build:` value of the last file that sets it. */
  location: Location;
  target?: string;
  /** undefined: the compose file passes the argument, but its value is not known (the Dockerfile's default does not apply). */
  args: Map<string, string | undefined>;
}

/**
 * Links every workload with `build:` to its Dockerfile (read through the host):
 * sets `workload.build` so state-path analysis sees the base image, `ENV` and
 * `VOLUME`s of the image the service really runs. Returns the links found.
 */
export function linkBuilds(configuration: ComposeConfiguration, host: FileHost, cache: DockerfileCache): BuildLink[] {
  const links: BuildLink[] = [];
  for (const workload of configuration.workloads) {
    const inline = workload.origin.dockerfileInline;
    if (inline) {
      linkInline(configuration, workload, inline, cache);
      continue;
    }
    const file = workload.origin.dockerfile;
    if (file === undefined) continue;
    const text = host.readFile(file);
    if (text === undefined) continue;
    const settings = buildSettings(configuration, workload);
    if (!settings) continue;
    const dockerfile = cache.get(file, text, settings.args);
    const stage = targetStage(dockerfile, settings.target);
    if (!stage) continue;
    workload.build = builtImage(dockerfile, stage, settings.location);
    links.push({ configuration, workload, dockerfile, stage });
  }
  return links;
}

/**
 * A service built from `build.dockerfile_inline`: its image is analysed like a Dockerfile
 * on disk, with every location moved into the compose file. No link is returned: there is
 * no Dockerfile file whose own findings could be reported.
 */
function linkInline(configuration: ComposeConfiguration, workload: ComposeWorkload, inline: InlineDockerfile, cache: DockerfileCache): void {
  const settings = buildSettings(configuration, workload);
  if (!settings) return;
  // The cache is keyed by file: one key per service, never a path on disk.
  const dockerfile = cache.get(`${inline.location.file}#services.${workload.name}.build.dockerfile_inline`, inline.text, settings.args);
  const stage = targetStage(dockerfile, settings.target);
  if (!stage) return;
  const image = builtImage(dockerfile, stage, settings.location);
  const move = (location: Location): Location => inlineLocation(inline, location.range);
  workload.build = {
    ...image,
    dockerfile: inline.location.file,
    inline: true,
    base: image.base && { ...image.base, location: move(image.base.location) },
    environmentLocations: new Map([...image.environmentLocations].map(([name, location]) => [name, move(location)])),
    volumes: image.volumes.map((volume) => ({ ...volume, location: move(volume.location) })),
  };
}

/** Where a range of an inline Dockerfile is in the compose file. */
export function inlineLocation(inline: InlineDockerfile, range: Range): Location {
  const start = inline.lines?.[range.start.line];
  const end = inline.lines?.[range.end.line];
  if (!start || !end) return inline.location;
  const at = (line: NonNullable<InlineDockerfile['lines']>[number], character: number, edge: 'start' | 'end'): Position =>
    // A line interpolation changed has no column map: the range covers the whole line.
    ({ line: line.line, character: line.exact ? line.character + character : edge === 'start' ? line.character : line.end });
  return { file: inline.location.file, range: { start: at(start, range.start.character, 'start'), end: at(end, range.end.character, 'end') } };
}

/** The image a stage produces, as the neutral model describes it. */
export function builtImage(dockerfile: DockerfileModel, stage: DockerStage, location: Location): BuiltImage {
  const chain = stageChain(dockerfile, stage);
  const root = chain[0]!;
  const at = (range: DockerStage['from']['range']): Location => ({ file: dockerfile.file, range });
  let base: ImageReference | undefined;
  if (root.image && root.parent === undefined && root.image.value.toLowerCase() !== 'scratch') {
    // An unknown part stays visibly unknown (`postgres:${?}`): no version-specific guess.
    base = { raw: root.image.raw, value: root.image.value.split(UNKNOWN).join('${?}'), unknown: root.image.unknown, location: at(root.image.range) };
  }
  const environment = new Map<string, string>();
  const environmentLocations = new Map<string, Location>();
  const volumes: BuiltImage['volumes'] = [];
  let command: string[] | undefined;
  let entrypoint: string[] | undefined;
  for (const s of chain) {
    for (const assignment of s.env) {
      // A value vsafe cannot know stays visibly unknown, so a path it moves is not guessed.
      environment.set(assignment.name, assignment.value ?? '${?}');
      environmentLocations.set(assignment.name, at(assignment.range));
    }
    for (const volume of s.volumes) if (!volume.unknown) volumes.push({ path: volume.path, location: at(volume.range) });
    if (s.entrypoint) {
      entrypoint = s.entrypoint;
      command = s.cmd;
    } else if (s.cmd) command = s.cmd;
  }
  return { dockerfile: dockerfile.file, location, base, environment, environmentLocations, volumes, command, entrypoint };
}

/** `build:` of the merged service: where it is written, `target` and `args` (later files win). */
function buildSettings(configuration: ComposeConfiguration, workload: ComposeWorkload): BuildSettings | undefined {
  let settings: BuildSettings | undefined;
  for (const layer of workload.layers) {
    const map = layer.entry.map;
    if (!map) continue;
    const doc = layer.file.doc;
    const pair = getPair(doc, map, 'build');
    if (!pair) continue;
    const value = deref(doc, pair.value);
    // `build: ./db` at its value; a `build:` mapping at its key (the mapping spans many lines).
    const keyNode = pair.key as Node | null;
    const [start, end] = value && !isMap(value) ? nodeSpan(value) : keyNode?.range ? nodeSpan(keyNode) : nodeSpan(pair);
    const next: BuildSettings = { location: composeLocation(layer.file, start, end), target: settings?.target, args: new Map(settings?.args ?? []) };
    if (isMap(value)) {
      const target = scalarString(doc, getPair(doc, value, 'target')?.value);
      if (target !== undefined) {
        const expanded = interpolate(target, configuration.env);
        next.target = expanded.unknown ? undefined : expanded.value;
      }
      readArgs(configuration, doc, deref(doc, getPair(doc, value, 'args')?.value), next.args);
    }
    settings = next;
  }
  return settings;
}

function readArgs(configuration: ComposeConfiguration, doc: Parameters<typeof scalarString>[0], node: Node | undefined, out: Map<string, string | undefined>): void {
  // An unset variable is passed as an empty string, not left out: the ARG's default does not apply.
  const set = (name: string, raw: string): void => {
    const expanded = interpolate(raw, configuration.env);
    out.set(name, expanded.unknown ? undefined : expanded.value);
  };
  if (isMap(node)) {
    for (const pair of effectivePairs(doc, node)) {
      const name = keyText(pair);
      const raw = scalarString(doc, pair.value);
      if (name !== undefined && raw !== undefined) set(name, raw);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const raw = scalarString(doc, item);
      const eq = raw?.indexOf('=') ?? -1;
      if (raw !== undefined && eq > 0) set(raw.slice(0, eq), raw.slice(eq + 1));
    }
  }
}
