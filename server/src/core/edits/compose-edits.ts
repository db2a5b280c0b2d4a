import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ComposeFileModel } from '../compose/parse';
import type { ServiceLayer } from '../compose/service';
import { keyText } from '../compose/yaml';
import type { ComposeConfiguration } from '../project';
import type { TextEdit } from '../types';
import { insertAt, replaceRange } from './text-edits';
import { column, contentEnd, endOfContentLine, indentUnit, keyColumn, sequenceOffset, spaces } from './yaml-layout';

/**
 * Minimal edits on compose files. Each function returns text edits that touch
 * only the lines they add or the brackets they extend: comments, anchors,
 * quoting, blank lines and key order elsewhere stay byte-for-byte.
 */

/** Own (not merged-in) pair of a mapping, so edits land in the text the user wrote. */
function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && keyText(p) === key);
}

function needsQuotes(text: string): boolean {
  return !/^[A-Za-z0-9_.\/~$-][A-Za-z0-9_.\/:~${}@-]*$/.test(text) || /: |#/.test(text);
}

function flowScalar(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** Appends an item to a sequence value of a service key, creating the key when missing. */
export function appendServiceSequenceItem(layer: ServiceLayer, key: string, item: string): TextEdit[] {
  const model = layer.file;
  const map = layer.entry.map;
  if (!map) return [];
  const eol = model.lines.eol;
  const pair = ownPair(map, key);
  const value = pair?.value as Node | null | undefined;
  if (pair && isSeq(value)) {
    if (value.flow) {
      const close = (value.range?.[1] ?? 0) - 1;
      const separator = value.items.length > 0 ? ', ' : '';
      const insertAfter = value.items.length > 0 ? contentEnd(value.items[value.items.length - 1] as Node) ?? close : close;
      return [insertAt(model.file, model.lines, insertAfter, separator + flowScalar(item))];
    }
    const itemColumn = column(model, value.range![0]);
    const lineEnd = endOfContentLine(model, contentEnd(value) ?? value.range![1]);
    return [insertAt(model.file, model.lines, lineEnd, eol + spaces(itemColumn) + '- ' + blockScalar(item))];
  }
  const keyCol = column(model, (pair?.key as Node | undefined)?.range?.[0] ?? map.range?.[0] ?? 0);
  if (pair && (value == null || (isScalar(value) && value.value == null))) {
    // `volumes:` with no value, or an explicit `~` / `null`.
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
      return [replaceRange(model.file, model.lines, value.range[0], value.range[1], '[' + flowScalar(item) + ']')];
    }
    const keyEnd = endOfContentLine(model, (pair.key as Node).range![1]);
    return [insertAt(model.file, model.lines, keyEnd, eol + spaces(keyCol + sequenceOffset(model)) + '- ' + blockScalar(item))];
  }
  if (pair) return []; // an unexpected shape (a mapping or a string): leave it to the user
  if (map.flow) {
    const close = (map.range?.[1] ?? 0) - 1;
    const separator = map.items.length > 0 ? ', ' : '';
    const last = map.items[map.items.length - 1];
    const insertAfter = last ? contentEnd(last) ?? close : close;
    return [insertAt(model.file, model.lines, insertAfter, `${separator}${key}: [${flowScalar(item)}]`)];
  }
  const col = keyColumn(model, map) ?? column(model, map.range?.[0] ?? 0);
  const lineEnd = endOfContentLine(model, contentEnd(map) ?? map.range?.[1] ?? 0);
  return [
    insertAt(
      model.file,
      model.lines,
      lineEnd,
      eol + spaces(col) + key + ':' + eol + spaces(col + sequenceOffset(model)) + '- ' + blockScalar(item),
    ),
  ];
}

function blockScalar(text: string): string {
  return needsQuotes(text) ? flowScalar(text) : text;
}

/** Declares a named volume at the top level of a file, creating `volumes:` when missing. */
export function declareTopLevelVolume(model: ComposeFileModel, name: string): TextEdit[] {
  const eol = model.lines.eol;
  const unit = indentUnit(model);
  const pair = model.volumesPair;
  const value = pair?.value as Node | null | undefined;
  if (pair && isMap(value)) {
    if (value.items.some((p) => keyText(p) === name)) return [];
    if (value.flow) {
      const close = (value.range?.[1] ?? 0) - 1;
      const last = value.items[value.items.length - 1];
      const separator = last ? ', ' : '';
      return [insertAt(model.file, model.lines, last ? contentEnd(last) ?? close : close, `${separator}${name}: {}`)];
    }
    const col = keyColumn(model, value) ?? unit;
    const lineEnd = endOfContentLine(model, contentEnd(value) ?? value.range![1]);
    return [insertAt(model.file, model.lines, lineEnd, eol + spaces(col) + name + ':')];
  }
  if (pair && (value == null || (isScalar(value) && value.value == null))) {
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
      return [replaceRange(model.file, model.lines, value.range[0], value.range[1], `{${name}: {}}`)];
    }
    const keyCol = column(model, (pair.key as Node).range![0]);
    const keyEnd = endOfContentLine(model, (pair.key as Node).range![1]);
    return [insertAt(model.file, model.lines, keyEnd, eol + spaces(keyCol + unit) + name + ':')];
  }
  if (pair) return [];
  // A new top-level section at the end, separated by a blank line like its siblings.
  const text = model.text;
  let lead: string;
  if (text.length === 0) lead = '';
  else if (!text.endsWith('\n')) lead = eol + eol;
  else lead = /\n[ \t]*\r?\n$/.test(text) ? '' : eol;
  return [insertAt(model.file, model.lines, text.length, lead + 'volumes:' + eol + spaces(unit) + name + ':' + eol)];
}

/** A volume name derived from the service that does not collide with any name in use. */
export function freshVolumeName(configuration: ComposeConfiguration, base: string, taken: ReadonlySet<string> = new Set()): string {
  const sanitized = base.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'data';
  const used = new Set<string>(taken);
  for (const name of configuration.volumes.keys()) used.add(name);
  for (const workload of configuration.workloads) for (const mount of workload.mounts) if (mount.source) used.add(mount.source);
  if (!used.has(sanitized)) return sanitized;
  for (let i = 2; ; i++) if (!used.has(`${sanitized}-${i}`)) return `${sanitized}-${i}`;
}

/** The layer a new mount must go into so a later `!reset` / `!override` does not drop it. */
export function layerForNewMount(layers: readonly ServiceLayer[]): ServiceLayer | undefined {
  let chosen = layers.find((l) => l.entry.map !== undefined);
  for (const layer of layers) if (layer.volumes && layer.volumes.mode !== 'merge' && layer.entry.map) chosen = layer;
  return chosen;
}
