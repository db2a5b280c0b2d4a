import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { PARSE_OPTIONS } from '../../server/src/core/compose/fast-yaml';

/**
 * The first difference between two parsed documents, as a path and a description; undefined
 * when they are the same node for node (classes, values, types, formats, anchors, tags,
 * flow style, sources and all three offsets of every range). Comments are not compared:
 * vsafe reads them from the text (compose/comments.ts), not from nodes.
 */
export function firstDifference(expected: Document, actual: Document): string | undefined {
  if (expected.errors.length > 0 || expected.warnings.length > 0) return `yaml reports ${expected.errors.length} errors, ${expected.warnings.length} warnings`;
  if (JSON.stringify(expected.range) !== JSON.stringify(actual.range)) return `document range ${JSON.stringify(expected.range)} ≠ ${JSON.stringify(actual.range)}`;
  return nodeDifference(expected.contents, actual.contents, '$');
}

const FIELDS = ['value', 'type', 'format', 'minFractionDigits', 'anchor', 'tag', 'flow', 'source'] as const;

function nodeDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return a == b ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  const kind = (n: unknown): string => (isMap(n) ? 'map' : isSeq(n) ? 'seq' : isScalar(n) ? 'scalar' : isAlias(n) ? 'alias' : isPair(n) ? 'pair' : typeof n);
  if (kind(a) !== kind(b) || (a as object).constructor !== (b as object).constructor) return `${path}: ${kind(a)} ≠ ${kind(b)}`;
  if (isPair(a) && isPair(b)) return nodeDifference(a.key, b.key, `${path}.key`) ?? nodeDifference(a.value, b.value, `${path}.value`);
  const ra = JSON.stringify((a as { range?: unknown }).range);
  const rb = JSON.stringify((b as { range?: unknown }).range);
  if (ra !== rb) return `${path}: range ${ra} ≠ ${rb}`;
  for (const field of FIELDS) {
    const va = (a as Record<string, unknown>)[field];
    const vb = (b as Record<string, unknown>)[field];
    if (!Object.is(va, vb)) return `${path}: ${field} ${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`;
  }
  if ((isMap(a) || isSeq(a)) && (isMap(b) || isSeq(b))) {
    const ia = a.items as unknown[];
    const ib = b.items as unknown[];
    if (ia.length !== ib.length) return `${path}: ${ia.length} items ≠ ${ib.length}`;
    for (let i = 0; i < ia.length; i++) {
      const d = nodeDifference(ia[i], ib[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  return undefined;
}

export function parseWithYaml(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}
