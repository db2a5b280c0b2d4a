import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from './client';

const COMPOSE = `# Shop database
services:
  db:
    image: postgres:16 # the primary
    environment:
      POSTGRES_PASSWORD: example
`;

describe('language server over stdio', () => {
  let dir: string;
  let client: LspTestClient;
  let uri: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vsafe-lsp-'));
    const file = path.join(dir, 'compose.yaml');
    writeFileSync(file, COMPOSE);
    uri = pathToFileURL(file).toString();
    client = new LspTestClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes unmounted-state-path, offers a preferred fix that clears it', async () => {
    const published = client.diagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dockercompose', version: 1, text: COMPOSE },
    });
    const { diagnostics } = await published;
    assert.equal(diagnostics.length, 1);
    const diagnostic = diagnostics[0]!;
    assert.equal(diagnostic.code, 'unmounted-state-path');
    assert.equal(diagnostic.source, 'vsafe');
    assert.equal(diagnostic.codeDescription?.href, 'https://github.com/vsafe/vsafe/blob/main/docs/rules/unmounted-state-path.md');
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 11 }, end: { line: 3, character: 22 } });
    assert.match(diagnostic.message, /\/var\/lib\/postgresql\/data/);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, 'a preferred quick fix');
    assert.equal(preferred.kind, 'quickfix');
    const edits = preferred.edit?.changes?.[uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'dockercompose', 1, COMPOSE), edits);
    // Byte-exact, except the documenting comment the fix may put above the new mount.
    assert.equal(
      fixed.replace(/^ {6}# .+\n/m, ''),
      COMPOSE + '    volumes:\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
    );
    const parsed = parseDocument(fixed);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.toJS().volumes, { 'db-data': null });
    assert.ok(fixed.includes('# Shop database') && fixed.includes('# the primary'), 'comments survive');

    // The new mount has no comment yet: only undocumented-mount (info) may remain.
    const cleared = client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unmounted-state-path'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const after = await cleared;
    assert.deepEqual((after.diagnostics as Diagnostic[]).map((d) => d.code).filter((c) => c !== 'undocumented-mount'), []);
  });
});
