import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { appendTo, ObjectSlot } from '../collections';
import { modeSeparator, shortVolumeSeparators } from '../compose/mounts';
import type { ComposeFileModel } from '../compose/parse';
import type { ServiceLayer } from '../compose/service';
import { deref, getPair, keyText, ownPair, tagOf, valueTagToken } from '../compose/yaml';
import type { ComposeConfiguration } from '../project';
import type { Mount } from '../model';
import type { Fix, TextEdit } from '../types';
import { insertAt, replaceRange } from './text-edits';
import { column, contentEnd, dashOffset, endOfContentLine, endOfTrailingComments, indentUnit, keyColumn, leadingCommentStart, sequenceOffset, spaces } from './yaml-layout';

/**
 * Minimal edits on compose files. Each function returns text edits that touch
 * only the lines they add or the brackets they extend: comments, anchors,
 * quoting, blank lines and key order elsewhere stay byte-for-byte.
 */

function needsQuotes(text: string): boolean {
  return !/^[A-Za-z0-9_.\/~$-][A-Za-z0-9_.\/:~${}@-]*$/.test(text) || /: |#/.test(text);
}

function flowScalar(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** A sequence item as source lines (see `sequenceItemLines`) with the comment lines directly above it. */
interface ItemSource {
  lines: string[];
  comments: string[];
}

/**
 * The items a mapping merges in with `<<` for `key`, to be written ahead of a new item when
 * the mapping gets a `key` of its own: merge keys are shallow, so an own key holding only the
 * new item would drop every mount the anchor gives the service. [] when nothing is merged
 * in; undefined when the merged value cannot be copied as it is (not a plain sequence, or an
 * item that defines an anchor, which a copy would define twice).
 */
function mergedItems(model: ComposeFileModel, map: YAMLMap, key: string): ItemSource[] | undefined {
  const merged = getPair(model.doc, map, key);
  if (!merged) return [];
  const value = deref(model.doc, merged.value);
  if (value === undefined || (isScalar(value) && value.value == null)) return [];
  if (!isSeq(value) || value.tag !== undefined) return undefined;
  const items: ItemSource[] = [];
  for (const item of value.items) {
    if (!isNode(item) || definesAnchor(item)) return undefined;
    const lines = sequenceItemLines(model, item);
    if (!lines) return undefined;
    items.push({ lines, comments: value.flow ? [] : sequenceItemCommentLines(model, item) });
  }
  return items;
}

function definesAnchor(node: Node): boolean {
  let found = false;
  visit(node, (_key, visited) => {
    if (isNode(visited) && !isAlias(visited) && visited.anchor) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * Appends an item to a sequence value of a service key, creating the key when missing.
 * Compose ignores the value of a `!reset` key, so such a key becomes `!override`: the
 * list then holds exactly its items (none before), which keeps the reset's intent.
 */
export function appendServiceSequenceItem(layer: ServiceLayer, key: string, item: string, comment?: string): TextEdit[] {
  const map = layer.entry.map;
  const pair = map ? ownPair(map, key) : undefined;
  if (!pair || tagOf(pair.value) !== '!reset') return appendToServiceSequence(layer, key, item, comment);
  const tag = valueTagToken(layer.file.text, pair);
  if (!tag) return [];
  const edits = appendToServiceSequence(layer, key, item, comment);
  if (edits.length === 0) return [];
  return [replaceRange(layer.file.file, layer.file.lines, tag.offset, tag.offset + tag.source.length, '!override'), ...edits];
}

function appendToServiceSequence(layer: ServiceLayer, key: string, item: string, comment?: string): TextEdit[] {
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
      return [insertAt(model.file, model.lines, insertAfter, separator + flowScalar(item)), ...trailingComment(model, close + 1, comment)];
    }
    const itemColumn = column(model, value.range![0]);
    const lineEnd = endOfContentLine(model, contentEnd(value) ?? value.range![1]);
    return [insertAt(model.file, model.lines, lineEnd, commentLine(comment, itemColumn, eol) + eol + spaces(itemColumn) + '- ' + blockScalar(item))];
  }
  const keyCol = column(model, (pair?.key as Node | undefined)?.range?.[0] ?? map.range?.[0] ?? 0);
  if (pair && (value == null || (isScalar(value) && value.value == null))) {
    // `volumes:` with no value, or an explicit `~` / `null`.
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
      return [replaceRange(model.file, model.lines, value.range[0], value.range[1], '[' + flowScalar(item) + ']')];
    }
    const keyEnd = endOfContentLine(model, (pair.key as Node).range![1]);
    const itemColumn = keyCol + sequenceOffset(model);
    return [insertAt(model.file, model.lines, keyEnd, commentLine(comment, itemColumn, eol) + eol + spaces(itemColumn) + '- ' + blockScalar(item))];
  }
  if (pair) return []; // an unexpected shape (a mapping or a string): leave it to the user
  const inherited = mergedItems(model, map, key);
  if (!inherited) return [];
  if (map.flow) {
    // A flow list has no room for the comments above a merged item, nor for a multi-line one.
    if (inherited.some((i) => i.lines.length > 1 || i.comments.length > 0)) return [];
    const close = (map.range?.[1] ?? 0) - 1;
    const separator = map.items.length > 0 ? ', ' : '';
    const last = map.items[map.items.length - 1];
    const insertAfter = last ? contentEnd(last) ?? close : close;
    const items = [...inherited.map((i) => i.lines[0]!), flowScalar(item)];
    return [insertAt(model.file, model.lines, insertAfter, `${separator}${key}: [${items.join(', ')}]`), ...trailingComment(model, close + 1, comment)];
  }
  const col = keyColumn(model, map) ?? column(model, map.range?.[0] ?? 0);
  const itemColumn = col + sequenceOffset(model);
  const lineEnd = endOfContentLine(model, contentEnd(map) ?? map.range?.[1] ?? 0);
  const added: ItemSource = { lines: [blockScalar(item)], comments: comment ? [`# ${comment}`] : [] };
  return [insertAt(model.file, model.lines, lineEnd, blockKeyWithItems(key, col, itemColumn, eol, [...inherited, added]))];
}

/** A new block key (on a line of its own, after a line break) holding the items, each with its comment lines. */
function blockKeyWithItems(key: string, keyCol: number, itemColumn: number, eol: string, items: readonly ItemSource[]): string {
  return eol + spaces(keyCol) + key + ':' + items.map((i) => eol + renderBlockItem(i.lines, itemColumn, eol, i.comments)).join('');
}

/** In flow style the comment goes at the end of the line, when nothing but blanks follows the closing bracket. */
function trailingComment(model: ComposeFileModel, after: number, comment: string | undefined): TextEdit[] {
  if (!comment) return [];
  const line = model.lines.positionAt(after).line;
  const end = model.lines.lineEnd(line);
  if (model.text.slice(after, end).trim() !== '') return [];
  return [insertAt(model.file, model.lines, end, ' # ' + comment)];
}

/** A comment line above a new block item, so the mount a fix adds is documented from the start. */
function commentLine(comment: string | undefined, column: number, eol: string): string {
  return comment ? eol + spaces(column) + '# ' + comment : '';
}

function blockScalar(text: string): string {
  return needsQuotes(text) ? flowScalar(text) : text;
}

/** Declares named volumes at the top level of a file, creating `volumes:` when missing (one edit for all of them). */
export function declareTopLevelVolume(model: ComposeFileModel, nameOrNames: string | readonly string[]): TextEdit[] {
  const eol = model.lines.eol;
  const unit = indentUnit(model);
  const pair = model.volumesPair;
  const value = pair?.value as Node | null | undefined;
  const wanted = [...new Set(typeof nameOrNames === 'string' ? [nameOrNames] : nameOrNames)];
  if (pair && isMap(value)) {
    const names = wanted.filter((name) => !value.items.some((p) => keyText(p) === name));
    if (names.length === 0) return [];
    if (value.flow) {
      const close = (value.range?.[1] ?? 0) - 1;
      const last = value.items[value.items.length - 1];
      const separator = last ? ', ' : '';
      return [insertAt(model.file, model.lines, last ? contentEnd(last) ?? close : close, separator + names.map((name) => `${name}: {}`).join(', '))];
    }
    const col = keyColumn(model, value) ?? unit;
    const lineEnd = endOfTrailingComments(model, endOfContentLine(model, contentEnd(value) ?? value.range![1]), col);
    return [insertAt(model.file, model.lines, lineEnd, names.map((name) => eol + spaces(col) + name + ':').join(''))];
  }
  if (wanted.length === 0) return [];
  if (pair && (value == null || (isScalar(value) && value.value == null))) {
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
      return [replaceRange(model.file, model.lines, value.range[0], value.range[1], `{${wanted.map((name) => `${name}: {}`).join(', ')}}`)];
    }
    const keyCol = column(model, (pair.key as Node).range![0]);
    const keyEnd = endOfContentLine(model, (pair.key as Node).range![1]);
    return [insertAt(model.file, model.lines, keyEnd, wanted.map((name) => eol + spaces(keyCol + unit) + name + ':').join(''))];
  }
  if (pair) return [];
  // A new top-level section at the end, separated by a blank line like its siblings.
  const text = model.text;
  let lead: string;
  if (text.length === 0) lead = '';
  else if (!text.endsWith('\n')) lead = eol + eol;
  else lead = /\n[ \t]*\r?\n$/.test(text) ? '' : eol;
  return [insertAt(model.file, model.lines, text.length, lead + 'volumes:' + eol + wanted.map((name) => spaces(unit) + name + ':' + eol).join(''))];
}

/** One mount a fix adds or names: its edits (empty when it cannot be made) and the named volume `file` must declare. */
export interface VolumeMountEdit {
  edits: TextEdit[];
  name: string;
  file: ComposeFileModel;
}

/**
 * One preferred fix that makes every mount's edits and declares their named volumes, once
 * per file and together (separate declarations of a missing `volumes:` would each create
 * it); no fix when one of the mounts cannot be made.
 */
export function declaringFix(configuration: ComposeConfiguration, title: string, mounts: readonly VolumeMountEdit[]): Fix[] {
  if (mounts.length === 0 || mounts.some((m) => m.edits.length === 0)) return [];
  const names = new Map<ComposeFileModel, string[]>();
  for (const mount of mounts) appendTo(names, mount.file, mount.name);
  const declarations = [...names].flatMap(([file, declared]) => declareNewVolumes(configuration, file, declared));
  return [{ title, edits: [...mounts.flatMap((m) => m.edits), ...declarations], isPreferred: true }];
}

/**
 * Declares the volumes a fix mounts in `model`, except those the project already declares
 * (a reused `db-data`, perhaps in another file: an `include:`d file's volume declared
 * again would conflict).
 */
export function declareNewVolumes(configuration: ComposeConfiguration, model: ComposeFileModel, names: string | readonly string[]): TextEdit[] {
  const undeclared = (typeof names === 'string' ? [names] : names).filter((name) => !configuration.volumes.has(name));
  return undeclared.length > 0 ? declareTopLevelVolume(model, undeclared) : [];
}

/**
 * A volume name derived from the service that does not collide with any name in use, or
 * one the project declares and nothing mounts (`db-data` left by a removed mount): a fix
 * then mounts the declared volume (with its driver or `external:`) instead of a `db-data-2`.
 */
export function freshVolumeName(configuration: ComposeConfiguration, base: string, taken: ReadonlySet<string> = new Set(), alternative?: string, shared = false): string {
  const sanitize = (name: string): string => name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  const sanitized = sanitize(base) || 'data';
  const { declared, mounted } = volumeNamesOf(configuration);
  // `shared`: a volume another service mounts on purpose may be mounted here too (the same uploads).
  const free = (name: string): boolean => !taken.has(name) && (shared || !mounted.has(name));
  if (free(sanitized)) return sanitized;
  // A second volume of the service is named after its path (`api-backends`, not `api-data-2`).
  const other = alternative !== undefined ? sanitize(alternative) : '';
  if (other !== '' && free(other)) return other;
  for (let i = 2; ; i++) if (free(`${sanitized}-${i}`) && !declared.has(`${sanitized}-${i}`)) return `${sanitized}-${i}`;
}

/** The name a volume for `path` of `service` takes when the usual one is taken: the service and the path's last folder. */
export function pathVolumeName(service: string, path: string): string {
  // Lower case: a name that differs from another only in case (`ds-Data`, `ds-data`) tells nothing apart.
  return `${service}-${path.slice(path.lastIndexOf('/') + 1).toLowerCase()}`;
}

/** Volume names a configuration declares, and those any layer of a service mounts, computed once per configuration (fixes ask per finding). */
const volumeNamesCache = new ObjectSlot<ComposeConfiguration, { declared: Set<string>; mounted: Set<string> }>('vsafe.volumeNamesCache');

function volumeNamesOf(configuration: ComposeConfiguration): { declared: Set<string>; mounted: Set<string> } {
  let names = volumeNamesCache.get(configuration);
  if (!names) {
    const mounted = new Set<string>();
    const add = (mount: Mount): void => {
      if (mount.source) mounted.add(mount.source);
    };
    for (const workload of configuration.workloads) {
      workload.mounts.forEach(add);
      // A mount an override drops is still written: its name stays taken.
      for (const layer of workload.layers) layer.volumes?.mounts.forEach(add);
    }
    names = { declared: new Set(configuration.volumes.keys()), mounted };
    volumeNamesCache.set(configuration, names);
  }
  return names;
}

/** The layer a new mount must go into so a later `!reset` / `!override` does not drop it. */
export function layerForNewMount(layers: readonly ServiceLayer[]): ServiceLayer | undefined {
  // A base service pulled in with `extends` is shared by other services, and its file's
  // top-level volumes are not imported: never edit it for one service.
  const own = layers.filter((l) => l.role !== 'extends' && l.entry.map !== undefined);
  let chosen = own[0];
  for (const layer of own) if (layer.volumes && layer.volumes.mode !== 'merge') chosen = layer;
  return chosen;
}

// ---------------------------------------------------------------------------
// Removing and moving sequence items, adding comments and mode flags
// (source-bind-mount-in-production, writable-config-mount, secret-bind-mount,
// undocumented-mount, suppression comments).
// ---------------------------------------------------------------------------

/**
 * The `volumes:`-like list of `service`'s layer holding the item at `start`, and the services an
 * edit of that list changes: `service` alone for a list of the layer's own; for a list merged in
 * with `<<` (an anchor's), every service of the file that merges that very list and has none of
 * its own (`service` among them, or no answer).
 */
export function findServiceSequenceItem(
  layer: ServiceLayer,
  key: string,
  start: number,
  service: string,
): { pair: Pair; seq: YAMLSeqNode; item: Node; index: number; services: string[] } | undefined {
  const map = layer.entry.map;
  const model = layer.file;
  if (!map) return undefined;
  const own = ownPair(map, key);
  const pair = own ?? getPair(model.doc, map, key);
  const seq = pair?.value as Node | null | undefined;
  // The list written under the key itself (not reached through a further alias).
  if (!pair || !isSeq(seq)) return undefined;
  const index = seq.items.findIndex((item) => (item as Node | null)?.range?.[0] === start);
  if (index < 0) return undefined;
  // Every service whose list this is: merged through `<<: *anchor`, or the whole list aliased (`volumes: *shared`).
  const aliases = (s: { map?: YAMLMap }): boolean => {
    const value = s.map ? ownPair(s.map, key)?.value : undefined;
    return isAlias(value) && deref(model.doc, value) === seq;
  };
  const services = own
    ? [service, ...model.services.filter((s) => s.name !== service && aliases(s)).map((s) => s.name)]
    : model.services.filter((s) => s.map !== undefined && !ownPair(s.map, key) && getPair(model.doc, s.map, key) === pair).map((s) => s.name);
  if (!services.includes(service)) return undefined;
  return { pair, seq, item: seq.items[index] as Node, index, services };
}

type YAMLSeqNode = import('yaml').YAMLSeq;

/** Offset of the start of the line holding `offset`. */
function lineStartOf(model: ComposeFileModel, offset: number): number {
  return model.lines.lineStart(model.lines.positionAt(offset).line);
}

/** Offset just after the line break that ends the line holding `offset` (or the end of the text). */
function nextLineStart(model: ComposeFileModel, offset: number): number {
  const line = model.lines.positionAt(offset).line;
  return line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.text.length;
}

/** Only blank characters (and a sequence dash) between the line start and `offset`. */
function startsItsLine(model: ComposeFileModel, offset: number, allowDash: boolean): boolean {
  const before = model.text.slice(lineStartOf(model, offset), offset);
  return allowDash ? /^[ \t]*(?:-[ \t]+)*$/.test(before) : /^[ \t]*$/.test(before);
}

/**
 * The text of a sequence item as lines: the first after `- `, the others relative to the
 * item's column; a comment after the item on its last line comes along (`- ./x:/y  # what it holds`).
 */
export function sequenceItemLines(model: ComposeFileModel, item: Node): string[] | undefined {
  const range = item.range;
  if (!range) return undefined;
  const end = contentEnd(item) ?? range[1];
  const text = model.text.slice(range[0], end).replace(/\s+$/, '');
  const col = column(model, range[0]);
  const lines = text.split(/\r?\n|\r/);
  const rest = lines.slice(1).map((l) => {
    const indent = l.length - l.trimStart().length;
    return indent >= col ? l.slice(col) : l.trimStart();
  });
  const all = [lines[0]!, ...rest];
  const after = model.text.slice(end, endOfContentLine(model, end + 1));
  const trailing = /^\s*(#.*)$/.exec(after.replace(/\r$/, ''));
  if (trailing) all[all.length - 1] += ' ' + trailing[1]!.trimEnd();
  return all;
}

/** Comment lines (without indentation) directly above a sequence item. */
export function sequenceItemCommentLines(model: ComposeFileModel, item: Node): string[] {
  const start = item.range?.[0];
  if (start === undefined) return [];
  const dash = dashOffset(model, start);
  const from = leadingCommentStart(model, dash);
  const to = lineStartOf(model, dash);
  if (from >= to) return [];
  return model.text.slice(from, to).split(/\r?\n|\r/).filter((l) => l.trim() !== '').map((l) => l.trim());
}

/**
 * Removes one item from a sequence value (with the comment lines directly above it).
 * When it is the only item of an untagged sequence, the whole key goes: an empty
 * `volumes:` would be null, and `[]` would read as deliberate.
 */
export function removeSequenceItem(model: ComposeFileModel, pair: Pair, seq: YAMLSeqNode, index: number): TextEdit[] {
  const item = seq.items[index] as Node | undefined;
  const range = item?.range;
  if (!item || !range) return [];
  const key = pair.key as Node | null;
  const tagged = (seq as { tag?: string }).tag !== undefined;
  if (seq.items.length === 1 && !tagged && key?.range && startsItsLine(model, key.range[0], true) && startsItsLine(model, key.range[0], false)) {
    const from = leadingCommentStart(model, key.range[0]);
    const to = nextLineStart(model, endOfContentLine(model, contentEnd(seq) ?? seq.range![1]));
    return [replaceRange(model.file, model.lines, from, to, '')];
  }
  if (seq.flow) {
    const items = seq.items as Node[];
    if (items.length === 1) return [replaceRange(model.file, model.lines, range[0], contentEnd(item) ?? range[1], '')];
    if (index < items.length - 1) return [replaceRange(model.file, model.lines, range[0], items[index + 1]!.range![0], '')];
    return [replaceRange(model.file, model.lines, contentEnd(items[index - 1]!) ?? range[0], contentEnd(item) ?? range[1], '')];
  }
  const dash = dashOffset(model, range[0]);
  if (!startsItsLine(model, dash, false)) return [];
  const from = leadingCommentStart(model, dash);
  const to = nextLineStart(model, endOfContentLine(model, contentEnd(item) ?? range[1]));
  return [replaceRange(model.file, model.lines, from, to, '')];
}

/** Renders item lines as a block sequence entry at `dashColumn` (first line after `- `). */
function renderBlockItem(lines: readonly string[], dashColumn: number, eol: string, comments: readonly string[] = []): string {
  const head = comments.map((c) => spaces(dashColumn) + c + eol).join('');
  return head + spaces(dashColumn) + '- ' + lines.map((l, i) => (i === 0 ? l : eol + (l === '' ? '' : spaces(dashColumn + 2) + l))).join('');
}

/**
 * Appends an item given as source lines (see `sequenceItemLines`) to a service's
 * sequence in another file, creating the key, or the service under `services:`,
 * or `services:` itself when missing. Comment lines travel with the item.
 */
export function appendRawSequenceItem(model: ComposeFileModel, service: string, key: string, lines: readonly string[], comments: readonly string[] = []): TextEdit[] {
  const eol = model.lines.eol;
  const unit = indentUnit(model);
  const seqOffset = sequenceOffset(model);
  const entry = model.services.find((s) => s.name === service);
  if (entry) {
    const map = entry.map;
    if (!map || map.flow) return [];
    const pair = ownPair(map, key);
    const value = pair?.value as Node | null | undefined;
    if (pair && isSeq(value)) {
      if (value.flow) {
        if (lines.length !== 1 || comments.length > 0) return [];
        const close = (value.range?.[1] ?? 0) - 1;
        const separator = value.items.length > 0 ? ', ' : '';
        const insertAfter = value.items.length > 0 ? contentEnd(value.items[value.items.length - 1] as Node) ?? close : close;
        return [insertAt(model.file, model.lines, insertAfter, separator + lines[0])];
      }
      const dashCol = column(model, dashOffset(model, value.range![0]));
      const lineEnd = endOfContentLine(model, contentEnd(value) ?? value.range![1]);
      return [insertAt(model.file, model.lines, lineEnd, eol + renderBlockItem(lines, dashCol, eol, comments))];
    }
    if (pair && !(value == null || (isScalar(value) && value.value == null && !(value.range && value.range[1] > value.range[0])))) return [];
    const keyCol = keyColumn(model, map) ?? column(model, map.range?.[0] ?? 0);
    if (pair) {
      const keyEnd = endOfContentLine(model, (pair.key as Node).range![1]);
      return [insertAt(model.file, model.lines, keyEnd, eol + renderBlockItem(lines, keyCol + seqOffset, eol, comments))];
    }
    const inherited = mergedItems(model, map, key);
    if (!inherited) return [];
    const lineEnd = endOfContentLine(model, contentEnd(map) ?? map.range?.[1] ?? 0);
    return [insertAt(model.file, model.lines, lineEnd, blockKeyWithItems(key, keyCol, keyCol + seqOffset, eol, [...inherited, { lines: [...lines], comments: [...comments] }]))];
  }
  const services = model.servicesPair;
  const servicesValue = services?.value as Node | null | undefined;
  const block = (col: number): string =>
    spaces(col) + service + ':' + eol + spaces(col + unit) + key + ':' + eol + renderBlockItem(lines, col + unit + seqOffset, eol, comments);
  if (services && isMap(servicesValue) && !servicesValue.flow) {
    const col = keyColumn(model, servicesValue) ?? unit;
    const lineEnd = endOfContentLine(model, contentEnd(servicesValue) ?? servicesValue.range![1]);
    return [insertAt(model.file, model.lines, lineEnd, eol + block(col))];
  }
  if (services && (servicesValue == null || (isScalar(servicesValue) && servicesValue.value == null && !(servicesValue.range && servicesValue.range[1] > servicesValue.range[0])))) {
    const keyCol = column(model, (services.key as Node).range![0]);
    const keyEnd = endOfContentLine(model, (services.key as Node).range![1]);
    return [insertAt(model.file, model.lines, keyEnd, eol + block(keyCol + unit))];
  }
  if (services) return [];
  const text = model.text;
  const lead = text.length === 0 ? '' : !text.endsWith('\n') ? eol + eol : /\n[ \t]*\r?\n$/.test(text) ? '' : eol;
  return [insertAt(model.file, model.lines, text.length, lead + 'services:' + eol + block(unit) + eol)];
}

/** The full text of a new compose file holding services with one sequence item each (the same). */
export function newFileWithSequenceItem(services: readonly string[], key: string, lines: readonly string[], comments: readonly string[] = []): string {
  return 'services:\n' + services.map((service) => '  ' + service + ':\n    ' + key + ':\n' + renderBlockItem(lines, 6, '\n', comments) + '\n').join('');
}

/** Inserts whole lines (already indented, without line breaks) above the line holding `offset`. */
export function insertLinesAbove(model: ComposeFileModel, offset: number, lines: readonly string[]): TextEdit {
  const eol = model.lines.eol;
  return insertAt(model.file, model.lines, lineStartOf(model, offset), lines.map((l) => l + eol).join(''));
}

/** Column of the `-` of the block sequence item starting at `start` (or the item's own column in flow style). */
export function itemIndentColumn(model: ComposeFileModel, start: number): number {
  return column(model, dashOffset(model, start));
}

/**
 * Sets an environment variable of a service in `layer`: a key of its `environment:` mapping,
 * or a `NAME=value` item of its list (created as a list when the service has none).
 */
export function setEnvironmentVariable(layer: ServiceLayer, name: string, value: string): TextEdit[] {
  const map = layer.entry.map;
  const environment = map ? deref(layer.file.doc, ownPair(map, 'environment')?.value as Node | null | undefined) : undefined;
  if (isMap(environment)) return setMappingValue(layer.file, environment, name, value);
  return appendServiceSequenceItem(layer, 'environment', `${name}=${value}`);
}

/** Sets `key: value` in a block mapping (a long-syntax mount), after its last pair. */
export function setMappingValue(model: ComposeFileModel, map: YAMLMap, key: string, value: string): TextEdit[] {
  const existing = ownPair(map, key);
  const node = existing?.value as Node | null | undefined;
  if (existing && node?.range) return [replaceRange(model.file, model.lines, node.range[0], node.range[1], value)];
  if (existing) return [];
  if (map.flow) {
    const close = (map.range?.[1] ?? 0) - 1;
    const last = map.items[map.items.length - 1];
    return [insertAt(model.file, model.lines, last ? contentEnd(last) ?? close : close, (last ? ', ' : '') + `${key}: ${value}`)];
  }
  const col = keyColumn(model, map);
  if (col === undefined) return [];
  const lineEnd = endOfContentLine(model, contentEnd(map) ?? map.range![1]);
  return [insertAt(model.file, model.lines, lineEnd, model.lines.eol + spaces(col) + `${key}: ${value}`)];
}

/** Adds a top-level `<section>:` entry `name:` with a nested `key: value`, creating the section when missing. */
export function declareTopLevelEntry(model: ComposeFileModel, section: string, name: string, body: Record<string, string>): TextEdit[] {
  const eol = model.lines.eol;
  const unit = indentUnit(model);
  const root = model.root;
  if (!root || root.flow) return [];
  const pair = ownPair(root, section);
  const value = pair?.value as Node | null | undefined;
  const entries = Object.entries(body);
  const render = (col: number): string => spaces(col) + name + ':' + entries.map(([k, v]) => eol + spaces(col + unit) + `${k}: ${v}`).join('');
  if (pair && isMap(value)) {
    if (value.items.some((p) => keyText(p) === name)) return [];
    if (value.flow) {
      const close = (value.range?.[1] ?? 0) - 1;
      const last = value.items[value.items.length - 1];
      const inline = `${name}: {${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
      return [insertAt(model.file, model.lines, last ? contentEnd(last) ?? close : close, (last ? ', ' : '') + inline)];
    }
    const col = keyColumn(model, value) ?? unit;
    const lineEnd = endOfTrailingComments(model, endOfContentLine(model, contentEnd(value) ?? value.range![1]), col);
    return [insertAt(model.file, model.lines, lineEnd, eol + render(col))];
  }
  if (pair && (value == null || (isScalar(value) && value.value == null && !(value.range && value.range[1] > value.range[0])))) {
    const keyCol = column(model, (pair.key as Node).range![0]);
    const keyEnd = endOfContentLine(model, (pair.key as Node).range![1]);
    return [insertAt(model.file, model.lines, keyEnd, eol + render(keyCol + unit))];
  }
  if (pair) return [];
  const text = model.text;
  const lead = text.length === 0 ? '' : !text.endsWith('\n') ? eol + eol : /\n[ \t]*\r?\n$/.test(text) ? '' : eol;
  return [insertAt(model.file, model.lines, text.length, lead + section + ':' + eol + render(unit) + eol)];
}

/** The scalar or collection node of a file that starts at `offset` (a mount entry found by its location). */
export function nodeStartingAt(model: ComposeFileModel, offset: number): Node | undefined {
  let found: Node | undefined;
  const search = (node: unknown): void => {
    if (found || node == null) return;
    if (isPair(node)) {
      search(node.key);
      search(node.value);
      return;
    }
    const n = node as Node;
    if (n.range?.[0] === offset && (isScalar(n) || isMap(n) || isSeq(n))) {
      found = n;
      return;
    }
    if (isMap(n) || isSeq(n)) for (const item of n.items) search(item);
  };
  search(model.doc.contents);
  return found;
}

/**
 * Makes a short-syntax volume string read-only: appends `:ro`, adds `ro` to an
 * existing mode list (`:z` → `:ro,z`) or turns `rw` into `ro`. Quotes stay.
 * Returns undefined when the scalar's source text cannot be edited safely.
 */
export function readOnlyShortVolume(model: ComposeFileModel, node: Node): TextEdit[] | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const source = model.text.slice(start, end);
  const quoted = source.startsWith('"') || source.startsWith("'");
  const innerStart = quoted ? start + 1 : start;
  const innerEnd = quoted ? end - 1 : end;
  const inner = model.text.slice(innerStart, innerEnd);
  if (inner !== node.value) return undefined; // escapes or folding: leave it to the user
  // Colons inside `${VAR:-default}` separate nothing: the options part is after the last real one.
  // As parseShortVolume reads it: a third part is the options, known or not.
  const modeAt = modeSeparator(inner, shortVolumeSeparators(inner));
  if (modeAt !== undefined) {
    // Unknown options stay as written; Compose ignores them. An empty options part becomes `ro`.
    const flags = inner.slice(modeAt + 1).split(',').filter((flag) => flag !== '');
    const next = flags.includes('rw') ? flags.map((f) => (f === 'rw' ? 'ro' : f)) : ['ro', ...flags];
    return [replaceRange(model.file, model.lines, innerStart + modeAt + 1, innerEnd, next.join(','))];
  }
  return [insertAt(model.file, model.lines, innerEnd, ':ro')];
}
