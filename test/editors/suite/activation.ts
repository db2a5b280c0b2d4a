/**
 * Activation time as VS Code defines it, read inside the extension host that activated the
 * extension, and written to test-results/editors/activation.json for the benchmark.
 *
 * - VS Code's ActivationTimes (load code, call activate, finish activate): the extension
 *   host measures them around `require(main)` and `activate()` and sends them to the
 *   workbench, whose "Developer: Startup Performance" document (`perf:Startup Performance`)
 *   lists them in its "Extension Activation Stats" table. The suite opens that document.
 * - The extension host's own performance marks (`code/extHost/willLoadExtensionCode/<id>`,
 *   `didLoadExtensionCode`, `willActivateExtension`, `didActivateExtension`), which live in
 *   this process (`globalThis.MonacoPerformanceMarks`), and the extension's `vsafe/*` marks
 *   (written when VSAFE_ACTIVATION_MARKS is set, which the runner does): the timeline,
 *   including when the language server became ready after activation.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ACTIVATION_JSON, type ActivationRecord } from '../activation-record';

interface MonacoMarks {
  getMarks(): { name: string; startTime: number }[];
}

/** VS Code's activation row for `id` in the Startup Performance document, or null. */
async function vscodeActivationTimes(id: string): Promise<ActivationRecord['vscode']> {
  const uri = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });
  try {
    // The command instantiates the workbench contribution that provides `perf:` documents.
    await vscode.commands.executeCommand('perfview.show');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const lines = document.getText().split('\n');
    const header = lines.findIndex((l) => /^\|\s*Extension\s*\|\s*Eager\s*\|\s*Load Code\s*\|\s*Call Activate\s*\|\s*Finish Activate\s*\|/.test(l));
    if (header < 0) return null;
    for (const line of lines.slice(header + 1)) {
      if (!line.startsWith('|')) break;
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells[0]?.toLowerCase() !== id.toLowerCase()) continue;
      return {
        source: 'VS Code "Developer: Startup Performance" → Extension Activation Stats (the extension host\'s ActivationTimes)',
        eager: cells[1] === 'true',
        loadCodeMs: Number(cells[2]),
        callActivateMs: Number(cells[3]),
        finishActivateMs: Number(cells[4]),
        event: cells[5] ?? '',
      };
    }
    return null;
  } catch {
    return null;
  }
}

/** The extension host's and the extension's performance marks, as epoch milliseconds. */
function marks(id: string): Map<string, number> {
  const out = new Map<string, number>();
  const monaco = (globalThis as { MonacoPerformanceMarks?: MonacoMarks }).MonacoPerformanceMarks;
  for (const m of monaco?.getMarks() ?? []) {
    const match = /^code\/extHost\/(willLoadExtensionCode|didLoadExtensionCode|willActivateExtension|didActivateExtension)\/(.+)$/.exec(m.name);
    if (match && match[2]!.toLowerCase() === id.toLowerCase()) out.set(match[1]!, m.startTime);
  }
  for (const entry of performance.getEntriesByType('mark')) {
    if (entry.name.startsWith('vsafe/')) out.set(entry.name, performance.timeOrigin + entry.startTime);
  }
  return out;
}

const round = (v: number): number => Math.round(v * 10) / 10;

export async function recordActivation(extension: vscode.Extension<unknown>): Promise<ActivationRecord> {
  const times = await vscodeActivationTimes(extension.id);
  const m = marks(extension.id);
  const span = (from: string, to: string): number | null => (m.has(from) && m.has(to) ? round(m.get(to)! - m.get(from)!) : null);
  // Without VS Code's table (another VS Code version), the extension host's marks give the
  // same load figure and the activate call + resolve together.
  const loadCodeMs = times?.loadCodeMs ?? span('willLoadExtensionCode', 'didLoadExtensionCode') ?? NaN;
  const callActivateMs = times?.callActivateMs ?? span('vsafe/activate', 'vsafe/activated') ?? NaN;
  const finishActivateMs = times?.finishActivateMs ?? span('willActivateExtension', 'didActivateExtension') ?? NaN;
  const origin = m.get('willLoadExtensionCode');
  const timeline: Record<string, number> = {};
  if (origin !== undefined) for (const [name, t] of [...m].sort((a, b) => a[1] - b[1])) timeline[name] = round(t - origin);
  const bundles: Record<string, number> = {};
  for (const name of ['dist/extension.js', 'dist/language-client.js']) {
    const file = path.join(extension.extensionPath, name);
    if (existsSync(file)) bundles[name] = statSync(file).size;
  }
  const record: ActivationRecord = {
    measuredAt: new Date().toISOString(),
    host: { appName: vscode.env.appName, version: vscode.version, uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop', remoteName: vscode.env.remoteName ?? null },
    definitions: {
      loadCodeMs: 'extension host: require() of the main module (ActivationTimes.codeLoadingTime)',
      callActivateMs: 'extension host: the synchronous activate() call (ActivationTimes.activateCallTime)',
      finishActivateMs: 'extension host: activate() returned → its promise resolved (ActivationTimes.activateResolvedTime)',
      activationMs: 'loadCodeMs + callActivateMs + finishActivateMs',
      runningExtensionsViewMs: 'loadCodeMs + callActivateMs, the "Activation: N ms" of Developer: Show Running Extensions',
      activateToServerReadyMs: 'vsafe/activate → vsafe/ready marks: language client loaded, server spawned, initialize answered',
      languageClientLoadMs: 'vsafe/client-load → vsafe/client-loaded marks: require() of dist/language-client.js',
    },
    vscode: times,
    summary: {
      loadCodeMs,
      callActivateMs,
      finishActivateMs,
      activationMs: round(loadCodeMs + callActivateMs + finishActivateMs),
      runningExtensionsViewMs: round(loadCodeMs + callActivateMs),
      activateToServerReadyMs: span('vsafe/activate', 'vsafe/ready'),
      languageClientLoadMs: span('vsafe/client-load', 'vsafe/client-loaded'),
    },
    marks: timeline,
    bundles,
  };
  const out = path.join(extension.extensionPath, ACTIVATION_JSON);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
