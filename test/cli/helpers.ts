import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; `input` is piped to its standard input (none: an empty one). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, input = ''): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', VSAFE_DEBUG: '', ...env } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `--rule <id>=off` for every registered rule except `keep`, so an expected output
 * covers exactly the rules a test is about while other rules are added.
 */
export function only(...keep: string[]): string[] {
  return RULES.filter((rule) => !keep.includes(rule.meta.id)).flatMap((rule) => ['--rule', `${rule.meta.id}=off`]);
}

const temps: string[] = [];

/** A throw-away copy of a fixture folder (or an empty folder). */
export function copyFixture(name?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-cli-'));
  temps.push(dir);
  if (name) cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function project(files: Record<string, string | Buffer>): string {
  const dir = copyFixture();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** True when a command exists on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/**
 * Compares with an expected-output file under test/fixtures/cli/_expected/.
 * `VSAFE_UPDATE_EXPECTED=1` rewrites the file instead (review the diff before committing).
 */
export function expectFile(name: string, actual: string): void {
  const file = path.join(FIXTURES, '_expected', name);
  if (process.env.VSAFE_UPDATE_EXPECTED) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  assert.equal(actual, expected, `output differs from ${path.relative(ROOT, file)}`);
}
