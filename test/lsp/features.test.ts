/**
 * The language server's editor features over a real LSP connection (test/lsp/client.ts):
 * the workspace scan, code actions (quick fix, fix all, ignore, docs), hover, code lens,
 * document links, cross-file re-lint, watched files, settings, the inventory request,
 * a broken config, requests answered during a scan, and the `--node-ipc` transport.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { LspTestClient } from './client';

const FILES: Record<string, string> = {
  'app/compose.yaml': 'services:\n  db:\n    image: postgres:16\n  cache-db:\n    image: mysql:8.4\n',
  'base/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
  'base/compose.override.yaml': 'services:\n  db:\n    volumes:\n      # PostgreSQL data\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data: # the database\n',
  'df/compose.yaml': 'services:\n  db:\n    build: .\n',
  'df/Dockerfile': 'FROM postgres:16\n',
  'env/compose.yaml': 'services:\n  db:\n    image: ${IMG}\n',
  'env/.env': 'IMG=postgres:16\n',
  'bad/compose.yaml': 'services:\n  db: [\n',
  'neighbour/compose.yaml':
    'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:${TAG}\n    ports: !reset []\n  db:\n    <<: *base\n    image: postgres:${PG:-16}\n    volumes: !override\n      # PostgreSQL data\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data: # the database\n',
  'links/compose.yaml': 'services:\n  web:\n    build:\n      context: ./app\n      dockerfile: Dockerfile\n    volumes:\n      # uploads\n      - ./data:/srv/data\n',
  'links/app/Dockerfile': 'FROM nginx:1.27\n',
  'links/data/.keep': '',
  'prod/compose.yaml': 'services:\n  web:\n    build: .\n    image: shop/web:1\n    volumes:\n      # app code\n      - ./src:/app/src\n',
  'prod/compose.prod.yaml': 'services:\n  web:\n    restart: always\n',
  'prod/Dockerfile': 'FROM node:20\nWORKDIR /app\n',
  'prod/src/index.js': '',
  'cfg/.vsaferc.json': '{ "rules": ',
  'cfg/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
  'late/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
  'bindb/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # the database\n      - ./pg:/var/lib/postgresql/data\n  cache-db:\n    image: mysql:8.4\n',
  'shared/compose.yaml': 'services:\n  web:\n    image: node:22\n  worker:\n    image: node:22\n',
  'shared/compose.prod.yaml': 'x-app: &app\n  restart: always\n  volumes:\n    # app code\n    - ./src:/app/src\n    # shared code\n    - ./lib:/app/lib\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n',
};

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

const codes = (p: { diagnostics: Diagnostic[] }): unknown[] => p.diagnostics.map((d) => d.code);
const has = (rule: string) => (p: { diagnostics: Diagnostic[] }) => p.diagnostics.some((d) => d.code === rule);
const lacks = (rule: string) => (p: { diagnostics: Diagnostic[] }) => !p.diagnostics.some((d) => d.code === rule);

function apply(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits = (edit?.changes?.[uri] ?? []) as TextEdit[];
  assert.ok(edits.length > 0, `edits for ${uri}: ${JSON.stringify(edit)}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

describe('language server features', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (name: string): string => pathToFileURL(path.join(root, name)).toString();
  /** Waits until every queued analysis ran: the inventory request answers after the queue drains. */
  const barrier = async (): Promise<string> => ((await client.connection.sendRequest('vsafe/inventory', {})) as { markdown: string }).markdown;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'vsafe-lsp-features-'));
    write(root, FILES);
    client = new LspTestClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('scans the workspace on start: unopened files get diagnostics', async () => {
    const app = await client.settled(uri('app/compose.yaml'), (p) => p.diagnostics.filter((d) => d.code === 'unmounted-state-path').length === 2);
    assert.deepEqual(app.diagnostics.map((d) => [d.range.start.line, d.range.start.character]), [[2, 11], [4, 11]]);
    await client.settled(uri('df/compose.yaml'), has('unmounted-state-path'));
    await client.settled(uri('df/Dockerfile'), has('unmounted-state-path'));
    await client.settled(uri('env/compose.yaml'), has('unmounted-state-path'));
    await barrier();
    // The override mounts the volume: nothing to say about the base.
    assert.deepEqual(client.current(uri('base/compose.yaml'))?.diagnostics ?? [], []);
  });

  it('a document outside the workspace folders is analysed with its project: compose.prod.yaml next to it counts', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'vsafe-lsp-outside-'));
    try {
      const base = 'services:\n  web:\n    image: node:20\n    volumes:\n      # live reload\n      - ./src:/app\nvolumes:\n  # dumps of the production backup job\n  backups:\n';
      write(outside, { 'compose.yaml': base, 'compose.prod.yaml': 'services:\n  backup:\n    image: busybox\n    volumes:\n      # dumps\n      - backups:/backups\n' });
      const file = pathToFileURL(path.join(outside, 'compose.yaml')).toString();
      const published = client.diagnostics(file);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: file, languageId: 'dockercompose', version: 1, text: base } });
      // Alone, "backups" would look unused (and fix-all on save would delete it), and the source mount production deploys would pass.
      assert.deepEqual(codes(await published), ['source-bind-mount-in-production']);
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: file } });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('good neighbour: no syntax errors, !reset/!override/anchors/${VAR} raise nothing', async () => {
    await barrier();
    assert.deepEqual(client.current(uri('bad/compose.yaml'))?.diagnostics ?? [], []);
    assert.deepEqual(client.current(uri('neighbour/compose.yaml'))?.diagnostics ?? [], []);
  });

  it('a broken .vsaferc.json is one clear diagnostic on the config file', async () => {
    const config = await client.settled(uri('cfg/.vsaferc.json'), (p) => p.diagnostics.length > 0);
    assert.equal(config.diagnostics.length, 1);
    assert.match(config.diagnostics[0]!.message, /vsafe configuration error: invalid JSON/);
    assert.deepEqual(client.current(uri('cfg/compose.yaml'))?.diagnostics ?? [], []);
  });

  it('code actions: preferred quick fix, fix all, ignore line/service/file, show documentation', async () => {
    const target = uri('app/compose.yaml');
    const { diagnostics } = await client.settled(target, has('unmounted-state-path'));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: target },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]!] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ['Add named volume "db-data" at /var/lib/postgresql/data', 'quickfix', true],
        ['Fix all vsafe problems in this file', 'quickfix', false],
        ['Ignore unmounted-state-path for this line', 'quickfix', false],
        ['Ignore unmounted-state-path for service "db"', 'quickfix', false],
        ['Ignore unmounted-state-path for this file', 'quickfix', false],
        ['Show documentation for unmounted-state-path', 'quickfix', false],
      ],
    );
    const text = FILES['app/compose.yaml']!;
    assert.equal(apply(text, target, actions[2]!.edit), 'services:\n  db:\n    # vsafe-ignore unmounted-state-path\n    image: postgres:16\n  cache-db:\n    image: mysql:8.4\n');
    assert.equal(apply(text, target, actions[3]!.edit), 'services:\n  # vsafe-ignore unmounted-state-path\n  db:\n    image: postgres:16\n  cache-db:\n    image: mysql:8.4\n');
    assert.deepEqual(actions[5]!.command, { title: 'Show documentation for unmounted-state-path', command: 'vsafe.server.openRuleDocumentation', arguments: ['unmounted-state-path'] });

    // Fix all: both volumes, one top-level `volumes:`, applied on a copy round by round.
    const fixed = apply(text, target, actions[1]!.edit);
    const parsed = parseDocument(fixed);
    assert.deepEqual(parsed.errors, []);
    const js = parsed.toJS() as { services: Record<string, { volumes: string[] }>; volumes: Record<string, unknown> };
    assert.ok(js.services.db!.volumes.includes('db-data:/var/lib/postgresql/data'), fixed);
    assert.ok(js.services['cache-db']!.volumes.includes('cache-db-data:/var/lib/mysql'), fixed);
    assert.deepEqual(Object.keys(js.volumes).sort(), ['cache-db-data', 'db-data']);
    assert.ok(fixed.startsWith('services:\n  db:\n    image: postgres:16\n'), 'untouched text keeps its bytes');

    // The same edit as `source.fixAll.vsafe` (editor.codeActionsOnSave), only when asked for.
    const source = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: target },
      range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(source.map((a) => [a.title, a.kind]), [['Fix all vsafe problems in this file', 'source.fixAll.vsafe']]);
    assert.equal(apply(text, target, source[0]!.edit), fixed);
    const plain = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: target },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(plain, [], 'no source actions in the light bulb');

    // Re-linting the fixed text leaves no unmounted-state-path.
    const cleared = client.diagnostics(target, lacks('unmounted-state-path'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: target, languageId: 'dockercompose', version: 1, text: fixed } });
    await cleared;
  });

  it('fix all never applies a fix that is not preferred: a bind-mounted database stays where its data is', async () => {
    const target = uri('bindb/compose.yaml');
    const { diagnostics } = await client.settled(target, (p) => has('database-on-bind-mount')(p) && has('unmounted-state-path')(p));
    const bind = diagnostics.find((d) => d.code === 'database-on-bind-mount')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: target }, range: bind.range, context: { diagnostics: [bind] } })) as CodeAction[];
    // Offered by hand, with its warning, but not preferred.
    const convert = actions.find((a) => a.title.startsWith('Use named volume'));
    assert.match(convert?.title ?? '', /existing data in \.\/pg is not moved/);
    assert.notEqual(convert?.isPreferred, true);
    const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: target },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.vsafe'] },
    })) as CodeAction[];
    const fixed = apply(FILES['bindb/compose.yaml']!, target, fixAll[0]?.edit);
    // The MySQL volume is added; the database keeps its host folder (a named volume would start it empty).
    assert.match(fixed, /- \.\/pg:\/var\/lib\/postgresql\/data/);
    assert.match(fixed, /cache-db-data:\/var\/lib\/mysql/);
  });

  it('a mount written once in an anchor is one diagnostic naming every service that merges it; its fix edits the anchor', async () => {
    const target = uri('shared/compose.prod.yaml');
    const rule = 'source-bind-mount-in-production';
    const published = await client.settled(target, (p) => p.diagnostics.filter((d) => d.code === rule).length === 2);
    const shared = published.diagnostics.filter((d) => d.code === rule);
    assert.match(shared[0]!.message, /^Services "web" and "worker" bind-mount \.\/src /);
    // Both diagnostics in one request: the actions they share are listed once, naming both.
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: target },
      range: { start: shared[0]!.range.start, end: shared[1]!.range.end },
      context: { diagnostics: shared },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.diagnostics?.length]),
      [
        ['Remove the source bind mount ./src:/app/src from compose.prod.yaml (shared by services web, worker)', 1],
        ['Remove the source bind mount ./lib:/app/lib from compose.prod.yaml (shared by services web, worker)', 1],
        ['Fix all vsafe problems in this file', undefined],
        [`Ignore ${rule} for this line`, 1],
        [`Ignore ${rule} for service "web"`, 2],
        [`Ignore ${rule} for this file`, 2],
        [`Show documentation for ${rule}`, 2],
        [`Ignore ${rule} for this line`, 1],
      ],
    );
    assert.equal(apply(FILES['shared/compose.prod.yaml']!, target, actions[0]!.edit), 'x-app: &app\n  restart: always\n  volumes:\n    # shared code\n    - ./lib:/app/lib\nservices:\n  web:\n    <<: *app\n  worker:\n    <<: *app\n');
  });

  it('a Dockerfile finding fixes the compose file (cross-file edit); editing the Dockerfile re-lints the compose file', async () => {
    const dockerfile = uri('df/Dockerfile');
    const compose = uri('df/compose.yaml');
    const { diagnostics } = await client.settled(dockerfile, has('unmounted-state-path'));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: dockerfile },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]!] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit?.changes?.[compose], `the fix edits compose.yaml: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(!fix.edit.changes[dockerfile], 'and not the Dockerfile');
    // Byte-exact, except the documenting comment the fix may put above the new mount.
    assert.equal(apply(FILES['df/compose.yaml']!, compose, fix.edit).replace(/^ {6}# .+\n/m, ''), 'services:\n  db:\n    build: .\n    volumes:\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n');

    const cleared = client.diagnostics(compose, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dockerfile, languageId: 'dockerfile', version: 1, text: FILES['df/Dockerfile']! } });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: dockerfile, version: 2 }, contentChanges: [{ text: 'FROM nginx:1.27\n' }] });
    await cleared;
    const back = client.diagnostics(compose, has('unmounted-state-path'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: dockerfile, version: 3 }, contentChanges: [{ text: 'FROM postgres:16\n' }] });
    await back;
  });

  it('a fix that creates a file is one WorkspaceEdit with documentChanges: CreateFile, then the edits', async () => {
    const compose = uri('prod/compose.yaml');
    const override = uri('prod/compose.override.yaml');
    const { diagnostics } = await client.settled(compose, has('source-bind-mount-in-production'));
    const diagnostic = diagnostics.find((d) => d.code === 'source-bind-mount-in-production')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: compose }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const move = actions.find((a) => a.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'));
    assert.ok(move, `a fix creating compose.override.yaml: ${actions.map((a) => a.title).join(' | ')}`);
    const changes = move.edit!.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: override, options: { ignoreIfExists: true } });
    const created = changes.find((c) => 'textDocument' in c && c.textDocument.uri === override);
    const edited = changes.find((c) => 'textDocument' in c && c.textDocument.uri === compose);
    assert.ok(created && 'edits' in created && edited && 'edits' in edited, JSON.stringify(changes));
    const overrideText = TextDocument.applyEdits(TextDocument.create(override, 'yaml', 0, ''), created.edits as TextEdit[]);
    const composeText = TextDocument.applyEdits(TextDocument.create(compose, 'yaml', 1, FILES['prod/compose.yaml']!), edited.edits as TextEdit[]);
    assert.deepEqual(parseDocument(overrideText).toJS(), { services: { web: { volumes: ['./src:/app/src'] } } });
    assert.ok(!composeText.includes('./src:/app/src'), composeText);
    assert.deepEqual(parseDocument(composeText).errors, []);
  });

  it('hover on a mount and on an image: type, lifecycle, knowledge-base entry', async () => {
    await barrier();
    const mount = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('base/compose.override.yaml') }, position: { line: 4, character: 10 } })) as Hover;
    const text = (mount.contents as MarkupContent).value;
    assert.match(text, /^\*\*vsafe\*\* · named volume `db-data` → `\/var\/lib\/postgresql\/data` in service `db`/);
    assert.match(text, /\| `docker compose restart` \| ✅ kept \|/);
    assert.match(text, /\| `docker compose down` \+ `up` \| ✅ kept \|/);
    assert.match(text, /\| `docker compose down -v` \+ `up` \| ❌ lost \|/);
    assert.match(text, /\| host reboot \| ✅ kept \|/);
    assert.match(text, /knowledge base: \*\*PostgreSQL\*\* \(\[source\]\(https:\/\/hub\.docker\.com\/_\/postgres\)\)/);
    assert.deepEqual(mount.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 40 } });
    const image = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('env/compose.yaml') }, position: { line: 2, character: 12 } })) as Hover;
    assert.match((image.contents as MarkupContent).value, /image `postgres:16` of service `db`[\s\S]*\| `\/var\/lib\/postgresql\/data` \| database \| none \(container layer\) \| ❌ lost \|/);
    const dockerfile = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('df/Dockerfile') }, position: { line: 0, character: 7 } })) as Hover;
    assert.match((dockerfile.contents as MarkupContent).value, /^\*\*vsafe\*\* · service `db` is built from this Dockerfile[\s\S]*\| `\/var\/lib\/postgresql\/data` \| database \| none \(container layer\) \| ❌ lost \|/);
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('env/compose.yaml') }, position: { line: 0, character: 1 } });
    assert.equal(nothing, null);
  });

  it('code lens: state paths per service, undocumented mounts above volumes:', async () => {
    await barrier();
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('base/compose.override.yaml') } });
    assert.deepEqual(
      lenses?.map((l) => [l.range.start.line, l.command?.title]),
      [
        [1, '1 state path · 1 persisted · 0 at risk'],
        [6, '0 undocumented mounts of 1'],
      ],
    );
    const env = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri('env/compose.yaml') } });
    assert.deepEqual(env?.map((l) => l.command?.title), ['1 state path · 0 persisted · 1 at risk']);
  });

  it('document links: bind source, build context, build dockerfile', async () => {
    await barrier();
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri('links/compose.yaml') } });
    assert.deepEqual(
      links?.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]).sort(),
      [
        [3, 15, 20, uri('links/app')],
        [4, 18, 28, uri('links/app/Dockerfile')],
        [7, 8, 14, uri('links/data')],
      ],
    );
  });

  it('watched files: .env changes, files created and deleted on disk', async () => {
    const compose = uri('env/compose.yaml');
    await client.settled(compose, has('unmounted-state-path'));
    writeFileSync(path.join(root, 'env/.env'), 'IMG=nginx:1.27\n');
    let next = client.diagnostics(compose, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('env/.env'), type: FileChangeType.Changed }] });
    await next;

    write(root, { 'fresh/docker-compose.yml': 'services:\n  mongo:\n    image: mongo:7\n' });
    next = client.diagnostics(uri('fresh/docker-compose.yml'), has('unmounted-state-path'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('fresh/docker-compose.yml'), type: FileChangeType.Created }] });
    await next;

    unlinkSync(path.join(root, 'fresh/docker-compose.yml'));
    next = client.diagnostics(uri('fresh/docker-compose.yml'), (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('fresh/docker-compose.yml'), type: FileChangeType.Deleted }] });
    await next;
  });

  it('a compose file first reported as changed, not created, is analysed (a watcher can miss the create of a file in a new folder)', async () => {
    await barrier();
    write(root, { 'newfolder/compose.yaml': 'services:\n  db:\n    image: mysql:8\n' });
    const next = client.diagnostics(uri('newfolder/compose.yaml'), has('unmounted-state-path'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('newfolder/compose.yaml'), type: FileChangeType.Changed }] });
    await next;
  });

  it('a file no watcher reports, created after the scan, is read when an edit includes it', async () => {
    // The scan answered its probes from the walk's folder listings; once it is done they are dropped.
    await barrier();
    write(root, { 'late/extra.yaml': 'services:\n  db:\n    image: postgres:16\n' });
    const extra = client.diagnostics(uri('late/extra.yaml'), has('unmounted-state-path'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri('late/compose.yaml'), languageId: 'dockercompose', version: 1, text: 'include:\n  - extra.yaml\nservices:\n  web:\n    image: nginx:1.27\n' },
    });
    await extra;
  });

  it('settings apply without a restart: rule severity, off, scan exclude', async () => {
    const dockerfile = uri('df/Dockerfile');
    await client.settled(dockerfile, has('unmounted-state-path'));
    let next = client.diagnostics(dockerfile, (p) => p.diagnostics.some((d) => d.code === 'unmounted-state-path' && d.severity === 1));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { vsafe: { rules: { 'unmounted-state-path': 'error' } } } });
    await next;
    next = client.diagnostics(dockerfile, lacks('unmounted-state-path'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { vsafe: { rules: { 'unmounted-state-path': 'off' } } } });
    await next;
    next = client.diagnostics(dockerfile, has('unmounted-state-path'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { vsafe: {} } });
    await next;
    // Excluded from the scan: its diagnostics are withdrawn (the Dockerfile is open, so it stays).
    next = client.diagnostics(uri('df/compose.yaml'), (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { vsafe: { scan: { exclude: ['df/compose.yaml'] } } } });
    await next;
    next = client.diagnostics(uri('df/compose.yaml'), has('unmounted-state-path'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { vsafe: {} } });
    await next;
  });

  it('inventory request: the Markdown report with Mermaid, relative paths', async () => {
    const markdown = await barrier();
    assert.match(markdown, /^# vsafe mount inventory\n/);
    assert.match(markdown, /## `base\/compose\.yaml` \+ `base\/compose\.override\.yaml`/);
    assert.match(markdown, /```mermaid\n/);
    // The server hands the report its knowledge base: postgres:16's VOLUME is listed.
    assert.match(markdown, /\| anonymous \(image VOLUME\) \| \(anonymous\) \| `\/var\/lib\/postgresql\/data` \|/);
    assert.ok(!markdown.includes(root), 'paths are relative to the workspace folder');
  });
});

describe('language server responsiveness and transports', () => {
  it('answers requests while a large workspace scan is still running', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'vsafe-lsp-scan-'));
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`svc${i}/compose.yaml`] = `services:\n  db${i}:\n    image: postgres:16\n  web${i}:\n    image: nginx:1.27\n    volumes:\n      # site\n      - ./site:/usr/share/nginx/html:ro\n`;
    write(root, files);
    const client = new LspTestClient();
    try {
      const order: string[] = [];
      let done!: () => void;
      const idle = new Promise<void>((resolve) => (done = resolve));
      client.connection.onNotification('vsafe/status', (status: { scanning: boolean; statePaths: number }) => {
        if (!status.scanning && status.statePaths >= 150) {
          order.push('scan finished');
          done();
        }
      });
      await client.initialize(root);
      const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: pathToFileURL(path.join(root, 'svc0/compose.yaml')).toString() }, position: { line: 0, character: 0 } });
      await hover;
      order.push('request answered');
      await idle;
      assert.deepEqual(order, ['request answered', 'scan finished']);
      assert.ok(client.current(pathToFileURL(path.join(root, 'svc149/compose.yaml')).toString())?.diagnostics.some((d) => d.code === 'unmounted-state-path'));
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('starts with --node-ipc (how VS Code runs it) and resolves fix-all lazily for clients with resolve support', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'vsafe-lsp-ipc-'));
    write(root, { 'compose.yaml': FILES['app/compose.yaml']! });
    const target = pathToFileURL(path.join(root, 'compose.yaml')).toString();
    const client = new LspTestClient(['--node-ipc']);
    try {
      await client.initialize(root, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } } });
      const { diagnostics } = await client.settled(target, (p) => p.diagnostics.length === 2);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: target }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
      const fixAll = actions.find((a) => a.title === 'Fix all vsafe problems in this file');
      assert.ok(fixAll && !fixAll.edit && fixAll.data, 'the fix-all edit is computed on resolve');
      const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, fixAll);
      const fixed = apply(FILES['app/compose.yaml']!, target, resolved.edit);
      assert.match(fixed, /- db-data:\/var\/lib\/postgresql\/data/);
      assert.match(fixed, /- cache-db-data:\/var\/lib\/mysql/);
      assert.deepEqual(codes({ diagnostics }), ['unmounted-state-path', 'unmounted-state-path']);
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
