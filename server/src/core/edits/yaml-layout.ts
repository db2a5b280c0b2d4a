import { isCollection, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ComposeFileModel } from '../compose/parse';

/**
 * Layout facts read off the CST so inserted text matches the file's own style:
 * indentation unit, sequence indentation, line breaks, and where content ends.
 */

/** Offset just after the last meaningful character of a node (no trailing comments or blank lines). */
export function contentEnd(node: Node | Pair | null | undefined): number | undefined {
  if (node == null) return undefined;
  if (isPair(node)) return contentEnd(node.value as Node | null) ?? contentEnd(node.key as Node | null);
  if (isCollection(node)) {
    if (node.flow) return node.range?.[1];
    const items = node.items as (Node | Pair)[];
    for (let i = items.length - 1; i >= 0; i--) {
      const end = contentEnd(items[i]);
      if (end !== undefined) return end;
    }
    return node.range?.[1];
  }
  if (isScalar(node)) {
    // Block scalars (`|`, `>`) end after their last line: trim the trailing line break.
    const range = node.range;
    return range ? range[1] : undefined;
  }
  return (node as Node).range?.[1];
}

export function column(model: ComposeFileModel, offset: number): number {
  return model.lines.positionAt(offset).character;
}

/** Column of a mapping's keys (block style). */
export function keyColumn(model: ComposeFileModel, map: YAMLMap): number | undefined {
  const first = map.items.find(isPair);
  const key = first?.key as Node | null | undefined;
  const offset = key?.range?.[0];
  if (offset === undefined) return undefined;
  // A tag or anchor before the first key (`!!merge <<: *defaults`) is where the key column starts.
  const before = model.text.slice(model.lines.lineStart(model.lines.positionAt(offset).line), offset);
  if (/^[ \t]*(?:[!&]\S*[ \t]+)+$/.test(before)) return before.length - before.trimStart().length;
  return column(model, offset);
}

/** End of the line that holds `offset - 1` (the last content character). */
export function endOfContentLine(model: ComposeFileModel, end: number): number {
  let at = Math.max(0, end - 1);
  while (at > 0 && /[\s]/.test(model.text[at]!)) at--;
  return model.lines.lineEnd(model.lines.positionAt(at).line);
}

/**
 * The end of the last comment line after `lineEnd` that is indented deeper than `column`:
 * comments under the last entry of a mapping belong to it (`db_data:` / `driver: local` /
 * `  # driver_opts: …`), so a new sibling key goes below them, not between.
 */
export function endOfTrailingComments(model: ComposeFileModel, lineEnd: number, column: number): number {
  let end = lineEnd;
  for (let line = model.lines.positionAt(lineEnd).line + 1; line < model.lines.lineCount; line++) {
    const text = model.lines.lineText(line);
    const indent = text.length - text.trimStart().length;
    if (!text.trimStart().startsWith('#') || indent <= column) break;
    end = model.lines.lineEnd(line);
  }
  return end;
}

/** The file's indentation unit, from a nested mapping's key column (default 2). */
export function indentUnit(model: ComposeFileModel): number {
  const services = model.servicesPair?.value as YAMLMap | undefined;
  const servicesKey = model.servicesPair?.key as Node | undefined;
  if (services && isCollection(services) && !services.flow && servicesKey?.range) {
    const col = keyColumn(model, services);
    const base = column(model, servicesKey.range[0]);
    if (col !== undefined && col > base) return col - base;
  }
  return 2;
}

/**
 * How far block sequences are indented from their key: 0 for the compact style
 * (`volumes:\n- a`), otherwise the indentation unit. Read from the file's own
 * sequences so new ones match.
 */
export function sequenceOffset(model: ComposeFileModel): number {
  for (const service of model.services) {
    for (const pair of service.map?.items ?? []) {
      const value = pair.value;
      const key = pair.key as Node | null;
      if (isSeq(value) && !value.flow && value.items.length > 0 && key?.range && value.range) {
        return column(model, value.range[0]) - column(model, key.range[0]);
      }
    }
  }
  return indentUnit(model);
}

export function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}

/** Comment lines directly above `offset` at the same column (they describe the entry). */
export function leadingCommentStart(model: ComposeFileModel, offset: number): number {
  const col = column(model, offset);
  let line = model.lines.positionAt(offset).line;
  let start = model.lines.lineStart(line);
  while (line > 0) {
    const text = model.lines.lineText(line - 1);
    const indent = text.length - text.trimStart().length;
    if (!text.trimStart().startsWith('#') || indent !== col) break;
    line -= 1;
    start = model.lines.lineStart(line);
  }
  return start;
}

/** Offset of the `-` that introduces the block sequence item starting at `start`. */
export function dashOffset(model: ComposeFileModel, start: number): number {
  let at = start - 1;
  while (at >= 0 && (model.text[at] === ' ' || model.text[at] === '\t')) at--;
  return at >= 0 && model.text[at] === '-' ? at : start;
}
