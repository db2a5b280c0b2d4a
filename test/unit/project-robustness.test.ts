import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { loadConfiguration, ParseCache } from '../../server/src/core/project';
import type { Finding } from '../../server/src/core/types';
import { abs, MemoryHost, rel } from '../helpers/memory-host';

function lintFiles(files: Record<string, string>): Finding[] {
  const host = new MemoryHost(files);
  return lint({ files: [...host.files.keys()].filter((f) => /compose[^/]*\.ya?ml$/.test(f)), host }).findings;
}

function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${rel(f.location.file)}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1}${f.containerPath ? ' ' + f.containerPath : ''}`);
}

const BASE = 'services:\n  db:\n    image: postgres:16\n';

describe('a file that does not parse', () => {
  it('a broken override gets one parse error; the base is still analysed', () => {
    const findings = lintFiles({ 'compose.yaml': BASE, 'compose.override.yaml': 'services:\n  db:\n    volumes: [pg:/var/lib/postgresql/data\n' });
    const parse = findings.filter((f) => f.rule === 'parse-error');
    assert.equal(parse.length, 1, brief(parse).join('\n'));
    assert.equal(rel(parse[0]!.location.file), 'compose.override.yaml');
    assert.match(parse[0]!.message, /^YAML syntax error: /);
    assert.ok(brief(findings).includes('unmounted-state-path compose.yaml:3:12 /var/lib/postgresql/data'), brief(findings).join('\n'));
  });

  it('a broken environment file does not hide the base + override configuration', () => {
    const findings = lintFiles({ 'compose.yaml': BASE, 'compose.prod.yaml': 'services:\n  db\n    image: [\n' });
    assert.ok(findings.some((f) => f.rule === 'parse-error' && rel(f.location.file) === 'compose.prod.yaml'));
    assert.ok(brief(findings).includes('unmounted-state-path compose.yaml:3:12 /var/lib/postgresql/data'), brief(findings).join('\n'));
  });

  it('a broken included file: one problem at the include entry, the file\'s own error, the rest analysed', () => {
    const findings = lintFiles({ 'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  cache:\n    image: mongo:7\n', 'db/compose.yaml': 'services:\n  db:\n    image: "postgres:16\n' });
    assert.deepEqual(brief(findings.filter((f) => f.rule === 'parse-error')).sort(), ['parse-error compose.yaml:2:5', 'parse-error db/compose.yaml:4:1']);
    assert.ok(brief(findings).includes('unmounted-state-path compose.yaml:5:12 /data/db'));
  });

  it('a missing included file: one problem at its path', () => {
    const findings = lintFiles({ 'compose.yaml': 'include:\n  - path: [db.yaml]\nservices:\n  app:\n    image: nginx\n' });
    assert.deepEqual(brief(findings), ['parse-error compose.yaml:2:12']);
    assert.match(findings[0]!.message, /^The included file db\.yaml does not exist/);
  });

  it('a Compose v1 file (services at the top level) is one problem at its first service, not a silent pass', () => {
    const findings = lintFiles({ 'docker-compose.yml': 'version: "1"\nx-common: {image: busybox}\ndb:\n  image: postgres:9.6\nweb:\n  build: .\n' });
    assert.deepEqual(brief(findings), ['parse-error docker-compose.yml:3:1']);
    assert.match(findings[0]!.message, /Compose v1 format: "db" is a service at the top level/);
    const typo = lintFiles({ 'compose.yaml': 'version: "3"\nservice:\n  db:\n    image: postgres:16\n  image: acme/db\n' });
    assert.match(typo[0]!.message, /^The top-level key is `service:`, not `services:`/);
    // A file with top-level volumes only, or an include, is no such file.
    assert.deepEqual(lintFiles({ 'compose.yaml': 'volumes:\n  data:\n    driver: local\n' }).filter((f) => f.rule === 'parse-error'), []);
  });

  it('a multi-document file with a broken second document keeps the first', () => {
    const host = new MemoryHost({ 'compose.yaml': BASE + '---\nservices: [\n' });
    const c = loadConfiguration([abs('compose.yaml')], host, new ParseCache());
    assert.equal(c.files[0]!.problems.length > 0, true);
    assert.equal(c.workloads[0]?.image?.value, 'postgres:16');
  });

  it('shapes Compose would reject are skipped, never thrown on', () => {
    const texts = [
      '',
      '# only a comment\n',
      '- a list\n',
      'just a string\n',
      'services:\n',
      'services: []\n',
      'services:\n  db:\n',
      'services:\n  db: postgres\n',
      'services:\n  db:\n    image: {name: postgres}\n    volumes: pg:/data\n    tmpfs: {a: b}\n    environment: 12\n    command: {a: 1}\n    build: [x]\n    extends: [x]\n    volumes_from: 3\n    env_file: {}\n',
      'services:\n  db:\n    volumes:\n      - {type: bind}\n      - type: volume\n        target: [x]\n      - null\n      - ""\n      - ":"\n      - "::"\n',
      'include: a.yaml\nvolumes: [x]\nservices:\n  ? [complex, key]\n  : {image: x}\n',
      'include:\n  - {}\n  - path: []\n  - 12\n',
      'services:\n  a:\n    <<: 12\n    <<: [1, *missing]\n',
      '%YAML 1.2\n---\nservices: {a: {image: x}}\n...\n---\n',
      '\uFEFFservices:\r\n  a:\r\n    image: postgres:16\r\n',
    ];
    for (const text of texts) {
      assert.doesNotThrow(() => lintFiles({ 'compose.yaml': text }), JSON.stringify(text));
    }
  });
});

describe('hostile input', () => {
  it('merge-key alias bombs stay bounded', () => {
    const lines = ['x-0: &a0 {image: "postgres:16", environment: {A: "1"}}'];
    for (let i = 1; i <= 12; i++) lines.push(`x-${i}: &a${i}\n  <<: [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    lines.push('services:\n  db:\n    <<: *a12\n');
    const started = Date.now();
    const findings = lintFiles({ 'compose.yaml': lines.join('\n') });
    assert.ok(Date.now() - started < 5000, 'finishes quickly');
    assert.ok(Array.isArray(findings));
  });

  it('a mapping that merges itself does not loop', () => {
    assert.doesNotThrow(() => lintFiles({ 'compose.yaml': 'x: &x\n  image: postgres:16\n  <<: *x\nservices:\n  db:\n    <<: *x\n' }));
  });

  it('sequence alias bombs are not expanded', () => {
    const lines = ['x-0: &v0 ["a:/a"]'];
    for (let i = 1; i <= 15; i++) lines.push(`x-${i}: &v${i} [${Array.from({ length: 10 }, () => `*v${i - 1}`).join(', ')}]`);
    lines.push('services:\n  db:\n    image: postgres:16\n    volumes: *v15\n');
    const started = Date.now();
    assert.doesNotThrow(() => lintFiles({ 'compose.yaml': lines.join('\n') }));
    assert.ok(Date.now() - started < 5000);
  });

  it('deep nesting gives a problem or a model, never an exception', () => {
    for (const depth of [200, 5000, 100000]) {
      const text = 'services:\n  db:\n    image: postgres:16\n    labels: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
      assert.doesNotThrow(() => lintFiles({ 'compose.yaml': text }), `depth ${depth}`);
      const block = 'services:\n' + Array.from({ length: Math.min(depth, 2000) }, (_, i) => ' '.repeat(i + 2) + `k${i}:`).join('\n') + '\n';
      assert.doesNotThrow(() => lintFiles({ 'compose.yaml': block }), `block depth ${depth}`);
    }
  });

  it('hostile nesting is one clear problem', () => {
    const findings = lintFiles({ 'compose.yaml': 'services: ' + '['.repeat(100000) + '\n', 'compose.override.yaml': BASE });
    assert.deepEqual(
      findings.filter((f) => f.rule === 'parse-error').map((f) => `${rel(f.location.file)} ${f.message}`),
      ['compose.yaml The file could not be parsed: collections are nested 100000 levels deep (vsafe reads at most 64)'],
    );
    assert.ok(brief(findings).includes('unmounted-state-path compose.override.yaml:3:12 /var/lib/postgresql/data'), 'the override is still analysed');
  });

  it('long extends, include and volumes_from chains stay bounded', () => {
    const n = 1000;
    const services = Array.from({ length: n }, (_, i) => `  s${i}:\n    image: postgres:16\n${i > 0 ? `    extends: s${i - 1}\n    volumes_from: [s${i - 1}]\n` : '    volumes: [pg:/var/lib/postgresql/data]\n'}`).join('');
    const host = new MemoryHost({ 'compose.yaml': 'services:\n' + services });
    const started = Date.now();
    const c = loadConfiguration([abs('compose.yaml')], host, new ParseCache());
    assert.ok(Date.now() - started < 10000, `took ${Date.now() - started} ms`);
    assert.equal(c.workloads.length, n);
    assert.ok(c.problems.some((p) => /chain of "s\d+" is more than 32 services long/.test(p.message)));
    assert.ok(c.workloads.every((w) => w.layers.length <= 33));
    const includes: Record<string, string> = { 'compose.yaml': 'include:\n  - i0.yaml\n' };
    for (let i = 0; i < 100; i++) includes[`i${i}.yaml`] = `include:\n  - i${i + 1}.yaml\nservices:\n  s${i}:\n    image: nginx\n`;
    includes['i100.yaml'] = 'services:\n  last:\n    image: nginx\n';
    assert.ok(lintFiles(includes).some((f) => /nested more than 32 files deep/.test(f.message)));
  });

  it('random bytes never throw', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = 'services: image volumes - [ ] { } & * << ! !reset !override $ ${ } : " \' # \n   \t ~ extends include . / \\ ---';
    const pieces = alphabet.split(' ');
    for (let n = 0; n < 150; n++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]! + (random() < 0.3 ? ' ' : '');
      assert.doesNotThrow(() => lintFiles({ 'compose.yaml': text, 'compose.override.yaml': text.split('').reverse().join('') }), JSON.stringify(text));
    }
  });
});
