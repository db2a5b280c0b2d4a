// `vsafe check -`: one file's text on standard input (an editor plugin piping the unsaved
// buffer, as with `eslint --stdin` or `hadolint -`), analysed at the path --stdin-filename gives.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { only, project, removeTemps, runCli } from './helpers';

const PG = 'services:\n  db:\n    image: postgres:16\n';
const FIXED_PG = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # PostgreSQL data directory — must survive redeploys\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n';

interface JsonFinding {
  file: string;
  rule: string;
  line: number;
}

const findings = (stdout: string): string[] => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.map((f) => `${f.file}:${f.line} ${f.rule}`);

describe('vsafe check - (standard input)', () => {
  after(removeTemps);

  it('reports on the piped text as compose.yaml in the working folder, whatever is on disk', () => {
    const dir = project({ 'compose.yaml': 'services: {}\n' });
    const run = runCli(['check', '--format', 'json', '-'], dir, {}, PG);
    assert.deepEqual(findings(run.stdout), ['compose.yaml:3 unmounted-state-path']);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
  });

  it('--stdin-filename places it in its project: the production file next to it counts, findings elsewhere are left out', () => {
    const base = 'services:\n  web:\n    image: node:20\n    volumes:\n      # live reload\n      - ./src:/app\nvolumes:\n  # dumps of the production backup job\n  backups:\n';
    const prod = 'services:\n  backup:\n    image: busybox\n    volumes:\n      # dumps\n      - backups:/backups\n  cache:\n    image: redis:7\n';
    const dir = project({ 'deploy/compose.yaml': 'services: {}\n', 'deploy/compose.prod.yaml': prod });
    const run = runCli(['check', '--format', 'json', '--stdin-filename', 'deploy/compose.yaml', '-'], dir, {}, base);
    // Not "backups is unused"; the redis of compose.prod.yaml is that file's finding, not the buffer's.
    assert.deepEqual(findings(run.stdout), ['deploy/compose.yaml:6 source-bind-mount-in-production']);
    // Its fix moves the mount into compose.override.yaml: not from a pipe, so not fixable here.
    assert.equal((JSON.parse(run.stdout) as { findings: { fixable: boolean }[] }).findings[0]!.fixable, false);
  });

  it('a Dockerfile by its name; a binary or empty input', () => {
    const dir = project({});
    const dockerfile = 'FROM postgres:16\nVOLUME /var/lib/postgresql/data\nRUN echo x > /var/lib/postgresql/data/f\n';
    assert.deepEqual(findings(runCli(['check', '--format', 'json', '--stdin-filename', 'Dockerfile', '-'], dir, {}, dockerfile).stdout), ['Dockerfile:3 write-after-volume']);
    const binary = runCli(['check', '--format', 'json', '-'], dir, {}, 'services:\0\n');
    assert.equal(binary.status, 2);
    assert.equal(binary.stderr, 'vsafe: compose.yaml: binary file (contains NUL bytes)\n');
    assert.deepEqual(JSON.parse(binary.stdout), { version: 1, findings: [] });
    assert.equal(runCli(['check', ...only('unmounted-state-path'), '-'], dir, {}, '').status, 0);
  });

  it('--fix prints the fixed text and writes nothing; a fix that would touch another file is left out', () => {
    const dir = project({});
    const run = runCli(['check', '--fix', '-'], dir, {}, PG);
    assert.equal(run.stdout, FIXED_PG);
    assert.equal(run.status, 0);
    assert.equal(existsSync(path.join(dir, 'compose.yaml')), false);
    // Moving a source mount to compose.override.yaml creates that file: not from a pipe.
    const source = 'services:\n  web:\n    image: node:20\n    volumes:\n      # code\n      - ./src:/app\n';
    const moved = runCli(['check', '--fix', '--production', 'compose.yaml', '-'], dir, {}, source);
    assert.equal(moved.stdout, source);
    assert.equal(moved.status, 1);
    assert.equal(existsSync(path.join(dir, 'compose.override.yaml')), false);
  });

  it('--fix-dry-run prints the diff of the piped text', () => {
    const dir = project({ 'compose.yaml': PG });
    const run = runCli(['check', '--fix-dry-run', '-'], dir, {}, PG);
    assert.match(run.stdout, /^--- a\/compose\.yaml\n\+\+\+ b\/compose\.yaml\n@@ -1,3 \+1,9 @@\n/);
    assert.equal(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), PG);
  });

  it('usage errors: - with other paths, --stdin-filename without -, --fix - with --format', () => {
    const dir = project({ 'compose.yaml': PG });
    const usage = (args: string[]): string => {
      const run = runCli(['check', ...args], dir, {}, PG);
      assert.equal(run.status, 2, args.join(' '));
      return run.stderr;
    };
    assert.equal(usage(['-', 'compose.yaml']), 'vsafe: - (standard input) cannot be combined with other paths (see `vsafe check --help`)\n');
    assert.match(usage(['--stdin-filename', 'compose.yaml']), /--stdin-filename names the text read from standard input/);
    assert.match(usage(['--fix', '--format', 'json', '-']), /--fix with - prints the fixed text/);
  });
});
