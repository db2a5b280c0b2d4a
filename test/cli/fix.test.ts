import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runFixes } from '../../server/src/cli/fix';
import { unifiedDiff } from '../../server/src/cli/unified-diff';
import { emptyConfig } from '../../server/src/core/config';
import type { LintResult } from '../../server/src/core/lint';
import type { Finding, Fix } from '../../server/src/core/types';
import { NodeFileHost } from '../../server/src/node/host';
import { copyFixture, expectFile, FIXTURES, hasCommand, only, removeTemps, runCli } from './helpers';

const UNMOUNTED = only('unmounted-state-path');
const compose = hasCommand('docker-compose');

/** `docker-compose config -q` (Compose v1.29, RECIPES §4): the merged files are valid. */
function composeConfigOk(dir: string, files: string[]): void {
  if (!compose) return;
  const result = spawnSync('docker-compose', [...files.flatMap((f) => ['-f', f]), 'config', '-q'], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, `docker-compose config -q ${files.join(' ')}: ${result.stderr}`);
}

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

describe('vsafe check --fix', { skip: false }, () => {
  after(removeTemps);

  it('applies every safe fix over several rounds, keeps comments, anchors and layout, reports what is left', () => {
    const dir = copyFixture('fixable');
    composeConfigOk(dir, ['compose.yaml']);
    const run = runCli(['check', '--fix', ...UNMOUNTED], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '', 'nothing is left');
    assert.equal(run.status, 0);
    expectFile('fixable.compose.yaml.fixed', read(dir, 'compose.yaml'));
    composeConfigOk(dir, ['compose.yaml']);
    // Fixed output is stable: a second run changes nothing.
    const again = runCli(['check', '--fix', ...UNMOUNTED], dir);
    assert.equal(again.status, 0);
    expectFile('fixable.compose.yaml.fixed', read(dir, 'compose.yaml'));
  });

  it('--fix-dry-run prints a unified diff and changes nothing', () => {
    const dir = copyFixture('fixable');
    const before = read(dir, 'compose.yaml');
    const run = runCli(['check', '--fix-dry-run', ...UNMOUNTED], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    expectFile('fixable.dry-run.diff', run.stdout);
    assert.equal(read(dir, 'compose.yaml'), before);
    // The diff applies with patch(1) and gives the --fix result.
    if (hasCommand('patch')) {
      const patched = spawnSync('patch', ['-p1', '-s'], { cwd: dir, input: run.stdout, encoding: 'utf8' });
      assert.equal(patched.status, 0, patched.stderr);
      expectFile('fixable.compose.yaml.fixed', read(dir, 'compose.yaml'));
    }
  });

  it('fixes the base file of a base + override project; what cannot be fixed is still reported', () => {
    const dir = copyFixture('multi');
    const override = read(dir, 'api/compose.override.yaml');
    const run = runCli(['check', '--fix', '--format', 'json', ...UNMOUNTED], dir);
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), { version: 1, findings: [] });
    expectFile('multi.api.compose.yaml.fixed', read(dir, 'api/compose.yaml'));
    assert.equal(read(dir, 'api/compose.override.yaml'), override);
    composeConfigOk(path.join(dir, 'api'), ['compose.yaml', 'compose.override.yaml']);
  });

  it('cross-file: moves a source bind mount out of production into a created compose.override.yaml', () => {
    const dir = copyFixture('production');
    const rule = only('source-bind-mount-in-production');
    const dry = runCli(['check', '--fix-dry-run', ...rule], dir);
    assert.equal(dry.stderr, '');
    expectFile('production.dry-run.diff', dry.stdout);
    assert.ok(!statSync(dir).isFile() && !readdirSync(dir).includes('compose.override.yaml'), 'the dry run creates nothing');
    const run = runCli(['check', '--fix', ...rule], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '');
    assert.equal(run.status, 0);
    expectFile('production.compose.yaml.fixed', read(dir, 'compose.yaml'));
    expectFile('production.compose.override.yaml.created', read(dir, 'compose.override.yaml'));
    assert.equal(read(dir, 'compose.prod.yaml'), readFileSync(path.join(FIXTURES, 'production/compose.prod.yaml'), 'utf8'));
    composeConfigOk(dir, ['compose.yaml', 'compose.override.yaml']);
    composeConfigOk(dir, ['compose.yaml', 'compose.prod.yaml']);
  });

  it('fixes Dockerfiles too: two findings with the same fix apply it once', () => {
    const dir = copyFixture('dockerfile');
    const run = runCli(['check', '--fix', '--format', 'json', ...only('write-after-volume')], dir);
    assert.equal(run.stderr, '');
    assert.deepEqual(JSON.parse(run.stdout), { version: 1, findings: [] });
    assert.equal(run.status, 0);
    expectFile('dockerfile.Dockerfile.fixed', read(dir, 'Dockerfile'));
  });

  it('with every rule on, every fixture stays valid Compose after --fix', () => {
    for (const name of ['basic', 'fixable', 'multi', 'production']) {
      const dir = copyFixture(name);
      const run = runCli(['check', '--fix', '--format', 'json', '--fail-level', 'off'], dir);
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      JSON.parse(run.stdout);
      const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
      const byDir = new Map<string, string[]>();
      for (const file of walk(dir).filter((f) => /\.ya?ml$/.test(f))) byDir.set(path.dirname(file), [...(byDir.get(path.dirname(file)) ?? []), path.basename(file)]);
      for (const [folder, files] of byDir) {
        // Each configuration as Compose loads it: the base with each other file.
        const base = files.find((f) => /^(docker-)?compose\.ya?ml$/.test(f));
        if (!base) files.forEach((f) => composeConfigOk(folder, [f]));
        else if (files.length === 1) composeConfigOk(folder, [base]);
        else files.filter((f) => f !== base).forEach((f) => composeConfigOk(folder, [base, f]));
      }
    }
  });

  it('the fixtures are what the tests assume', () => {
    assert.ok(statSync(path.join(FIXTURES, 'fixable/compose.yaml')).isFile());
  });
});

const F = '/p/compose.yaml';
const O = '/p/compose.override.yaml';
const pos = (line: number, character: number) => ({ line, character });
const at = (line: number, character: number) => ({ start: pos(line, character), end: pos(line, character) });

function finding(rule: string, fix: Fix | undefined, message = rule): Finding {
  return { rule, severity: 'warning', message, location: { file: F, range: at(0, 0) }, fixes: fix ? [fix] : [], related: [] };
}

describe('runFixes (fix loop)', () => {
  it('applies non-overlapping fixes per round, re-lints, creates files and edits several files at once', () => {
    const host = new NodeFileHost();
    host.setOverlay(F, 'a\nb\n');
    let rounds = 0;
    const lintFiles = (): LintResult => {
      rounds++;
      const text = host.readFile(F)!;
      const findings: Finding[] = [];
      // Two fixes insert at the same place: only one per round.
      if (!text.includes('X')) findings.push(finding('x', { title: 'x', isPreferred: true, edits: [{ file: F, range: at(1, 0), newText: 'X\n' }] }));
      if (!text.includes('Y')) findings.push(finding('y', { title: 'y', isPreferred: true, edits: [{ file: F, range: at(1, 0), newText: 'Y\n' }] }));
      if (host.readFile(O) === undefined) {
        findings.push(finding('move', { title: 'move', isPreferred: true, createFiles: [{ file: O, text: 'services: {}\n' }], edits: [{ file: F, range: { start: pos(0, 0), end: pos(0, 1) }, newText: 'A' }, { file: O, range: at(1, 0), newText: '# moved\n' }] }));
      }
      // Not preferred: never applied automatically.
      findings.push(finding('manual', { title: 'manual', edits: [{ file: F, range: at(0, 0), newText: 'never' }] }));
      return { findings, files: [F], configurations: [] };
    };
    const run = runFixes([F], host, emptyConfig(), lintFiles);
    assert.equal(run.changed.get(F), 'A\nY\nX\nb\n');
    assert.equal(run.changed.get(O), 'services: {}\n# moved\n');
    assert.equal(run.original.get(O), undefined);
    assert.equal(run.original.get(F), 'a\nb\n');
    assert.equal(run.applied, 3);
    assert.equal(rounds, 3);
    assert.deepEqual(run.result.findings.map((f) => f.rule), ['manual']);
  });

  it('a fix that does not resolve its finding is applied once, not round after round', () => {
    const host = new NodeFileHost();
    host.setOverlay(F, 'a\n');
    const lintFiles = (): LintResult => ({ findings: [finding('stuck', { title: 'stuck', isPreferred: true, edits: [{ file: F, range: at(0, 0), newText: '#' }] })], files: [F], configurations: [] });
    const run = runFixes([F], host, emptyConfig(), lintFiles);
    assert.equal(run.changed.get(F), '#a\n');
    assert.equal(run.applied, 1);
  });
});

describe('unified diff', () => {
  it('hunks with context, created files, missing final newline', () => {
    assert.equal(unifiedDiff('a/x', 'b/x', 'same\n', 'same\n'), '');
    assert.equal(unifiedDiff('a/x', 'b/x', undefined, 'one\ntwo\n'), '--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+one\n+two\n');
    assert.equal(unifiedDiff('a/x', 'b/x', 'a\nb', 'a\nb\n'), '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
    const old = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    const changed = old.replace('l2\n', 'L2\n').replace('l19\n', 'l19\nnew\n');
    assert.equal(
      unifiedDiff('a/x', 'b/x', old, changed),
      '--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -17,4 +17,5 @@\n l17\n l18\n l19\n+new\n l20\n',
    );
  });
});
