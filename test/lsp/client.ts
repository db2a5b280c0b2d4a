import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

/** The built server; `VSAFE_LSP_SERVER` points the tests and the benchmark at another build (e.g. to compare). */
export const SERVER = process.env.VSAFE_LSP_SERVER ?? path.resolve(__dirname, '../../dist/server.js');

/**
 * A real LSP client over stdio (vscode-jsonrpc + the protocol package) that
 * drives the built server. Waits on notifications, never on timers.
 */
export class LspTestClient {
  readonly connection: MessageConnection;
  /** The server process (its pid for memory figures). */
  readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  /** `--stdio` (default) or `--node-ipc` (how VS Code starts it: a forked process with an IPC channel). */
  constructor(args: string[] = ['--stdio']) {
    const ipc = args.includes('--node-ipc');
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
      : createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      const ready = this.waiters.filter((w) => w.predicate(params));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(params);
    });
    this.connection.listen();
  }

  async initialize(rootPath: string, capabilities: ClientCapabilities = {}, initializationOptions?: object): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).toString(),
      workspaceFolders: [{ uri: pathToFileURL(rootPath).toString(), name: 'ws' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** The last diagnostics published for `uri`. */
  current(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  /** Resolves with the latest diagnostics for `uri` if they satisfy `predicate`, else with the next that do. */
  settled(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const latest = this.latest.get(uri);
    if (latest && predicate(latest)) return Promise.resolve(latest);
    return this.diagnostics(uri, predicate);
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate`. */
  diagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ predicate: (p) => p.uri === uri && predicate(p), resolve }));
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.process.once('exit', () => resolve());
        setTimeout(() => this.process.kill(), 2000).unref();
      });
    }
  }
}
