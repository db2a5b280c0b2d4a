import { isMap, isSeq, type Node } from 'yaml';
import type { Mount } from '../model';
import type { Location } from '../types';
import { interpolate, type Environment } from './interpolate';
import { readTmpfs, readVolumeEntry } from './mounts';
import { location, type ComposeFileModel, type ServiceEntry } from './parse';
import { asMap, deref, effectivePairs, getPair, keyText, nodeSpan, scalarString, tagOf } from './yaml';

/** What one file says about one service, before merging with other files. */
export interface ServiceLayer {
  name: string;
  file: ComposeFileModel;
  entry: ServiceEntry;
  image?: { raw: string; value: string; unknown: boolean; location: Location };
  environment: Map<string, string>;
  command?: string[];
  entrypoint?: string[];
  volumes: { mounts: Mount[]; mode: 'merge' | 'reset' | 'override' } | undefined;
  tmpfs: { mounts: Mount[]; mode: 'merge' | 'reset' | 'override' } | undefined;
  build?: { context?: string; dockerfile?: string };
}

export function readServiceLayer(file: ComposeFileModel, entry: ServiceEntry, env: Environment): ServiceLayer {
  const layer: ServiceLayer = { name: entry.name, file, entry, environment: new Map(), volumes: undefined, tmpfs: undefined };
  const map = entry.map;
  if (!map) return layer;
  const doc = file.doc;
  for (const pair of effectivePairs(doc, map)) {
    const key = keyText(pair);
    const value = deref(doc, pair.value);
    switch (key) {
      case 'image': {
        const raw = scalarString(doc, value);
        if (raw !== undefined && value) {
          const expanded = interpolate(raw, env);
          const [start, end] = nodeSpan(value);
          layer.image = { raw, value: expanded.value, unknown: expanded.unknown, location: location(file, start, end) };
        }
        break;
      }
      case 'environment':
        readEnvironment(file, value, env, layer.environment);
        break;
      case 'command':
        layer.command = readArgs(file, value, env);
        break;
      case 'entrypoint':
        layer.entrypoint = readArgs(file, value, env);
        break;
      case 'volumes': {
        const seq = isSeq(value) ? value : undefined;
        const mounts = (seq?.items ?? []).map((item) => readVolumeEntry(file, item, env)).filter((m): m is Mount => m !== undefined);
        layer.volumes = { mounts, mode: mergeMode(pair.value) };
        break;
      }
      case 'tmpfs':
        layer.tmpfs = { mounts: readTmpfs(file, value, env), mode: mergeMode(pair.value) };
        break;
      case 'build':
        layer.build = readBuild(file, value, env);
        break;
      default:
        break;
    }
  }
  return layer;
}

function mergeMode(node: unknown): 'merge' | 'reset' | 'override' {
  const tag = tagOf(node);
  if (tag === '!reset') return 'reset';
  if (tag === '!override') return 'override';
  return 'merge';
}

function readEnvironment(file: ComposeFileModel, node: Node | undefined, env: Environment, out: Map<string, string>): void {
  const doc = file.doc;
  if (isMap(node)) {
    for (const pair of effectivePairs(doc, node)) {
      const key = keyText(pair);
      const raw = scalarString(doc, pair.value);
      if (key !== undefined && raw !== undefined) out.set(key, interpolate(raw, env).value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const raw = scalarString(doc, item);
      if (raw === undefined) continue;
      const eq = raw.indexOf('=');
      if (eq > 0) out.set(raw.slice(0, eq), interpolate(raw.slice(eq + 1), env).value);
    }
  }
}

function readArgs(file: ComposeFileModel, node: Node | undefined, env: Environment): string[] | undefined {
  if (isSeq(node)) {
    return node.items.map((item) => scalarString(file.doc, item)).filter((s): s is string => s !== undefined).map((s) => interpolate(s, env).value);
  }
  const raw = scalarString(file.doc, node);
  return raw === undefined ? undefined : splitShellWords(interpolate(raw, env).value);
}

/** Splits a command string the way Compose does (shell-like quoting, no expansion). */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

function readBuild(file: ComposeFileModel, node: Node | undefined, env: Environment): ServiceLayer['build'] {
  const doc = file.doc;
  const raw = scalarString(doc, node);
  if (raw !== undefined) return { context: interpolate(raw, env).value };
  const map = asMap(doc, node);
  if (!map) return undefined;
  const context = scalarString(doc, getPair(doc, map, 'context')?.value);
  const dockerfile = scalarString(doc, getPair(doc, map, 'dockerfile')?.value);
  return {
    context: context === undefined ? '.' : interpolate(context, env).value,
    dockerfile: dockerfile === undefined ? undefined : interpolate(dockerfile, env).value,
  };
}
