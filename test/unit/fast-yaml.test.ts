import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { commentsOfText } from '../../server/src/core/compose/comments';
import { readYaml } from '../../server/src/core/compose/fast-yaml';
import { generateCorpus } from '../../bench/corpus';
import { mutatedDocument, composeDocument } from '../robustness/arbitraries';
import { firstDifference, parseWithYaml } from '../helpers/yaml-diff';
import { randomYaml } from '../helpers/yaml-gen';

/*
 * The fast reader must build exactly what the `yaml` package builds, or give up. Every
 * text is parsed both ways and compared node for node (test/helpers/yaml-diff.ts). Each
 * suite also asserts how much the reader read itself, so a reader that always gave up
 * (and trivially never differed) would fail.
 */

const ROOT = path.resolve(__dirname, '../..');
/** `npm run fuzz` raises it for a long run. */
const RANDOM_DOCUMENTS = Number(process.env.VSAFE_FUZZ_RUNS ?? 3000);

function compare(name: string, text: string): boolean {
  const fast = readYaml(text);
  if (!fast) return false;
  const difference = firstDifference(parseWithYaml(text), fast.doc);
  assert.equal(difference, undefined, `${name}: ${difference}\n${JSON.stringify(text)}`);
  // The comment index gets the same comments from the reader as from yaml's lexer.
  assert.deepEqual(fast.comments, commentsOfText(text), `${name}: comments\n${JSON.stringify(text)}`);
  return true;
}

describe('fast YAML reader', () => {
  it('reads the repository fixtures exactly as yaml does', () => {
    const files = execFileSync('git', ['ls-files', '*.yml', '*.yaml'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    let read = 0;
    for (const file of files) if (compare(file, readFileSync(path.join(ROOT, file), 'utf8'))) read++;
    assert.ok(read >= files.length * 0.9, `read ${read} of ${files.length} fixtures itself`);
  });

  it('reads the benchmark corpus exactly as yaml does', () => {
    const files = generateCorpus(42).filter((f) => /\.ya?ml$/.test(f.path));
    let read = 0;
    for (const f of files) if (compare(f.path, f.text)) read++;
    assert.equal(read, files.length);
  });

  it('reads random compose-like documents exactly as yaml does (comments at every depth, blank lines, empty values, block scalars)', () => {
    let read = 0;
    for (let seed = 1; seed <= RANDOM_DOCUMENTS; seed++) if (compare(`seed ${seed}`, randomYaml(seed))) read++;
    assert.ok(read >= RANDOM_DOCUMENTS * 0.4, `read ${read} of ${RANDOM_DOCUMENTS}`);
  });

  it('never differs on generated and mutated compose files', () => {
    fc.assert(fc.property(fc.oneof(composeDocument, mutatedDocument), (text) => void compare('generated', text)), { seed: 20261126, numRuns: Math.ceil(RANDOM_DOCUMENTS / 3) });
  });

  it('gives up on what it does not handle, and yaml parses it', () => {
    const outside = [
      'a: !reset []\n',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      'a:\n\tb: 1\n',
      '\uFEFFa: 1\n',
      'a: b\n  continued\n',
      'a: "two\n  lines"\n',
      'a: {b: [1]}\n',
      'a: |2\n   x\n',
      '? complex\n: key\n',
      'a: b: c\n',
      '- - nested\n',
      'just a scalar\n',
      '',
      '# only a comment\n',
      'a:\r\rb: 1\n',
      Array.from({ length: 5000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
    ];
    for (const text of outside) assert.equal(readYaml(text), undefined, JSON.stringify(text));
  });

  it('keeps numbers, booleans, nulls, anchors and aliases as yaml types them', () => {
    const text = 'x: &base\n  n: 0x1F\n  f: 1.50\n  b: True\n  z: ~\n  s: "1"\ny:\n  <<: *base\n';
    const fast = readYaml(text);
    assert.ok(fast);
    assert.equal(firstDifference(parseWithYaml(text), fast.doc), undefined);
    assert.deepEqual(fast.doc.toJS(), { x: { n: 31, f: 1.5, b: true, z: null, s: '1' }, y: { '<<': { n: 31, f: 1.5, b: true, z: null, s: '1' } } });
  });

  it('lists every comment with its offsets', () => {
    const text = '# head\na: 1  # one\nb: |  # block\n  # not a comment\nc: "#no"  # three\n';
    const fast = readYaml(text);
    assert.ok(fast);
    assert.deepEqual(
      fast.comments.map((c) => [text.slice(c.start, c.end), c.text, c.ownLine]),
      [
        ['# head', ' head', true],
        ['# one', ' one', false],
        ['# block', ' block', false],
        ['# three', ' three', false],
      ],
    );
  });
});
