import { flatten } from './flatten';
import type { FormatInput } from './types';

export function formatJson(input: FormatInput): string {
  return JSON.stringify({ version: 1, findings: input.findings.map((f) => flatten(f, input.cwd)) }) + '\n';
}
