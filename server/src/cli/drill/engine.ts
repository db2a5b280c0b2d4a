import type { Runner } from './runner';

export type EngineChoice = 'docker' | 'podman' | 'auto';

/** A compose implementation together with the container CLI it drives. */
export interface Engine {
  /** As reported in `--format json`: `docker compose`, `docker-compose`, `podman compose`, `podman-compose`. */
  name: 'docker compose' | 'docker-compose' | 'podman compose' | 'podman-compose';
  /** The container CLI for exec / cp / run / ps / volume commands. */
  cli: 'docker' | 'podman';
  /** The compose command: program and leading arguments. */
  compose: [string, ...string[]];
  /** Compose v1 needs a `version` key to read the Compose Specification format. */
  needsVersionKey: boolean;
}

const CANDIDATES: readonly Engine[] = [
  { name: 'docker compose', cli: 'docker', compose: ['docker', 'compose'], needsVersionKey: false },
  { name: 'docker-compose', cli: 'docker', compose: ['docker-compose'], needsVersionKey: true },
  { name: 'podman compose', cli: 'podman', compose: ['podman', 'compose'], needsVersionKey: false },
  { name: 'podman-compose', cli: 'podman', compose: ['podman-compose'], needsVersionKey: false },
];

export interface Detection {
  engine?: Engine;
  /** Why each candidate was not used, for the error message. */
  rejected: string[];
}

/**
 * Picks the first usable compose implementation in the documented order. A CLI
 * whose engine is not running (a `docker` binary without a daemon) is not usable.
 */
export async function detectEngine(runner: Runner, choice: EngineChoice): Promise<Detection> {
  const rejected: string[] = [];
  const engineUp = new Map<string, boolean>();
  for (const candidate of CANDIDATES) {
    if (choice !== 'auto' && candidate.cli !== choice) continue;
    if (runner.aborted) break;
    let up = engineUp.get(candidate.cli);
    if (up === undefined) {
      const info = await runner.run(candidate.cli, ['info', '--format', '{{json .}}'], { timeoutMs: 15_000 });
      up = info.code === 0 && !info.timedOut;
      engineUp.set(candidate.cli, up);
      if (!up) rejected.push(`${candidate.cli}: ${info.notFound ? 'not installed' : info.timedOut ? '`' + candidate.cli + ' info` timed out' : 'engine not running (`' + candidate.cli + ' info` failed)'}`);
    }
    if (!up) continue;
    const [program, ...rest] = candidate.compose;
    const version = await runner.run(program, [...rest, 'version'], { timeoutMs: 15_000 });
    // `podman compose` of podman < 4.7 is not a command; `docker compose` without the plugin fails too.
    if (version.code === 0 && !/unknown command|unrecognized command|not a docker command/i.test(version.stderr + version.stdout)) {
      return { engine: candidate, rejected };
    }
    rejected.push(`${candidate.name}: ${version.notFound ? 'not installed' : 'not available'}`);
  }
  return { rejected };
}
