import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { mermaidLabel } from '../../server/src/core/report/mermaid';
import { code, inline } from '../../server/src/core/report/markdown';
import { copyFixture, expectFile, FIXTURES, only, removeTemps, runCli } from './helpers';

const PINNED = only('undocumented-mount', 'unmounted-state-path');
const inventory = path.join(FIXTURES, 'inventory');

function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=vsafe test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Mermaid flowchart lines this renderer emits: declarations and edges with quoted labels. */
function assertMermaid(markdown: string): void {
  const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length > 0, 'a mermaid block');
  for (const block of blocks) {
    const [head, ...lines] = block.trimEnd().split('\n');
    assert.equal(head, 'flowchart LR');
    for (const line of lines) {
      assert.match(line, /^ {2}(?:[a-z]\d+(?:\["[^"]*"\]|\[\("[^"]*"\)\]|\[\/"[^"]*"\/\]|\(\["[^"]*"\]\))|[a-z]\d+ -->(?:\|"[^"|]*"\|)? [a-z]\d+)$/, line);
    }
  }
}

describe('vsafe report', () => {
  after(removeTemps);

  it('markdown: every service and mount with persistence verdicts, documentation, findings and a diagram', () => {
    const run = runCli(['report', ...PINNED], inventory);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    expectFile('inventory.report.md', run.stdout);
    assertMermaid(run.stdout);
  });

  it('json: the same inventory as data', () => {
    const run = runCli(['report', '--format', 'json', ...PINNED], inventory);
    assert.equal(run.status, 0);
    expectFile('inventory.report.json', run.stdout);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    const app = report.projects[0].services.find((s: { name: string }) => s.name === 'app');
    assert.deepEqual(
      app.mounts.map((m: { type: string; persistence: Record<string, string> }) => [m.type, m.persistence.down]),
      [['volume', 'kept'], ['bind', 'kept'], ['anonymous', 'lost'], ['tmpfs', 'lost']],
    );
  });

  it('several projects, an override file, --output-file', () => {
    const dir = copyFixture('multi');
    const run = runCli(['report', ...PINNED, '--output-file', 'inventory.md'], dir);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '');
    expectFile('multi.report.md', readFileSync(path.join(dir, 'inventory.md'), 'utf8'));
  });

  it('--diff <ref>: only what the branch changed, added and removed mounts first', () => {
    const dir = copyFixture();
    cpSync(inventory, path.join(dir, 'shop'), { recursive: true });
    cpSync(path.join(FIXTURES, 'multi/worker'), path.join(dir, 'worker'), { recursive: true });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    const file = path.join(dir, 'shop/compose.yaml');
    const text = readFileSync(file, 'utf8')
      .replace('      - /srv/app/sessions\n', '')
      .replace('./initdb:/docker-entrypoint-initdb.d:ro # schema and seed data', './initdb:/docker-entrypoint-initdb.d # schema and seed data')
      .replace('volumes:\n  pg-data: {}\n', '  cache:\n    image: redis:7\n    command: redis-server --appendonly yes\n    volumes:\n      - redis-data:/data\nvolumes:\n  pg-data: {}\n')
      .concat('  redis-data:\n');
    writeFileSync(file, text);
    const run = runCli(['report', '--diff', 'HEAD', ...PINNED], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    expectFile('diff.report.md', run.stdout);
    assert.doesNotMatch(run.stdout, /worker/, 'an untouched project is not in the report');
    assertMermaid(run.stdout);
    const json = runCli(['report', '--diff', 'HEAD', '--format', 'json', ...PINNED], dir);
    expectFile('diff.report.json', json.stdout);
    // A deleted file: its mounts are removed.
    rmSync(path.join(dir, 'worker/docker-compose.yml'));
    const deleted = JSON.parse(runCli(['report', '--diff', 'HEAD', '--format', 'json', ...PINNED], dir).stdout);
    const worker = deleted.projects.find((p: { files: string[] }) => p.files.includes('worker/docker-compose.yml'));
    assert.deepEqual(worker.mounts.map((m: { change: string; target: string }) => [m.change, m.target]), [['removed', '/data/db']]);
    // Nothing changed since the working tree's own commit after committing.
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'change');
    assert.equal(runCli(['report', '--diff', 'HEAD', ...PINNED], dir).stdout, '# vsafe mount inventory: changes since `HEAD`\n\nNo mount or finding changes since `HEAD`.\n');
  });

  it('a finding of the production configuration is listed there only', () => {
    const run = runCli(['report', '--format', 'json', ...only('source-bind-mount-in-production')], path.join(FIXTURES, 'production'));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.projects.map((p: { files: string[]; production: boolean; services: { findings: { rule: string }[] }[] }) => [p.files.join(' + '), p.production, p.services.flatMap((s) => s.findings.map((f) => f.rule))]),
      [
        ['compose.yaml', false, []],
        ['compose.yaml + compose.prod.yaml', true, ['source-bind-mount-in-production']],
      ],
    );
  });

  it('--diff errors: an unknown revision, not a repository', () => {
    const dir = copyFixture('basic');
    const outside = runCli(['report', '--diff', 'HEAD', '--format', 'json'], dir);
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /^vsafe: --diff needs a git repository/);
    assert.equal(outside.stderr.split('\n').length, 2);
    assert.deepEqual(JSON.parse(outside.stdout).projects, []);
    git(dir, 'init', '-q');
    const unknown = runCli(['report', '--diff', 'no-such-branch'], dir);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'vsafe: --diff: unknown git revision "no-such-branch"\n');
  });

  it('escapes Markdown and Mermaid labels', () => {
    assert.equal(code('a|b'), '`a\\|b`');
    assert.equal(code('x`y'), '``x`y``');
    assert.equal(inline('*a* <b> [c]'), '\\*a\\* \\<b\\> \\[c\\]');
    assert.equal(mermaidLabel('say "hi" #1 <x> a|b\nc'), 'say #quot;hi#quot; #35;1 #lt;x#gt; a#124;b c');
  });
});
