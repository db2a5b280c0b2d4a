import { flatten } from './flatten';
import type { FlatFinding, FormatInput } from './types';

const COLORS = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32 } as const;

function paint(enabled: boolean, code: keyof typeof COLORS, text: string): string {
  return enabled ? `\u001b[${COLORS[code]}m${text}\u001b[0m` : text;
}

const SEVERITY_COLOR: Record<FlatFinding['severity'], keyof typeof COLORS> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'gray' };

/** ESLint's stylish layout: findings grouped by file, a summary line at the end. */
export function formatStylish(input: FormatInput): string {
  const { color } = input;
  const flat = input.findings.map((f) => flatten(f, input.cwd));
  if (flat.length === 0) return '';
  const byFile = new Map<string, FlatFinding[]>();
  for (const f of flat) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push('', paint(color, 'underline', file));
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    const sevWidth = Math.max(...findings.map((f) => f.severity.length));
    findings.forEach((f, i) => {
      const pos = positions[i]!.padEnd(width);
      const sev = paint(color, SEVERITY_COLOR[f.severity], f.severity.padEnd(sevWidth));
      lines.push(`  ${paint(color, 'gray', pos)}  ${sev}  ${f.message}  ${paint(color, 'gray', f.rule)}`);
    });
  }
  const count = (s: FlatFinding['severity']): number => flat.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const others = flat.length - errors - warnings;
  const summary = `✖ ${plural(flat.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${others} info/hint)`;
  lines.push('', paint(color, errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'blue', paint(color, 'bold', summary)));
  const fixable = flat.filter((f) => f.fixable).length;
  if (fixable > 0) lines.push(paint(color, 'gray', `  ${plural(fixable, 'problem')} potentially fixable with the \`--fix\` option.`));
  return lines.join('\n') + '\n';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
