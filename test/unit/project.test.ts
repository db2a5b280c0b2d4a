import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { isComposeFileName } from '../../server/src/core/compose/files';
import { lint, type LintResult } from '../../server/src/core/lint';
import type { ComposeConfiguration, ComposeWorkload } from '../../server/src/core/project';
import type { FileHost } from '../../server/src/core/types';

/**
 * Fixture projects under test/fixtures/projects/<name>/: the merged model
 * `docker compose` would run (workloads, images, mounts with file and line) and
 * the `unmounted-state-path` findings lint() reports for each.
 */
const FIXTURES = resolve(__dirname, '../fixtures/projects');

const diskHost: FileHost = {
  readFile(file) {
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

interface Fixture {
  dir: string;
  result: LintResult;
  rel(file: string): string;
  configuration(...files: string[]): ComposeConfiguration;
}

function fixture(name: string): Fixture {
  const dir = join(FIXTURES, name);
  const files = walk(dir).filter(isComposeFileName);
  const result = lint({ files, host: diskHost });
  const rel = (file: string): string => (file.startsWith(dir + '/') ? file.slice(dir.length + 1) : file);
  return {
    dir,
    result,
    rel,
    configuration(...names) {
      const found = result.configurations.find((c) => c.files.map((f) => rel(f.file)).join('+') === names.join('+'));
      assert.ok(found, `configuration ${names.join('+')} (have ${result.configurations.map((c) => c.files.map((f) => rel(f.file)).join('+')).join(', ')})`);
      return found;
    },
  };
}

function workload(configuration: ComposeConfiguration, name: string): ComposeWorkload {
  const found = configuration.workloads.find((w) => w.name === name);
  assert.ok(found, `workload ${name}`);
  return found;
}

/** `type source→target [ro] [(from service)] @file:line`, lines 1-based. */
function mounts(f: Fixture, w: ComposeWorkload): string[] {
  return w.mounts.map((m) => `${m.type} ${m.source ?? ''}→${m.target}${m.readOnly ? ' ro' : ''}${m.inherited ? ` (from ${m.inherited.service})` : ''} @${f.rel(m.location.file)}:${m.location.range.start.line + 1}`);
}

function findings(f: Fixture, rule: string): string[] {
  return f.result.findings
    .filter((x) => x.rule === rule)
    .map((x) => `${f.rel(x.location.file)}:${x.location.range.start.line + 1}:${x.location.range.start.character + 1} ${x.service} ${x.containerPath}`);
}

function noProblems(f: Fixture): void {
  assert.deepEqual(f.result.findings.filter((x) => x.rule === 'parse-error').map((x) => x.message), []);
}

describe('fixture: override-prod (dev override, production environment file)', () => {
  const f = fixture('override-prod');

  it('plans base + override and base + prod (without the override)', () => {
    noProblems(f);
    assert.deepEqual(
      f.result.configurations.map((c) => c.files.map((file) => f.rel(file.file))),
      [
        ['compose.yaml', 'compose.override.yaml'],
        ['compose.yaml', 'compose.prod.yaml'],
      ],
    );
  });

  it('base + override: the dev volume and the live-code bind mount', () => {
    const c = f.configuration('compose.yaml', 'compose.override.yaml');
    const db = workload(c, 'db');
    assert.equal(db.image?.value, 'mariadb:11.4');
    assert.deepEqual(mounts(f, db), ['volume db-dev→/var/lib/mysql @compose.override.yaml:10']);
    const web = workload(c, 'web');
    assert.deepEqual(mounts(f, web), ['bind ./src→/var/www/html/src @compose.override.yaml:5']);
    assert.equal(web.mounts[0]!.hostPath, join(f.dir, 'src'));
    assert.equal(web.image?.value, 'registry.example.com/shop/web:2.3.1');
    assert.equal(web.origin.dockerfile, join(f.dir, 'docker/Dockerfile'));
  });

  it('base + prod: no volume at all for the database, the image comes from the prod file', () => {
    const c = f.configuration('compose.yaml', 'compose.prod.yaml');
    assert.deepEqual(mounts(f, workload(c, 'db')), []);
    const web = workload(c, 'web');
    assert.equal(web.image?.value, 'registry.example.com/shop/web:2.3.1');
    assert.equal(web.image?.unknown, false);
    assert.equal(f.rel(web.provenance.image!.layer.file.file), 'compose.prod.yaml');
    assert.equal(f.rel(web.location.file), 'compose.yaml');
  });

  it('unmounted-state-path: the volume that only the override adds is missing in production', () => {
    assert.deepEqual(findings(f, 'unmounted-state-path'), ['compose.yaml:13:12 db /var/lib/mysql']);
  });
});

describe('fixture: dashed-variants (docker-compose-<name>.yml: an overlay of the base, or a complete file)', () => {
  const f = fixture('dashed-variants');

  it('a file whose services lack image and build overlays the base; a complete one stands alone', () => {
    noProblems(f);
    assert.deepEqual(
      f.result.configurations.map((c) => c.files.map((file) => f.rel(file.file))),
      [['docker-compose.yml'], ['docker-compose.yml', 'docker-compose-inits.yml'], ['docker-compose-postgres15.yml'], ['docker-compose.yml', 'docker-compose-prod.yml']],
    );
  });

  it('a file with its own images that mounts a volume or needs a service only the base has overlays it (taiga\'s docker-compose-inits.yml)', () => {
    const c = f.configuration('docker-compose.yml', 'docker-compose-inits.yml');
    assert.deepEqual(mounts(f, workload(c, 'backup')), ['volume pgdata→/backup/pgdata ro @docker-compose-inits.yml:9']);
    assert.deepEqual(findings(f, 'undeclared-volume'), []);
  });

  it('the overlay keeps the base volume (no undeclared volume) and deploys its source mount to production', () => {
    const c = f.configuration('docker-compose.yml', 'docker-compose-prod.yml');
    assert.equal(c.production, true);
    assert.deepEqual(mounts(f, workload(c, 'db')), ['volume pgdata→/var/lib/postgresql/data @docker-compose.yml:7']);
    assert.deepEqual(findings(f, 'undeclared-volume'), []);
    assert.deepEqual(findings(f, 'source-bind-mount-in-production'), ['docker-compose.yml:12:9 web /app/src']);
  });

  it('the complete file is not merged on the base: its database has no volume', () => {
    assert.deepEqual(mounts(f, workload(f.configuration('docker-compose-postgres15.yml'), 'db')), []);
    assert.deepEqual(findings(f, 'unmounted-state-path'), ['docker-compose-postgres15.yml:4:12 db /var/lib/postgresql/data']);
  });
});

describe('fixture: reset-override (`volumes: !reset []` for a throw-away database)', () => {
  const f = fixture('reset-override');

  it('the override drops the base volumes and replaces tmpfs', () => {
    noProblems(f);
    const db = workload(f.configuration('compose.yaml', 'compose.override.yaml'), 'db');
    assert.deepEqual(mounts(f, db), ['tmpfs →/var/run/postgresql @compose.override.yaml:6']);
    assert.equal(db.mounts[0]!.tmpfsOptions, 'size=16m');
    const reset = db.provenance.volumesReset!;
    assert.equal(reset.mode, 'reset');
    assert.equal(f.rel(reset.location.file), 'compose.override.yaml');
    assert.deepEqual(reset.location.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 22 } });
    assert.equal(db.provenance.tmpfsReset?.mode, 'override');
    assert.deepEqual(db.origin.files.map(f.rel), ['compose.yaml', 'compose.override.yaml']);
  });

  it('unmounted-state-path: reported at the `volumes: !reset` that dropped the data directory', () => {
    assert.deepEqual(findings(f, 'unmounted-state-path'), ['compose.override.yaml:4:5 db /var/lib/postgresql/data']);
  });
});

describe('fixture: include-project (short and long include, project_directory, env_file, override of an included service)', () => {
  const f = fixture('include-project');

  it('the included compose files are analysed only as part of the including project', () => {
    noProblems(f);
    assert.deepEqual(
      f.result.configurations.map((c) => c.files.map((file) => f.rel(file.file))),
      [['compose.yaml', 'compose.override.yaml']],
    );
    assert.deepEqual(f.result.configurations[0]!.includedFiles.map((file) => f.rel(file.file)).sort(), ['infra/postgres/compose.yaml', 'monitoring/compose.local.yaml', 'monitoring/compose.yaml']);
  });

  it('included services keep their own file locations; relative paths resolve against the included file', () => {
    const c = f.configuration('compose.yaml', 'compose.override.yaml');
    assert.deepEqual(c.workloads.map((w) => w.name), ['postgres', 'metrics-db', 'api']);
    const postgres = workload(c, 'postgres');
    assert.equal(postgres.image?.value, 'postgres:16', 'PG_MAJOR from infra/postgres/.env');
    assert.equal(f.rel(postgres.image!.location.file), 'infra/postgres/compose.yaml');
    assert.deepEqual(mounts(f, postgres), ['volume pg-data→/var/lib/postgresql/data @infra/postgres/compose.yaml:5', 'bind ./initdb→/docker-entrypoint-initdb.d ro @infra/postgres/compose.yaml:6']);
    assert.equal(postgres.mounts[1]!.hostPath, join(f.dir, 'infra/postgres/initdb'));
    assert.deepEqual(postgres.origin.files.map(f.rel), ['infra/postgres/compose.yaml', 'compose.override.yaml']);
    assert.equal(f.rel(postgres.layers[0]!.includedBy!.file), 'compose.yaml');
    const metrics = workload(c, 'metrics-db');
    assert.equal(metrics.image?.value, 'mongo:7.0', 'MONGO_VERSION from the env_file of the include entry');
    assert.deepEqual(mounts(f, metrics), ['bind ./dump→/dump @monitoring/compose.local.yaml:4']);
    assert.equal(metrics.mounts[0]!.hostPath, join(f.dir, 'monitoring/dump'));
    assert.ok(c.volumes.has('pg-data'));
  });

  it('unmounted-state-path: reported in the included file that declares the service', () => {
    assert.deepEqual(findings(f, 'unmounted-state-path'), ['monitoring/compose.yaml:3:12 metrics-db /data/db']);
  });
});

describe('fixture: extends-project (extends from another file, chains, !override)', () => {
  const f = fixture('extends-project');

  it('merged services: environment by key, volumes by container path, relative paths against the extended file', () => {
    noProblems(f);
    const c = f.configuration('compose.yaml');
    const db = workload(c, 'db');
    assert.equal(db.image?.value, 'postgres:16');
    assert.deepEqual(Object.fromEntries(db.environment), { POSTGRES_USER: 'app', PGDATA: '/var/lib/postgresql/data/pgdata', POSTGRES_DB: 'orders' });
    assert.deepEqual(mounts(f, db), ['bind ./backups→/backups @common-services.yaml:9', 'volume orders-data→/var/lib/postgresql/data @compose.yaml:9']);
    assert.equal(db.mounts[0]!.hostPath, join(f.dir, 'backups'));
    assert.equal(f.rel(db.location.file), 'compose.yaml');
    assert.deepEqual(db.origin.files.map(f.rel), ['common-services.yaml', 'compose.yaml']);
    const reports = workload(c, 'reports-db');
    assert.deepEqual(reports.layers.map((l) => `${l.name}:${l.role}`), ['postgres-base:extends', 'db:extends', 'reports-db:service']);
    assert.equal(reports.environment.get('POSTGRES_DB'), 'reports');
    assert.deepEqual(mounts(f, reports), ['bind ./reports-backups→/backups @compose.yaml:15']);
    assert.equal(f.rel(reports.provenance.volumesReset!.location.file), 'compose.yaml');
    assert.equal(f.rel(reports.provenance.image!.layer.file.file), 'common-services.yaml');
  });

  it('unmounted-state-path: at the image in the shared file, or at the `!override` that dropped the volume', () => {
    assert.deepEqual(findings(f, 'unmounted-state-path'), ['common-services.yaml:11:12 legacy /var/lib/mysql', 'compose.yaml:14:5 reports-db /var/lib/postgresql/data/pgdata']);
  });
});

describe('fixture: anchors-env (x- anchors, merge-key lists, .env interpolation, long syntax, tmpfs, volumes_from)', () => {
  const f = fixture('anchors-env');

  it('anchors and merge keys, interpolation with defaults and empty values', () => {
    noProblems(f);
    const c = f.configuration('compose.yaml');
    const primary = workload(c, 'primary');
    assert.equal(primary.image?.value, 'mysql:8.4', '${MYSQL_TAG:-8.4} with MYSQL_TAG empty');
    assert.deepEqual(Object.fromEntries(primary.environment), { MYSQL_DATABASE: 'shop', MYSQL_USER: 'app' });
    assert.deepEqual(mounts(f, primary), ['volume primary-data→/var/lib/mysql @compose.yaml:19', 'bind ~/mysql-conf→/etc/mysql/conf.d ro @compose.yaml:24']);
    assert.equal(primary.mounts[0]!.nocopy, true);
    assert.equal(primary.mounts[1]!.hostPath, undefined, '~ is not resolved');
    const replica = workload(c, 'replica');
    assert.deepEqual(mounts(f, replica), [`bind ${join(f.dir, 'replica')}→/var/lib/mysql @compose.yaml:32`, 'tmpfs →/var/lib/mysql-files @compose.yaml:33']);
    assert.equal(replica.mounts[1]!.tmpfsOptions, 'size=64m');
  });

  it('volumes_from gains the primary mounts read-only; unknown images and tags stay unknown', () => {
    const c = f.configuration('compose.yaml');
    const backup = workload(c, 'backup');
    assert.deepEqual(backup.image && [backup.image.value, backup.image.unknown], ['${REGISTRY}/backup-agent:1', true]);
    assert.deepEqual(mounts(f, backup), [
      'tmpfs →/tmp @compose.yaml:42',
      'volume primary-data→/var/lib/mysql ro (from primary) @compose.yaml:19',
      'bind ~/mysql-conf→/etc/mysql/conf.d ro (from primary) @compose.yaml:24',
    ]);
    const archive = workload(c, 'archive');
    assert.deepEqual(archive.image && [archive.image.value, archive.image.unknown], ['mongo:${MONGO_TAG}', true]);
  });

  it('top-level volumes: name, external, driver-backed bind', () => {
    const c = f.configuration('compose.yaml');
    assert.equal(c.volumes.get('primary-data')?.declaration.volumeName, 'shop-primary-data');
    assert.equal(c.volumes.get('legacy-data')?.declaration.external, true);
    assert.equal(c.volumes.get('nfs-data')?.declaration.bindDevice, '/srv/nfs');
  });

  it('unmounted-state-path: only the database no volume covers (every mongo version keeps /data/db)', () => {
    assert.deepEqual(findings(f, 'unmounted-state-path'), ['compose.yaml:44:12 archive /data/db']);
  });
});
