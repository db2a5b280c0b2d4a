import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Parser } from 'yaml';
import { commentIndex, commentsOfText, documentComments, headingComments, rememberComments, type YamlComment } from '../../server/src/core/compose/comments';
import { parseComposeFile } from '../../server/src/core/compose/parse';
import { parseYaml, parseYamlDocuments } from '../../server/src/core/compose/yaml';
import { hasProductionHeader } from '../../server/src/core/production';
import { LineIndex } from '../../server/src/core/text';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/** The comment tokens of the `yaml` package's CST (what the Parser calls comments), as [offset, source]. */
function cstComments(text: string): [number, string][] {
  const found: [number, string][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const token = node as { type?: string; offset?: number; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      found.push([token.offset, token.source]);
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'source' && typeof value === 'object') walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found.sort((a, b) => a[0] - b[0]);
}

function assertSameAsParser(text: string, label: string): YamlComment[] {
  const comments = commentsOfText(text);
  assert.deepEqual(
    comments.map((c) => [c.start, '#' + c.text]),
    cstComments(text),
    label,
  );
  for (const c of comments) {
    // The offsets are where the text says the comment is.
    assert.equal(text.slice(c.start, c.end), '#' + c.text, label);
    assert.ok(!/[\r\n]/.test(c.text), label);
    const lineStart = Math.max(text.lastIndexOf('\n', c.start - 1), text.lastIndexOf('\r', c.start - 1)) + 1;
    assert.equal(c.ownLine, /^\uFEFF?[ \t]*$/.test(text.slice(lineStart, c.start)), label);
  }
  return comments;
}

function* yamlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(full);
    else if (/\.ya?ml$/i.test(entry.name)) yield full;
  }
}

const TRICKY: Record<string, string> = {
  'block scalar lines starting with #': 'a: |\n  # not a comment\n  text # nor this\n# a comment\nb: >-\n  #folded\n\n  # still content\nc: 1 # trailing\n',
  'block scalar header with a comment': 'a: | # header comment\n  body\nb: |+\n  keep\n\n# after\n',
  'block scalar at document level': '--- |\n  # content\n# comment\n',
  'block scalar body at column 0 starting with #': '--- |\n# content, not a comment\n',
  'bare block scalar body starting with #': '>\n#a\n',
  'quoted strings with #': 'a: "x # y" # real\nb: \'p # q\'   #also real\nc: "multi\n  line # still string"\n',
  'plain scalars with #': 'a: a#b # c\nb: http://x/#frag\nc: -#- #d\nd: foo\n  bar#baz\n  # e\n',
  'flow collections': 'a: [x, y # c1\n  , z] # c2\nb: { k: v, # c3\n  # c4\n  l: "#" }\nc: [a#b, {x: "#y"}]#not a comment? \n',
  'multi-document stream': '# head\n%YAML 1.2\n---\n# c0\na: 1\n...\n# between\n--- # on marker\nb: 2 # c1\n---\n# last\n',
  'byte order mark': '\uFEFF# first\nservices: {} # second\n',
  'CRLF': 'services:\r\n  # own\r\n  a:\r\n    image: x # trailing\r\n    command: |\r\n      # body\r\n',
  'comment on the last line without newline': 'a: 1\n# end',
  'trailing comment on the last line without newline': 'a: 1 # end',
  'only comments': '# one\n  # two\n\n#three',
  'empty': '',
  'unclosed flow collection': 'services: [\n  # inside\n  a\n# after\n',
  'flow error end': 'a: [b\nc: d # c\n',
  'anchors, aliases and tags': 'x: &a # c1\n  k: v\ny: *a # c2\nz: !!str # c3\n  w\n',
  'tabs before comments': 'a: b\t# tab\n\t# tab-indented\n',
  'explicit keys': '? # c1\n  a\n: # c2\n  b\n',
  'sequence items': '- # c1\n  a\n- b # c2\n-\n  # c3\n  - c\n',
  'deeply indented plain scalar continuation': 'a:\n  b\n  #c\n  d\n',
  'comment-looking text after a scalar without space': 'a: b#c\nd: "e"#f\n',
};

describe('commentsOfText', () => {
  it('finds exactly the Parser\'s comment tokens in every YAML fixture', () => {
    let files = 0;
    let total = 0;
    for (const file of yamlFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      total += assertSameAsParser(text, path.relative(FIXTURES, file)).length;
      files++;
    }
    assert.ok(files > 10, `only ${files} fixture files`);
    assert.ok(total > 10, `only ${total} comments in the fixtures`);
  });

  for (const [name, text] of Object.entries(TRICKY)) {
    it(`finds exactly the Parser's comment tokens: ${name}`, () => {
      assertSameAsParser(text, name);
    });
  }

  it('does not take block scalar lines, quoted or plain scalar text for comments', () => {
    assert.deepEqual(commentsOfText(TRICKY['block scalar lines starting with #']!).map((c) => c.text), [' a comment', ' trailing']);
    assert.deepEqual(commentsOfText(TRICKY['quoted strings with #']!).map((c) => c.text), [' real', 'also real']);
    assert.deepEqual(commentsOfText(TRICKY['plain scalars with #']!).map((c) => c.text), [' c', 'd', ' e']);
    assert.deepEqual(commentsOfText(TRICKY['block scalar body at column 0 starting with #']!), []);
    const bom = commentsOfText(TRICKY['byte order mark']!);
    assert.deepEqual(bom.map((c) => [c.start, c.ownLine]), [[1, true], [22, false]]);
  });
});

describe('comment index', () => {
  const text = '# head\n\nservices:\n  # about a\n  # more\n  a: # on a\n    image: x\n\n  # after a blank\n  b:\n    image: y # on y\n';
  const doc = parseYaml(text);
  const lines = new LineIndex(text);
  const index = commentIndex(doc, lines);

  it('is memoised per document and reuses the model\'s line index', () => {
    assert.equal(commentIndex(doc, lines), index);
    assert.equal(index.lines, lines);
    assert.equal(documentComments(doc), index.comments);
  });

  it('answers line questions', () => {
    assert.equal(index.onLine(5)?.text, ' on a');
    assert.equal(index.trailingOn(5)?.text, ' on a');
    assert.equal(index.trailingOn(3), undefined);
    assert.equal(index.onLine(3)?.text, ' about a');
    assert.deepEqual(index.blockAbove(5).map((c) => c.text), [' about a', ' more']);
    assert.deepEqual(index.blockAbove(9).map((c) => c.text), [' after a blank']);
    assert.deepEqual(index.blockAbove(8), [], 'a blank line ends the block');
    assert.deepEqual(index.blockAbove(2), []);
    assert.deepEqual(index.onLines(5, 10).map((c) => c.text), [' on a', ' after a blank', ' on y']);
    assert.deepEqual(index.within(text.indexOf('a:'), text.indexOf('b:')).map((c) => c.text), [' on a', ' after a blank']);
    assert.equal(index.lineOf(text.indexOf('# on y')), 10);
  });

  it('documents of one stream share one lexing; seeded comments win', () => {
    const docs = parseYamlDocuments('a: 1 # one\n---\nb: 2 # two\n');
    assert.equal(documentComments(docs[0]!), documentComments(docs[1]!));
    const seeded = parseYaml('a: 1\n');
    const comments: YamlComment[] = [{ start: 0, end: 0, text: 'seeded', ownLine: true }];
    rememberComments(seeded, comments);
    assert.equal(documentComments(seeded), comments);
    assert.equal(commentIndex(seeded).onLine(0)?.text, 'seeded');
  });

  it('finds the heading comments: before the first content, past markers and directives', () => {
    const heading = (t: string) => headingComments(commentsOfText(t), t).map((c) => c.text);
    assert.deepEqual(heading('# a\n\n  # b\nservices: {} # c\n'), [' a', ' b']);
    assert.deepEqual(heading('\uFEFF%YAML 1.2 # d\n---\n# e\n--- # f\nx: 1\n'), [' d', ' e', ' f']);
    assert.deepEqual(heading('--- |\n# content\n'), []);
    assert.deepEqual(heading('x: 1\n# later\n'), []);
    assert.deepEqual(heading('# only\n# comments'), [' only', ' comments']);
    assert.deepEqual(heading('  ---\n# x\n'), [], 'an indented --- is content');
  });
});

describe('the production header from the comment index', () => {
  it('reads the comments heading the file, past a directive, markers and a comment on ---', () => {
    for (const text of ['%YAML 1.2\n---\n# vsafe: production\nservices: {}\n', '--- # deployed by CI\n# vsafe: production\nservices: {}\n', '\uFEFF# vsafe: production\r\nservices: {}\r\n']) {
      const model = parseComposeFile('/p/compose.yaml', text);
      assert.equal(hasProductionHeader(model.doc, model.text), true, JSON.stringify(text));
      assert.equal(hasProductionHeader(undefined, text), true, JSON.stringify(text));
    }
    for (const text of ['services: {} # vsafe: production\n', 'services:\n  a:\n    command: |\n# vsafe: production\n', 'x: "\n# vsafe: production"\n']) {
      const model = parseComposeFile('/p/compose.yaml', text);
      assert.equal(hasProductionHeader(model.doc, model.text), false, JSON.stringify(text));
    }
  });

  it('uses the comments a reader seeded', () => {
    const text = '# vsafe: production\nservices: {}\n';
    const seeded = parseYaml(text);
    rememberComments(seeded, []);
    assert.equal(hasProductionHeader(seeded, text), false, 'the seeded (empty) list is what counts');
    assert.equal(hasProductionHeader(parseYaml(text), text), true);
  });
});
