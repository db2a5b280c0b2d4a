import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../helpers/memory-host';
import { lintCase, runRuleTests } from '../helpers/rule-tester';

runRuleTests('misplaced-state-mount', {
  valid: [
    { name: 'EMQX with a fixed node host (EMQX_HOST), and one whose hostname: alone would not help is still judged by its variables', code: 'services:\n  emqx:\n    image: emqx/emqx:5.8.6\n    environment:\n      EMQX_HOST: node1.emqx.local\n    volumes:\n      - emqx-data:/opt/emqx/data # broker state\nvolumes:\n  emqx-data:\n' },
    {
      name: 'a build argument from an unset variable is unknown (Compose passes it empty): the ARG default, 18, is not assumed',
      files: {
        'compose.yaml': 'services:\n  db:\n    build:\n      context: ./db\n      args:\n        PG_MAJOR: ${PG_MAJOR}\n    volumes:\n      - pg:/var/lib/postgresql/data # data\nvolumes:\n  pg:\n',
        'db/Dockerfile': 'ARG PG_MAJOR=18\nFROM postgres:${PG_MAJOR}\n',
      },
    },
    { name: 'RabbitMQ sharing another container\'s network or the host\'s UTS namespace: hostname: cannot be set, and the hostname is not its own', code: 'services:\n  mq:\n    image: rabbitmq:3\n    network_mode: "service:vpn"\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\n  mq2:\n    image: rabbitmq:3\n    uts: host\n    volumes:\n      - mq2:/var/lib/rabbitmq # queues\n  vpn:\n    image: acme/vpn:1\nvolumes:\n  mq:\n  mq2:\n' },
    { name: 'RabbitMQ built from a Dockerfile that sets RABBITMQ_NODENAME', files: { 'compose.yaml': 'services:\n  mq:\n    build: .\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\nvolumes:\n  mq:\n', Dockerfile: 'FROM rabbitmq:3.13\nENV RABBITMQ_NODENAME=rabbit@localhost\n' } },
    { name: 'immich from v1.137 at /data', code: 'services:\n  immich-server:\n    image: ghcr.io/immich-app/immich-server:v1.137.3\n    volumes:\n      - media:/data\nvolumes:\n  media:\n' },
    { name: 'RabbitMQ with RABBITMQ_MNESIA_DIR (the database folder no longer follows the node name)', code: 'services:\n  mq:\n    image: rabbitmq:3\n    environment:\n      RABBITMQ_MNESIA_DIR: /var/lib/rabbitmq/mnesia/node\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\nvolumes:\n  mq:\n' },
    { name: 'RabbitMQ with a fixed hostname', code: 'services:\n  mq:\n    image: rabbitmq:3\n    hostname: mq\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\nvolumes:\n  mq:\n' },
    { name: 'RabbitMQ with RABBITMQ_NODENAME', code: 'services:\n  mq:\n    image: rabbitmq:3\n    environment:\n      RABBITMQ_NODENAME: rabbit@mq\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\nvolumes:\n  mq:\n' },
    { name: 'RabbitMQ with a hostname set in the base file', files: { 'compose.yaml': 'services:\n  mq:\n    image: rabbitmq:3\n    hostname: mq\n', 'compose.override.yaml': 'services:\n  mq:\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\nvolumes:\n  mq:\n' } },
    { name: 'postgres 17 at /var/lib/postgresql/data', code: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'postgres 18 at /var/lib/postgresql', code: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pg:/var/lib/postgresql\nvolumes:\n  pg:\n' },
    { name: 'postgres 18 with PGDATA set back to the old path', code: 'services:\n  db:\n    image: postgres:18\n    environment:\n      PGDATA: /var/lib/postgresql/data\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'postgres 18 mounted at the data directory itself', code: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pg:/var/lib/postgresql/18/docker\nvolumes:\n  pg:\n' },
    {
      name: 'PGDATA moved to a subdirectory of the mount',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /var/lib/postgresql/data/pgdata\n    volumes:\n      - pg:/var/lib/postgresql/data/pgdata\nvolumes:\n  pg:\n',
    },
    { name: 'both the state path and a deeper mount', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\n      - logs:/var/lib/mysql/binlog\nvolumes:\n  db:\n  logs:\n' },
    { name: 'a config file inside the data directory is not a misplaced data mount', code: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pg_hba.conf:/var/lib/postgresql/data/pg_hba.conf:ro\n' },
    { name: 'a read-only mount below the data directory', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ./seed:/var/lib/mysql/seed:ro\n' },
    { name: 'a read-only mount at a target listed as a mistake', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ./dump:/var/lib/mysql/data:ro\n' },
    { name: 'bitnami keeps PostgreSQL data in a data subdirectory of its volume path', code: 'services:\n  db:\n    image: bitnami/postgresql:16\n    volumes:\n      - pg:/bitnami/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'a deliberate mount below a database directory', code: 'services:\n  ch:\n    image: clickhouse/clickhouse-server:24\n    volumes:\n      - ./user_files:/var/lib/clickhouse/user_files\n' },
    { name: 'PGDATA moved; a mount below the default path is something else', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pgdata\n    volumes:\n      - pg:/pgdata\n      - ./conf:/var/lib/postgresql/data/conf.d\nvolumes:\n  pg:\n' },
    { name: 'a mount with an unknown target may be the right one', code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql/data\n      - other:${DATA_PATH}\nvolumes:\n  db:\n  other:\n' },
    { name: 'unknown postgres version gives no version-specific finding', code: 'services:\n  db:\n    image: postgres:${PG_VERSION}\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n' },
    { name: 'vmagent with -remoteWrite.tmpDataPath at its volume', code: 'services:\n  vmagent:\n    image: victoriametrics/vmagent:v1.133.0\n    volumes:\n      - vmagentdata:/vmagentdata # queue\n    command:\n      - -remoteWrite.tmpDataPath=/vmagentdata\nvolumes:\n  vmagentdata:\n' },
    { name: 'mysql datadir flag with its volume', code: 'services:\n  db:\n    image: mysql:8\n    command: --datadir=/srv/mysql\n    volumes:\n      - db:/srv/mysql\nvolumes:\n  db:\n' },
  ],
  invalid: [
    {
      name: 'EMQX names its database after emqx@<container IP>: a volume without a fixed node name may come back empty (a warning: the address only may change); the fix sets EMQX_NODE_NAME',
      code: 'services:\n  emqx:\n    image: emqx/emqx:5.8.6\n    volumes:\n      - emqx-data:/opt/emqx/data # broker state\nvolumes:\n  emqx-data:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 33, severity: 'warning', containerPath: '/opt/emqx/data', message: /names its database after the node name \(emqx@<container IP>\), and unless `EMQX_NODE_NAME` or `EMQX_NODE__NAME` or `EMQX_HOST` is set/, fixes: ['preferred: Set EMQX_NODE_NAME: emqx@127.0.0.1'] }],
      output: 'services:\n  emqx:\n    image: emqx/emqx:5.8.6\n    volumes:\n      - emqx-data:/opt/emqx/data # broker state\n    environment:\n      - "EMQX_NODE_NAME=emqx@127.0.0.1"\nvolumes:\n  emqx-data:\n',
    },
    {
      name: "Caddy 2 (also published as caddy/caddy) keeps certificates in /data: a volume at Caddy 1's /root/.caddy holds nothing",
      code: 'services:\n  caddy:\n    image: caddy/caddy:2.7.6\n    volumes:\n      - caddy_certs:/root/.caddy # certificates\nvolumes:\n  caddy_certs:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 33, severity: 'error', containerPath: '/data' }],
      output: 'services:\n  caddy:\n    image: caddy/caddy:2.7.6\n    volumes:\n      - caddy_certs:/data # certificates\nvolumes:\n  caddy_certs:\n',
    },
    {
      name: 'influxdb:latest at the 1.x path with DOCKER_INFLUXDB_INIT_* (read by 2.x only): a 2.x stack, so the move is the fix and no pin is offered',
      code: 'services:\n  influxdb:\n    image: influxdb:latest\n    environment:\n      DOCKER_INFLUXDB_INIT_MODE: setup\n    volumes:\n      - influx:/var/lib/influxdb # data\n      - config:/etc/influxdb2 # CLI configs\nvolumes:\n  influx:\n  config:\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 33, severity: 'error', containerPath: '/var/lib/influxdb2', fixes: ['preferred: Mount at /var/lib/influxdb2 instead of /var/lib/influxdb'] }],
      output: 'services:\n  influxdb:\n    image: influxdb:latest\n    environment:\n      DOCKER_INFLUXDB_INIT_MODE: setup\n    volumes:\n      - influx:/var/lib/influxdb2 # data\n      - config:/etc/influxdb2 # CLI configs\nvolumes:\n  influx:\n  config:\n',
    },
    {
      name: 'influxdb:latest over a volume at the 1.x path: a stack written when latest was 1.x; the move to the 2.x path (an empty database) and pinning 1.8 are offered by hand',
      code: 'services:\n  influxdb:\n    image: influxdb:latest\n    volumes:\n      - influx:/var/lib/influxdb # 1.x data\nvolumes:\n  influx:\n',
      errors: [
        {
          line: 5, column: 9, endLine: 5, endColumn: 33, severity: 'error', containerPath: '/var/lib/influxdb2',
          message: /Mount the volume at \/var\/lib\/influxdb2\. The tag follows the latest release, so the volume at \/var\/lib\/influxdb likely holds the InfluxDB 1\.x data, which this release does not read at \/var\/lib\/influxdb2 either: pin the image to the release that made it \(such as influxdb:1\.8\) or migrate the data first\.$/,
          fixes: ['Mount at /var/lib/influxdb2 instead of /var/lib/influxdb (a new, empty database)', 'Pin the image to influxdb:1.8 (keeps the InfluxDB 1.x data)'],
        },
      ],
      output: 'services:\n  influxdb:\n    image: influxdb:latest\n    volumes:\n      - influx:/var/lib/influxdb2 # 1.x data\nvolumes:\n  influx:\n',
    },
    {
      name: 'a third part is the options even when Compose does not know them (it ignores them): the move edits the target, not the options',
      code: 'services:\n  db:\n    image: influxdb:2.7\n    volumes:\n      - influx:/var/lib/influxdb:roz # data\n      - config:/etc/influxdb2 # CLI configs\nvolumes:\n  influx:\n  config:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 37, severity: 'error', containerPath: '/var/lib/influxdb2' }],
      output: 'services:\n  db:\n    image: influxdb:2.7\n    volumes:\n      - influx:/var/lib/influxdb2:roz # data\n      - config:/etc/influxdb2 # CLI configs\nvolumes:\n  influx:\n  config:\n',
    },
    {
      name: 'influxdb 2.7 pinned by the user at the 1.x path: a plain mistake, moved',
      code: 'services:\n  influxdb:\n    image: influxdb:2.7\n    volumes:\n      - influx:/var/lib/influxdb # data\n      - config:/etc/influxdb2 # CLI configs\nvolumes:\n  influx:\n  config:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 33, severity: 'error', containerPath: '/var/lib/influxdb2', fixes: ['preferred: Mount at /var/lib/influxdb2 instead of /var/lib/influxdb'] }],
      output: 'services:\n  influxdb:\n    image: influxdb:2.7\n    volumes:\n      - influx:/var/lib/influxdb2 # data\n      - config:/etc/influxdb2 # CLI configs\nvolumes:\n  influx:\n  config:\n',
    },
    {
      name: 'Stalwart 0.12 and later keep their data in /opt/stalwart: a volume left at /opt/stalwart-mail holds nothing',
      code: 'services:\n  mail:\n    image: stalwartlabs/stalwart:v0.13.2\n    volumes:\n      - mail:/opt/stalwart-mail # mail store\nvolumes:\n  mail:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 32, severity: 'error', containerPath: '/opt/stalwart' }],
      output: 'services:\n  mail:\n    image: stalwartlabs/stalwart:v0.13.2\n    volumes:\n      - mail:/opt/stalwart # mail store\nvolumes:\n  mail:\n',
    },
    {
      name: "vmagent's buffer is /vmagent-remotewrite-data unless -remoteWrite.tmpDataPath moves it: a volume at /vmagentdata stays empty (a hint: only unsent samples)",
      code: 'services:\n  vmagent:\n    image: victoriametrics/vmagent:v1.133.0\n    volumes:\n      - vmagentdata:/vmagentdata # queue\n    command:\n      - --remoteWrite.url=http://vminsert:8480/insert/0/prometheus/api/v1/write\nvolumes:\n  vmagentdata:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 33, severity: 'hint', containerPath: '/vmagent-remotewrite-data' }],
      output: 'services:\n  vmagent:\n    image: victoriametrics/vmagent:v1.133.0\n    volumes:\n      - vmagentdata:/vmagent-remotewrite-data # queue\n    command:\n      - --remoteWrite.url=http://vminsert:8480/insert/0/prometheus/api/v1/write\nvolumes:\n  vmagentdata:\n',
    },
    {
      name: 'NATS JetStream without -sd writes to /tmp/nats/jetstream: a volume at /data/jetstream stays empty',
      code: 'services:\n  nats:\n    image: nats:2.10-alpine\n    command: ["-js", "-m", "8222"]\n    volumes:\n      # jetstream\n      - nats-data:/data/jetstream\nvolumes:\n  nats-data:\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 34, containerPath: '/tmp/nats/jetstream' }],
      output: 'services:\n  nats:\n    image: nats:2.10-alpine\n    command: ["-js", "-m", "8222"]\n    volumes:\n      # jetstream\n      - nats-data:/tmp/nats/jetstream\nvolumes:\n  nats-data:\n',
    },
    {
      name: 'immich up to v1.136 keeps its media in /usr/src/app/upload: a volume at /data (the v1.137 layout) keeps none of it',
      code: 'services:\n  immich-server:\n    image: ghcr.io/immich-app/immich-server:v1.135.3\n    volumes:\n      - media:/data\nvolumes:\n  media:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 20, severity: 'error', containerPath: '/usr/src/app/upload', message: 'Service "immich-server" mounts a volume at /data, but Immich server keeps its data in /usr/src/app/upload (Immich media (originals, thumbnails, encoded videos, profile pictures, database backups)), which stays off the volume: the image\'s VOLUME puts it in an anonymous volume that `docker compose down` orphans, so the next `up` starts empty. Mount the volume at /usr/src/app/upload.' }],
      output: 'services:\n  immich-server:\n    image: ghcr.io/immich-app/immich-server:v1.135.3\n    volumes:\n      - media:/usr/src/app/upload\nvolumes:\n  media:\n',
    },
    {
      name: 'RabbitMQ with only its mnesia folder on a volume: the node-named database inside still moves with the hostname',
      code: 'services:\n  mq:\n    image: rabbitmq:3\n    volumes:\n      - data:/var/lib/rabbitmq/mnesia/ # queues\nvolumes:\n  data:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 39, severity: 'error', containerPath: '/var/lib/rabbitmq', message: /^Service "mq" keeps the RabbitMQ data directory \(Mnesia, message store\) on volume "data", but RabbitMQ names its database after the node name/ }],
      output: 'services:\n  mq:\n    image: rabbitmq:3\n    volumes:\n      - data:/var/lib/rabbitmq/mnesia/ # queues\n    hostname: mq\nvolumes:\n  data:\n',
    },
    {
      name: 'an untagged or latest postgres (now 18) at the old path: the move is offered by hand, and so is pinning the major a volume made before 18 needs',
      code: 'services:\n  db:\n    image: "postgres:alpine"\n    volumes:\n      - pg:/var/lib/postgresql/data # data\nvolumes:\n  pg:\n',
      errors: [
        {
          line: 5, column: 9, endLine: 5, endColumn: 36, severity: 'error',
          message: /Mount the volume at \/var\/lib\/postgresql\. The tag follows the latest release, so a volume made before PostgreSQL 18 holds an older cluster, which PostgreSQL 18 refuses at \/var\/lib\/postgresql too: pin the image to the major version that made it \(such as postgres:17-alpine\) or upgrade the data with pg_upgrade first\.$/,
          fixes: ['Mount at /var/lib/postgresql instead of /var/lib/postgresql/data (a new, empty database)', 'Pin the image to postgres:17-alpine (keeps a database made before PostgreSQL 18)'],
        },
      ],
      output: 'services:\n  db:\n    image: "postgres:alpine"\n    volumes:\n      - pg:/var/lib/postgresql # data\nvolumes:\n  pg:\n',
    },
    {
      name: 'RabbitMQ on a volume without a fixed hostname: each new container starts an empty database',
      code: 'services:\n  mq:\n    image: rabbitmq:3.13-management\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\nvolumes:\n  mq:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 29, containerPath: '/var/lib/rabbitmq', severity: 'error', message: /^Service "mq" keeps the RabbitMQ data directory \(Mnesia, message store\) on volume "mq", but RabbitMQ names its database after the node name \(rabbit@<hostname>\), and without `hostname:` the hostname is the container ID/ }],
      output: 'services:\n  mq:\n    image: rabbitmq:3.13-management\n    volumes:\n      - mq:/var/lib/rabbitmq # queues\n    hostname: mq\nvolumes:\n  mq:\n',
    },
    {
      name: 'postgres 18 at /var/lib/postgresql/data refuses to start',
      code: 'services:\n  db:\n    image: postgres:18-alpine\n    volumes:\n      - pgdata:/var/lib/postgresql/data # data\nvolumes:\n  pgdata:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 40, severity: 'error', service: 'db', containerPath: '/var/lib/postgresql', message: 'Service "db" mounts its volume at /var/lib/postgresql/data, but the postgres:18-alpine image (PostgreSQL 18 and later) keeps the data in /var/lib/postgresql/18/docker and expects the volume at /var/lib/postgresql: with a mount at /var/lib/postgresql/data the server refuses to start, and the data directory would not be on the volume anyway. Mount the volume at /var/lib/postgresql.' }],
      output: 'services:\n  db:\n    image: postgres:18-alpine\n    volumes:\n      - pgdata:/var/lib/postgresql # data\nvolumes:\n  pgdata:\n',
    },
    {
      name: 'pgvector on PostgreSQL 18 refuses to start too',
      code: 'services:\n  db:\n    image: pgvector/pgvector:pg18\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 40, containerPath: '/var/lib/postgresql', message: /but the pgvector\/pgvector:pg18 image \(PostgreSQL 18 and later\) keeps the data in \/var\/lib\/postgresql\/18\/docker/ }],
      output: 'services:\n  db:\n    image: pgvector/pgvector:pg18\n    volumes:\n      - pgdata:/var/lib/postgresql\nvolumes:\n  pgdata:\n',
    },
    {
      name: 'untagged postgres is 18 or later; quoting and mode kept',
      code: "services:\n  db:\n    image: postgres\n    volumes:\n      - 'pgdata:/var/lib/postgresql/data:rw'\nvolumes:\n  pgdata:\n",
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 45 }],
      output: "services:\n  db:\n    image: postgres\n    volumes:\n      - 'pgdata:/var/lib/postgresql:rw'\nvolumes:\n  pgdata:\n",
    },
    {
      name: 'mysql one level too deep',
      code: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql/data\nvolumes:\n  db:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 31, containerPath: '/var/lib/mysql', message: /anonymous volume/ }],
      output: 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql\nvolumes:\n  db:\n',
    },
    {
      name: 'one level too deep, long syntax bind, quoted target',
      code: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - type: bind\n        source: ./mariadb\n        target: "/var/lib/mysql/data"\n',
      errors: [{ line: 5, column: 9, endLine: 7, endColumn: 38, containerPath: '/var/lib/mysql', message: /keeps its data in \/var\/lib\/mysql/ }],
      output: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - type: bind\n        source: ./mariadb\n        target: "/var/lib/mysql"\n',
    },
    {
      name: 'a target the knowledge base lists as a mistake',
      code: 'services:\n  mongo:\n    image: mongo:7\n    volumes:\n      - mongo:/var/lib/mongodb\nvolumes:\n  mongo:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 31, containerPath: '/data/db' }],
      output: 'services:\n  mongo:\n    image: mongo:7\n    volumes:\n      - mongo:/data/db\nvolumes:\n  mongo:\n',
    },
    {
      name: 'PGDATA moved the data away from the mounted default',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pgdata\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 36, containerPath: '/pgdata', message: /^PGDATA moves the data/ }],
      output: 'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pgdata\n    volumes:\n      - pg:/pgdata\nvolumes:\n  pg:\n',
    },
    {
      name: 'a command flag moved the data away from the mounted default',
      code: 'services:\n  db:\n    image: mongo:7\n    command: ["mongod", "--dbpath", "/srv/db"]\n    volumes: [mongo:/data/db]\nvolumes: {mongo: {}}\n',
      errors: [{ line: 5, column: 15, endLine: 5, endColumn: 29, containerPath: '/srv/db', message: /--dbpath flag/ }],
      output: 'services:\n  db:\n    image: mongo:7\n    command: ["mongod", "--dbpath", "/srv/db"]\n    volumes: [mongo:/srv/db]\nvolumes: {mongo: {}}\n',
    },
    {
      name: 'the misplaced mount in the override, the image in the base',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:18.1\n',
        'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - ./pg:/var/lib/postgresql/data\n',
      },
      errors: [{ file: 'compose.override.yaml', line: 4, column: 9, endLine: 4, endColumn: 38 }],
      output: { 'compose.override.yaml': 'services:\n  db:\n    volumes:\n      - ./pg:/var/lib/postgresql\n' },
    },
    {
      name: 'redis without persistence is a cache: a hint',
      code: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - redis:/var/lib/redis\nvolumes:\n  redis:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 29, severity: 'hint', containerPath: '/data' }],
      output: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - redis:/data\nvolumes:\n  redis:\n',
    },
    {
      name: 'redis at /var/lib/redis/data (ToolJet): the data is in /data',
      code: 'services:\n  redis:\n    image: redis:6.2\n    command: redis-server --appendonly yes\n    volumes:\n      - redis_data:/var/lib/redis/data\nvolumes:\n  redis_data:\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 39, severity: 'error', containerPath: '/data' }],
      output: 'services:\n  redis:\n    image: redis:6.2\n    command: redis-server --appendonly yes\n    volumes:\n      - redis_data:/data\nvolumes:\n  redis_data:\n',
    },
    {
      name: 'redis with persistence configured is an error',
      code: 'services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--appendonly", "yes"]\n    volumes:\n      - redis:/var/lib/redis\nvolumes:\n  redis:\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 29, severity: 'error', containerPath: '/data' }],
      output: 'services:\n  cache:\n    image: redis:7\n    command: ["redis-server", "--appendonly", "yes"]\n    volumes:\n      - redis:/data\nvolumes:\n  redis:\n',
    },
    {
      name: 'a mount merged in from an anchor is retargeted where it is written',
      code: 'x-pg: &pg\n  image: postgres:18\n  volumes:\n    - pg:/var/lib/postgresql/data\nservices:\n  db:\n    <<: *pg\nvolumes:\n  pg:\n',
      errors: [{ line: 4, column: 7, endLine: 4, endColumn: 34, containerPath: '/var/lib/postgresql' }],
      output: 'x-pg: &pg\n  image: postgres:18\n  volumes:\n    - pg:/var/lib/postgresql\nservices:\n  db:\n    <<: *pg\nvolumes:\n  pg:\n',
    },
    {
      name: 'CRLF kept',
      code: 'services:\r\n  db:\r\n    image: mariadb:11\r\n    volumes:\r\n      - db:/var/lib/mysql/data\r\nvolumes:\r\n  db:\r\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 31 }],
      output: 'services:\r\n  db:\r\n    image: mariadb:11\r\n    volumes:\r\n      - db:/var/lib/mysql\r\nvolumes:\r\n  db:\r\n',
    },
    {
      name: 'apache/kafka without KAFKA_LOG_DIRS logs to /tmp/kraft-combined-logs: a volume at /var/lib/kafka/data stays empty; the fix points KAFKA_LOG_DIRS at the volume (a volume in /tmp would be root\'s, and the broker runs as appuser)',
      code: 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    volumes:\n      - kafka-data:/var/lib/kafka/data # topics\nvolumes:\n  kafka-data:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 39, severity: 'error', containerPath: '/tmp/kraft-combined-logs', message: /Set `KAFKA_LOG_DIRS` to \/var\/lib\/kafka\/data so the data goes to the volume\.$/, fixes: ['preferred: Set KAFKA_LOG_DIRS: /var/lib/kafka/data'] }],
      output: 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    volumes:\n      - kafka-data:/var/lib/kafka/data # topics\n    environment:\n      - "KAFKA_LOG_DIRS=/var/lib/kafka/data"\nvolumes:\n  kafka-data:\n',
    },
    {
      name: 'NATS with the two-dash `--js` and no `--sd`: JetStream writes to /tmp/nats/jetstream, a volume at /data stays empty',
      code: 'services:\n  nats:\n    image: nats:2.10\n    command: --js\n    volumes:\n      - nats-data:/data # jetstream\nvolumes:\n  nats-data:\n',
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 24, severity: 'error', containerPath: '/tmp/nats/jetstream' }],
      output: 'services:\n  nats:\n    image: nats:2.10\n    command: --js\n    volumes:\n      - nats-data:/tmp/nats/jetstream # jetstream\nvolumes:\n  nats-data:\n',
    },
    {
      name: 'pgvector and redis with volumes at /data/postgres and /data/redis (a template copied without PGDATA / --dir): misplaced',
      code: 'services:\n  postgres:\n    image: pgvector/pgvector:pg16\n    volumes:\n      - postgres:/data/postgres # database\n  redis:\n    image: redis:7\n    command: redis-server --appendonly yes\n    volumes:\n      - redis:/data/redis # aof\nvolumes:\n  postgres:\n  redis:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 32, severity: 'error', containerPath: '/var/lib/postgresql/data' }, { line: 10, column: 9, endLine: 10, endColumn: 26, severity: 'error', containerPath: '/data' }],
      output: 'services:\n  postgres:\n    image: pgvector/pgvector:pg16\n    volumes:\n      - postgres:/var/lib/postgresql/data # database\n  redis:\n    image: redis:7\n    command: redis-server --appendonly yes\n    volumes:\n      - redis:/data # aof\nvolumes:\n  postgres:\n  redis:\n',
    },
    {
      name: 'btcpayserver/postgres:18.1 is FROM postgres:18.1: a mount at /var/lib/postgresql/data is the PostgreSQL 18 mistake',
      code: 'services:\n  postgres:\n    image: btcpayserver/postgres:18.1\n    volumes:\n      - pg:/var/lib/postgresql/data # database\nvolumes:\n  pg:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 36, severity: 'error', containerPath: '/var/lib/postgresql' }],
      output: 'services:\n  postgres:\n    image: btcpayserver/postgres:18.1\n    volumes:\n      - pg:/var/lib/postgresql # database\nvolumes:\n  pg:\n',
    },
    {
      name: 'kartoza/postgis keeps the cluster in /var/lib/postgresql/<major>/main: the official image\'s /var/lib/postgresql/data holds nothing',
      code: 'services:\n  db:\n    image: kartoza/postgis:16-3.4\n    volumes:\n      - db:/var/lib/postgresql/data # database\nvolumes:\n  db:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 36, severity: 'error', containerPath: '/var/lib/postgresql/16/main' }],
      output: 'services:\n  db:\n    image: kartoza/postgis:16-3.4\n    volumes:\n      - db:/var/lib/postgresql/16/main # database\nvolumes:\n  db:\n',
    },
    {
      name: 'overv/openstreetmap-tile-server 2.x keeps the database in /data/database: the 1.x mount at /var/lib/postgresql/12/main holds nothing',
      code: 'services:\n  map:\n    image: overv/openstreetmap-tile-server\n    volumes:\n      - openstreetmap-data:/var/lib/postgresql/12/main # database\n      - tiles:/data/tiles # rendered tiles\n    command: run\nvolumes:\n  openstreetmap-data:\n  tiles:\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 55, severity: 'error', containerPath: '/data/database' }],
      output: 'services:\n  map:\n    image: overv/openstreetmap-tile-server\n    volumes:\n      - openstreetmap-data:/data/database # database\n      - tiles:/data/tiles # rendered tiles\n    command: run\nvolumes:\n  openstreetmap-data:\n  tiles:\n',
    },
  ],
});

describe('misplaced-state-mount and unmounted-state-path agree', () => {
  const fixtures = [
    'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
    'services:\n  db:\n    image: mysql:8\n    volumes:\n      - db:/var/lib/mysql/data\nvolumes:\n  db:\n',
    'services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /pgdata\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
  ];
  fixtures.forEach((code, i) => {
    it(`fixture ${i + 1}: one finding, from misplaced-state-mount`, () => {
      const findings = lintCase({ name: '', code }, new MemoryHost({ 'compose.yaml': code }));
      assert.deepEqual(
        findings.filter((f) => f.rule === 'misplaced-state-mount' || f.rule === 'unmounted-state-path').map((f) => f.rule),
        ['misplaced-state-mount'],
      );
    });
  });
  it('postgres 18 with a named volume at its data directory: kept, so neither rule reports it', () => {
    const code = 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - pg:/var/lib/postgresql/18/docker\nvolumes:\n  pg:\n';
    const findings = lintCase({ name: '', code }, new MemoryHost({ 'compose.yaml': code }));
    assert.deepEqual(findings.filter((f) => f.rule === 'misplaced-state-mount' || f.rule === 'unmounted-state-path').map((f) => f.message), []);
  });
  it('with misplaced-state-mount off, unmounted-state-path stays silent too (one cause, one rule)', () => {
    const code = fixtures[1]!;
    const findings = lintCase({ name: '', code, config: { rules: { 'misplaced-state-mount': 'off' } } }, new MemoryHost({ 'compose.yaml': code }));
    assert.deepEqual(findings.filter((f) => f.rule === 'unmounted-state-path'), []);
  });
});
