import type { ImageEntry, StatePathSpec } from './types';

/**
 * apache/kafka's `run` script sources configureDefaults unless `KAFKA_ZOOKEEPER_CONNECT` is set, and that sets
 * KAFKA_LOG_DIRS=/tmp/kraft-combined-logs: a volume at /var/lib/kafka/data (Confluent's path, which the JVM image
 * declares as a VOLUME too) then stays empty, as NATS JetStream's /data without `-sd`.
 */
function apacheKafkaPaths(declaredVolume: boolean): StatePathSpec[] {
  return [
    { path: '/var/lib/kafka/data', kind: 'database', description: 'Kafka log directory', declaredVolume, env: ['KAFKA_LOG_DIRS'], onlyWhenSet: true },
    {
      path: '/tmp/kraft-combined-logs',
      kind: 'database',
      description: 'Kafka log directory (the temporary default without KAFKA_LOG_DIRS)',
      declaredVolume: false,
      scratch: true,
      misplacedTargets: ['/var/lib/kafka/data', '/var/lib/kafka'],
      // A volume in /tmp would be created for root: the broker (appuser) could not write to it.
      movedToVolumeBy: 'KAFKA_LOG_DIRS',
      // A server.properties mounted in /mnt/shared/config may set log.dirs itself.
      alternatives: ['/mnt/shared/config'],
      when: {
        notEnv: ['KAFKA_LOG_DIRS', 'KAFKA_ZOOKEEPER_CONNECT'],
        mounted: ['/var/lib/kafka'],
        description: 'only with a mount at /var/lib/kafka(/data) and neither `KAFKA_LOG_DIRS` nor `KAFKA_ZOOKEEPER_CONNECT`',
      },
    },
  ];
}

/** Message brokers, streaming platforms, object stores, coordination services. */
export const QUEUES: readonly ImageEntry[] = [
  {
    id: 'rabbitmq',
    name: 'RabbitMQ',
    images: ['rabbitmq', 'markoshust/magento-rabbitmq'],
    source: 'https://hub.docker.com/_/rabbitmq',
    notes:
      'RabbitMQ names its database after the node name (rabbit@<hostname>): without a fixed `hostname:` or `RABBITMQ_NODENAME`, a recreated container starts an empty database next to the old one. ' +
      'Everything durable (schema, message stores, quorum queues, streams) is under RABBITMQ_MNESIA_BASE, /var/lib/rabbitmq/mnesia: a mount there keeps it (the rest of /var/lib/rabbitmq is the regenerated Erlang cookie).',
    // RABBITMQ_MNESIA_DIR names the database folder itself, so the node name no longer picks it.
    nodeNamedByHostname: { env: ['RABBITMQ_NODENAME', 'RABBITMQ_MNESIA_DIR'] },
    variants: [{ paths: [{ path: '/var/lib/rabbitmq', dataPath: '/var/lib/rabbitmq/mnesia', kind: 'database', description: 'RabbitMQ data directory (Mnesia, message store)', declaredVolume: true }] }],
  },
  {
    id: 'apache-kafka',
    name: 'Apache Kafka (apache/kafka)',
    images: ['apache/kafka'],
    source: 'https://github.com/apache/kafka/blob/trunk/docker/jvm/Dockerfile',
    notes:
      'The image declares VOLUME /var/lib/kafka/data, but without `KAFKA_LOG_DIRS` (and without `KAFKA_ZOOKEEPER_CONNECT`) its scripts log to /tmp/kraft-combined-logs (docker/resources/common-scripts/configureDefaults): ' +
      'that scratch folder is reported only when a volume sits at /var/lib/kafka/data, which then stays empty (misplaced; setting `KAFKA_LOG_DIRS=/var/lib/kafka/data` is the other fix). A KAFKA_LOG_DIRS that names an absolute path is checked. A configuration mounted at /mnt/shared/config is not read.',
    variants: [{ paths: apacheKafkaPaths(true) }],
  },
  {
    id: 'apache-kafka-native',
    name: 'Apache Kafka (apache/kafka-native)',
    images: ['apache/kafka-native'],
    source: 'https://github.com/apache/kafka/blob/trunk/docker/native/Dockerfile',
    notes:
      'The GraalVM native image uses the same scripts as apache/kafka (logs in /tmp/kraft-combined-logs without `KAFKA_LOG_DIRS`) but declares only VOLUME /etc/kafka/secrets and /mnt/shared/config: ' +
      'a KAFKA_LOG_DIRS path without a mount is in the container layer.',
    variants: [{ paths: apacheKafkaPaths(false) }],
  },
  {
    id: 'confluent-kafka',
    name: 'Confluent Kafka',
    images: ['confluentinc/cp-kafka', 'confluentinc/cp-server'],
    source: 'https://docs.confluent.io/platform/current/installation/docker/operations/external-volumes.html',
    variants: [{ paths: [{ path: '/var/lib/kafka/data', kind: 'database', description: 'Kafka log directory', declaredVolume: true, env: ['KAFKA_LOG_DIRS'] }] }],
  },
  {
    id: 'confluent-zookeeper',
    name: 'Confluent ZooKeeper',
    images: ['confluentinc/cp-zookeeper'],
    source: 'https://docs.confluent.io/platform/current/installation/docker/operations/external-volumes.html',
    variants: [
      {
        paths: [
          { path: '/var/lib/zookeeper/data', kind: 'database', description: 'ZooKeeper data directory', declaredVolume: true },
          { path: '/var/lib/zookeeper/log', kind: 'database', description: 'ZooKeeper transaction log directory', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'pulsar',
    name: 'Apache Pulsar (standalone)',
    images: ['apachepulsar/pulsar'],
    source: 'https://pulsar.apache.org/docs/next/getting-started-docker/',
    notes:
      'Current images declare no VOLUME (apache/pulsar docker/pulsar/Dockerfile); its comment says both BookKeeper and ZooKeeper write /pulsar/data. `bin/pulsar standalone` keeps its metadata store and BookKeeper ledgers (all topics and messages) there, ' +
      'and the getting-started page mounts /pulsar/data and /pulsar/conf. Older 2.x Dockerfiles (openjdk:8 based) declared VOLUME /pulsar/conf and /pulsar/data; in which release that went away is not known, so it is not modelled. ' +
      'Bookie and ZooKeeper containers of a cluster are not covered.',
    variants: [
      {
        paths: [
          {
            path: '/pulsar/data',
            kind: 'database',
            description: 'Pulsar standalone data (metadata store, BookKeeper ledgers)',
            declaredVolume: false,
            when: { args: ['standalone'], description: 'only for `bin/pulsar standalone`' },
          },
        ],
      },
    ],
  },
  {
    id: 'nats',
    name: 'NATS',
    images: ['nats'],
    source: 'https://docs.nats.io/running-a-nats-service/nats_docker/jetstream_docker',
    notes:
      'Only JetStream (`-js`, `--jetstream`, or a configuration) keeps data. With `-sd` / `--store_dir` it is in that folder (nats-server parses its flags with Go\'s flag package, so `--js`, `--sd` and `-jetstream` are the same flags). JetStream switched on in the command without `-sd` and without a configuration file ' +
      '(a `command:` replaces the image\'s `--config nats-server.conf`, which sets no store) writes to a temporary folder, /tmp/nats/jetstream, lost with the container: a volume at /data is then empty (misplaced).',
    variants: [
      {
        paths: [
          { path: '/data', kind: 'database', description: 'NATS JetStream store directory', declaredVolume: false, flags: ['-sd', '--sd', '--store_dir', '-store_dir'], onlyWhenSet: true },
          {
            path: '/tmp/nats/jetstream',
            kind: 'database',
            description: 'NATS JetStream store directory (the temporary default without -sd)',
            declaredVolume: false,
            scratch: true,
            misplacedTargets: ['/data', '/data/jetstream'],
            when: { anyArgs: ['-js', '--js', '--jetstream', '-jetstream'], notArgs: ['^--?sd', '^--?store_dir', '^--?c$', '^--?config'], description: 'only with `-js` and neither `-sd` nor a configuration file' },
          },
        ],
      },
    ],
  },
  {
    id: 'redpanda',
    name: 'Redpanda',
    images: ['redpandadata/redpanda', 'vectorized/redpanda'],
    source: 'https://docs.redpanda.com/current/get-started/quick-start/',
    variants: [{ paths: [{ path: '/var/lib/redpanda/data', kind: 'database', description: 'Redpanda data directory', declaredVolume: false }] }],
  },
  {
    id: 'emqx',
    name: 'EMQX',
    images: ['emqx/emqx', 'emqx', 'emqx/emqx-enterprise'],
    source: 'https://docs.emqx.com/en/emqx/latest/deploy/install-docker.html',
    notes:
      'The image declares VOLUME /opt/emqx/data. Its database is in data/mnesia/<node name>, and unless EMQX_NODE_NAME (EMQX_NODE__NAME) or EMQX_HOST is set the entrypoint names the node emqx@<container IP> (deploy/docker/docker-entrypoint.sh: `EMQX_HOST="$LOCAL_IP"`), which a recreated container may not get again: the docs ask for a stable node name.',
    nodeNamedByHostname: { env: ['EMQX_NODE_NAME', 'EMQX_NODE__NAME', 'EMQX_HOST'], address: { env: 'EMQX_NODE_NAME', value: 'emqx@127.0.0.1', pattern: 'emqx@<container IP>' } },
    variants: [{ paths: [{ path: '/opt/emqx/data', kind: 'database', description: 'EMQX data directory (retained messages, cluster config)', declaredVolume: true }] }],
  },
  {
    id: 'mosquitto',
    name: 'Eclipse Mosquitto',
    images: ['eclipse-mosquitto'],
    source: 'https://hub.docker.com/_/eclipse-mosquitto',
    cacheUnlessPersistent: true,
    cacheRisk: 'retained messages and persistent sessions (with their queued QoS 1 and 2 messages) would be lost',
    persistence: { flags: [], configPaths: ['/mosquitto/config'] },
    notes:
      'The image declares VOLUME /mosquitto/data and /mosquitto/log. Mosquitto writes /mosquitto/data only when a mosquitto.conf mounted at /mosquitto/config switches persistence on (`persistence true` with `persistence_location /mosquitto/data/`; from 2.1 the persist-sqlite plugin), ' +
      'and the examples of the 2.1 README put password, ACL and dynamic-security files there too. Without a mounted configuration it is treated as a cache (hint); with one vsafe cannot read whether persistence is on and treats the path as state. ' +
      'Logs go to /mosquitto/log only with `log_dest file`; that path is not listed.',
    variants: [
      {
        // A bind mount of ./mosquitto/data is the documented, common setup: not database-on-bind-mount advice.
        paths: [{ path: '/mosquitto/data', kind: 'database', description: 'Mosquitto persistence directory (mosquitto.db: retained messages, persistent sessions)', declaredVolume: true, applicationData: true }],
      },
    ],
  },
  {
    id: 'minio',
    name: 'MinIO',
    images: ['minio/minio'],
    source: 'https://min.io/docs/minio/container/index.html',
    notes: 'The drive is the argument of `server` (`server /data --console-address :9001`) or MINIO_VOLUMES; pools written with `{1...n}` expansion are not checked.',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'uploads',
            description: 'MinIO object storage drive',
            declaredVolume: true,
            env: ['MINIO_VOLUMES'],
            positional: {
              after: 'server',
              valueFlags: ['--address', '--console-address', '--certs-dir', '-S', '--config-dir', '-C', '--ftp', '--sftp', '--interface', '--idle-timeout', '--read-header-timeout', '--dns-cache-ttl', '--memlimit'],
            },
            onlyWhenSet: true,
          },
        ],
      },
    ],
  },
  {
    id: 'seaweedfs',
    name: 'SeaweedFS',
    images: ['chrislusf/seaweedfs'],
    source: 'https://github.com/seaweedfs/seaweedfs/blob/master/docker/Dockerfile.go_build',
    notes:
      'The image declares VOLUME /data and works there. Its entrypoint (docker/entrypoint.sh) starts `master` with -mdir=/data and `volume` and `server` with -dir=/data, and the bundled /etc/seaweedfs/filer.toml keeps the filer\'s leveldb2 store in /data/filerldb2. ' +
      'A `-dir` or `-mdir` given after the role moves the data. Only the `master`, `volume`, `server` and `filer` roles keep data there: `s3`, `shell`, `mount`, `webdav`, `cronjob` (which writes /crontab and runs `weed shell`), `filer.sync` and the other tools keep nothing.',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'uploads',
            description: 'SeaweedFS data (volume files, master metadata, filer store)',
            declaredVolume: true,
            flags: ['-dir', '-mdir'],
            when: { notArgs: ['^(?:s3|shell|mount|webdav|cronjob|iam|admin|worker|sftp|backup|benchmark|filer\\..+|mq\\..+)$'], description: 'only for the `master`, `volume`, `server` and `filer` roles' },
          },
        ],
      },
    ],
  },
  {
    id: 'registry',
    name: 'Docker Registry (distribution)',
    images: ['registry', 'distribution/distribution'],
    source: 'https://distribution.github.io/distribution/about/deploying/',
    variants: [
      {
        paths: [
          {
            path: '/var/lib/registry',
            kind: 'uploads',
            description: 'Registry image storage',
            declaredVolume: true,
            env: ['REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY'],
            when: { notEnv: ['REGISTRY_STORAGE_S3_BUCKET', 'REGISTRY_STORAGE_AZURE_CONTAINER', 'REGISTRY_STORAGE_GCS_BUCKET', 'REGISTRY_STORAGE_INMEMORY'] },
          },
        ],
      },
    ],
  },
  {
    id: 'traefik',
    name: 'Traefik',
    images: ['traefik'],
    source: 'https://doc.traefik.io/traefik/https/acme/#storage',
    notes: "Only an ACME storage file named on the command line or in the environment is checked (a static configuration file is not read); a mount of its folder or of the file itself keeps it.",
    variants: [
      {
        paths: [
          {
            path: '/letsencrypt',
            kind: 'config-state',
            description: "Let's Encrypt certificates and ACME account (acme.json)",
            declaredVolume: false,
            flagPatterns: ['^--certificatesresolvers\\.[^.]+\\.acme\\.storage$'],
            envPatterns: ['^TRAEFIK_CERTIFICATESRESOLVERS_.+_ACME_STORAGE$'],
            fileValue: true,
            onlyWhenSet: true,
          },
        ],
      },
    ],
  },
  {
    id: 'vault',
    name: 'HashiCorp Vault',
    images: ['hashicorp/vault', 'vault'],
    source: 'https://github.com/hashicorp/vault/blob/main/Dockerfile',
    notes:
      'Dev mode (the default `server -dev`) keeps everything in memory. In server mode the storage backend is whatever the configuration names ' +
      '(VAULT_LOCAL_CONFIG or files in /vault/config; the image ships none, and without one `vault server` refuses to start). vsafe reads no configuration file, ' +
      'except a file or raft storage `path` in `VAULT_LOCAL_CONFIG` (JSON or HCL, which the entrypoint writes out as the configuration): otherwise /vault/file, which the image declares as a VOLUME for the file backend, is checked only when something is mounted there.',
    variants: [
      {
        paths: [
          {
            path: '/vault/file',
            kind: 'database',
            description: 'Vault storage backend (file or raft)',
            declaredVolume: true,
            embeddedIn: {
              env: 'VAULT_LOCAL_CONFIG',
              patterns: ['"(?:file|raft)"\\s*:\\s*\\{[^{}]*"path"\\s*:\\s*"([^"]+)"', 'storage\\s+"(?:file|raft)"\\s*\\{[^{}]*\\bpath\\s*=\\s*"([^"]+)"'],
            },
            when: {
              args: ['server'],
              notArgs: ['^--?dev'],
              mounted: ['/vault/file'],
              description: 'only in server mode (`server` without `-dev`), with a mount at /vault/file or a file or raft storage in `VAULT_LOCAL_CONFIG`',
            },
          },
        ],
      },
    ],
  },
  {
    id: 'consul',
    name: 'HashiCorp Consul',
    images: ['hashicorp/consul', 'consul'],
    source: 'https://hub.docker.com/r/hashicorp/consul',
    notes: 'Dev mode (the default `agent -dev`) keeps everything in memory.',
    variants: [
      {
        paths: [{ path: '/consul/data', kind: 'database', description: 'Consul data directory', declaredVolume: true, flags: ['-data-dir', '--data-dir'], when: { args: ['agent'], notArgs: ['^--?dev$'], description: 'only in agent mode without `-dev`' } }],
      },
    ],
  },
  {
    id: 'debezium-kafka',
    name: 'Kafka (Debezium)',
    images: ['debezium/kafka'],
    source: 'https://github.com/debezium/container-images/blob/main/kafka/3.8/Dockerfile',
    notes: 'The image declares VOLUME /kafka/data: the topics, among them Kafka Connect\'s stored offsets and configurations.',
    variants: [{ paths: [{ path: '/kafka/data', kind: 'database', description: 'Kafka log directory (topics, Connect offsets)', declaredVolume: true }] }],
  },
  {
    id: 'debezium-zookeeper',
    name: 'ZooKeeper (Debezium)',
    images: ['debezium/zookeeper'],
    source: 'https://github.com/debezium/container-images/blob/main/zookeeper/3.4/Dockerfile',
    notes: 'The image declares VOLUME /zookeeper/data and /zookeeper/txns.',
    variants: [
      {
        paths: [
          { path: '/zookeeper/data', kind: 'database', description: 'ZooKeeper snapshots', declaredVolume: true },
          { path: '/zookeeper/txns', kind: 'database', description: 'ZooKeeper transaction log', declaredVolume: true },
        ],
      },
    ],
  },
  {
    id: 'activemq-artemis',
    name: 'Apache ActiveMQ Artemis',
    images: ['apache/activemq-artemis'],
    source: 'https://github.com/apache/activemq-artemis/blob/main/artemis-docker/Dockerfile-ubuntu-21',
    notes: 'The image creates its broker instance in /var/lib/artemis-instance and declares VOLUME there; the journal, bindings, paging and large messages are in its data/ folder.',
    variants: [{ paths: [{ path: '/var/lib/artemis-instance', kind: 'database', description: 'Artemis broker instance (journal, bindings, paging, large messages)', declaredVolume: true }] }],
  },
  {
    id: 'activemq-classic',
    name: 'Apache ActiveMQ Classic',
    images: ['apache/activemq-classic'],
    source: 'https://github.com/apache/activemq/blob/main/assembly/src/docker/Dockerfile',
    notes: 'The image (ACTIVEMQ_HOME=/opt/apache-activemq) declares no VOLUME; the broker keeps its KahaDB message store in data/ under the installation unless `ACTIVEMQ_DATA` moves it.',
    variants: [{ paths: [{ path: '/opt/apache-activemq/data', kind: 'database', description: 'ActiveMQ data directory (KahaDB message store)', declaredVolume: false, env: ['ACTIVEMQ_DATA'] }] }],
  },
  {
    id: 'azurite',
    name: 'Azurite (Azure Storage emulator)',
    images: ['azure-storage/azurite'],
    source: 'https://github.com/Azure/Azurite/blob/main/Dockerfile',
    notes:
      'The image declares VOLUME /data and its command runs `azurite -l /data`: the blob, queue and table data and their metadata databases live in the workspace `-l` / `--location` names. ' +
      'A command of its own without `-l` uses the working directory /opt/azurite, beside the program: /data is not checked then (a volume there stays empty, and none belongs in /opt/azurite: add `-l /data` to the command). `--inMemoryPersistence` keeps nothing on disk.',
    variants: [
      {
        paths: [
          {
            path: '/data',
            kind: 'database',
            description: 'Azurite workspace (blobs, queue messages, table entities, metadata)',
            declaredVolume: true,
            flags: ['-l', '--location'],
            when: { notArgs: ['^--inMemoryPersistence$'], defaultCommandOr: ['-l', '--location'], description: 'with the image\'s command or a `-l` / `--location`; not with `--inMemoryPersistence`' },
          },
        ],
      },
    ],
  },
];
