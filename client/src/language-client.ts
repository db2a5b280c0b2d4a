/**
 * The language client, in its own bundle (dist/language-client.js): vscode-languageclient
 * is almost all of the client's code, and `activate` (client/src/extension.ts) loads this
 * file only after activation has returned, so VS Code's activation time does not include
 * reading, compiling and evaluating it.
 */
import * as path from 'node:path';
import { workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type InitializationOptions, type StatusParams } from '../../server/src/lsp/protocol';

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

/** Creates the (not yet started) client for the bundled server, dist/server.js, over IPC. */
export function createLanguageClient(context: ExtensionContext, output: OutputChannel, showStatus: (status: StatusParams) => void): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const initializationOptions: InitializationOptions = { showDocumentationCommand: true, clientWatchesFiles: true };
  const watchers = WATCHED.map((glob) => workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml', pattern: COMPOSE_PATTERN },
    ],
    synchronize: {
      configurationSection: 'vsafe',
      fileEvents: watchers,
    },
    initializationOptions,
    outputChannel: output,
  };
  const client = new LanguageClient('vsafe', 'vsafe', serverOptions, clientOptions);
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, showStatus));
  return client;
}
