/**
 * A unified diff (`diff -u` / `git diff` layout) of two texts, line based, with
 * three lines of context. Small and dependency-free: compose files are short.
 */
export function unifiedDiff(oldName: string, newName: string, oldText: string | undefined, newText: string, context = 3): string {
  const a = oldText === undefined ? [] : splitLines(oldText);
  const b = splitLines(newText);
  const key = (l: Line): string => (l.terminated ? `${l.text}\n` : l.text);
  const ops = diffLines(a.map(key), b.map(key));
  if (ops.every((op) => op.kind === 'same') && oldText !== undefined) return '';
  const out = [`--- ${oldText === undefined ? '/dev/null' : oldName}`, `+++ ${newName}`];
  // Group changes into hunks with `context` lines around them.
  const changeIdx = ops.map((op, i) => (op.kind === 'same' ? -1 : i)).filter((i) => i >= 0);
  let i = 0;
  while (i < changeIdx.length) {
    const start = Math.max(0, changeIdx[i]! - context);
    let end = Math.min(ops.length, changeIdx[i]! + context + 1);
    let j = i + 1;
    while (j < changeIdx.length && changeIdx[j]! - context <= end) {
      end = Math.min(ops.length, changeIdx[j]! + context + 1);
      j++;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk.find((op) => op.kind !== 'add')?.a ?? ops.slice(0, start).filter((op) => op.kind !== 'add').length;
    const bStart = hunk.find((op) => op.kind !== 'del')?.b ?? ops.slice(0, start).filter((op) => op.kind !== 'del').length;
    const aCount = hunk.filter((op) => op.kind !== 'add').length;
    const bCount = hunk.filter((op) => op.kind !== 'del').length;
    out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
    for (const op of hunk) {
      if (op.kind === 'same') out.push(' ' + b[op.b!]!.text, ...noNewline(b[op.b!]!));
      else if (op.kind === 'del') out.push('-' + a[op.a!]!.text, ...noNewline(a[op.a!]!));
      else out.push('+' + b[op.b!]!.text, ...noNewline(b[op.b!]!));
    }
    i = j;
  }
  return out.join('\n') + '\n';
}

interface Line {
  text: string;
  /** False for a last line without a line break. */
  terminated: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const last = parts.pop()!;
  const lines = parts.map((t) => ({ text: t, terminated: true }));
  if (last !== '') lines.push({ text: last, terminated: false });
  return lines;
}

function noNewline(line: Line): string[] {
  return line.terminated ? [] : ['\\ No newline at end of file'];
}

function range(start: number, count: number): string {
  // Unified diff: 1-based start; a zero-length range names the line before it.
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

interface Op {
  kind: 'same' | 'add' | 'del';
  a?: number;
  b?: number;
}

/** Longest-common-subsequence line diff (O(n·m), fine for configuration files). */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) ops.push({ kind: 'same', a: i++, b: j++ });
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) ops.push({ kind: 'del', a: i++ });
    else ops.push({ kind: 'add', b: j++ });
  }
  while (i < n) ops.push({ kind: 'del', a: i++ });
  while (j < m) ops.push({ kind: 'add', b: j++ });
  return ops;
}
