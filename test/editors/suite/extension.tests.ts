/**
 * The extension in a real VS Code: diagnostics, quick fixes, fix all, hover, code lens,
 * links, the workspace scan, cross-file re-lint, watched files and settings. Every wait
 * is on `onDidChangeDiagnostics` (or a command's answer), bounded by a deadline.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { recordActivation } from './activation';

const EXTENSION_ID = 'vsafe.vsafe';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the suite needs a workspace folder');
  return f.uri;
}

function file(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), relative);
}

function vsafe(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'vsafe');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves with the file's vsafe diagnostics once `predicate` holds (now or after a change event). */
function waitFor(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vsafe(uri);
      if (!predicate(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what} on ${uri.path}; have: ${JSON.stringify(vsafe(uri).map((d) => [codeOf(d), d.message]))}`));
    }, timeoutMs);
    const cleanup = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

const hasRule = (rule: string) => (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === rule);
const none = (d: vscode.Diagnostic[]): boolean => d.length === 0;

/**
 * The code actions for a range. VS Code cancels a code-action request whose document is
 * still settling (a late diagnostics update on a busy machine): a cancelled request is no
 * answer, so it is asked again, a few times at most.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string, resolveCount?: number): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, resolveCount);
    } catch (error) {
      if (attempt >= 3 || (error as Error).message !== 'Canceled') throw error;
    }
  }
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(file(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

export async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('vsafe in VS Code', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
    // Activation does not wait for the language server; `ready` does.
    const api = (await extension.activate()) as { ready: Promise<void> };
    await api.ready;
  });

  test('scans the workspace: a compose file that was never opened is in the Problems panel', async () => {
    const uri = file('unopened/docker-compose.yml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file is not open');
    const diagnostics = await waitFor(uri, hasRule('unmounted-state-path'), 'the scan');
    const d = diagnostics.find((x) => codeOf(x) === 'unmounted-state-path')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [2, 11, 2, 18]);
    assert.match(d.message, /\/data\/db/);
  });

  test('diagnostic on an open compose file: exact range, docs link', async () => {
    const document = await open('quickfix/compose.yaml');
    const diagnostics = await waitFor(document.uri, hasRule('unmounted-state-path'), 'unmounted-state-path');
    const d = diagnostics.find((x) => codeOf(x) === 'unmounted-state-path')!;
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [3, 11, 3, 22]);
    assert.equal(typeof d.code === 'object' ? d.code.target.toString() : '', 'https://github.com/vsafe/vsafe/blob/main/docs/rules/unmounted-state-path.md');
  });

  test('quick fix via executeCodeActionProvider + applyEdit adds the named volume and clears the problem', async () => {
    const document = await open('quickfix/compose.yaml');
    const [d] = await waitFor(document.uri, hasRule('unmounted-state-path'), 'unmounted-state-path');
    const actions = await codeActions(document.uri, d!.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Show documentation for unmounted-state-path'), titles.join(' | '));
    assert.ok(titles.includes('Ignore unmounted-state-path for this line'), titles.join(' | '));
    assert.ok(titles.includes('Ignore unmounted-state-path for service "db"'), titles.join(' | '));
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred quick fix with an edit: ${titles.join(' | ')}`);
    assert.equal(preferred.kind?.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    // Byte-exact, except the documenting comment the fix may put above the new mount.
    assert.equal(
      document.getText().replace(/^ {6}# .+\n/m, ''),
      '# Shop database\nservices:\n  db:\n    image: postgres:16 # the primary\n    environment:\n      POSTGRES_PASSWORD: example\n    volumes:\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
    );
    await waitFor(document.uri, (ds) => !hasRule('unmounted-state-path')(ds), 'the fix to clear the problem');
    await document.save();
  });

  test('"Show documentation" opens the packaged rule page', async () => {
    const opened = await vscode.commands.executeCommand<string>('vsafe.showRuleDocumentation', 'unmounted-state-path');
    assert.match(opened ?? '', /docs\/rules\/unmounted-state-path\.md$/);
  });

  test('fix all (source.fixAll.vsafe) fixes every problem of the file in one edit', async () => {
    const document = await open('fixall/compose.yaml');
    await waitFor(document.uri, (ds) => ds.filter((x) => codeOf(x) === 'unmounted-state-path').length === 2, 'two problems');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActions(document.uri, whole, 'source.fixAll.vsafe');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.vsafe');
    assert.ok(fixAll?.edit, `a source.fixAll.vsafe action: ${actions.map((a) => `${a.kind?.value}:${a.title}`).join(' | ')}`);
    assert.equal(fixAll.title, 'Fix all vsafe problems in this file');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const text = document.getText();
    assert.match(text, /- db-data:\/var\/lib\/postgresql\/data/);
    assert.match(text, /- cache-db-data:\/var\/lib\/mysql/);
    assert.equal((text.match(/^volumes:$/gm) ?? []).length, 1, `one top-level volumes key:\n${text}`);
    await waitFor(document.uri, (ds) => !hasRule('unmounted-state-path')(ds), 'fix all to clear both problems');
    // The quick-fix list offers the same "fix all" next to the single fixes.
    await vscode.commands.executeCommand('undo');
    await waitFor(document.uri, (ds) => ds.filter((x) => codeOf(x) === 'unmounted-state-path').length === 2, 'the problems back after undo');
    const [first] = vsafe(document.uri);
    const quick = await codeActions(document.uri, first!.range, vscode.CodeActionKind.QuickFix.value, 10);
    const listed = quick.find((a) => a.title === 'Fix all vsafe problems in this file');
    assert.ok(listed, quick.map((a) => a.title).join(' | '));
    assert.equal(listed.kind?.value, 'quickfix');
    assert.ok(listed.edit, 'resolved with an edit');
    await document.save();
  });

  test('hover on a mount: type, lifecycle, knowledge-base entry', async () => {
    const document = await open('hover/compose.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 12));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /named volume `db-data` → `\/var\/lib\/postgresql\/data`/);
    assert.match(text, /down -v/);
    assert.match(text, /host reboot/);
    assert.match(text, /PostgreSQL/);
    assert.match(text, /knowledge base: \*\*PostgreSQL\*\* \(\[source\]\(https:\/\//);
    const tmpfs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(9, 10));
    const tmpfsText = tmpfs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(tmpfsText, /tmpfs mount/);
    assert.match(tmpfsText, /restart` \| ❌ lost/);
  });

  test('code lens above each service and above top-level volumes', async () => {
    const document = await open('hover/compose.yaml');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command?.title]));
    assert.equal(byLine.get(1), '1 state path · 1 persisted · 0 at risk');
    assert.equal(byLine.get(6), '1 state path · 0 persisted · 1 at risk');
    assert.equal(byLine.get(11), '1 undocumented mount of 2');
  });

  test('document links on bind sources and build paths', async () => {
    const document = await open('links/compose.yaml');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const targets = links.map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${l.target?.path.replace(folder().path, '')}`).sort();
    assert.deepEqual(targets, ['3:15-20 /links/app', '4:18-28 /links/app/Dockerfile', '7:8-14 /links/data']);
  });

  test('editing an override file re-lints the base file (cross-file)', async () => {
    const base = file('override/compose.yaml');
    await waitFor(base, none, 'no problem while the override mounts the volume');
    const override = await open('override/compose.override.yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(override.uri, new vscode.Range(2, 0, 5, 0), '    environment:\n      POSTGRES_PASSWORD: example\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await waitFor(base, hasRule('unmounted-state-path'), 'the base file to be re-linted');
    assert.match(diagnostics[0]!.message, /\/var\/lib\/postgresql\/data/);
    await vscode.commands.executeCommand('undo');
    await waitFor(base, none, 'the problem to clear after undo');
  });

  test('editing a Dockerfile re-lints the compose file that builds it (cross-file)', async () => {
    const compose = file('dockerfile/compose.yaml');
    await waitFor(compose, hasRule('unmounted-state-path'), 'the compose file to report the image state path');
    const dockerfile = await open('dockerfile/Dockerfile');
    assert.equal(dockerfile.languageId, 'dockerfile');
    await waitFor(dockerfile.uri, hasRule('unmounted-state-path'), 'the Dockerfile finding');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(dockerfile.uri, new vscode.Range(0, 5, 0, 16), 'nginx:1.27');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(dockerfile.getText(), 'FROM nginx:1.27\n');
    await waitFor(compose, none, 'the compose file to be re-linted after the Dockerfile edit');
    await vscode.commands.executeCommand('undo');
    await waitFor(compose, hasRule('unmounted-state-path'), 'the problem back after undo');
  });

  test('follows files on disk: created, changed .env, deleted', async () => {
    const created = file('watched/compose.yaml');
    await vscode.workspace.fs.writeFile(file('watched/.env'), new TextEncoder().encode('DB_IMAGE=postgres:16\n'));
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('services:\n  db:\n    image: ${DB_IMAGE}\n'));
    await waitFor(created, hasRule('unmounted-state-path'), 'a new file to be analysed');
    await vscode.workspace.fs.writeFile(file('watched/.env'), new TextEncoder().encode('DB_IMAGE=nginx:1.27\n'));
    await waitFor(created, none, '.env change to re-lint');
    await vscode.workspace.fs.writeFile(file('watched/.env'), new TextEncoder().encode('DB_IMAGE=postgres:16\n'));
    await waitFor(created, hasRule('unmounted-state-path'), '.env change back');
    await vscode.workspace.fs.delete(created);
    await waitFor(created, none, 'diagnostics of a deleted file to clear');
  });

  test('settings apply without a restart: vsafe.rules and vsafe.enable', async () => {
    const uri = file('settings/compose.yaml');
    await waitFor(uri, hasRule('unmounted-state-path'), 'the problem');
    const config = vscode.workspace.getConfiguration('vsafe');
    await config.update('rules', { 'unmounted-state-path': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(uri, (ds) => ds.some((d) => codeOf(d) === 'unmounted-state-path' && d.severity === vscode.DiagnosticSeverity.Error), 'severity error');
    await config.update('rules', { 'unmounted-state-path': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(uri, none, 'the rule turned off');
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(uri, hasRule('unmounted-state-path'), 'the rule back');
    await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(uri, none, 'vsafe disabled');
    await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(uri, hasRule('unmounted-state-path'), 'vsafe enabled again');
  });

  test('good neighbour: anchors, merge keys, !reset, !override and ${VAR} raise nothing', async () => {
    const document = await open('neighbour/compose.yaml');
    // The scan analysed it with the rest of the workspace; the open document is re-published.
    const quickfix = file('quickfix/compose.yaml');
    await waitFor(quickfix, () => true, 'the scan');
    assert.deepEqual(vsafe(document.uri), []);
  });

  test('mount inventory: the Markdown report with its Mermaid diagram', async () => {
    const markdown = await vscode.commands.executeCommand<string>('vsafe.openMountInventory');
    assert.match(markdown ?? '', /^# vsafe mount inventory/);
    assert.match(markdown ?? '', /```mermaid/);
    assert.match(markdown ?? '', /Service `db`/);
  });

  test('status bar totals: state paths at risk in the workspace', async () => {
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { status(): { atRisk: number; statePaths: number } | undefined };
    const status = api.status();
    assert.ok(status, 'a status was received');
    assert.ok(status.atRisk >= 3, JSON.stringify(status));
    assert.ok(status.statePaths > status.atRisk, JSON.stringify(status));
  });

  test('activation time: VS Code\'s own figures, recorded in test-results/editors/activation.json', async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const record = await recordActivation(extension);
    console.error(`activation: ${JSON.stringify(record.summary)}`);
    // A benchmark figure, not a timed test: only that VS Code measured it.
    assert.ok(record.summary.loadCodeMs >= 0 && record.summary.callActivateMs >= 0 && record.summary.finishActivateMs >= 0, JSON.stringify(record.summary));
  });
});
