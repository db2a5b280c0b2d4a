import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { docsUrl } from '../../server/src/core/rules/types';

const ROOT = path.resolve(__dirname, '../..');
const DOC_HEADINGS = ['## What it reports', '## Why', '## Examples', '## Fix', '## Options', '## References'];

for (const rule of RULES) {
  const id = rule.meta.id;
  it(`${id}: source file, test table, doc page with the fixed headings`, () => {
    assert.match(id, /^[a-z]+(?:-[a-z]+)*$/, 'kebab-case id');
    assert.ok(existsSync(path.join(ROOT, 'server/src/core/rules', `${id}.ts`)), 'rule source file');
    const table = path.join(ROOT, 'test/rules', `${id}.test.ts`);
    assert.ok(existsSync(table), 'test table');
    assert.match(readFileSync(table, 'utf8'), new RegExp(`runRuleTests\\('${id}'`), 'the table runs this rule');
    const doc = path.join(ROOT, 'docs/rules', `${id}.md`);
    assert.ok(existsSync(doc), 'doc page');
    const text = readFileSync(doc, 'utf8');
    assert.ok(text.startsWith(`# ${id}\n`), 'doc title is the rule id');
    let last = -1;
    for (const heading of DOC_HEADINGS) {
      const at = text.indexOf(`\n${heading}\n`);
      assert.ok(at > last, `doc has "${heading}" in order`);
      last = at;
    }
    assert.equal(docsUrl(id), `https://github.com/vsafe/vsafe/blob/main/docs/rules/${id}.md`);
    for (const messageId of Object.keys(rule.meta.messages)) assert.ok(rule.meta.messages[messageId]!.length > 20, `message ${messageId} explains itself`);
  });
}

it('the README rule table and the docs index list exactly the registered rules', () => {
  const ids = RULES.map((r) => r.meta.id).sort();
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\/[a-z-]+\.md\) \|/gm)].map((m) => m[1]!).sort();
  assert.deepEqual(table, ids, 'README rule table (regenerate with `npm run docs`)');
  const index = readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
  const listed = [...index.matchAll(/^\| \[`([a-z-]+)`\]\([a-z-]+\.md\) \|/gm)].map((m) => m[1]!).sort();
  assert.deepEqual(listed, ids, 'docs/rules/README.md');
});

it('package.json settings schema lists every rule', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties['vsafe.rules'].properties as Record<string, unknown>;
  assert.deepEqual(Object.keys(props).sort(), RULES.map((r) => r.meta.id).sort(), 'regenerate with `npm run docs`');
});
