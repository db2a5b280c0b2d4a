/**
 * Shared vocabulary of the analysis core. Everything here is plain data so the
 * core stays independent of the editor, the LSP libraries and the file system.
 */

/** Zero-based line and UTF-16 character, the same unit LSP uses by default. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A range inside a particular file (an absolute, `/`-separated path). */
export interface Location {
  file: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Edits across one or more files; applied together as one change. */
  edits: TextEdit[];
  /** Files the fix creates (with their full text) before the edits apply. */
  createFiles?: { file: string; text: string }[];
  /** The fix to apply without a person reading its title (see {@link safeFix}). */
  isPreferred?: boolean;
}

/**
 * The fix that may be applied unseen, by `vsafe check --fix`, "Fix all" and fixing on save:
 * the preferred one. A fix that is not preferred (a bind-mounted database turned into a
 * new, empty named volume) is only ever applied by hand, after reading its title.
 */
export function safeFix(fixes: readonly Fix[]): Fix | undefined {
  return fixes.find((fix) => fix.isPreferred === true);
}

/** A fix that edits `file` and nothing else: no other file edited, none created (what a fix of one buffer may apply). */
export function fixStaysIn(fix: Fix, file: string): boolean {
  return (fix.createFiles ?? []).length === 0 && fix.edits.length > 0 && fix.edits.every((edit) => edit.file === file);
}

export interface RelatedInformation {
  location: Location;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  location: Location;
  service?: string;
  /** Every service the finding is about, when it is more than `service` (a mount written once in an anchor several services merge). */
  services?: readonly string[];
  containerPath?: string;
  fixes: Fix[];
  related: RelatedInformation[];
}

/** Read access to the files of a workspace; implemented outside the core. */
export interface FileHost {
  /** Returns the file's text, or undefined when it does not exist or cannot be read. */
  readFile(file: string): string | undefined;
}

/** A problem that prevents analysis of a file (parse errors, unreadable includes). */
export interface FileProblem {
  file: string;
  range: Range;
  message: string;
}
