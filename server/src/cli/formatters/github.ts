import type { Severity } from '../../core/types';
import { flatten } from './flatten';
import type { FormatInput } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow command data: `%`, CR and LF are percent-encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values: additionally `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: one `::warning file=…,line=…::message` command per finding. */
export function formatGithub(input: FormatInput): string {
  return input.findings
    .map((finding) => {
      const f = flatten(finding, input.cwd);
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`vsafe(${f.rule})`)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
}
