import { CodeAction, CodeActionKind, type Command, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { applyEdits, fixStaysIn, LineIndex, ParseCache, safeFix, type FileHost, type Finding, type Fix, type TextEdit } from '../core';
import { toWorkspaceEdit, type UriMap } from './convert';
import { FIX_ALL_KIND } from './protocol';
import type { WorkspaceAnalysis } from './workspace';

export type IgnoreScope = 'line' | 'service' | 'file';

/** Builds the suppression comment fix for a finding (the core's `ignoreFix`), when available. */
export type IgnoreFixProvider = (finding: Finding, scope: IgnoreScope, text: string) => Fix | undefined;


export function fixSignature(fix: Fix): string {
  return JSON.stringify([fix.title, fix.edits.map((e) => [e.file, e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText])]);
}

/** A host that sees the edited copy of one file. */
class OverlayHost implements FileHost {
  constructor(
    private readonly base: FileHost,
    readonly file: string,
    public text: string,
  ) {}
  readFile(file: string): string | undefined {
    return file === this.file ? this.text : this.base.readFile(file);
  }
}

/**
 * Applies every auto-fix of a file on a copy, one fix per round, re-linting after
 * each so later fixes see earlier ones (no overlapping edits, no duplicated
 * `volumes:` keys). Returns the final text, or undefined when nothing changed.
 */
export function fixAllText(file: string, analysis: WorkspaceAnalysis, host: FileHost): { text: string; original: string; applied: number } | undefined {
  const original = host.readFile(file);
  if (original === undefined) return undefined;
  const overlay = new OverlayHost(host, file, original);
  const cache = new ParseCache();
  const dirs = [...new Set([...analysis.unitsReportingIn(file).map((u) => u.dir), ...analysis.unitsReading(file).map((u) => u.dir)])];
  const tried = new Set<string>();
  let applied = 0;
  for (let round = 0; round < 100; round++) {
    let next: Fix | undefined;
    for (const dir of dirs) {
      const analysed = analysis.analyse(dir, overlay, cache);
      if (!analysed) continue;
      for (const finding of analysed.result.findings) {
        if (finding.location.file !== file) continue;
        // The safe fix, as `vsafe check --fix` applies it, when it stays inside the file.
        const fix = safeFix(finding.fixes);
        if (!fix || !fixStaysIn(fix, file) || tried.has(fixSignature(fix))) continue;
        next = fix;
        break;
      }
      if (next) break;
    }
    if (!next) break;
    tried.add(fixSignature(next));
    try {
      overlay.text = applyEdits(overlay.text, next.edits, new LineIndex(overlay.text));
      applied++;
    } catch {
      // Overlapping edits inside one fix: skip it.
    }
  }
  if (overlay.text === original) return undefined;
  return { text: overlay.text, original, applied };
}

/** One edit that turns `before` into `after`: the changed middle, so untouched text keeps its bytes and markers. */
export function minimalEdit(file: string, before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  const lines = new LineIndex(before);
  return { file, range: lines.range(start, endBefore), newText: after.slice(start, endAfter) };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export function fixAllEdit(file: string, analysis: WorkspaceAnalysis, host: FileHost, uris: UriMap): WorkspaceEdit | undefined {
  const fixed = fixAllText(file, analysis, host);
  if (!fixed) return undefined;
  return toWorkspaceEdit({ title: 'Fix all', edits: [minimalEdit(file, fixed.original, fixed.text)] }, uris);
}

export const FIX_ALL_TITLE = 'Fix all vsafe problems in this file';

export interface FixAllData {
  fixAll: true;
  uri: string;
  kind: string;
}

export function isFixAllData(data: unknown): data is FixAllData {
  return typeof data === 'object' && data !== null && (data as FixAllData).fixAll === true && typeof (data as FixAllData).uri === 'string';
}

/** A fix-all action; its edit is computed now or on resolve. */
export function fixAllAction(kind: string, uri: string, edit: WorkspaceEdit | undefined): CodeAction {
  const action = CodeAction.create(FIX_ALL_TITLE, kind);
  if (edit) action.edit = edit;
  else action.data = { fixAll: true, uri, kind } satisfies FixAllData;
  return action;
}

export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export const FIX_ALL_KINDS = { source: FIX_ALL_KIND, quickfix: CodeActionKind.QuickFix } as const;

export function ignoreTitle(rule: string, scope: IgnoreScope, service?: string): string {
  if (scope === 'line') return `Ignore ${rule} for this line`;
  if (scope === 'service') return `Ignore ${rule} for service ${service ?? ''}`.trimEnd();
  return `Ignore ${rule} for this file`;
}

/**
 * Code actions keyed by what they do. Diagnostics that share an action (a mount in an
 * anchor, reported for each service that merges it) get it once, naming them all: the
 * editor would otherwise list the same title twice.
 */
export class ActionList {
  readonly actions: CodeAction[] = [];
  private readonly bySignature = new Map<string, CodeAction>();

  add(signature: string, diagnostic: Diagnostic, make: () => CodeAction): void {
    const earlier = this.bySignature.get(signature);
    if (earlier) {
      earlier.diagnostics = [...(earlier.diagnostics ?? []), diagnostic];
      return;
    }
    const action = make();
    this.bySignature.set(signature, action);
    this.actions.push(action);
  }
}

export function docsAction(rule: string, command: Command, diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(`Show documentation for ${rule}`, command, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}
