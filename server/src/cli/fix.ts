import { isComposeFileName } from '../core/compose/files';
import { applyEdits } from '../core/edits/text-edits';
import { lint, type LintResult } from '../core/lint';
import { LineIndex } from '../core/text';
import { safeFix, type Finding, type Fix, type Range, type TextEdit } from '../core/types';
import type { VsafeConfig } from '../core/config';
import type { NodeFileHost } from '../node/host';

export interface FixRun {
  /** The lint result after the last round: what is left. */
  result: LintResult;
  /** Final text of every file a fix changed or created, by absolute path. */
  changed: Map<string, string>;
  /** The original text (undefined for a created file) of every changed file. */
  original: Map<string, string | undefined>;
  /** How many fixes were applied, over all rounds. */
  applied: number;
}

const MAX_ROUNDS = 10;

/**
 * Applies every safe fix in memory: per round the non-overlapping fixes (a fix is
 * all or nothing across its files), then re-lints, until no fix is left or applies.
 * Nothing is written here; the caller writes `changed` or prints a diff.
 */
export function runFixes(
  files: readonly string[],
  host: NodeFileHost,
  config: VsafeConfig,
  lintFiles: (files: string[]) => LintResult = (f) => lint({ files: f, host, config }),
  accepts: (fix: Fix) => boolean = () => true,
): FixRun {
  const changed = new Map<string, string>();
  const original = new Map<string, string | undefined>();
  const fileList = [...files];
  let applied = 0;
  let result = lintFiles(fileList);
  // A finding that comes back after its fix was applied is not fixed again (a fix that
  // does not resolve its finding must not be applied round after round).
  const fixedFindings = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claimed = new Map<string, Range[]>();
    const created = new Set<string>();
    const accepted: Fix[] = [];
    for (const finding of result.findings) {
      const fix = safeFix(finding.fixes);
      if (!fix || fix.edits.length + (fix.createFiles?.length ?? 0) === 0 || !accepts(fix)) continue;
      const key = findingKey(finding);
      if (fixedFindings.has(key)) continue;
      if (!fits(fix, claimed, created, host)) continue;
      fixedFindings.add(key);
      accepted.push(fix);
      for (const edit of fix.edits) claimed.set(edit.file, [...(claimed.get(edit.file) ?? []), edit.range]);
      for (const file of fix.createFiles ?? []) created.add(file.file);
    }
    let progress = false;
    const before = new Map<string, string | undefined>();
    const remember = (file: string): void => {
      if (!before.has(file)) before.set(file, host.readFile(file));
      if (!original.has(file)) original.set(file, host.readFile(file));
    };
    const pending = new Map<string, string>();
    for (const fix of accepted) for (const file of fix.createFiles ?? []) {
      remember(file.file);
      pending.set(file.file, file.text);
      if (isComposeFileName(file.file) && !fileList.includes(file.file)) fileList.push(file.file);
    }
    const byFile = new Map<string, TextEdit[]>();
    for (const fix of accepted) for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    for (const [file, edits] of byFile) {
      remember(file);
      const text = pending.get(file) ?? host.readFile(file);
      if (text === undefined) continue;
      pending.set(file, applyEdits(text, edits, new LineIndex(text)));
    }
    for (const [file, text] of pending) {
      if (before.get(file) === text) continue;
      host.setOverlay(file, text);
      changed.set(file, text);
      progress = true;
    }
    if (!progress) break;
    applied += accepted.length;
    result = lintFiles(fileList);
  }
  // A file changed back to its original text is not a change.
  for (const [file, text] of changed) if (original.get(file) === text) changed.delete(file);
  return { result, changed, original, applied };
}

function findingKey(finding: Finding): string {
  return [finding.rule, finding.location.file, finding.service, finding.containerPath, finding.message].join('\u0000');
}

/** A fix fits when none of its edits overlaps or touches an edit already taken, and it creates no file twice. */
function fits(fix: Fix, claimed: Map<string, Range[]>, created: Set<string>, host: NodeFileHost): boolean {
  for (const file of fix.createFiles ?? []) {
    if (created.has(file.file) || claimed.has(file.file) || host.readFile(file.file) !== undefined) return false;
  }
  for (const edit of fix.edits) {
    if (created.has(edit.file) && !(fix.createFiles ?? []).some((f) => f.file === edit.file)) return false;
    for (const range of claimed.get(edit.file) ?? []) if (touches(range, edit.range)) return false;
  }
  // The fix's own edits must not overlap each other either.
  const own = new Map<string, Range[]>();
  for (const edit of fix.edits) {
    for (const range of own.get(edit.file) ?? []) if (overlaps(range, edit.range)) return false;
    own.set(edit.file, [...(own.get(edit.file) ?? []), edit.range]);
  }
  return true;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Overlapping, or meeting at a point (two inserts at one place would interleave). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function overlaps(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}
