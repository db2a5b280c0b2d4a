/**
 * The server's own timing (`vsafe/timing`, asked for with `initializationOptions.timing`)
 * and its responsiveness during a large workspace scan. Everything waits on
 * notifications and responses, never on timers; no duration is asserted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { TIMING_NOTIFICATION, type TimingParams } from '../../server/src/lsp/protocol';
import { LspTestClient } from './client';

const DB = 'services:\n  db:\n    image: postgres:16\n';
const FIXED = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # PostgreSQL data\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: # the database\n';

function workspace(prefix: string, files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Collects `vsafe/timing` notifications and resolves waiters on the first that matches. */
function timings(client: LspTestClient): { all: TimingParams[]; next: (match: (t: TimingParams) => boolean) => Promise<TimingParams> } {
  const all: TimingParams[] = [];
  let waiters: { match: (t: TimingParams) => boolean; resolve: (t: TimingParams) => void }[] = [];
  client.connection.onNotification(TIMING_NOTIFICATION, (t: TimingParams) => {
    all.push(t);
    const ready = waiters.filter((w) => w.match(t));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(t);
  });
  return {
    all,
    next: (match) => {
      const seen = all.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

function assertPhases(t: TimingParams): void {
  for (const value of [t.ms, t.phases.queued, t.phases.analysis, t.phases.publish]) assert.ok(Number.isFinite(value) && value >= 0, JSON.stringify(t));
  assert.ok(t.phases.queued + t.phases.analysis + t.phases.publish <= t.ms + 1e-6, `phases add up to at most the total: ${JSON.stringify(t)}`);
}

describe('language server timing and responsiveness', () => {
  it('reports server time per edited version and per scan when asked (vsafe/timing)', async () => {
    const root = workspace('vsafe-lsp-timing-', { 'a/compose.yaml': DB, 'b/compose.yaml': DB });
    const target = pathToFileURL(path.join(root, 'a/compose.yaml')).toString();
    const client = new LspTestClient();
    const timing = timings(client);
    try {
      await client.initialize(root, {}, { timing: true });
      const scan = await timing.next((t) => t.kind === 'scan');
      assert.equal(scan.uri, pathToFileURL(root).toString());
      assert.equal(scan.units, 2);
      assert.equal(scan.published, true);
      assert.ok(scan.phases.walk !== undefined && scan.phases.walk >= 0 && scan.phases.walk <= scan.ms);
      assert.ok(scan.phases.walk + scan.phases.queued + scan.phases.analysis + scan.phases.publish <= scan.ms + 1e-6);

      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: target, languageId: 'dockercompose', version: 1, text: DB } });
      const opened = await timing.next((t) => t.kind === 'edit' && t.version === 1);
      assert.equal(opened.uri, target);
      assertPhases(opened);

      // An edit that clears the finding: the diagnostics for version 2 are published (and say so).
      const cleared = client.diagnostics(target, (p) => p.version === 2);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version: 2 }, contentChanges: [{ text: FIXED }] });
      const edit = await timing.next((t) => t.kind === 'edit' && t.version === 2);
      assert.deepEqual((await cleared).diagnostics, []);
      assert.deepEqual(Object.keys(edit).sort(), ['kind', 'ms', 'phases', 'published', 'units', 'uri', 'version']);
      assert.deepEqual(Object.keys(edit.phases).sort(), ['analysis', 'publish', 'queued']);
      assert.equal(edit.published, true);
      assert.equal(edit.units, 1);
      assertPhases(edit);

      // A whitespace-only edit changes nothing: timed, but nothing is re-sent.
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: target, version: 3 }, contentChanges: [{ text: FIXED + '\n' }] });
      const same = await timing.next((t) => t.kind === 'edit' && t.version === 3);
      assert.equal(same.published, false);
      assert.equal(client.current(target)?.version, 2);
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('sends no timing to a client that did not ask', async () => {
    const root = workspace('vsafe-lsp-notiming-', { 'compose.yaml': DB });
    const target = pathToFileURL(path.join(root, 'compose.yaml')).toString();
    const client = new LspTestClient();
    const timing = timings(client);
    try {
      await client.initialize(root);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: target, languageId: 'dockercompose', version: 1, text: DB } });
      await client.settled(target, (p) => p.version === 1 && p.diagnostics.length === 1);
      // The inventory answers once the queue drained; the server sends notifications in order.
      await client.connection.sendRequest('vsafe/inventory', {});
      assert.deepEqual(timing.all, []);
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('answers requests and analyses an edited document while a large workspace scan runs', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`p${String(i).padStart(4, '0')}/deep/compose.yaml`] = `services:\n  db${i}:\n    image: postgres:16\n  cache${i}:\n    image: redis:7\n`;
    files['zz-edited/compose.yaml'] = DB;
    const root = workspace('vsafe-lsp-busy-', files);
    const edited = pathToFileURL(path.join(root, 'zz-edited/compose.yaml')).toString();
    const client = new LspTestClient();
    const timing = timings(client);
    const order: string[] = [];
    try {
      await client.initialize(root, {}, { timing: true });
      const scanned = timing.next((t) => t.kind === 'scan').then((t) => {
        order.push('scan finished');
        return t;
      });
      // Sent right after `initialized`: the walk or the analysis of 600 folders is under way.
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: pathToFileURL(path.join(root, 'p0000/deep/compose.yaml')).toString() }, position: { line: 0, character: 0 } });
      order.push('request answered');
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: edited, languageId: 'dockercompose', version: 1, text: DB } });
      const fixed = client.diagnostics(edited, (p) => p.version === 2);
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: edited, version: 2 }, contentChanges: [{ text: FIXED }] });
      assert.deepEqual((await fixed).diagnostics, []);
      order.push('edit analysed');
      const scan = await scanned;
      assert.deepEqual(order, ['request answered', 'edit analysed', 'scan finished']);
      assert.ok(scan.units >= 601, `every folder analysed: ${scan.units}`);
      const last = pathToFileURL(path.join(root, 'p0599/deep/compose.yaml')).toString();
      assert.ok(client.current(last)?.diagnostics.some((d) => d.code === 'unmounted-state-path'));

      // A folder analysed during the scan keeps no parse trees, yet its quick fix is there on request.
      const { diagnostics } = client.current(last)!;
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: last }, range: diagnostics[0]!.range, context: { diagnostics: [diagnostics[0]!] } })) as CodeAction[];
      assert.ok(actions.some((a) => a.isPreferred && a.edit?.changes?.[last]?.length), JSON.stringify(actions.map((a) => a.title)));
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
