import type { Finding } from '../../core/types';
import { relativeDisplayPath } from '../../node/paths';
import type { FlatFinding } from './types';

export function flatten(finding: Finding, cwd: string): FlatFinding {
  const { start, end } = finding.location.range;
  const flat: FlatFinding = {
    file: relativeDisplayPath(finding.location.file, cwd),
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    fixable: finding.fixes.length > 0,
  };
  if (finding.service !== undefined) flat.service = finding.service;
  if (finding.containerPath !== undefined) flat.containerPath = finding.containerPath;
  // Key order is part of the contract: keep `fixable` last, as SPEC §6 shows it.
  const { fixable, ...rest } = flat;
  return { ...rest, fixable };
}
