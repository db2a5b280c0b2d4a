/**
 * The activation figures the extension suite records (test/editors/suite/activation.ts)
 * and the benchmark reports (bench/activation.ts). Plain types and a path: both sides
 * import it, one inside VS Code's extension host, one in plain Node.
 */

/** Where the suite writes the record, relative to the repository root. */
export const ACTIVATION_JSON = 'test-results/editors/activation.json';

export interface ActivationRecord {
  /** When the suite measured it (ISO time). */
  measuredAt: string;
  /** The VS Code that ran the extension. */
  host: { appName: string; version: string; uiKind: 'Desktop' | 'Web'; remoteName: string | null };
  /** How each figure is obtained. */
  definitions: Record<string, string>;
  /** VS Code's own ActivationTimes for the extension, as its "Startup Performance" view lists them. */
  vscode: { source: string; eager: boolean; event: string; loadCodeMs: number; callActivateMs: number; finishActivateMs: number } | null;
  summary: {
    /** Time to read, compile and run the extension's main module. */
    loadCodeMs: number;
    /** The synchronous `activate()` call. */
    callActivateMs: number;
    /** From `activate()` returning to its promise resolving. */
    finishActivateMs: number;
    /** loadCode + callActivate + finishActivate: module load started → `activate()` resolved. */
    activationMs: number;
    /** loadCode + callActivate: the figure "Developer: Show Running Extensions" displays. */
    runningExtensionsViewMs: number;
    /** `activate()` called → language server running (`api.ready`), when the extension marks it. */
    activateToServerReadyMs: number | null;
    /** Of which: loading the language-client bundle, when the extension marks it. */
    languageClientLoadMs: number | null;
  };
  /** Timeline in ms since the extension host began loading the module (code/extHost/willLoadExtensionCode). */
  marks: Record<string, number>;
  /** Sizes of the extension's bundles, bytes. */
  bundles: Record<string, number>;
}
