import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

export function runCli(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('vsafe check', () => {
  const dirs: string[] = [];
  let bad: string;
  let clean: string;
  before(() => {
    bad = project({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n' });
    // Clean under every rule: the mount is documented (undocumented-mount, SPEC §3).
    clean = project({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data # the database cluster\nvolumes:\n  pg:\n' });
    dirs.push(bad, clean);
  });
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('--format json prints exactly the SPEC shape and exits 1', () => {
    const { status, stdout, stderr } = runCli(['check', '--format', 'json'], bad);
    assert.equal(stderr, '');
    assert.equal(status, 1);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(Object.keys(parsed), ['version', 'findings']);
    assert.equal(parsed.version, 1);
    assert.deepEqual(Object.keys(parsed.findings[0]), ['file', 'rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'service', 'containerPath', 'fixable']);
    assert.deepEqual({ ...parsed.findings[0], message: undefined }, {
      file: 'compose.yaml',
      rule: 'unmounted-state-path',
      severity: 'warning',
      message: undefined,
      line: 3,
      column: 12,
      endLine: 3,
      endColumn: 23,
      service: 'db',
      containerPath: '/var/lib/postgresql/data',
      fixable: true,
    });
  });

  it('exits 0 on a clean project and prints nothing in stylish', () => {
    const { status, stdout } = runCli(['check'], clean);
    assert.equal(status, 0);
    assert.equal(stdout, '');
  });

  it('--fail-level error lets warnings pass; --max-warnings 0 fails them', () => {
    assert.equal(runCli(['check', '--fail-level', 'error'], bad).status, 0);
    assert.equal(runCli(['check', '--fail-level', 'error', '--max-warnings', '0'], bad).status, 1);
    assert.equal(runCli(['check', '--fail-level', 'error', '--max-warnings', '1'], bad).status, 0);
  });

  it('stylish groups by file with a summary', () => {
    const { stdout } = runCli(['check'], bad);
    assert.match(stdout, /^\ncompose\.yaml\n  3:12  warning  PostgreSQL data directory .* unmounted-state-path\n\n✖ 1 problem \(0 errors, 1 warning, 0 info\/hint\)\n/);
  });

  it('a missing path is a one-line error with exit 2, the rest is still checked', () => {
    const { status, stdout, stderr } = runCli(['check', '--format', 'json', 'compose.yaml', 'missing.yaml'], bad);
    assert.equal(status, 2);
    assert.equal(stderr, 'vsafe: missing.yaml: no such file or directory\n');
    assert.equal(JSON.parse(stdout).findings.length, 1);
  });

  it('a folder with nothing to check is an error (exit 2), as ESLint does, not a silent pass', () => {
    const dir = project({ 'caddy.yml': 'a: 1\n', 'docs/README.md': '# x\n' });
    dirs.push(dir);
    const { status, stdout, stderr } = runCli(['check', '--format', 'json'], dir);
    assert.equal(status, 2);
    assert.equal(stderr, 'vsafe: .: no Docker Compose files or Dockerfiles found\n');
    assert.deepEqual(JSON.parse(stdout), { version: 1, findings: [] });
    assert.equal(runCli(['check', 'docs'], dir).stderr, 'vsafe: docs: no Docker Compose files or Dockerfiles found\n');
  });

  it('with nothing to check, YAML files with a top-level services: whose names vsafe does not take are named in the error (ERPNext\'s pwd.yml)', () => {
    const dir = project({
      'pwd.yml': '# ERPNext\nservices:\n  db:\n    image: mariadb:10.6\n',
      'ci.yml': 'jobs:\n  test: {}\n',
      '.gitlab-ci.yml': 'services:\n  - docker:dind\nbuild:\n  script: make\n',
      'deploy/production.yml': 'version: "3"\nservices: # app\n\n  web:\n    image: nginx\n',
    });
    dirs.push(dir);
    const { status, stderr } = runCli(['check'], dir);
    assert.equal(status, 2);
    assert.equal(
      stderr,
      'vsafe: .: no Docker Compose files or Dockerfiles found (deploy/production.yml, pwd.yml have a top-level services: but their names are not a compose file\'s: name them as paths, or add them to "composeFiles" in .vsaferc.json)\n',
    );
  });

  it('broken YAML is one clear finding, never a stack trace', () => {
    const dir = project({ 'compose.yaml': 'services:\n  db:\n    image: [postgres\n' });
    dirs.push(dir);
    const { status, stdout, stderr } = runCli(['check', '--format', 'json'], dir);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    const findings = JSON.parse(stdout).findings;
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'parse-error');
    assert.match(findings[0].message, /^YAML syntax error: /);
    assert.doesNotMatch(stdout + stderr, /\n\s+at /);
  });

  it('usage errors exit 2', () => {
    assert.equal(runCli(['check', '--format', 'xml'], bad).status, 2);
    assert.equal(runCli(['frobnicate'], bad).status, 2);
  });

  it('a broken config is one clear error with exit 2', () => {
    const dir = project({ 'compose.yaml': 'services: {}\n', '.vsaferc.json': '{"rules": {"no-such-rule": "error"}}' });
    dirs.push(dir);
    const { status, stderr, stdout } = runCli(['check', '--format', 'json'], dir);
    assert.equal(status, 2);
    // --format json always prints one complete object, even when the run fails.
    assert.deepEqual(JSON.parse(stdout), { version: 1, findings: [] });
    assert.equal(stderr, 'vsafe: .vsaferc.json:1:12: unknown rule "no-such-rule" in "rules"\n');
  });
});
