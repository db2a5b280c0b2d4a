import type { VsafeConfig } from './config';
import { emptyConfig, isSeveritySetting, SEVERITY_SETTINGS } from './config';
import type { ImageEntry } from './knowledge/types';

export type ConfigResult = { ok: true; config: VsafeConfig } | { ok: false; error: string };

const KEYS = new Set(['$schema', 'rules', 'production', 'composeFiles', 'images', 'ignore']);

/**
 * Validates a parsed config object. Errors name the offending key so one
 * clear message can be shown; nothing here throws.
 */
export function validateConfig(value: unknown, knownRules: ReadonlySet<string>): ConfigResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'the configuration must be a JSON object' };
  const input = value as Record<string, unknown>;
  const config = emptyConfig();
  for (const key of Object.keys(input)) {
    if (!KEYS.has(key)) return { ok: false, error: `unknown key "${key}" (expected one of ${[...KEYS].filter((k) => k !== '$schema').join(', ')})` };
  }
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) return { ok: false, error: '"rules" must be an object of rule id → severity' };
    for (const [id, setting] of Object.entries(input.rules)) {
      if (!knownRules.has(id)) return { ok: false, error: `unknown rule "${id}" in "rules"` };
      if (!isSeveritySetting(setting)) return { ok: false, error: `rule "${id}": severity must be one of ${SEVERITY_SETTINGS.join(', ')}` };
      config.rules[id] = setting;
    }
  }
  for (const key of ['production', 'composeFiles', 'ignore'] as const) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((g) => typeof g === 'string')) return { ok: false, error: `"${key}" must be an array of glob strings` };
    config[key] = list as string[];
  }
  if (input.images !== undefined) {
    const images = validateImages(input.images);
    if (typeof images === 'string') return { ok: false, error: images };
    config.images = images;
  }
  return { ok: true, config };
}

const KINDS = new Set(['database', 'uploads', 'config-state', 'logs', 'cache']);

/** `images`: either full entries or the short form `{ "image": "acme/app", "paths": ["/data"] }`. */
function validateImages(value: unknown): ImageEntry[] | string {
  if (!Array.isArray(value)) return '"images" must be an array';
  const entries: ImageEntry[] = [];
  for (const [index, raw] of value.entries()) {
    const where = `images[${index}]`;
    if (typeof raw !== 'object' || raw === null) return `${where} must be an object`;
    const item = raw as Record<string, unknown>;
    const names = typeof item.image === 'string' ? [item.image] : Array.isArray(item.images) ? item.images : undefined;
    if (!names || names.length === 0 || !names.every((n) => typeof n === 'string')) return `${where} needs "image" (a repository name) or "images"`;
    if (!Array.isArray(item.paths) || item.paths.length === 0) return `${where} needs "paths": a list of container paths`;
    const paths = [];
    for (const [i, p] of item.paths.entries()) {
      const spec = typeof p === 'string' ? { path: p } : (p as Record<string, unknown>);
      if (typeof spec !== 'object' || spec === null || typeof spec.path !== 'string' || !spec.path.startsWith('/')) return `${where}.paths[${i}] must be an absolute container path or {"path": "/…"}`;
      const kind = spec.kind ?? 'database';
      if (typeof kind !== 'string' || !KINDS.has(kind)) return `${where}.paths[${i}].kind must be one of ${[...KINDS].join(', ')}`;
      paths.push({
        path: spec.path,
        kind: kind as ImageEntry['variants'][number]['paths'][number]['kind'],
        description: typeof spec.description === 'string' ? spec.description : `${String(names[0])} data directory`,
        declaredVolume: spec.volume === true || spec.declaredVolume === true,
        env: Array.isArray(spec.env) ? (spec.env as unknown[]).filter((e): e is string => typeof e === 'string') : undefined,
        flags: Array.isArray(spec.flags) ? (spec.flags as unknown[]).filter((e): e is string => typeof e === 'string') : undefined,
      });
    }
    const repositories = (names as string[]).map((n) => n.toLowerCase().replace(/^(docker\.io\/)?(library\/)?/, ''));
    entries.push({
      id: typeof item.id === 'string' ? item.id : repositories[0]!,
      name: typeof item.name === 'string' ? item.name : repositories[0]!,
      images: repositories,
      source: typeof item.source === 'string' ? item.source : '.vsaferc.json',
      variants: [{ paths }],
    });
  }
  return entries;
}
