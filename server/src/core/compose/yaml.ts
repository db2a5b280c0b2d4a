import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseAllDocuments, parseDocument, Parser, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { ObjectSlot } from '../collections';
import { rememberComments } from './comments';
import { PARSE_OPTIONS, readYaml } from './fast-yaml';
import { rememberSourceText, sourceTextOf } from './source';

/*
 * No `keepSourceTokens`: a document that keeps its CST tokens alive costs twice the memory,
 * and a workspace's documents stay alive for the whole analysis, so the garbage collector
 * pays for them on every run. Edits need only node ranges and the text; scalars that need
 * their written form read it from the text (see `scalarString`).
 */
export const YAML_PARSE_OPTIONS = PARSE_OPTIONS;

/**
 * Parses one compose document, remembering its text. The fast reader (fast-yaml.ts) reads
 * what compose files are made of and builds the nodes `yaml` would; anything else is
 * parsed by `yaml` itself.
 */
export function parseYaml(text: string): Document.Parsed {
  const fast = readFast(text);
  if (fast) return fast;
  let doc: Document.Parsed = parseDocument(text, YAML_PARSE_OPTIONS);
  if (hasUnclosedQuote(doc)) doc = lenientlyIfClean([doc], text, true)[0]!;
  rememberSourceText(doc, text);
  return doc;
}

/*
 * A quoted scalar whose continuation lines are indented less than its key (a `command: '…`
 * spanning lines, the closing quote at column 1) is not valid YAML, and `yaml` ends the
 * scalar at the first such line. libyaml, which PyYAML and Compose's go-yaml are ports of,
 * reads on to the closing quote, so Compose runs the file. Such a file is read as they read it.
 */
function hasUnclosedQuote(doc: Document.Parsed): boolean {
  return doc.errors.some((e) => e.code === 'MISSING_CHAR' && /closing ["']quote/.test(e.message));
}

/** The lenient reading, when it has no error; otherwise the strict one (`docs`), whose errors are reported. */
function lenientlyIfClean(docs: Document.Parsed[], text: string, single: boolean): Document.Parsed[] {
  const composer = new Composer(YAML_PARSE_OPTIONS);
  const lenient = Array.from(composer.compose(lenientTokens(text), true, text.length));
  const clean = lenient.length > 0 && (!single || lenient.length === 1) && lenient.every((d) => d.errors.length === 0);
  return clean ? (lenient as Document.Parsed[]) : docs;
}

/** Parser tokens with a lexer that lets quoted scalars run over unindented lines, as libyaml does. */
function* lenientTokens(text: string): Generator<ReturnType<Parser['next']> extends Generator<infer T> ? T : never> {
  const parser = new Parser();
  for (const lexeme of quoteLenientLexer().lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}

/** The members of `yaml`'s Lexer the lenient reading changes (private in its typings). */
interface LexerInternals {
  buffer: string;
  continueScalar(offset: number): number;
  parseQuotedScalar(): Generator<string, string>;
}

function quoteLenientLexer(): Lexer {
  const lexer = new Lexer();
  const internals = lexer as unknown as LexerInternals;
  const continueScalar = internals.continueScalar.bind(lexer);
  const parseQuotedScalar = internals.parseQuotedScalar.bind(lexer);
  let inQuotes = false;
  internals.parseQuotedScalar = function* () {
    inQuotes = true;
    try {
      return yield* parseQuotedScalar();
    } finally {
      inQuotes = false;
    }
  };
  // Inside quotes only a document marker (`---`, `...` at column 1) ends the scalar early, as in libyaml.
  internals.continueScalar = (offset) => (inQuotes ? (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(internals.buffer.slice(offset, offset + 4)) ? -1 : offset) : continueScalar(offset));
  return lexer;
}

function readFast(text: string): Document.Parsed | undefined {
  const read = readYaml(text);
  if (!read) return undefined;
  rememberSourceText(read.doc, text);
  rememberComments(read.doc, read.comments);
  return read.doc;
}

/**
 * Every document of a YAML stream. `docker compose` loads each `---` document of a
 * file as one more layer merged on the previous ones; an empty stream is one empty document.
 */
export function parseYamlDocuments(text: string): Document.Parsed[] {
  // The fast reader reads a single document (it gives up on a second `---`).
  const fast = readFast(text);
  if (fast) return [fast];
  const parsed = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  let docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  if (docs.some(hasUnclosedQuote)) docs = lenientlyIfClean(docs, text, false);
  if (docs.length === 0) return [parseYaml(text)];
  for (const doc of docs) rememberSourceText(doc, text);
  return docs;
}

/** Alias targets, resolved once: `Alias.resolve` walks the whole document each time. */
const aliasTargets = new ObjectSlot<object, Node | null>('vsafe.aliasTarget');

/** Follows an alias to the node it names; other nodes are returned unchanged. */
export function deref(doc: Document, node: unknown, depth = 0): Node | undefined {
  if (node == null) return undefined;
  if (isAlias(node)) {
    if (depth > 32) return undefined;
    let target = aliasTargets.get(node);
    if (target === undefined) {
      target = (node.resolve(doc) as Node | undefined) ?? null;
      aliasTargets.set(node, target);
    }
    return deref(doc, target, depth + 1);
  }
  return node as Node;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (!isScalar(key)) return undefined;
  // `!!merge <<` is read as the merge symbol, not the string "<<".
  if (typeof key.value === 'symbol') return key.value.description ?? '';
  return key.value == null ? '' : String(key.value);
}

/**
 * The pairs of a mapping as Compose sees them: its own keys first, then the keys
 * it merges with `<<` (a single alias or a sequence of aliases), the first win.
 */
export function effectivePairs(doc: Document, map: YAMLMap, depth = 0, budget: { left: number } = { left: MERGE_BUDGET }, active: Set<YAMLMap> = new Set()): Pair[] {
  // Parsed documents are never mutated (edits are text edits): the answer for a mapping is computed once.
  const cached = effectiveCache.get(map);
  if (cached) return cached;
  const result = computeEffectivePairs(doc, map, depth, budget, active);
  if (depth === 0) effectiveCache.set(map, result);
  return result;
}

const effectiveCache = new ObjectSlot<YAMLMap, Pair[]>('vsafe.effectivePairs');

function computeEffectivePairs(doc: Document, map: YAMLMap, depth: number, budget: { left: number }, active: Set<YAMLMap>): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  // A mapping that merges one of its ancestors, or merge keys nested absurdly deep or wide
  // (an alias bomb), contribute nothing more once the bound is reached: never hang or throw.
  active.add(map);
  for (const item of map.items) {
    if (!isPair(item)) continue;
    budget.left--;
    const key = keyText(item);
    if (key === '<<' && isMergeKey(item)) {
      if (depth >= 16 || budget.left <= 0) continue;
      const value = deref(doc, item.value);
      const sources = isSeq(value) ? value.items.map((i) => deref(doc, i)) : [value];
      for (const source of sources) {
        if (budget.left <= 0) break;
        if (isMap(source) && !active.has(source)) merged.push(...effectivePairs(doc, source, depth + 1, budget, active));
      }
    } else {
      own.push(item);
    }
  }
  active.delete(map);
  const seen = new Set(own.map(keyText));
  const result = [...own];
  for (const pair of merged) {
    const key = keyText(pair);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(pair);
    }
  }
  return result;
}

/** Upper bound on the pairs one `effectivePairs` call visits through merge keys. */
const MERGE_BUDGET = 5000;

/** `<<` is a merge key unless it was quoted (`"<<": x` is an ordinary key). */
function isMergeKey(pair: Pair): boolean {
  const key = pair.key;
  return isScalar(key) && (key.type === 'PLAIN' || key.type === undefined);
}

/** A pair written in this mapping itself (not merged in with `<<`): where an edit of the user's text lands. */
export function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isPair(p) && keyText(p) === key);
}

export function getPair(doc: Document, map: YAMLMap, key: string): Pair | undefined {
  return effectivePairs(doc, map).find((p) => keyText(p) === key);
}

export function getValue(doc: Document, map: YAMLMap, key: string): Node | undefined {
  const pair = getPair(doc, map, key);
  return pair ? deref(doc, pair.value) : undefined;
}

export function asMap(doc: Document, node: unknown): YAMLMap | undefined {
  const n = deref(doc, node);
  return isMap(n) ? n : undefined;
}

export function asSeq(doc: Document, node: unknown): YAMLSeq | undefined {
  const n = deref(doc, node);
  return isSeq(n) ? n : undefined;
}

/** Source text of a scalar as Compose reads it (numbers keep their written form). */
export function scalarString(doc: Document, node: unknown): string | undefined {
  const n = deref(doc, node);
  if (!isScalar(n)) return undefined;
  if (n.value == null) return undefined;
  if (typeof n.value === 'string') return n.value;
  // A number or boolean is a plain scalar: its written form is the text it spans (`1.10` stays `1.10`).
  const text = sourceTextOf(doc);
  if (text !== undefined && n.range && n.type === 'PLAIN') {
    const written = text.slice(n.range[0], n.range[1]);
    // The node must come from this document's text (a caller could pass another file's document).
    if (typeof n.value === 'number' ? Number(written) === n.value : typeof n.value === 'boolean' && String(n.value) === written.toLowerCase()) return written;
  }
  return String(n.value);
}

/** [start, end) offsets of a node's value, without trailing comments or whitespace. */
export function nodeSpan(node: Node | Pair): [number, number] {
  if (isPair(node)) {
    const k = node.key as Node | null;
    const v = node.value as Node | null;
    const start = k?.range?.[0] ?? v?.range?.[0] ?? 0;
    const end = v?.range?.[1] ?? k?.range?.[1] ?? start;
    return [start, end];
  }
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

export function tagOf(node: unknown): string | undefined {
  const n = node as { tag?: string } | null;
  return n?.tag;
}

/**
 * Where the tag of a pair's value is written (`volumes: !reset []`): in the text between
 * the key's end and the value's start, which holds only the `:`, the value's properties
 * (tag, anchor), blanks and comments. Undefined when the value has no tag.
 */
export function valueTagToken(text: string, pair: Pair): { offset: number; source: string } | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!value?.tag || !key?.range || !value.range) return undefined;
  const gap = text.slice(key.range[1], value.range[0]).replace(/#[^\n]*/g, (comment) => ' '.repeat(comment.length));
  const match = /(^|[\s:])(![^\s,[\]{}]*)/.exec(gap);
  return match ? { offset: key.range[1] + match.index + match[1]!.length, source: match[2]! } : undefined;
}
