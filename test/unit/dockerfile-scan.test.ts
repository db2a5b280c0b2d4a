import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import fc from 'fast-check';
import { isDockerfileName } from '../../server/src/core';
import { scanDockerfile } from '../../server/src/core/dockerfile/scan';
import { generateCorpus } from '../../bench/corpus';
import { dockerfileDocument } from '../robustness/arbitraries';

/*
 * The scanner is a port of dockerfile-ast's parse loop that builds instruction objects only
 * when asked. Every text is parsed both ways: the instructions (keyword as written, line
 * range, keyword range), the comments and the escape character must be the same, and each
 * instruction built on demand must be the object dockerfile-ast built (same class, same
 * arguments, flags, properties and JSON strings).
 */

const ROOT = path.resolve(__dirname, '../..');
const RANDOM_DOCUMENTS = Number(process.env.VSAFE_FUZZ_RUNS ?? 3000);

function describeInstruction(node: Instruction): unknown {
  const args = node.getArguments().map((a) => [a.getValue(), a.getRange()]);
  const extra: Record<string, unknown> = {};
  const any = node as unknown as Record<string, unknown>;
  const call = (name: string): unknown => (typeof any[name] === 'function' ? (any[name] as () => unknown).call(node) : undefined);
  const flags = call('getFlags') as { getName(): string; getValue(): string | null; getRange(): unknown }[] | undefined;
  if (flags) extra.flags = flags.map((f) => [f.getName(), f.getValue(), f.getRange()]);
  const properties = call('getProperties') as { getName(): string; getValue(): string | null; getRange(): unknown }[] | undefined;
  if (properties) extra.properties = properties.map((p) => [p.getName(), p.getValue(), p.getRange()]);
  const json = call('getJSONStrings') as { getJSONValue(): string; getRange(): unknown }[] | undefined;
  if (json) extra.json = json.map((j) => [j.getJSONValue(), j.getRange()]);
  const heredocs = call('getHeredocs') as { getName(): string; getContentRange(): unknown }[] | undefined;
  if (heredocs) extra.heredocs = heredocs.map((h) => [h.getName(), h.getContentRange()]);
  if (node.getKeyword() === 'WORKDIR') extra.path = call('getPath');
  return { class: node.constructor.name, keyword: node.getKeyword(), args, ...extra };
}

function compare(name: string, text: string): void {
  const expected = DockerfileParser.parse(text);
  const scanned = scanDockerfile(text);
  const where = `${name}\n${JSON.stringify(text)}`;
  assert.equal(scanned.escape, expected.getEscapeCharacter(), `${where}: escape`);
  assert.deepEqual(
    scanned.comments,
    expected.getComments().map((c) => c.getRange()),
    `${where}: comments`,
  );
  const instructions = expected.getInstructions();
  assert.deepEqual(
    scanned.instructions.map((i) => ({ written: i.written, keyword: i.keyword, range: scanned.range(i.start, i.end), instructionRange: scanned.range(i.start, i.keywordEnd) })),
    instructions.map((i) => ({ written: i.getInstruction(), keyword: i.getKeyword(), range: i.getRange(), instructionRange: i.getInstructionRange() })),
    `${where}: instructions`,
  );
  instructions.forEach((node, index) => {
    assert.deepEqual(describeInstruction(scanned.node(index)), describeInstruction(node), `${where}: instruction ${index}`);
  });
}

/** Pieces random Dockerfiles are made of: keywords, the characters the parse loop branches on, directives, heredocs. */
const piece = fc.constantFrom(
  'FROM', 'from', 'RUN', 'run', 'COPY', 'ADD', 'ONBUILD', 'ENV', 'ARG', 'WORKDIR', 'VOLUME', 'CMD', 'ENTRYPOINT', 'SHELL', 'LABEL', 'HEALTHCHECK', 'USER', 'EXPOSE',
  ' ', ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '\\', '\\\n', '\\ \n', '\\\t\n', '`', '`\n', '#', '# ', '#escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n',
  '\ufeff', '<<EOF', '<<-EOF', '<<"EOF"', "<<'EOF'", 'EOF', '\tEOF', '<', '<<', '--mount=type=cache,target=/x', '--from=build', '=', 'A=b', 'x="a b"', "y='c'",
  '[', ']', '"', '"/data"', ',', 'alpine', '/data', 'AS', 'echo', '&&', '$X', '${X:-y}',
);
const pieced = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('Dockerfile scanner', () => {
  it('finds what dockerfile-ast finds in the repository fixtures', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file !== '' && isDockerfileName(file));
    assert.ok(files.length >= 10, `only ${files.length} Dockerfiles in the repository`);
    for (const file of files) compare(file, readFileSync(path.join(ROOT, file), 'utf8'));
  });

  it('finds what dockerfile-ast finds in the benchmark corpus', () => {
    const files = generateCorpus(42).filter((f) => isDockerfileName(f.path));
    assert.ok(files.length >= 100);
    for (const f of files) compare(f.path, f.text);
  });

  it('agrees on the cases the parse loop branches on', () => {
    const cases = [
      '',
      '\ufeffFROM alpine\n',
      '# escape=`\nFROM alpine\nRUN echo `\n  hi\n',
      '# escape=\\\n# syntax=x\n\nFROM a\n',
      '#escape=`\r\nFROM a\r\nRUN a `\r\n b\r\n',
      '# syntax = docker/dockerfile:1\n# escape = `\nFROM a',
      '# not a directive\n# escape=`\nFROM a\n',
      'FROM a\rRUN b\r\rVOLUME /c',
      'FR\\\nOM alpine\n',
      'RU\\ \n#x\nN echo\n',
      'RUN\\\n echo hi\n',
      'RUN \\  \n  # a comment\n  echo hi \\\n  && true\n',
      'RUN a \\\n\n  b\n',
      'RUN a \\ ',
      'RUN a \\',
      'FROM',
      'FROM   ',
      'RUN <<EOF\necho > /data/y\nEOF\nVOLUME /data\n',
      'RUN <<-EOF cat\n\techo\n\tEOF\nCMD x\n',
      'COPY <<EOF <<"END" /x/\na\nEOF\nb\nEND\n',
      'ONBUILD RUN <<EOF\nx\nEOF\nRUN y\n',
      'ONBUILD\nRUN <<EOF\n',
      'RUN <\\\n<EOF\nx\nEOF\n',
      'RUN cat < /etc/passwd\n',
      'ENV A=1 B="two words" C=\'3\'\nARG D\nARG E=${A}\n',
      'WORKDIR /a b\\\n c\n',
      'VOLUME ["/a", "/b"]\nVOLUME [ ]\nCMD []\nSHELL ["/bin/bash", "-c"]\n',
      'RUN --mount=type=cache,target=/root/.cache pip install x\n',
      '  # indented comment\n\tFROM a # not a comment\n',
    ];
    cases.forEach((text, i) => compare(`case ${i}`, text));
  });

  it('never differs on random and mutated Dockerfiles', () => {
    fc.assert(fc.property(fc.oneof(pieced, dockerfileDocument), (text) => void compare('generated', text)), { seed: 20261126, numRuns: RANDOM_DOCUMENTS });
  });

  it('follows the dockerfile-ast version it was ported from (an upgrade means reading its parser again)', () => {
    const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/dockerfile-ast/package.json'), 'utf8')) as { version: string };
    const declared = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['dockerfile-ast'];
    assert.equal(installed.version, '0.7.1');
    assert.equal(declared, '0.7.1');
  });

  it('leaves a text beyond the limits empty, as the model did', () => {
    const long = `FROM a\nRUN ${'x'.repeat(100_001)}\n`;
    assert.equal(scanDockerfile(long).instructions.length, 0);
  });
});
