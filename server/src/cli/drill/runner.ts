import { spawn, type ChildProcess } from 'node:child_process';

/** What one command printed and how it ended. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The command did not finish within its time limit and was killed. */
  timedOut: boolean;
  /** The run was aborted (Ctrl-C / SIGTERM) while the command ran. */
  aborted: boolean;
  /** The program could not be started (not installed). */
  notFound: boolean;
}

export interface RunOptions {
  timeoutMs?: number;
  cwd?: string;
  /** Commands run during cleanup must finish even after an abort. */
  ignoreAbort?: boolean;
}

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Runs container engine commands one at a time. Children are started in their own
 * process group, so a Ctrl-C in the terminal reaches only vsafe, which stops the
 * running command itself and then cleans up; a second command never starts after an
 * abort unless it is part of the cleanup.
 */
export class Runner {
  private readonly running = new Set<ChildProcess>();
  private abortedFlag = false;
  /** Every command line run, for `VSAFE_DEBUG` and error messages. */
  readonly log: string[] = [];

  constructor(private readonly debug?: (line: string) => void) {}

  get aborted(): boolean {
    return this.abortedFlag;
  }

  /** Stops the running commands; later `run` calls return at once unless `ignoreAbort`. */
  abort(): void {
    this.abortedFlag = true;
    for (const child of this.running) killGroup(child, 'SIGTERM');
  }

  run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const line = [command, ...args].map(quoteForLog).join(' ');
    this.log.push(line);
    this.debug?.(`$ ${line}\n`);
    if (this.abortedFlag && !options.ignoreAbort) {
      return Promise.resolve({ code: -1, stdout: '', stderr: 'aborted', timedOut: false, aborted: true, notFound: false });
    }
    const started = Date.now();
    return new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let settled = false;
      let child: ChildProcess;
      try {
        child = spawn(command, [...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env });
      } catch (error) {
        resolve({ code: -1, stdout: '', stderr: (error as Error).message, timedOut: false, aborted: false, notFound: true });
        return;
      }
      this.running.add(child);
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child, 'SIGKILL');
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const finish = (result: RunResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(child);
        if (this.debug) this.debug(`${result.stdout}${result.stderr}`.replace(/^/gm, '  | ').trimEnd() + `\n  = ${result.code} (${Date.now() - started} ms)\n`);
        resolve(result);
      };
      child.on('error', (error: NodeJS.ErrnoException) => {
        finish({ code: -1, stdout, stderr: stderr || error.message, timedOut, aborted: this.abortedFlag, notFound: error.code === 'ENOENT' });
      });
      child.on('close', (code, signal) => {
        finish({ code: code ?? (signal ? 128 : -1), stdout, stderr, timedOut, aborted: this.abortedFlag && !options.ignoreAbort, notFound: false });
      });
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function quoteForLog(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The first line of an engine's error output worth showing to a user. */
export function errorLine(result: RunResult): string {
  if (result.timedOut) return 'timed out';
  if (result.notFound) return 'command not found';
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\[?'?podman'?,|^using podman version|^podman-compose version|^\*\* |^exit code:|^\['/.test(l));
  // podman-compose prints expected failures of its own probes (`volume inspect || volume create`).
  const noise = /inspecting object: no such (volume|network)|no container with name or ID .* found|^Error: no such (volume|network)/i;
  const errors = lines.filter((l) => /^error\b|\berror:/i.test(l));
  const error = errors.find((l) => !noise.test(l)) ?? lines.find((l) => /error|cannot|can't|no such|not found|denied|failed|unable/i.test(l) && !noise.test(l)) ?? errors[0];
  return (error ?? lines[lines.length - 1] ?? `exit code ${result.code}`).slice(0, 300);
}
