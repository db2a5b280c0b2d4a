import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintCase, runRuleTests } from '../helpers/rule-tester';
import { MemoryHost } from '../helpers/memory-host';

const TITLE = 'Use named volume "db-data" instead of ./pgdata (existing data in ./pgdata is not moved)';

runRuleTests('database-on-bind-mount', {
  valid: [
    { name: 'application data whose vendors document a bind mount (Kavita, Scrypted, deCONZ)', code: 'services:\n  kavita:\n    image: jvmilazz0/kavita:0.8.4\n    volumes:\n      - ./kavita-config:/kavita/config # library database\n  scrypted:\n    image: koush/scrypted:v0.123.0\n    volumes:\n      - ~/.scrypted/volume:/server/volume # database\n  deconz:\n    image: deconzcommunity/deconz:2.28.1\n    volumes:\n      - /opt/deCONZ:/opt/deCONZ # zigbee network\n' },
    // Docker puts mongo's VOLUME /data/db inside the bind mount as an anonymous volume: the data is not on the bind (unmounted-state-path reports it).
    { name: 'a bind at a parent of the image VOLUME does not hold the database', code: 'services:\n  mongo:\n    image: mongo:7\n    volumes:\n      - ~/mongo:/data\n' },
    { name: 'named volume', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'bind mount of configuration and init scripts', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d:ro\n      - ./postgresql.conf:/etc/postgresql/postgresql.conf:ro\nvolumes:\n  pg:\n' },
    {
      name: 'a Dockerfile VOLUME the knowledge base does not know is not called a database',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    volumes:\n      # app data\n      - ./data:/srv/app/data\n', Dockerfile: 'FROM debian:12\nVOLUME /srv/app/data\n' },
    },
    { name: 'bind mount of uploads is not a database', code: 'services:\n  cms:\n    image: wordpress:6\n    volumes:\n      - ./uploads:/var/www/html/wp-content/uploads\n' },
    { name: 'a named volume deeper than a bind parent holds the data', code: 'services:\n  db:\n    image: mongo:7\n    volumes:\n      - ./mongo:/data\n      - mongo:/data/db\nvolumes:\n  mongo:\n' },
    { name: 'redis without persistence is a cache, not a database', code: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - ./redis:/data\n' },
    { name: 'source from an unknown variable', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ${DB_DIR}/mysql:/var/lib/mysql\n' },
    { name: 'anonymous volume belongs to another rule', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - /var/lib/mysql\n' },
    { name: 'application data that holds an embedded database (gitea, vaultwarden, gitlab, jenkins) is bind-mounted as their docs show', code: 'services:\n  git:\n    image: gitea/gitea:1.21\n    volumes:\n      - ./gitea:/data\n  vault:\n    image: vaultwarden/server\n    volumes:\n      - ./vw-data/:/data/\n  gitlab:\n    image: gitlab/gitlab-ce:16.11.1-ce.0\n    volumes:\n      - ./config:/etc/gitlab\n      - ./logs:/var/log/gitlab\n      - ./data:/var/opt/gitlab\n  ci:\n    image: jenkins/jenkins:lts\n    volumes:\n      - ./jenkins:/var/jenkins_home\n' },
    { name: 'emby/embyserver documents a bind mount of /config (application data)', code: 'services:\n  emby:\n    image: emby/embyserver:latest\n    volumes:\n      - ./config:/config # program data\n' },
  ],
  invalid: [
    {
      name: 'PGDATA below the bind mount: the message names the host folder that holds the data',
      code: 'services:\n  db:\n    image: postgres:15-alpine\n    environment:\n      PGDATA: /var/lib/postgresql/data/pgdata\n    volumes:\n      - ./volumes/db/data:/var/lib/postgresql/data # data\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 51, containerPath: '/var/lib/postgresql/data/pgdata', message: /^PostgreSQL data directory \/var\/lib\/postgresql\/data\/pgdata of service "db" is bind-mounted from the host path \.\/volumes\/db\/data\/pgdata\. / }],
      output: 'services:\n  db:\n    image: postgres:15-alpine\n    environment:\n      PGDATA: /var/lib/postgresql/data/pgdata\n    volumes:\n      - db-data:/var/lib/postgresql/data # data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'short syntax: only the source changes, the mode stays',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data:Z # local data\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44, severity: 'info', containerPath: '/var/lib/postgresql/data', service: 'db', message: /bind-mounted from the host path \.\/pgdata/ }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data:Z # local data\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'the fix title warns that host data is not moved',
      code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "./pgdata:/var/lib/postgresql/data"\nvolumes:\n  other:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44 }],
      output: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "db-data:/var/lib/postgresql/data"\nvolumes:\n  other:\n  db-data:\n',
    },
    {
      name: 'long syntax: type, source and bind options',
      code: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - type: bind\n        source: /srv/mariadb\n        target: /var/lib/mysql\n        bind:\n          create_host_path: true\n',
      errors: [{ line: 5, column: 9, endLine: 9, endColumn: 33, message: /\/srv\/mariadb/ }],
      output: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - type: volume\n        source: db-data\n        target: /var/lib/mysql\n\nvolumes:\n  db-data:\n',
    },
    {
      name: 'a Windows host path in single quotes',
      code: "services:\n  db:\n    image: mysql:8\n    volumes:\n      - 'C:\\data\\mysql:/var/lib/mysql'\n",
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 39, message: /host path C:\\data\\mysql/ }],
      output: "services:\n  db:\n    image: mysql:8\n    volumes:\n      - 'db-data:/var/lib/mysql'\n\nvolumes:\n  db-data:\n",
    },
    {
      name: 'redis with persistence configured is a database',
      code: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --appendonly yes\n    volumes:\n      - ./redis-data:/data\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 27, severity: 'info' }],
      output: 'services:\n  cache:\n    image: redis:7\n    command: redis-server --appendonly yes\n    volumes:\n      - cache-data:/data\n\nvolumes:\n  cache-data:\n',
    },
    {
      name: 'a Dockerfile VOLUME at a database path the knowledge base knows (a custom MySQL image)',
      files: { 'compose.yaml': 'services:\n  db:\n    build: .\n    volumes:\n      - ./mysql:/var/lib/mysql\n', Dockerfile: 'FROM debian:12\nVOLUME /var/lib/mysql\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 9, endLine: 5, endColumn: 31, containerPath: '/var/lib/mysql' }],
      output: { 'compose.yaml': 'services:\n  db:\n    build: .\n    volumes:\n      - db-data:/var/lib/mysql\n\nvolumes:\n  db-data:\n' },
    },
    {
      name: 'a bind in the override file',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: mysql:8.4\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - ./mysql:/var/lib/mysql\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 31 }],
      output: {
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - db-data:/var/lib/mysql\n\nvolumes:\n  db-data:\n',
      },
    },
    {
      name: 'timescale/timescaledb-postgis is TimescaleDB with the same layout',
      code: 'services:\n  db:\n    image: timescale/timescaledb-postgis:latest-pg12\n    volumes:\n      - ./db:/var/lib/postgresql/data\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 38, severity: 'info', containerPath: '/var/lib/postgresql/data' }],
      output: 'services:\n  db:\n    image: timescale/timescaledb-postgis:latest-pg12\n    volumes:\n      - db-data:/var/lib/postgresql/data\n\nvolumes:\n  db-data:\n',
    },
  ],
});

it('database-on-bind-mount: the fix title warns that existing host data is not moved', () => {
  const code = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n';
  const findings = lintCase({ name: '', code }, new MemoryHost({ 'compose.yaml': code })).filter((f) => f.rule === 'database-on-bind-mount');
  assert.deepEqual(findings.map((f) => f.fixes.map((x) => x.title)), [[TITLE]]);
});
