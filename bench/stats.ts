/** Small helpers every benchmark section shares. */

/** Where a section writes its Markdown lines. */
export type Log = (line?: string) => void;

/** The middle value (the upper one of an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Milliseconds since a `process.hrtime.bigint()` reading. */
export function elapsedSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds for a table: whole numbers from 100 up, else `digits` decimals; `—` when there is no figure. */
export function formatMs(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined || Number.isNaN(v) ? '—' : `${v >= 100 ? v.toFixed(0) : v.toFixed(digits)} ms`;
}
