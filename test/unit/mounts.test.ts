import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShortVolume } from '../../server/src/core/compose/mounts';
import { parseComposeFile } from '../../server/src/core/compose/parse';
import { parseVolumesFrom, readServiceLayer } from '../../server/src/core/compose/service';
import type { Mount } from '../../server/src/core/model';

const FILE = '/p/compose.yaml';

function mountsOf(yaml: string, env: Record<string, string> = {}): Mount[] {
  const model = parseComposeFile(FILE, yaml);
  assert.deepEqual(model.problems, []);
  const layer = readServiceLayer(model, model.services[0]!, new Map(Object.entries(env)), '/p');
  return [...(layer.volumes?.mounts ?? []), ...(layer.tmpfs?.mounts ?? [])];
}

/** The fields that describe a mount, without its location. */
function shape(mount: Mount): Record<string, unknown> {
  const { location: _location, ...rest } = mount;
  return rest;
}

describe('short volume syntax', () => {
  const cases: [string, ReturnType<typeof parseShortVolume>][] = [
    ['/var/lib/mysql', { type: 'anonymous', target: '/var/lib/mysql', readOnly: false }],
    ['/data/', { type: 'anonymous', target: '/data', readOnly: false }],
    ['db:/var/lib/postgresql/data', { type: 'volume', source: 'db', target: '/var/lib/postgresql/data', readOnly: false }],
    ['db:/data:ro', { type: 'volume', source: 'db', target: '/data', readOnly: true }],
    ['db:/data:nocopy', { type: 'volume', source: 'db', target: '/data', readOnly: false, nocopy: true }],
    ['./src:/app/src:ro,z', { type: 'bind', source: './src', target: '/app/src', readOnly: true }],
    ['.:/app', { type: 'bind', source: '.', target: '/app', readOnly: false }],
    ['../shared:/shared:rw', { type: 'bind', source: '../shared', target: '/shared', readOnly: false, readWrite: true }],
    ['~/.ssh:/root/.ssh:ro', { type: 'bind', source: '~/.ssh', target: '/root/.ssh', readOnly: true }],
    ['/srv/pg:/var/lib/postgresql/data:cached', { type: 'bind', source: '/srv/pg', target: '/var/lib/postgresql/data', readOnly: false }],
    ['C:\\data\\pg:/var/lib/postgresql/data', { type: 'bind', source: 'C:\\data\\pg', target: '/var/lib/postgresql/data', readOnly: false }],
    ['D:/mongo:/data/db:ro', { type: 'bind', source: 'D:/mongo', target: '/data/db', readOnly: true }],
    // Options Compose does not know are ignored (Zabbix's `:roz`, a typo for `:ro,z`): read-write.
    ['snmptraps:/var/lib/zabbix/snmptraps:roz', { type: 'volume', source: 'snmptraps', target: '/var/lib/zabbix/snmptraps', readOnly: false }],
    ['db:/data:volume-nocopy', { type: 'volume', source: 'db', target: '/data', readOnly: false }],
    // As written, before interpolation: the colons of `${VAR:-default}` separate nothing.
    ['${KEY_FILE:-./tls/server.key}:/etc/app/server.key:ro', { type: 'bind', source: '${KEY_FILE:-./tls/server.key}', target: '/etc/app/server.key', readOnly: true }],
    ['./nginx/${FILE:-default.conf}:/etc/nginx/templates/${FILE:-default.conf}.template', { type: 'bind', source: './nginx/${FILE:-default.conf}', target: '/etc/nginx/templates/${FILE:-default.conf}.template', readOnly: false }],
    ['', undefined],
  ];
  for (const [spec, expected] of cases) {
    it(JSON.stringify(spec), () => assert.deepEqual(parseShortVolume(spec), expected));
  }
});

describe('volume entries in a service', () => {
  it('short syntax: binds resolve against the project directory, ~ stays unresolved', () => {
    const mounts = mountsOf('services:\n  app:\n    volumes:\n      - ./src:/app/src\n      - ~/cache:/cache\n      - /abs/dir:/abs\n      - data:/data\n');
    assert.deepEqual(mounts.map((m) => [m.type, m.hostPath]), [
      ['bind', '/p/src'],
      ['bind', undefined],
      ['bind', '/abs/dir'],
      ['volume', undefined],
    ]);
  });

  it('${PWD} and $PWD are bind mounts; an unknown source keeps the target but is marked unknown', () => {
    const mounts = mountsOf('services:\n  app:\n    volumes:\n      - ${PWD}/data:/data\n      - $PWD/logs:/logs\n      - ${DATA_DIR}:/var/lib/data\n      - ${DATA_DIR:-./fallback}:/fallback\n', { PWD: '/p' });
    assert.deepEqual(
      mounts.map((m) => [m.type, m.source, m.target, m.unknown, m.hostPath]),
      [
        ['bind', '/p/data', '/data', false, '/p/data'],
        ['bind', '/p/logs', '/logs', false, '/p/logs'],
        ['volume', '${DATA_DIR}', '/var/lib/data', true, undefined],
        ['bind', './fallback', '/fallback', false, '/p/fallback'],
      ],
    );
  });

  it('long syntax: volume with nocopy, bind with create_host_path and read_only, anonymous, tmpfs with options, npipe', () => {
    const mounts = mountsOf(
      [
        'services:',
        '  app:',
        '    volumes:',
        '      - type: volume',
        '        source: data',
        '        target: /data/',
        '        volume:',
        '          nocopy: true',
        '      - type: bind',
        '        source: ./conf',
        '        target: /etc/app',
        '        read_only: true',
        '        bind:',
        '          create_host_path: false',
        '      - type: volume',
        '        target: /anon',
        '      - type: tmpfs',
        '        target: /scratch',
        '        tmpfs:',
        '          size: 64m',
        '      - type: npipe',
        '        source: \\\\.\\pipe\\docker_engine',
        '        target: \\\\.\\pipe\\docker_engine',
        '      - target: /defaults-to-volume',
        '        source: named',
        '      - source: no-target',
        '',
      ].join('\n'),
    );
    assert.deepEqual(mounts.map(shape), [
      { type: 'volume', source: 'data', target: '/data', readOnly: false, syntax: 'long', unknown: false, nocopy: true },
      { type: 'bind', source: './conf', target: '/etc/app', readOnly: true, syntax: 'long', unknown: false, createHostPath: false, hostPath: '/p/conf' },
      { type: 'anonymous', source: undefined, target: '/anon', readOnly: false, syntax: 'long', unknown: false },
      { type: 'tmpfs', source: undefined, target: '/scratch', readOnly: false, syntax: 'long', unknown: false, tmpfsOptions: 'size=64m' },
      { type: 'other', source: undefined, target: '\\\\.\\pipe\\docker_engine', readOnly: false, syntax: 'long', unknown: false },
      { type: 'volume', source: 'named', target: '/defaults-to-volume', readOnly: false, syntax: 'long', unknown: false },
    ]);
  });

  it('tmpfs: a string, a list, options after the colon', () => {
    assert.deepEqual(
      mountsOf('services:\n  app:\n    tmpfs: /run\n').map((m) => [m.type, m.target, m.tmpfsOptions]),
      [['tmpfs', '/run', undefined]],
    );
    assert.deepEqual(
      mountsOf('services:\n  app:\n    tmpfs:\n      - /run:size=64m,mode=1777\n      - /var/cache/app:ro\n').map((m) => [m.target, m.tmpfsOptions, m.readOnly]),
      [
        ['/run', 'size=64m,mode=1777', false],
        ['/var/cache/app', 'ro', true],
      ],
    );
  });

  it('each mount points at its own sequence item', () => {
    const text = 'services:\n  app:\n    volumes:\n      - a:/a\n      - type: bind\n        source: ./b\n        target: /b\n';
    const [a, b] = mountsOf(text);
    assert.deepEqual(a!.location.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } });
    assert.deepEqual(b!.location.range.start, { line: 4, character: 8 });
    assert.deepEqual(b!.location.range.end, { line: 6, character: 18 }, 'the block mapping ends at its last character, not on the next line');
  });

  it('an aliased entry is read from its anchor', () => {
    const mounts = mountsOf('x-data: &data pg:/var/lib/postgresql/data\nservices:\n  db:\n    volumes:\n      - *data\n');
    assert.deepEqual(mounts.map((m) => [m.source, m.target, m.location.range.start.line]), [['pg', '/var/lib/postgresql/data', 0]]);
  });
});

describe('volumes_from', () => {
  const cases: [string, ReturnType<typeof parseVolumesFrom>][] = [
    ['db', { service: 'db', readOnly: false }],
    ['db:ro', { service: 'db', readOnly: true }],
    ['db:rw', { service: 'db', readOnly: false }],
    ['service:db', { service: 'db', readOnly: false }],
    ['service:db:ro', { service: 'db', readOnly: true }],
    ['container:legacy', { container: 'legacy', readOnly: false }],
    ['container:legacy:ro', { container: 'legacy', readOnly: true }],
  ];
  for (const [spec, expected] of cases) {
    it(spec, () => assert.deepEqual(parseVolumesFrom(spec), expected));
  }
});
