import type { DrillTarget, StepName } from './plan';
import type { Method } from './sentinel';

export type StepOutcome = 'kept' | 'lost' | 'error';

export interface PathResult {
  target: DrillTarget;
  steps: Partial<Record<StepName, StepOutcome>>;
  method?: Method;
  error?: string;
  notes: string[];
}

export interface ServiceReport {
  service: string;
  image?: string;
  results: PathResult[];
  /** The service could not be drilled at all (image missing, container did not start). */
  error?: string;
  notes: string[];
}

export interface DrillReport {
  engine?: string;
  project?: string;
  includeDownV: boolean;
  /** Set after the cleanup: false when something of the project could not be removed. */
  cleanedUp?: boolean;
  services: ServiceReport[];
  notes: string[];
}

const STEP_ORDER: readonly StepName[] = ['restart', 'down-up', 'down-v-up'];
const STEP_TITLES: Record<StepName, string> = { restart: 'RESTART', 'down-up': 'DOWN+UP', 'down-v-up': 'DOWN -V+UP' };
const STEP_WORDS: Record<StepName, string> = { restart: 'restart', 'down-up': 'down + up', 'down-v-up': 'down -v + up' };

/** SPEC §6: `{"version":1,"engine":…,"results":[…]}`; `skipped` is added only when something was not drilled. */
export function formatDrillJson(report: DrillReport): string {
  const results = [];
  const skipped: { service: string; containerPath?: string; reason: string }[] = [];
  for (const service of report.services) {
    if (service.error && !service.results.some((r) => r.method)) {
      skipped.push({ service: service.service, reason: service.error });
      continue;
    }
    for (const result of service.results) {
      if (!result.method) {
        skipped.push({ service: service.service, containerPath: result.target.containerPath, reason: result.target.skip ?? result.error ?? service.error ?? 'not drilled' });
        continue;
      }
      const steps: Partial<Record<StepName, StepOutcome>> = {};
      for (const step of STEP_ORDER) if (result.steps[step]) steps[step] = result.steps[step];
      results.push({ service: service.service, containerPath: result.target.containerPath, predicted: result.target.expected['down-up'], steps, method: result.method });
    }
  }
  const out: Record<string, unknown> = { version: 1, engine: report.engine ?? null, results };
  if (skipped.length > 0) out.skipped = skipped;
  return `${JSON.stringify(out)}\n`;
}

/** The verdict for one drilled path: kept everywhere, or where data went, and whether the analysis was right. */
export function verdict(result: PathResult): { ok: boolean; text: string } {
  if (!result.method) return { ok: !result.error, text: result.target.skip ? `skipped: ${result.target.skip}` : `not drilled${result.error ? `: ${result.error}` : ' (see the service error)'}` };
  const wrong: string[] = [];
  const lost: string[] = [];
  for (const step of STEP_ORDER) {
    const outcome = result.steps[step];
    if (!outcome || outcome === 'error') continue;
    if (outcome === 'lost') lost.push(STEP_WORDS[step]);
    if (outcome !== result.target.expected[step]) wrong.push(`${outcome} at ${STEP_WORDS[step]}, predicted ${result.target.expected[step]}`);
  }
  const parts: string[] = [];
  if (lost.length > 0) parts.push(`LOST at ${lost.join(', ')}`);
  else parts.push('kept');
  if (wrong.length > 0) parts.push(`PREDICTION WRONG (${wrong.join('; ')})`);
  else parts.push('as predicted');
  if (result.error) parts.push(`error: ${result.error}`);
  return { ok: lost.length === 0 && wrong.length === 0 && !result.error, text: parts.join(', ') };
}

export function formatDrillTable(report: DrillReport, _cwd: string): string {
  const lines: string[] = [];
  const steps = STEP_ORDER.filter((s) => s !== 'down-v-up' || report.includeDownV);
  lines.push(`vsafe drill: ${report.engine ?? 'no engine'}${report.project ? `, throw-away project ${report.project}` : ''}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  let drilled = 0;
  let lostCount = 0;
  let wrongCount = 0;
  let skippedCount = 0;
  let errorCount = 0;
  for (const service of report.services) {
    lines.push('');
    lines.push(`${service.service}${service.image ? ` (${service.image})` : ''}`);
    if (service.error) {
      lines.push(`  error: ${service.error}`);
      errorCount++;
    }
    if (service.results.length > 0) {
      const header = ['PATH', 'STORAGE', 'PREDICTED', ...steps.map((s) => STEP_TITLES[s]), 'METHOD', 'RESULT'];
      const rows = service.results.map((result) => {
        const v = verdict(result);
        if (result.method) {
          drilled++;
          if (Object.values(result.steps).includes('lost')) lostCount++;
          if (v.text.includes('PREDICTION WRONG')) wrongCount++;
        } else if (result.target.skip) skippedCount++;
        if (result.error) errorCount++;
        return [
          result.target.containerPath,
          result.target.storageLabel,
          result.target.expected['down-up'],
          ...steps.map((s) => result.steps[s] ?? '-'),
          result.method ?? '-',
          v.text,
        ];
      });
      lines.push(...table([header, ...rows]).map((l) => `  ${l}`));
      for (const result of service.results) for (const note of result.notes) lines.push(`  note (${result.target.containerPath}): ${note}`);
    }
    for (const note of service.notes) lines.push(`  note: ${note}`);
  }
  lines.push('');
  const summary = [`${drilled} path${drilled === 1 ? '' : 's'} drilled`, `${lostCount} lost data`, `${wrongCount} prediction${wrongCount === 1 ? '' : 's'} wrong`];
  if (skippedCount > 0) summary.push(`${skippedCount} skipped`);
  if (errorCount > 0) summary.push(`${errorCount} error${errorCount === 1 ? '' : 's'}`);
  const cleanup = !report.project ? '' : report.cleanedUp === false ? ` Project ${report.project} could NOT be removed completely (see above).` : ` Project ${report.project} removed.`;
  lines.push(`${summary.join(', ')}.${cleanup}`);
  return `${lines.join('\n')}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}
