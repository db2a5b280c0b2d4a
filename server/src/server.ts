import * as path from 'node:path';
import picomatch from 'picomatch';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, isComposeFileName, isDockerfileName, ParseCache, RULES_BY_ID, safeFix, type Finding, type LintResult, type SeveritySetting, type VsafeConfig } from './core';
import { isSeveritySetting } from './core/config';
import { validateConfig } from './core/config-validate';
import type { ImageEntry } from './core/knowledge/types';
import { KnowledgeBase } from './core/knowledge/lookup';
import { basename, dirname } from './core/paths';
import type { ComposeConfiguration } from './core/project';
import { renderInventoryMarkdown } from './core/report/markdown';
import { ignoreFix } from './core/suppress';
import { CONFIG_FILE, loadConfigFor } from './node/config';
import { discoverAsync, projectSiblings } from './node/discover';
import { NodeFileHost } from './node/host';
import { relativeDisplayPath, toCorePath } from './node/paths';
import {
  ActionList,
  docsAction,
  fixAllAction,
  fixAllEdit,
  FIX_ALL_KINDS,
  fixSignature,
  isFixAllData,
  wantsKind,
  type IgnoreFixProvider,
  type IgnoreScope,
} from './lsp/actions';
import { toDiagnostic, toQuickFix, UriMap, uriToPath, type DiagnosticData } from './lsp/convert';
import { configurationsOf, countVerdicts, dockerfileHover, hoverAt, lensesFor, linksFor, stateVerdicts } from './lsp/insight';
import {
  INVENTORY_REQUEST,
  SERVER_SHOW_DOCS_COMMAND,
  SHOW_DOCS_COMMAND,
  STATUS_NOTIFICATION,
  TIMING_NOTIFICATION,
  type InitializationOptions,
  type InventoryParams,
  type InventoryResult,
  type StatusParams,
  type TimingParams,
} from './lsp/protocol';
import { WorkspaceAnalysis, type UnitTimes, type WorkStats } from './lsp/workspace';

/** Editor settings under `vsafe.*`, pulled from the client when it supports it. */
export interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  production: string[];
  images: ImageEntry[];
  scan: { include: string[]; exclude: string[] };
}

const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, production: [], images: [], scan: { include: [], exclude: [] } };

/** Suppression comments (`# vsafe-ignore`) for the "Ignore … for this line / service / file" actions. */
const ignoreFixProvider: IgnoreFixProvider = ignoreFix;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const host = new NodeFileHost();
  const cache = new ParseCache();
  const uris = new UriMap();
  /** Last published findings per file (the diagnostics' `data.findingIndex` points into these). */
  const published = new Map<string, Finding[]>();
  const lastSent = new Map<string, string>();
  const configCache = new Map<string, VsafeConfig | undefined>();
  const configErrors = new Map<string, string>();
  let settings: Settings = DEFAULT_SETTINGS;
  let pullConfiguration = false;
  let resolveEdits = false;
  let dynamicWatchers = false;
  let options: InitializationOptions = {};
  let folders: string[] = [];
  let initialized = false;
  /** Edited documents whose new diagnostics are not published yet: when the edit arrived (timing). */
  const pendingEdits = new Map<string, { version: number; received: number; published: boolean }>();
  /** The running workspace scan: its id (a newer scan cancels the walk), and what its timing needs. */
  let scanId = 0;
  let scanTiming: { generation: number; started: number; walk: number; before: WorkStats } | undefined;

  const analysis = new WorkspaceAnalysis({
    host,
    cache,
    configFor,
    contextFor,
    enabled: () => settings.enable,
    publish,
    idle,
    error: (message) => connection.console.error(message),
    analysed: reportEditTimes,
    summarise: (result) => stateVerdicts(result, knowledgeFor),
  });

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullConfiguration = capabilities.workspace?.configuration === true;
    resolveEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    options = (params.initializationOptions ?? {}) as InitializationOptions;
    const workspaceFolders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : params.rootPath ? toCorePath(params.rootPath) : undefined];
    folders = workspaceFolders.filter((f): f is string => f !== undefined);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KINDS.source], resolveProvider: true },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SERVER_SHOW_DOCS_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'vsafe', version: typeof __VSAFE_VERSION__ === 'string' ? __VSAFE_VERSION__ : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vsafe' });
    if (dynamicWatchers && !options.clientWatchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/{compose,docker-compose}*.{yaml,yml}' },
          { globPattern: '**/*stack*.{yaml,yml}' },
          { globPattern: '**/{Dockerfile,Containerfile}{,.*}' },
          { globPattern: '**/*.{Dockerfile,dockerfile}' },
          { globPattern: '**/.env' },
          { globPattern: '**/.vsaferc.json' },
        ],
      });
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined)];
        startScan();
      });
    } catch {
      // The client does not send workspace folder changes.
    }
    settings = await readSettings(undefined);
    initialized = true;
    startScan();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const previous = settings;
    settings = await readSettings(change.settings);
    configCache.clear();
    if (!initialized) return;
    // Turning vsafe on, or changing what the scan covers, walks the workspace again.
    if (previous.enable !== settings.enable || JSON.stringify(previous.scan) !== JSON.stringify(settings.scan)) startScan();
    else analysis.relintAll();
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
    const normalised = normaliseSettings(raw);
    for (const problem of normalised.problems) connection.console.error(`vsafe settings: ${problem}`);
    return normalised.settings;
  }

  function folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const folder of folders) if ((file === folder || file.startsWith(folder + '/')) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  /**
   * A document opened outside the workspace folders (or with none open) is in a folder no
   * scan walked: its project's other files (`compose.prod.yaml` next to `compose.yaml`) are
   * found as a walk would find them, so it gets the findings a workspace would give it.
   */
  function contextFor(dir: string, compose: readonly string[]): string[] {
    if (folderOf(dir) !== undefined) return [];
    return projectSiblings(compose, new Map(), { isIgnored: scanMatchers(dir).exclude });
  }

  /** `.vsaferc.json` (from the folder upwards) with the editor settings on top; undefined when the config is broken. */
  function configFor(dir: string): VsafeConfig | undefined {
    if (configCache.has(dir)) return configCache.get(dir);
    // A folder without a config file of its own has its parent's (inside the same workspace
    // folder): one upward search per tree instead of one per folder.
    const parent = dirname(dir);
    const folder = folderOf(dir);
    if (folder !== undefined && dir !== folder && parent !== dir && folderOf(parent) === folder && !hasOwnConfigFile(dir)) {
      const inherited = configFor(parent);
      configCache.set(dir, inherited);
      return inherited;
    }
    const loaded = loadConfigFor(dir);
    let config: VsafeConfig | undefined;
    if (!loaded.ok) {
      reportConfigError(loaded.file, loaded.error);
      config = undefined;
    } else {
      if (loaded.loaded.file) clearConfigError(loaded.loaded.file);
      const base = loaded.loaded.config;
      config = {
        ...base,
        root: loaded.loaded.file ? loaded.loaded.root.split(path.sep).join('/') : (folderOf(dir) ?? dir),
        rules: { ...base.rules, ...settings.rules },
        production: [...base.production, ...settings.production],
        images: [...base.images, ...settings.images],
      };
    }
    configCache.set(dir, config);
    return config;
  }

  function hasOwnConfigFile(dir: string): boolean {
    return host.exists(`${dir}/${CONFIG_FILE}`) || host.exists(`${dir}/package.json`);
  }

  function reportConfigError(file: string, error: string): void {
    const core = toCorePath(file);
    if (configErrors.get(core) === error) return;
    configErrors.set(core, error);
    connection.console.error(`vsafe: ${file}: ${error}`);
    const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, source: 'vsafe', message: `vsafe configuration error: ${error}. vsafe does not analyse files under this configuration until it is fixed.` };
    void connection.sendDiagnostics({ uri: uris.toUri(core), diagnostics: [diagnostic] });
  }

  function clearConfigError(file: string): void {
    const core = toCorePath(file);
    if (!configErrors.delete(core)) return;
    void connection.sendDiagnostics({ uri: uris.toUri(core), diagnostics: [] });
  }

  function publish(file: string, findings: Finding[], force: boolean): void {
    const diagnostics = findings.map((f, i) => toDiagnostic(f, i, uris));
    const json = JSON.stringify(diagnostics);
    const previous = lastSent.get(file);
    if (!force && (previous === json || (previous === undefined && diagnostics.length === 0))) {
      published.set(file, findings);
      return;
    }
    published.set(file, findings);
    if (diagnostics.length === 0) lastSent.delete(file);
    else lastSent.set(file, json);
    const pending = pendingEdits.get(file);
    if (pending) pending.published = true;
    const uri = uris.toUri(file);
    void connection.sendDiagnostics({ uri, diagnostics, version: documents.get(uri)?.version });
  }

  /** After a folder's analysis: the server time of each edited document it published (`vsafe/timing`). */
  function reportEditTimes(dir: string, touched: ReadonlySet<string>, times: UnitTimes): void {
    for (const [file, pending] of pendingEdits) {
      if (!touched.has(file) || dirname(file) !== dir) continue;
      pendingEdits.delete(file);
      if (!options.timing) continue;
      const timing: TimingParams = {
        kind: 'edit',
        uri: uris.toUri(file),
        version: pending.version,
        ms: times.end - pending.received,
        phases: { queued: times.start - pending.received, analysis: times.analysed - times.start, publish: times.end - times.analysed },
        units: 1,
        published: pending.published,
      };
      void connection.sendNotification(TIMING_NOTIFICATION, timing);
    }
  }

  function edited(file: string, version: number): void {
    pendingEdits.set(file, { version, received: performance.now(), published: false });
  }

  function idle(): void {
    sendStatus();
    // The walk's folder listings answer the scan's probes; once it is done, changes the
    // watchers do not report (an include target created later) must be seen.
    if (!analysis.busy) host.forgetListings();
    if (!scanTiming || analysis.busy || analysis.generation !== scanTiming.generation) return;
    const { started, walk, before } = scanTiming;
    scanTiming = undefined;
    if (!options.timing) return;
    const stats = analysis.stats;
    const ms = performance.now() - started;
    const analysed = stats.analysis - before.analysis;
    const publishing = stats.publish - before.publish;
    const timing: TimingParams = {
      kind: 'scan',
      uri: folders[0] ? uris.toUri(folders[0]) : '',
      ms,
      phases: { walk, queued: Math.max(0, ms - walk - analysed - publishing), analysis: analysed, publish: publishing },
      units: stats.units - before.units,
      published: true,
    };
    void connection.sendNotification(TIMING_NOTIFICATION, timing);
  }

  /** `KnowledgeBase.builtIn` keeps one per image list, and configFor one config object per folder. */
  function knowledgeFor(configuration: ComposeConfiguration): KnowledgeBase {
    return KnowledgeBase.builtIn(configFor(configuration.dir)?.images);
  }

  /**
   * Every folder's full analysis, for the inventory: folders without open documents are
   * re-analysed, yielding to the event loop between slices so other requests are answered.
   */
  async function results(): Promise<LintResult[]> {
    const out: LintResult[] = [];
    let slice = performance.now();
    for (const unit of [...analysis.units.values()]) {
      const result = analysis.resultOf(unit);
      if (result) out.push(result);
      if (performance.now() - slice < 12) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    return out;
  }

  function sendStatus(): void {
    const counts = countVerdicts([...analysis.units.values()].map((u) => u.summary ?? new Map<string, boolean>()));
    const status: StatusParams = { ...counts, files: analysis.units.size, scanning: analysis.busy };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  function matcher(globs: readonly string[], root: string): (file: string) => boolean {
    if (globs.length === 0) return () => false;
    const match = picomatch(globs as string[], { dot: true });
    return (file) => {
      const relative = path.posix.relative(root, file);
      return !relative.startsWith('..') && match(relative);
    };
  }

  function scanMatchers(folder: string): { include: (file: string) => boolean; exclude: (file: string) => boolean } {
    const loaded = loadConfigFor(folder);
    const root = loaded.ok && loaded.loaded.file ? loaded.loaded.root.split(path.sep).join('/') : folder;
    const config = loaded.ok ? loaded.loaded.config : undefined;
    const settingsInclude = matcher(settings.scan.include, folder);
    const settingsExclude = matcher(settings.scan.exclude, folder);
    const configInclude = matcher(config?.composeFiles ?? [], root);
    const configIgnore = matcher(config?.ignore ?? [], root);
    return { include: (f) => settingsInclude(f) || configInclude(f), exclude: (f) => settingsExclude(f) || configIgnore(f) };
  }

  /**
   * Walks the workspace folders (yielding, so requests and edits are served meanwhile) and
   * (re-)analyses everything found; a newer scan cancels this one's walk and queued work.
   */
  async function scan(): Promise<void> {
    const id = ++scanId;
    const started = performance.now();
    analysis.startWalk();
    host.invalidate();
    configCache.clear();
    const compose: string[] = [];
    const dockerfiles: string[] = [];
    if (settings.enable) {
      for (const folder of folders) {
        const { include, exclude } = scanMatchers(folder);
        // One listing window per folder walk: a change reported meanwhile voids the walk's listing of the changed folder.
        host.startListing();
        const found = await discoverAsync([folder], { isExtraComposeFile: include, isIgnored: exclude, cancelled: () => id !== scanId });
        if (!found || id !== scanId) return;
        host.rememberListings(found.listings);
        compose.push(...found.composeFiles);
        dockerfiles.push(...found.dockerfiles);
      }
    }
    if (id !== scanId) return;
    const walk = performance.now() - started;
    analysis.setScanned(compose, dockerfiles);
    scanTiming = { generation: analysis.generation, started, walk, before: { ...analysis.stats } };
  }

  function startScan(): void {
    scan().catch((error: unknown) => {
      connection.console.error(`vsafe: workspace scan failed: ${(error as Error).stack ?? String(error)}`);
      analysis.endWalk();
    });
  }

  function kindOf(file: string, languageId?: string): 'compose' | 'dockerfile' | undefined {
    if (languageId === 'dockerfile' || isDockerfileName(basename(file))) return 'dockerfile';
    if (languageId === 'dockercompose' || isComposeFileName(basename(file))) return 'compose';
    const folder = folderOf(file);
    if (folder && scanMatchers(folder).include(file)) return 'compose';
    return undefined;
  }

  connection.onDidChangeWatchedFiles((params) => {
    let rescan = false;
    const changed: string[] = [];
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      host.invalidate(file);
      cache.delete(file);
      const name = basename(file);
      if (name === '.vsaferc.json' || name === 'package.json') {
        rescan = true;
        continue;
      }
      const kind = kindOf(file);
      const folder = folderOf(file);
      const excluded = folder !== undefined && scanMatchers(folder).exclude(file);
      // A file the analysis does not know yet counts as created even when reported as changed:
      // a watcher can miss the create of a file written right after its new folder.
      const isNew = change.type === FileChangeType.Created || (change.type === FileChangeType.Changed && !analysis.isScanned(file));
      if (isNew && kind && folder && !excluded) analysis.created(file, kind);
      else if (change.type === FileChangeType.Deleted) analysis.deleted(file);
      else changed.push(file);
    }
    if (rescan) startScan();
    else if (changed.length > 0) analysis.changed(changed);
  });

  documents.onDidOpen((event) => {
    const file = uris.remember(event.document.uri);
    const kind = file.startsWith('/') ? kindOf(file, event.document.languageId) : undefined;
    if (!kind) return;
    edited(file, event.document.version);
    host.setOverlay(file, event.document.getText());
    analysis.open(file, kind);
  });

  documents.onDidChangeContent((event) => {
    const file = uriToPath(event.document.uri);
    if (!file || !kindOf(file, event.document.languageId)) return;
    edited(file, event.document.version);
    host.setOverlay(file, event.document.getText());
    analysis.changed([file], true);
  });

  documents.onDidClose((event) => {
    const file = uriToPath(event.document.uri);
    if (!file) return;
    host.deleteOverlay(file);
    host.invalidate(file);
    analysis.close(file);
  });

  connection.onCodeAction((params): CodeAction[] => {
    const file = uriToPath(params.textDocument.uri);
    if (!file) return [];
    const only = params.context.only;
    const findings = published.get(file) ?? [];
    const actions: CodeAction[] = [];
    const fixes = new ActionList();
    const others = new ActionList();
    const quickfix = wantsKind(only, CodeActionKind.QuickFix);
    const text = host.readFile(file) ?? '';
    for (const diagnostic of params.context.diagnostics) {
      // Some clients drop `source` when they send diagnostics back; `data` identifies ours.
      if (!quickfix || (diagnostic.source !== undefined && diagnostic.source !== 'vsafe')) continue;
      const data = diagnostic.data as Partial<DiagnosticData> | undefined;
      const finding = typeof data?.findingIndex === 'number' ? findings[data.findingIndex] : undefined;
      if (!finding || finding.rule !== data?.rule) continue;
      for (const fix of analysis.fixesOf(finding)) fixes.add(fixSignature(fix), diagnostic, () => toQuickFix(fix, diagnostic, uris));
      const scopes: IgnoreScope[] = finding.service !== undefined ? ['line', 'service', 'file'] : ['line', 'file'];
      for (const scope of scopes) {
        const fix = ignoreFixProvider(finding, scope, text);
        if (fix) others.add(fixSignature(fix), diagnostic, () => toQuickFix({ ...fix, isPreferred: false }, diagnostic, uris));
      }
      const command = options.showDocumentationCommand
        ? { title: `Show documentation for ${finding.rule}`, command: SHOW_DOCS_COMMAND, arguments: [finding.rule] }
        : { title: `Show documentation for ${finding.rule}`, command: SERVER_SHOW_DOCS_COMMAND, arguments: [finding.rule] };
      if (finding.rule !== 'parse-error') others.add(`docs ${finding.rule}`, diagnostic, () => docsAction(finding.rule, command, diagnostic));
    }
    actions.push(...fixes.actions);
    const fixable = findings.filter((f) => safeFix(analysis.fixesOf(f)) !== undefined).length;
    if (quickfix && fixes.actions.length > 0 && fixable > 1) {
      actions.push(fixAllAction(CodeActionKind.QuickFix, params.textDocument.uri, resolveEdits ? undefined : fixAllEdit(file, analysis, host, uris)));
    }
    // Source actions only when asked for (codeActionsOnSave, "Fix all" commands).
    if (only && wantsKind(only, FIX_ALL_KINDS.source) && fixable > 0) {
      const edit = fixAllEdit(file, analysis, host, uris);
      if (edit) actions.push(fixAllAction(FIX_ALL_KINDS.source, params.textDocument.uri, edit));
    }
    actions.push(...others.actions);
    return actions;
  });

  connection.onCodeActionResolve((action) => {
    if (!isFixAllData(action.data)) return action;
    const file = uriToPath(action.data.uri);
    if (file) action.edit = fixAllEdit(file, analysis, host, uris) ?? { changes: {} };
    return action;
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SERVER_SHOW_DOCS_COMMAND) return;
    const rule = params.arguments?.[0];
    if (typeof rule !== 'string' || !RULES_BY_ID.has(rule)) return;
    try {
      await connection.window.showDocument({ uri: docsUrl(rule), external: true });
    } catch {
      connection.window.showInformationMessage(`vsafe rule ${rule}: ${docsUrl(rule)}`);
    }
  });

  function fileResults(file: string): LintResult[] {
    return analysis.unitsReading(file).map((u) => analysis.resultOf(u)).filter((r): r is LintResult => r !== undefined);
  }

  connection.onHover((params) => {
    const file = uriToPath(params.textDocument.uri);
    if (!file) return null;
    const hover =
      hoverAt(configurationsOf(fileResults(file), file), file, params.position, knowledgeFor) ??
      (kindOf(file) === 'dockerfile' ? dockerfileHover(fileResults(file).flatMap((r) => r.configurations), file, params.position, analysis.findingsFor(file), knowledgeFor) : undefined);
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onCodeLens((params) => {
    const file = uriToPath(params.textDocument.uri);
    if (!file || !settings.enable) return [];
    return lensesFor(configurationsOf(fileResults(file), file), file, knowledgeFor, analysis.findingsFor(file)).map((lens) => ({
      range: lens.range,
      // An empty command id: VS Code shows the title without making it clickable.
      command: { title: lens.title, command: '' },
    }));
  });

  connection.onDocumentLinks((params) => {
    const file = uriToPath(params.textDocument.uri);
    if (!file) return [];
    const configurations = configurationsOf(fileResults(file), file);
    const model = configurations.flatMap((c) => c.files).find((f) => f.file === file);
    if (!model) return [];
    return linksFor(configurations, model).map((link) => ({ range: link.range, target: link.target, tooltip: link.tooltip }));
  });

  connection.onRequest(INVENTORY_REQUEST, async (params: InventoryParams | undefined): Promise<InventoryResult> => {
    await analysis.whenIdle();
    const file = params?.uri ? uriToPath(params.uri) : undefined;
    const chosen = file ? fileResults(file) : await results();
    const seen = new Set<string>();
    const merged: LintResult = { findings: [], files: [], configurations: [] };
    for (const result of chosen) {
      for (const configuration of result.configurations) {
        const key = configuration.files.map((f) => f.file).join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        merged.configurations.push(configuration);
      }
      merged.findings.push(...result.findings);
      merged.files.push(...result.files);
    }
    merged.configurations.sort((a, b) => (a.files[0]?.file ?? '').localeCompare(b.files[0]?.file ?? ''));
    const base = (file ? folderOf(file) : folders[0]) ?? (file ? dirname(file) : '/');
    return { markdown: renderInventoryMarkdown(merged, (f) => relativeDisplayPath(f, base), knowledgeFor) };
  });

  documents.listen(connection);
  connection.listen();
}

function normaliseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const value = (raw ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (RULES_BY_ID.has(id) && isSeveritySetting(setting)) rules[id] = setting;
      else problems.push(`vsafe.rules: ignoring "${id}": ${String(setting)}`);
    }
  }
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : []);
  let images: ImageEntry[] = [];
  if (Array.isArray(value.images) && value.images.length > 0) {
    const checked = validateConfig({ images: value.images }, new Set(RULES_BY_ID.keys()));
    if (checked.ok) images = checked.config.images;
    else problems.push(`vsafe.images: ${checked.error}`);
  }
  const scan = (value.scan ?? {}) as Record<string, unknown>;
  return {
    settings: {
      enable: value.enable !== false,
      rules,
      production: strings(value.production),
      images,
      scan: { include: strings(scan.include), exclude: strings(scan.exclude) },
    },
    problems,
  };
}

declare const __VSAFE_VERSION__: string | undefined;

if (require.main === module) {
  if (process.argv.includes('--version')) {
    process.stdout.write(`${typeof __VSAFE_VERSION__ === 'string' ? __VSAFE_VERSION__ : 'dev'}\n`);
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}

