import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { VsafeConfig } from '../core/config';
import { emptyConfig } from '../core/config';
import { validateConfig } from '../core/config-validate';
import { RULES_BY_ID } from '../core/rules';

export interface LoadedConfig {
  config: VsafeConfig;
  /** The file the config came from; undefined when none was found. */
  file?: string;
  /** The folder globs in the config are relative to. */
  root: string;
}

export type ConfigLoad = { ok: true; loaded: LoadedConfig } | { ok: false; file: string; error: string };

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
    return { ok: false, file, error: `cannot read config: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, file, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (path.basename(file) === 'package.json') json = (json as Record<string, unknown>).vsafe;
  const result = validateConfig(json, new Set(RULES_BY_ID.keys()));
  if (!result.ok) return { ok: false, file, error: result.error };
  return { ok: true, loaded: { config: result.config, file, root: path.dirname(file) } };
}

/** Loads the config that applies to `start` (a file or a folder), or the defaults. */
export function loadConfigFor(start: string): ConfigLoad {
  const file = findConfigFile(existsSync(start) && !isFile(start) ? start : path.dirname(start));
  if (!file) return { ok: true, loaded: { config: emptyConfig(), root: path.resolve(start) } };
  return loadConfigFile(file);
}

function isFile(file: string): boolean {
  try {
    return !statSync(file).isDirectory();
  } catch {
    return false;
  }
}
