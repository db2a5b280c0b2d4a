import type { Location } from './types';

/**
 * The neutral model every front end fills (Compose today; Kubernetes manifests and
 * `docker run` lines later). Rules reason about workloads, their image, their state
 * paths and their mounts, never about a front end's syntax.
 */

export type MountType = 'volume' | 'anonymous' | 'bind' | 'tmpfs' | 'other';

export interface Mount {
  type: MountType;
  /** Named volume or host path (interpolated); undefined for anonymous and tmpfs. */
  source?: string;
  /** Path inside the container (interpolated, normalised). */
  target: string;
  readOnly: boolean;
  /** `:rw` or `read_only: false` written out: read-write on purpose. */
  readWrite?: boolean;
  /** The whole mount entry (a sequence item or a `tmpfs` entry). */
  location: Location;
  /** How it was written, so fixes can edit it in the same style. */
  syntax: 'short' | 'long' | 'tmpfs' | 'tmpfs-long';
  /** True when the source or target contains a variable with no known value. */
  unknown: boolean;
  /** Bind mounts: the absolute host path (relative sources resolved like Compose); undefined when `~` or unknown. */
  hostPath?: string;
  /** Long syntax `volume: {nocopy: true}` or short `:nocopy`. */
  nocopy?: boolean;
  /** Long syntax `bind: {create_host_path: …}` when written. */
  createHostPath?: boolean;
  /** tmpfs options as written (`size=64m,mode=1777`, or `tmpfs: {size: …}` as `size=…`). */
  tmpfsOptions?: string;
  /**
   * Set when the mount is not written on this workload but gained through `volumes_from`:
   * it counts for coverage, but rules must not report it again (its own service reports it).
   */
  inherited?: { kind: 'volumes_from'; service: string; location: Location };
}

export interface ImageReference {
  /** As written, before interpolation. */
  raw: string;
  /** After interpolation. */
  value: string;
  location: Location;
  /** True when a variable in the reference has no known value. */
  unknown: boolean;
}

export interface Workload {
  name: string;
  /** Where the workload is declared (the service key in the file that defines it). */
  location: Location;
  image?: ImageReference;
  environment: ReadonlyMap<string, string>;
  /** Command arguments (interpolated); undefined when the image default applies. */
  command?: string[];
  entrypoint?: string[];
  mounts: Mount[];
  /** Front-end specific data that fixes need (e.g. compose nodes). */
  origin: WorkloadOrigin;
  /** The image is built from a Dockerfile that vsafe read (compose `build:`). */
  build?: BuiltImage;
  /**
   * The image another service of the same folder builds under this name (a stack file that
   * deploys `atsea_db`, which docker-compose.yml builds): its Dockerfile says what the image
   * keeps when the knowledge base does not know the name.
   */
  imageBuiltBy?: BuiltImage;
  /**
   * A one-shot task: another service waits for it to complete (`depends_on` with
   * `condition: service_completed_successfully`), so it runs the image for a job, not its server.
   */
  task?: { awaitedBy: string };
}

/** What a workload's Dockerfile says about the image it builds (the target stage and its `FROM` chain). */
export interface BuiltImage {
  /** The Dockerfile (absolute path); the compose file for `dockerfile_inline`. */
  dockerfile: string;
  /** Built from `build.dockerfile_inline`: every location is in the compose file. */
  inline?: boolean;
  /** Where the workload asks for the build (compose `build:`): findings about the built image go here. */
  location: Location;
  /** The external image the `FROM` chain starts from (located in the Dockerfile); undefined for `scratch` or an unknown image. */
  base?: ImageReference;
  /** `ENV` the Dockerfile sets along the chain (a value vsafe cannot know is `${?}`), and where each is set. */
  environment: ReadonlyMap<string, string>;
  environmentLocations: ReadonlyMap<string, Location>;
  /** `VOLUME` paths the Dockerfile declares along the chain (known paths only). */
  volumes: { path: string; location: Location }[];
  /** The image's default `CMD` / `ENTRYPOINT` (used when the workload sets none). */
  command?: string[];
  entrypoint?: string[];
}

export interface ComposeOrigin {
  kind: 'compose';
  /** The file whose mapping declares the service first (the base file for overrides). */
  file: string;
  /** Every file that contributes to this service, in merge order. */
  files: string[];
  buildContext?: string;
  /** The Dockerfile on disk the service builds (absolute path); undefined with `dockerfile_inline`. */
  dockerfile?: string;
  /** `build.dockerfile_inline`: the Dockerfile written in the compose file. */
  dockerfileInline?: InlineDockerfile;
}

/** A Dockerfile written in a compose file (`build.dockerfile_inline`). */
export interface InlineDockerfile {
  /** The Dockerfile text, interpolated the way Compose does (`$$` is a literal `$`). */
  text: string;
  /** Where the value is written in the compose file. */
  location: Location;
  /**
   * For a literal block scalar (`|`), where each line of `text` starts in the compose
   * file, and whether its columns map one to one (not when interpolation changed the
   * line). Undefined for other styles: every location inside is then `location`.
   */
  lines?: { line: number; character: number; exact: boolean; end: number }[];
}

export type WorkloadOrigin = ComposeOrigin;

export interface VolumeDeclaration {
  name: string;
  location: Location;
  external: boolean;
  driver?: string;
}
