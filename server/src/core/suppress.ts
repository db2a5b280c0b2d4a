import { isMap, isPair, isScalar, parseDocument, type Node } from 'yaml';
import { ObjectSlot } from './collections';
import { commentsOfText } from './compose/comments';
import { isDockerfileName } from './compose/files';
import { LineIndex } from './text';
import type { Finding, Fix, Range, Severity, TextEdit } from './types';

/**
 * Suppression comments (SPEC §3 "Suppression"), for any file a finding is in:
 *
 *   # vsafe-ignore <rule>[,<rule>…] [-- reason]
 *       as a trailing comment: the findings that start on (or span) that line;
 *       on a line of its own: the next line that is not a comment; when that line
 *       is a service key of a compose file, the whole service;
 *   # vsafe-ignore-file <rule>[,<rule>…] [-- reason]
 *       anywhere in a file: every finding of those rules in the file.
 *
 * Comments are found with the YAML lexer in YAML files (so `#` inside quoted or block
 * scalars is not a comment) and as whole-line `#` comments in Dockerfiles (where a
 * `#` after an instruction is part of the instruction).
 */

export const UNUSED_SUPPRESSION_RULE = 'unused-suppression';

export type DirectiveKind = 'line' | 'file';

export interface DirectiveRule {
  id: string;
  range: Range;
  /** Offsets of the id in the text, for edits. */
  start: number;
  end: number;
}

export interface Directive {
  file: string;
  kind: DirectiveKind;
  rules: DirectiveRule[];
  reason?: string;
  /** The whole comment, from `#` to its end. */
  range: Range;
  commentStart: number;
  commentEnd: number;
  /** A comment after content on the same line. */
  trailing: boolean;
  /** Zero-based lines the directive covers (inclusive); undefined for file directives. */
  covers?: { from: number; to: number; service?: string };
}

const DIRECTIVE = /^#[ \t]*vsafe-ignore(-file)?(?=$|[\s,])(.*)$/;

interface Comment {
  offset: number;
  source: string;
}

/** Every comment of a text: the lexer's comment tokens for YAML, whole-line comments for Dockerfiles. */
export function commentsOf(file: string, text: string): Comment[] {
  if (isDockerfileName(file)) {
    const comments: Comment[] = [];
    const lines = new LineIndex(text);
    for (let line = 0; line < lines.lineCount; line++) {
      const content = lines.lineText(line);
      const indent = content.length - content.trimStart().length;
      if (content.trimStart().startsWith('#')) comments.push({ offset: lines.lineStart(line) + indent, source: content.slice(indent).trimEnd() });
    }
    return comments;
  }
  return commentsOfText(text).map((c) => ({ offset: c.start, source: '#' + c.text }));
}

/** The directives of one file. */
export function parseDirectives(file: string, text: string): Directive[] {
  const lines = new LineIndex(text);
  const comments = commentsOf(file, text);
  const commentLines = new Set<number>();
  for (const c of comments) {
    const line = lines.positionAt(c.offset).line;
    if (lines.lineText(line).slice(0, c.offset - lines.lineStart(line)).trim() === '') commentLines.add(line);
  }
  const directives: Directive[] = [];
  let serviceKeys: Map<number, { name: string; endLine: number }> | undefined;
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.source);
    if (!match) continue;
    const kind: DirectiveKind = match[1] ? 'file' : 'line';
    const bodyStart = comment.offset + comment.source.length - match[2]!.length;
    const body = match[2]!;
    const dashes = body.indexOf('--');
    const idsText = dashes >= 0 ? body.slice(0, dashes) : body;
    const reason = dashes >= 0 ? body.slice(dashes + 2).trim() : undefined;
    const rules: DirectiveRule[] = [];
    for (const m of idsText.matchAll(/[^\s,]+/g)) {
      const start = bodyStart + m.index!;
      rules.push({ id: m[0], start, end: start + m[0].length, range: lines.range(start, start + m[0].length) });
    }
    const line = lines.positionAt(comment.offset).line;
    const trailing = !commentLines.has(line);
    const directive: Directive = {
      file,
      kind,
      rules,
      reason: reason === '' ? undefined : reason,
      range: lines.range(comment.offset, comment.offset + comment.source.length),
      commentStart: comment.offset,
      commentEnd: comment.offset + comment.source.length,
      trailing,
    };
    if (kind === 'line') {
      if (trailing) directive.covers = { from: line, to: line };
      else {
        // The next line that is not a comment (directives may be stacked); a blank line ends the search.
        let target = line + 1;
        while (target < lines.lineCount && commentLines.has(target)) target++;
        if (target < lines.lineCount && lines.lineText(target).trim() !== '') {
          serviceKeys ??= isDockerfileName(file) ? new Map() : composeServiceKeys(text, lines);
          const service = serviceKeys.get(target);
          directive.covers = service ? { from: target, to: service.endLine, service: service.name } : { from: target, to: target };
        }
      }
    }
    directives.push(directive);
  }
  return directives;
}

/** Lines of the service keys of a compose file, with the last line of each service. */
function composeServiceKeys(text: string, lines: LineIndex): Map<number, { name: string; endLine: number }> {
  const keys = new Map<number, { name: string; endLine: number }>();
  let doc;
  try {
    doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false, strict: false });
  } catch {
    return keys;
  }
  const root = doc.contents;
  if (!isMap(root)) return keys;
  const services = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'services');
  if (!services || !isMap(services.value)) return keys;
  for (const pair of services.value.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const value = pair.value as Node | null;
    const end = value?.range ? value.range[1] : key.range[1];
    let endLine = lines.positionAt(Math.max(key.range[1], end - 1)).line;
    if (endLine < lines.positionAt(key.range[0]).line) endLine = lines.positionAt(key.range[0]).line;
    keys.set(lines.positionAt(key.range[0]).line, { name: String(key.value), endLine });
  }
  return keys;
}

function covers(directive: Directive, finding: Finding): boolean {
  if (finding.location.file !== directive.file || finding.rule === UNUSED_SUPPRESSION_RULE) return false;
  if (!directive.rules.some((r) => r.id === finding.rule)) return false;
  if (directive.kind === 'file') return true;
  const span = directive.covers;
  if (!span) return false;
  const { start, end } = finding.location.range;
  if (span.service !== undefined) return start.line >= span.from && start.line <= span.to;
  if (start.line === span.from) return true;
  // A trailing comment on an inner line of a multi-line entry (a long-syntax mount).
  return directive.trailing && start.line < span.from && end.line >= span.from;
}

export interface SuppressionOptions {
  /** Text of a file (the host's, with open editors' overlays). */
  readFile(file: string): string | undefined;
  /** Every file to read directives from (findings' files are added). */
  files: readonly string[];
  /** Every registered rule id. */
  knownRules: ReadonlySet<string>;
  /** Severity of a rule, undefined when it is off. */
  severityOf(rule: string): Severity | undefined;
  /** Message template of `unused-suppression` by message id. */
  messages: Record<string, string>;
}

export interface SuppressionResult {
  findings: Finding[];
  suppressed: Finding[];
  directives: Directive[];
}

/** Drops suppressed findings and adds an `unused-suppression` finding for every rule id that suppressed nothing. */
export function applySuppressions(findings: readonly Finding[], options: SuppressionOptions): SuppressionResult {
  const files = new Set<string>(options.files);
  for (const f of findings) files.add(f.location.file);
  const directives: Directive[] = [];
  for (const file of files) {
    const text = options.readFile(file);
    if (text === undefined || !text.includes('vsafe-ignore')) continue;
    directives.push(...parseDirectives(file, text));
  }
  if (directives.length === 0) return { findings: [...findings], suppressed: [], directives };
  const used = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    let hit = false;
    for (const directive of directives) {
      if (!covers(directive, finding)) continue;
      hit = true;
      used.add(`${directive.file}\u0000${directive.commentStart}\u0000${finding.rule}`);
    }
    (hit ? suppressed : kept).push(finding);
  }
  const severity = options.severityOf(UNUSED_SUPPRESSION_RULE);
  if (severity) {
    const unused: Finding[] = [];
    for (const directive of directives) {
      const text = options.readFile(directive.file) ?? '';
      const keyword = directive.kind === 'file' ? 'vsafe-ignore-file' : 'vsafe-ignore';
      if (directive.rules.length === 0) {
        unused.push(unusedFinding(directive, directive.range, 'noRules', { keyword }, severity, options, text, directive.rules));
        continue;
      }
      const unusedRules = directive.rules.filter((rule) => {
        if (!options.knownRules.has(rule.id)) return true;
        if (rule.id === UNUSED_SUPPRESSION_RULE) return false;
        // A rule that is off finds nothing: its directives are not stale.
        if (!options.severityOf(rule.id)) return false;
        return !used.has(`${directive.file}\u0000${directive.commentStart}\u0000${rule.id}`);
      });
      for (const rule of unusedRules) {
        const known = options.knownRules.has(rule.id);
        const where = directive.kind === 'file' ? 'in this file' : directive.covers?.service !== undefined ? `in service "${directive.covers.service}"` : directive.covers ? `on line ${directive.covers.from + 1}` : 'anywhere (no line follows the comment)';
        unused.push(unusedFinding(directive, rule.range, known ? 'unused' : 'unknown', { keyword, rule: rule.id, where }, severity, options, text, unusedRules));
      }
    }
    // `# vsafe-ignore-file unused-suppression` (or a line directive) silences these too.
    for (const finding of unused) {
      const silenced = directives.some((d) => d.file === finding.location.file && d.rules.some((r) => r.id === UNUSED_SUPPRESSION_RULE) && (d.kind === 'file' || d.commentStart === directiveStartOf(finding)));
      (silenced ? suppressed : kept).push(finding);
    }
  }
  return { findings: kept, suppressed, directives };
}

const DIRECTIVE_START = new ObjectSlot<Finding, number>('vsafe.directiveStart');
function directiveStartOf(finding: Finding): number | undefined {
  return DIRECTIVE_START.get(finding);
}

function unusedFinding(
  directive: Directive,
  range: Range,
  messageId: string,
  data: Record<string, string>,
  severity: Severity,
  options: SuppressionOptions,
  text: string,
  unusedRules: readonly DirectiveRule[],
): Finding {
  const template = options.messages[messageId] ?? messageId;
  const message = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole);
  const finding: Finding = {
    rule: UNUSED_SUPPRESSION_RULE,
    severity,
    message,
    location: { file: directive.file, range },
    fixes: removeDirectiveFix(directive, text, unusedRules),
    related: [],
  };
  DIRECTIVE_START.set(finding, directive.commentStart);
  return finding;
}

/** Removes the unused ids from a directive, or the whole comment when none would be left. */
export function removeDirectiveFix(directive: Directive, text: string, unusedRules: readonly DirectiveRule[]): Fix[] {
  const lines = new LineIndex(text);
  const remaining = directive.rules.filter((r) => !unusedRules.includes(r));
  if (remaining.length === 0) {
    let start = directive.commentStart;
    let end = directive.commentEnd;
    if (directive.trailing) {
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    } else {
      const line = lines.positionAt(start).line;
      start = lines.lineStart(line);
      end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    }
    return [{ title: `Remove the unused ${directive.kind === 'file' ? 'vsafe-ignore-file' : 'vsafe-ignore'} comment`, edits: [{ file: directive.file, range: lines.range(start, end), newText: '' }], isPreferred: true }];
  }
  const first = directive.rules[0]!;
  const last = directive.rules[directive.rules.length - 1]!;
  const edit: TextEdit = { file: directive.file, range: lines.range(first.start, last.end), newText: remaining.map((r) => r.id).join(',') };
  return [{ title: `Remove ${unusedRules.map((r) => r.id).join(', ')} from the vsafe-ignore comment`, edits: [edit], isPreferred: true }];
}

// ---------------------------------------------------------------------------
// Quick actions: "Ignore <rule> for this line / service / file".
// ---------------------------------------------------------------------------

export type IgnoreScope = 'line' | 'service' | 'file';

/**
 * A fix that inserts (or extends) a suppression comment for `finding` in the file
 * the finding is in. Undefined when the scope does not apply (no service key in this
 * file, or the finding is itself an unused suppression).
 */
export function ignoreFix(finding: Finding, scope: IgnoreScope, fileText: string): Fix | undefined {
  if (finding.rule === UNUSED_SUPPRESSION_RULE) return undefined;
  const file = finding.location.file;
  const lines = new LineIndex(fileText);
  const eol = lines.eol;
  const directives = parseDirectives(file, fileText);
  if (scope === 'file') {
    const existing = directives.find((d) => d.kind === 'file' && d.rules.length > 0);
    const title = `Ignore ${finding.rule} for this file`;
    if (existing) return extendDirective(existing, finding.rule, lines, title);
    const at = fileDirectiveLine(file, lines);
    const offset = lines.lineStart(at);
    const position = lines.positionAt(offset);
    return { title, edits: [{ file, range: { start: position, end: position }, newText: `# vsafe-ignore-file ${finding.rule}${eol}` }] };
  }
  let targetLine = finding.location.range.start.line;
  let title = `Ignore ${finding.rule} for this line`;
  if (scope === 'service') {
    if (!finding.service || isDockerfileName(file)) return undefined;
    const key = [...composeServiceKeys(fileText, lines)].find(([, s]) => s.name === finding.service);
    if (!key) return undefined;
    targetLine = key[0];
    title = `Ignore ${finding.rule} for service "${finding.service}"`;
  }
  // A directive of its own line directly above the target line is extended.
  const above = directives.find((d) => d.kind === 'line' && !d.trailing && d.rules.length > 0 && d.covers?.from === targetLine);
  if (above) return extendDirective(above, finding.rule, lines, title);
  const lineText = lines.lineText(targetLine);
  const indent = lineText.slice(0, lineText.length - lineText.trimStart().length);
  const start = { line: targetLine, character: 0 };
  return { title, edits: [{ file, range: { start, end: start }, newText: `${indent}# vsafe-ignore ${finding.rule}${eol}` }] };
}

function extendDirective(directive: Directive, rule: string, lines: LineIndex, title: string): Fix | undefined {
  if (directive.rules.some((r) => r.id === rule)) return undefined;
  const last = directive.rules[directive.rules.length - 1]!;
  const position = lines.positionAt(last.end);
  return { title, edits: [{ file: directive.file, range: { start: position, end: position }, newText: `,${rule}` }] };
}

/** Where a new file directive goes: the top, below a Dockerfile's parser directives (`# syntax=…`). */
function fileDirectiveLine(file: string, lines: LineIndex): number {
  if (!isDockerfileName(file)) return 0;
  let line = 0;
  while (line < lines.lineCount && /^#\s*[a-zA-Z_]+\s*=/.test(lines.lineText(line))) line++;
  return line;
}
