import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { VsafeConfig } from '../core/config';
import { emptyConfig } from '../core/config';
import { validateConfig } from '../core/config-validate';
import { RULES_BY_ID } from '../core/rules';
import { jsonErrorOffset } from './json-error';
import { toCorePath } from './paths';

export interface LoadedConfig {
  config: VsafeConfig;
  /** The file the config came from; undefined when none was found. */
  file?: string;
  /** The folder globs in the config are relative to. */
  root: string;
}

export type ConfigLoad =
  | { ok: true; loaded: LoadedConfig }
  /** `line`/`column` (1-based) point at the offending key or syntax error when known. */
  | { ok: false; file: string; error: string; line?: number; column?: number };

export const CONFIG_FILE = '.vsaferc.json';

/** Finds `.vsaferc.json` (or `vsafe` in package.json) from `start` upwards. */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const rc = path.join(dir, CONFIG_FILE);
    if (existsSync(rc)) return rc;
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && packageHasVsafe(pkg)) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageHasVsafe(file: string): boolean {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof json === 'object' && json !== null && 'vsafe' in json;
  } catch {
    return false;
  }
}

export function loadConfigFile(file: string): ConfigLoad {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    return { ok: false, file, error: `cannot read config: ${reason}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 quotes the whole text after the reason ("…", "{…}" is not valid JSON): keep the reason only.
    const reason = message.replace(/,\s*"[\s\S]*" is not valid JSON$/, '').replace(/\s+in JSON at position \d+.*$/s, '').replace(/\s+/g, ' ');
    return { ok: false, file, error: `invalid JSON: ${reason}`, ...jsonErrorPosition(text, message) };
  }
  if (path.basename(file) === 'package.json') json = (json as Record<string, unknown>).vsafe;
  const result = validateConfig(json, new Set(RULES_BY_ID.keys()));
  if (!result.ok) return { ok: false, file, error: result.error, ...configErrorPosition(text, result.error, path.basename(file) === 'package.json') };
  return { ok: true, loaded: { config: { ...result.config, root: toCorePath(path.dirname(file)) }, file, root: path.dirname(file) } };
}

/** Loads the config that applies to `start` (a file or a folder), or the defaults. */
export function loadConfigFor(start: string): ConfigLoad {
  const file = findConfigFile(existsSync(start) && !isFile(start) ? start : path.dirname(start));
  if (!file) {
    const root = existsSync(start) && !isFile(start) ? start : path.dirname(start);
    return { ok: true, loaded: { config: { ...emptyConfig(), root: toCorePath(root) }, root: path.resolve(root) } };
  }
  return loadConfigFile(file);
}

function isFile(file: string): boolean {
  try {
    return !statSync(file).isDirectory();
  } catch {
    return false;
  }
}

type Where = { line: number; column: number } | Record<string, never>;

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Where a JSON syntax error is: from the engine's message, else from a YAML parse of the text. */
function jsonErrorPosition(text: string, message: string): Where {
  const scanned = jsonErrorOffset(text);
  if (scanned !== undefined) return positionOf(text, scanned);
  const match = /at position (\d+)/.exec(message);
  if (match) return positionOf(text, Number(match[1]));
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) return positionOf(text, error.pos[0]);
  return {};
}

/** The key a validation error names (the last quoted name, or `images[N]`), found in the text. */
function configErrorPosition(text: string, error: string, inPackageJson: boolean): Where {
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return {};
  }
  if (doc.errors.length > 0) return {};
  let root: unknown = doc.contents;
  if (inPackageJson && isMap(root)) root = root.get('vsafe', true);
  const names = [...error.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const image = /^(images)\[(\d+)\]/.exec(error);
  if (image && isMap(root)) {
    const seq = root.get('images', true);
    const item = isSeq(seq) ? seq.items[Number(image[2])] : undefined;
    const range = (item as { range?: [number, number] } | undefined)?.range;
    if (range) return positionOf(text, range[0]);
  }
  // The most specific name first (`unknown rule "x" in "rules"` names "x").
  for (const name of names) {
    const found = findKey(root, name);
    if (found !== undefined) return positionOf(text, found);
  }
  return {};
}

function findKey(node: unknown, name: string): number | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && key.value === name && key.range) return key.range[0];
    }
    for (const pair of node.items) {
      const inner = findKey(pair.value, name);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = findKey(item, name);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
