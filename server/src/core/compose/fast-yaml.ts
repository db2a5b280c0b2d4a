import { Alias, CST, Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type Schema } from 'yaml';
import type { YamlComment } from './comments';

/*
 * A fast reader for the YAML that compose files are made of: block mappings and sequences,
 * one-line plain and quoted scalars, block scalars, anchors, aliases, one-line flow
 * sequences and mappings of scalars, comments and a leading `---`. It builds the very nodes the `yaml` package's composer builds (same classes,
 * values, tags, anchors and ranges, checked node for node against `yaml` by
 * test/unit/fast-yaml.test.ts) in one pass over the text, without the CST, which costs
 * the `yaml` package most of its parse time.
 *
 * Anything outside that subset (tags, multi-line plain or quoted scalars, nested flow
 * collections, several documents, tabs, directives, explicit keys, deep nesting, any
 * construct `yaml` would report as an error)
 * makes `readYaml` return undefined, and the caller parses with `yaml` itself. Being
 * exact matters more than being complete: when in doubt, it gives up.
 *
 * Where comment lines sit changes the ranges `yaml` gives (a comment indented deeper
 * than its mapping extends the previous value's range; comments left at the end of a
 * nested collection extend that collection's). The reader follows the `yaml` parser's
 * rules for these (its `blockMap`, `blockSequence`, `pop` and `atIndentedComment`).
 */

export interface FastRead {
  doc: Document.Parsed;
  /** Every comment of the text, in order (what the comment index would lex). */
  comments: YamlComment[];
}

/** The options vsafe parses compose YAML with (`yaml`'s own parse and this reader alike). */
export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false } as const;

/** Thrown (never escapes `readYaml`) when the text leaves the supported subset. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Characters `yaml` treats specially or reports, and line breaks other than \n and \r\n. */
const UNSUPPORTED_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff\t]|\r(?!\n)/;

/** Nesting the reader follows; compose files nest a handful of levels. */
const MAX_DEPTH = 100;

const SPACE = 32;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Trailing trivia (blank and comment lines) not yet given to an item, as the `yaml` parser keeps them. */
interface Pending {
  /** Deepest indent of a comment among them; -1 without comments. */
  commentIndent: number;
}

/** An open block collection. */
interface Frame {
  indent: number;
  /** The last item's value when it is a scalar, alias or flow sequence: deeper comment lines extend its range. */
  lastEnd: { range?: [number, number, number] | null } | null;
  pending: Pending | null;
}

interface Tag {
  default?: boolean | 'key';
  format?: string;
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

/** The `yaml` core schema's implicit tags, as of `yaml` 2.x: only their first characters can start a non-string. */
const CORE_TESTS = [
  '/^(?:~|[Nn]ull|NULL)?$/',
  '/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/',
  '/^0o[0-7]+$/',
  '/^[-+]?[0-9]+$/',
  '/^0x[0-9a-fA-F]+$/',
  '/^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$/',
  '/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$/',
  '/^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$/',
];
const MAYBE_NOT_STRING = /^[~nNtTfF0-9+\-.]/;

/** The tags `composeScalar` tries on a plain scalar, in order: default ones with a test. */
function implicitTags(schema: Schema): Tag[] {
  return (schema.tags as Tag[]).filter((t) => t.default && t.test);
}

/** Whether the implicit tags are the known core ones (then a plain scalar starting otherwise is a string). */
function knownCoreTags(tags: readonly Tag[]): boolean {
  return tags.length === CORE_TESTS.length && tags.every((t, i) => String(t.test) === CORE_TESTS[i]);
}

/** Worked out for the first document (every document gets the same core schema). */
let coreTagsKnown: boolean | undefined;

/** Reads a compose file's YAML; undefined when it is outside the subset this reader handles. */
export function readYaml(text: string): FastRead | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class Reader {
  private readonly comments: YamlComment[] = [];
  private doc!: Document.Parsed;
  private schema!: Schema;
  private stringTag!: Tag;
  private tags!: Tag[];
  private fastStrings = false;
  /** The line being looked at: its start, the first non-space offset, its content end (before \r\n) and the next line's start. */
  private lineStart = 0;
  private contentStart = 0;
  private lineEnd = 0;
  private nextLine = 0;
  /** Open block collections: deeper nesting than compose files have goes to `yaml`, which bounds it itself. */
  private depth = 0;
  /** Before the root's first line a `---` line opens the (only) document. */
  private inPrelude = true;
  private docStartMarker = -1;

  constructor(private readonly text: string) {}

  read(): FastRead {
    const doc = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
    this.doc = doc;
    this.schema = doc.schema;
    this.stringTag = (this.schema as unknown as Record<symbol, Tag>)[Symbol.for('yaml.scalar')]!;
    this.tags = implicitTags(this.schema);
    coreTagsKnown ??= knownCoreTags(this.tags);
    this.fastStrings = coreTagsKnown;

    // Leading blank and comment lines, an optional `---`; then the root, a block collection at column 0.
    this.setLine(0);
    this.skipBlankAndComments(null);
    let docStart = this.contentStart;
    if (this.docStartMarker >= 0) {
      docStart = this.docStartMarker;
      let p = this.contentStart + 3;
      while (this.code(p) === SPACE) p++;
      if (!this.isLineEnd(p)) {
        if (this.code(p) !== HASH || p === this.contentStart + 3) giveUp();
        this.recordComment(p, this.lineEnd, false);
      }
      (doc.directives as { docStart: true | null }).docStart = true;
      this.setLine(this.nextLine);
      this.skipBlankAndComments(null);
    }
    this.inPrelude = false;
    if (this.lineStart >= this.text.length) giveUp();
    if (this.contentStart !== this.lineStart) giveUp();
    const frame: Frame = { indent: 0, lastEnd: null, pending: null };
    const rootStart = this.contentStart;
    const root = this.code(rootStart) === DASH && this.isBlankOrEnd(rootStart + 1) ? this.blockSeq(frame, rootStart) : this.blockMap(frame, rootStart);
    if (this.lineStart < this.text.length) giveUp();
    doc.contents = root as Document.Parsed['contents'];
    const contentEnd = root.range![2];
    // Trivia after the root went to the document's end; an empty last value keeps them in its separator.
    doc.range = [docStart, contentEnd, frame.pending ? this.text.length : contentEnd];
    return { doc, comments: this.comments };
  }

  // ---------------------------------------------------------------- lines

  private code(offset: number): number {
    return offset < this.text.length ? this.text.charCodeAt(offset) : -1;
  }

  /** End of line or of text at `offset` (the content end, before \r\n). */
  private isBlankOrEnd(offset: number): boolean {
    const c = this.code(offset);
    return c === -1 || c === SPACE || c === NEWLINE || (c === CR && this.code(offset + 1) === NEWLINE);
  }

  private setLine(start: number): void {
    const text = this.text;
    this.lineStart = start;
    let i = start;
    while (i < text.length && text.charCodeAt(i) === SPACE) i++;
    this.contentStart = i;
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    this.lineEnd = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    this.nextLine = nl < text.length ? nl + 1 : text.length;
    // Document markers and directives start another document or need a directive parser.
    if (i === start && i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 37 /* % */) giveUp();
      if ((c === DASH || c === 46) /* . */ && text.startsWith(c === DASH ? '---' : '...', i) && this.isBlankOrEnd(i + 3)) {
        if (c !== DASH || !this.inPrelude || this.docStartMarker >= 0) giveUp();
        this.docStartMarker = i;
      }
    }
  }

  private get indent(): number {
    return this.contentStart - this.lineStart;
  }

  private atEnd(): boolean {
    return this.lineStart >= this.text.length;
  }

  /** A blank or comment-only line (or the end of the text). */
  private isTrivia(): boolean {
    if (this.atEnd() || this.docStartMarker === this.lineStart) return false;
    const c = this.code(this.contentStart);
    return this.contentStart >= this.lineEnd || c === HASH;
  }

  private recordComment(start: number, end: number, ownLine: boolean): void {
    this.comments.push({ start, end, text: this.text.slice(start + 1, end), ownLine });
  }

  /** Skips trivia lines, giving them to `frame` the way the `yaml` parser does. Stops at content or the end. */
  private skipBlankAndComments(frame: Frame | null): void {
    while (this.isTrivia()) {
      const hasComment = this.contentStart < this.lineEnd;
      if (hasComment) this.recordComment(this.contentStart, this.lineEnd, true);
      if (frame) {
        const pendingIsBlank = frame.pending === null || frame.pending.commentIndent < 0;
        if (hasComment && frame.lastEnd && pendingIsBlank && this.indent > frame.indent) {
          // `atIndentedComment`: a comment deeper than the collection joins the previous value's end.
          frame.lastEnd.range![2] = this.nextLine;
          frame.pending = null;
        } else {
          frame.pending ??= { commentIndent: -1 };
          if (hasComment && this.indent > frame.pending.commentIndent) frame.pending.commentIndent = this.indent;
        }
      }
      this.setLine(this.nextLine);
    }
  }

  /**
   * The end of a collection: the `yaml` parser's `pop` moves trailing trivia to the parent
   * unless a comment among them is indented at least as deep as the collection (and the
   * collection is not at column 0); kept trivia extend the collection's range to the next content.
   */
  private closeFrame(frame: Frame, parent: Frame | null): number | undefined {
    const pending = frame.pending;
    if (!pending) return undefined;
    if (frame.indent === 0 || pending.commentIndent < frame.indent) {
      if (parent) parent.pending = pending;
      return undefined;
    }
    return this.atEnd() ? this.text.length : this.contentStart;
  }

  // ---------------------------------------------------------------- block collections

  /** A block mapping whose first key starts at `start` on the current line. */
  private blockMap(frame: Frame, start: number, parent: Frame | null = null): YAMLMap {
    if (++this.depth > MAX_DEPTH) giveUp();
    const map = new YAMLMap(this.schema);
    let offset = start;
    let keyStart = start;
    for (;;) {
      offset = this.mapItem(map, frame, keyStart);
      // The current line is now the next content line (or the end).
      if (this.atEnd() || this.indent < frame.indent) break;
      if (this.indent > frame.indent) giveUp();
      if (this.code(this.contentStart) === DASH && this.isBlankOrEnd(this.contentStart + 1)) break;
      frame.pending = null;
      keyStart = this.contentStart;
    }
    const commentEnd = this.closeFrame(frame, parent);
    map.range = [start, offset, commentEnd ?? offset];
    this.depth--;
    return map;
  }

  /** One `key: value` item; returns the end of its value (`offset` in `resolveBlockMap`). */
  private mapItem(map: YAMLMap, frame: Frame, keyStart: number): number {
    const key = this.key(keyStart);
    let p = key.colon + 1;
    while (this.code(p) === SPACE) p++;
    const hadSpace = p > key.colon + 1;
    frame.lastEnd = null;
    let anchor: string | undefined;
    if (this.code(p) === 38 /* & */ && hadSpace) ({ name: anchor, next: p } = this.anchorAt(p));
    if (this.isLineEnd(p) || (this.code(p) === HASH && (hadSpace || anchor !== undefined))) {
      const value = this.valueOnNextLines(frame, p);
      if (anchor !== undefined) {
        // An anchored empty value keeps its anchor's tokens in the separator: not handled.
        if (isScalar(value)) giveUp();
        value.anchor = anchor;
      }
      map.items.push(new Pair(key.node, value));
      return value.range![2];
    }
    if (!hadSpace) giveUp();
    const value = this.inlineValue(p, frame.indent);
    if (anchor !== undefined) {
      if (value instanceof Alias) giveUp();
      value.anchor = anchor;
    }
    map.items.push(new Pair(key.node, value));
    this.afterValue(value, frame);
    return value.range![2];
  }

  /**
   * After a value that ended its line (a block scalar: its last line): trivia, then the next
   * content line must not continue it. Only a value with end tokens (not a block scalar) takes deeper comments.
   */
  private afterValue(value: Scalar | Alias | YAMLSeq | YAMLMap, frame: Frame): void {
    const block = isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED');
    frame.lastEnd = block ? null : value;
    if (!block) this.setLine(this.nextLine);
    this.skipBlankAndComments(frame);
    if (!this.atEnd() && this.indent > frame.indent) giveUp();
  }

  private isLineEnd(offset: number): boolean {
    return offset >= this.lineEnd;
  }

  /**
   * A value that starts on a following line (a nested mapping or sequence), or an empty
   * value, placed at `emptyAt` (after the `:` and the spaces that follow it).
   */
  private valueOnNextLines(frame: Frame, emptyAt: number): Node {
    // The separator tokens: a comment on the key's line (it starts where an empty value would), the trivia lines below.
    let sepComment = false;
    const lineComment = this.code(emptyAt) === HASH;
    if (lineComment) {
      this.recordComment(emptyAt, this.lineEnd, false);
      sepComment = true;
    }
    // Newline offsets (just after each) that count for the split of `blockMap` (reset by deeper comments).
    const newlines: number[] = [];
    if (this.nextLine > this.lineEnd) newlines.push(this.lineEnd);
    const sepCommentEnds: number[] = [];
    if (lineComment) sepCommentEnds.push(this.lineEnd);
    this.setLine(this.nextLine);
    while (this.isTrivia()) {
      const hasComment = this.contentStart < this.lineEnd;
      if (hasComment) {
        this.recordComment(this.contentStart, this.lineEnd, true);
        sepComment = true;
        sepCommentEnds.push(this.lineEnd);
        if (this.indent > frame.indent) newlines.length = 0;
      }
      if (this.nextLine > this.lineEnd) newlines.push(this.lineEnd);
      this.setLine(this.nextLine);
    }
    if (!this.atEnd()) {
      const c = this.code(this.contentStart);
      const isSeq = c === DASH && this.isBlankOrEnd(this.contentStart + 1);
      if (this.indent > frame.indent || (this.indent === frame.indent && isSeq)) {
        const child: Frame = { indent: this.indent, lastEnd: null, pending: null };
        const node = isSeq ? this.blockSeq(child, this.contentStart, frame) : this.blockMap(child, this.contentStart, frame);
        return node;
      }
    }
    // An empty value: `composeEmptyNode` after the separator.
    const scalar = this.scalar('', 'PLAIN', [emptyAt, emptyAt, emptyAt], false);
    let end = this.atEnd() ? this.text.length : this.contentStart;
    if (!this.atEnd() && this.indent === frame.indent) {
      // The next item: from the second newline on, the separator belongs to it.
      if (newlines.length >= 2) {
        end = newlines[1]!;
        sepComment = sepCommentEnds.some((e) => e <= end);
      }
    }
    if (sepComment) scalar.range![2] = end;
    return scalar;
  }

  /** A block sequence whose first `-` is at `start` on the current line. */
  private blockSeq(frame: Frame, start: number, parent: Frame | null = null): YAMLSeq {
    if (++this.depth > MAX_DEPTH) giveUp();
    const seq = new YAMLSeq(this.schema);
    let offset = start;
    for (;;) {
      offset = this.seqItem(seq, frame, this.contentStart);
      if (this.atEnd() || this.indent < frame.indent) break;
      if (this.indent > frame.indent) giveUp();
      if (!(this.code(this.contentStart) === DASH && this.isBlankOrEnd(this.contentStart + 1))) break;
      frame.pending = null;
    }
    const commentEnd = this.closeFrame(frame, parent);
    seq.range = [start, offset, commentEnd ?? offset];
    this.depth--;
    return seq;
  }

  private seqItem(seq: YAMLSeq, frame: Frame, dash: number): number {
    let p = dash + 1;
    while (this.code(p) === SPACE) p++;
    frame.lastEnd = null;
    if (this.isLineEnd(p) || this.code(p) === HASH) giveUp();
    let anchor: string | undefined;
    if (this.code(p) === 38 /* & */) {
      ({ name: anchor, next: p } = this.anchorAt(p));
      // What the anchor names must follow on the line.
      if (this.isLineEnd(p) || this.code(p) === HASH) giveUp();
    }
    const c = this.code(p);
    if (c === DASH && this.isBlankOrEnd(p + 1)) giveUp();
    if (this.keyColon(p) !== undefined) {
      if (anchor !== undefined) giveUp();
      // A compact mapping: its keys line up with the first one.
      const child: Frame = { indent: p - this.lineStart, lastEnd: null, pending: null };
      const map = this.blockMap(child, p, frame);
      seq.items.push(map);
      return map.range![2];
    }
    const value = this.inlineValue(p, frame.indent);
    if (anchor !== undefined) {
      if (value instanceof Alias) giveUp();
      value.anchor = anchor;
    }
    seq.items.push(value);
    this.afterValue(value, frame);
    return value.range![2];
  }

  // ---------------------------------------------------------------- keys and values

  /** The `:` ending an implicit key that starts at `start`, or undefined when the line holds no key there. */
  private keyColon(start: number): number | undefined {
    const c = this.code(start);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = this.quoteEnd(start);
      if (close === undefined) return undefined;
      return this.code(close) === COLON && this.isBlankOrEnd(close + 1) ? close : undefined;
    }
    if (!this.plainStart(start)) return undefined;
    const text = this.text;
    for (let i = start; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && this.isBlankOrEnd(i + 1)) return i;
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return undefined;
    }
    return undefined;
  }

  private key(start: number): { node: Scalar; colon: number } {
    const colon = this.keyColon(start);
    if (colon === undefined) giveUp();
    const c = this.code(start);
    let node: Scalar;
    if (c === 34 || c === 39) {
      node = this.quoted(start, colon);
    } else {
      let end = colon;
      while (end > start && this.text.charCodeAt(end - 1) === SPACE) end--;
      const source = this.text.slice(start, end);
      if (/[[\]{},#]/.test(source)) giveUp();
      node = this.scalar(source, 'PLAIN', [start, end, end], true);
    }
    return { node, colon };
  }

  /** Whether a plain scalar may start at `offset` (indicators need a non-space after them, some never start one). */
  private plainStart(offset: number): boolean {
    const c = this.code(offset);
    switch (c) {
      case -1:
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case HASH:
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 39: // '
      case 34: // "
      case 37: // %
      case 64: // @
      case 96: // `
        return false;
      case DASH:
      case 63: // ?
      case COLON:
        return !this.isBlankOrEnd(offset + 1);
      default:
        return c !== SPACE && c !== NEWLINE && c !== CR;
    }
  }

  /** The offset just after the closing quote of a one-line quoted scalar at `start`. */
  private quoteEnd(start: number): number | undefined {
    const text = this.text;
    const quote = text.charCodeAt(start);
    for (let i = start + 1; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (quote === 34 && ch === 92 /* \ */) {
        i++;
        continue;
      }
      if (ch === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return undefined;
  }

  /** The one-line quoted scalar at `start`, and the offset after its closing quote. */
  private quotedAt(start: number): { node: Scalar; end: number } {
    const close = this.quoteEnd(start);
    if (close === undefined) giveUp();
    return { node: this.quoted(start, close), end: close };
  }

  private quoted(start: number, end: number): Scalar {
    const source = this.text.slice(start, end);
    let value: string;
    let type: Scalar.Type;
    if (source.charCodeAt(0) === 39) {
      value = source.slice(1, -1).replace(/''/g, "'");
      type = 'QUOTE_SINGLE';
    } else {
      type = 'QUOTE_DOUBLE';
      if (source.includes('\\')) {
        let failed = false;
        const resolved = CST.resolveAsScalar({ type: 'double-quoted-scalar', offset: start, indent: 0, source }, false, () => (failed = true));
        if (failed || !resolved) giveUp();
        value = resolved.value;
      } else value = source.slice(1, -1);
    }
    const scalar = new Scalar(value);
    scalar.range = [start, end, end];
    (scalar as Scalar & { source?: string }).source = value;
    scalar.type = type;
    return scalar;
  }

  /**
   * A value that starts at `p` on the current line and ends it (with an optional comment);
   * a block scalar also takes the lines it spans. `parentIndent` is the indent of the
   * collection holding the value.
   */
  private inlineValue(p: number, parentIndent: number): Scalar | Alias | YAMLSeq | YAMLMap {
    const c = this.code(p);
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(p, parentIndent);
    let node: Scalar | Alias | YAMLSeq | YAMLMap;
    let end: number;
    if (c === 42 /* * */) {
      const name = this.anchorName(p + 1);
      if (name.name.endsWith(':')) giveUp();
      const alias = new Alias(name.name);
      end = name.end;
      alias.range = [p, end, end];
      node = alias;
    } else if (c === 34 || c === 39) {
      ({ node, end } = this.quotedAt(p));
    } else if (c === 91 /* [ */) {
      node = this.flowSeq(p);
      end = node.range![1];
    } else if (c === 123 /* { */) {
      node = this.flowMap(p);
      end = node.range![1];
    } else {
      if (!this.plainStart(p)) giveUp();
      const text = this.text;
      let i = p;
      for (; i < this.lineEnd; i++) {
        const ch = text.charCodeAt(i);
        if (ch === HASH && text.charCodeAt(i - 1) === SPACE) break;
        if (ch === COLON && this.isBlankOrEnd(i + 1)) giveUp();
      }
      end = i;
      while (end > p && text.charCodeAt(end - 1) === SPACE) end--;
      node = this.scalar(text.slice(p, end), 'PLAIN', [p, end, end], false);
    }
    // The rest of the line: spaces, an optional comment, the line break (all in the value's `end`).
    let q = end;
    while (this.code(q) === SPACE) q++;
    if (!this.isLineEnd(q)) {
      if (this.code(q) !== HASH || q === end) giveUp();
      this.recordComment(q, this.lineEnd, false);
    }
    node.range![2] = this.nextLine;
    return node;
  }

  /**
   * A block scalar (`|` or `>`, optional chomping, no explicit indentation), its extent
   * found as the `yaml` lexer finds it (`parseBlockScalar`), its value by `yaml` itself.
   * Leaves the current line at the first line after it.
   */
  private blockScalar(start: number, parentIndent: number): Scalar {
    const text = this.text;
    let p = start + 1;
    const chomp = this.code(p);
    if (chomp === DASH || chomp === 43 /* + */) p++;
    const keep = chomp === 43;
    const headerEnd = p;
    while (this.code(p) === SPACE) p++;
    const props: CST.SourceToken[] = [{ type: 'block-scalar-header', offset: start, indent: parentIndent, source: text.slice(start, headerEnd) }];
    if (p > headerEnd) props.push({ type: 'space', offset: headerEnd, indent: parentIndent, source: text.slice(headerEnd, p) });
    if (!this.isLineEnd(p)) {
      if (this.code(p) !== HASH || p === headerEnd) giveUp();
      this.recordComment(p, this.lineEnd, false);
      props.push({ type: 'comment', offset: p, indent: parentIndent, source: text.slice(p, this.lineEnd) });
    }
    if (this.nextLine === this.lineEnd) giveUp();
    props.push({ type: 'newline', offset: this.lineEnd, indent: parentIndent, source: text.slice(this.lineEnd, this.nextLine) });
    const bodyStart = this.nextLine;
    // Leading blank lines, then the first content line's indentation.
    let nl = bodyStart - 1;
    let indent = 0;
    let i = bodyStart;
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE) indent++;
      else if (ch === NEWLINE) {
        nl = i;
        indent = 0;
      } else if (ch === CR && text.charCodeAt(i + 1) === NEWLINE) continue;
      else break;
    }
    const indentNext = parentIndent + 1;
    if (indent >= indentNext) {
      // Every following line indented at least as deep, or blank, continues the scalar.
      for (;;) {
        const cs = this.continuesBlockScalar(nl + 1, indent);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
        if (nl === -1) {
          nl = text.length;
          break;
        }
      }
    }
    if (!keep) {
      // Trailing lines of spaces no deeper than the content drop out of the scalar.
      for (;;) {
        let j = nl - 1;
        let ch = text.charCodeAt(j);
        if (ch === CR) ch = text.charCodeAt(--j);
        const lastChar = j;
        while (ch === SPACE) ch = text.charCodeAt(--j);
        if (ch === NEWLINE && j >= bodyStart && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    const bodyEnd = Math.min(nl + 1, text.length);
    const token: CST.BlockScalar = { type: 'block-scalar', offset: start, indent: parentIndent, props, source: text.slice(bodyStart, bodyEnd) };
    let failed = false;
    const resolved = CST.resolveAsScalar(token, false, () => (failed = true));
    if (failed || !resolved) giveUp();
    const scalar = new Scalar(resolved.value);
    scalar.range = resolved.range;
    (scalar as Scalar & { source?: string }).source = resolved.value;
    scalar.type = resolved.type!;
    this.setLine(bodyEnd);
    return scalar;
  }

  /** The `yaml` lexer's `continueScalar` for a block scalar indented `indentNext`: where the line at `offset` continues it, or -1. */
  private continuesBlockScalar(offset: number, indentNext: number): number {
    const text = this.text;
    if (offset >= text.length) return -1;
    let n = 0;
    let ch = text.charCodeAt(offset);
    while (ch === SPACE) ch = text.charCodeAt(++n + offset);
    if (ch === CR && text.charCodeAt(n + offset + 1) === NEWLINE) return offset + n + 1;
    return ch === NEWLINE || n >= indentNext ? offset + n : -1;
  }

  /** `{a: b, "c": d}` on one line, of scalar keys and values. */
  private flowMap(start: number): YAMLMap {
    const map = new YAMLMap(this.schema);
    map.flow = true;
    map.range = this.flowEntries(start, 125 /* } */, (p) => {
      const key = this.flowScalar(p, true);
      if (this.code(key.end) !== COLON || this.code(key.end + 1) !== SPACE) giveUp();
      key.node.range![2] = key.end;
      let q = key.end + 1;
      while (this.code(q) === SPACE) q++;
      const value = this.flowScalar(q, false);
      map.items.push(new Pair(key.node, value.node));
      return value;
    });
    return map;
  }

  /**
   * The entries of a one-line flow collection opened at `start` and closed by `close`:
   * `entry` reads one at an offset and returns the node that ends it; the spaces before the
   * next `,` (or the closing bracket) end that node's range. Returns the collection's range.
   */
  private flowEntries(start: number, close: number, entry: (p: number) => { node: Scalar; end: number }): [number, number, number] {
    let p = start + 1;
    for (;;) {
      while (this.code(p) === SPACE) p++;
      if (p >= this.lineEnd) giveUp();
      if (this.code(p) === close) break;
      const { node, end } = entry(p);
      let q = end;
      while (this.code(q) === SPACE) q++;
      node.range![2] = q;
      const after = this.code(q);
      if (after === 44 /* , */) {
        p = q + 1;
        continue;
      }
      if (after !== close) giveUp();
      p = q;
      break;
    }
    return [start, p + 1, p + 1];
  }

  /** A quoted or plain scalar inside a one-line flow collection, and the offset after it. */
  private flowScalar(p: number, atKey: boolean): { node: Scalar; end: number } {
    const c = this.code(p);
    if (c === 34 || c === 39) return this.quotedAt(p);
    if (!this.plainStart(p) || c === DASH || c === 63 || c === COLON) giveUp();
    const text = this.text;
    let i = p;
    for (; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 44 || ch === 93 || ch === 91 || ch === 123 || ch === 125) break;
      if (ch === COLON) {
        if (atKey && this.code(i + 1) === SPACE) break;
        giveUp();
      }
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) giveUp();
    }
    let end = i;
    while (end > p && text.charCodeAt(end - 1) === SPACE) end--;
    if (atKey && end !== i) giveUp();
    return { node: this.scalar(text.slice(p, end), 'PLAIN', [p, end, end], atKey), end };
  }

  /** `[a, "b", c]` on one line, of scalars only. */
  private flowSeq(start: number): YAMLSeq {
    const seq = new YAMLSeq(this.schema);
    seq.flow = true;
    seq.range = this.flowEntries(start, 93 /* ] */, (p) => {
      const item = this.flowScalar(p, false);
      seq.items.push(item.node);
      return item;
    });
    return seq;
  }

  /** The anchor `&name` at `start`, and where what follows it starts (after a space, or the line end). */
  private anchorAt(start: number): { name: string; next: number } {
    const { name, end } = this.anchorName(start + 1);
    let next = end;
    while (this.code(next) === SPACE) next++;
    if (next === end && !this.isLineEnd(next)) giveUp();
    return { name, next };
  }

  private anchorName(start: number): { name: string; end: number } {
    let i = start;
    const text = this.text;
    for (; i < this.lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE || ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
    }
    if (i === start) giveUp();
    return { name: text.slice(start, i), end: i };
  }

  /** A scalar as `composeScalar` makes it: the implicit tag whose test matches, else a string. */
  private scalar(source: string, type: Scalar.Type, range: [number, number, number], atKey: boolean): Scalar {
    let tag: Tag | undefined;
    if (type === 'PLAIN' && (!this.fastStrings || source === '' || MAYBE_NOT_STRING.test(source))) {
      for (const t of this.tags) {
        if ((t.default === true || (atKey && t.default === 'key')) && t.test!.test(source)) {
          tag = t;
          break;
        }
      }
    }
    tag ??= this.stringTag;
    const resolved = tag.resolve(source, () => giveUp(), this.doc.options);
    const scalar = isScalar(resolved) ? (resolved as Scalar) : new Scalar(resolved);
    scalar.range = range;
    (scalar as Scalar & { source?: string }).source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }
}
