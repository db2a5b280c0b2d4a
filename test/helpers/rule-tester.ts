import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyEdits, isComposeFileName, isDockerfileName, lint, LineIndex, PARSE_ERROR_RULE, type Finding, type Fix, type VsafeConfig } from '../../server/src/core';
import { emptyConfig } from '../../server/src/core/config';
import { abs, MemoryHost, rel } from './memory-host';

/**
 * ESLint's RuleTester for vsafe: `valid` cases produce no finding of the rule;
 * `invalid` cases produce exactly the listed findings (exact ranges, 1-based like
 * the CLI) and, when `output` is given, applying the fixes yields exactly that
 * text, which parses and re-lints clean of the rule.
 */
export interface ExpectedFinding {
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  message?: string | RegExp;
  severity?: Finding['severity'];
  containerPath?: string;
  service?: string;
  /** The fixes offered, by title; `preferred: ` in front of those `--fix` and fix-all apply. */
  fixes?: string[];
}

export interface ValidCase {
  name: string;
  /** Shorthand for `files: { 'compose.yaml': code }`. */
  code?: string;
  files?: Record<string, string>;
  config?: Partial<VsafeConfig>;
  /** Files to lint (default: every compose file and Dockerfile in `files`). */
  lint?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Expected text after fixing: a string for compose.yaml, or per file. Omit for no fix. */
  output?: string | Record<string, string>;
  /** Index of the fix to apply when a finding offers several (default 0). */
  fixIndex?: number;
  /** Findings of the rule that have no fix and stay after fixing, one pattern each (default none). */
  remaining?: RegExp[];
}

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function filesOf(c: ValidCase): Record<string, string> {
  return c.files ?? { 'compose.yaml': c.code ?? '' };
}

export function lintCase(c: ValidCase, host: MemoryHost): Finding[] {
  const files = c.lint ? c.lint.map(abs) : [...host.files.keys()].filter((f) => isComposeFileName(f) || isDockerfileName(f));
  const config: VsafeConfig = { ...emptyConfig(), ...c.config };
  return lint({ files, host, config }).findings;
}

export function runRuleTests(ruleId: string, table: RuleTable): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const c of table.valid) {
        it(c.name, () => {
          const host = new MemoryHost(filesOf(c));
          const findings = lintCase(c, host);
          assert.deepEqual(findings.filter((f) => f.rule === PARSE_ERROR_RULE).map((f) => f.message), [], 'fixture parses');
          assert.deepEqual(findings.filter((f) => f.rule === ruleId).map(describeFinding), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) {
        it(c.name, () => {
          const host = new MemoryHost(filesOf(c));
          const findings = lintCase(c, host).filter((f) => f.rule === ruleId);
          assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
          findings.forEach((finding, i) => checkFinding(finding, c.errors[i]!, ruleId));
          if (c.output !== undefined) checkOutput(c, host, ruleId);
          else assert.ok(findings.every((f) => f.fixes.length === 0), 'a fix is offered: add `output` to the case');
        });
      }
    });
  });
}

function describeFinding(f: Finding): string {
  const { start, end } = f.location.range;
  return `${rel(f.location.file)} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.severity} ${f.message}`;
}

function checkFinding(finding: Finding, expected: ExpectedFinding, ruleId: string): void {
  const { start, end } = finding.location.range;
  assert.deepEqual(
    { file: rel(finding.location.file), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
    { file: expected.file ?? 'compose.yaml', line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn },
    `range of ${describeFinding(finding)}`,
  );
  if (expected.severity) assert.equal(finding.severity, expected.severity);
  if (expected.containerPath !== undefined) assert.equal(finding.containerPath, expected.containerPath);
  if (expected.service !== undefined) assert.equal(finding.service, expected.service);
  if (expected.message instanceof RegExp) assert.match(finding.message, expected.message);
  else if (expected.message !== undefined) assert.equal(finding.message, expected.message);
  if (expected.fixes !== undefined) assert.deepEqual(finding.fixes.map((f) => (f.isPreferred ? `preferred: ${f.title}` : f.title)), expected.fixes);
  assert.equal(finding.rule, ruleId);
}

/** Applies one fix to the host's files (creating files first). */
export function applyFix(host: MemoryHost, fix: Fix): void {
  for (const created of fix.createFiles ?? []) if (!host.files.has(created.file)) host.write(created.file, created.text);
  const byFile = new Map<string, Fix['edits']>();
  for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) {
    const text = host.readFile(file) ?? '';
    host.write(file, applyEdits(text, edits, new LineIndex(text)));
  }
}

function checkOutput(c: InvalidCase, host: MemoryHost, ruleId: string): void {
  // Fix one finding at a time and re-lint, as `vsafe check --fix` does.
  for (let round = 0; round < 20; round++) {
    const next = lintCase(c, host).find((f) => f.rule === ruleId && f.fixes.length > 0);
    if (!next) break;
    applyFix(host, next.fixes[c.fixIndex ?? 0] ?? next.fixes[0]!);
  }
  const expected = typeof c.output === 'string' ? { 'compose.yaml': c.output } : c.output!;
  if (process.env.VSAFE_UPDATE_FIXES) recordActualOutput(c, host, expected, ruleId);
  for (const [name, text] of Object.entries(expected)) assert.equal(host.readFile(abs(name)), text, `fixed ${name}`);
  const after = lintCase(c, host);
  assert.deepEqual(after.filter((f) => f.rule === PARSE_ERROR_RULE).map(describeFinding), [], 'fixed files parse');
  const left = after.filter((f) => f.rule === ruleId);
  const expectedLeft = c.remaining ?? [];
  assert.equal(left.length, expectedLeft.length, `fix clears the finding; left: ${JSON.stringify(left.map(describeFinding))}`);
  left.forEach((finding, i) => {
    assert.match(describeFinding(finding), expectedLeft[i]!);
    assert.deepEqual(finding.fixes, [], 'a finding left after fixing has no fix');
  });
}

/**
 * `VSAFE_UPDATE_FIXES=<file> node --import tsx --test test/rules/x.test.ts` records the
 * actual fixed texts; `npx tsx scripts/update-fix-outputs.ts <file>` writes them into
 * the tables. For deliberate changes to a fix only: review the diff like any other.
 */
function recordActualOutput(c: InvalidCase, host: MemoryHost, expected: Record<string, string>, ruleId: string): void {
  const actual = Object.fromEntries(Object.keys(expected).map((name) => [name, host.readFile(abs(name)) ?? '']));
    // Only cases whose output changed are recorded, so untouched tables keep their formatting.
  if (Object.entries(expected).every(([name, text]) => actual[name] === text)) return;
  appendFileSync(process.env.VSAFE_UPDATE_FIXES!, JSON.stringify({ rule: ruleId, name: c.name, single: typeof c.output === 'string', actual }) + '\n');
}
