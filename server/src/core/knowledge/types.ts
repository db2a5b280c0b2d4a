/** What kind of data a state path holds; decides severity and wording. */
export type StateKind = 'database' | 'uploads' | 'config-state' | 'logs' | 'cache';

export interface StatePathSpec {
  /** Where the volume belongs (the path to mount). */
  path: string;
  /** Where the data files really are, when deeper than the mount point (postgres ≥ 18). */
  dataPath?: string;
  kind: StateKind;
  /** Human description: "PostgreSQL data directory". */
  description: string;
  /** The image's Dockerfile declares `VOLUME` for this path (an anonymous volume appears). */
  declaredVolume: boolean;
  /** Environment variables whose value moves the path (`PGDATA`). */
  env?: string[];
  /** Command flags whose argument moves the path (`--datadir`, `--dbpath`, `--dir`). */
  flags?: string[];
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

export interface ImageVariant {
  versions?: VersionRange;
  paths: StatePathSpec[];
}

export interface ImageEntry {
  /** Stable identifier, e.g. "postgres". */
  id: string;
  /** Display name, e.g. "PostgreSQL". */
  name: string;
  /** Normalised repository names (`postgres` for `docker.io/library/postgres`). */
  images: string[];
  /** Documentation that states where the image keeps its data. */
  source: string;
  /** First matching variant wins; a variant without `versions` matches every version. */
  variants: ImageVariant[];
  /**
   * The image is a cache unless persistence is configured (redis without
   * `--appendonly yes` / `--save`): findings drop to hints.
   */
  cacheUnlessPersistent?: boolean;
  /** The image keeps nothing on disk (memcached): never reported. */
  stateless?: boolean;
}
