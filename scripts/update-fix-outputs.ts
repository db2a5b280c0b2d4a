/**
 * Rewrites the `output` of rule-table cases from a VSAFE_UPDATE_FIXES recording
 * (see test/helpers/rule-tester.ts). Finds each case by its `name` with the
 * TypeScript parser and replaces only the `output` initializer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

interface Recorded {
  rule: string;
  name: string;
  single: boolean;
  actual: Record<string, string>;
}

const recording = process.argv[2];
if (!recording) throw new Error('usage: tsx scripts/update-fix-outputs.ts <recording.jsonl>');
const records = readFileSync(recording, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Recorded);
const byRule = new Map<string, Recorded[]>();
for (const r of records) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);

const literal = (text: string): string => "'" + text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + "'";

for (const [rule, recs] of byRule) {
  const file = path.resolve(__dirname, '../test/rules', `${rule}.test.ts`);
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const replacements: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const prop = (n: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === n);
      const name = prop('name');
      const output = prop('output');
      if (name && output && ts.isStringLiteralLike(name.initializer)) {
        const rec = recs.find((r) => r.name === name.initializer.getText(sf).slice(1, -1).replace(/\\'/g, "'"));
        if (rec) {
          const text = rec.single
            ? literal(rec.actual['compose.yaml']!)
            : '{\n' + Object.entries(rec.actual).map(([k, v]) => `        ${literal(k)}: ${literal(v)},`).join('\n') + '\n      }';
          replacements.push({ start: output.initializer.getStart(sf), end: output.initializer.getEnd(), text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = source;
  for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  writeFileSync(file, out);
  console.log(`${rule}: ${replacements.length} output(s) rewritten`);
}
