import type { ImageEntry } from './types';

/** The client tools of MySQL-compatible images: a service running one keeps no state. */
const MYSQL_CLIENTS = ['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlcheck', 'mysqlpump', 'mysqlsh', 'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-import', 'mariadb-check'];

/**
 * Databases, search engines and time-series stores. Data only: every entry names
 * the documentation that says where the image keeps its data.
 */
/** A service whose command runs one of these keeps no state (a backup or migration job). */
const POSTGRES_CLIENTS = ['psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'pg_basebackup', 'pgbench', 'createdb', 'dropdb', 'vacuumdb'];

/**
 * Where compose templates written for `PGDATA: /data/postgres` mount the volume: copied without the
 * variable (Chatwoot's compose file), the database stays in the image's data directory.
 */
const POSTGRES_DATA_TEMPLATE_TARGET = '/data/postgres';

/** A floating tag that moved to PostgreSQL 18 over a volume an older major filled at /var/lib/postgresql/data. */
const POSTGRES_17_PIN = { tag: '17', keeps: 'a database made before PostgreSQL 18' };

/**
 * Where images built on the official postgres image keep their data: from PostgreSQL 18 on
 * PGDATA (and the image's VOLUME) moved up, and a mount at the old place makes it refuse to start.
 */
function officialPostgresLayout(description: string): ImageEntry['variants'] {
  return [
    {
      versions: { min: '18' },
      paths: [
        {
          path: '/var/lib/postgresql',
          dataPath: '/var/lib/postgresql/18/docker',
          kind: 'database',
          description,
          declaredVolume: true,
          env: ['PGDATA'],
          misplacedTargets: ['/var/lib/postgresql/data', POSTGRES_DATA_TEMPLATE_TARGET],
        },
      ],
    },
    { paths: [{ path: '/var/lib/postgresql/data', kind: 'database', description, declaredVolume: true, env: ['PGDATA'], misplacedTargets: [POSTGRES_DATA_TEMPLATE_TARGET] }], pin: POSTGRES_17_PIN },
  ];
}

export const DATABASES: readonly ImageEntry[] = [
  {
    id: 'postgres',
    name: 'PostgreSQL',
    images: ['postgres', 'postgis/postgis'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://hub.docker.com/_/postgres',
    notes:
      'From 18 on the image keeps PGDATA in /var/lib/postgresql/18/docker and declares VOLUME /var/lib/postgresql; a mount at /var/lib/postgresql/data makes it refuse to start. ' +
      'A volume at /data/postgres without `PGDATA` (a template copied without the variable) holds nothing.',
    variants: [
      {
        versions: { min: '18' },
        paths: [
          {
            path: '/var/lib/postgresql',
            dataPath: '/var/lib/postgresql/18/docker',
            kind: 'database',
            description: 'PostgreSQL data directory',
            declaredVolume: true,
            env: ['PGDATA'],
            misplacedTargets: ['/var/lib/postgresql/data', '/var/lib/postgres', '/var/lib/postgres/data', POSTGRES_DATA_TEMPLATE_TARGET],
          },
        ],
      },
      {
        paths: [
          {
            path: '/var/lib/postgresql/data',
            kind: 'database',
            description: 'PostgreSQL data directory',
            declaredVolume: true,
            env: ['PGDATA'],
            misplacedTargets: ['/var/lib/postgresql/data/pgdata', '/var/lib/postgres', '/var/lib/postgres/data', POSTGRES_DATA_TEMPLATE_TARGET],
          },
        ],
        pin: POSTGRES_17_PIN,
      },
    ],
  },
  {
    id: 'debezium-postgres',
    name: 'PostgreSQL (Debezium)',
    images: ['debezium/postgres', 'debezium/example-postgres'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/debezium/container-images/tree/main/postgres',
    notes: 'Built on the official postgres image (FROM postgres:<major>), with logical decoding plugins; `example-postgres` is tagged by Debezium release and assumed to follow its newest PostgreSQL.',
    variants: officialPostgresLayout('PostgreSQL data directory'),
  },
  {
    id: 'pgautoupgrade',
    name: 'PostgreSQL (pgautoupgrade)',
    images: ['pgautoupgrade/pgautoupgrade'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/pgautoupgrade/docker-pgautoupgrade',
    notes: 'Built on the official postgres alpine image; it upgrades the cluster it finds in place. Its documentation mounts /var/lib/postgresql/data, its PostgreSQL 18 tests /var/lib/postgresql: a mount at either keeps the database.',
    variants: [{ paths: [{ path: '/var/lib/postgresql/data', kind: 'database', description: 'PostgreSQL data directory', declaredVolume: true, env: ['PGDATA'], alternatives: ['/var/lib/postgresql'] }] }],
  },
  {
    id: 'btcpayserver-postgres',
    name: 'PostgreSQL (BTCPay Server)',
    images: ['btcpayserver/postgres'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/btcpayserver/dockerfile-deps/tree/master/Postgres',
    notes: 'Built FROM postgres:<tag> (Postgres/18.1/linuxamd64.Dockerfile: `FROM postgres:18.1`); the PostgreSQL version is the number the tag starts with.',
    versionPattern: '^(\\d+)',
    variants: officialPostgresLayout('PostgreSQL data directory'),
  },
  {
    id: 'pgvector',
    name: 'PostgreSQL with pgvector',
    images: ['pgvector/pgvector'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/pgvector/pgvector#docker',
    notes: 'Built on the official postgres image; the PostgreSQL major is the `pgNN` part of the tag.',
    versionPattern: 'pg(\\d+)',
    variants: officialPostgresLayout('PostgreSQL data directory'),
  },
  {
    id: 'immich-postgres',
    name: 'Immich PostgreSQL',
    images: ['immich-app/postgres'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/immich-app/base-images/blob/main/postgres/Dockerfile',
    notes: "Immich's database image, built on pgvector/pgvector and so on the official postgres image; the PostgreSQL major is the number the tag starts with (`14-vectorchord0.4.3-pgvectors0.2.0`).",
    versionPattern: '^(\\d+)',
    variants: officialPostgresLayout('PostgreSQL data directory'),
  },
  {
    id: 'pgvecto-rs',
    name: 'PostgreSQL with pgvecto.rs',
    images: ['tensorchord/pgvecto-rs'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/tensorchord/pgvecto.rs/blob/main/docker/pgvecto-rs.Dockerfile',
    notes: 'Built on the official postgres image; the PostgreSQL major is the `pgNN` part of the tag.',
    versionPattern: 'pg(\\d+)',
    variants: officialPostgresLayout('PostgreSQL data directory'),
  },
  {
    id: 'vchord-postgres',
    name: 'PostgreSQL with VectorChord',
    images: ['tensorchord/vchord-postgres'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/tensorchord/VectorChord/blob/main/docker/Dockerfile',
    notes: 'Built on pgvector/pgvector and so on the official postgres image; the PostgreSQL major is the `pgNN` part of the tag.',
    versionPattern: 'pg(\\d+)',
    variants: officialPostgresLayout('PostgreSQL data directory'),
  },
  {
    id: 'supabase-postgres',
    name: 'Supabase PostgreSQL',
    images: ['supabase/postgres'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://supabase.com/docs/guides/self-hosting/docker',
    notes: 'Supabase\'s own PostgreSQL build; the self-hosting compose file keeps PGDATA at /var/lib/postgresql/data.',
    variants: [{ paths: [{ path: '/var/lib/postgresql/data', kind: 'database', description: 'PostgreSQL data directory', declaredVolume: false, env: ['PGDATA'] }] }],
  },
  {
    id: 'timescaledb',
    name: 'TimescaleDB',
    images: ['timescale/timescaledb', 'timescale/timescaledb-postgis'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://hub.docker.com/r/timescale/timescaledb',
    notes: 'Built on the official postgres alpine image; the PostgreSQL major is the `pgNN` part of the tag. Untagged images are read as PostgreSQL 17. timescale/timescaledb-postgis (discontinued, PostgreSQL ≤ 13) has the same layout.',
    versionPattern: 'pg(\\d+)',
    latestVersion: '17',
    variants: officialPostgresLayout('TimescaleDB (PostgreSQL) data directory'),
  },
  {
    id: 'timescaledb-ha',
    name: 'TimescaleDB HA',
    images: ['timescale/timescaledb-ha'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://hub.docker.com/r/timescale/timescaledb-ha',
    variants: [
      {
        paths: [
          {
            path: '/home/postgres/pgdata/data',
            kind: 'database',
            description: 'TimescaleDB (PostgreSQL) data directory',
            declaredVolume: false,
            env: ['PGDATA'],
            misplacedTargets: ['/var/lib/postgresql/data'],
          },
        ],
      },
    ],
  },
  {
    id: 'mysql',
    name: 'MySQL',
    images: ['mysql', 'percona', 'percona/percona-server'],
    clientCommands: MYSQL_CLIENTS,
    source: 'https://hub.docker.com/_/mysql',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/mysql',
            kind: 'database',
            description: 'MySQL data directory',
            declaredVolume: true,
            flags: ['--datadir'],
            misplacedTargets: ['/var/lib/mysql/data'],
          },
        ],
      },
    ],
  },
  {
    id: 'mysql-oracle',
    name: 'MySQL (Oracle\'s images)',
    images: ['mysql/mysql-server', 'mysql/community-server', 'mysql/enterprise-server'],
    clientCommands: MYSQL_CLIENTS,
    source: 'https://github.com/mysql/mysql-docker/blob/main/mysql-server/8.0/Dockerfile',
    notes: 'Unlike the official mysql image, Oracle\'s mysql/mysql-server images declare no VOLUME (the 5.7, 8.0, 8.4 and 9.x Dockerfiles): without a mount /var/lib/mysql is in the container layer. mysql/community-server and mysql/enterprise-server are assumed to follow them.',
    variants: [{ paths: [{ path: '/var/lib/mysql', kind: 'database', description: 'MySQL data directory', declaredVolume: false, flags: ['--datadir'], misplacedTargets: ['/var/lib/mysql/data'] }] }],
  },
  {
    id: 'mariadb',
    name: 'MariaDB',
    images: ['mariadb', 'mariadb/server', 'yobasystems/alpine-mariadb', 'jc21/mariadb-aria'],
    clientCommands: ['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlcheck', 'mysqlpump', 'mysqlsh', 'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-import', 'mariadb-check'],
    source: 'https://hub.docker.com/_/mariadb',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/mysql',
            kind: 'database',
            description: 'MariaDB data directory',
            declaredVolume: true,
            flags: ['--datadir'],
            misplacedTargets: ['/var/lib/mysql/data', '/var/lib/mariadb'],
          },
        ],
      },
    ],
  },
  {
    id: 'wodby-mariadb',
    name: 'MariaDB (Wodby)',
    images: ['wodby/mariadb'],
    clientCommands: MYSQL_CLIENTS,
    source: 'https://github.com/wodby/mariadb/blob/master/11/Dockerfile',
    notes:
      'The MariaDB image of docker4drupal and docker4wordpress. Its Dockerfiles (10, 11 and 12) build MariaDB with MYSQL_DATADIR=/var/lib/mysql and declare WORKDIR and VOLUME /var/lib/mysql: ' +
      'without a mount the database is in an anonymous volume that a recreated container does not reuse.',
    variants: [{ paths: [{ path: '/var/lib/mysql', kind: 'database', description: 'MariaDB data directory', declaredVolume: true, flags: ['--datadir'], misplacedTargets: ['/var/lib/mysql/data', '/var/lib/mariadb'] }] }],
  },
  {
    id: 'mongo',
    name: 'MongoDB',
    images: ['mongo', 'mongodb/mongodb-community-server', 'mongodb/mongodb-enterprise-server', 'percona/percona-server-mongodb'],
    clientCommands: ['mongosh', 'mongo', 'mongodump', 'mongorestore', 'mongoimport', 'mongoexport'],
    source: 'https://hub.docker.com/_/mongo',
    variants: [
      {
        paths: [
          {
            path: '/data/db',
            kind: 'database',
            description: 'MongoDB data directory',
            declaredVolume: true,
            flags: ['--dbpath'],
            misplacedTargets: ['/var/lib/mongodb'],
          },
        ],
      },
    ],
  },
  {
    id: 'redis',
    name: 'Redis',
    images: ['redis'],
    clientCommands: ['redis-cli', 'redis-benchmark'],
    source: 'https://hub.docker.com/_/redis',
    cacheUnlessPersistent: true,
    cacheRisk: 'a job queue (Sidekiq, Celery, BullMQ) or sessions kept in it would be lost',
    notes: 'Without `--appendonly yes`, `--save …` or a mounted configuration it is treated as a cache (hint).',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Redis persistence directory (RDB snapshots and AOF)',
            declaredVolume: true,
            flags: ['--dir'],
            // `/data/redis`: a stack's per-service folder under /data (Chatwoot's compose file); redis writes /data itself.
            misplacedTargets: ['/var/lib/redis', '/var/lib/redis/data', '/data/redis'],
          },
        ],
      },
    ],
  },
  {
    id: 'redis-stack',
    name: 'Redis Stack',
    images: ['redis/redis-stack', 'redis/redis-stack-server'],
    clientCommands: ['redis-cli', 'redis-benchmark'],
    source: 'https://github.com/redis-stack/redis-stack/blob/master/etc/scripts/entrypoint.sh',
    cacheUnlessPersistent: true,
    cacheRisk: 'a job queue (Sidekiq, Celery, BullMQ) or sessions kept in it would be lost',
    persistence: { flags: [{ flag: '--appendonly', values: ['yes'] }, { flag: '--save' }], configPaths: ['/redis-stack.conf'], argsEnv: 'REDIS_ARGS' },
    notes:
      'The image declares no VOLUME (dockers/dockerfile.tmpl): without a mount /data is in the container layer. Its entrypoint starts redis-server with `--dir ${REDIS_DATA_DIR:-/data}`, a configuration at /redis-stack.conf, ' +
      'and further server arguments from `REDIS_ARGS` (`--appendonly yes`), not from the command. Without persistence switched on there it is treated as a cache (hint).',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'Redis Stack persistence directory (RDB snapshots and AOF)', declaredVolume: false, env: ['REDIS_DATA_DIR'], misplacedTargets: ['/var/lib/redis', '/var/lib/redis/data'] }] }],
  },
  {
    id: 'valkey',
    name: 'Valkey',
    images: ['valkey/valkey', 'valkey'],
    clientCommands: ['valkey-cli', 'valkey-benchmark', 'redis-cli'],
    source: 'https://hub.docker.com/r/valkey/valkey',
    cacheUnlessPersistent: true,
    cacheRisk: 'a job queue (Sidekiq, Celery, BullMQ) or sessions kept in it would be lost',
    persistence: { flags: [{ flag: '--appendonly', values: ['yes'] }, { flag: '--save' }], configPaths: ['/usr/local/etc/valkey', '/etc/valkey'] },
    notes: 'Without `--appendonly yes`, `--save …` or a mounted configuration it is treated as a cache (hint).',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Valkey persistence directory (RDB snapshots and AOF)',
            declaredVolume: true,
            flags: ['--dir'],
            misplacedTargets: ['/var/lib/valkey'],
          },
        ],
      },
    ],
  },
  {
    id: 'keydb',
    name: 'KeyDB',
    images: ['eqalpha/keydb'],
    clientCommands: ['keydb-cli', 'keydb-benchmark'],
    source: 'https://docs.keydb.dev/docs/docker-basics/',
    cacheUnlessPersistent: true,
    cacheRisk: 'a job queue (Sidekiq, Celery, BullMQ) or sessions kept in it would be lost',
    persistence: { flags: [{ flag: '--appendonly', values: ['yes'] }, { flag: '--save' }], configPaths: ['/etc/keydb'] },
    notes: 'Without `--appendonly yes`, `--save …` or a mounted configuration it is treated as a cache (hint).',
    variants: [
      {
        paths: [{ path: '/data', kind: 'database', description: 'KeyDB persistence directory (RDB snapshots and AOF)', declaredVolume: true, flags: ['--dir'] }],
      },
    ],
  },
  {
    id: 'dragonfly',
    name: 'Dragonfly',
    images: ['dragonflydb/dragonfly'],
    clientCommands: ['redis-cli'],
    source: 'https://www.dragonflydb.io/docs/managing-dragonfly/backups',
    notes:
      'The image (docker.dragonflydb.io/dragonflydb/dragonfly, tools/packaging/Dockerfile.ubuntu-prod and Dockerfile.distroless-prod) declares VOLUME /data and works there; `--dir` defaults to the working directory. ' +
      'Unlike Redis, Dragonfly writes a snapshot on shutdown whenever `--dbfilename` is not empty (its default is `dump-{timestamp}`) and loads it from `--dir` on start, so it is a database, not a cache. ' +
      'An empty `--dbfilename` switches saving and loading off; vsafe recognises the `--dbfilename=` form.',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Dragonfly snapshot directory',
            declaredVolume: true,
            flags: ['--dir'],
            when: { emptyFlags: ['--dbfilename', '-dbfilename'], description: 'not with an empty `--dbfilename` (snapshots off)' },
          },
        ],
      },
    ],
  },
  {
    id: 'garnet',
    name: 'Garnet',
    images: ['microsoft/garnet', 'microsoft/garnet-alpine'],
    source: 'https://github.com/microsoft/garnet/blob/main/Dockerfile',
    cacheUnlessPersistent: true,
    cacheRisk: 'a job queue (Sidekiq, Celery, BullMQ) or sessions kept in it would be lost',
    persistence: {
      flags: [{ flag: '--aof', boolean: true }, { flag: '--recover', boolean: true }],
      configPaths: ['/app/garnet.conf'],
    },
    notes: 'Keeps everything in memory unless `--checkpointdir` / `--logdir` name a directory (the image declares VOLUME /data for that); without `--recover` or `--aof` nothing written there is loaded again, so it is treated as a cache (hint).',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Garnet checkpoint and log directory',
            declaredVolume: true,
            flags: ['--checkpointdir', '--logdir'],
            onlyWhenSet: true,
          },
        ],
      },
    ],
  },
  {
    id: 'cassandra',
    name: 'Apache Cassandra',
    images: ['cassandra'],
    clientCommands: ['cqlsh', 'nodetool'],
    source: 'https://hub.docker.com/_/cassandra',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/cassandra',
            kind: 'database',
            description: 'Cassandra data directory (data, commit log, hints)',
            declaredVolume: true,
          },
        ],
      },
    ],
  },
  {
    id: 'scylla',
    name: 'ScyllaDB',
    images: ['scylladb/scylla', 'scylladb/scylla-enterprise'],
    source: 'https://hub.docker.com/r/scylladb/scylla',
    variants: [{ paths: [{ path: '/var/lib/scylla', kind: 'database', description: 'ScyllaDB data directory', declaredVolume: true }] }],
  },
  {
    id: 'couchdb',
    name: 'Apache CouchDB',
    images: ['couchdb', 'apache/couchdb', 'ibmcom/couchdb3', 'klaemo/couchdb'],
    source: 'https://hub.docker.com/_/couchdb',
    notes: 'klaemo/couchdb is the CouchDB 2.0 image the official one grew from (swarmpit still uses it), with the same /opt/couchdb/data.',
    variants: [{ paths: [{ path: '/opt/couchdb/data', kind: 'database', description: 'CouchDB data directory', declaredVolume: true }] }],
  },
  {
    id: 'couchbase',
    name: 'Couchbase Server',
    images: ['couchbase', 'couchbase/server'],
    source: 'https://hub.docker.com/_/couchbase',
    variants: [{ paths: [{ path: '/opt/couchbase/var', kind: 'database', description: 'Couchbase data directory', declaredVolume: true }] }],
  },
  {
    id: 'neo4j',
    name: 'Neo4j',
    images: ['neo4j'],
    source: 'https://neo4j.com/docs/operations-manual/current/docker/mounting-volumes/',
    notes:
      'The image links /var/lib/neo4j/data to /data, so a mount at either keeps the data. The entrypoint turns `NEO4J_*` variables into settings (`_` for `.`, `__` for `_`): ' +
      'NEO4J_server_directories_data (server.directories.data, 5.x) or NEO4J_dbms_directories_data (dbms.directories.data, 4.x and earlier; docker-image-src/4.4 entrypoint) moves the data directory.',
    variants: [
      {
        paths: [{ path: '/data', kind: 'database', description: 'Neo4j data directory', declaredVolume: true, env: ['NEO4J_server_directories_data', 'NEO4J_dbms_directories_data'], alternatives: ['/var/lib/neo4j/data'] }],
      },
    ],
  },
  {
    id: 'clickhouse',
    name: 'ClickHouse',
    images: ['clickhouse/clickhouse-server', 'clickhouse', 'yandex/clickhouse-server', 'altinity/clickhouse-server'],
    clientCommands: ['clickhouse-client'],
    source: 'https://hub.docker.com/r/clickhouse/clickhouse-server',
    notes: 'altinity/clickhouse-server is Altinity\'s build of the same server image (Sentry self-hosted uses it), with the same /var/lib/clickhouse.',
    variants: [{ paths: [{ path: '/var/lib/clickhouse', kind: 'database', description: 'ClickHouse data directory', declaredVolume: true }] }],
  },
  {
    id: 'clickhouse-keeper',
    name: 'ClickHouse Keeper',
    images: ['clickhouse/clickhouse-keeper'],
    source: 'https://github.com/ClickHouse/ClickHouse/blob/master/docker/keeper/Dockerfile',
    notes:
      'The bundled keeper_config.xml keeps the coordination logs and snapshots in /var/lib/clickhouse/coordination; the image declares VOLUME /var/lib/clickhouse and /var/lib/clickhouse-keeper. ' +
      'A mount at /var/lib/clickhouse-keeper, a configuration mounted under /etc/clickhouse-keeper or KEEPER_CONFIG may put them elsewhere: then nothing is reported.',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/clickhouse',
            kind: 'database',
            description: 'ClickHouse Keeper coordination logs and snapshots',
            declaredVolume: true,
            alternatives: ['/var/lib/clickhouse-keeper', '/etc/clickhouse-keeper'],
            when: { notEnv: ['KEEPER_CONFIG'] },
          },
        ],
      },
    ],
  },
  {
    id: 'influxdb',
    name: 'InfluxDB',
    images: ['influxdb'],
    clientCommands: ['influx'],
    source: 'https://hub.docker.com/_/influxdb',
    notes: '1.x keeps data in /var/lib/influxdb; 2.x in /var/lib/influxdb2 plus /etc/influxdb2; 3.x (`3-core`, `3-enterprise` tags) only where `--data-dir` / INFLUXDB3_DB_DIR points. `latest` is read as 2.x.',
    latestVersion: '2',
    variants: [
      {
        versions: { min: '3' },
        paths: [
          {
            path: '/var/lib/influxdb3/data',
            kind: 'database',
            description: 'InfluxDB 3 object store directory (`--object-store file`)',
            declaredVolume: false,
            flags: ['--data-dir'],
            env: ['INFLUXDB3_DB_DIR'],
            onlyWhenSet: true,
          },
        ],
      },
      {
        versions: { min: '2' },
        paths: [
          {
            path: '/var/lib/influxdb2',
            kind: 'database',
            description: 'InfluxDB 2 data directory (engine and bolt database)',
            declaredVolume: true,
            alternatives: ['/var/lib/influxdb3'],
            misplacedTargets: ['/var/lib/influxdb'],
          },
          {
            path: '/etc/influxdb2',
            kind: 'config-state',
            description: 'InfluxDB 2 configuration directory (CLI connection configs and tokens)',
            declaredVolume: true,
            alternatives: ['/var/lib/influxdb3'],
          },
        ],
      },
      {
        paths: [
          {
            path: '/var/lib/influxdb',
            kind: 'database',
            description: 'InfluxDB 1.x data directory (meta, data, wal)',
            declaredVolume: true,
            misplacedTargets: ['/var/lib/influxdb2'],
          },
        ],
        // `latest` was 1.x until InfluxDB 2.0 (2020): stacks written then keep 1.x data here.
        pin: { tag: '1.8', keeps: 'the InfluxDB 1.x data', newerEnv: '^DOCKER_INFLUXDB_INIT_' },
      },
    ],
  },
  {
    id: 'influxdb3',
    name: 'InfluxDB 3 (quay.io images)',
    images: ['influxdb/influxdb3-core', 'influxdb/influxdb3-enterprise'],
    source: 'https://docs.influxdata.com/influxdb3/core/install/',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/influxdb3/data',
            kind: 'database',
            description: 'InfluxDB 3 object store directory (`--object-store file`)',
            declaredVolume: false,
            flags: ['--data-dir'],
            env: ['INFLUXDB3_DB_DIR'],
            onlyWhenSet: true,
          },
        ],
      },
    ],
  },
  {
    id: 'elasticsearch',
    name: 'Elasticsearch',
    images: ['elasticsearch', 'elasticsearch/elasticsearch', 'elasticsearch/elasticsearch-oss', 'markoshust/magento-elasticsearch'],
    source: 'https://www.elastic.co/guide/en/elasticsearch/reference/current/docker.html',
    // Elastic's compose example runs a `setup` service from the image that only makes certificates and passwords.
    serverCommands: ['elasticsearch', 'docker-entrypoint.sh', 'eswrapper'],
    variants: [
      {
        paths: [
          {
            path: '/usr/share/elasticsearch/data',
            kind: 'database',
            description: 'Elasticsearch data directory',
            declaredVolume: false,
            env: ['path.data', 'ES_SETTING_PATH_DATA'],
            flags: ['-Epath.data'],
            misplacedTargets: ['/var/lib/elasticsearch', '/var/lib/elasticsearch/data'],
          },
        ],
      },
    ],
  },
  {
    id: 'opensearch',
    name: 'OpenSearch',
    images: ['opensearchproject/opensearch', 'markoshust/magento-opensearch'],
    source: 'https://docs.opensearch.org/latest/install-and-configure/install-opensearch/docker/',
    variants: [
      {
        paths: [
          {
            path: '/usr/share/opensearch/data',
            kind: 'database',
            description: 'OpenSearch data directory',
            declaredVolume: false,
            env: ['path.data'],
            flags: ['-Epath.data'],
            misplacedTargets: ['/var/lib/opensearch', '/var/lib/opensearch/data'],
          },
        ],
      },
    ],
  },
  {
    id: 'solr',
    name: 'Apache Solr',
    images: ['solr'],
    source: 'https://solr.apache.org/guide/solr/latest/deployment-guide/solr-in-docker.html',
    notes: 'Solr 8 and later keep SOLR_HOME under /var/solr; older images used another layout and get no finding.',
    variants: [
      { versions: { min: '8' }, paths: [{ path: '/var/solr', kind: 'database', description: 'Solr home (cores and indexes)', declaredVolume: true }] },
      { versions: { max: '7' }, paths: [] },
    ],
  },
  {
    id: 'mssql',
    name: 'Microsoft SQL Server',
    images: ['mssql/server', 'mssql/rhel/server', 'azure-sql-edge'],
    clientCommands: ['sqlcmd'],
    source: 'https://learn.microsoft.com/en-us/sql/linux/sql-server-linux-docker-container-configure',
    notes: 'Microsoft documents mounting /var/opt/mssql/data (with log and secrets) instead of /var/opt/mssql: a mount there is accepted.',
    variants: [
      {
        paths: [{ path: '/var/opt/mssql', kind: 'database', description: 'SQL Server data directory', declaredVolume: false, alternatives: ['/var/opt/mssql/data'] }],
      },
    ],
  },
  {
    id: 'oracle-free',
    name: 'Oracle Database Free / XE (gvenzl)',
    images: ['gvenzl/oracle-free', 'gvenzl/oracle-xe'],
    source: 'https://hub.docker.com/r/gvenzl/oracle-free',
    variants: [{ paths: [{ path: '/opt/oracle/oradata', kind: 'database', description: 'Oracle data files', declaredVolume: false }] }],
  },
  {
    id: 'oracle-database',
    name: 'Oracle Database (container-registry.oracle.com)',
    images: ['database/free', 'database/express', 'database/enterprise'],
    source: 'https://container-registry.oracle.com/ords/ocr/ba/database/free',
    variants: [{ paths: [{ path: '/opt/oracle/oradata', kind: 'database', description: 'Oracle data files', declaredVolume: false }] }],
  },
  {
    id: 'cockroachdb',
    name: 'CockroachDB',
    images: ['cockroachdb/cockroach'],
    source: 'https://www.cockroachlabs.com/docs/stable/start-a-local-cluster-in-docker-linux',
    notes: '`--store=type=mem,…` keeps everything in memory: no finding. A service running `cockroach init`, `sql`, `node` or `cert` (the entrypoint passes the command to `cockroach`) is a job and keeps no store.',
    // The image's entrypoint (cockroach.sh) runs `cockroach` with the command as arguments.
    clientCommands: ['init', 'sql', 'node', 'cert'],
    serverCommands: ['cockroach start', 'cockroach start-single-node', 'cockroach.sh', 'start', 'start-single-node'],
    variants: [
      {
        paths: [{ path: '/cockroach/cockroach-data', kind: 'database', description: 'CockroachDB store directory', declaredVolume: false, flags: ['--store', '-s'] }],
      },
    ],
  },
  {
    id: 'questdb',
    name: 'QuestDB',
    images: ['questdb/questdb'],
    source: 'https://questdb.com/docs/deployment/docker/',
    notes: 'Images before 6.1 used /root/.questdb and get no finding.',
    variants: [
      { versions: { min: '6.1' }, paths: [{ path: '/var/lib/questdb', kind: 'database', description: 'QuestDB root directory', declaredVolume: false }] },
      { versions: { max: '6.0' }, paths: [] },
    ],
  },
  {
    id: 'surrealdb',
    name: 'SurrealDB',
    images: ['surrealdb/surrealdb'],
    source: 'https://surrealdb.com/docs/surrealdb/installation/running/docker',
    notes: 'In memory unless `start` names a file store (`rocksdb:/…`, `surrealkv:/…`, `file:/…`).',
    variants: [
      {
        paths: [
          {
            path: '/mydata',
            kind: 'database',
            description: 'SurrealDB storage directory',
            declaredVolume: false,
            positional: { after: 'start', prefixes: ['rocksdb://', 'rocksdb:', 'surrealkv://', 'surrealkv:', 'file://', 'file:'] },
            onlyWhenSet: true,
          },
        ],
      },
    ],
  },
  {
    id: 'etcd',
    name: 'etcd',
    images: ['coreos/etcd', 'etcd-development/etcd'],
    source: 'https://etcd.io/docs/v3.5/op-guide/container/',
    notes: 'The data directory defaults to a relative `<name>.etcd`; only a `--data-dir` / ETCD_DATA_DIR that names an absolute path is checked.',
    variants: [
      {
        paths: [{ path: '/etcd-data', kind: 'database', description: 'etcd data directory', declaredVolume: false, flags: ['--data-dir'], env: ['ETCD_DATA_DIR'], onlyWhenSet: true }],
      },
    ],
  },
  {
    id: 'zookeeper',
    name: 'Apache ZooKeeper',
    images: ['zookeeper'],
    source: 'https://hub.docker.com/_/zookeeper',
    variants: [
      {
        paths: [
          { path: '/data', kind: 'database', description: 'ZooKeeper snapshot directory', declaredVolume: true, env: ['ZOO_DATA_DIR'] },
          { path: '/datalog', kind: 'database', description: 'ZooKeeper transaction log directory', declaredVolume: true, env: ['ZOO_DATA_LOG_DIR'] },
        ],
      },
    ],
  },
  {
    id: 'arangodb',
    name: 'ArangoDB',
    images: ['arangodb', 'arangodb/arangodb'],
    source: 'https://hub.docker.com/_/arangodb',
    variants: [
      {
        paths: [
          { path: '/var/lib/arangodb3', kind: 'database', description: 'ArangoDB data directory', declaredVolume: true },
          { path: '/var/lib/arangodb3-apps', kind: 'config-state', description: 'ArangoDB Foxx apps directory', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'rethinkdb',
    name: 'RethinkDB',
    images: ['rethinkdb'],
    source: 'https://hub.docker.com/_/rethinkdb',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'RethinkDB data directory', declaredVolume: true, flags: ['--directory', '-d'] }] }],
  },
  {
    id: 'meilisearch',
    name: 'Meilisearch',
    images: ['getmeili/meilisearch'],
    source: 'https://www.meilisearch.com/docs/guides/docker',
    notes: 'The image declares no VOLUME (its Dockerfile only sets WORKDIR /meili_data): without a mount the database is in the container layer.',
    variants: [{ paths: [{ path: '/meili_data', kind: 'database', description: 'Meilisearch database directory', declaredVolume: false, env: ['MEILI_DB_PATH'], flags: ['--db-path'] }] }],
  },
  {
    id: 'qdrant',
    name: 'Qdrant',
    images: ['qdrant/qdrant'],
    source: 'https://qdrant.tech/documentation/quickstart/',
    variants: [{ paths: [{ path: '/qdrant/storage', kind: 'database', description: 'Qdrant storage directory', declaredVolume: false, env: ['QDRANT__STORAGE__STORAGE_PATH'] }] }],
  },
  {
    id: 'weaviate',
    name: 'Weaviate',
    images: ['semitechnologies/weaviate'],
    source: 'https://weaviate.io/developers/weaviate/installation/docker-compose',
    variants: [{ paths: [{ path: '/var/lib/weaviate', kind: 'database', description: 'Weaviate persistence directory', declaredVolume: false, env: ['PERSISTENCE_DATA_PATH'] }] }],
  },
  {
    id: 'chroma',
    name: 'Chroma',
    images: ['chromadb/chroma', 'chroma-core/chroma'],
    source: 'https://docs.trychroma.com/production/containers/docker',
    notes:
      'Chroma 1.x keeps data in /data (persist_path of the configuration the image ships); a volume at /chroma/chroma, the 0.x place, is misplaced there. ' +
      '0.4 and later 0.x images persist to /chroma/chroma by default: their entrypoint exports IS_PERSISTENT=1 (bin/docker_entrypoint.sh), and PERSIST_DIRECTORY moves the place. Older layouts are not known. ' +
      'The release workflow (.github/workflows/_build_release_container.yml) pushes the same image as chromadb/chroma and ghcr.io/chroma-core/chroma.',
    variants: [
      { versions: { min: '1' }, paths: [{ path: '/data', kind: 'database', description: 'Chroma persistence directory', declaredVolume: false, misplacedTargets: ['/chroma/chroma'] }] },
      { versions: { min: '0.4' }, paths: [{ path: '/chroma/chroma', kind: 'database', description: 'Chroma persistence directory', declaredVolume: false, env: ['PERSIST_DIRECTORY'] }] },
      { versions: { max: '0.3' }, paths: [] },
    ],
  },
  {
    id: 'milvus',
    name: 'Milvus (standalone)',
    images: ['milvusdb/milvus'],
    source: 'https://github.com/milvus-io/milvus/blob/master/deployments/docker/standalone/docker-compose.yml',
    notes:
      'The image declares no VOLUME (build/docker/milvus/ubuntu22.04/Dockerfile). `milvus run standalone` keeps its RocksMQ message store (rocksmq.path /var/lib/milvus/rdb_data, the standalone default) in /var/lib/milvus, ' +
      'which the project\'s compose file mounts; with the embedded etcd and local storage of scripts/standalone_embed.sh (ETCD_USE_EMBED, ETCD_DATA_DIR=/var/lib/milvus/etcd, COMMON_STORAGETYPE=local) it holds the metadata and all data too. ' +
      'The compose setup keeps metadata in etcd and segments in MinIO, their own services. Cluster roles (`milvus run querynode`, …) are not covered.',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/milvus',
            kind: 'database',
            description: 'Milvus standalone data (RocksMQ message store, local storage; embedded etcd when used)',
            declaredVolume: false,
            when: { args: ['standalone'], description: 'only for `milvus run standalone`' },
          },
        ],
      },
    ],
  },
  {
    id: 'typesense',
    name: 'Typesense',
    images: ['typesense/typesense'],
    source: 'https://typesense.org/docs/guide/install-typesense.html',
    variants: [
      {
        paths: [{ path: '/data', kind: 'database', description: 'Typesense data directory', declaredVolume: false, flags: ['--data-dir'], env: ['TYPESENSE_DATA_DIR'], onlyWhenSet: true }],
      },
    ],
  },
  {
    id: 'victoria-metrics',
    name: 'VictoriaMetrics',
    images: ['victoriametrics/victoria-metrics'],
    source: 'https://docs.victoriametrics.com/victoriametrics/single-server-victoriametrics/',
    variants: [{ paths: [{ path: '/victoria-metrics-data', kind: 'database', description: 'VictoriaMetrics storage directory', declaredVolume: false, flags: ['-storageDataPath', '--storageDataPath'] }] }],
  },
  {
    id: 'vmstorage',
    name: 'VictoriaMetrics cluster storage (vmstorage)',
    images: ['victoriametrics/vmstorage'],
    source: 'https://docs.victoriametrics.com/victoriametrics/cluster-victoriametrics/',
    notes: 'The image sets no WORKDIR and declares no VOLUME, so the relative default of `-storageDataPath` (vmstorage-data) is /vmstorage-data.',
    variants: [{ paths: [{ path: '/vmstorage-data', kind: 'database', description: 'vmstorage data directory', declaredVolume: false, flags: ['-storageDataPath', '--storageDataPath'] }] }],
  },
  {
    id: 'victoria-logs',
    name: 'VictoriaLogs',
    images: ['victoriametrics/victoria-logs'],
    source: 'https://docs.victoriametrics.com/victorialogs/',
    notes: 'The image sets no WORKDIR and declares no VOLUME, so the relative default of `-storageDataPath` (victoria-logs-data) is /victoria-logs-data.',
    variants: [{ paths: [{ path: '/victoria-logs-data', kind: 'database', description: 'VictoriaLogs data directory', declaredVolume: false, flags: ['-storageDataPath', '--storageDataPath'] }] }],
  },
  {
    id: 'vmagent',
    name: 'vmagent',
    images: ['victoriametrics/vmagent'],
    source: 'https://docs.victoriametrics.com/victoriametrics/vmagent/',
    // A buffer, whatever the flags: there is nothing that makes it more than a cache.
    cacheUnlessPersistent: true,
    persistence: { flags: [], configPaths: [] },
    cacheRisk: 'samples it could not send to remote storage yet would be lost',
    notes:
      'vmagent buffers the samples it could not send yet in `-remoteWrite.tmpDataPath`, whose relative default (vmagent-remotewrite-data) is /vmagent-remotewrite-data in an image with no WORKDIR. ' +
      'Losing it loses only unsent samples, so it is reported as a cache; a volume elsewhere (VictoriaMetrics\' own compose files mount /vmagentdata) without the flag stays empty.',
    variants: [
      {
        paths: [
          {
            path: '/vmagent-remotewrite-data',
            kind: 'cache',
            description: 'vmagent buffer of samples not sent yet',
            declaredVolume: false,
            flags: ['-remoteWrite.tmpDataPath', '--remoteWrite.tmpDataPath'],
            misplacedTargets: ['/vmagentdata'],
          },
        ],
      },
    ],
  },
  {
    id: 'prometheus',
    name: 'Prometheus',
    images: ['prom/prometheus', 'prometheus/prometheus'],
    source: 'https://prometheus.io/docs/prometheus/latest/installation/#using-docker',
    variants: [{ paths: [{ path: '/prometheus', kind: 'database', description: 'Prometheus TSDB directory', declaredVolume: true, flags: ['--storage.tsdb.path'] }] }],
  },
  {
    id: 'alertmanager',
    name: 'Prometheus Alertmanager',
    images: ['prom/alertmanager', 'prometheus/alertmanager'],
    source: 'https://github.com/prometheus/alertmanager#docker-images',
    variants: [{ paths: [{ path: '/alertmanager', kind: 'config-state', description: 'Alertmanager silences and notification log', declaredVolume: true, flags: ['--storage.path'] }] }],
  },
  {
    id: 'loki',
    name: 'Grafana Loki',
    images: ['grafana/loki'],
    source: 'https://grafana.com/docs/loki/latest/setup/install/docker/',
    notes: 'Only the bundled configuration (/etc/loki/local-config.yaml) stores under /loki; with another `-config.file` the place is unknown and nothing is reported.',
    variants: [
      {
        paths: [
          {
            path: '/loki',
            kind: 'database',
            description: 'Loki chunks and index directory',
            declaredVolume: false,
            when: { notArgs: ['^--?config\\.file(=(?!/etc/loki/local-config\\.yaml$).*)?$'], description: 'not with a `-config.file` other than the bundled one' },
          },
        ],
      },
    ],
  },
  {
    id: 'manticore',
    name: 'Manticore Search',
    images: ['manticoresearch/manticore'],
    source: 'https://github.com/manticoresoftware/docker/blob/master/Dockerfile',
    notes: 'The image works in /var/lib/manticore and declares VOLUME there (its README: "The image comes with a volume at /var/lib/manticore/"); a `data_dir` in a mounted manticore.conf may put the tables elsewhere, which vsafe does not read.',
    variants: [{ paths: [{ path: '/var/lib/manticore', kind: 'database', description: 'Manticore data directory (tables, binlog)', declaredVolume: true }] }],
  },
  {
    id: 'quickwit',
    name: 'Quickwit',
    images: ['quickwit/quickwit'],
    source: 'https://github.com/quickwit-oss/quickwit/blob/main/Dockerfile',
    notes:
      'The image sets QW_DATA_DIR=/quickwit/qwdata and declares no VOLUME. With the default configuration the file-backed metastore and the index splits are both kept there; ' +
      'only when `QW_METASTORE_URI` and `QW_DEFAULT_INDEX_ROOT_URI` both point to PostgreSQL or S3 is the folder a cache, which vsafe cannot tell apart from one of them alone.',
    variants: [{ paths: [{ path: '/quickwit/qwdata', kind: 'database', description: 'Quickwit data directory (file-backed metastore, index splits)', declaredVolume: false, env: ['QW_DATA_DIR'], flags: ['--data-dir'] }] }],
  },
  {
    id: 'zincsearch',
    name: 'ZincSearch',
    images: ['zinclabs/zincsearch', 'zinclabs/zinc'],
    source: 'https://github.com/zincsearch/zincsearch/blob/main/Dockerfile',
    notes: 'The image is FROM scratch with no WORKDIR and no VOLUME: the default data path `data` (relative to the working directory) is /data, moved by `ZINC_DATA_PATH`. `public.ecr.aws/zinclabs/*` names the same images.',
    variants: [{ paths: [{ path: '/data', kind: 'database', description: 'ZincSearch data directory (indexes, metadata)', declaredVolume: false, env: ['ZINC_DATA_PATH'] }] }],
  },
  {
    id: 'kartoza-postgis',
    name: 'PostGIS (kartoza)',
    images: ['kartoza/postgis'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/kartoza/docker-postgis/blob/develop/scripts/env-data.sh',
    notes:
      'Not built on the official postgres image: env-data.sh keeps the cluster in `DATADIR`, by default /var/lib/postgresql/<major>/main, and the project\'s compose file mounts /var/lib/postgresql. ' +
      'A mount at /var/lib/postgresql/data (the official image\'s path) holds nothing. Whether the image declares a VOLUME was not checked; tags of majors before 13 are not modelled.',
    versionPattern: '^(\\d+)',
    variants: [
      ...[18, 17, 16, 15, 14, 13].map((major) => ({
        versions: { min: String(major), max: String(major) },
        paths: [
          {
            path: `/var/lib/postgresql/${major}/main`,
            kind: 'database' as const,
            description: 'PostGIS (PostgreSQL) data directory',
            declaredVolume: false,
            env: ['DATADIR'],
            misplacedTargets: ['/var/lib/postgresql/data'],
          },
        ],
      })),
      { paths: [] },
    ],
  },
  {
    id: 'nominatim',
    name: 'Nominatim (mediagis)',
    images: ['mediagis/nominatim'],
    source: 'https://github.com/mediagis/nominatim-docker/tree/master/5.1',
    notes:
      'The 5.x images (PostgreSQL 16) keep the imported database in /var/lib/postgresql/16/main and declare no VOLUME; start.sh marks a finished import with import-finished there, so without a volume every recreate reruns the whole import. ' +
      'Earlier releases used other PostgreSQL majors and are not modelled.',
    variants: [
      {
        versions: { min: '5.1' },
        paths: [{ path: '/var/lib/postgresql/16/main', kind: 'database', description: 'Nominatim PostgreSQL database (the imported OSM data)', declaredVolume: false, misplacedTargets: ['/var/lib/postgresql/data'] }],
      },
      { paths: [] },
    ],
  },
  {
    id: 'photon',
    name: 'Photon geocoder (rtuszik)',
    images: ['rtuszik/photon-docker'],
    source: 'https://github.com/rtuszik/photon-docker/blob/main/Dockerfile',
    notes: 'The image declares VOLUME /photon/photon_data: the search index it downloads on first start (tens of GB for the planet).',
    variants: [{ paths: [{ path: '/photon/photon_data', kind: 'database', description: 'Photon search index', declaredVolume: true }] }],
  },
  {
    id: 'druid',
    name: 'Apache Druid',
    images: ['apache/druid'],
    source: 'https://github.com/apache/druid/blob/master/distribution/docker/Dockerfile',
    notes:
      'The image declares VOLUME /opt/druid/var. With the bundled configuration deep storage is local (`druid.storage.storageDirectory=var/druid/segments`, i.e. /opt/druid/var/druid/segments), and so are task logs; the metadata store is a database service. ' +
      'The project\'s compose file moves deep storage and task logs to /opt/shared with `druid_storage_storageDirectory` and `druid_indexer_logs_directory` (druid.sh turns `druid_*` variables into properties) and mounts one volume there on the coordinator, historical and middle manager. Brokers and routers keep nothing.',
    variants: [
      {
        paths: [
          {
            path: '/opt/druid/var',
            kind: 'database',
            description: 'Druid var directory (local deep storage segments, task logs, segment cache)',
            declaredVolume: true,
            when: {
              notArgs: ['^(?:broker|router)$'],
              notEnv: ['druid_storage_storageDirectory'],
              notEnvValue: { druid_storage_type: '^(?!local$).+$' },
              description: 'not for brokers and routers, or when deep storage is moved or not local',
            },
          },
          {
            path: '/opt/shared/segments',
            kind: 'database',
            description: 'Druid deep storage (segments)',
            declaredVolume: false,
            env: ['druid_storage_storageDirectory'],
            onlyWhenSet: true,
            when: {
              notArgs: ['^(?:broker|router)$'],
              notEnvValue: { druid_storage_type: '^(?!local$).+$' },
              description: 'only with local deep storage, not for brokers and routers',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'memcached',
    name: 'Memcached',
    images: ['memcached', 'bitnami/memcached'],
    source: 'https://hub.docker.com/_/memcached',
    stateless: true,
    notes: 'Keeps nothing on disk: never reported.',
    variants: [{ paths: [] }],
  },
];
