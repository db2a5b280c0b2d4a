import { isMap, isPair, isScalar, isSeq, visit, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ComposeFileModel } from '../compose/parse';
import type { ServiceLayer } from '../compose/service';
import { ownPair } from '../compose/yaml';
import { modeSeparator, shortVolumeSeparators } from '../compose/mounts';
import type { Mount } from '../model';
import type { Location, TextEdit } from '../types';
import { insertAt, replaceRange } from './text-edits';
import { contentEnd, dashOffset, endOfContentLine, keyColumn, leadingCommentStart, spaces } from './yaml-layout';

/**
 * Minimal edits to one existing mount entry — retarget it, name an anonymous volume,
 * turn a bind or a tmpfs into a named volume — and removal of entries and
 * top-level volume declarations. Short syntax is edited inside the scalar (only the
 * part that changes, quoting and `:ro` kept); long syntax edits single values.
 */

/** The YAML node of a mount entry, and the service layer (file) that holds it. */
export interface MountNode {
  model: ComposeFileModel;
  layer: ServiceLayer;
  node: Node;
}

/** Finds the node a mount was read from, in the layers of its service. */
export function findMountNode(layers: readonly ServiceLayer[], mount: Mount): MountNode | undefined {
  for (const layer of layers) {
    const model = layer.file;
    if (model.file !== mount.location.file) continue;
    const start = model.lines.offsetAt(mount.location.range.start);
    const end = model.lines.offsetAt(mount.location.range.end);
    let found: Node | undefined;
    visit(model.doc, {
      Node(_key, node) {
        const range = node.range;
        // The outermost node starting there (a long-syntax map, not its first key).
        if (range && range[0] === start && range[1] >= end && (isScalar(node) || isMap(node))) {
          found = node;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (found) return { model, layer, node: found };
  }
  return undefined;
}

/**
 * The file whose top-level `volumes:` must declare a name the entry at `at` mounts: the
 * entry's own file, except when the entry belongs to a service pulled in with `extends`
 * from another file, whose top-level volumes Compose does not import: then the file of
 * the service that extends it.
 */
export function declarationFileFor(layers: readonly ServiceLayer[], at: MountNode): ComposeFileModel {
  if (at.layer.role !== 'extends') return at.model;
  return layers.find((l) => l.role !== 'extends')?.file ?? at.model;
}

/** The entry's range without the line break and comments a block mapping's range runs on into. */
export function mountEntryLocation(at: MountNode): Location {
  const range = at.node.range ?? [0, 0];
  const end = contentEnd(at.node) ?? range[1];
  return { file: at.model.file, range: at.model.lines.range(range[0], Math.max(range[0], end)) };
}

// ---------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------

/** The characters of a scalar's value in the text, when they map one to one (no escapes, no folding). */
function scalarInner(model: ComposeFileModel, node: Scalar): { start: number; text: string } | undefined {
  const range = node.range;
  if (!range || typeof node.value !== 'string') return undefined;
  const written = model.text.slice(range[0], range[1]);
  if (node.type === 'PLAIN') return written === node.value ? { start: range[0], text: written } : undefined;
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    const inner = written.slice(1, -1);
    return inner === node.value ? { start: range[0] + 1, text: inner } : undefined;
  }
  return undefined;
}

function plainSafe(text: string): boolean {
  return /^[A-Za-z0-9_.\/~$-][A-Za-z0-9_.\/:~${}@=,+-]*$/.test(text) && !/: | #/.test(text);
}

/** `value` written in the style of `node` (plain, single or double quoted). */
function renderLike(node: Scalar | undefined, value: string): string {
  if (node?.type === 'QUOTE_SINGLE') return "'" + value.replace(/'/g, "''") + "'";
  if (node?.type === 'QUOTE_DOUBLE' || !plainSafe(value)) return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  return value;
}

/** Replaces a scalar's value, keeping its quoting. */
function replaceScalar(model: ComposeFileModel, node: Scalar, value: string): TextEdit[] {
  const range = node.range;
  if (!range) return [];
  const inner = scalarInner(model, node);
  if (inner && (node.type !== 'PLAIN' || plainSafe(value))) {
    return [replaceRange(model.file, model.lines, inner.start, inner.start + inner.text.length, node.type === 'QUOTE_SINGLE' ? value.replace(/'/g, "''") : value)];
  }
  return [replaceRange(model.file, model.lines, range[0], range[1], renderLike(node, value))];
}

/** Offsets in the text of the parts of a short-syntax entry `[SOURCE:]TARGET[:MODE]`. */
export interface ShortParts {
  source?: [number, number];
  target: [number, number];
  mode?: [number, number];
}

/**
 * Splits a short-syntax scalar as written (before interpolation): colons inside
 * `${…}` and a Windows drive letter do not separate parts.
 */
export function shortParts(model: ComposeFileModel, node: Node): ShortParts | undefined {
  if (!isScalar(node)) return undefined;
  const inner = scalarInner(model, node);
  if (!inner) return undefined;
  const text = inner.text;
  const separators = shortVolumeSeparators(text);
  let end = text.length;
  const at = (from: number, to: number): [number, number] => [inner.start + from, inner.start + to];
  let mode: [number, number] | undefined;
  const modeAt = modeSeparator(text, separators);
  if (modeAt !== undefined) {
    mode = at(modeAt + 1, end);
    end = modeAt;
    separators.pop();
  }
  const split = separators[separators.length - 1];
  if (split === undefined) return { target: at(0, end), ...(mode ? { mode } : {}) };
  return { source: at(0, split), target: at(split + 1, end), ...(mode ? { mode } : {}) };
}

// ---------------------------------------------------------------------------
// Long syntax
// ---------------------------------------------------------------------------

function scalarValue(pair: Pair | undefined): Scalar | undefined {
  const value = pair?.value;
  return isScalar(value) ? value : undefined;
}

/** Sets `key: value` in a long-syntax mount: replaces the value, or adds the pair after `after`. */
function setLongValue(model: ComposeFileModel, map: YAMLMap, key: string, value: string, after: readonly string[]): TextEdit[] {
  const pair = ownPair(map, key);
  if (pair) {
    const node = pair.value;
    if (isScalar(node) && node.range && node.range[1] > node.range[0]) return replaceScalar(model, node, value);
    if (node == null || (isScalar(node) && node.value == null)) {
      const keyEnd = (pair.key as Node).range![1];
      // `source:` with nothing after the colon.
      const colon = model.text.indexOf(':', keyEnd);
      if (colon < 0) return [];
      const at = isScalar(node) && node.range ? node.range[0] : colon + 1;
      const end = isScalar(node) && node.range ? node.range[1] : colon + 1;
      return [replaceRange(model.file, model.lines, at, end, (at === colon + 1 ? ' ' : '') + renderLike(undefined, value))];
    }
    return [];
  }
  const anchor = after.map((k) => ownPair(map, k)).find((p) => p !== undefined) ?? (map.items[map.items.length - 1] as Pair | undefined);
  if (!anchor) return [];
  const anchorEnd = contentEnd(anchor);
  if (anchorEnd === undefined) return [];
  const text = `${key}: ${renderLike(undefined, value)}`;
  if (map.flow) return [insertAt(model.file, model.lines, anchorEnd, ', ' + text)];
  const col = keyColumn(model, map);
  if (col === undefined) return [];
  return [insertAt(model.file, model.lines, endOfContentLine(model, anchorEnd), model.lines.eol + spaces(col) + text)];
}

// ---------------------------------------------------------------------------
// Removing lines and entries
// ---------------------------------------------------------------------------

function lineOf(model: ComposeFileModel, offset: number): number {
  return model.lines.positionAt(offset).line;
}

function isBlankLine(model: ComposeFileModel, line: number): boolean {
  return model.lines.lineText(line).trim() === '';
}

/** Only blanks (and, with `dash`, a sequence dash) before `offset` on its line. */
function startsItsLine(model: ComposeFileModel, offset: number, dash: boolean): boolean {
  const before = model.text.slice(model.lines.lineStart(lineOf(model, offset)), offset);
  return dash ? /^[ \t]*-[ \t]+$/.test(before) : /^[ \t]*$/.test(before);
}

/**
 * Removes whole lines, from the line of `first` to the line of `last` (a content end).
 * The line break *before* them goes (so an insertion at the end of the last removed
 * line stays valid); `tidy` also drops a blank line left doubled or trailing.
 */
function removeLines(model: ComposeFileModel, first: number, last: number, tidy: boolean): TextEdit {
  const { lines } = model;
  const firstLine = lineOf(model, first);
  const lastLine = lineOf(model, Math.max(first, last - 1));
  if (firstLine === 0) {
    const end = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : model.text.length;
    return replaceRange(model.file, lines, 0, end, '');
  }
  let start = lines.lineEnd(firstLine - 1);
  const end = lines.lineEnd(lastLine);
  if (tidy && isBlankLine(model, firstLine - 1)) {
    const rest = model.text.slice(end);
    const nextBlank = lastLine + 1 < lines.lineCount && isBlankLine(model, lastLine + 1) && lastLine + 2 < lines.lineCount;
    if (rest.trim() === '' || nextBlank) {
      let line = firstLine - 1;
      while (line > 0 && isBlankLine(model, line)) {
        start = lines.lineEnd(line - 1);
        line--;
      }
    }
  }
  return replaceRange(model.file, lines, start, end, '');
}

/** Removes a pair of a mapping: its lines in block style, the item and a separator in flow style. */
export function removePair(model: ComposeFileModel, map: YAMLMap, pair: Pair, tidy = false): TextEdit[] {
  const key = pair.key as Node | null;
  const start = key?.range?.[0];
  const end = contentEnd(pair);
  if (start === undefined || end === undefined) return [];
  if (map.flow) return removeFlowItem(model, map.items as (Pair | Node)[], map.items.indexOf(pair));
  if (!startsItsLine(model, start, false)) return [];
  return [removeLines(model, start, end, tidy)];
}

function itemStart(item: Pair | Node): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0];
  return item.range?.[0];
}

function removeFlowItem(model: ComposeFileModel, items: readonly (Pair | Node)[], index: number): TextEdit[] {
  const item = items[index];
  if (!item) return [];
  const start = itemStart(item);
  const end = contentEnd(item);
  if (start === undefined || end === undefined) return [];
  const next = items[index + 1];
  if (next) {
    const nextStart = itemStart(next);
    return nextStart === undefined ? [] : [replaceRange(model.file, model.lines, start, nextStart, '')];
  }
  const previous = items[index - 1];
  if (previous) {
    const previousEnd = contentEnd(previous);
    return previousEnd === undefined ? [] : [replaceRange(model.file, model.lines, previousEnd, end, '')];
  }
  return [replaceRange(model.file, model.lines, start, end, '')];
}

/** Removes one item of a sequence (its lines in block style, item and separator in flow style). */
function removeSeqItem(model: ComposeFileModel, seq: YAMLSeq, index: number): TextEdit[] {
  const item = seq.items[index] as Node | undefined;
  const start = item?.range?.[0];
  const end = contentEnd(item);
  if (!item || start === undefined || end === undefined) return [];
  if (seq.flow) return removeFlowItem(model, seq.items as Node[], index);
  if (!startsItsLine(model, start, true)) return [];
  // Comment lines directly above the item, at its dash's column, describe it: they go with it.
  return [removeLines(model, leadingCommentStart(model, dashOffset(model, start)), end, false)];
}

// ---------------------------------------------------------------------------
// The edits the rules offer
// ---------------------------------------------------------------------------

/** Points a mount at `target` instead (short syntax: only the target part changes). */
export function retargetMount(at: MountNode, target: string): TextEdit[] {
  const { model, node } = at;
  if (isScalar(node)) {
    const parts = shortParts(model, node);
    if (!parts || !plainSafe(target)) return [];
    return [replaceRange(model.file, model.lines, parts.target[0], parts.target[1], target)];
  }
  if (isMap(node)) {
    const value = scalarValue(ownPair(node, 'target'));
    return value ? replaceScalar(model, value, target) : [];
  }
  return [];
}

/** Gives an anonymous volume a name: `- /var/lib/mysql` → `- name:/var/lib/mysql`, long syntax `source: name`. */
export function nameAnonymousVolume(at: MountNode, name: string): TextEdit[] {
  const { model, node } = at;
  if (isScalar(node)) {
    const parts = shortParts(model, node);
    if (!parts) return [];
    if (parts.source) return parts.source[0] === parts.source[1] ? [insertAt(model.file, model.lines, parts.source[0], name)] : [];
    return [insertAt(model.file, model.lines, parts.target[0], name + ':')];
  }
  if (isMap(node)) return setLongValue(model, node, 'source', name, ['type']);
  return [];
}

/** Turns a bind mount into a named volume: the source part becomes the name (long syntax: `type: volume`). */
export function bindToNamedVolume(at: MountNode, name: string): TextEdit[] {
  const { model, node } = at;
  if (isScalar(node)) {
    const parts = shortParts(model, node);
    if (!parts?.source) return [];
    return [replaceRange(model.file, model.lines, parts.source[0], parts.source[1], name)];
  }
  if (isMap(node)) return longToVolume(model, node, name, 'bind');
  return [];
}

function longToVolume(model: ComposeFileModel, map: YAMLMap, name: string, options: 'bind' | 'tmpfs'): TextEdit[] {
  const type = scalarValue(ownPair(map, 'type'));
  if (!type) return [];
  const edits = [...replaceScalar(model, type, 'volume'), ...setLongValue(model, map, 'source', name, ['type'])];
  if (edits.length < 2) return [];
  // `bind:` / `tmpfs:` options do not apply to a volume (Compose rejects them).
  const optionsPair = ownPair(map, options);
  if (optionsPair) {
    const removal = removePair(model, map, optionsPair);
    if (removal.length === 0) return [];
    edits.push(...removal);
  }
  return edits;
}

/**
 * Replaces a tmpfs mount with a named volume. Long syntax (`type: tmpfs`) is
 * converted in place; a `tmpfs:` entry of the service is removed (the whole key
 * when it was the only one) and `volumes:` gets `name:target` in `volumeLayer`.
 */
export function tmpfsToNamedVolume(at: MountNode, mount: Mount, name: string, volumeLayer: ServiceLayer, appendMount: (layer: ServiceLayer, item: string) => TextEdit[]): TextEdit[] {
  const { model, node, layer } = at;
  if (isMap(node)) return longToVolume(model, node, name, 'tmpfs');
  if (!isScalar(node)) return [];
  const map = layer.entry.map;
  const pair = map ? ownPair(map, 'tmpfs') : undefined;
  if (!map || !pair) return [];
  const value = pair.value;
  let removal: TextEdit[];
  if (value === node) removal = removePair(model, map, pair);
  else if (isSeq(value)) {
    const index = value.items.findIndex((item) => item === node);
    if (index < 0) return [];
    removal = value.items.length === 1 ? removePair(model, map, pair) : removeSeqItem(model, value, index);
  } else return [];
  if (removal.length === 0) return [];
  const addition = appendMount(volumeLayer, `${name}:${mount.target}`);
  if (addition.length === 0) return [];
  // The insertion may sit at the end of the removed lines: list it first.
  return [...addition, ...removal];
}

/**
 * Removes a top-level volume declaration: its lines (comments on other lines stay),
 * or the whole `volumes:` key when it was the only entry.
 */
export function removeTopLevelVolume(model: ComposeFileModel, pair: Pair): TextEdit[] {
  const volumesPair = model.volumesPair;
  const root = model.root;
  const volumes = volumesPair?.value;
  if (!volumesPair || !root || root.flow || !isMap(volumes) || !volumes.items.includes(pair)) return [];
  if (!root.items.includes(volumesPair)) return [];
  if (volumes.items.length === 1) return removePair(model, root, volumesPair, true);
  if (volumes.flow || volumes.items.indexOf(pair) === 0) return removePair(model, volumes, pair);
  // Comment lines directly above the entry, at its column, describe it: they go with it.
  const key = pair.key as Node | null;
  const start = key?.range?.[0];
  const end = contentEnd(pair);
  if (start === undefined || end === undefined || !startsItsLine(model, start, false)) return [];
  return [removeLines(model, leadingCommentStart(model, start), end, false)];
}
