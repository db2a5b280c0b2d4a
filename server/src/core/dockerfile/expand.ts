/**
 * Dockerfile variable expansion (`$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`,
 * `${VAR:+word}`, `${VAR+word}`). A variable whose value vsafe cannot know (declared
 * without a default, set by the base image, command substitution) makes the result
 * unknown; the unknown part is replaced by {@link UNKNOWN} so callers can still
 * use the literal prefix (`/data/$(date)` certainly lies under `/data/`).
 */

/** Placeholder for a part of a value that cannot be known statically. */
export const UNKNOWN = '\u0000';

/** Variables in scope: a string, or `undefined` for declared-but-unknown. */
export type Scope = ReadonlyMap<string, string | undefined>;

export interface Expanded {
  value: string;
  unknown: boolean;
}

/** The literal text before the first unknown part. */
export function knownPrefix(value: string): string {
  const i = value.indexOf(UNKNOWN);
  return i < 0 ? value : value.slice(0, i);
}

/**
 * Expands variables in Dockerfile instruction text (not shell: no quote removal).
 * `escape` is the Dockerfile escape character (`\` or `` ` ``); an escaped `$` is literal.
 */
export function expandVariables(text: string, scope: Scope, escape = '\\'): Expanded {
  // Most values reference nothing: no character-by-character copy for them.
  if (!text.includes('$')) return { value: text, unknown: false };
  let out = '';
  let unknown = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === escape && text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const reference = expandReferenceAt(text, i, scope, escape);
    if (!reference) {
      out += ch;
      continue;
    }
    i = reference.end - 1;
    out += reference.value;
    unknown ||= reference.unknown;
  }
  return { value: out, unknown };
}

/** Expands the reference that starts with the `$` at `at`; undefined when `$` is literal there. */
export function expandReferenceAt(text: string, at: number, scope: Scope, escape = '\\'): (Expanded & { end: number }) | undefined {
  const parsed = parseReference(text, at);
  if (!parsed) return undefined;
  return { ...resolveReference(parsed, scope, escape), end: parsed.end };
}

/** Offset after the `$…` reference starting at `at` (for tokenizers that must not split it). */
export function referenceEnd(text: string, at: number): number | undefined {
  return parseReference(text, at)?.end;
}

interface Reference {
  name: string;
  /** `:-`, `-`, `:+`, `+`, or undefined for a plain reference. */
  modifier?: string;
  word?: string;
  /** Offset after the reference. */
  end: number;
  /** `$(…)`, `` ` ``, `${#…}` and other forms we do not evaluate. */
  opaque?: boolean;
}

function parseReference(text: string, at: number): Reference | undefined {
  const next = text[at + 1];
  if (next === undefined) return undefined;
  if (/[A-Za-z_]/.test(next)) {
    let end = at + 2;
    while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
    return { name: text.slice(at + 1, end), end };
  }
  if (next === '(') {
    const close = matching(text, at + 1, '(', ')');
    return { name: '', end: close < 0 ? text.length : close + 1, opaque: true };
  }
  if (next !== '{') return undefined;
  const close = matching(text, at + 1, '{', '}');
  if (close < 0) return undefined;
  const inner = text.slice(at + 2, close);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
  if (!match) return { name: '', end: close + 1, opaque: true };
  return { name: match[1]!, modifier: match[2], word: match[3], end: close + 1 };
}

/** References longer than this are not real (and scanning further would make hostile input quadratic). */
const MAX_REFERENCE_LENGTH = 1024;

function matching(text: string, open: number, openCh: string, closeCh: string): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_REFERENCE_LENGTH);
  for (let i = open; i < limit; i++) {
    if (text[i] === openCh) depth++;
    else if (text[i] === closeCh && --depth === 0) return i;
  }
  return -1;
}

function resolveReference(ref: Reference, scope: Scope, escape: string): Expanded {
  if (ref.opaque) return { value: UNKNOWN, unknown: true };
  const declared = scope.has(ref.name);
  const value = scope.get(ref.name);
  const word = (): Expanded => expandVariables(ref.word ?? '', scope, escape);
  switch (ref.modifier) {
    case ':-':
      if (declared && value === undefined) return { value: UNKNOWN, unknown: true };
      return value ? { value, unknown: false } : word();
    case '-':
      if (declared && value === undefined) return { value: UNKNOWN, unknown: true };
      return declared ? { value: value ?? '', unknown: false } : word();
    case ':+':
      if (declared && value === undefined) return { value: UNKNOWN, unknown: true };
      return value ? word() : { value: '', unknown: false };
    case '+':
      if (declared && value === undefined) return { value: UNKNOWN, unknown: true };
      return declared ? word() : { value: '', unknown: false };
    default:
      if (value === undefined) return { value: UNKNOWN, unknown: true };
      return { value, unknown: false };
  }
}
