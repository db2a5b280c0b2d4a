import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { docsUrl, type Finding, type Fix, type Severity } from '../core';
import { toCorePath } from '../node/paths';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Maps core paths to the URIs clients use, keeping the client's spelling for open documents. */
export class UriMap {
  private readonly byPath = new Map<string, string>();

  remember(uri: string): string {
    const file = uriToPath(uri);
    if (file) this.byPath.set(file, uri);
    return file ?? uri;
  }

  /** URIs computed for paths the client never sent (pathToFileURL is slow enough to show in a workspace scan). */
  private readonly computed = new Map<string, string>();

  toUri(file: string): string {
    const known = this.byPath.get(file) ?? this.computed.get(file);
    if (known !== undefined) return known;
    const uri = pathToFileURL(file).toString();
    this.computed.set(file, uri);
    return uri;
  }
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toCorePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export interface DiagnosticData {
  /** Index of the finding in the file's last published list, to find its fixes. */
  findingIndex: number;
  rule: string;
}

export function toDiagnostic(finding: Finding, index: number, uris: UriMap): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.location.range,
    severity: SEVERITY[finding.severity],
    source: 'vsafe',
    message: finding.message,
    data: { findingIndex: index, rule: finding.rule } satisfies DiagnosticData,
  };
  if (finding.rule !== 'parse-error') {
    diagnostic.code = finding.rule;
    diagnostic.codeDescription = { href: docsUrl(finding.rule) };
  }
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: uris.toUri(r.location.file), range: r.location.range },
      message: r.message,
    }));
  }
  return diagnostic;
}

export function toWorkspaceEdit(fix: Fix, uris: UriMap): WorkspaceEdit {
  if (fix.createFiles && fix.createFiles.length > 0) {
    const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
    for (const created of fix.createFiles) {
      const uri = uris.toUri(created.file);
      documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text }] });
    }
    for (const [uri, edits] of groupEdits(fix, uris)) documentChanges.push({ textDocument: { uri, version: null }, edits });
    return { documentChanges };
  }
  return { changes: Object.fromEntries(groupEdits(fix, uris)) };
}

function groupEdits(fix: Fix, uris: UriMap): Map<string, LspTextEdit[]> {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const edit of fix.edits) {
    const uri = uris.toUri(edit.file);
    byUri.set(uri, [...(byUri.get(uri) ?? []), { range: edit.range, newText: edit.newText }]);
  }
  return byUri;
}

export function toQuickFix(fix: Fix, diagnostic: Diagnostic, uris: UriMap): CodeAction {
  const action = CodeAction.create(fix.title, toWorkspaceEdit(fix, uris), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}
