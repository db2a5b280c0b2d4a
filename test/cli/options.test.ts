import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, FIXTURES, only, project, removeTemps, runCli } from './helpers';

const UNMOUNTED = only('unmounted-state-path');
const PG = 'services:\n  db:\n    image: postgres:16\n';
const CLEAN = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # database\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg: # database\n';

function files(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file))];
}

describe('vsafe check options and exit codes', () => {
  after(removeTemps);

  it('exit codes: 0 clean, 1 at or above --fail-level, --max-warnings, 2 usage errors', () => {
    const dir = project({ 'compose.yaml': PG, 'clean/compose.yaml': CLEAN });
    assert.equal(runCli(['check', ...UNMOUNTED, 'clean'], dir).status, 0);
    assert.equal(runCli(['check', ...UNMOUNTED], dir).status, 1);
    assert.equal(runCli(['check', ...UNMOUNTED, '--fail-level', 'error'], dir).status, 0);
    assert.equal(runCli(['check', ...UNMOUNTED, '--fail-level', 'off', '--max-warnings', '0'], dir).status, 1);
    assert.equal(runCli(['check', ...UNMOUNTED, '--fail-level', 'error', '--max-warnings', '1'], dir).status, 0);
    for (const bad of [['--fail-level', 'loud'], ['--max-warnings', 'many'], ['--format', 'xml'], ['--bogus'], ['--fix', '--fix-dry-run'], ['--output-file'], ['--fix-dry-run', '--format', 'json']]) {
      const run = runCli(['check', ...bad], dir);
      assert.equal(run.status, 2, bad.join(' '));
      assert.match(run.stderr, /^vsafe: .+ \(see `vsafe check --help`\)\n$/, bad.join(' '));
      if (bad.includes('json')) assert.deepEqual(JSON.parse(run.stdout), { version: 1, findings: [] });
    }
    assert.equal(runCli(['frobnicate'], dir).stderr, 'vsafe: unknown command "frobnicate" (see `vsafe --help`)\n');
  });

  it('--rule id=severity overrides the config; an unknown id or severity is a usage error (exit 2), JSON output stays one object', () => {
    const dir = project({ 'compose.yaml': PG, '.vsaferc.json': '{"rules": {"unmounted-state-path": "error"}}' });
    const base = JSON.parse(runCli(['check', '--format', 'json', ...UNMOUNTED], dir).stdout);
    assert.equal(base.findings[0].severity, 'error');
    const lowered = runCli(['check', '--format', 'json', ...UNMOUNTED, '--rule', 'unmounted-state-path=info'], dir);
    assert.equal(JSON.parse(lowered.stdout).findings[0].severity, 'info');
    assert.equal(lowered.status, 0);
    const off = runCli(['check', '--format', 'json', '--rule=unmounted-state-path=off', ...UNMOUNTED], dir);
    assert.deepEqual(JSON.parse(off.stdout).findings, []);
    const unknown = runCli(['check', '--format', 'json', '--rule', 'no-such-rule=error'], dir);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'vsafe: --rule: unknown rule "no-such-rule" (see `vsafe check --help`)\n');
    assert.deepEqual(JSON.parse(unknown.stdout), { version: 1, findings: [] });
    const badSeverity = runCli(['check', '--format', 'sarif', '--rule', 'unmounted-state-path=loud'], dir);
    assert.equal(badSeverity.status, 2);
    assert.equal(JSON.parse(badSeverity.stdout).runs[0].results.length, 0);
    assert.equal(runCli(['check', '--rule', 'unmounted-state-path'], dir).status, 2);
  });

  it('--quiet reports errors only; --output-file writes the report', () => {
    const dir = project({ 'compose.yaml': PG });
    const quiet = runCli(['check', '--quiet', ...UNMOUNTED], dir);
    assert.equal(quiet.stdout, '');
    assert.equal(quiet.status, 0);
    const quietError = runCli(['check', '--quiet', '--format', 'json', ...UNMOUNTED, '--rule', 'unmounted-state-path=error'], dir);
    assert.equal(JSON.parse(quietError.stdout).findings.length, 1);
    assert.equal(quietError.status, 1);
    const out = runCli(['check', '--format', 'sarif', '--output-file', 'reports/vsafe.sarif', ...UNMOUNTED], dir);
    assert.equal(out.stdout, '');
    assert.equal(out.status, 1);
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'reports/vsafe.sarif'), 'utf8')).runs[0].results.length, 1);
  });

  it('paths: folders are walked (.gitignore and node_modules skipped), files and globs are checked', () => {
    const dir = project({
      '.gitignore': 'ignored/\n*.local.yml\n',
      'a/compose.yaml': PG,
      'b/docker-compose.yml': PG,
      'ignored/compose.yaml': PG,
      'node_modules/pkg/compose.yaml': PG,
      'c/compose.local.yml': PG,
      'deploy/web.yml': PG,
      'deploy/nested/api.yml': PG,
      'notes.txt': 'services: {}',
    });
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED], dir).stdout), ['a/compose.yaml', 'b/docker-compose.yml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED, 'deploy/web.yml'], dir).stdout), ['deploy/web.yml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED, 'deploy/**/*.yml'], dir).stdout), ['deploy/nested/api.yml', 'deploy/web.yml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED, '*/compose.yaml'], dir).stdout), ['a/compose.yaml']);
    const none = runCli(['check', '--format', 'json', ...UNMOUNTED, 'nothing/*.yml', 'a'], dir);
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'vsafe: nothing/*.yml: no files match this pattern\n');
    assert.deepEqual(files(none.stdout), ['a/compose.yaml'], 'the other paths are still checked');
  });

  it('config: composeFiles and ignore globs, --config, --production', () => {
    const dir = project({
      'ops/.vsaferc.json': '{"composeFiles": ["deploy/*.yml"], "ignore": ["legacy/**"]}',
      'ops/deploy/web.yml': PG,
      'ops/legacy/compose.yaml': PG,
      'ops/compose.yaml': PG,
    });
    const ops = path.join(dir, 'ops');
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED], ops).stdout), ['compose.yaml', 'deploy/web.yml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED, '--config', 'ops/.vsaferc.json', 'ops'], dir).stdout), ['ops/compose.yaml', 'ops/deploy/web.yml']);
    // Found from the paths upwards (SPEC §5), not only from the working folder.
    assert.deepEqual(files(runCli(['check', '--format', 'json', ...UNMOUNTED, 'ops'], dir).stdout), ['ops/compose.yaml', 'ops/deploy/web.yml']);
    const missing = runCli(['check', '--config', 'nope.json'], dir);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'vsafe: nope.json: cannot read config: no such file\n');
    // --production marks matching files as production (the report shows it).
    const report = JSON.parse(runCli(['report', '--format', 'json', '--production', 'compose.yaml', ...UNMOUNTED], ops).stdout);
    assert.deepEqual(report.projects.map((p: { files: string[]; production: boolean }) => [p.files.join('+'), p.production]), [['compose.yaml', true], ['deploy/web.yml', false]]);
  });
});

describe('bad input', () => {
  after(removeTemps);

  it('binary and unreadable files: one line each with the file, exit 2, the other files still checked', () => {
    const dir = project({ 'a/compose.yaml': PG, 'b/compose.yaml': Buffer.from([0x73, 0x65, 0, 0xff, 0x00]) });
    symlinkSync(path.join(dir, 'missing-target.yaml'), path.join(dir, 'dangling.yaml'));
    const run = runCli(['check', '--format', 'json', ...UNMOUNTED, '.', 'dangling.yaml'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'vsafe: dangling.yaml: no such file or directory\nvsafe: b/compose.yaml: binary file (contains NUL bytes)\n');
    assert.deepEqual(files(run.stdout), ['a/compose.yaml']);
    if (process.getuid?.() !== 0) {
      chmodSync(path.join(dir, 'a/compose.yaml'), 0o000);
      const denied = runCli(['check', ...UNMOUNTED, 'a/compose.yaml'], dir);
      assert.equal(denied.stderr, 'vsafe: a/compose.yaml: permission denied\n');
      assert.equal(denied.status, 2);
    }
  });

  it('broken YAML is a parse-error finding at its position; the other files are still checked', () => {
    const dir = project({ 'a/compose.yaml': 'services:\n  db:\n    image: [postgres\n', 'b/compose.yaml': PG });
    const run = runCli(['check', ...UNMOUNTED], dir);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^\na\/compose\.yaml\n {2}\d+:\d+ {2}error {2}YAML syntax error: .+ {2}parse-error\n\nb\/compose\.yaml\n {2}3:12 {2}warning {2}PostgreSQL/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  });

  it('a bad config: one line with file:line:col, exit 2, one JSON object on stdout', () => {
    const cases: [string, string | RegExp][] = [
      ['{"rules": {"no-such-rule": "error"}}', 'vsafe: .vsaferc.json:1:12: unknown rule "no-such-rule" in "rules"\n'],
      ['{\n  "rules": {\n    "unmounted-state-path": "loud"\n  }\n}', /^vsafe: \.vsaferc\.json:3:5: [^\n]*"unmounted-state-path"[^\n]*severity[^\n]*\n$/],
      ['{\n  "production": "prod.yml"\n}', /^vsafe: \.vsaferc\.json:2:3: [^\n]*"production"[^\n]*\n$/],
      ['{"rules": {\n  "a": }', 'vsafe: .vsaferc.json:2:8: invalid JSON: Unexpected token \'}\'\n'],
    ];
    for (const [config, message] of cases) {
      const dir = project({ 'compose.yaml': PG, '.vsaferc.json': config });
      const run = runCli(['check', '--format', 'json'], dir);
      assert.equal(run.status, 2, config);
      const same = (text: string): void => (typeof message === 'string' ? assert.equal(text, message) : assert.match(text, message));
      same(run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), { version: 1, findings: [] });
      const report = runCli(['report'], dir);
      assert.equal(report.status, 2);
      same(report.stderr);
    }
  });

  it('a fixture project with every kind of input never prints a stack trace', () => {
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const run = runCli(['check', '--format', format, FIXTURES], FIXTURES);
      assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, format);
      if (format === 'json' || format === 'sarif') JSON.parse(run.stdout);
    }
  });

  it('a compose file named alone (as pre-commit hooks pass them) gets what a check of its folder gives it', () => {
    const base = 'services:\n  web:\n    image: node:20\n    volumes:\n      # live reload\n      - ./src:/app\nvolumes:\n  # dumps of the production backup job\n  backups:\n';
    const prod = 'services:\n  backup:\n    image: busybox\n    volumes:\n      # dumps\n      - backups:/backups\n  cache:\n    image: redis:7\n';
    const dir = project({ 'compose.yaml': base, 'compose.prod.yaml': prod, 'stack.yml': 'services:\n  x:\n    image: nginx\n    volumes:\n      - backups:/b\n' });
    const rules = (run: { stdout: string }): string[] => (JSON.parse(run.stdout) as { findings: { file: string; rule: string }[] }).findings.map((f) => `${f.file} ${f.rule}`);
    const alone = runCli(['check', '--format', 'json', 'compose.yaml'], dir);
    const folder = runCli(['check', '--format', 'json', '.'], dir);
    assert.deepEqual(rules(alone), rules(folder).filter((line) => line.startsWith('compose.yaml ')));
    assert.deepEqual(rules(alone), ['compose.yaml source-bind-mount-in-production']);
    // The fix run on the file alone keeps the volume production mounts.
    runCli(['check', '--fix', 'compose.yaml'], dir);
    assert.match(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), /^  backups:$/m);
    // A sibling the config ignores is not consulted: backups is unused again.
    const ignoring = project({ 'compose.yaml': base, 'compose.prod.yaml': prod, '.vsaferc.json': '{"ignore": ["compose.prod.yaml"]}' });
    assert.deepEqual(rules(runCli(['check', '--format', 'json', 'compose.yaml'], ignoring)), ['compose.yaml unused-volume']);
    // Nor one a walk of the folder skips: .gitignore'd, or a symbolic link.
    const gitignored = project({ 'compose.yaml': base, 'compose.prod.yaml': prod, '.gitignore': 'compose.prod.yaml\n' });
    assert.deepEqual(rules(runCli(['check', '--format', 'json', 'compose.yaml'], gitignored)), ['compose.yaml unused-volume']);
    const linked = project({ 'compose.yaml': base, 'elsewhere/prod.yaml': prod });
    symlinkSync(path.join(linked, 'elsewhere/prod.yaml'), path.join(linked, 'compose.prod.yaml'));
    assert.deepEqual(rules(runCli(['check', '--format', 'json', 'compose.yaml'], linked)), ['compose.yaml unused-volume']);
  });

  it('a file named on the command line reports in that file only, as ESLint does: not in its base, nor in the Dockerfile it builds', () => {
    const dir = project({
      'compose.yaml': 'services:\n  db:\n    image: postgres:16\n  web:\n    build: .\n',
      'compose.prod.yaml': 'services:\n  cache:\n    image: mysql:8\n',
      Dockerfile: 'FROM node:22\nVOLUME /data\n',
    });
    const files = (run: { stdout: string }): string[] => [...new Set((JSON.parse(run.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file))];
    assert.deepEqual(files(runCli(['check', '--format', 'json', '.'], dir)), ['Dockerfile', 'compose.prod.yaml', 'compose.yaml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', 'compose.prod.yaml'], dir)), ['compose.prod.yaml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', 'compose.yaml'], dir)), ['compose.yaml']);
    assert.deepEqual(files(runCli(['check', '--format', 'json', 'compose.yaml', 'Dockerfile'], dir)), ['Dockerfile', 'compose.yaml']);
    // --fix applies only the fixes of what it reports.
    runCli(['check', '--fix', 'compose.prod.yaml'], dir);
    assert.equal(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), 'services:\n  db:\n    image: postgres:16\n  web:\n    build: .\n');
    assert.match(readFileSync(path.join(dir, 'compose.prod.yaml'), 'utf8'), /cache-data:\/var\/lib\/mysql/);
  });

  it('fixable and the "fixable with --fix" count mean what --fix applies: not the by-hand conversion of a bind-mounted database', () => {
    const dir = project({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # the database\n      - ./pg:/var/lib/postgresql/data\n' });
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { findings: { rule: string; fixable: boolean }[] };
    assert.deepEqual(json.findings.map((f) => [f.rule, f.fixable]), [['database-on-bind-mount', false]]);
    assert.doesNotMatch(runCli(['check'], dir).stdout, /fixable/);
    runCli(['check', '--fix'], dir);
    assert.match(readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), /- \.\/pg:\/var\/lib\/postgresql\/data/);
  });

  it('a reader that closes the pipe early (`vsafe check | head`) ends the run quietly, with its own exit status', async () => {
    // Enough findings that the report cannot fit in the pipe before the reader is gone.
    const services = Array.from({ length: 600 }, (_, i) => `  db${i}:\n    image: postgres:16\n`).join('');
    const dir = project({ 'compose.yaml': `services:\n${services}` });
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', ...UNMOUNTED], { cwd: dir, env: { ...process.env, NO_COLOR: '1', VSAFE_DEBUG: '' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const [status] = (await once(child, 'close')) as [number | null];
    assert.equal(stderr, '');
    assert.equal(status, 1);
  });
});
