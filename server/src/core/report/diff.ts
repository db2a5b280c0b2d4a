import type { Finding } from '../types';
import { IMPLICIT_LABEL, type Inventory, type InventoryMount, type InventoryProject, type InventoryService } from './inventory';
import { flatFinding, jsonMount } from './json';
import { code, findingLine, inline, MOUNT_TABLE_HEADER, mountRow, plural, projectTitle } from './markdown';
import { renderMermaid } from './mermaid';

/**
 * What a branch changed in the mount inventory: per project, mounts added,
 * removed or changed (type, source, read-only, documentation), and findings that
 * appeared or went away. Mounts are matched by service and container path; findings
 * by rule, file, service, container path and message (lines move, so not by position).
 */

export type MountChangeKind = 'added' | 'removed' | 'changed';

export interface MountChange {
  kind: MountChangeKind;
  service: string;
  mount: InventoryMount;
  /** For `changed`: the mount before. */
  before?: InventoryMount;
}

export interface ProjectDiff {
  files: string[];
  production: boolean;
  /** Added and removed mounts first, then changed ones. */
  mounts: MountChange[];
  newFindings: Finding[];
  resolvedFindings: Finding[];
  /** The project's services (current state) that have a mount change, for the diagram. */
  services: InventoryService[];
}

export interface InventoryDiff {
  ref: string;
  projects: ProjectDiff[];
}

const ORDER: Record<MountChangeKind, number> = { added: 0, removed: 1, changed: 2 };

/**
 * `display` maps a file to a stable name in both trees (the path relative to the
 * repository), so projects and findings of the two sides can be matched.
 */
export function diffInventories(ref: string, before: Inventory, after: Inventory, display: (file: string) => string): InventoryDiff {
  const key = (project: InventoryProject): string => project.files.map(display).join('\u0000');
  const old = new Map(before.projects.map((p) => [key(p), p]));
  const current = new Map(after.projects.map((p) => [key(p), p]));
  const projects: ProjectDiff[] = [];
  for (const k of new Set([...current.keys(), ...old.keys()])) {
    const diff = diffProject(old.get(k), current.get(k), display);
    if (diff.mounts.length > 0 || diff.newFindings.length > 0 || diff.resolvedFindings.length > 0) projects.push(diff);
  }
  return { ref, projects };
}

function diffProject(before: InventoryProject | undefined, after: InventoryProject | undefined, display: (file: string) => string): ProjectDiff {
  const mounts: MountChange[] = [];
  const services = new Map<string, InventoryService>();
  const oldServices = new Map((before?.services ?? []).map((s) => [s.name, s]));
  const newServices = new Map((after?.services ?? []).map((s) => [s.name, s]));
  for (const name of new Set([...newServices.keys(), ...oldServices.keys()])) {
    const oldMounts = new Map((oldServices.get(name)?.mounts ?? []).map((m) => [m.target, m]));
    const newMounts = new Map((newServices.get(name)?.mounts ?? []).map((m) => [m.target, m]));
    for (const [target, mount] of newMounts) {
      const was = oldMounts.get(target);
      if (!was) mounts.push({ kind: 'added', service: name, mount });
      else if (mountSignature(was) !== mountSignature(mount)) mounts.push({ kind: 'changed', service: name, mount, before: was });
    }
    for (const [target, mount] of oldMounts) if (!newMounts.has(target)) mounts.push({ kind: 'removed', service: name, mount });
  }
  mounts.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0) || (a.mount.target < b.mount.target ? -1 : 1));
  for (const change of mounts) {
    const service = newServices.get(change.service);
    if (service) services.set(service.name, service);
  }
  const findingKey = (f: Finding): string => [f.rule, display(f.location.file), f.service, f.containerPath, f.message].join('\u0000');
  const all = (p: InventoryProject | undefined): Finding[] => (p ? [...p.services.flatMap((s) => s.findings), ...p.findings] : []);
  const oldKeys = new Set(all(before).map(findingKey));
  const newKeys = new Set(all(after).map(findingKey));
  const project = after ?? before!;
  return {
    files: project.files,
    production: project.production,
    mounts,
    newFindings: unique(all(after).filter((f) => !oldKeys.has(findingKey(f)))),
    resolvedFindings: unique(all(before).filter((f) => !newKeys.has(findingKey(f)))),
    services: [...services.values()],
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function mountSignature(mount: InventoryMount): string {
  return JSON.stringify([mount.type, mount.source, mount.readOnly, mount.documented, mount.external, mount.driver, mount.device, mount.implicit]);
}

const CHANGE_LABEL: Record<MountChangeKind, string> = { added: '➕ added', removed: '➖ removed', changed: '✏️ changed' };

export function renderDiffMarkdown(diff: InventoryDiff, displayPath: (file: string) => string, displayOld: (file: string) => string = displayPath): string {
  const out = [`# vsafe mount inventory: changes since ${code(diff.ref)}`, ''];
  if (diff.projects.length === 0) {
    out.push(`No mount or finding changes since ${code(diff.ref)}.`, '');
    return out.join('\n');
  }
  for (const project of diff.projects) {
    out.push(`## ${projectTitle(project, displayPath)}`, '');
    if (project.mounts.length > 0) {
      out.push(`### Mount changes (${plural(project.mounts.length, 'mount')})`, '');
      const [head, rule] = MOUNT_TABLE_HEADER;
      out.push(`| Change | Service ${head}`, `|---|---${rule}`);
      for (const change of project.mounts) {
        const before = change.before ? ` (was ${describe(change.before)})` : '';
        out.push(`| ${CHANGE_LABEL[change.kind]}${inline(before)} | ${code(change.service)} ${mountRow(change.mount)}`);
      }
      out.push('');
    }
    if (project.newFindings.length > 0) out.push('### New findings', '', ...project.newFindings.map((f) => findingLine(f, displayPath)), '');
    if (project.resolvedFindings.length > 0) out.push('### Resolved findings', '', ...project.resolvedFindings.map((f) => findingLine(f, displayOld)), '');
    if (project.services.some((s) => s.mounts.length > 0)) {
      const diagram = renderMermaid({ files: project.files, production: project.production, services: project.services, findings: [] });
      out.push('### Diagram of the changed services', '', '```mermaid', diagram.trimEnd(), '```', '');
    }
  }
  return out.join('\n');
}

function describe(mount: InventoryMount): string {
  const parts = [mount.implicit ? `anonymous, from the ${IMPLICIT_LABEL[mount.implicit]}'s VOLUME` : mount.type === 'anonymous' ? 'anonymous' : `${mount.type} ${mount.source ?? ''}`.trim()];
  if (mount.readOnly) parts.push('read-only');
  if (!mount.implicit) parts.push(mount.documented ? 'documented' : 'undocumented');
  return parts.join(', ');
}

export function diffJson(diff: InventoryDiff, displayPath: (file: string) => string, displayOld: (file: string) => string = displayPath): object {
  return {
    version: 1,
    ref: diff.ref,
    projects: diff.projects.map((project) => ({
      files: project.files.map(displayPath),
      production: project.production,
      mounts: project.mounts.map((change) => ({
        change: change.kind,
        service: change.service,
        ...jsonMount(change.mount, change.kind === 'removed' ? displayOld : displayPath),
        ...(change.before ? { before: jsonMount(change.before, displayOld) } : {}),
      })),
      newFindings: project.newFindings.map((f) => flatFinding(f, displayPath)),
      resolvedFindings: project.resolvedFindings.map((f) => flatFinding(f, displayOld)),
    })),
  };
}
