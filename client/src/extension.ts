import * as path from 'node:path';
import {
  commands,
  env,
  StatusBarAlignment,
  Uri,
  window,
  workspace,
  type ExtensionContext,
  type OutputChannel,
  type StatusBarItem,
} from 'vscode';
// Types only: the library is in dist/language-client.js, loaded after activation (see `startClient`).
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  FIX_ALL_KIND,
  INVENTORY_REQUEST,
  SHOW_DOCS_COMMAND,
  type InventoryParams,
  type InventoryResult,
  type StatusParams,
} from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;
/** Set by `deactivate` so a start that is still pending does not outlive the extension. */
let stopping = false;

const DOCS_BASE = 'https://github.com/vsafe/vsafe/blob/main/docs/rules/';

/** What `activate` returns: used by the extension's own test suite. */
export interface VsafeApi {
  /** Totals of the last analysis pass (the status bar's numbers). */
  status(): StatusParams | undefined;
  /** Resolves once the language server is running (activation does not wait for it). */
  ready: Promise<void>;
}

/**
 * Activation does only what must exist at once: the output channel, the status bar item
 * and the commands; this bundle is a few KB. The language client (vscode-languageclient,
 * ~800 KB, dist/language-client.js) is loaded and the server started on the next turn of
 * the event loop, off VS Code's activation path, so activation never includes loading
 * the library, the server's spawn or the initialize handshake. `ready` settles when the
 * server runs; commands that talk to the server wait for it. With `VSAFE_ACTIVATION_MARKS`
 * set, the steps are kept as performance marks (`vsafe/*`) for the editor suite to report.
 */
export function activate(context: ExtensionContext): VsafeApi {
  mark('vsafe/activate');
  stopping = false;
  const output: OutputChannel = window.createOutputChannel('vsafe');

  const statusItem: StatusBarItem = window.createStatusBarItem('vsafe.status', StatusBarAlignment.Left, 10);
  statusItem.name = 'vsafe';
  statusItem.command = 'vsafe.openMountInventory';
  let lastStatus: StatusParams | undefined;
  const showStatus = (status: StatusParams): void => {
    lastStatus = status;
    statusItem.text = status.atRisk > 0 ? `$(warning) vsafe: ${status.atRisk} at risk` : `$(database) vsafe: ${status.statePaths} safe`;
    statusItem.tooltip = `${status.statePaths} state path(s) in the workspace, ${status.atRisk} lost by \`docker compose down\` + \`up\`${status.scanning ? ' (scanning…)' : ''}. Click for the mount inventory.`;
    statusItem.show();
  };

  const started = new Promise<LanguageClient>((resolve, reject) => {
    setImmediate(() => {
      if (stopping) {
        reject(new Error('vsafe was deactivated before its language server started'));
        return;
      }
      startClient(context, output, showStatus).then(resolve, reject);
    });
  });
  const ready = started.then(() => {
    mark('vsafe/ready');
  });
  ready.catch((error: unknown) => {
    if (stopping) return;
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`vsafe: the language server did not start: ${message}`);
    void window.showErrorMessage(`vsafe: the language server did not start (${message}). See the "vsafe" output.`);
  });
  /** The running client, for commands: waits for the start, undefined when it failed. */
  const running = (): Promise<LanguageClient | undefined> => started.catch(() => undefined);

  context.subscriptions.push(
    output,
    statusItem,
    commands.registerCommand('vsafe.showOutput', () => output.show(true)),
    commands.registerCommand('vsafe.restartServer', async () => {
      await (await running())?.restart();
    }),
    commands.registerCommand(SHOW_DOCS_COMMAND, async (rule: unknown): Promise<string | undefined> => {
      if (typeof rule !== 'string' || !/^[a-z0-9-]+$/.test(rule)) return undefined;
      const page = Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${rule}.md`)));
      try {
        await workspace.fs.stat(page);
        await commands.executeCommand('markdown.showPreview', page);
        return page.toString();
      } catch {
        const url = Uri.parse(`${DOCS_BASE}${rule}.md`);
        await env.openExternal(url);
        return url.toString();
      }
    }),
    commands.registerCommand('vsafe.openMountInventory', async (): Promise<string | undefined> => {
      const languageClient = await running();
      if (!languageClient) return undefined;
      const params: InventoryParams = {};
      const result = await languageClient.sendRequest<InventoryResult>(INVENTORY_REQUEST, params);
      const document = await workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await commands.executeCommand('markdown.showPreview', document.uri);
      return result.markdown;
    }),
    commands.registerCommand('vsafe.fixAll', async () => {
      await commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' });
    }),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('vsafe')) output.appendLine('vsafe settings changed');
    }),
  );
  mark('vsafe/activated');
  return { status: () => lastStatus, ready };
}

/** Loads dist/language-client.js (vscode-languageclient), creates the client and starts the server (spawn + initialize). */
async function startClient(context: ExtensionContext, output: OutputChannel, showStatus: (status: StatusParams) => void): Promise<LanguageClient> {
  mark('vsafe/client-load');
  // A path esbuild does not follow: the library stays in its own bundle, read only now.
  const bundle = path.join(__dirname, 'language-client.js');
  const { createLanguageClient } = require(bundle) as typeof import('./language-client');
  mark('vsafe/client-loaded');
  const created = createLanguageClient(context, output, showStatus);
  client = created;
  await created.start();
  return created;
}

/** A performance mark when the editor suite asks for them (`VSAFE_ACTIVATION_MARKS`). */
function mark(name: string): void {
  if (process.env.VSAFE_ACTIVATION_MARKS) performance.mark(name);
}

export async function deactivate(): Promise<void> {
  stopping = true;
  const running = client;
  client = undefined;
  await running?.stop();
}
