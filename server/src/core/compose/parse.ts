import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { FileProblem, Location } from '../types';
import { asMap, deref, effectivePairs, getPair, getValue, keyText, nodeSpan, parseYamlDocuments, scalarString } from './yaml';

/** A scalar as written in a compose file (before interpolation) and where it is. */
export interface RawScalar {
  raw: string;
  location: Location;
}

/** `extends: base` or `extends: {service: base, file: common.yaml}` on a service. */
export interface ExtendsReference {
  service: RawScalar | undefined;
  file?: RawScalar;
  /** The whole `extends:` pair. */
  location: Location;
}

export interface ServiceEntry {
  name: string;
  pair: Pair;
  /** The service's mapping; undefined for `db:` with no value or a non-mapping. */
  map: YAMLMap | undefined;
  keyLocation: Location;
  extends?: ExtendsReference;
}

/** One `include:` item: `- path.yaml` or `- {path: [a.yaml, b.yaml], project_directory, env_file}`. */
export interface IncludeEntry {
  /** The sequence item. */
  location: Location;
  paths: RawScalar[];
  projectDirectory?: RawScalar;
  envFiles: RawScalar[];
}

export interface TopLevelVolume {
  name: string;
  pair: Pair;
  keyLocation: Location;
  external: boolean;
  driver?: string;
  /** `name:` — the engine-level volume name, when it differs from the key. */
  volumeName?: string;
  /** `driver_opts: {type: none, o: bind, device: /srv/data}`: the volume is really a host directory. */
  bindDevice?: string;
  /** The local driver's `driver_opts: {type: tmpfs}`: the volume lives in memory, emptied whenever no container mounts it. */
  tmpfs?: boolean;
}

/** One compose file (or one `---` document of it), parsed once, with the nodes rules and fixes need. */
export interface ComposeFileModel {
  file: string;
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  problems: FileProblem[];
  root: YAMLMap | undefined;
  servicesPair: Pair | undefined;
  services: ServiceEntry[];
  volumesPair: Pair | undefined;
  volumes: TopLevelVolume[];
  /** Top-level `name:` (the project name), as written. */
  projectName?: RawScalar;
  /** The top-level `include:` pair and its entries. */
  includePair?: Pair;
  includes: IncludeEntry[];
  /**
   * Every document of the file in order, this model first. `docker compose` merges
   * the documents of one file like successive files; the later ones share file, text
   * and lines with the first and have no `documents` of their own.
   */
  documents: ComposeFileModel[];
  /** 0 for the first document. */
  documentIndex: number;
}

/** A range in a model's file; trailing whitespace and line breaks (block collections end on the next line) are left out. */
export function location(model: { file: string; lines: LineIndex }, start: number, end: number): Location {
  const text = model.lines.text;
  let trimmed = end;
  while (trimmed > start && isWhitespace(text.charCodeAt(trimmed - 1))) trimmed--;
  return { file: model.file, range: model.lines.range(start, trimmed) };
}

/** Space, tab, line breaks, and the rarer whitespace `\s` matches (called for every located node: no regex). */
function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a) || code === 0x1680 || code === 0x202f || code === 0x205f || code === 0x3000;
}

export function nodeLocation(model: { file: string; lines: LineIndex }, node: Node | Pair): Location {
  const [start, end] = nodeSpan(node);
  return location(model, start, end);
}

export function parseComposeFile(file: string, text: string): ComposeFileModel {
  const lines = new LineIndex(text);
  let docs: Document.Parsed[];
  try {
    const depth = flowDepth(text);
    // The YAML parser recurses per level: hostile nesting would exhaust the stack or the heap.
    if (depth > MAX_FLOW_DEPTH) throw new Error(`collections are nested ${depth} levels deep (vsafe reads at most ${MAX_FLOW_DEPTH})`);
    const indent = maxIndent(text);
    if (indent > MAX_INDENT) throw new Error(`a line is indented ${indent} columns (vsafe reads at most ${MAX_INDENT})`);
    docs = parseYamlDocuments(text);
  } catch (error) {
    // Pathological input (nesting deep enough to exhaust the stack): one problem, no model.
    const model = emptyModel(file, text, lines, parseYamlDocumentsSafe(), 0);
    model.problems.push({ file, range: lines.range(0, 0), message: `The file could not be parsed: ${error instanceof Error ? error.message : String(error)}` });
    model.documents = [model];
    return model;
  }
  const models = docs.map((doc, index) => readDocument(file, text, lines, doc, index));
  const first = models[0]!;
  first.documents = models;
  for (const other of models.slice(1)) {
    first.problems.push(...other.problems);
    other.problems = [];
  }
  return first;
}

const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 400;

/** Deepest `[` / `{` nesting outside quotes and comments (an upper bound is enough). */
export function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === ']' || ch === '}') {
      if (depth > 0) depth--;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '"' || (ch === "'" && (i === 0 || /[\s\[{,:-]/.test(text[i - 1]!)))) {
      for (i++; i < text.length && text[i] !== ch; i++) if (ch === '"' && text[i] === '\\') i++;
    }
  }
  return max;
}

function maxIndent(text: string): number {
  let max = 0;
  let column = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      atStart = true;
      column = 0;
    } else if (atStart && ch === ' ') {
      column++;
      if (column > max) max = column;
    } else {
      atStart = false;
    }
  }
  return max;
}

function parseYamlDocumentsSafe(): Document.Parsed {
  return parseYamlDocuments('')[0]!;
}

function emptyModel(file: string, text: string, lines: LineIndex, doc: Document.Parsed, index: number): ComposeFileModel {
  return {
    file,
    text,
    lines,
    doc,
    problems: [],
    root: undefined,
    servicesPair: undefined,
    services: [],
    volumesPair: undefined,
    volumes: [],
    includes: [],
    documents: [],
    documentIndex: index,
  };
}

function readDocument(file: string, text: string, lines: LineIndex, doc: Document.Parsed, index: number): ComposeFileModel {
  const model = emptyModel(file, text, lines, doc, index);
  model.problems = doc.errors.map((error) => {
    const [start, end] = error.pos;
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return { file, range: lines.range(start, Math.max(end, start)), message: `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}` };
  });
  if (model.problems.length > 0) return model;
  try {
    readContents(model);
  } catch (error) {
    model.problems.push({ file, range: lines.range(0, 0), message: `The file could not be analysed: ${error instanceof Error ? error.message : String(error)}` });
  }
  return model;
}

function readContents(model: ComposeFileModel): void {
  const { doc, file, lines } = model;
  const root = deref(doc, doc.contents);
  if (!isMap(root)) {
    // An empty document (a file with only comments, a trailing `---`) is no error.
    if (doc.contents != null && !(isScalar(doc.contents) && doc.contents.value == null)) {
      const r = doc.contents.range ?? [0, 0];
      model.problems.push({ file, range: lines.range(r[0], r[1]), message: 'A compose file must be a mapping with a `services` key.' });
    }
    return;
  }
  model.root = root;
  for (const pair of effectivePairs(doc, root)) {
    const key = keyText(pair);
    if (key === 'services') {
      model.servicesPair = pair;
      model.services = readServices(model, pair);
    } else if (key === 'volumes') {
      model.volumesPair = pair;
      model.volumes = readTopLevelVolumes(model, pair);
    } else if (key === 'name') {
      const name = rawScalar(model, pair.value);
      if (name) model.projectName = name;
    } else if (key === 'include') {
      model.includePair = pair;
      model.includes = readIncludes(model, pair);
    }
  }
  if (!model.servicesPair && !model.includePair) reportLegacyFormat(model, root);
}

/** Top-level keys of the Compose specification: anything else holding `image` or `build` is a v1 service. */
const TOP_LEVEL_KEYS = new Set(['version', 'name', 'services', 'volumes', 'networks', 'secrets', 'configs', 'include', 'models']);

/**
 * A file in the Compose v1 format (services at the top level, no `services:`): `docker
 * compose` refuses it, and vsafe would see no service at all. One problem at the first service.
 */
function reportLegacyFormat(model: ComposeFileModel, root: YAMLMap): void {
  const legacy = effectivePairs(model.doc, root).find((pair) => {
    const key = keyText(pair);
    if (key === undefined || TOP_LEVEL_KEYS.has(key) || key.startsWith('x-')) return false;
    const value = asMap(model.doc, pair.value);
    return value !== undefined && effectivePairs(model.doc, value).some((p) => keyText(p) === 'image' || keyText(p) === 'build');
  });
  if (!legacy) return;
  const name = keyText(legacy)!;
  model.problems.push({
    file: model.file,
    range: keyLocation(model, legacy).range,
    message:
      name === 'service'
        ? 'The top-level key is `service:`, not `services:`. `docker compose` refuses the file, and vsafe analyses no service in it.'
        : `This file is in the Compose v1 format: "${name}" is a service at the top level, with no \`services:\` key. \`docker compose\` refuses it, and vsafe analyses no service in it: move the services under \`services:\`.`,
  });
}

function keyLocation(model: ComposeFileModel, pair: Pair): Location {
  const key = pair.key as { range?: [number, number, number] } | null;
  const range = key?.range ?? [0, 0, 0];
  return location(model, range[0], range[1]);
}

function rawScalar(model: ComposeFileModel, node: unknown): RawScalar | undefined {
  const n = deref(model.doc, node);
  const raw = scalarString(model.doc, n);
  if (raw === undefined || !n) return undefined;
  return { raw, location: nodeLocation(model, n) };
}

/** A string or a sequence of strings (`path`, `env_file`). */
function rawScalars(model: ComposeFileModel, node: unknown): RawScalar[] {
  const n = deref(model.doc, node);
  if (isSeq(n)) return n.items.map((item) => rawScalar(model, item)).filter((s): s is RawScalar => s !== undefined);
  const single = rawScalar(model, n);
  return single ? [single] : [];
}

function readServices(model: ComposeFileModel, pair: Pair): ServiceEntry[] {
  const map = asMap(model.doc, pair.value);
  if (!map) return [];
  return effectivePairs(model.doc, map)
    .filter(isPair)
    .map((servicePair) => {
      const serviceMap = asMap(model.doc, servicePair.value);
      const entry: ServiceEntry = {
        name: keyText(servicePair) ?? '',
        pair: servicePair,
        map: serviceMap,
        keyLocation: keyLocation(model, servicePair),
      };
      const extendsPair = serviceMap ? getPair(model.doc, serviceMap, 'extends') : undefined;
      if (extendsPair) entry.extends = readExtends(model, extendsPair);
      return entry;
    })
    // Since Compose v2.20 an `x-` key under `services` is a service like any other (compose-go#413).
    .filter((s) => s.name !== '');
}

function readExtends(model: ComposeFileModel, pair: Pair): ExtendsReference {
  const value = deref(model.doc, pair.value);
  const ref: ExtendsReference = { service: undefined, location: nodeLocation(model, pair) };
  if (isMap(value)) {
    ref.service = rawScalar(model, getValue(model.doc, value, 'service'));
    const file = rawScalar(model, getValue(model.doc, value, 'file'));
    if (file) ref.file = file;
  } else {
    ref.service = rawScalar(model, value);
  }
  return ref;
}

function readIncludes(model: ComposeFileModel, pair: Pair): IncludeEntry[] {
  const value = deref(model.doc, pair.value);
  if (!isSeq(value)) return [];
  const entries: IncludeEntry[] = [];
  for (const item of value.items) {
    const node = deref(model.doc, item);
    if (!node) continue;
    const entry: IncludeEntry = { location: nodeLocation(model, node), paths: [], envFiles: [] };
    if (isMap(node)) {
      entry.paths = rawScalars(model, getValue(model.doc, node, 'path'));
      const dir = rawScalar(model, getValue(model.doc, node, 'project_directory'));
      if (dir) entry.projectDirectory = dir;
      entry.envFiles = rawScalars(model, getValue(model.doc, node, 'env_file'));
    } else {
      const path = rawScalar(model, node);
      if (path) entry.paths = [path];
    }
    entries.push(entry);
  }
  return entries;
}

function readTopLevelVolumes(model: ComposeFileModel, pair: Pair): TopLevelVolume[] {
  const map = asMap(model.doc, pair.value);
  if (!map) return [];
  return effectivePairs(model.doc, map).map((volumePair) => {
    const doc = model.doc;
    const options = asMap(doc, volumePair.value);
    const externalNode = options ? getValue(doc, options, 'external') : undefined;
    const external = externalNode != null && (isMap(externalNode) || scalarString(doc, externalNode) === 'true');
    const volume: TopLevelVolume = { name: keyText(volumePair) ?? '', pair: volumePair, keyLocation: keyLocation(model, volumePair), external };
    if (!options) return volume;
    const driver = scalarString(doc, getValue(doc, options, 'driver'));
    if (driver !== undefined) volume.driver = driver;
    const volumeName = scalarString(doc, getValue(doc, options, 'name')) ?? (isMap(externalNode) ? scalarString(doc, getValue(doc, externalNode, 'name')) : undefined);
    if (volumeName !== undefined) volume.volumeName = volumeName;
    const driverOpts = asMap(doc, getValue(doc, options, 'driver_opts'));
    if (driverOpts) {
      const o = scalarString(doc, getValue(doc, driverOpts, 'o')) ?? '';
      const device = scalarString(doc, getValue(doc, driverOpts, 'device'));
      if (device !== undefined && o.split(',').some((flag) => flag.trim() === 'bind' || flag.trim() === 'rbind')) volume.bindDevice = device;
      if ((driver === undefined || driver === 'local') && scalarString(doc, getValue(doc, driverOpts, 'type')) === 'tmpfs') volume.tmpfs = true;
    }
    return volume;
  });
}
