import { Lexer, type Document } from 'yaml';
import { ObjectSlot } from '../collections';
import { LineIndex } from '../text';
import { sourceTextOf } from './source';

/**
 * The comments of a YAML text, found from the text itself rather than from where the
 * `yaml` package attaches them to nodes (`comment`, `commentBefore`): that attachment is
 * full of special cases (a `key:` with no value takes the comment lines below it) and a
 * document read by another reader has none. Consumers ask line questions instead: the
 * comment on a line, the comments directly above a line, the comments inside a range.
 */

export interface YamlComment {
  /** Offset of the `#`. */
  start: number;
  /** Offset just after the comment (the end of its line, before the line break). */
  end: number;
  /** The text after '#'. */
  text: string;
  /** Only whitespace before it on its line. */
  ownLine: boolean;
}

const DOC_MODE = '\x02';
const FLOW_ERROR_END = '\x18';
const SCALAR = '\x1f';

/**
 * Every comment of a YAML text, in order, from the `yaml` package's Lexer (cheap: ~1/9 of
 * a full parse). The lexer's tokens are consecutive slices of the text, except three
 * zero-width control tokens: doc-mode and flow-error-end take no text, and the scalar
 * marker announces that the next token is a scalar's content (which may start with `#`,
 * as a block scalar line `# not a comment` does) — the same reading as the Parser's `next`.
 */
export function commentsOfText(text: string): YamlComment[] {
  const comments: YamlComment[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const source of new Lexer().lex(text)) {
    if (scalarNext) {
      scalarNext = false;
      offset += source.length;
      continue;
    }
    if (source === DOC_MODE || source === FLOW_ERROR_END) continue;
    if (source === SCALAR) {
      scalarNext = true;
      continue;
    }
    if (source.charCodeAt(0) === 35 /* # */) {
      comments.push({ start: offset, end: offset + source.length, text: source.slice(1), ownLine: onlySpaceBefore(text, offset) });
    }
    offset += source.length;
  }
  return comments;
}

/** Only spaces and tabs (and a byte order mark at the start of the text) between the line start and `offset`. */
function onlySpaceBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    if (code === 32 || code === 9 || (i === 0 && code === 0xfeff)) continue;
    return false;
  }
  return true;
}

const commentsByDocument = new ObjectSlot<Document, YamlComment[]>('vsafe.comments');
/** The documents of one `---` stream share their text: the last text lexed is lexed once for all of them. */
let lastLexed: { text: string; comments: YamlComment[] } | undefined;

/** Seeds the index of a document (a reader that met the comments while reading knows them already). */
export function rememberComments(doc: Document, comments: YamlComment[]): void {
  commentsByDocument.set(doc, comments);
  indexes.delete(doc);
}

/**
 * The comments of the text `doc` was parsed from (memoised per document; computed with
 * `commentsOfText(sourceTextOf(doc))` when not seeded). None for a document whose text is unknown.
 */
export function documentComments(doc: Document): YamlComment[] {
  let comments = commentsByDocument.get(doc);
  if (comments) return comments;
  const text = sourceTextOf(doc);
  if (text === undefined) comments = [];
  else if (lastLexed?.text === text) comments = lastLexed.comments;
  else {
    comments = commentsOfText(text);
    lastLexed = { text, comments };
  }
  commentsByDocument.set(doc, comments);
  return comments;
}

/** Line and offset questions about the comments of one text. */
export class CommentIndex {
  /** The comment of each line that has one (a comment runs to the end of its line: at most one a line). */
  private readonly byLine = new Map<number, YamlComment>();

  constructor(
    readonly comments: readonly YamlComment[],
    readonly lines: LineIndex,
  ) {
    // Both are in text order: one sweep, no search per comment.
    let line = 0;
    for (const comment of comments) {
      while (line + 1 < lines.lineCount && lines.lineStart(line + 1) <= comment.start) line++;
      this.byLine.set(line, comment);
    }
  }

  /** The 0-based line of an offset. */
  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line;
  }

  /** The comment on a line, after content or on its own. */
  onLine(line: number): YamlComment | undefined {
    return this.byLine.get(line);
  }

  /** The comment after content on a line. */
  trailingOn(line: number): YamlComment | undefined {
    const comment = this.byLine.get(line);
    return comment && !comment.ownLine ? comment : undefined;
  }

  /** The comments on lines `from` to `to` (inclusive), in order. */
  onLines(from: number, to: number): YamlComment[] {
    const found: YamlComment[] = [];
    for (let line = Math.max(0, from); line <= to; line++) {
      const comment = this.byLine.get(line);
      if (comment) found.push(comment);
    }
    return found;
  }

  /**
   * The block of own-line comments directly above a line: the comment lines right above it,
   * up to the first line that is not one (a blank line or content), top to bottom.
   */
  blockAbove(line: number): YamlComment[] {
    const found: YamlComment[] = [];
    for (let above = line - 1; above >= 0; above--) {
      const comment = this.byLine.get(above);
      if (!comment?.ownLine) break;
      found.push(comment);
    }
    return found.reverse();
  }

  /** The block of own-line comments directly below a line, up to the first line that is not one, top to bottom. */
  blockBelow(line: number): YamlComment[] {
    const found: YamlComment[] = [];
    for (let below = line + 1; below < this.lines.lineCount; below++) {
      const comment = this.byLine.get(below);
      if (!comment?.ownLine) break;
      found.push(comment);
    }
    return found;
  }

  /** The 0-based column of a comment's `#`. */
  columnOf(comment: YamlComment): number {
    return this.lines.positionAt(comment.start).character;
  }

  /** The comments that start in [start, end). */
  within(start: number, end: number): YamlComment[] {
    const found: YamlComment[] = [];
    for (let i = firstAtOrAfter(this.comments, start); i < this.comments.length && this.comments[i]!.start < end; i++) found.push(this.comments[i]!);
    return found;
  }

  /**
   * The comments heading the text: before its first content, with only whitespace, a byte
   * order mark, `---` / `...` markers and `%` directive lines before them.
   */
  heading(): YamlComment[] {
    return headingComments(this.comments, this.lines.text);
  }
}

/** Index of the first comment starting at or after `offset` (binary search). */
function firstAtOrAfter(comments: readonly YamlComment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Space, tab or a line break (a character code). */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** See `CommentIndex.heading`; `comments` are the comments of `text`. */
export function headingComments(comments: readonly YamlComment[], text: string): YamlComment[] {
  const found: YamlComment[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let next = 0;
  const atLineStart = (at: number): boolean => at === 0 || (at === 1 && text.charCodeAt(0) === 0xfeff) || text[at - 1] === '\n' || text[at - 1] === '\r';
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (isBlank(code)) {
      pos++;
      continue;
    }
    while (next < comments.length && comments[next]!.start < pos) next++;
    const comment = comments[next];
    if (comment?.start === pos) {
      found.push(comment);
      pos = comment.end;
      continue;
    }
    if (!atLineStart(pos)) break;
    const marker = text.startsWith('---', pos) || text.startsWith('...', pos);
    if (marker && (pos + 3 >= text.length || ' \t\r\n'.includes(text[pos + 3]!))) {
      pos += 3;
      continue;
    }
    if (text[pos] !== '%') break;
    // A directive line (`%YAML 1.2`), with its comment if it has one.
    let end = pos;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    while (next < comments.length && comments[next]!.start < end) found.push(comments[next++]!);
    pos = end;
  }
  return found;
}

const indexes = new ObjectSlot<Document, CommentIndex>('vsafe.commentIndex');

/**
 * The line index of a document's comments (memoised per document). `lines` is reused
 * when it is the line index of the document's text.
 */
export function commentIndex(doc: Document, lines?: LineIndex): CommentIndex {
  let index = indexes.get(doc);
  if (index) return index;
  const comments = documentComments(doc);
  const text = sourceTextOf(doc) ?? lines?.text ?? '';
  index = new CommentIndex(comments, lines?.text === text ? lines : new LineIndex(text));
  indexes.set(doc, index);
  return index;
}
