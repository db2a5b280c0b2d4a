import { isMap, isSeq, type Node } from 'yaml';
import { interpolate } from '../compose/interpolate';
import { location as composeLocation } from '../compose/parse';
import { deref, effectivePairs, getPair, keyText, nodeSpan, scalarString } from '../compose/yaml';
import type { BuiltImage, ImageReference } from '../model';
import type { ComposeConfiguration, ComposeWorkload } from '../project';
import type { FileHost, Location } from '../types';
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
  args: Map<string, string>;
}

/**
 * Links every workload with `build:` to its Dockerfile (read through the host):
 * sets `workload.build` so state-path analysis sees the base image, `ENV` and
 * `VOLUME`s of the image the service really runs. Returns the links found.
 */
export function linkBuilds(configuration: ComposeConfiguration, host: FileHost, cache: DockerfileCache): BuildLink[] {
  const links: BuildLink[] = [];
  for (const workload of configuration.workloads) {
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

function readArgs(configuration: ComposeConfiguration, doc: Parameters<typeof scalarString>[0], node: Node | undefined, out: Map<string, string>): void {
  const set = (name: string, raw: string): void => {
    const expanded = interpolate(raw, configuration.env);
    if (expanded.unknown) out.delete(name);
    else out.set(name, expanded.value);
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
