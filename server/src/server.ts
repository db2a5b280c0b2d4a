import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isComposeFileName, lint, ParseCache, RULES_BY_ID, type Finding, type SeveritySetting, type VsafeConfig } from './core';
import { isSeveritySetting } from './core/config';
import { loadConfigFor } from './node/config';
import { NodeFileHost } from './node/host';
import { dirname } from './core/paths';
import { toDiagnostic, toQuickFix, UriMap, uriToPath, type DiagnosticData } from './lsp/convert';

/** Editor settings under `vsafe.*`, pulled from the client when it supports it. */
interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
}

const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const host = new NodeFileHost();
  const cache = new ParseCache();
  const uris = new UriMap();
  /** Compose files the server analyses (open documents; the workspace scan adds more). */
  const known = new Set<string>();
  /** Last published findings per file, so code actions can find their fixes. */
  const published = new Map<string, Finding[]>();
  let settings: Settings = DEFAULT_SETTINGS;
  let pullConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'vsafe', version: typeof __VSAFE_VERSION__ === 'string' ? __VSAFE_VERSION__ : 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vsafe' });
  });

  connection.onDidChangeConfiguration(async (change) => {
    settings = await readSettings(change.settings);
    relintAll();
  });

  async function readSettings(pushed: unknown): Promise<Settings> {
    let raw: unknown = (pushed as { vsafe?: unknown } | undefined)?.vsafe;
    if (pullConfiguration) {
      try {
        raw = await connection.workspace.getConfiguration('vsafe');
      } catch {
        // Older clients: keep what was pushed.
      }
    }
    return normaliseSettings(raw);
  }

  function effectiveConfig(file: string): VsafeConfig | undefined {
    const loaded = loadConfigFor(dirname(file));
    if (!loaded.ok) {
      connection.console.error(`vsafe: ${loaded.file}: ${loaded.error}`);
      return undefined;
    }
    const config = loaded.loaded.config;
    return { ...config, rules: { ...config.rules, ...settings.rules } };
  }

  function relint(files: readonly string[]): void {
    const dirs = new Set(files.map(dirname));
    const group = [...known].filter((f) => dirs.has(dirname(f)));
    if (group.length === 0) return;
    const config = effectiveConfig(group[0]!);
    const result = settings.enable && config ? lint({ files: group, host, cache, config }) : { findings: [], files: group };
    const byFile = new Map<string, Finding[]>();
    for (const file of [...result.files, ...group]) byFile.set(file, []);
    for (const finding of result.findings) byFile.get(finding.location.file)?.push(finding) ?? byFile.set(finding.location.file, [finding]);
    for (const [file, findings] of byFile) {
      published.set(file, findings);
      void connection.sendDiagnostics({ uri: uris.toUri(file), diagnostics: findings.map((f, i) => toDiagnostic(f, i, uris)) });
    }
  }

  function relintAll(): void {
    const dirs = new Map<string, string>();
    for (const file of known) dirs.set(dirname(file), file);
    for (const file of dirs.values()) relint([file]);
  }

  documents.onDidChangeContent((event) => {
    const file = uris.remember(event.document.uri);
    if (!file.startsWith('/') || !isAnalysed(event.document)) return;
    host.setOverlay(file, event.document.getText());
    known.add(file);
    relint([file]);
  });

  documents.onDidClose((event) => {
    const file = uriToPath(event.document.uri);
    if (!file) return;
    host.deleteOverlay(file);
    host.invalidate(file);
    known.delete(file);
    published.delete(file);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    relint([file]);
  });

  connection.onCodeAction((params): CodeAction[] => {
    const file = uriToPath(params.textDocument.uri);
    if (!file) return [];
    const findings = published.get(file) ?? [];
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'vsafe') continue;
      const data = diagnostic.data as DiagnosticData | undefined;
      const finding = data ? findings[data.findingIndex] : undefined;
      if (!finding || finding.rule !== data?.rule) continue;
      for (const fix of finding.fixes) actions.push(toQuickFix(fix, diagnostic, uris));
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}

function isAnalysed(document: TextDocument): boolean {
  if (document.languageId === 'dockercompose') return true;
  return isComposeFileName(document.uri.replace(/[?#].*$/, ''));
}

function normaliseSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (RULES_BY_ID.has(id) && isSeveritySetting(setting)) rules[id] = setting;
    }
  }
  return { enable: value.enable !== false, rules };
}

declare const __VSAFE_VERSION__: string | undefined;

if (require.main === module) {
  if (process.argv.includes('--version')) {
    process.stdout.write(`${typeof __VSAFE_VERSION__ === 'string' ? __VSAFE_VERSION__ : 'dev'}\n`);
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}
