import { APPS } from './apps';
import { DATABASES } from './databases';
import { FAMILIES } from './families';
import { QUEUES } from './queues';
import type { ImageEntry, ImageVariant, StatePathSpec } from './types';

/** A titled group of entries, for listings. */
export interface ImageGroup {
  title: string;
  entries: readonly ImageEntry[];
}

/** The built-in knowledge base in the groups docs/images.md shows. */
export const BUILT_IN_GROUPS: readonly ImageGroup[] = [
  { title: 'Databases, search engines and time-series stores', entries: DATABASES },
  { title: 'Queues, object stores and coordination', entries: QUEUES },
  { title: 'Applications, CMSs, CI servers and monitoring', entries: APPS },
  { title: 'Image families (Bitnami, linuxserver.io)', entries: FAMILIES },
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return '`' + text + '`';
}

export function versionLabel(entry: ImageEntry, variant: ImageVariant, index: number): string {
  const parts: string[] = [];
  const range = variant.versions;
  // Earlier variants win: a lower bound of one caps the versions of the next.
  const earlierMins = entry.variants.slice(0, index).filter((v) => !v.tags && v.versions?.min && !v.versions.max).map((v) => v.versions!.min!);
  const cap = earlierMins.length > 0 ? earlierMins.reduce((a, b) => (Number.parseFloat(a) < Number.parseFloat(b) ? a : b)) : undefined;
  if (range?.min && range.max) parts.push(range.min === range.max ? `${range.min}.x` : `${range.min} – ${range.max}`);
  else if (range?.min) parts.push(cap ? `≥ ${range.min}, < ${cap}` : `≥ ${range.min}`);
  else if (range?.max) parts.push(`≤ ${range.max}`);
  if (variant.tags) parts.push(`tags matching ${code(variant.tags)}`);
  if (parts.length === 0) parts.push(index === 0 || entry.variants.length === 1 ? 'all' : cap && !entry.variants.slice(0, index).some((v) => v.tags) ? `< ${cap}` : 'other tags');
  return parts.join(', ');
}

/** How a path is moved or when it exists, in words. */
export function movedByLabel(spec: StatePathSpec): string {
  const parts: string[] = [];
  for (const env of spec.env ?? []) parts.push(`env ${code(env)}`);
  for (const flag of spec.flags ?? []) parts.push(`flag ${code(flag)}`);
  for (const env of spec.envPatterns ?? []) parts.push(`env matching ${code(env)}`);
  for (const flag of spec.flagPatterns ?? []) parts.push(`flag matching ${code(flag)}`);
  if (spec.embeddedIn) parts.push(`the path in the configuration ${code(spec.embeddedIn.env)} holds`);
  if (spec.fileValue) parts.push('(a file: its folder)');
  if (spec.positional) parts.push(`argument after ${code(spec.positional.after)}${spec.positional.prefixes ? ` (${spec.positional.prefixes.map(code).join(', ')})` : ''}`);
  const conditions: string[] = [];
  if (spec.onlyWhenSet) conditions.push('only when set');
  if (spec.when?.description) conditions.push(spec.when.description);
  else {
    if (spec.when?.args) conditions.push(`only with ${spec.when.args.map(code).join(' ')}`);
    if (spec.when?.notArgs) conditions.push(`not with ${spec.when.notArgs.map((p) => code(p.replace(/^\^|\$$/g, ''))).join(', ')}`);
    if (spec.when?.notEnv) conditions.push(`not when ${spec.when.notEnv.map(code).join(', ')} set`);
    if (spec.when?.envValue) conditions.push(`only with ${Object.entries(spec.when.envValue).map(([name, pattern]) => code(`${name}=${pattern.replace(/^\^|\$$/g, '')}`)).join(', ')}`);
    if (spec.when?.notEnvValue) conditions.push(`not with ${Object.entries(spec.when.notEnvValue).map(([name, pattern]) => code(`${name}=${pattern.replace(/^\^|\$$/g, '')}`)).join(', ')}`);
  }
  if (spec.alternatives) conditions.push(`or a mount at ${spec.alternatives.map(code).join(', ')}`);
  return [parts.join(', '), conditions.join('; ')].filter((p) => p !== '').join('; ') || '—';
}

function entryNotes(entry: ImageEntry): string {
  const notes: string[] = [];
  if (entry.notes) notes.push(entry.notes);
  if (entry.cacheUnlessPersistent && !entry.notes?.includes('cache')) notes.push('A cache unless persistence is configured (hint).');
  if (entry.versionPattern) notes.push(`Version read from the tag with ${code(entry.versionPattern)}.`);
  if (entry.clientCommands) notes.push(`A service whose command runs a client tool (${entry.clientCommands.slice(0, 2).map(code).join(', ')}${entry.clientCommands.length > 2 ? ', …' : ''}) keeps no state.`);
  if (entry.serverCommands) notes.push(`A service whose \`sh -c\` script runs none of ${entry.serverCommands.map(code).join(', ')} is a setup job and keeps no state.`);
  return notes.join(' ');
}

const HEADER = '| image | versions | path | kind | VOLUME | moved by / condition | source |\n|---|---|---|---|---|---|---|\n';

function entryRows(entry: ImageEntry): string[] {
  const names = entry.images.map(code).join(', ');
  const source = `[docs](${entry.source})`;
  if (entry.stateless) {
    return [`| ${names} | all | — | — | — | never reported: keeps nothing on disk | ${source} |`];
  }
  const rows: string[] = [];
  entry.variants.forEach((variant, index) => {
    const versions = versionLabel(entry, variant, index);
    if (variant.paths.length === 0) {
      rows.push(`| ${names} | ${cell(versions)} | — | — | — | no finding | ${source} |`);
      return;
    }
    for (const spec of variant.paths) {
      const path = code(spec.path) + (spec.dataPath ? ` (data in ${code(spec.dataPath)})` : '');
      rows.push(`| ${names} | ${cell(versions)} | ${path} | ${spec.kind} | ${spec.declaredVolume ? 'yes' : 'no'} | ${cell(movedByLabel(spec))} | ${source} |`);
    }
  });
  return rows;
}

/** The knowledge base as Markdown: one table per group, then the notes of each entry. */
export function imagesMarkdown(groups: readonly ImageGroup[], intro: string): string {
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  const names = groups.reduce((n, g) => n + g.entries.reduce((m, e) => m + e.images.length, 0), 0);
  let out = `# Image knowledge base\n\n${intro}\n\n${total} entries, ${names} image names.\n\n`;
  out +=
    'Image names are matched after normalisation: the registry (`docker.io`, `ghcr.io`, `lscr.io`, `quay.io`, `mcr.microsoft.com`, `localhost:5000`, …), ' +
    'the `library/` prefix of Docker Hub mirrors, the tag and the digest are dropped, and case is ignored; `bitnamilegacy/` and `bitnamisecure/` are read as `bitnami/`. Untagged images, `latest` and distro-only tags ' +
    '(`alpine`, `bookworm`) mean the newest version; a tag that stays an unresolved variable gives no version-specific finding.\n\n' +
    'Kinds: `database` (losing it loses records), `uploads` (user files), `config-state` (configuration the application writes, keys, certificates), ' +
    '`logs`, `cache` (disposable). **VOLUME** says whether the image declares one there: then an unmounted path lands in an anonymous volume that ' +
    '`docker compose down` orphans; otherwise it stays in the container layer and is lost on every recreate.\n';
  for (const group of groups) {
    if (group.entries.length === 0) continue;
    out += `\n## ${group.title}\n\n${HEADER}`;
    for (const entry of group.entries) out += entryRows(entry).join('\n') + '\n';
    const notes = group.entries.map((e) => [e, entryNotes(e)] as const).filter(([, n]) => n !== '');
    if (notes.length > 0) {
      out += '\nNotes:\n\n';
      for (const [entry, note] of notes) out += `- **${entry.name}**: ${note}\n`;
    }
  }
  return out;
}

/** The knowledge base as one JSON document (`vsafe images --format json`). */
export function imagesJson(groups: readonly ImageGroup[]): string {
  const images = groups.flatMap((g) => g.entries.map((entry) => ({ group: g.title, ...entry })));
  return JSON.stringify({ version: 1, images }, null, 2) + '\n';
}

export const DOCS_INTRO =
  'Where vsafe knows that images keep their state. Generated from `server/src/core/knowledge/` by `npm run docs` — do not edit by hand. ' +
  '`vsafe images` prints the same list, including the entries your `.vsaferc.json` adds under `images` (a user entry for an image overrides the built-in one). ' +
  'Every entry links the documentation that states the path.';
