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
    if (!KEYS.has(key)) {
      const suggestion = closest(key, [...KEYS]);
      return { ok: false, error: `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the keys are ${[...KEYS].filter((k) => k !== '$schema').join(', ')}` };
    }
  }
  if (input.rules !== undefined) {
    if (typeof input.rules !== 'object' || input.rules === null || Array.isArray(input.rules)) return { ok: false, error: '"rules" must be an object of rule id → severity' };
    for (const [id, setting] of Object.entries(input.rules)) {
      if (!knownRules.has(id)) {
        const suggestion = closest(id, [...knownRules]);
        return { ok: false, error: `unknown rule "${id}" in "rules"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}` };
      }
      if (!isSeveritySetting(setting)) return { ok: false, error: `rule "${id}" in "rules": the severity must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${JSON.stringify(setting)}` };
      config.rules[id] = setting;
    }
  }
  for (const key of ['production', 'composeFiles', 'ignore'] as const) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { ok: false, error: `"${key}" must be an array of glob strings, e.g. ["deploy/*.yml"]` };
    const bad = list.findIndex((g) => typeof g !== 'string' || g.trim() === '');
    if (bad >= 0) return { ok: false, error: `"${key}" must be an array of glob strings: item ${bad} is ${JSON.stringify(list[bad])}` };
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
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `${where} must be an object`;
    const item = raw as Record<string, unknown>;
    const names = typeof item.image === 'string' ? [item.image] : Array.isArray(item.images) ? item.images : undefined;
    if (!names || names.length === 0 || !names.every((n) => typeof n === 'string')) return `${where} needs "image" (a repository name) or "images"`;
    if (!Array.isArray(item.paths) || item.paths.length === 0) return `${where} needs "paths": a list of container paths`;
    const paths = [];
    for (const [i, p] of item.paths.entries()) {
      const spec = typeof p === 'string' ? { path: p } : (p as Record<string, unknown>);
      if (typeof spec !== 'object' || spec === null || typeof spec.path !== 'string' || !spec.path.startsWith('/')) return `${where}.paths[${i}] must be an absolute container path or {"path": "/…"}`;
      const kind = spec.kind ?? 'database';
      const unlessEnv = strings(spec.unlessEnv) ?? [];
      if (typeof kind !== 'string' || !KINDS.has(kind)) return `${where}.paths[${i}].kind must be one of ${[...KINDS].join(', ')}`;
      paths.push({
        path: spec.path,
        kind: kind as ImageEntry['variants'][number]['paths'][number]['kind'],
        description: typeof spec.description === 'string' ? spec.description : `${String(names[0])} data directory`,
        declaredVolume: spec.volume === true || spec.declaredVolume === true,
        env: strings(spec.env),
        flags: strings(spec.flags),
        ...(unlessEnv.length > 0 ? { when: { notEnv: unlessEnv } } : {}),
        ...(spec.applicationData === true ? { applicationData: true } : {}),
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

/** The strings of a list setting (anything else in it is ignored); undefined when it is not a list. */
function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? (value as unknown[]).filter((e): e is string => typeof e === 'string') : undefined;
}

/** The candidate a mistyped name most likely meant (edit distance ≤ 3), if any. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
