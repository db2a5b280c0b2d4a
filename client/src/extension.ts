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
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  FIX_ALL_KIND,
  INVENTORY_REQUEST,
  SHOW_DOCS_COMMAND,
  STATUS_NOTIFICATION,
  type InitializationOptions,
  type InventoryParams,
  type InventoryResult,
  type StatusParams,
} from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;

/** Compose files by name, for editors that open them as plain YAML. */
const COMPOSE_PATTERN = '**/{compose,docker-compose,*stack*}{,.*}.{yaml,yml}';

/** Files whose changes on disk change findings: compose files, Dockerfiles, `.env`, configs. */
const WATCHED = [
  '**/{compose,docker-compose}*.{yaml,yml}',
  '**/*stack*.{yaml,yml}',
  '**/{Dockerfile,Containerfile}{,.*}',
  '**/*.{Dockerfile,dockerfile}',
  '**/.env',
  '**/.vsaferc.json',
];

const DOCS_BASE = 'https://github.com/vsafe/vsafe/blob/main/docs/rules/';

/** What `activate` returns: used by the extension's own test suite. */
export interface VsafeApi {
  /** Totals of the last analysis pass (the status bar's numbers). */
  status(): StatusParams | undefined;
  /** Resolves once the language server is running. */
  ready: Promise<void>;
}

export async function activate(context: ExtensionContext): Promise<VsafeApi> {
  const output: OutputChannel = window.createOutputChannel('vsafe');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const initializationOptions: InitializationOptions = { showDocumentationCommand: true, clientWatchesFiles: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml', pattern: COMPOSE_PATTERN },
    ],
    synchronize: {
      configurationSection: 'vsafe',
      fileEvents: WATCHED.map((glob) => workspace.createFileSystemWatcher(glob)),
    },
    initializationOptions,
    outputChannel: output,
  };
  client = new LanguageClient('vsafe', 'vsafe', serverOptions, clientOptions);

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

  context.subscriptions.push(
    output,
    statusItem,
    commands.registerCommand('vsafe.showOutput', () => output.show(true)),
    commands.registerCommand('vsafe.restartServer', async () => {
      await client?.restart();
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
      if (!client) return undefined;
      const params: InventoryParams = {};
      const result = await client.sendRequest<InventoryResult>(INVENTORY_REQUEST, params);
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

  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, showStatus));
  const ready = client.start();
  await ready;
  return { status: () => lastStatus, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
