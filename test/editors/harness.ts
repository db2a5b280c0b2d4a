/**
 * Runs VS Code for the editor suites: code-server 4.100.3 (VS Code 1.100.3's own server
 * build, installed by test/editors/setup.sh) with a fresh profile per run, driven by
 * Debian's chromium through playwright-core. RECIPES §1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CODE_SERVER = path.join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.VSAFE_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS = path.join(ROOT, 'test-results');

/** Why the editor suites cannot run here, or undefined when they can. */
export function missingTools(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed (run: bash test/editors/setup.sh)`;
  if (!existsSync(CHROMIUM)) return `chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  return undefined;
}

export const USER_SETTINGS = {
  // The web build autosaves by default and would overwrite fixtures mid-test.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'update.mode': 'none',
  'editor.hover.delay': 100,
  'workbench.editor.enablePreview': false,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface CodeServer {
  port: number;
  url: string;
  runDir: string;
  process: ChildProcess;
  log: string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A `.vsix` to install into the fresh extensions folder before starting. */
  vsix?: string;
  settings?: Record<string, unknown>;
}

/** A fresh run folder: user data, extensions, browser profile. */
function freshRunDir(): string {
  const runDir = mkdtempSync(path.join(tmpdir(), 'vsafe-code-'));
  mkdirSync(path.join(runDir, 'ud/User'), { recursive: true });
  mkdirSync(path.join(runDir, 'ext'), { recursive: true });
  return runDir;
}

export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
  const runDir = freshRunDir();
  writeFileSync(path.join(runDir, 'ud/User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const common = ['--user-data-dir', path.join(runDir, 'ud'), '--extensions-dir', path.join(runDir, 'ext')];
  if (options.vsix) {
    const installed = spawnSync(CODE_SERVER, [...common, '--install-extension', options.vsix], { encoding: 'utf8', timeout: 120_000 });
    if (installed.status !== 0) throw new Error(`code-server --install-extension failed:\n${installed.stdout}\n${installed.stderr}`);
  }
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(
    CODE_SERVER,
    [
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    // Its own process group, so stop() ends code-server and every child it started.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1', VSAFE_ACTIVATION_MARKS: '1' } },
  );
  child.stdout!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(runDir, { recursive: true, force: true });
  };
  // Ready when /healthz answers; polled, bounded by a deadline.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early:\n${log.join('')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not become healthy:\n${log.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, url, runDir, process: child, log, stop };
}

export async function launchBrowser(runDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(path.join(runDir, 'browser'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Copies a fixture workspace to a temp folder the test may change. */
export function copyWorkspace(fixture: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-ws-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** Workbench chatter that is not the suite's output (lookups of online services, iframes, timings). */
const NOISE = /^(INFO|WARN|TRACE|DEBUG)\b|open-vsx|marketplace|ERR_NAME_NOT_RESOLVED|Failed to fetch|Failed to load resource|service worker|serviceWorker|sandbox attribute|same-origin iframe|vsda|Unable to resolve filesystem provider with relative file path '(untitled|perf):|workbench contribution/i;

export interface SuiteRun {
  exitCode: number;
  output: string;
}

/**
 * Runs a `@vscode/test-electron`-style suite (a module exporting `run()`) in code-server's
 * Node extension host: the workbench takes `extensionDevelopmentPath` and
 * `extensionTestsPath` from its `payload` URL parameter as `vscode-remote://` URIs; the
 * suite's console output arrives through `codeAutomationLog` and its result through
 * `codeAutomationExit`, the hooks `@vscode/test-web` uses.
 */
export async function runSuiteInCodeServer(options: {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  workspace: string;
  timeoutMs?: number;
  onOutput?: (line: string) => void;
}): Promise<SuiteRun> {
  const server = await startCodeServer();
  let context: BrowserContext | undefined;
  const lines: string[] = [];
  try {
    context = await launchBrowser(server.runDir);
    const page = context.pages()[0] ?? (await context.newPage());
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ]);
    // The extension host's console (the mocha reporter) reaches the page console in
    // code-server; `codeAutomationLog` receives it where the workbench forwards it there.
    const record = (type: string, text: string): void => {
      const line = text.replace(/^ERR /, '').replace(/%c\s*/g, '').replace(/color: #[0-9a-f]{3}\s*/gi, '').replace(/^(%s\n?)+/g, '').trimEnd();
      if (process.env.VSAFE_DEBUG) options.onOutput?.(`[raw ${type}] ${line}`);
      if (line === '' || NOISE.test(line)) return;
      lines.push(line);
      options.onOutput?.(line);
    };
    page.on('console', (message) => record(message.type(), message.text()));
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      record(type, (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
    const url = `${server.url}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url, { waitUntil: 'commit' });
    const timeout = new Promise<number>((_, reject) => {
      const timer = setTimeout(() => reject(new Error(`suite timed out after ${options.timeoutMs ?? 300_000} ms:\n${lines.join('\n')}`)), options.timeoutMs ?? 300_000);
      timer.unref();
    });
    const exitCode = await Promise.race([exit, timeout]);
    return { exitCode, output: lines.join('\n') };
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
}

/** Opens the plain workbench (for UI tests on an installed extension). */
export async function openWorkbench(server: CodeServer, context: BrowserContext, workspace: string): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'commit' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  return page;
}

/** Bundles the mocha suite for the extension host (out/editors/suite/index.js). */
export function buildSuite(): string {
  const outfile = path.join(ROOT, 'out/editors/suite/index.js');
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/esbuild'),
    [path.join(ROOT, 'test/editors/suite/index.ts'), '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--external:vscode', `--outfile=${outfile}`, '--log-level=warning'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`esbuild failed: ${result.stderr}`);
  return outfile;
}
