/** What kind of data a state path holds; decides severity and wording. */
export type StateKind = 'database' | 'uploads' | 'config-state' | 'logs' | 'cache';

export const STATE_KINDS: readonly StateKind[] = ['database', 'uploads', 'config-state', 'logs', 'cache'];

/**
 * A path given as a positional argument of a subcommand: `minio server /data`,
 * `surreal start rocksdb:/data/db`.
 */
export interface PositionalSpec {
  /** The subcommand after which the positional arguments name the path (`server`). */
  after: string;
  /** Flags that take their value as the next argument (`--console-address :9001`); other flags stand alone. */
  valueFlags?: string[];
  /**
   * When given, only arguments starting with one of these prefixes count, and the
   * prefix is removed (`rocksdb://`, `file:`).
   */
  prefixes?: string[];
}

/** When a state path exists at all, judged from the workload's command and environment. */
export interface StateCondition {
  /** Every one of these arguments must appear in the command (`server` for vault). */
  args?: string[];
  /**
   * The path exists with the image's own command, or with a command that has one of these
   * arguments (Azurite's `-l`): another command keeps the data elsewhere (its working directory).
   */
  defaultCommandOr?: string[];
  /** At least one of these arguments must appear (`-js` or `--jetstream` for NATS). */
  anyArgs?: string[];
  /** The path does not exist when one of these flags is given an empty value (`--dbfilename ""` or `--dbfilename=`). */
  emptyFlags?: string[];
  /** Regular expressions: the path does not exist when an argument matches one (`^-dev$`). */
  notArgs?: string[];
  /** The path does not exist when one of these environment variables is set (`KC_DB`: an external database). */
  notEnv?: string[];
  /**
   * The path does not exist when a variable's value matches its pattern (Outline's
   * `FILE_STORAGE: '^s3$'`). An unset variable, or one vsafe cannot resolve, does not match.
   */
  notEnvValue?: Record<string, string>;
  /**
   * The path exists only when every variable's value matches its pattern (Jitsi's Prosody
   * keeps accounts only with `ENABLE_AUTH=1`). An unset variable, or one vsafe cannot
   * resolve, does not match: the path is not reported.
   */
  envValue?: Record<string, string>;
  /** The path exists only when something is mounted at or under one of these paths (a split installation). */
  mounted?: string[];
  /**
   * Folders of configuration files that may move the path (Orthanc's JSON files in
   * /etc/orthanc), which vsafe does not read: a mount at or under one, or a service that
   * builds its own image from this one (its Dockerfile may copy them in), and the path is
   * not reported.
   */
  configuredIn?: string[];
  /** How listings describe the condition, when the patterns are not readable. */
  description?: string;
}

export interface StatePathSpec {
  /** Where the volume belongs (the path to mount). */
  path: string;
  /** Where the data files really are, when deeper than the mount point (postgres ≥ 18). */
  dataPath?: string;
  /**
   * The image really keeps this state under a path that is otherwise scratch space (NATS
   * JetStream without `-sd` writes to /tmp/nats/jetstream): reported all the same.
   */
  scratch?: boolean;
  kind: StateKind;
  /** Human description: "PostgreSQL data directory". */
  description: string;
  /** The image's Dockerfile declares `VOLUME` for this path or a parent of it (an anonymous volume appears). */
  declaredVolume: boolean;
  /**
   * The `VOLUME` path when it is a parent of `path` (Nextcloud's /var/www/html for
   * /var/www/html/data). Only a mount at exactly that path replaces the image's anonymous volume.
   */
  volume?: string;
  /** Environment variables whose value moves the path (`PGDATA`). */
  env?: string[];
  /**
   * For a path the data should not stay in (apache/kafka's /tmp/kraft-combined-logs): the
   * variable that points the data at a misplaced volume instead (`KAFKA_LOG_DIRS`). The fix
   * sets it to the volume's target rather than moving the volume into a scratch folder.
   */
  movedToVolumeBy?: string;
  /** Command flags whose argument moves the path (`--datadir`, `--dbpath`, `--dir`). */
  flags?: string[];
  /**
   * Regular expressions (case-insensitive) for env var names whose value moves the path,
   * when the name has a user-chosen part (`TRAEFIK_CERTIFICATESRESOLVERS_<NAME>_ACME_STORAGE`).
   */
  envPatterns?: string[];
  /** Regular expressions (case-insensitive) for flag names, as `envPatterns` (`--certificatesresolvers.<name>.acme.storage`). */
  flagPatterns?: string[];
  /** The env var or flag names a file: its folder is the state path, and a mount of the file itself also counts. */
  fileValue?: boolean;
  /**
   * An environment variable whose value is a whole configuration (Vault's JSON or HCL in
   * `VAULT_LOCAL_CONFIG`), with regular expressions whose first group is the path in it: a
   * match puts the path there, and the path exists whatever `when.mounted` asks.
   */
  embeddedIn?: { env: string; patterns: string[] };
  /** Positional command arguments that name the path (`minio server /data`). */
  positional?: PositionalSpec;
  /**
   * The image keeps nothing at `path` by default: the path exists only when an env var,
   * flag or positional argument names it (etcd `--data-dir`, nats `--store_dir`).
   */
  onlyWhenSet?: boolean;
  /** The path exists only when this holds (vault `server` without `-dev`). */
  when?: StateCondition;
  /**
   * Other places the image can keep the same data (another storage backend): a mount
   * at or under one of them means the user chose it, and `path` is not reported.
   */
  alternatives?: string[];
  /**
   * Application data that holds an embedded database among other files (gitea's
   * repositories and SQLite file, vaultwarden's vault and attachments): the vendor
   * documents a bind mount, so `database-on-bind-mount` does not apply.
   */
  applicationData?: boolean;
  /**
   * Mount targets users commonly (and wrongly) choose for this image that do not
   * hold its state, e.g. `/var/lib/postgresql/data` for postgres ≥ 18.
   */
  misplacedTargets?: string[];
}

/** A range of major(.minor) versions, inclusive bounds, compared numerically. */
export interface VersionRange {
  min?: string;
  max?: string;
}

/** How to keep the data an older layout left on a volume when a floating tag moved past it. */
export interface ImageVariantPin {
  /** The version to pin the tag to (`17` for postgres, `1.8` for influxdb). */
  tag: string;
  /** What the pin keeps, after "keeps": `a database made before PostgreSQL 18`. */
  keeps: string;
  /**
   * A regular expression for variable names only the newer release reads
   * (`^DOCKER_INFLUXDB_INIT_`): a service setting one was written for it, and gets no pin.
   */
  newerEnv?: string;
}

export interface ImageVariant {
  versions?: VersionRange;
  /** A regular expression the tag must match (`rootless` for gitea's rootless images). */
  tags?: string;
  paths: StatePathSpec[];
  /**
   * An older layout: a pulled image whose tag follows the latest release (`postgres`,
   * `influxdb:latest`) with a volume at one of these paths is offered this pin, since the
   * volume most likely holds what this layout wrote there.
   */
  pin?: ImageVariantPin;
}

/** What switches persistence on for a cache-like image (redis `--appendonly yes`). */
export interface PersistenceSwitch {
  /** A flag that switches persistence on; with `values`, only those values do; `boolean` flags take no value. */
  flags: { flag: string; values?: string[]; boolean?: boolean }[];
  /** A mount at or under one of these paths (a configuration) may switch persistence on. */
  configPaths: string[];
  /** An environment variable whose value the entrypoint appends to the server's arguments (redis-stack's `REDIS_ARGS`). */
  argsEnv?: string;
}

export interface ImageEntry {
  /** Stable identifier, e.g. "postgres". */
  id: string;
  /** Display name, e.g. "PostgreSQL". */
  name: string;
  /**
   * Normalised repository names (`postgres` for `docker.io/library/postgres`,
   * `mssql/server` for `mcr.microsoft.com/mssql/server`); `namespace/*` matches every
   * repository of a namespace (`linuxserver/*`).
   */
  images: string[];
  /** Documentation that states where the image keeps its data. */
  source: string;
  /** First matching variant wins; a variant without `versions` matches every version. */
  variants: ImageVariant[];
  /**
   * A regular expression whose first group is the version in a tag, when the tag's
   * leading number is not the version that decides the layout (`-pg(\d+)` for timescale).
   */
  versionPattern?: string;
  /**
   * The version that untagged, `latest` and distro-only tags mean, when it is not the
   * newest variant (InfluxDB `latest` is 2.x while `3-core` is a separate tag).
   */
  latestVersion?: string;
  /**
   * The image is a cache unless persistence is configured (redis without
   * `--appendonly yes` / `--save`): findings drop to hints.
   */
  cacheUnlessPersistent?: boolean;
  /**
   * The data directory is named after the node name, which defaults to the container's
   * hostname (RabbitMQ's mnesia/rabbit@<hostname>): without a fixed `hostname:` or one of
   * these variables, every recreated container starts an empty database on the volume.
   * With `address`, the node name follows the container's IP address instead (EMQX's
   * emqx@<IP>, data/mnesia/<node name>), which `hostname:` does not fix: setting
   * `address.env` to `address.value` does.
   */
  nodeNamedByHostname?: { env: string[]; address?: { env: string; value: string; pattern: string } };
  /** What such a cache-level hint adds after "fine only if the application treats it as a disposable cache" (what else would be lost). */
  cacheRisk?: string;
  /** How persistence is switched on, when not the redis flags (`--appendonly yes`, `--save`). */
  persistence?: PersistenceSwitch;
  /** The image keeps nothing on disk (memcached): never reported. */
  stateless?: boolean;
  /**
   * Configuration files or folders the image's entrypoint writes on every start (RAGFlow
   * copies its nginx template over /etc/nginx/conf.d/ragflow.conf): a read-only mount there
   * makes the container fail, so `writable-config-mount` does not ask for one.
   */
  writesConfig?: string[];
  /**
   * Client tools shipped in the image (`psql`, `pg_dump`, `redis-cli`): a workload whose
   * command runs one of them (directly or first in `sh -c`) does not run the server and keeps no state.
   */
  clientCommands?: string[];
  /**
   * What starts the server: a program (`elasticsearch`, `docker-entrypoint.sh`) or a program
   * and its subcommand (`cockroach start`). A service whose command is a shell script
   * (`sh -c '…'`) that runs none of them, nor the image's command (`"$@"`), is a setup job
   * (certificates, `cockroach init`): it keeps no state.
   */
  serverCommands?: string[];
  /** Caveats shown in `vsafe images` and docs/images.md. */
  notes?: string;
}
