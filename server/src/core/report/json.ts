import type { KnowledgeBase } from '../knowledge/lookup';
import type { LintResult } from '../lint';
import type { ComposeConfiguration } from '../project';
import { safeFix, type Finding } from '../types';
import { buildInventory, type Inventory, type InventoryMount, type Persistence } from './inventory';

/** One finding as the CLI's JSON prints it (SPEC §6 shape). */
export interface FlatReportFinding {
  file: string;
  rule: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  service?: string;
  containerPath?: string;
  fixable: boolean;
}

export interface JsonMount {
  type: InventoryMount['type'];
  source?: string;
  target: string;
  readOnly: boolean;
  documented: boolean;
  external?: boolean;
  driver?: string;
  device?: string;
  persistence: Persistence;
  /** An anonymous volume the image's (`image`) or the built Dockerfile's (`dockerfile`) `VOLUME` creates; not in the compose file. */
  implicit?: 'image' | 'dockerfile';
  file: string;
  line: number;
  column: number;
}

export function flatFinding(finding: Finding, displayPath: (file: string) => string): FlatReportFinding {
  const { start, end } = finding.location.range;
  // Key order is part of the contract (SPEC §6): the optional keys come before `fixable`.
  return {
    file: displayPath(finding.location.file),
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    ...(finding.service !== undefined ? { service: finding.service } : {}),
    ...(finding.containerPath !== undefined ? { containerPath: finding.containerPath } : {}),
    // What `--fix` would apply: a fix that is not preferred is only offered in the editor.
    fixable: safeFix(finding.fixes) !== undefined,
  };
}

export function jsonMount(mount: InventoryMount, displayPath: (file: string) => string): JsonMount {
  const out: Partial<JsonMount> = { type: mount.type };
  if (mount.source !== undefined) out.source = mount.source;
  out.target = mount.target;
  out.readOnly = mount.readOnly;
  out.documented = mount.documented;
  if (mount.external) out.external = true;
  if (mount.driver !== undefined) out.driver = mount.driver;
  if (mount.device !== undefined) out.device = mount.device;
  out.persistence = mount.persistence;
  if (mount.implicit) out.implicit = mount.implicit;
  out.file = displayPath(mount.location.file);
  out.line = mount.location.range.start.line + 1;
  out.column = mount.location.range.start.character + 1;
  return out as JsonMount;
}

/** The inventory as a JSON-ready object (`vsafe report --format json`). */
export function inventoryJson(inventory: Inventory, displayPath: (file: string) => string): object {
  return {
    version: 1,
    projects: inventory.projects.map((project) => ({
      files: project.files.map(displayPath),
      production: project.production,
      services: project.services.map((service) => ({
        name: service.name,
        ...(service.image !== undefined ? { image: service.image } : {}),
        file: displayPath(service.location.file),
        line: service.location.range.start.line + 1,
        mounts: service.mounts.map((m) => jsonMount(m, displayPath)),
        findings: service.findings.map((f) => flatFinding(f, displayPath)),
      })),
      findings: project.findings.map((f) => flatFinding(f, displayPath)),
    })),
    findings: inventory.findings.map((f) => flatFinding(f, displayPath)),
  };
}

export function renderInventoryJson(result: LintResult, displayPath: (file: string) => string, knowledgeFor?: (configuration: ComposeConfiguration) => KnowledgeBase): string {
  return JSON.stringify(inventoryJson(buildInventory(result, knowledgeFor), displayPath), null, 2) + '\n';
}
