import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Engine } from './engine';
import type { Storage } from './plan';
import { errorLine, type Runner } from './runner';

/**
 * How a sentinel reaches the path:
 * - `exec`: a shell inside the service's own container (sees everything, tmpfs included);
 * - `helper`: a throw-away container with a shell that mounts the service's volumes
 *   (`--volumes-from`), for images without a shell; it cannot see the container layer or tmpfs;
 * - `cp`: `docker cp` / `podman cp` into or out of the container, which needs no shell and
 *   works on stopped containers; it sees volumes, binds and the container layer, not tmpfs.
 */
export type Method = 'exec' | 'helper' | 'cp';

export type ReadResult = { kind: 'found'; value: string } | { kind: 'missing' } | { kind: 'error'; message: string };

const WRITE_SCRIPT = 'mkdir -p "$1" && printf %s "$2" > "$1/$3"';
/** Exit 3 means "no sentinel": distinct from the engine's own codes (125–127). */
const READ_SCRIPT = '[ -f "$1/$2" ] || exit 3; cat "$1/$2"';
const MISSING_CODE = 3;

export class SentinelIO {
  private counter = 0;

  constructor(
    private readonly runner: Runner,
    private readonly engine: Engine,
    private readonly project: string,
    private readonly workspace: string,
    private readonly helperImage: string | undefined,
    readonly fileName: string,
  ) {}

  /** The methods that can reach a path held by this kind of storage, best first. */
  candidates(storage: Storage): Method[] {
    const methods: Method[] = ['exec'];
    const inMount = storage === 'named-volume' || storage === 'external-volume' || storage === 'bind' || storage === 'anonymous-volume' || storage === 'image-volume';
    if (inMount && this.helperImage) methods.push('helper');
    if (storage !== 'tmpfs') methods.push('cp');
    return methods;
  }

  async write(method: Method, container: string, dir: string, value: string): Promise<string | undefined> {
    if (method === 'cp') return this.writeByCopy(container, dir, value);
    const result = await this.runner.run(this.engine.cli, [...this.shellPrefix(method, container), WRITE_SCRIPT, 'sh', dir, value, this.fileName], { timeoutMs: 120_000 });
    return result.code === 0 ? undefined : errorLine(result);
  }

  async read(method: Method, container: string, dir: string): Promise<ReadResult> {
    if (method === 'cp') return this.readByCopy(container, dir);
    const result = await this.runner.run(this.engine.cli, [...this.shellPrefix(method, container), READ_SCRIPT, 'sh', dir, this.fileName], { timeoutMs: 120_000 });
    if (result.code === 0) return { kind: 'found', value: result.stdout };
    if (result.code === MISSING_CODE) return { kind: 'missing' };
    return { kind: 'error', message: errorLine(result) };
  }

  private shellPrefix(method: Method, container: string): string[] {
    if (method === 'exec') return ['exec', container, 'sh', '-c'];
    return [
      'run', '--rm', '--network', 'none', '--label', `vsafe.drill=${this.project}`,
      '--name', `${this.project}-helper-${++this.counter}`,
      '--volumes-from', container, '--entrypoint', 'sh', this.helperImage!, '-c',
    ];
  }

  private async writeByCopy(container: string, dir: string, value: string): Promise<string | undefined> {
    const stage = mkdtempSync(path.join(this.workspace, 'cp-'));
    try {
      writeFileSync(path.join(stage, this.fileName), value);
      // `stage/.` copies the folder's contents into `dir`, creating `dir` when it is missing.
      const result = await this.runner.run(this.engine.cli, ['cp', `${stage}/.`, `${container}:${dir}`], { timeoutMs: 120_000 });
      return result.code === 0 ? undefined : errorLine(result);
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  }

  private async readByCopy(container: string, dir: string): Promise<ReadResult> {
    const stage = mkdtempSync(path.join(this.workspace, 'cp-'));
    try {
      const out = path.join(stage, 'out');
      mkdirSync(out);
      const source = `${container}:${dir.replace(/\/$/, '')}/${this.fileName}`;
      const result = await this.runner.run(this.engine.cli, ['cp', source, out], { timeoutMs: 120_000 });
      if (result.code !== 0) {
        if (/no such file|not exist|could not find|not found|no such container path/i.test(result.stderr)) return { kind: 'missing' };
        return { kind: 'error', message: errorLine(result) };
      }
      return { kind: 'found', value: readFileSync(path.join(out, this.fileName), 'utf8') };
    } catch (error) {
      return { kind: 'error', message: (error as Error).message };
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  }
}

