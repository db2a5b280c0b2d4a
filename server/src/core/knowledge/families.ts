import type { ImageEntry, StatePathSpec } from './types';

const BITNAMI_SOURCE = (app: string): string => `https://github.com/bitnami/containers/tree/main/bitnami/${app}#persisting-your-database`;
/** What every linuxserver.io application keeps in /config (its specific entries list it too). */
const LINUXSERVER_CONFIG: StatePathSpec = { path: '/config', kind: 'config-state', description: 'linuxserver.io application configuration and database', declaredVolume: true };

/** PostgreSQL's client tools: a service running one keeps no state. */
const POSTGRES_CLIENTS = ['psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'pg_basebackup', 'pgbench', 'createdb', 'dropdb', 'vacuumdb'];

const BITNAMI_APP_SOURCE = (app: string): string => `https://github.com/bitnami/containers/tree/main/bitnami/${app}#persisting-your-application`;

/**
 * Image families with a common layout: Bitnami (`/bitnami/<app>`, non-root, most
 * images without a `VOLUME`) and linuxserver.io (`/config`).
 */
export const FAMILIES: readonly ImageEntry[] = [
  {
    id: 'bitnami-postgresql',
    name: 'PostgreSQL (Bitnami)',
    images: ['bitnami/postgresql'],
    clientCommands: POSTGRES_CLIENTS,
    source: BITNAMI_SOURCE('postgresql'),
    variants: [
      {
        paths: [
          {
            path: '/bitnami/postgresql',
            kind: 'database',
            description: 'PostgreSQL data directory',
            declaredVolume: true,
            env: ['POSTGRESQL_VOLUME_DIR'],
            misplacedTargets: ['/var/lib/postgresql/data', '/var/lib/postgresql'],
          },
        ],
      },
    ],
  },
  {
    id: 'bitnami-postgresql-repmgr',
    name: 'PostgreSQL with repmgr (Bitnami)',
    images: ['bitnami/postgresql-repmgr'],
    clientCommands: POSTGRES_CLIENTS,
    source: 'https://github.com/bitnami/containers/blob/main/bitnami/postgresql-repmgr/17/debian-12/Dockerfile',
    notes: 'Unlike bitnami/postgresql, the image declares no VOLUME: without a mount /bitnami/postgresql is in the container layer.',
    variants: [{ paths: [{ path: '/bitnami/postgresql', kind: 'database', description: 'PostgreSQL data directory', declaredVolume: false, env: ['POSTGRESQL_VOLUME_DIR'], misplacedTargets: ['/var/lib/postgresql/data', '/var/lib/postgresql'] }] }],
  },
  {
    id: 'bitnami-mysql',
    name: 'MySQL (Bitnami)',
    images: ['bitnami/mysql'],
    clientCommands: ['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlcheck', 'mysqlpump', 'mysqlsh', 'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-import', 'mariadb-check'],
    source: BITNAMI_SOURCE('mysql'),
    variants: [{ paths: [{ path: '/bitnami/mysql', kind: 'database', description: 'MySQL data directory', declaredVolume: false, misplacedTargets: ['/var/lib/mysql'] }] }],
  },
  {
    id: 'bitnami-mariadb',
    name: 'MariaDB (Bitnami)',
    images: ['bitnami/mariadb', 'bitnami/mariadb-galera'],
    clientCommands: ['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlcheck', 'mysqlpump', 'mysqlsh', 'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-import', 'mariadb-check'],
    source: BITNAMI_SOURCE('mariadb'),
    variants: [{ paths: [{ path: '/bitnami/mariadb', kind: 'database', description: 'MariaDB data directory', declaredVolume: false, misplacedTargets: ['/var/lib/mysql'] }] }],
  },
  {
    id: 'bitnami-mongodb',
    name: 'MongoDB (Bitnami)',
    images: ['bitnami/mongodb'],
    clientCommands: ['mongosh', 'mongo', 'mongodump', 'mongorestore', 'mongoimport', 'mongoexport'],
    source: BITNAMI_SOURCE('mongodb'),
    variants: [{ paths: [{ path: '/bitnami/mongodb', kind: 'database', description: 'MongoDB data directory', declaredVolume: false, misplacedTargets: ['/data/db'] }] }],
  },
  {
    id: 'bitnami-redis',
    name: 'Redis (Bitnami)',
    images: ['bitnami/redis'],
    clientCommands: ['redis-cli', 'redis-benchmark'],
    source: BITNAMI_SOURCE('redis'),
    notes: 'Bitnami enables AOF by default (REDIS_AOF_ENABLED=yes), so the data is persistent, not a cache.',
    variants: [{ paths: [{ path: '/bitnami/redis/data', kind: 'database', description: 'Redis persistence directory (AOF and RDB)', declaredVolume: false, misplacedTargets: ['/data'] }] }],
  },
  {
    id: 'bitnami-valkey',
    name: 'Valkey (Bitnami)',
    images: ['bitnami/valkey'],
    source: BITNAMI_SOURCE('valkey'),
    notes: 'Bitnami enables AOF by default, so the data is persistent, not a cache.',
    variants: [{ paths: [{ path: '/bitnami/valkey/data', kind: 'database', description: 'Valkey persistence directory (AOF and RDB)', declaredVolume: false, misplacedTargets: ['/data'] }] }],
  },
  {
    id: 'bitnami-rabbitmq',
    name: 'RabbitMQ (Bitnami)',
    images: ['bitnami/rabbitmq'],
    source: BITNAMI_SOURCE('rabbitmq'),
    variants: [{ paths: [{ path: '/bitnami/rabbitmq/mnesia', kind: 'database', description: 'RabbitMQ Mnesia directory', declaredVolume: false, misplacedTargets: ['/var/lib/rabbitmq'] }] }],
  },
  {
    id: 'bitnami-kafka',
    name: 'Kafka (Bitnami)',
    images: ['bitnami/kafka'],
    source: BITNAMI_SOURCE('kafka'),
    notes: 'kafka-env.sh keeps the topics in KAFKA_DATA_DIR=/bitnami/kafka/data; the rest of /bitnami/kafka is the configuration the user mounts (config/): a mount at /bitnami/kafka/data keeps the data.',
    variants: [{ paths: [{ path: '/bitnami/kafka', dataPath: '/bitnami/kafka/data', kind: 'database', description: 'Kafka data directory', declaredVolume: false, misplacedTargets: ['/var/lib/kafka/data'] }] }],
  },
  {
    id: 'bitnami-elasticsearch',
    name: 'Elasticsearch (Bitnami)',
    images: ['bitnami/elasticsearch'],
    source: BITNAMI_SOURCE('elasticsearch'),
    variants: [{ paths: [{ path: '/bitnami/elasticsearch/data', kind: 'database', description: 'Elasticsearch data directory', declaredVolume: false, misplacedTargets: ['/usr/share/elasticsearch/data'] }] }],
  },
  {
    id: 'bitnami-clickhouse',
    name: 'ClickHouse (Bitnami)',
    images: ['bitnami/clickhouse'],
    source: BITNAMI_APP_SOURCE('clickhouse'),
    variants: [{ paths: [{ path: '/bitnami/clickhouse', kind: 'database', description: 'ClickHouse data directory', declaredVolume: false, misplacedTargets: ['/var/lib/clickhouse'] }] }],
  },
  {
    id: 'bitnami-cassandra',
    name: 'Cassandra (Bitnami)',
    images: ['bitnami/cassandra'],
    source: BITNAMI_SOURCE('cassandra'),
    variants: [{ paths: [{ path: '/bitnami/cassandra', kind: 'database', description: 'Cassandra data directory', declaredVolume: false, misplacedTargets: ['/var/lib/cassandra'] }] }],
  },
  {
    id: 'bitnami-zookeeper',
    name: 'ZooKeeper (Bitnami)',
    images: ['bitnami/zookeeper'],
    source: BITNAMI_SOURCE('zookeeper'),
    variants: [{ paths: [{ path: '/bitnami/zookeeper', kind: 'database', description: 'ZooKeeper data directory', declaredVolume: false }] }],
  },
  {
    id: 'bitnami-etcd',
    name: 'etcd (Bitnami)',
    images: ['bitnami/etcd'],
    source: BITNAMI_SOURCE('etcd'),
    variants: [{ paths: [{ path: '/bitnami/etcd', kind: 'database', description: 'etcd data directory', declaredVolume: false }] }],
  },
  {
    id: 'bitnami-minio',
    name: 'MinIO (Bitnami)',
    images: ['bitnami/minio'],
    source: BITNAMI_SOURCE('minio'),
    variants: [{ paths: [{ path: '/bitnami/minio/data', kind: 'uploads', description: 'MinIO object storage', declaredVolume: false, env: ['MINIO_DATA_DIR'], misplacedTargets: ['/data'] }] }],
  },
  {
    id: 'bitnami-wordpress',
    name: 'WordPress (Bitnami)',
    images: ['bitnami/wordpress', 'bitnami/wordpress-nginx'],
    source: BITNAMI_APP_SOURCE('wordpress'),
    variants: [{ paths: [{ path: '/bitnami/wordpress', kind: 'uploads', description: 'WordPress persisted files (wp-config.php, wp-content)', declaredVolume: false, misplacedTargets: ['/var/www/html'] }] }],
  },
  {
    id: 'bitnami-moodle',
    name: 'Moodle (Bitnami)',
    images: ['bitnami/moodle'],
    source: BITNAMI_APP_SOURCE('moodle'),
    notes: 'moodle-env.sh persists the Moodle installation in /bitnami/moodle and keeps every uploaded file in `MOODLE_DATA_DIR` (/bitnami/moodledata).',
    variants: [
      {
        paths: [
          { path: '/bitnami/moodle', kind: 'uploads', description: 'Moodle persisted installation (config.php, plugins)', declaredVolume: false },
          { path: '/bitnami/moodledata', kind: 'uploads', description: 'Moodle data directory (uploaded course files)', declaredVolume: false, env: ['MOODLE_DATA_DIR'] },
        ],
      },
    ],
  },
  {
    id: 'linuxserver-stateless',
    name: 'linuxserver.io tool images',
    images: ['linuxserver/ffmpeg', 'linuxserver/docker-compose'],
    source: 'https://docs.linuxserver.io/images/docker-ffmpeg/',
    stateless: true,
    notes: 'Command-line tools without /config: never reported.',
    variants: [{ paths: [] }],
  },
  {
    id: 'linuxserver-nextcloud',
    name: 'Nextcloud (linuxserver.io)',
    images: ['linuxserver/nextcloud'],
    source: 'https://docs.linuxserver.io/images/docker-nextcloud/',
    notes: 'Besides /config (the web root, configuration and apps), the user files live in /data; the image declares VOLUME /config /data.',
    variants: [
      {
        paths: [
          LINUXSERVER_CONFIG,
          { path: '/data', kind: 'uploads', description: 'Nextcloud user files', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'linuxserver',
    name: 'linuxserver.io images',
    images: ['linuxserver/*'],
    source: 'https://docs.linuxserver.io/general/running-our-containers/',
    notes: 'Every linuxserver.io application keeps its configuration and databases in /config (`lscr.io/linuxserver/*`, `ghcr.io/linuxserver/*`, `linuxserver/*`).',
    variants: [{ paths: [LINUXSERVER_CONFIG] }],
  },
  {
    id: 'hotio',
    name: 'hotio images',
    images: ['hotio/*'],
    source: 'https://hotio.dev/containers/sonarr/',
    notes: 'The hotio base images set `CONFIG_DIR=/config` and declare VOLUME ["${CONFIG_DIR}"]; every application (Sonarr, Radarr, qBittorrent, SABnzbd, …) keeps its configuration and database there (`ghcr.io/hotio/*`, `hotio/*`).',
    variants: [{ paths: [{ path: '/config', kind: 'config-state', description: 'hotio application configuration and database', declaredVolume: true }] }],
  },
];
