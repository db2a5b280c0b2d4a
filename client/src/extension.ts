import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Compose files by name, for editors that open them as plain YAML. */
const COMPOSE_PATTERN = '**/{compose,docker-compose,*stack*}{,.*}.{yaml,yml}';

export async function activate(context: ExtensionContext): Promise<void> {
  const output: OutputChannel = window.createOutputChannel('vsafe');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml', pattern: COMPOSE_PATTERN },
    ],
    synchronize: { configurationSection: 'vsafe' },
    outputChannel: output,
  };
  client = new LanguageClient('vsafe', 'vsafe', serverOptions, clientOptions);
  context.subscriptions.push(
    output,
    commands.registerCommand('vsafe.showOutput', () => output.show(true)),
    commands.registerCommand('vsafe.restartServer', async () => {
      await client?.restart();
    }),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('vsafe')) output.appendLine('vsafe settings changed');
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
