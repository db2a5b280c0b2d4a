/**
 * The packaged extension as a user gets it: `npm run package` builds the .vsix (in a
 * staging copy, so the repository's dist/ that other suites use is not rewritten),
 * `code-server --install-extension` installs it into a fresh profile, and Playwright
 * drives the workbench: open a compose file, see the squiggle and the Problems entry,
 * Ctrl+. then Enter applies the quick fix, Ctrl+S saves, the file on disk is fixed.
 * Screenshots go to test-results/editors/ (CI keeps them as artifacts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, missingTools, openWorkbench, RESULTS, ROOT, startCodeServer, type CodeServer } from './harness';

const COMPOSE = `# Shop database
services:
  db:
    image: postgres:16 # the primary
    environment:
      POSTGRES_PASSWORD: example
`;
const FIXED = `${COMPOSE}    volumes:
      - db-data:/var/lib/postgresql/data

volumes:
  db-data:
`;

const SHOTS = path.join(RESULTS, 'editors');
const missing = missingTools();
const WAIT = 90_000;

/** `npm run package` in a copy of the packaging inputs; returns the .vsix path. */
function packageExtension(stage: string): string {
  for (const name of ['package.json', 'package-lock.json', 'README.md', 'LICENSE', '.vscodeignore', 'esbuild.mjs', 'tsconfig.json', 'docs', 'schemas', 'syntaxes', 'client', 'server']) {
    const source = path.join(ROOT, name);
    if (existsSync(source)) cpSync(source, path.join(stage, name), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'));
  const result = spawnSync('npm', ['run', 'package'], { cwd: stage, encoding: 'utf8', timeout: 300_000 });
  assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
  const vsix = path.join(stage, 'vsafe.vsix');
  assert.ok(existsSync(vsix), 'vsafe.vsix was produced');
  return vsix;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The fix may put a documenting comment above the new mount; everything else is byte-exact. */
const withoutMountComment = (text: string): string => text.replace(/^ {6}# .+\n/m, '');

/** Polls the file until it has the expected text (the save lands asynchronously). */
async function fileBecomes(file: string, expected: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = readFileSync(file, 'utf8');
  while (withoutMountComment(text) !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = readFileSync(file, 'utf8');
  }
  return text;
}

describe('packaged .vsix in code-server, driven through the UI', { skip: !process.env.CI && missing ? missing : false }, () => {
  let stage: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;

  before(() => {
    mkdirSync(SHOTS, { recursive: true });
    stage = mkdtempSync(path.join(tmpdir(), 'vsafe-package-'));
    workspace = mkdtempSync(path.join(tmpdir(), 'vsafe-ui-'));
    writeFileSync(path.join(workspace, 'compose.yaml'), COMPOSE);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    rmSync(stage, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });

  it('squiggle, Problems entry, Ctrl+. Enter applies the quick fix, saved to disk', { timeout: 600_000 }, async () => {
    assert.equal(missing, undefined, missing);
    const vsix = packageExtension(stage);
    server = await startCodeServer({ vsix });
    const installed = spawnSync(path.join(ROOT, '.cache/code-server/node_modules/.bin/code-server'), ['--extensions-dir', path.join(server.runDir, 'ext'), '--list-extensions'], { encoding: 'utf8' });
    assert.match(installed.stdout, /vsafe\.vsafe/, `installed extensions: ${installed.stdout}`);
    context = await launchBrowser(server.runDir);
    const page = await openWorkbench(server, context, workspace);

    // Open the file from the Explorer.
    const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'compose.yaml' });
    await item.waitFor({ timeout: WAIT });
    await item.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'postgres:16' }).waitFor({ timeout: WAIT });

    // The squiggle under the image.
    const squiggle = page.locator('.monaco-editor .squiggly-warning');
    await squiggle.first().waitFor({ timeout: WAIT });
    await shot(page, '1-squiggle');

    // The Problems panel lists the finding.
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'has no volume' });
    await problem.first().waitFor({ timeout: WAIT });
    const row = (await problem.first().textContent()) ?? '';
    assert.match(row, /PostgreSQL data directory \/var\/lib\/postgresql\/data of service "db" has no volume/);
    assert.match(row, /unmounted-state-path/);
    await shot(page, '2-problems');

    // Double-clicking the problem puts the cursor on it and focuses the editor (a single
    // click only reveals it, leaving focus in the panel); Ctrl+. opens the quick fixes,
    // Enter applies the first (preferred).
    await problem.first().dblclick();
    await page.locator('.monaco-editor.focused').waitFor({ timeout: WAIT });
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ timeout: WAIT });
    const entries = (await menu.textContent()) ?? '';
    assert.match(entries, /Add named volume|volume/i, `quick fix menu: ${entries}`);
    await shot(page, '3-quick-fix-menu');
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'db-data:/var/lib/postgresql/data' }).waitFor({ timeout: WAIT });
    await squiggle.first().waitFor({ state: 'detached', timeout: WAIT });

    // Save and check the bytes on disk.
    await page.keyboard.press('Control+S');
    const onDisk = await fileBecomes(path.join(workspace, 'compose.yaml'), FIXED, WAIT);
    await shot(page, '4-fixed-and-saved');
    assert.equal(withoutMountComment(onDisk), FIXED);
  });
});
