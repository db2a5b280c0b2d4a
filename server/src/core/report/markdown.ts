import type { KnowledgeBase } from '../knowledge/lookup';
import type { LintResult } from '../lint';
import type { ComposeConfiguration } from '../project';
import type { Finding } from '../types';
import { buildInventory, IMPLICIT_LABEL, type Inventory, type InventoryMount, type InventoryProject, type Outcome } from './inventory';
import { renderMermaid } from './mermaid';

/** Text for a GitHub-flavoured Markdown table cell: pipes escaped, one line. */
export function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

/** A code span that survives backticks and pipes in the text (inside a table cell). */
export function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return cell(`${fence}${pad}${text}${pad}${fence}`);
}

/** Markdown inline text: characters that would start formatting are escaped. */
export function inline(text: string): string {
  return cell(text.replace(/([\\`*_[\]<>#])/g, '\\$1'));
}

/** How the Markdown report and the editor's hovers show an outcome. */
export const OUTCOME: Record<Outcome, string> = { kept: '✅ kept', lost: '❌ lost', unknown: '❔ unknown', none: '➖ no data' };

export function mountSource(mount: InventoryMount): string {
  if (mount.type === 'anonymous') return '(anonymous)';
  if (mount.type === 'tmpfs') return '(tmpfs)';
  return mount.source ?? '—';
}

function mountType(mount: InventoryMount): string {
  if (mount.implicit) return `anonymous (${IMPLICIT_LABEL[mount.implicit]} VOLUME)`;
  if (mount.type === 'volume') return mount.external ? 'volume (external)' : mount.driver ? `volume (${mount.driver})` : 'volume';
  return mount.type;
}

/** The header of the mount tables, shared with the `--diff` report. */
export const MOUNT_TABLE_HEADER = [
  '| Type | Source | Target | Read-only | Documented | Restart | `down` + `up` | `down -v` + `up` | Host loss |',
  '|---|---|---|---|---|---|---|---|---|',
];

export function mountRow(mount: InventoryMount, prefix = ''): string {
  const p = mount.persistence;
  const source = mount.type === 'anonymous' || mount.type === 'tmpfs' ? mountSource(mount) : code(mountSource(mount));
  return `| ${prefix}${mountType(mount)} | ${source} | ${code(mount.target)} | ${mount.readOnly ? 'yes' : 'no'} | ${mount.implicit ? '—' : mount.documented ? 'yes' : 'no'} | ${OUTCOME[p.restart]} | ${OUTCOME[p.down]} | ${OUTCOME[p.downVolumes]} | ${OUTCOME[p.hostLoss]} |`;
}

export function findingLine(finding: Finding, displayPath: (file: string) => string): string {
  const start = finding.location.range.start;
  const where = `${displayPath(finding.location.file)}:${start.line + 1}:${start.character + 1}`;
  return `- **${finding.severity}** ${code(finding.rule)} ${code(where)}: ${messageMarkdown(finding.message)}`;
}

/**
 * A finding message as Markdown: its code spans (`` `:ro` ``, `` `docker compose down` ``) stay
 * code, and the text around them is escaped. Unbalanced backticks are escaped like the rest.
 */
export function messageMarkdown(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return inline(message);
  return cell(parts.map((part, i) => (i % 2 === 1 && part !== '' ? '`' + part + '`' : part.replace(/([\\*_[\]<>#])/g, '\\$1'))).join(''));
}

export function projectTitle(project: Pick<InventoryProject, 'files' | 'production'>, displayPath: (file: string) => string): string {
  const files = project.files.map((f) => code(displayPath(f))).join(' + ');
  return `${files || '(no files)'}${project.production ? ' (production)' : ''}`;
}

/** The mount inventory of every project as Markdown (SPEC §6 `vsafe report`). */
export function renderInventoryMarkdown(result: LintResult, displayPath: (file: string) => string, knowledgeFor?: (configuration: ComposeConfiguration) => KnowledgeBase): string {
  return renderMarkdown(buildInventory(result, knowledgeFor), displayPath);
}

export function renderMarkdown(inventory: Inventory, displayPath: (file: string) => string): string {
  const out: string[] = ['# vsafe mount inventory', ''];
  if (inventory.projects.length === 0) {
    out.push('No Docker Compose files found.', '');
    if (inventory.findings.length > 0) out.push('## Other findings', '', ...inventory.findings.map((f) => findingLine(f, displayPath)), '');
    return out.join('\n');
  }
  const totals = summarize(inventory);
  const implicit = totals.implicit > 0 ? `, ${plural(totals.implicit, 'anonymous volume')} from ${totals.implicit === 1 ? 'an image VOLUME' : 'image VOLUMEs'}` : '';
  out.push(
    `${plural(inventory.projects.length, 'project')}, ${plural(totals.services, 'service')}, ${plural(totals.mounts, 'mount')} (${totals.undocumented} undocumented)${implicit}, ${plural(totals.findings, 'finding')}.`,
    '',
  );
  for (const project of inventory.projects) out.push(...renderProject(project, displayPath));
  if (inventory.findings.length > 0) out.push('## Other findings', '', ...inventory.findings.map((f) => findingLine(f, displayPath)), '');
  return out.join('\n');
}

function renderProject(project: InventoryProject, displayPath: (file: string) => string): string[] {
  const out: string[] = [`## ${projectTitle(project, displayPath)}`, ''];
  if (project.services.length === 0) out.push('No services.', '');
  for (const service of project.services) {
    const image = service.image !== undefined ? ` — image ${code(service.image)}` : '';
    out.push(`### Service ${code(service.name)}${image}`, '');
    if (service.mounts.length === 0) out.push('No mounts.', '');
    else out.push(...MOUNT_TABLE_HEADER, ...service.mounts.map((m) => mountRow(m)), '');
    if (service.findings.length > 0) {
      out.push('Findings:', '', ...service.findings.map((f) => findingLine(f, displayPath)), '');
    }
  }
  if (project.findings.length > 0) {
    out.push('### Other findings', '', ...project.findings.map((f) => findingLine(f, displayPath)), '');
  }
  if (project.services.some((s) => s.mounts.length > 0)) {
    out.push('### Diagram', '', '```mermaid', renderMermaid(project).trimEnd(), '```', '');
  }
  return out;
}

function summarize(inventory: Inventory): { services: number; mounts: number; undocumented: number; implicit: number; findings: number } {
  let services = 0;
  let mounts = 0;
  let implicit = 0;
  let undocumented = 0;
  const findings = new Set<Finding>();
  for (const project of inventory.projects) {
    services += project.services.length;
    for (const service of project.services) {
      const written = service.mounts.filter((m) => !m.implicit);
      mounts += written.length;
      implicit += service.mounts.length - written.length;
      undocumented += written.filter((m) => !m.documented).length;
      service.findings.forEach((f) => findings.add(f));
    }
    project.findings.forEach((f) => findings.add(f));
  }
  inventory.findings.forEach((f) => findings.add(f));
  return { services, mounts, undocumented, implicit, findings: findings.size };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
