import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { lintCase } from '../helpers/rule-tester';
import { MemoryHost } from '../helpers/memory-host';

const DOCS = path.resolve(__dirname, '../../docs/rules');

/** Fenced blocks tagged `correct` / `incorrect`; `file=NAME` names the file (default compose.yaml). */
export function examplesOf(markdown: string): { verdict: 'correct' | 'incorrect'; file: string; code: string }[] {
  const blocks: { verdict: 'correct' | 'incorrect'; file: string; code: string }[] = [];
  const pattern = /^```(\w+)[ \t]+(correct|incorrect)(?:[ \t]+file=(\S+))?[ \t]*\n([\s\S]*?)^```/gm;
  for (let m = pattern.exec(markdown); m; m = pattern.exec(markdown)) {
    const language = m[1]!;
    blocks.push({ verdict: m[2] as 'correct' | 'incorrect', file: m[3] ?? (language === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'), code: m[4]! });
  }
  return blocks;
}

for (const rule of RULES) {
  describe(`docs/rules/${rule.meta.id}.md examples`, () => {
    const examples = examplesOf(readFileSync(path.join(DOCS, `${rule.meta.id}.md`), 'utf8'));
    it('has at least one correct and one incorrect example', () => {
      assert.ok(examples.some((e) => e.verdict === 'correct'));
      assert.ok(examples.some((e) => e.verdict === 'incorrect'));
    });
    examples.forEach((example, index) => {
      it(`example ${index + 1} is ${example.verdict}`, () => {
        const host = new MemoryHost({ [example.file]: example.code });
        const findings = lintCase({ name: '', files: { [example.file]: example.code } }, host);
        assert.deepEqual(findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), []);
        const own = findings.filter((f) => f.rule === rule.meta.id);
        if (example.verdict === 'incorrect') assert.ok(own.length > 0, 'reports the rule');
        else assert.deepEqual(own.map((f) => f.message), []);
      });
    });
  });
}
