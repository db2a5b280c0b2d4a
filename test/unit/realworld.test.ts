// Real-world corpus: each folder under test/fixtures/realworld is a project written in the
// style of public compose projects. vsafe lints it like `vsafe check <folder>` and the findings
// must equal the reviewed list in its expected.txt (one line per finding:
// `file:line severity rule service containerPath`). VSAFE_UPDATE_REALWORLD=1 rewrites the
// expected files; every rewritten line must be reviewed before it is committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/lint';
import { NodeFileHost } from '../../server/src/node/host';
import { discover } from '../../server/src/node/discover';
import { toCorePath } from '../../server/src/node/paths';

const ROOT = path.resolve(__dirname, '../fixtures/realworld');
const UPDATE = process.env.VSAFE_UPDATE_REALWORLD === '1';

function findingsOf(dir: string): string[] {
  const found = discover([dir]);
  const result = lint({ files: found.composeFiles, dockerfiles: found.dockerfiles, host: new NodeFileHost() });
  const base = toCorePath(dir) + '/';
  return result.findings
    .map((f) => {
      const file = f.location.file.startsWith(base) ? f.location.file.slice(base.length) : f.location.file;
      return [`${file}:${f.location.range.start.line + 1}`, f.severity, f.rule, f.service ?? '-', f.containerPath ?? '-'].join(' ');
    })
    .sort();
}

function expectedOf(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .sort();
}

for (const name of readdirSync(ROOT).sort()) {
  const dir = path.join(ROOT, name);
  test(`realworld: ${name}`, () => {
    const actual = findingsOf(dir);
    const expectedFile = path.join(dir, 'expected.txt');
    if (UPDATE) {
      writeFileSync(expectedFile, actual.length ? actual.join('\n') + '\n' : '');
      return;
    }
    assert.deepEqual(actual, expectedOf(expectedFile));
  });
}

test('docker-compose-<name>.yml and compose_<name>.yaml are compose files (the VS Code Docker tools give them the Compose language)', async () => {
  const { isComposeFileName, composeFileRole } = await import('../../server/src/core/compose/files');
  for (const name of ['docker-compose-postgres.yml', 'docker-compose_dev.yaml', 'compose-prod.yaml', 'Docker-Compose-CI.YML']) {
    assert.equal(isComposeFileName(`/p/${name}`), true, name);
    assert.equal(composeFileRole(`/p/${name}`).kind, 'variant', name);
  }
  for (const name of ['docker-compose.yml', 'compose.prod.yaml']) assert.notEqual(composeFileRole(`/p/${name}`).kind, 'variant', name);
  for (const name of ['my-docker-compose.yml', 'docker-composer.yml', 'compose-.txt', 'docker-compose-x.yml.bak']) {
    assert.equal(isComposeFileName(`/p/${name}`), false, name);
  }
});

test('swarm stack files are discovered by name (SPEC §2 *stack*.yml), docker-stack.yml included', async () => {
  const { isComposeFileName } = await import('../../server/src/core/compose/files');
  for (const name of ['stack.yml', 'docker-stack.yml', 'docker-stack.yaml', 'stack-prod.yml', 'prod-stack.yml', 'app.stack.yaml', 'docker-stack.prod.yml']) {
    assert.equal(isComposeFileName(`/p/${name}`), true, name);
  }
  for (const name of ['stack.json', 'docker-stack.yml.bak']) {
    assert.equal(isComposeFileName(`/p/${name}`), false, name);
  }
});

test('a compose.<name>.yaml with a stack word is a stack file, deployed alone (docker-gitlab\'s docker-compose.traefik.stack.yml)', async () => {
  const { composeFileRole } = await import('../../server/src/core/compose/files');
  const { lint } = await import('../../server/src/core/lint');
  for (const name of ['docker-compose.traefik.stack.yml', 'compose.stack.yaml', 'docker-compose.swarm-stack.yml']) assert.equal(composeFileRole(`/p/${name}`).kind, 'standalone', name);
  assert.equal(composeFileRole('/p/docker-compose.stackoverflow.yml').kind, 'environment');
  const files: Record<string, string> = {
    '/p/docker-compose.yml': 'services:\n  web:\n    build: .\n    volumes:\n      # live reload\n      - ./src:/app/src\n',
    '/p/docker-compose.traefik.stack.yml': 'services:\n  web:\n    image: acme/web:1\n',
  };
  const result = lint({ files: Object.keys(files), host: { readFile: (f: string) => files[f] } });
  assert.deepEqual(result.configurations.map((c) => c.files.map((f) => f.file)), [['/p/docker-compose.yml'], ['/p/docker-compose.traefik.stack.yml']]);
  assert.ok(!result.findings.some((f) => f.rule === 'source-bind-mount-in-production'));
});
