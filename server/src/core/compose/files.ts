import { basename, joinPath } from '../paths';

/** How a compose file takes part in a project, decided by its name. */
export type ComposeFileRole =
  | { kind: 'base' }
  | { kind: 'override' }
  /** `compose.prod.yaml`: merged on the base of its folder. */
  | { kind: 'environment'; name: string }
  /**
   * `docker-compose-<name>.yml`, `compose_<name>.yaml`: loaded with `-f`, either alone (a
   * complete file) or after the base of its folder (an overlay); see `planConfigurations`.
   */
  | { kind: 'variant'; name: string }
  /** Swarm stack files and other standalone compose files. */
  | { kind: 'standalone' };

/** Default file names, in the order `docker compose` looks for them. */
export const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export const OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

const COMPOSE_NAME = /^(?:docker-)?compose(?:\.([^/]+))?\.ya?ml$/i;
/** `docker-compose-postgres.yml`, `compose_dev.yaml`: the names the VS Code Docker tools also give the Compose language. */
const VARIANT_NAME = /^(?:docker-)?compose[-_]([^/]+)\.ya?ml$/i;
/** Swarm stack files: SPEC §2 `*stack*.yml` (and `.yaml`). */
const STACK_NAME = /stack[^/]*\.ya?ml$/i;

/** A Swarm stack file (`docker-stack.yml`, `stack.prod.yml`), deployed with `docker stack deploy`. */
export function isStackFileName(file: string): boolean {
  return STACK_NAME.test(basename(file));
}

export function isComposeFileName(file: string): boolean {
  const name = basename(file);
  return COMPOSE_NAME.test(name) || VARIANT_NAME.test(name) || STACK_NAME.test(name);
}

export function composeFileRole(file: string): ComposeFileRole {
  const name = basename(file);
  const match = COMPOSE_NAME.exec(name);
  if (!match) {
    const variant = VARIANT_NAME.exec(name);
    return variant ? { kind: 'variant', name: variant[1]! } : { kind: 'standalone' };
  }
  const middle = match[1];
  if (!middle) return { kind: 'base' };
  if (middle.toLowerCase() === 'override') return { kind: 'override' };
  // `docker-compose.traefik.stack.yml` is deployed alone with `docker stack deploy -c`, not merged on the base.
  if (middle.toLowerCase().split(/[.\-_]/).includes('stack')) return { kind: 'standalone' };
  return { kind: 'environment', name: middle };
}

// `dockerfile` is what Docker and BuildKit read when a context has no `Dockerfile`.
// Documentation and data files named after one (`Dockerfile.md`, `dockerfile.yaml`) are not.
const DOCKERFILE_NAME = /^(?:[Dd]ockerfile|Containerfile)(?:\.[^/]+)?$|\.(?:Dockerfile|dockerfile|containerfile)$/;
const NOT_A_DOCKERFILE = /\.(?:ya?ml|json|md|txt|sh)$/i;

export function isDockerfileName(file: string): boolean {
  const name = basename(file);
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name);
}

/**
 * The files `COMPOSE_FILE` in a folder's `.env` names, as absolute paths (relative to that
 * folder, separated by `COMPOSE_PATH_SEPARATOR`, else `:`, or `;` when the value has one);
 * undefined when it names none. Paths with variables are left out.
 */
export function composeFileList(env: ReadonlyMap<string, string>, dir: string): string[] | undefined {
  const value = env.get('COMPOSE_FILE')?.trim();
  if (!value) return undefined;
  const separator = env.get('COMPOSE_PATH_SEPARATOR') || (value.includes(';') ? ';' : ':');
  const list = value
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.includes('$'))
    .map((p) => joinPath(dir, p));
  return list.length > 0 ? list : undefined;
}
