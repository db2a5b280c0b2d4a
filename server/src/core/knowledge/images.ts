import type { ImageEntry } from './types';

/**
 * The knowledge base: where images keep their state. Data only — every entry
 * names the documentation that says so.
 */
export const IMAGES: readonly ImageEntry[] = [
  {
    id: 'postgres',
    name: 'PostgreSQL',
    images: ['postgres', 'postgis/postgis', 'timescale/timescaledb', 'timescale/timescaledb-ha', 'pgvector/pgvector'],
    source: 'https://hub.docker.com/_/postgres',
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
            misplacedTargets: ['/var/lib/postgresql/data'],
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
            misplacedTargets: ['/var/lib/postgresql/data/pgdata'],
          },
        ],
      },
    ],
  },
  {
    id: 'mysql',
    name: 'MySQL',
    images: ['mysql', 'mysql/mysql-server', 'percona', 'percona/percona-server'],
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
    id: 'mariadb',
    name: 'MariaDB',
    images: ['mariadb'],
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
    id: 'mongo',
    name: 'MongoDB',
    images: ['mongo', 'mongodb/mongodb-community-server', 'mongodb/mongodb-enterprise-server'],
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
    images: ['redis', 'redis/redis-stack-server', 'redis/redis-stack'],
    source: 'https://hub.docker.com/_/redis',
    cacheUnlessPersistent: true,
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Redis persistence directory (RDB snapshots and AOF)',
            declaredVolume: true,
            flags: ['--dir'],
            misplacedTargets: ['/var/lib/redis'],
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
    variants: [{ paths: [] }],
  },
];
