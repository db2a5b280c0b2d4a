import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, type Finding } from '../../server/src/core';
import { MemoryHost } from '../helpers/memory-host';

/**
 * Hostile input: nothing crashes or hangs, and what cannot be parsed gets one
 * clear diagnostic. The time guard only catches hangs (a generous bound
 * proportional to the input size), it is not a performance assertion.
 */
function analyse(text: string, name = 'compose.yaml'): Finding[] {
  const host = new MemoryHost({ [name]: text });
  const started = process.hrtime.bigint();
  const findings = lint({ files: [`/work/project/${name}`], host }).findings;
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const boundMs = 10_000 + (text.length / 1_000_000) * 10_000;
  assert.ok(elapsedMs < boundMs, `analysis of ${text.length} chars took ${elapsedMs.toFixed(0)} ms (hang guard ${boundMs} ms)`);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of findings) {
    assert.ok(f.location.range.start.line < lines + 1 && f.location.range.end.line < lines + 1, `range inside the file: ${JSON.stringify(f.location.range)}`);
    assert.ok(f.message.length > 0);
  }
  return findings;
}

function parseErrors(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.rule === 'parse-error');
}

const POSTGRES = 'services:\n  db:\n    image: postgres:16\n';

describe('hostile compose input', () => {
  it('binary data: one parse error at most, no crash', () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256));
    const findings = analyse(bytes.toString('latin1'));
    assert.ok(parseErrors(findings).length <= 1, 'one clear diagnostic');
  });

  it('invalid UTF-8 decodes to replacement characters and still analyses', () => {
    const text = Buffer.concat([Buffer.from(POSTGRES), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0a])]).toString('utf8');
    const findings = analyse(text);
    assert.ok(findings.some((f) => f.rule === 'unmounted-state-path') || parseErrors(findings).length === 1);
  });

  it('a BOM, CRLF line ends and tabs in values', () => {
    const findings = analyse('\ufeffservices:\r\n  db:\r\n    image: "postgres:16"\r\n    environment:\r\n      A: "a\tb"\r\n');
    assert.deepEqual(parseErrors(findings), []);
    const finding = findings.find((f) => f.rule === 'unmounted-state-path');
    assert.ok(finding);
    assert.deepEqual(finding.location.range.start, { line: 2, character: 11 });
  });

  it('tab indentation is a clear YAML error, not a crash', () => {
    const findings = analyse('services:\n\tdb:\n\t\timage: postgres\n');
    assert.equal(parseErrors(findings).length >= 1, true);
  });

  it('10,000-deep flow nesting', () => {
    const findings = analyse('services: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    assert.ok(parseErrors(findings).length <= 1);
  });

  it('2,000-deep block nesting', () => {
    const text = Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + '\n';
    const findings = analyse(text);
    assert.ok(parseErrors(findings).length <= 1);
  });

  it('billion laughs through volumes', () => {
    let text = 'x-a0: &a0 ["/data"]\n';
    for (let i = 1; i < 12; i++) text += `x-a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    analyse(text + 'services:\n  db:\n    image: postgres:16\n    volumes: *a11\n');
  });

  it('merge-key bomb', () => {
    let text = 'x0: &m0 {image: postgres:16}\n';
    for (let i = 1; i < 24; i++) text += `x${i}: &m${i}\n  <<: [${Array(10).fill(`*m${i - 1}`).join(', ')}]\n`;
    analyse(text + 'services:\n  s:\n    <<: *m23\n');
  });

  it('a self-referencing merge', () => {
    analyse('services:\n  s: &s\n    <<: *s\n    image: postgres\n');
  });

  it('multi-document files', () => {
    analyse(POSTGRES + '---\nservices:\n  cache:\n    image: redis\n---\n');
  });

  it('a 5 MB single line', () => {
    analyse('services:\n  s:\n    image: "' + 'x'.repeat(5_000_000) + '"\n');
  });

  it('a 10 MB file of services', () => {
    const service = (i: number): string => `  s${i}:\n    image: nginx:1.27\n    environment:\n      KEY_${i}: "${'v'.repeat(40)}"\n    ports: ["${i % 60000}:80"]\n`;
    const parts = ['services:\n'];
    let size = 10;
    for (let i = 0; size < 10_000_000; i++) {
      const s = service(i);
      parts.push(s);
      size += s.length;
    }
    const findings = analyse(parts.join(''));
    assert.deepEqual(parseErrors(findings), []);
  });

  it('empty, whitespace-only, comment-only and scalar documents', () => {
    for (const text of ['', '   \n\n', '# only a comment\n', 'just a string\n', '42\n', '[]\n', 'services:\n', 'services: []\n', 'services:\n  db:\n', 'services:\n  db: null\n']) {
      analyse(text);
    }
  });

  it('odd but valid values everywhere a string is expected', () => {
    analyse('services:\n  db:\n    image: [postgres]\n    volumes: {a: b}\n    environment: 12\n    command: {x: 1}\n    tmpfs: 3\n  x:\n    image: !!binary aGVsbG8=\n    volumes:\n      - 12\n      - [a, b]\n      - {target: 5}\n      - null\nvolumes: [a, b]\n');
  });

  it('unterminated strings, unbalanced brackets, duplicate keys', () => {
    for (const text of ['services:\n  db:\n    image: "postgres\n', 'services: {db: {image: postgres}\n', 'services:\n  db:\n    image: a\n    image: postgres:16\n', 'services:\n  db:\n    image: postgres\n  db:\n    image: mysql\n']) analyse(text);
  });
});
