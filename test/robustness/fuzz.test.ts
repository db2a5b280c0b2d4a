import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, lint, LineIndex, type Finding, type LintRequest } from '../../server/src/core';
import { MemoryHost } from '../helpers/memory-host';
import { composeDocument, dockerfileDocument, mutatedDocument } from './arbitraries';

/** `npm run fuzz` sets VSAFE_FUZZ_RUNS for a long run; `npm test` runs a fixed-seed slice. */
const RUNS = Number(process.env.VSAFE_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.VSAFE_FUZZ_SEED ?? 20261126);

function check(files: Record<string, string>): Finding[] {
  const host = new MemoryHost(files);
  const names = Object.keys(files).map((n) => `/work/project/${n}`);
  const request: LintRequest & { dockerfiles?: string[] } = { files: names.filter((n) => !/Dockerfile$/.test(n)), host };
  request.dockerfiles = names.filter((n) => /Dockerfile$/.test(n));
  const findings = lint(request).findings;
  for (const finding of findings) {
    const text = host.readFile(finding.location.file);
    assert.ok(text !== undefined, `finding in a known file: ${finding.location.file}`);
    const lines = new LineIndex(text);
    const { start, end } = finding.location.range;
    assert.ok(start.line < lines.lineCount && end.line < lines.lineCount, 'range inside the file');
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), 'range is ordered');
    for (const fix of finding.fixes) {
      const byFile = new Map<string, typeof fix.edits>();
      for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
      for (const [file, edits] of byFile) {
        const original = host.readFile(file) ?? fix.createFiles?.find((c) => c.file === file)?.text ?? '';
        // Edits of one fix never overlap and apply cleanly.
        applyEdits(original, edits, new LineIndex(original));
      }
    }
  }
  return findings;
}

describe('fuzz (fixed seed)', () => {
  it('generated compose documents never crash the analysis', () => {
    fc.assert(fc.property(composeDocument, (text) => void check({ 'compose.yaml': text })), { seed: SEED, numRuns: RUNS });
  });

  it('damaged compose documents never crash the analysis', () => {
    fc.assert(fc.property(mutatedDocument, (text) => void check({ 'compose.yaml': text })), { seed: SEED, numRuns: RUNS });
  });

  it('base + override + production files never crash the analysis', () => {
    fc.assert(
      fc.property(composeDocument, mutatedDocument, composeDocument, (base, override, prod) => void check({ 'compose.yaml': base, 'compose.override.yaml': override, 'compose.prod.yaml': prod })),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('random Dockerfiles (alone and built by a service) never crash the analysis', () => {
    fc.assert(
      fc.property(dockerfileDocument, (dockerfile) => void check({ 'compose.yaml': 'services:\n  app:\n    build: .\n', Dockerfile: dockerfile })),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('arbitrary unicode text never crashes the analysis', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void check({ 'compose.yaml': text, Dockerfile: text })), { seed: SEED, numRuns: RUNS });
  });
});
