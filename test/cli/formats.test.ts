import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { formatGithub, escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { RULES } from '../../server/src/core/rules';
import { docsUrl } from '../../server/src/core/rules/types';
import type { Finding } from '../../server/src/core/types';
import { expectFile, FIXTURES, only, removeTemps, ROOT, runCli } from './helpers';

const SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validateSarif(text: string): void {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The formats the schema uses, checked rather than ignored.
  const parses = (text: string, base?: string): boolean => {
    try {
      new URL(text, base);
      return !/\s/.test(text);
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', (text: string) => parses(text));
  ajv.addFormat('uri-reference', (text: string) => parses(text, 'file:///base/'));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  const ok = validate(JSON.parse(text));
  assert.ok(ok, `SARIF schema errors: ${JSON.stringify(validate.errors, null, 2)}`);
}

const UNMOUNTED = only('unmounted-state-path');
const basic = path.join(FIXTURES, 'basic');
const multi = path.join(FIXTURES, 'multi');

describe('vsafe check formats (exact output)', () => {
  after(removeTemps);

  it('stylish: grouped by file, summary line, no colours when not a TTY', () => {
    const run = runCli(['check', ...UNMOUNTED], basic);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.doesNotMatch(run.stdout, /\u001b\[/);
    expectFile('basic.stylish.txt', run.stdout);
  });

  it('stylish: colours with FORCE_COLOR, never in machine formats', () => {
    const coloured = runCli(['check', ...UNMOUNTED], basic, { FORCE_COLOR: '1', NO_COLOR: '' });
    assert.match(coloured.stdout, /\u001b\[33mwarning\u001b\[0m/);
    const json = runCli(['check', '--format', 'json', ...UNMOUNTED], basic, { FORCE_COLOR: '1', NO_COLOR: '' });
    assert.doesNotMatch(json.stdout, /\u001b\[/);
  });

  it('stylish over two projects and an override file', () => {
    const run = runCli(['check', ...UNMOUNTED], multi);
    assert.equal(run.status, 1);
    expectFile('multi.stylish.txt', run.stdout);
  });

  it('json: the SPEC shape in a stable order', () => {
    const run = runCli(['check', '--format', 'json', ...UNMOUNTED], basic);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    expectFile('basic.json', run.stdout);
    const again = runCli(['check', '--format', 'json', ...UNMOUNTED, 'compose.yaml'], basic);
    assert.equal(again.stdout, run.stdout, 'the same findings whether the folder or the file is named');
  });

  it('json over two projects', () => {
    const run = runCli(['check', '--format', 'json', ...UNMOUNTED], multi);
    expectFile('multi.json', run.stdout);
  });

  it('github: workflow commands', () => {
    const run = runCli(['check', '--format', 'github', ...UNMOUNTED], multi);
    assert.equal(run.status, 1);
    expectFile('multi.github.txt', run.stdout);
    for (const line of run.stdout.trimEnd().split('\n')) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=vsafe\([a-z-]+\)::[^\n]+$/);
  });

  it('sarif: valid SARIF 2.1.0 with rule metadata, exact results', () => {
    const run = runCli(['check', '--format', 'sarif', ...UNMOUNTED], basic);
    assert.equal(run.status, 1);
    validateSarif(run.stdout);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'vsafe');
    assert.equal(driver.version, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.equal(driver.informationUri, 'https://github.com/vsafe/vsafe');
    for (const rule of RULES) {
      const entry = driver.rules.find((r: { id: string }) => r.id === rule.meta.id);
      assert.ok(entry, rule.meta.id);
      assert.equal(entry.helpUri, docsUrl(rule.meta.id));
      assert.equal(entry.shortDescription.text, rule.meta.description);
      assert.equal(entry.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.meta.defaultSeverity]);
    }
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${basic}/`);
    for (const result of log.runs[0].results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    expectFile('basic.sarif-results.json', JSON.stringify(log.runs[0].results, null, 2) + '\n');
  });

  it('sarif: a clean project is a valid log with no results', () => {
    const run = runCli(['check', '--format', 'sarif', ...UNMOUNTED], path.join(FIXTURES, 'multi/worker'));
    assert.equal(run.status, 0);
    validateSarif(run.stdout);
    assert.deepEqual(JSON.parse(run.stdout).runs[0].results, []);
  });
});

const F = '/repo/compose.yaml';
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const synthetic: Finding[] = [
  {
    rule: 'source-bind-mount-in-production',
    severity: 'warning',
    message: 'Source bind mount "./src" in production, 100% sure:\nmove it',
    location: { file: F, range: range(4, 8, 4, 24) },
    service: 'web',
    containerPath: '/app',
    related: [{ location: { file: '/repo/compose.prod.yaml', range: range(0, 0, 0, 8) }, message: 'merged with this production file' }],
    fixes: [
      {
        title: 'Move the mount to compose.override.yaml',
        isPreferred: true,
        createFiles: [{ file: '/repo/compose.override.yaml', text: 'services:\n  web:\n    volumes:\n      - ./src:/app\n' }],
        edits: [{ file: F, range: range(4, 6, 5, 0), newText: '' }],
      },
    ],
  },
  {
    rule: 'unused-volume',
    severity: 'hint',
    message: 'Volume "x" is never used.',
    location: { file: '/elsewhere/compose.yaml', range: range(9, 2, 9, 3) },
    related: [],
    fixes: [{ title: 'insert', edits: [{ file: '/elsewhere/compose.yaml', range: range(9, 2, 9, 2), newText: '# ' }] }],
  },
  { rule: 'parse-error', severity: 'error', message: 'YAML syntax error: bad', location: { file: F, range: range(0, 0, 0, 1) }, related: [], fixes: [] },
  { rule: 'writable-config-mount', severity: 'info', message: 'info', location: { file: '/repo/a,b:c%.yaml', range: range(0, 0, 0, 1) }, related: [], fixes: [] },
];

describe('formatters (synthetic findings)', () => {
  it('sarif: levels, related locations, fixes with created files, files outside the working folder', () => {
    const text = formatSarif({ findings: synthetic, cwd: '/repo', color: false });
    validateSarif(text);
    const [a, b, c, d] = JSON.parse(text).runs[0].results;
    assert.deepEqual([a.level, b.level, c.level, d.level], ['warning', 'note', 'error', 'note']);
    assert.deepEqual(a.locations[0].physicalLocation, { artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 25 } });
    assert.deepEqual(a.relatedLocations, [
      { id: 1, physicalLocation: { artifactLocation: { uri: 'compose.prod.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 } }, message: { text: 'merged with this production file' } },
    ]);
    assert.deepEqual(a.fixes, [
      {
        description: { text: 'Move the mount to compose.override.yaml' },
        artifactChanges: [
          { artifactLocation: { uri: 'compose.override.yaml', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { charOffset: 0, charLength: 0 }, insertedContent: { text: 'services:\n  web:\n    volumes:\n      - ./src:/app\n' } }] },
          { artifactLocation: { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 5, startColumn: 7, endLine: 6, endColumn: 1 } }] },
        ],
      },
    ]);
    assert.deepEqual(a.properties, { severity: 'warning', service: 'web', containerPath: '/app' });
    assert.deepEqual(b.locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/compose.yaml' });
    assert.deepEqual(b.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 10, startColumn: 3, endLine: 10, endColumn: 3 }, insertedContent: { text: '# ' } }]);
    assert.equal(d.locations[0].physicalLocation.artifactLocation.uri, 'a,b:c%25.yaml');
    const rules = JSON.parse(text).runs[0].tool.driver.rules;
    assert.equal(rules[c.ruleIndex].id, 'parse-error');
    assert.deepEqual(JSON.parse(text).runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('sarif: inputs that could not be checked are tool notifications', () => {
    const text = formatSarif({ findings: [], cwd: '/repo', color: false, errors: [{ where: 'b/compose.yaml', message: 'binary file (contains NUL bytes)' }] });
    validateSarif(text);
    assert.deepEqual(JSON.parse(text).runs[0].invocations, [
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'b/compose.yaml: binary file (contains NUL bytes)' } }] },
    ]);
  });

  it('github: severities and escaping of data and properties', () => {
    assert.equal(escapeData('50%\r\nnext'), '50%25%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
    assert.equal(
      formatGithub({ findings: synthetic, cwd: '/repo', color: false }),
      '::warning file=compose.yaml,line=5,col=9,endLine=5,endColumn=25,title=vsafe(source-bind-mount-in-production)::Source bind mount "./src" in production, 100%25 sure:%0Amove it\n' +
        '::notice file=../elsewhere/compose.yaml,line=10,col=3,endLine=10,endColumn=4,title=vsafe(unused-volume)::Volume "x" is never used.\n' +
        '::error file=compose.yaml,line=1,col=1,endLine=1,endColumn=2,title=vsafe(parse-error)::YAML syntax error: bad\n' +
        '::notice file=a%2Cb%3Ac%25.yaml,line=1,col=1,endLine=1,endColumn=2,title=vsafe(writable-config-mount)::info\n',
    );
  });

  it('stylish: colours on a TTY', () => {
    const text = formatStylish({ findings: synthetic.slice(2, 3), cwd: '/repo', color: true });
    assert.equal(
      text,
      '\n\u001b[4mcompose.yaml\u001b[0m\n  \u001b[90m1:1\u001b[0m  \u001b[31merror\u001b[0m  YAML syntax error: bad  \u001b[90mparse-error\u001b[0m\n\n\u001b[31m\u001b[1m✖ 1 problem (1 error, 0 warnings, 0 info/hint)\u001b[0m\u001b[0m\n',
    );
  });
});
