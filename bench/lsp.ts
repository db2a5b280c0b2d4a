/**
 * The language-server sections of `npm run bench` (called from bench/run.ts; also
 * runnable alone: `npx tsx bench/lsp.ts [--quick]`, after `npm run build`).
 *
 * Each figure is measured twice: at a real stdio client (includes JSON-RPC transport
 * and the client's own parsing) and inside the server (the `vsafe/timing`
 * notification, asked for with `initializationOptions.timing`), next to the `yaml`
 * package's parse of the same text as the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol';
import { YAML_PARSE_OPTIONS } from '../server/src/core/compose/yaml';
import { TIMING_NOTIFICATION, type TimingParams } from '../server/src/lsp/protocol';
import { LspTestClient } from '../test/lsp/client';
import { largeCompose, writeCorpus, type CorpusFile } from './corpus';
import { elapsedSince, formatMs, median, type Log } from './stats';

/** The parse floor uses the options vsafe itself parses with. */
const YAML_OPTIONS = YAML_PARSE_OPTIONS;

const fmt = (v: number): string => formatMs(v);

/** Server-side timings by kind and version, each resolvable before or after it arrives. */
class Timings {
  private readonly seen = new Map<string, TimingParams>();
  private readonly waiting = new Map<string, (t: TimingParams) => void>();
  private missed = false;
  constructor(client: LspTestClient) {
    client.connection.onNotification(TIMING_NOTIFICATION, (t: TimingParams) => {
      const key = `${t.kind}:${t.uri}:${t.version ?? ''}`;
      this.seen.set(key, t);
      this.waiting.get(key)?.(t);
      this.waiting.delete(key);
    });
  }

  /** The timing for `key`, or undefined when the server sends none within `graceMs` of the call. */
  next(kind: 'edit' | 'scan', uri: string, version?: number, graceMs = 2000): Promise<TimingParams | undefined> {
    const key = `${kind}:${uri}:${version ?? ''}`;
    const known = this.seen.get(key);
    if (known) return Promise.resolve(known);
    // A server that sent none when asked has no timing (an older build): do not wait again.
    if (this.missed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        this.missed = true;
        resolve(undefined);
      }, graceMs);
      timer.unref();
      this.waiting.set(key, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }
}

export async function lspLatency(log: Log, quick = false): Promise<void> {
  log('## Language server: edit → published diagnostics (real stdio client)');
  log('');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsafe-bench-lsp-'));
  log('| file | lines | server time (median) | of which analysis | at the client (median) | `yaml` parse of the file | server / parse |');
  log('|---|---|---|---|---|---|---|');
  for (const services of [40, 2000]) {
    const text = largeCompose(services);
    const file = path.join(dir, `size${services}`, 'compose.yaml');
    spawnSync('mkdir', ['-p', path.dirname(file)]);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const client = new LspTestClient();
    const timings = new Timings(client);
    await client.initialize(path.dirname(file), {}, { timing: true });
    let version = 1;
    const first = client.diagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockercompose', version, text } });
    await first;
    // A few unmeasured edits first: an editing session runs warm code.
    for (let i = 0; i < (services > 100 ? 2 : 30); i++) {
      version++;
      const warm = client.diagnostics(uri, (p) => p.version === undefined || p.version === version);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: i % 2 === 0 ? text.replace('image: redis:7', 'image: nginx:1.27') : text }] });
      await warm;
    }
    const atClient: number[] = [];
    const server: number[] = [];
    const analysis: number[] = [];
    const rounds = services > 100 ? (quick ? 5 : 15) : quick ? 10 : 40;
    for (let i = 0; i < rounds; i++) {
      version++;
      // Each edit changes the findings (a Redis with persistence comes and goes), so the
      // server publishes after every one: the latency is edit → new diagnostics.
      const edited = i % 2 === 0 ? text.replace('image: redis:7', 'image: nginx:1.27') : text;
      const next = client.diagnostics(uri, (p) => p.version === undefined || p.version === version);
      const timing = timings.next('edit', uri, version);
      const start = process.hrtime.bigint();
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
      await next;
      atClient.push(elapsedSince(start));
      const t = await timing;
      if (t) {
        server.push(t.ms);
        analysis.push(t.phases.analysis);
      }
    }
    // Warmed up as the server is (it has parsed this text dozens of times by now).
    for (let i = 0; i < (services > 100 ? 3 : 30); i++) parseDocument(text, YAML_OPTIONS);
    const parse = median(
      Array.from({ length: services > 100 ? 9 : 31 }, () => {
        const start = process.hrtime.bigint();
        parseDocument(text, YAML_OPTIONS);
        return elapsedSince(start);
      }),
    );
    const s = median(server);
    log(`| ${services} services | ${text.split('\n').length} | ${fmt(s)} | ${fmt(median(analysis))} | ${fmt(median(atClient))} | ${fmt(parse)} | ${Number.isNaN(s) ? '—' : (s / parse).toFixed(2) + '×'} |`);
    await client.dispose();
  }
  rmSync(dir, { recursive: true, force: true });
  log('');
  log('Server time runs from the `didChange` arriving to the `publishDiagnostics` for that version being sent');
  log('(`vsafe/timing`); client latency adds JSON-RPC transport and the client decoding the diagnostics.');
  log('');
}

interface ScanRun {
  elapsed: number;
  published: number;
  timedOut: boolean;
  timing?: Awaited<ReturnType<Timings['next']>>;
  rss?: string;
  answers: number[];
}

/**
 * One scan of a fresh server over `dir`. With `probe`, hover requests are sent back to back
 * while it runs: the slowest answer is how long the scan blocks the server (that load slows
 * the scan itself, so time and memory come from a run without it).
 */
async function scanOnce(dir: string, count: number, probe: boolean): Promise<ScanRun> {
  const client = new LspTestClient();
  const timings = new Timings(client);
  const start = process.hrtime.bigint();
  const seen = new Set<string>();
  const done = new Promise<void>((resolve) => {
    client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
      seen.add(p.uri);
      if (seen.size >= count) resolve();
    });
  });
  await client.initialize(dir, {}, { timing: true });
  const probeUri = pathToFileURL(path.join(dir, 'svc-0/compose.yaml')).toString();
  let scanning = probe;
  const answers: number[] = [];
  const requests = (async () => {
    while (scanning) {
      const sent = process.hrtime.bigint();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: probeUri }, position: { line: 0, character: 0 } });
      answers.push(elapsedSince(sent));
    }
  })();
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000).unref());
  const result = await Promise.race([done, timeout]);
  const elapsed = elapsedSince(start);
  scanning = false;
  await requests;
  const timing = await timings.next('scan', pathToFileURL(dir).toString(), undefined, 5000);
  const pid = client.process.pid;
  const rss = pid ? readPeakRss(pid) : undefined;
  await client.dispose();
  return { elapsed, published: seen.size, timedOut: result === 'timeout', timing, rss, answers };
}

export async function workspaceScan(log: Log, quick = false): Promise<void> {
  void quick;
  log('## Workspace scan: 2,000 compose files');
  log('');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsafe-bench-ws-'));
  const files: CorpusFile[] = [];
  for (let i = 0; i < 2000; i++) files.push({ path: `svc-${i}/compose.yaml`, text: largeCompose(3 + (i % 5)) });
  writeCorpus(dir, files);
  const clean = await scanOnce(dir, files.length, false);
  const probed = await scanOnce(dir, files.length, true);
  if (clean.timedOut) log(`The server published diagnostics for ${clean.published} of ${files.length} files within 60 s (no workspace scan?).`);
  else {
    const timing = clean.timing;
    log('| measure | value |');
    log('|---|---|');
    log(`| all ${files.length} files analysed and published, at the client | ${fmt(clean.elapsed)} |`);
    if (timing) {
      log(`| server time of the scan (walk + analysis + publish) | ${fmt(timing.ms)} |`);
      log(`| … walking the workspace | ${fmt(timing.phases.walk ?? NaN)} |`);
      log(`| … analysis (lint of ${timing.units} folders) | ${fmt(timing.phases.analysis)} |`);
      log(`| … publishing diagnostics | ${fmt(timing.phases.publish)} |`);
    }
    log(`| server peak resident memory | ${clean.rss ?? '?'} |`);
    const a = probed.answers;
    log(`| second scan with hover requests sent back to back: requests answered | ${a.length}, slowest ${fmt(Math.max(...a))}, median ${fmt(median(a))} |`);
    log(`| … that scan, at the client (the requests slow it) | ${fmt(probed.elapsed)} |`);
  }
  rmSync(dir, { recursive: true, force: true });
  log('');
}

function readPeakRss(pid: number): string | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return hwm ? `${(Number(hwm) / 1024).toFixed(0)} MB` : undefined;
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const log: Log = (line = '') => console.log(line);
  const only = process.argv.find((a) => a === 'latency' || a === 'scan');
  (async () => {
    if (only !== 'scan') await lspLatency(log, quick);
    if (only !== 'latency') await workspaceScan(log, quick);
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
