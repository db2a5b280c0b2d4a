import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isMap, isScalar } from 'yaml';
import type { Finding, Position, Range } from '../core';
import type { ComposeFileModel } from '../core/compose/parse';
import { asMap, deref, getPair, getValue, nodeSpan, scalarString } from '../core/compose/yaml';
import type { KnowledgeBase } from '../core/knowledge/lookup';
import type { Mount } from '../core/model';
import { dirname, joinPath } from '../core/paths';
import type { ComposeConfiguration, ComposeWorkload } from '../core/project';
import { buildInventory, hasComment, persistence, type Outcome } from '../core/report/inventory';
import { OUTCOME } from '../core/report/markdown';
import { keepingMount, statePaths, type StatePath } from '../core/state';
import type { LintResult } from '../core/lint';
import { isHostInterface } from '../core/rules/undocumented-mount';

/**
 * What the editor shows besides diagnostics: hovers on mounts and images, code
 * lenses with per-service state-path counts, links on bind sources and build paths.
 * All computed from the last analysis of the folders that read the file.
 */

export function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The configurations that include a file, `docker compose up`'s (base + override) first. */
export function configurationsOf(results: readonly LintResult[], file: string): ComposeConfiguration[] {
  const out: ComposeConfiguration[] = [];
  for (const result of results) for (const c of result.configurations) if (c.files.some((f) => f.file === file)) out.push(c);
  return out;
}

export type StateVerdict = 'persisted' | 'at-risk';

export interface StateStatus {
  statePath: StatePath;
  mount?: Mount;
  verdict: StateVerdict;
}

/** A state path is persisted by a named volume or a bind mount; anything else loses it on `down` + `up`. */
export function stateStatus(workload: ComposeWorkload, knowledge: KnowledgeBase): StateStatus[] {
  return statePaths(workload, knowledge).map((statePath) => {
    const mount = keepingMount(statePath, workload.mounts);
    const persisted = mount !== undefined && (mount.type === 'volume' || mount.type === 'bind');
    return { statePath, mount, verdict: persisted ? 'persisted' : 'at-risk' };
  });
}

const MOUNT_NAMES: Record<Mount['type'], string> = {
  volume: 'named volume',
  anonymous: 'anonymous volume',
  bind: 'bind mount',
  tmpfs: 'tmpfs mount',
  other: 'mount',
};

/** A host reboot restarts the same containers: only memory (tmpfs) is gone. */
function rebootOutcome(type: Mount['type'] | 'none'): Outcome {
  if (type === 'tmpfs') return 'lost';
  if (type === 'other') return 'unknown';
  return 'kept';
}

function lifecycleTable(type: Mount['type'] | 'none', volume: { external: boolean; remoteDriver: boolean; hostFolder?: boolean }): string[] {
  const p =
    type === 'none'
      ? { restart: 'kept' as Outcome, down: 'lost' as Outcome, downVolumes: 'lost' as Outcome, hostLoss: 'lost' as Outcome }
      : persistence(type, volume);
  return [
    '| event | data |',
    '|---|---|',
    `| \`docker compose restart\` | ${OUTCOME[p.restart]} |`,
    `| \`docker compose down\` + \`up\` | ${OUTCOME[p.down]} |`,
    `| \`docker compose down -v\` + \`up\` | ${OUTCOME[p.downVolumes]} |`,
    `| host reboot | ${OUTCOME[rebootOutcome(type)]} |`,
  ];
}

function knowledgeLine(status: StateStatus): string {
  const sp = status.statePath;
  const moved = sp.origin.kind === 'env' ? ` (moved by \`${sp.origin.name}\`)` : sp.origin.kind === 'flag' ? ` (moved by \`${sp.origin.flag}\`)` : '';
  const entry = sp.entry ? ` — knowledge base: **${sp.entry.name}** ([source](${sp.entry.source}))` : '';
  return `- \`${sp.path}\`${moved}: ${sp.description} (${sp.kind})${entry}`;
}

export function mountHover(mount: Mount, workload: ComposeWorkload, configuration: ComposeConfiguration, knowledge: KnowledgeBase): string {
  const declared = mount.type === 'volume' && mount.source !== undefined ? configuration.volumes.get(mount.source) : undefined;
  const external = declared?.declaration.external === true;
  const driver = declared?.declaration.driver;
  const remoteDriver = driver !== undefined && driver !== 'local';
  const source = mount.source !== undefined ? `\`${mount.source}\` → ` : '';
  const out = [`**vsafe** · ${MOUNT_NAMES[mount.type]}${external ? ' (external)' : ''} ${source}\`${mount.target}\` in service \`${workload.name}\``, ''];
  if (mount.type === 'anonymous') out.push('An anonymous volume is replaced by a new, empty one when the container is recreated: its data is orphaned.', '');
  if (mount.type === 'tmpfs') out.push('tmpfs lives in memory: it is emptied whenever the container stops.', '');
  if (isHostInterface(mount)) out.push('A host socket or kernel interface: it holds no data to keep or lose, it gives the container access to the host.', '');
  else out.push(...lifecycleTable(mount.type, { external, remoteDriver }), '');
  const held = stateStatus(workload, knowledge).filter((s) => s.mount === mount);
  if (held.length > 0) {
    out.push(`State the image keeps here:`, '', ...held.map(knowledgeLine));
  } else {
    out.push('No known state path of the image is under this mount.');
  }
  return out.join('\n');
}

export function imageHover(workload: ComposeWorkload, knowledge: KnowledgeBase, heading?: string): string {
  const statuses = stateStatus(workload, knowledge);
  const image = workload.image?.value ?? '';
  const out = [heading ?? `**vsafe** · image \`${image}\` of service \`${workload.name}\``, ''];
  if (statuses.length === 0) {
    out.push('vsafe knows no state path of this image.');
    return out.join('\n');
  }
  out.push('| state path | kind | mount | `down` + `up` |', '|---|---|---|---|');
  for (const s of statuses) {
    const mount = s.mount ? `${MOUNT_NAMES[s.mount.type]}${s.mount.source ? ` \`${s.mount.source}\`` : ''}` : 'none (container layer)';
    out.push(`| \`${s.statePath.path}\` | ${s.statePath.kind} | ${mount} | ${s.verdict === 'persisted' ? '✅ kept' : '❌ lost'} |`);
  }
  const entries = new Map(statuses.filter((s) => s.statePath.entry).map((s) => [s.statePath.entry!.id, s.statePath.entry!]));
  out.push('', ...[...entries.values()].map((e) => `Knowledge base: **${e.name}** — [${e.source}](${e.source})`));
  const atRisk = statuses.filter((s) => s.verdict === 'at-risk');
  if (atRisk.length > 0) {
    out.push('', 'Data with no named volume or bind mount lives in the container layer (or an anonymous volume or tmpfs):', '', ...lifecycleTable('none', { external: false, remoteDriver: false }));
  }
  return out.join('\n');
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function hoverAt(configurations: readonly ComposeConfiguration[], file: string, position: Position, knowledgeFor: (c: ComposeConfiguration) => KnowledgeBase): HoverResult | undefined {
  for (const configuration of configurations) {
    const knowledge = knowledgeFor(configuration);
    for (const workload of configuration.workloads) {
      for (const mount of workload.mounts) {
        if (mount.location.file === file && contains(mount.location.range, position)) {
          return { markdown: mountHover(mount, workload, configuration, knowledge), range: mount.location.range };
        }
      }
      const image = workload.image;
      if (image && image.location.file === file && contains(image.location.range, position)) {
        return { markdown: imageHover(workload, knowledge), range: image.location.range };
      }
    }
  }
  return undefined;
}

/**
 * In a Dockerfile, on a vsafe finding: the state paths of the compose services that
 * build it, where each one's data lives and whether `down` + `up` keeps it.
 */
export function dockerfileHover(
  configurations: readonly ComposeConfiguration[],
  file: string,
  position: Position,
  findings: readonly Finding[],
  knowledgeFor: (c: ComposeConfiguration) => KnowledgeBase,
): HoverResult | undefined {
  const finding = findings.find((f) => f.location.file === file && contains(f.location.range, position));
  if (!finding) return undefined;
  for (const configuration of configurations) {
    for (const workload of configuration.workloads) {
      if (workload.origin.dockerfile !== file || (finding.service !== undefined && workload.name !== finding.service)) continue;
      const heading = `**vsafe** · service \`${workload.name}\` is built from this Dockerfile`;
      return { markdown: imageHover(workload, knowledgeFor(configuration), heading), range: finding.location.range };
    }
  }
  return undefined;
}

export interface Lens {
  range: Range;
  title: string;
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "N state paths · M persisted · K at risk" above each service key of the file; undocumented mounts above `volumes:`. */
export function lensesFor(configurations: readonly ComposeConfiguration[], file: string, knowledgeFor: (c: ComposeConfiguration) => KnowledgeBase, findings: readonly Finding[]): Lens[] {
  const lenses: Lens[] = [];
  const seen = new Set<string>();
  for (const configuration of configurations) {
    const knowledge = knowledgeFor(configuration);
    for (const workload of configuration.workloads) {
      // The service key in this file (a service can be declared in several files).
      const layer = workload.layers.find((l) => l.file.file === file);
      if (!layer || seen.has(workload.name)) continue;
      seen.add(workload.name);
      const statuses = stateStatus(workload, knowledge);
      const persisted = statuses.filter((s) => s.verdict === 'persisted').length;
      lenses.push({
        range: layer.entry.keyLocation.range,
        title: `${plural(statuses.length, 'state path')} · ${persisted} persisted · ${statuses.length - persisted} at risk`,
      });
    }
  }
  const primary = configurations[0];
  const model = primary?.files.find((f) => f.file === file);
  if (primary && model?.volumesPair) {
    const inventory = buildInventory({ findings: [...findings], files: [], configurations: [primary] });
    const mounts = inventory.projects.flatMap((p) => p.services.flatMap((s) => s.mounts));
    const undocumented = mounts.filter((m) => !m.documented).length;
    const key = model.volumesPair.key as { range?: [number, number, number] } | null;
    const range = key?.range ? model.lines.range(key.range[0], key.range[1]) : undefined;
    if (range) lenses.push({ range, title: `${plural(undocumented, 'undocumented mount')} of ${mounts.length}` });
  }
  return lenses;
}

export interface Link {
  range: Range;
  target: string;
  tooltip: string;
}

/** Links on bind-mount sources and `build.context` / `build.dockerfile`, to files that exist. */
export function linksFor(configurations: readonly ComposeConfiguration[], model: ComposeFileModel): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const dir = dirname(model.file);
  const add = (range: Range, path: string, tooltip: string): void => {
    const key = `${range.start.line}:${range.start.character}`;
    if (seen.has(key) || !existsSync(path)) return;
    seen.add(key);
    links.push({ range, target: pathToFileURL(path).toString(), tooltip });
  };
  for (const configuration of configurations) {
    for (const workload of configuration.workloads) {
      for (const layer of workload.layers) {
        if (layer.file !== model) continue;
        for (const mount of layer.volumes?.mounts ?? []) {
          if (mount.type !== 'bind' || mount.source === undefined || mount.unknown) continue;
          const range = bindSourceRange(model, mount);
          if (range) add(range, resolveHostPath(dir, mount.source), 'Open the bind-mounted host path');
        }
        const build = layer.entry.map ? getPair(model.doc, layer.entry.map, 'build') : undefined;
        const buildValue = build ? deref(model.doc, build.value) : undefined;
        if (!buildValue) continue;
        if (isScalar(buildValue)) {
          const context = scalarString(model.doc, buildValue);
          if (context !== undefined && !context.includes('$') && !/^[a-z]+:\/\//i.test(context)) {
            add(spanRange(model, buildValue), resolveHostPath(dir, context), 'Open the build context');
          }
        } else if (isMap(buildValue)) {
          const map = asMap(model.doc, buildValue)!;
          const contextNode = getValue(model.doc, map, 'context');
          const context = scalarString(model.doc, contextNode) ?? '.';
          if (context.includes('$') || /^[a-z]+:\/\//i.test(context)) continue;
          const contextPath = resolveHostPath(dir, context);
          if (contextNode) add(spanRange(model, contextNode), contextPath, 'Open the build context');
          const dockerfileNode = getValue(model.doc, map, 'dockerfile');
          const dockerfile = scalarString(model.doc, dockerfileNode);
          if (dockerfileNode && dockerfile !== undefined && !dockerfile.includes('$')) {
            add(spanRange(model, dockerfileNode), resolveHostPath(contextPath, dockerfile), 'Open the Dockerfile');
          }
        }
      }
    }
  }
  return links;
}

function spanRange(model: ComposeFileModel, node: Parameters<typeof nodeSpan>[0]): Range {
  const [start, end] = nodeSpan(node);
  return model.lines.range(start, end);
}

function resolveHostPath(dir: string, path: string): string {
  if (path.startsWith('~/')) return joinPath(process.env.HOME ?? '/', path.slice(2));
  return path.startsWith('/') ? path : joinPath(dir, path);
}

/**
 * Where the source is written in a mount entry: the `source:` value in long syntax; in
 * short syntax the part of the scalar before the target, when the scalar's source text
 * is the value itself (plain or quoted without escapes).
 */
function bindSourceRange(model: ComposeFileModel, mount: Mount): Range | undefined {
  const start = model.lines.offsetAt(mount.location.range.start);
  const end = model.lines.offsetAt(mount.location.range.end);
  if (mount.syntax === 'long') {
    const node = findNodeAt(model, start);
    const map = node ? asMap(model.doc, node) : undefined;
    const sourceNode = map ? getValue(model.doc, map, 'source') : undefined;
    return sourceNode ? spanRange(model, sourceNode) : undefined;
  }
  const written = model.text.slice(start, end);
  const quote = written[0] === '"' || written[0] === "'" ? 1 : 0;
  const body = written.slice(quote, written.length - quote);
  if (body.includes('\\') || body.includes('$')) return undefined;
  const drive = /^[A-Za-z]:[\\/]/.test(body) ? 2 : 0;
  const colon = body.indexOf(':', drive);
  if (colon <= 0) return undefined;
  return model.lines.range(start + quote, start + quote + colon);
}

/** The sequence item (mount entry) that starts at an offset. */
function findNodeAt(model: ComposeFileModel, offset: number): unknown {
  let found: unknown;
  const visit = (node: unknown, depth: number): void => {
    if (found !== undefined || depth > 64) return;
    const n = deref(model.doc, node);
    if (!n) return;
    const range = (n as { range?: [number, number, number] }).range;
    if (range && isMap(n) && range[0] === offset) {
      found = n;
      return;
    }
    if (range && (offset < range[0] || offset > range[2])) return;
    const items = (n as { items?: unknown[] }).items;
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (item && typeof item === 'object' && 'key' in item && 'value' in item) visit((item as { value: unknown }).value, depth + 1);
      else visit(item, depth + 1);
    }
  };
  visit(model.doc.contents, 0);
  return found;
}

/**
 * One analysis's state paths (file, service, path) → at risk, each counted once per service,
 * so the server can keep this small summary per folder instead of the whole analysis and
 * total it for the status bar without re-analysing.
 */
export function stateVerdicts(result: LintResult, knowledgeFor: (c: ComposeConfiguration) => KnowledgeBase): Map<string, boolean> {
  const seen = new Map<string, boolean>();
  for (const configuration of result.configurations) {
    const knowledge = knowledgeFor(configuration);
    for (const workload of configuration.workloads) {
      for (const status of stateStatus(workload, knowledge)) {
        // Once per service and path; at risk when any configuration (base + override, base + prod) loses it.
        const key = `${workload.location.file}\u0000${workload.name}\u0000${status.statePath.path}`;
        seen.set(key, seen.get(key) === true || status.verdict === 'at-risk');
      }
    }
  }
  return seen;
}

/** Totals over several {@link stateVerdicts} summaries (a path at risk in any of them is at risk). */
export function countVerdicts(summaries: Iterable<ReadonlyMap<string, boolean>>): { statePaths: number; atRisk: number } {
  const merged = new Map<string, boolean>();
  for (const summary of summaries) for (const [key, atRisk] of summary) merged.set(key, merged.get(key) === true || atRisk);
  let atRisk = 0;
  for (const risky of merged.values()) if (risky) atRisk++;
  return { statePaths: merged.size, atRisk };
}

export { hasComment };
