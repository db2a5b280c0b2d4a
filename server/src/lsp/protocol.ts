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
}

export const FIX_ALL_KIND = 'source.fixAll.vsafe';
