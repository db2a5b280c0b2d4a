import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, LineIndex, lint, type Finding } from '../../server/src/core';
import { emptyConfig } from '../../server/src/core/config';
import { applySuppressions, ignoreFix, parseDirectives, type IgnoreScope } from '../../server/src/core/suppress';
import { MemoryHost } from '../helpers/memory-host';

const F = '/work/project/compose.yaml';
const D = '/work/project/Dockerfile';

function finding(file: string, line: number, rule = 'unmounted-state-path', service?: string, endLine = line): Finding {
  return { rule, severity: 'warning', message: 'm', location: { file, range: { start: { line, character: 4 }, end: { line: endLine, character: 10 } } }, service, fixes: [], related: [] };
}

function run(findings: Finding[], texts: Record<string, string>, off: string[] = []) {
  return applySuppressions(findings, {
    readFile: (f) => texts[f],
    files: Object.keys(texts),
    knownRules: new Set(['unmounted-state-path', 'write-after-volume', 'undocumented-mount', 'unused-suppression']),
    severityOf: (id) => (off.includes(id) ? undefined : 'hint'),
    messages: { unused: 'unused {{rule}} {{where}}', unknown: 'unknown {{rule}}', noRules: 'no rules' },
  });
}

function applyFix(text: string, scope: IgnoreScope, f: Finding): string | undefined {
  const fix = ignoreFix(f, scope, text);
  return fix ? applyEdits(text, fix.edits, new LineIndex(text)) : undefined;
}

describe('parseDirectives', () => {
  it('reads ids, reason and ranges', () => {
    const text = 'services:\n  db: # vsafe-ignore a-b, c-d -- reason -- with dashes\n';
    const [d] = parseDirectives(F, text);
    assert.equal(d!.kind, 'line');
    assert.equal(d!.trailing, true);
    assert.deepEqual(d!.rules.map((r) => [r.id, r.range.start.character, r.range.end.character]), [['a-b', 21, 24], ['c-d', 26, 29]]);
    assert.equal(d!.reason, 'reason -- with dashes');
    assert.deepEqual(d!.covers, { from: 1, to: 1 });
  });
  it('vsafe-ignored and vsafe-ignore-files are not directives; block scalars hold no comments', () => {
    assert.deepEqual(parseDirectives(F, '# vsafe-ignored x\n# vsafe-ignore-files x\na: |\n  # vsafe-ignore x\n'), []);
  });
  it('stacked directives all cover the next content line', () => {
    const ds = parseDirectives(F, 'services:\n  db:\n    # vsafe-ignore a\n    # vsafe-ignore b\n    image: x\n');
    assert.deepEqual(ds.map((d) => d.covers), [{ from: 4, to: 4 }, { from: 4, to: 4 }]);
  });
  it('a directive above a service key covers the whole service', () => {
    const ds = parseDirectives(F, 'services:\n  # vsafe-ignore a\n  db:\n    image: x\n    volumes:\n      - a:/a\n  web:\n    image: y\n');
    assert.deepEqual(ds[0]!.covers, { from: 2, to: 5, service: 'db' });
  });
  it('Dockerfiles: whole-line comments only', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM alpine\n# vsafe-ignore write-after-volume -- seeded on purpose\nRUN echo hi # vsafe-ignore x\n';
    const ds = parseDirectives(D, text);
    assert.equal(ds.length, 1);
    assert.deepEqual(ds[0]!.covers, { from: 3, to: 3 });
  });
});

describe('applySuppressions', () => {
  it('suppresses a Dockerfile finding and reports an unused id', () => {
    const text = 'FROM postgres:16\nVOLUME /data\n# vsafe-ignore write-after-volume,undocumented-mount\nRUN touch /data/x\n';
    const result = run([finding(D, 3, 'write-after-volume')], { [D]: text });
    assert.deepEqual(result.suppressed.map((f) => f.rule), ['write-after-volume']);
    assert.deepEqual(result.findings.map((f) => [f.rule, f.message, f.location.range.start.line]), [['unused-suppression', 'unused undocumented-mount on line 4', 2]]);
  });
  it('service scope covers findings inside the service only', () => {
    const text = 'services:\n  # vsafe-ignore unmounted-state-path\n  db:\n    image: postgres\n  other:\n    image: mysql\n';
    const result = run([finding(F, 3, 'unmounted-state-path', 'db'), finding(F, 5, 'unmounted-state-path', 'other')], { [F]: text });
    assert.deepEqual(result.findings.map((f) => f.location.range.start.line), [5]);
  });
  it('a file directive; the rule of another file is not covered', () => {
    const other = '/work/project/compose.prod.yaml';
    const result = run([finding(F, 3), finding(other, 3)], { [F]: '# vsafe-ignore-file unmounted-state-path\n', [other]: 'services: {}\n' });
    assert.deepEqual(result.findings.map((f) => f.location.file), [other]);
  });
  it('a trailing directive on an inner line of a multi-line finding', () => {
    const text = 'services:\n  a:\n    volumes:\n      - type: bind\n        source: ./x # vsafe-ignore undocumented-mount\n        target: /x\n';
    const result = run([finding(F, 3, 'undocumented-mount', 'a', 5)], { [F]: text });
    assert.deepEqual(result.findings, []);
  });
});

describe('lint applies suppressions', () => {
  it('in Dockerfiles: a directive above the instruction, never after it (that is part of the command)', () => {
    const host = new MemoryHost({ Dockerfile: 'FROM alpine\nVOLUME /data\n# vsafe-ignore write-after-volume -- seeded on purpose\nRUN touch /data/x\nRUN touch /data/y # vsafe-ignore write-after-volume\n' });
    const findings = lint({ files: [D], host, config: emptyConfig() }).findings;
    assert.deepEqual(findings.map((f) => [f.rule, f.location.range.start.line]), [['write-after-volume', 4]]);
  });
  it('a stale Dockerfile directive is reported', () => {
    const host = new MemoryHost({ Dockerfile: 'FROM alpine\n# vsafe-ignore-file write-after-volume\nVOLUME /data\n' });
    const findings = lint({ files: [D], host, config: emptyConfig() }).findings;
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.location.range.start.line, f.location.range.start.character]), [['unused-suppression', 'hint', 1, 20]]);
  });
});

describe('ignoreFix', () => {
  const text = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/x\n';
  it('line scope inserts above at the line indentation', () => {
    assert.equal(applyFix(text, 'line', finding(F, 4, 'undocumented-mount', 'db')), 'services:\n  db:\n    image: postgres:16\n    volumes:\n      # vsafe-ignore undocumented-mount\n      - pg:/x\n');
  });
  it('line scope extends an existing directive above', () => {
    const withDirective = 'services:\n  db:\n    # vsafe-ignore undocumented-mount -- fine\n    image: postgres:16\n';
    assert.equal(applyFix(withDirective, 'line', finding(F, 3, 'unmounted-state-path', 'db')), 'services:\n  db:\n    # vsafe-ignore undocumented-mount,unmounted-state-path -- fine\n    image: postgres:16\n');
    assert.equal(ignoreFix(finding(F, 3, 'undocumented-mount', 'db'), 'line', withDirective), undefined);
  });
  it('service scope inserts above the service key; not for a service defined elsewhere', () => {
    const fix = ignoreFix(finding(F, 2, 'unmounted-state-path', 'db'), 'service', text)!;
    assert.equal(fix.title, 'Ignore unmounted-state-path for service "db"');
    assert.equal(applyEdits(text, fix.edits, new LineIndex(text)), 'services:\n  # vsafe-ignore unmounted-state-path\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/x\n');
    assert.equal(ignoreFix(finding(F, 2, 'unmounted-state-path', 'web'), 'service', text), undefined);
  });
  it('file scope: top of the file, after Dockerfile parser directives, extending an existing one; CRLF', () => {
    assert.equal(applyFix('services:\r\n  a: {}\r\n', 'file', finding(F, 1)), '# vsafe-ignore-file unmounted-state-path\r\nservices:\r\n  a: {}\r\n');
    assert.equal(applyFix('# syntax=docker/dockerfile:1\nFROM x\n', 'file', finding(D, 1, 'write-after-volume')), '# syntax=docker/dockerfile:1\n# vsafe-ignore-file write-after-volume\nFROM x\n');
    assert.equal(applyFix('a: 1\n# vsafe-ignore-file x\n', 'file', finding(F, 0)), 'a: 1\n# vsafe-ignore-file x,unmounted-state-path\n');
  });
  it('every fix silences the finding when linted again', () => {
    for (const scope of ['line', 'service', 'file'] as const) {
      const host = new MemoryHost({ 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n' });
      const first = lint({ files: [F], host, config: emptyConfig() }).findings.find((f) => f.rule === 'unmounted-state-path')!;
      const fix = ignoreFix(first, scope, host.readFile(F)!)!;
      host.write(F, applyEdits(host.readFile(F)!, fix.edits, new LineIndex(host.readFile(F)!)));
      const after = lint({ files: [F], host, config: emptyConfig() }).findings;
      assert.deepEqual(after.map((f) => f.rule), [], `${scope}: ${host.readFile(F)}`);
    }
  });
});
