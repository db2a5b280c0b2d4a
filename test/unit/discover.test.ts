/**
 * discover() (CLI) and discoverAsync() (language server) walk a tree the same way;
 * the asynchronous walk yields to the event loop and stops when cancelled.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { discover, discoverAsync } from '../../server/src/node/discover';
import { toCorePath } from '../../server/src/node/paths';

describe('discover / discoverAsync', () => {
  let root: string;
  const files: Record<string, string> = {
    'compose.yaml': 'services: {}\n',
    'app/docker-compose.yml': 'services: {}\n',
    'app/Dockerfile': 'FROM alpine\n',
    'app/.gitignore': 'generated/\n*.local.yaml\n',
    'app/generated/compose.yaml': 'services: {}\n',
    'app/compose.local.yaml': 'services: {}\n',
    'node_modules/pkg/compose.yaml': 'services: {}\n',
    'deploy/prod-stack.yml': 'services: {}\n',
    'deploy/extra.yaml': 'services: {}\n',
    'skipped/compose.yaml': 'services: {}\n',
  };
  for (let i = 0; i < 40; i++) files[`many/d${i}/compose.yaml`] = 'services: {}\n';

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vsafe-discover-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const options = () => ({
    isExtraComposeFile: (f: string) => f.endsWith('/deploy/extra.yaml'),
    isIgnored: (f: string) => f.endsWith('/skipped'),
  });

  it('finds the same files, honouring .gitignore, node_modules and the matchers', async () => {
    const sync = discover([root], options());
    const core = toCorePath(root);
    assert.deepEqual(sync.dockerfiles, [`${core}/app/Dockerfile`]);
    assert.ok(sync.composeFiles.includes(`${core}/app/docker-compose.yml`));
    assert.ok(sync.composeFiles.includes(`${core}/deploy/prod-stack.yml`));
    assert.ok(sync.composeFiles.includes(`${core}/deploy/extra.yaml`));
    for (const hidden of ['app/generated/compose.yaml', 'app/compose.local.yaml', 'node_modules/pkg/compose.yaml', 'skipped/compose.yaml']) {
      assert.ok(!sync.composeFiles.includes(`${core}/${hidden}`), hidden);
    }
    assert.equal(sync.composeFiles.length, 44);
    assert.deepEqual(await discoverAsync([root], { ...options(), sliceMs: 0 }), sync);
  });

  it('hands over the listing of every walked folder, ignored entries included, and none of skipped folders', () => {
    const core = toCorePath(root);
    const { listings } = discover([root], options());
    assert.deepEqual([...(listings.get(`${core}/app`) ?? [])].sort(), ['.gitignore', 'Dockerfile', 'compose.local.yaml', 'docker-compose.yml', 'generated']);
    assert.deepEqual([...(listings.get(core) ?? [])].sort(), ['app', 'compose.yaml', 'deploy', 'many', 'node_modules', 'skipped']);
    for (const unwalked of ['app/generated', 'node_modules', 'skipped']) assert.equal(listings.has(`${core}/${unwalked}`), false, unwalked);
    assert.equal(listings.size, 1 + 1 + 1 + 1 + 40);
  });

  it('yields to the event loop while walking, and stops when cancelled', async () => {
    let turns = 0;
    let walking = true;
    const tick = (): void => {
      if (!walking) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const found = await discoverAsync([root], { sliceMs: 0 });
    walking = false;
    assert.ok(found && found.composeFiles.length > 40);
    assert.ok(turns > 10, `other callbacks ran during the walk: ${turns}`);

    let checks = 0;
    const cancelled = await discoverAsync([root], { sliceMs: 0, cancelled: () => ++checks > 3 });
    assert.equal(cancelled, undefined);
    assert.equal(checks, 4);
  });
});

describe('discover: COMPOSE_FILE', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vsafe-compose-file-'));
    const files: Record<string, string> = {
      'eth/.env': 'COMPOSE_FILE=geth.yml:clients/lighthouse.yml:../outside.yml:missing.yml:${EXTRA}.yml\n',
      'eth/geth.yml': 'services: {}\n',
      'eth/clients/lighthouse.yml': 'services: {}\n',
      'eth/unlisted.yml': 'services: {}\n',
      'outside.yml': 'services: {}\n',
      'win/.env': 'COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=base.yml;dev.yml;local.yml\n',
      'win/base.yml': 'services: {}\n',
      'win/dev.yml': 'services: {}\n',
      'win/local.yml': 'services: {}\n',
      'win/.gitignore': 'local.yml\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('adds the files a .env lists, whatever their names: only existing ones, in its folder or below, not .gitignore\'d', async () => {
    const core = toCorePath(root);
    const found = discover([root]);
    assert.deepEqual(found.composeFiles, [`${core}/eth/clients/lighthouse.yml`, `${core}/eth/geth.yml`, `${core}/win/base.yml`, `${core}/win/dev.yml`]);
    assert.deepEqual(await discoverAsync([root], { sliceMs: 0 }), found);
  });
});
