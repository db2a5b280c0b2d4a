/**
 * The same language server in Neovim 0.7 (headless, stdio): diagnostics for a compose
 * file, its quick fixes and a hover, through Neovim's built-in LSP client (RECIPES §2).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './harness';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.status === 0 ? undefined : 'nvim is not installed (apt-get install neovim)';

describe('Neovim over stdio', () => {
  it('shows vsafe diagnostics, quick fixes and hover for a compose file', { skip: !process.env.CI && missing ? missing : false, timeout: 120_000 }, () => {
    assert.equal(missing, undefined, missing);
    assert.match(nvim.stdout, /NVIM v0\.\d+/);
    const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-nvim-'));
    try {
      const file = path.join(dir, 'compose.yaml');
      writeFileSync(file, 'services:\n  db:\n    image: postgres:16\n    ports: !reset []\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n');
      const out = path.join(dir, 'result.json');
      const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', 'NONE', '-c', `luafile ${path.join(ROOT, 'test/editors/neovim/check.lua')}`], {
        encoding: 'utf8',
        timeout: 110_000,
        env: { ...process.env, VSAFE_SERVER: path.join(ROOT, 'dist/server.js'), VSAFE_FILE: file, VSAFE_OUT: out },
      });
      assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}${run.stdout}`);
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[];
        actions: string[];
        hover: string;
      };
      // Only vsafe's own finding: `!reset` and the unset ${DB_PASSWORD} are not errors.
      assert.deepEqual(
        result.diagnostics.map((d) => [d.source, d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity]),
        [['vsafe', 'unmounted-state-path', 2, 11, 2, 22, 2]],
      );
      assert.match(result.diagnostics[0]!.message, /\/var\/lib\/postgresql\/data/);
      assert.ok(result.actions.includes('Add named volume "db-data" at /var/lib/postgresql/data'), result.actions.join(' | '));
      assert.ok(result.actions.includes('Show documentation for unmounted-state-path'), result.actions.join(' | '));
      assert.match(result.hover, /image `postgres:16`/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
