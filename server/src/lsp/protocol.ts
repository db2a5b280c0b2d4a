/**
 * vsafe's own additions to LSP, shared by the server and the VS Code client.
 * Plain constants and types only: the client bundles this file too.
 */

/** Request: the mount inventory of the workspace (or of one file's folder) as Markdown. */
export const INVENTORY_REQUEST = 'vsafe/inventory';
export interface InventoryParams {
  /** Limit the report to the projects this file belongs to; the whole workspace when absent. */
  uri?: string;
}
export interface InventoryResult {
  markdown: string;
}

/** Notification server → client after every analysis pass: totals for the status bar. */
export const STATUS_NOTIFICATION = 'vsafe/status';
export interface StatusParams {
  /** State paths in the workspace whose data a `down` + `up` loses. */
  atRisk: number;
  /** State paths the workspace's services have. */
  statePaths: number;
  /** Files analysed so far. */
  files: number;
  /** True while the workspace scan still has files queued. */
  scanning: boolean;
}

/** Client-side command that opens a rule's documentation (registered by the VS Code client). */
export const SHOW_DOCS_COMMAND = 'vsafe.showRuleDocumentation';
/** Server-side fallback for other clients: asks the client to open the docs URL (window/showDocument). */
export const SERVER_SHOW_DOCS_COMMAND = 'vsafe.server.openRuleDocumentation';

/** `initializationOptions` the VS Code client sends. */
export interface InitializationOptions {
  /** The client registers {@link SHOW_DOCS_COMMAND}. */
  showDocumentationCommand?: boolean;
  /** The client watches compose files, Dockerfiles, `.env` and configs itself (synchronize.fileEvents). */
  clientWatchesFiles?: boolean;
  /** Send {@link TIMING_NOTIFICATION} after every analysis of an edited document and after every workspace scan. */
  timing?: boolean;
}

/**
 * Notification server → client (only with `initializationOptions.timing`): server time of
 * one analysis, measured inside the server (no transport).
 * - `edit`: from receiving the `didChange` (or `didOpen`) of `version` until the
 *   `publishDiagnostics` for that version was handed to the transport (or found unchanged).
 * - `scan`: from the start of the workspace walk until every found file was analysed and published.
 */
export const TIMING_NOTIFICATION = 'vsafe/timing';
export interface TimingParams {
  kind: 'edit' | 'scan';
  /** The edited document; for a scan, the first workspace folder. */
  uri: string;
  /** The document version the diagnostics are for (edits only). */
  version?: number;
  /** Total server time in milliseconds. */
  ms: number;
  /** Where the time went, in milliseconds. */
  phases: {
    /** Workspace walk (scan only). */
    walk?: number;
    /** Waiting in the analysis queue (other units, event-loop turns, yields). */
    queued: number;
    /** lint() of the folders analysed. */
    analysis: number;
    /** Findings → diagnostics, comparison with the last publication, sending. */
    publish: number;
  };
  /** Folders (units) analysed. */
  units: number;
  /** Whether diagnostics were sent (false: unchanged since the last publication). */
  published: boolean;
}

export const FIX_ALL_KIND = 'source.fixAll.vsafe';
