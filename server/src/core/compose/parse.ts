import { isMap, isPair, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { FileProblem, Location } from '../types';
import { asMap, deref, effectivePairs, getValue, keyText, parseYaml, scalarString } from './yaml';

export interface ServiceEntry {
  name: string;
  pair: Pair;
  /** The service's mapping; undefined for `db:` with no value or a non-mapping. */
  map: YAMLMap | undefined;
  keyLocation: Location;
}

export interface TopLevelVolume {
  name: string;
  pair: Pair;
  keyLocation: Location;
  external: boolean;
  driver?: string;
}

/** One compose file, parsed once, with the nodes rules and fixes need. */
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
}

export function location(model: { file: string; lines: LineIndex }, start: number, end: number): Location {
  return { file: model.file, range: model.lines.range(start, end) };
}

export function parseComposeFile(file: string, text: string): ComposeFileModel {
  // A BOM is not content; yaml keeps offsets relative to the full string either way.
  const lines = new LineIndex(text);
  const doc = parseYaml(text);
  const problems: FileProblem[] = doc.errors.map((error) => {
    const [start, end] = error.pos;
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return { file, range: lines.range(start, Math.max(end, start)), message: `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}` };
  });
  const model: ComposeFileModel = {
    file,
    text,
    lines,
    doc,
    problems,
    root: undefined,
    servicesPair: undefined,
    services: [],
    volumesPair: undefined,
    volumes: [],
  };
  if (problems.length > 0) return model;
  const root = deref(doc, doc.contents);
  if (!isMap(root)) {
    if (doc.contents != null && !(isScalar(doc.contents) && doc.contents.value == null)) {
      const r = doc.contents.range ?? [0, 0];
      problems.push({ file, range: lines.range(r[0], r[1]), message: 'A compose file must be a mapping with a `services` key.' });
    }
    return model;
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
    }
  }
  return model;
}

function keyLocation(model: ComposeFileModel, pair: Pair): Location {
  const key = pair.key as { range?: [number, number, number] } | null;
  const range = key?.range ?? [0, 0, 0];
  return location(model, range[0], range[1]);
}

function readServices(model: ComposeFileModel, pair: Pair): ServiceEntry[] {
  const map = asMap(model.doc, pair.value);
  if (!map) return [];
  return effectivePairs(model.doc, map)
    .filter(isPair)
    .map((servicePair) => ({
      name: keyText(servicePair) ?? '',
      pair: servicePair,
      map: asMap(model.doc, servicePair.value),
      keyLocation: keyLocation(model, servicePair),
    }))
    .filter((s) => s.name !== '' && !s.name.startsWith('x-'));
}

function readTopLevelVolumes(model: ComposeFileModel, pair: Pair): TopLevelVolume[] {
  const map = asMap(model.doc, pair.value);
  if (!map) return [];
  return effectivePairs(model.doc, map).map((volumePair) => {
    const options = asMap(model.doc, volumePair.value);
    const externalNode = options ? getValue(model.doc, options, 'external') : undefined;
    const external = externalNode != null && (isMap(externalNode) || scalarString(model.doc, externalNode) === 'true');
    const driver = options ? scalarString(model.doc, getValue(model.doc, options, 'driver')) : undefined;
    return { name: keyText(volumePair) ?? '', pair: volumePair, keyLocation: keyLocation(model, volumePair), external, driver };
  });
}
