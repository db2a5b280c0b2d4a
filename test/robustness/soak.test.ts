import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../lsp/client';

/**
 * The stdio server under abuse: 10,000 random incremental edits, malformed
 * messages, requests for unknown and deleted documents. It must keep answering
 * and end with diagnostics for the final text.
 */
const EDITS = Number(process.env.VSAFE_SOAK_EDITS ?? 10_000);
const START = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - data:/var/lib/postgresql/data\nvolumes:\n  data:\n';
const SNIPPETS = ['\n', ' ', '  ', '- ', ':', 'image: ', 'postgres', 'volumes:', '/data', '"', "'", '[', ']', '{', '}', '#', '&a', '*a', '<<: ', '${X}', 'x', '\t', '\r\n', 'services:'];

describe('language server soak', () => {
  let dir: string;
  let client: LspTestClient;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vsafe-soak-'));
    client = new LspTestClient();
    await client.initialize(dir);
  });
  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`survives ${EDITS} random edits and ends with diagnostics for the final text`, async () => {
    const file = path.join(dir, 'compose.yaml');
    writeFileSync(file, START);
    const uri = pathToFileURL(file).toString();
    let doc = TextDocument.create(uri, 'dockercompose', 1, START);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockercompose', version: 1, text: START } });
    const random = fc.sample(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom(...SNIPPETS)), { numRuns: EDITS, seed: 7 });
    for (const [at, length, text] of random) {
      const size = doc.getText().length;
      const start = size === 0 ? 0 : at % (size + 1);
      const end = Math.min(size, start + length);
      const change: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    }
    // Finally restore a known text: the diagnostics that follow must be for it.
    const finalText = 'services:\n  db:\n    image: mysql:8\n';
    const final = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unmounted-state-path' && /\/var\/lib\/mysql/.test(d.message)));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version + 1 }, contentChanges: [{ text: finalText }] });
    const published = await final;
    assert.ok(published.diagnostics.length >= 1);
  });

  it('answers after malformed and unexpected messages', async () => {
    const conn = client.connection;
    const uri = pathToFileURL(path.join(dir, 'compose.yaml')).toString();
    const bad: Array<[string, unknown]> = [
      ['textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/compose.yaml' }, range: { start: { line: -1, character: 5 }, end: { line: 9e9, character: 0 } }, context: { diagnostics: [] } }],
      ['textDocument/hover', { textDocument: { uri: 'not a uri' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 10_000, character: 10_000 } }],
      ['textDocument/codeLens', { textDocument: { uri: 'untitled:Untitled-1' } }],
      ['textDocument/documentLink', { textDocument: { uri: 'file:///deleted/compose.yaml' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['vsafe/unknownRequest', { x: 1 }],
    ];
    for (const [method, params] of bad) {
      try {
        await conn.sendRequest(method, params);
      } catch {
        // An error response is fine; a crash is not.
      }
    }
    for (const [method, params] of [
      ['textDocument/didChange', { textDocument: { uri: 'file:///never/opened.yaml', version: 3 }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didClose', { textDocument: { uri: 'file:///never/opened.yaml' } }],
      ['textDocument/didOpen', { textDocument: { uri, languageId: 'dockercompose', version: 'x', text: 42 } }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///gone/compose.yaml', type: 3 }, { uri: 'bogus', type: 99 }] }],
      ['workspace/didChangeConfiguration', { settings: { vsafe: { rules: { 'unmounted-state-path': 'purple' }, enable: 'maybe' } } }],
    ] as Array<[string, unknown]>) {
      await conn.sendNotification(method, params);
    }
    const hover = await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object', 'still answering requests');
    const actions = await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.ok(Array.isArray(actions) || actions === null);
  });
});
