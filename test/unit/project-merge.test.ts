import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contributingLocations, loadConfiguration, ParseCache, planConfigurations, type ComposeConfiguration, type ComposeWorkload } from '../../server/src/core/project';
import { abs, MemoryHost, rel } from '../helpers/memory-host';

/** Loads the configuration of the given files (relative to the memory host root). */
function load(files: Record<string, string>, paths: string[] = ['compose.yaml']): ComposeConfiguration {
  const host = new MemoryHost(files);
  return loadConfiguration(paths.map(abs), host, new ParseCache());
}

function workload(configuration: ComposeConfiguration, name: string): ComposeWorkload {
  const found = configuration.workloads.find((w) => w.name === name);
  assert.ok(found, `workload ${name} exists (have ${configuration.workloads.map((w) => w.name).join(', ')})`);
  return found;
}

/** `type source→target @file:line` (1-based line), inherited mounts marked. */
function mounts(w: ComposeWorkload): string[] {
  return w.mounts.map((m) => `${m.type} ${m.source ?? ''}→${m.target}${m.readOnly ? ' ro' : ''}${m.inherited ? ` (from ${m.inherited.service})` : ''} @${rel(m.location.file)}:${m.location.range.start.line + 1}`);
}

function problems(configuration: ComposeConfiguration): string[] {
  return configuration.problems.map((p) => `${rel(p.file)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
}

describe('override files', () => {
  const base = [
    'services:',
    '  db:',
    '    image: postgres:15',
    '    command: postgres -c shared_buffers=256MB',
    '    environment:',
    '      POSTGRES_USER: app',
    '      POSTGRES_DB: app',
    '    volumes:',
    '      - pg:/var/lib/postgresql/data',
    '      - ./init:/docker-entrypoint-initdb.d',
    '    tmpfs: /run/postgresql',
    'volumes:',
    '  pg:',
    '',
  ].join('\n');

  it('image and command are replaced, environment merged by key, volumes merged by container path', () => {
    const c = load(
      {
        'compose.yaml': base,
        'compose.override.yaml': 'services:\n  db:\n    image: postgres:16\n    command: ["postgres"]\n    environment:\n      - POSTGRES_DB=dev\n    volumes:\n      - ./dev-init:/docker-entrypoint-initdb.d:ro\n      - ./dump:/dump\n',
      },
      ['compose.yaml', 'compose.override.yaml'],
    );
    const db = workload(c, 'db');
    assert.equal(db.image?.value, 'postgres:16');
    assert.equal(rel(db.image!.location.file), 'compose.override.yaml');
    assert.deepEqual(db.command, ['postgres']);
    assert.deepEqual(Object.fromEntries(db.environment), { POSTGRES_USER: 'app', POSTGRES_DB: 'dev' });
    assert.deepEqual(mounts(db), [
      'volume pg→/var/lib/postgresql/data @compose.yaml:9',
      'bind ./dev-init→/docker-entrypoint-initdb.d ro @compose.override.yaml:8',
      'bind ./dump→/dump @compose.override.yaml:9',
      'tmpfs →/run/postgresql @compose.yaml:11',
    ]);
    assert.equal(rel(db.location.file), 'compose.yaml');
    assert.deepEqual(db.origin.files.map(rel), ['compose.yaml', 'compose.override.yaml']);
    // Provenance: which file decided each field.
    assert.equal(rel(db.provenance.image!.layer.file.file), 'compose.override.yaml');
    assert.equal(rel(db.provenance.command!.layer.file.file), 'compose.override.yaml');
    assert.equal(rel(db.provenance.environment.get('POSTGRES_USER')!.location.file), 'compose.yaml');
    assert.equal(rel(db.provenance.environment.get('POSTGRES_DB')!.location.file), 'compose.override.yaml');
    assert.equal(db.provenance.volumesReset, undefined);
  });

  it('`volumes: !reset []` drops the base mounts and remembers where', () => {
    const c = load({ 'compose.yaml': base, 'compose.override.yaml': 'services:\n  db:\n    volumes: !reset []\n' }, ['compose.yaml', 'compose.override.yaml']);
    const db = workload(c, 'db');
    assert.deepEqual(mounts(db), ['tmpfs →/run/postgresql @compose.yaml:11']);
    const reset = db.provenance.volumesReset!;
    assert.equal(reset.mode, 'reset');
    assert.equal(rel(reset.location.file), 'compose.override.yaml');
    assert.deepEqual(reset.location.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } });
  });

  it('`!override` replaces volumes, tmpfs and environment; `image: !reset` removes the image', () => {
    const c = load(
      {
        'compose.yaml': base,
        'compose.override.yaml': 'services:\n  db:\n    image: !reset null\n    environment: !override\n      ONLY: this\n    volumes: !override\n      - other:/var/lib/postgresql/data\n    tmpfs: !reset\n',
      },
      ['compose.yaml', 'compose.override.yaml'],
    );
    const db = workload(c, 'db');
    assert.equal(db.image, undefined);
    assert.equal(rel(db.provenance.imageReset!.location.file), 'compose.override.yaml');
    assert.deepEqual(Object.fromEntries(db.environment), { ONLY: 'this' });
    assert.deepEqual(mounts(db), ['volume other→/var/lib/postgresql/data @compose.override.yaml:7']);
    assert.equal(db.provenance.volumesReset?.mode, 'override');
    assert.equal(db.provenance.tmpfsReset?.mode, 'reset');
  });

  it('`command: !reset` goes back to the image default; `service: !reset` removes the service', () => {
    const c = load(
      {
        'compose.yaml': 'services:\n  db:\n    image: mongo:7\n    command: ["mongod", "--dbpath", "/srv"]\n    entrypoint: [tini, --]\n  debug:\n    image: busybox\n',
        'compose.override.yaml': 'services:\n  db:\n    command: !reset null\n    entrypoint: !reset []\n  debug: !reset null\n',
      },
      ['compose.yaml', 'compose.override.yaml'],
    );
    assert.deepEqual(c.workloads.map((w) => w.name), ['db']);
    assert.equal(workload(c, 'db').command, undefined);
    assert.equal(workload(c, 'db').entrypoint, undefined);
  });

  it('profiles are kept so rules can tell optional services apart', () => {
    const c = load({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n  admin:\n    image: dpage/pgadmin4\n    profiles: [tools]\n' });
    assert.equal(workload(c, 'db').profiles, undefined);
    assert.deepEqual(workload(c, 'admin').profiles, ['tools']);
  });

  it('related locations name every other contributing file', () => {
    const c = load({ 'compose.yaml': base, 'compose.override.yaml': 'services:\n  db:\n    image: postgres:17\n    volumes: !reset []\n' }, ['compose.yaml', 'compose.override.yaml']);
    const related = contributingLocations(workload(c, 'db'), abs('compose.yaml'));
    assert.deepEqual(
      related.map((r) => `${rel(r.location.file)}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`),
      [
        'compose.override.yaml:4:5 `volumes: !reset` here drops the mounts of "db" that earlier files declare.',
        'compose.override.yaml:3:12 The image of "db" is set here.',
        'compose.override.yaml:2:3 "db" is also configured here.',
      ],
    );
  });

  it('build is merged by key: the override changes the Dockerfile, the context stays', () => {
    const c = load(
      {
        'compose.yaml': 'services:\n  web:\n    build: ./web\n',
        'compose.prod.yaml': 'services:\n  web:\n    build:\n      dockerfile: Dockerfile.prod\n',
      },
      ['compose.yaml', 'compose.prod.yaml'],
    );
    const web = workload(c, 'web');
    assert.equal(web.origin.buildContext, abs('web'));
    assert.equal(web.origin.dockerfile, abs('web/Dockerfile.prod'));
    assert.equal(rel(web.provenance.build!.layer.file.file), 'compose.prod.yaml');
  });

  it('a remote build context or an unknown one has no local Dockerfile', () => {
    const c = load({ 'compose.yaml': 'services:\n  a:\n    build: https://github.com/example/app.git#main\n  b:\n    build:\n      context: ${CTX}\n' });
    assert.equal(workload(c, 'a').origin.buildContext, undefined);
    assert.equal(workload(c, 'b').origin.dockerfile, undefined);
  });
});

describe('multi-document files', () => {
  it('each document is merged like one more file, like docker compose does', () => {
    const c = load({ 'compose.yaml': 'services:\n  db:\n    image: mysql:8.0\n---\nservices:\n  db:\n    volumes:\n      - data:/var/lib/mysql\nvolumes:\n  data:\n---\n' });
    const db = workload(c, 'db');
    assert.equal(db.image?.value, 'mysql:8.0');
    assert.deepEqual(mounts(db), ['volume data→/var/lib/mysql @compose.yaml:8']);
    assert.ok(c.volumes.has('data'));
    assert.deepEqual(c.files[0]!.problems, []);
    assert.equal(c.files[0]!.documents.length, 3);
  });
});

describe('YAML anchors and merge keys', () => {
  it('sequences of aliases (first wins), nested merges, own keys win', () => {
    const c = load({
      'compose.yaml': [
        'x-base: &base',
        '  image: postgres:14',
        '  environment: &env',
        '    POSTGRES_USER: base',
        '    POSTGRES_DB: base',
        'x-volumes: &volumes',
        '  volumes:',
        '    - shared:/var/lib/postgresql/data',
        'x-override: &override',
        '  <<: *base',
        '  image: postgres:15',
        'services:',
        '  a:',
        '    <<: [*override, *volumes, *base]',
        '  b:',
        '    <<: *base',
        '    image: postgres:16',
        '    environment:',
        '      <<: *env',
        '      POSTGRES_DB: b',
        '  "<<": {}',
        '',
      ].join('\n'),
    });
    const a = workload(c, 'a');
    assert.equal(a.image?.value, 'postgres:15');
    assert.deepEqual(mounts(a), ['volume shared→/var/lib/postgresql/data @compose.yaml:8']);
    const b = workload(c, 'b');
    assert.equal(b.image?.value, 'postgres:16');
    assert.deepEqual(Object.fromEntries(b.environment), { POSTGRES_DB: 'b', POSTGRES_USER: 'base' });
    // A quoted "<<" is an ordinary key (here: a service with that name).
    assert.ok(c.workloads.some((w) => w.name === '<<'));
  });

  it('x- keys at the top level are extensions; under `services` they are services (Compose ≥ 2.20)', () => {
    const c = load({ 'compose.yaml': 'x-template: &t\n  image: postgres:16\nservices:\n  x-runs-too:\n    image: postgres:16\n  real:\n    <<: *t\n' });
    assert.deepEqual(c.workloads.map((w) => w.name), ['x-runs-too', 'real']);
  });
});

describe('interpolation from .env', () => {
  it('known values, defaults, unknown variables stay unknown', () => {
    const c = load({
      '.env': 'PG_TAG=16\nEMPTY=\n',
      'compose.yaml': [
        'services:',
        '  a:',
        '    image: postgres:${PG_TAG}',
        '  b:',
        '    image: postgres:${NOPE:-15}',
        '  c:',
        '    image: postgres:${EMPTY-14}',
        '  d:',
        '    image: ${REGISTRY}/postgres:16',
        '  e:',
        '    image: postgres:${NOPE:?must be set}',
        '    environment:',
        '      PGDATA: $${NOT_INTERPOLATED}',
        '    volumes:',
        '      - ${DATA_ROOT}/pg:/var/lib/postgresql/data',
        '',
      ].join('\n'),
    });
    const image = (name: string): [string | undefined, boolean | undefined] => [workload(c, name).image?.value, workload(c, name).image?.unknown];
    assert.deepEqual(image('a'), ['postgres:16', false]);
    assert.deepEqual(image('b'), ['postgres:15', false]);
    assert.deepEqual(image('c'), ['postgres:', false]);
    assert.deepEqual(image('d'), ['${REGISTRY}/postgres:16', true]);
    assert.deepEqual(image('e'), ['postgres:${NOPE}', true]);
    const e = workload(c, 'e');
    assert.equal(e.environment.get('PGDATA'), '${NOT_INTERPOLATED}');
    assert.deepEqual(
      e.mounts.map((m) => [m.type, m.target, m.unknown]),
      [['bind', '/var/lib/postgresql/data', true]],
    );
  });

  it('COMPOSE_PROJECT_NAME comes from `name:` or the directory, like Compose sets it', () => {
    const named = load({ 'compose.yaml': 'name: My_Shop\nservices:\n  a:\n    image: app:${COMPOSE_PROJECT_NAME}\n' });
    assert.deepEqual([workload(named, 'a').image?.value, workload(named, 'a').image?.unknown], ['app:my_shop', false]);
    const unnamed = load({ 'compose.yaml': 'services:\n  a:\n    image: app:${COMPOSE_PROJECT_NAME}\n' });
    assert.equal(workload(unnamed, 'a').image?.value, 'app:project');
  });

  it('$PWD is the project directory unless .env sets it', () => {
    const c = load({ 'compose.yaml': 'services:\n  a:\n    image: nginx\n    volumes:\n      - $PWD/html:/usr/share/nginx/html:ro\n' });
    assert.deepEqual(workload(c, 'a').mounts.map((m) => [m.type, m.hostPath, m.unknown]), [['bind', abs('html'), false]]);
  });
});

describe('env_file', () => {
  it('fills variables `environment` does not set; later files win', () => {
    const c = load({
      'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    env_file:\n      - db.env\n      - path: local.env\n        required: false\n      - path: missing-optional.env\n        required: false\n    environment:\n      POSTGRES_USER: explicit\n',
      'db.env': 'PGDATA=/pgdata\nPOSTGRES_USER=from-file\nPOSTGRES_DB=one\n',
      'local.env': 'POSTGRES_DB=two\n',
    });
    const db = workload(c, 'db');
    assert.deepEqual(Object.fromEntries(db.environment), { POSTGRES_USER: 'explicit', PGDATA: '/pgdata', POSTGRES_DB: 'two' });
    assert.equal(rel(db.provenance.environment.get('PGDATA')!.location.file), 'compose.yaml');
    assert.deepEqual(c.problems, []);
  });

  it('a missing env file is not a problem: env files are usually created at deploy time', () => {
    const c = load({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    env_file: db.env\n' });
    assert.deepEqual(problems(c), []);
  });
});

describe('include', () => {
  it('short and long forms; paths resolve against the included file; its .env fills unset variables', () => {
    const c = load({
      '.env': 'PG=16\n',
      'compose.yaml': [
        'include:',
        '  - db/compose.yaml',
        '  - path: [cache/compose.yaml, cache/compose.extra.yaml]',
        '    env_file: cache.env',
        '  - path: search/compose.yaml',
        '    project_directory: search/project',
        'services:',
        '  app:',
        '    image: app:1',
        '',
      ].join('\n'),
      'db/compose.yaml': 'services:\n  db:\n    image: postgres:${PG}\n    environment:\n      LOCALE: ${LOCALE}\n    volumes:\n      - ./data:/var/lib/postgresql/data\nvolumes:\n  db-extra:\n',
      'db/.env': 'PG=15\nLOCALE=C\n',
      'cache/compose.yaml': 'services:\n  cache:\n    image: redis:${REDIS}\n',
      'cache/compose.extra.yaml': 'services:\n  cache:\n    volumes: [cache:/data]\n',
      'cache.env': 'REDIS=7.2\n',
      'search/compose.yaml': 'services:\n  search:\n    image: elasticsearch:8.15.0\n    volumes:\n      - ./es:/usr/share/elasticsearch/data\n',
    });
    assert.deepEqual(problems(c), []);
    const db = workload(c, 'db');
    // The including project's .env wins; the included .env fills what it leaves unset.
    assert.equal(db.image?.value, 'postgres:16');
    assert.equal(db.environment.get('LOCALE'), 'C');
    assert.equal(rel(db.location.file), 'db/compose.yaml');
    assert.deepEqual(db.mounts.map((m) => m.hostPath), [abs('db/data')]);
    assert.equal(rel(db.layers[0]!.includedBy!.file), 'compose.yaml');
    assert.equal(workload(c, 'cache').image?.value, 'redis:7.2');
    assert.deepEqual(mounts(workload(c, 'cache')), ['volume cache→/data @cache/compose.extra.yaml:3']);
    assert.deepEqual(workload(c, 'search').mounts.map((m) => m.hostPath), [abs('search/project/es')]);
    assert.ok(c.volumes.has('db-extra'));
    assert.deepEqual(c.includedFiles.map((f) => rel(f.file)).sort(), ['cache/compose.extra.yaml', 'cache/compose.yaml', 'db/compose.yaml', 'search/compose.yaml']);
  });

  it('an override may change an included service; the including file may not redefine it', () => {
    const files = {
      'compose.yaml': 'include:\n  - db.yaml\nservices:\n  db:\n    image: postgres:17\n',
      'db.yaml': 'services:\n  db:\n    image: postgres:16\n',
      'compose.override.yaml': 'services:\n  db:\n    volumes: [pg:/var/lib/postgresql/data]\n',
    };
    const c = load(files, ['compose.yaml', 'compose.override.yaml']);
    assert.deepEqual(problems(c), [
      'compose.yaml:4:3 Service "db" is also defined by the included file db.yaml: docker compose refuses to load the project (services.db conflicts with imported resource). Rename one, or customise the included service with an override file in the `include` entry\'s `path` list.',
    ]);
    const db = workload(c, 'db');
    assert.equal(db.image?.value, 'postgres:17');
    assert.deepEqual(mounts(db), ['volume pg→/var/lib/postgresql/data @compose.override.yaml:3']);
  });

  it('remote includes and extends (oci://, git) are skipped without a problem', () => {
    const c = load({
      'compose.yaml': 'include:\n  - oci://docker.io/example/stack:1.0\n  - path: git@github.com:example/stack.git#main\nservices:\n  app:\n    extends:\n      file: https://github.com/example/base.git#main:compose.yaml\n      service: base\n    image: nginx\n',
    });
    assert.deepEqual(problems(c), []);
    assert.deepEqual(c.workloads.map((w) => w.name), ['app']);
  });

  it('an identical redefinition is accepted, as Compose does', () => {
    const c = load({ 'compose.yaml': 'include:\n  - db.yaml\nservices:\n  db:\n    image: postgres:16\n', 'db.yaml': 'services:\n  db:\n    image: postgres:16\n' });
    assert.deepEqual(problems(c), []);
  });

  it('missing, broken and cyclic includes are problems at the include entry; the rest is analysed', () => {
    const c = load({
      'compose.yaml': 'include:\n  - missing.yaml\n  - broken.yaml\n  - loop-a.yaml\n  - ${NOWHERE}/x.yaml\nservices:\n  app:\n    image: postgres:16\n',
      'broken.yaml': 'services:\n  db: [\n',
      'loop-a.yaml': 'include:\n  - loop-b.yaml\nservices:\n  a:\n    image: nginx\n',
      'loop-b.yaml': 'include:\n  - compose.yaml\nservices:\n  b:\n    image: nginx\n',
    });
    assert.deepEqual(problems(c), [
      `compose.yaml:2:5 The included file missing.yaml does not exist (${abs('missing.yaml')}): docker compose refuses to load the project, and its services are not analysed.`,
      'compose.yaml:3:5 The included file broken.yaml has errors (reported in that file): its services are not analysed.',
      'loop-b.yaml:2:5 Include cycle: compose.yaml → loop-a.yaml → loop-b.yaml → compose.yaml. docker compose refuses to load the project.',
      'compose.yaml:5:5 The included path "${NOWHERE}/x.yaml" uses $NOWHERE, which no .env defines: the included services are not analysed.',
    ]);
    assert.deepEqual(c.workloads.map((w) => w.name).sort(), ['a', 'app', 'b']);
    const broken = c.includedFiles.find((f) => rel(f.file) === 'broken.yaml');
    assert.ok(broken && broken.problems.length > 0, "the broken file's own parse error is reported in it");
  });
});

describe('extends', () => {
  it('same file (short and long form), other file, chains; relative paths resolve against the extended file', () => {
    const c = load({
      'compose.yaml': [
        'services:',
        '  base:',
        '    image: mysql:8.4',
        '    environment:',
        '      MYSQL_DATABASE: base',
        '  short:',
        '    extends: base',
        '  long:',
        '    extends:',
        '      service: short',
        '    environment:',
        '      MYSQL_DATABASE: long',
        '    volumes:',
        '      - long-data:/var/lib/mysql',
        '  remote:',
        '    extends:',
        '      file: shared/common.yaml',
        '      service: web',
        '    volumes:',
        '      - ./local:/local',
        '',
      ].join('\n'),
      'shared/common.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html\n      - ./local-base:/local\n    volumes_from: [base]\n',
    });
    assert.deepEqual(problems(c), []);
    assert.equal(workload(c, 'short').image?.value, 'mysql:8.4');
    const long = workload(c, 'long');
    assert.equal(long.environment.get('MYSQL_DATABASE'), 'long');
    assert.deepEqual(long.layers.map((l) => `${l.name}:${l.role}`), ['base:extends', 'short:extends', 'long:service']);
    assert.equal(long.layers[0]!.extendedBy?.service, 'short');
    assert.equal(long.layers[1]!.extendedBy?.service, 'long');
    assert.equal(rel(long.location.file), 'compose.yaml');
    assert.equal(long.location.range.start.line, 7);
    const remote = workload(c, 'remote');
    assert.equal(remote.image?.value, 'nginx:1.27');
    assert.equal(rel(remote.image!.location.file), 'shared/common.yaml');
    assert.deepEqual(remote.mounts.map((m) => [m.target, m.hostPath]), [
      ['/usr/share/nginx/html', abs('shared/html')],
      ['/local', abs('local')],
    ]);
    assert.deepEqual(remote.origin.files.map(rel), ['shared/common.yaml', 'compose.yaml']);
    // volumes_from is never inherited through extends.
    assert.deepEqual(remote.volumesFrom, []);
  });

  it('extends an included service', () => {
    const c = load({
      'compose.yaml': 'include:\n  - db.yaml\nservices:\n  replica:\n    extends: db\n    volumes:\n      - replica:/var/lib/postgresql/data\n',
      'db.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - primary:/var/lib/postgresql/data\n',
    });
    assert.deepEqual(problems(c), []);
    assert.deepEqual(mounts(workload(c, 'replica')), ['volume replica→/var/lib/postgresql/data @compose.yaml:7']);
    assert.deepEqual(mounts(workload(c, 'db')), ['volume primary→/var/lib/postgresql/data @db.yaml:5']);
    assert.equal(workload(c, 'db').layers[0]!.role, 'service', 'extending does not change the included service');
  });

  it('cycles, missing services and missing files are problems at the extends node, never a hang', () => {
    const c = load({
      'compose.yaml': [
        'services:',
        '  a:',
        '    image: nginx',
        '    extends: b',
        '  b:',
        '    extends: a',
        '  self:',
        '    extends: self',
        '  lost:',
        '    extends: nobody',
        '  far:',
        '    extends:',
        '      file: nowhere.yaml',
        '      service: x',
        '  cross:',
        '    extends:',
        '      file: other.yaml',
        '      service: back',
        '',
      ].join('\n'),
      'other.yaml': 'services:\n  back:\n    extends:\n      file: compose.yaml\n      service: cross\n',
    });
    // A cycle is reported once, at the `extends` that closes the loop.
    assert.deepEqual(problems(c), [
      'compose.yaml:6:5 `extends` cycle: a → b → a. docker compose refuses to load the project.',
      'compose.yaml:8:5 `extends` cycle: self → self. docker compose refuses to load the project.',
      'compose.yaml:10:14 Service "nobody" that "lost" extends is not defined: docker compose refuses to load the project.',
      `compose.yaml:13:13 The extended file nowhere.yaml does not exist (${abs('nowhere.yaml')}): docker compose refuses to load the project.`,
      'other.yaml:3:5 `extends` cycle: cross → back → cross. docker compose refuses to load the project.',
    ]);
    assert.deepEqual(c.workloads.map((w) => w.name).sort(), ['a', 'b', 'cross', 'far', 'lost', 'self']);
  });
});

describe('volumes_from', () => {
  it('gains the other service\'s volumes and binds (not tmpfs), marked as inherited; :ro makes them read-only', () => {
    const c = load({
      'compose.yaml': [
        'services:',
        '  db:',
        '    image: mysql:8.4',
        '    volumes:',
        '      - data:/var/lib/mysql',
        '      - ./conf:/etc/mysql/conf.d',
        '    tmpfs: /run/mysqld',
        '  backup:',
        '    image: backup:1',
        '    volumes_from:',
        '      - db:ro',
        '    volumes:',
        '      - ./other-conf:/etc/mysql/conf.d',
        '  chained:',
        '    image: tool:1',
        '    volumes_from: [service:backup, container:legacy]',
        '  broken:',
        '    image: tool:1',
        '    volumes_from: [ghost]',
        '',
      ].join('\n'),
    });
    assert.deepEqual(mounts(workload(c, 'backup')), [
      'bind ./other-conf→/etc/mysql/conf.d @compose.yaml:13',
      'volume data→/var/lib/mysql ro (from db) @compose.yaml:5',
    ]);
    const chained = workload(c, 'chained');
    assert.deepEqual(mounts(chained), ['bind ./other-conf→/etc/mysql/conf.d (from backup) @compose.yaml:13', 'volume data→/var/lib/mysql ro (from db) @compose.yaml:5']);
    assert.deepEqual(chained.opaqueVolumesFrom.map((e) => e.container), ['legacy']);
    assert.equal(chained.mounts[1]!.inherited!.location.range.start.line, 15);
    assert.deepEqual(problems(c), ['compose.yaml:19:20 `volumes_from` names service "ghost", which is not defined: docker compose refuses to load the project.']);
  });

  it('a volumes_from cycle does not hang', () => {
    const c = load({ 'compose.yaml': 'services:\n  a:\n    image: x\n    volumes_from: [b]\n    volumes: [a:/a]\n  b:\n    image: x\n    volumes_from: [a]\n    volumes: [b:/b]\n' });
    assert.deepEqual(workload(c, 'a').mounts.map((m) => m.target).sort(), ['/a', '/b']);
  });
});

describe('top-level volumes', () => {
  it('external, driver-backed, renamed, bind-backed', () => {
    const c = load({
      'compose.yaml': [
        'services:',
        '  app:',
        '    image: app',
        'volumes:',
        '  plain:',
        '  ext:',
        '    external: true',
        '  ext-named:',
        '    external:',
        '      name: real-name',
        '  renamed:',
        '    name: ${PROJECT:-shop}-data',
        '  nfs:',
        '    driver: local',
        '    driver_opts:',
        '      type: nfs',
        '      o: addr=10.0.0.1,rw',
        '      device: ":/exports/data"',
        '  host-dir:',
        '    driver_opts:',
        '      type: none',
        '      o: bind',
        '      device: /srv/data',
        '',
      ].join('\n'),
    });
    const v = (name: string): Record<string, unknown> => {
      const { declaration } = c.volumes.get(name)!;
      return { external: declaration.external, driver: declaration.driver, volumeName: declaration.volumeName, bindDevice: declaration.bindDevice };
    };
    assert.deepEqual(v('plain'), { external: false, driver: undefined, volumeName: undefined, bindDevice: undefined });
    assert.deepEqual(v('ext'), { external: true, driver: undefined, volumeName: undefined, bindDevice: undefined });
    assert.deepEqual(v('ext-named'), { external: true, driver: undefined, volumeName: 'real-name', bindDevice: undefined });
    assert.deepEqual(v('renamed'), { external: false, driver: undefined, volumeName: '${PROJECT:-shop}-data', bindDevice: undefined });
    assert.deepEqual(v('nfs'), { external: false, driver: 'local', volumeName: undefined, bindDevice: undefined });
    assert.deepEqual(v('host-dir'), { external: false, driver: undefined, volumeName: undefined, bindDevice: '/srv/data' });
  });
});

describe('planConfigurations', () => {
  it('base + override, base + each environment file (without the override)', () => {
    const host = new MemoryHost({ 'compose.yaml': '', 'compose.override.yaml': '', 'compose.prod.yaml': '', 'compose.staging.yml': '' });
    const plans = planConfigurations([...host.files.keys()], host).map((p) => p.map(rel));
    assert.deepEqual(plans, [['compose.yaml', 'compose.override.yaml'], ['compose.yaml', 'compose.prod.yaml'], ['compose.yaml', 'compose.staging.yml']]);
  });

  it('a second default-named file is analysed on its own, not silently dropped', () => {
    const host = new MemoryHost({ 'compose.yaml': '', 'docker-compose.yml': '', 'stack.yml': '' });
    const plans = planConfigurations([...host.files.keys()], host).map((p) => p.map(rel));
    assert.deepEqual(plans, [['compose.yaml'], ['docker-compose.yml'], ['stack.yml']]);
  });

  it('a compose file that another configuration includes is analysed only there', () => {
    const host = new MemoryHost({
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  app:\n    image: app\n',
      'db/compose.yaml': 'include:\n  - ../shared/compose.yaml\nservices:\n  db:\n    image: postgres:16\n',
      'shared/compose.yaml': 'services:\n  s:\n    image: x\n',
      'other/compose.yaml': 'services:\n  o:\n    image: x\n',
      'db/compose.prod.yaml': 'services:\n  db:\n    restart: always\n',
    });
    const plans = planConfigurations([...host.files.keys()], host).map((p) => p.map(rel));
    assert.deepEqual(plans, [['compose.yaml'], ['db/compose.yaml', 'db/compose.prod.yaml'], ['other/compose.yaml']]);
  });

  it('files that include each other are still analysed', () => {
    const host = new MemoryHost({ 'a/compose.yaml': 'include:\n  - ../b/compose.yaml\n', 'b/compose.yaml': 'include:\n  - ../a/compose.yaml\n' });
    assert.equal(planConfigurations([...host.files.keys()], host).length, 2);
  });
});
