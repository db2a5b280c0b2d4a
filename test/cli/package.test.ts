import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { isComposeFileName, isDockerfileName } from '../../server/src/core/compose/files';
import { copyFixture, removeTemps, ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

function run(command: string, args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  // No network: npm may only use its cache.
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', () => {
  after(removeTemps);

  it('npx vsafe works from the packed package, offline', () => {
    const temp = copyFixture();
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    assert.ok(files.includes(pkg.bin.vsafe!), `${pkg.bin.vsafe} is in the package`);
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('server/')), 'sources and tests stay out');
    const tarball = path.join(temp, info!.filename);
    const proj = path.join(temp, 'proj');
    mkdirSync(proj);
    writeFileSync(path.join(proj, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
    const installed = run('npm', ['install', '--offline', '--ignore-scripts', '--no-package-lock', tarball], proj);
    if (installed.status !== 0) {
      // The npm cache lacks a dependency: unpack the tarball as npm would (the CLI is one bundle).
      const target = path.join(proj, 'node_modules', pkg.name);
      mkdirSync(target, { recursive: true });
      assert.equal(run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], proj).status, 0);
      mkdirSync(path.join(proj, 'node_modules/.bin'), { recursive: true });
      symlinkSync(path.join('..', pkg.name, pkg.bin.vsafe!), path.join(proj, 'node_modules/.bin/vsafe'));
    }
    assert.ok(existsSync(path.join(proj, 'node_modules/.bin/vsafe')));
    assert.ok(readFileSync(path.join(proj, 'node_modules', pkg.name, pkg.bin.vsafe!), 'utf8').startsWith('#!/usr/bin/env node\n'));
    const version = run('npx', ['--offline', 'vsafe', '--version'], proj);
    assert.equal(version.stdout, `${pkg.version}\n`, version.stderr);
    writeFileSync(path.join(proj, 'compose.yaml'), 'services:\n  db:\n    image: postgres:16\n');
    const check = run('npx', ['--offline', 'vsafe', 'check', '--format', 'json', 'compose.yaml'], proj);
    assert.equal(check.status, 1, check.stderr);
    assert.equal(JSON.parse(check.stdout).findings[0].containerPath, '/var/lib/postgresql/data');
  });
});

describe('CI integrations', () => {
  it('action.yml: a composite action that runs vsafe check --format sarif and uploads the log', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
    assert.equal(action.runs.using, 'composite');
    const steps = action.runs.steps as { uses?: string; run?: string; shell?: string; with?: Record<string, string> }[];
    assert.ok(steps.some((s) => s.uses?.startsWith('actions/setup-node@')));
    const check = steps.find((s) => s.run?.includes('check --format sarif'));
    assert.ok(check, 'a step runs vsafe check --format sarif');
    assert.match(check!.run!, /npx --yes "vsafe@\$\{VSAFE_VERSION\}" check --format sarif --output-file "\$\{VSAFE_SARIF\}"/);
    assert.doesNotMatch(check!.run!, /\$\{\{/, 'inputs reach scripts through env, never spliced in');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, '${{ inputs.sarif-file }}');
    for (const step of steps) if (step.run) assert.equal(step.shell, 'bash');
    // The script is valid bash.
    assert.equal(spawnSync('bash', ['-n'], { input: check!.run }).status, 0);
  });

  it('.pre-commit-hooks.yaml: a node hook whose files pattern matches what vsafe analyses', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; require_serial: boolean }[];
    const hook = hooks.find((h) => h.id === 'vsafe');
    assert.ok(hook);
    assert.equal(hook!.language, 'node');
    assert.equal(hook!.entry, 'vsafe check');
    assert.equal(hook!.require_serial, true);
    const files = new RegExp(hook!.files);
    // SPEC §2 names: compose files, Swarm stack files (`*stack*.yml`), Dockerfiles.
    const analysed = [
      'compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'deploy/compose.override.yml', 'stack.yml', 'ops/docker-stack.yml', 'prod-stack.yaml',
      'Dockerfile', 'api/Dockerfile.dev', 'Containerfile', 'web.Dockerfile', 'x.dockerfile',
    ];
    const ignored = ['README.md', 'values.yaml', 'config/app.yml', 'Dockerfile-notes.txt', 'composer.json', 'my-compose.yaml.bak'];
    for (const name of analysed) assert.ok(files.test(name), name);
    for (const name of ignored) assert.ok(!files.test(name), name);
    // Every name the core analyses is matched by the hook.
    for (const name of [...analysed, ...ignored]) if (isComposeFileName(name) || isDockerfileName(name)) assert.ok(files.test(name), name);
  });
});
