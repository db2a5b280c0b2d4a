import type { Position, Range } from './types';

/**
 * Offset ↔ position conversion for one text. This is the single place where
 * source offsets (from YAML nodes or Dockerfile AST ranges) become positions.
 */
export class LineIndex {
  private readonly lineStarts: number[];
  /** The line break style of the text, so inserted lines match it (found once: fixes ask for every edit). */
  readonly eol: string;

  constructor(readonly text: string) {
    const starts = [0];
    const noCarriageReturn = text.indexOf('\r') < 0;
    this.eol = noCarriageReturn || !text.includes('\r\n') ? '\n' : '\r\n';
    if (noCarriageReturn) {
      // No \r: the native search finds the line breaks (most files, and the fastest way).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10 /* \n */) starts.push(i + 1);
        else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1]! - 1; // the \n or lone \r
    if (this.text.charCodeAt(end) === 10 && end > 0 && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

export function emptyRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** `Service "a" bind-mounts`, `Services "a" and "b" bind-mount`: the subject of a mount message. */
export function servicesMounting(names: readonly string[]): { Services: string; mounts: string } {
  const list = serviceList(names);
  return { Services: list.charAt(0).toUpperCase() + list.slice(1), mounts: names.length > 1 ? 'bind-mount' : 'bind-mounts' };
}

/** `service "a"`, `services "a" and "b"`, `services "a", "b" and "c"`. */
export function serviceList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  if (quoted.length === 1) return `service ${quoted[0]}`;
  return `services ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
