import type { LineIndex } from '../text';
import type { TextEdit } from '../types';

export function insertAt(file: string, lines: LineIndex, offset: number, text: string): TextEdit {
  const position = lines.positionAt(offset);
  return { file, range: { start: position, end: position }, newText: text };
}

export function replaceRange(file: string, lines: LineIndex, start: number, end: number, text: string): TextEdit {
  return { file, range: lines.range(start, end), newText: text };
}

/**
 * Applies edits to one text. Edits must not overlap; inserts at the same
 * position keep their array order (as LSP specifies).
 */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[], lines: LineIndex): string {
  const indexed = edits.map((edit, index) => ({ edit, index, start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }));
  indexed.sort((a, b) => a.start - b.start || a.index - b.index);
  let out = '';
  let cursor = 0;
  for (const { edit, start, end } of indexed) {
    if (start < cursor) throw new Error('overlapping edits');
    out += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}
