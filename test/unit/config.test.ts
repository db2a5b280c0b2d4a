import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { validateConfig } from '../../server/src/core/config-validate';
import { emptyConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { abs, MemoryHost } from '../helpers/memory-host';
import { RULES } from '../../server/src/core/rules';
import { findConfigFile, loadConfigFile, loadConfigFor } from '../../server/src/node/config';
import { toCorePath } from '../../server/src/node/paths';

const KNOWN = new Set(RULES.map((r) => r.meta.id));
const SCHEMA = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/vsaferc.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaValid = ajv.compile(SCHEMA);

const GOOD = {
  $schema: './node_modules/vsafe/schemas/vsaferc.schema.json',
  rules: { 'undocumented-mount': 'off', 'source-bind-mount-in-production': 'error' },
  production: ['deploy/*.yml'],
  composeFiles: ['ops/**/*.yml'],
  ignore: ['vendor/**'],
  images: [{ image: 'acme/ledger', paths: ['/var/lib/ledger', { path: '/var/log/ledger', kind: 'logs', description: 'Ledger logs' }] }],
};

function error(value: unknown): string {
  const result = validateConfig(value, KNOWN);
  assert.equal(result.ok, false, 'expected an error');
  return result.ok ? '' : result.error;
}

describe('validateConfig', () => {
  it('accepts every key of SPEC §5, and the schema agrees', () => {
    const result = validateConfig(GOOD, KNOWN);
    assert.ok(result.ok);
    assert.deepEqual(result.config.rules, GOOD.rules);
    assert.deepEqual(result.config.production, ['deploy/*.yml']);
    assert.equal(result.config.images[0]!.images[0], 'acme/ledger');
    assert.ok(schemaValid(GOOD), JSON.stringify(schemaValid.errors));
  });
  it('an image of your own: a path that an env var makes external (unlessEnv), application data on a bind mount', () => {
    const config = { images: [{ image: 'acme/files', paths: [{ path: '/srv/files', kind: 'uploads', unlessEnv: ['S3_BUCKET'] }, { path: '/srv/db', applicationData: true }] }] };
    assert.ok(schemaValid(config), JSON.stringify(schemaValid.errors));
    const result = validateConfig(config, KNOWN);
    assert.ok(result.ok);
    const host = new MemoryHost({
      'compose.yaml': 'services:\n  local:\n    image: acme/files:2\n    volumes:\n      # the database\n      - ./db:/srv/db\n  s3:\n    image: acme/files:2\n    environment:\n      S3_BUCKET: files\n    volumes:\n      # the database\n      - ./db:/srv/db\n',
    });
    const found = lint({ files: [abs('compose.yaml')], host, config: { ...emptyConfig(), images: result.config.images } }).findings.map((f) => `${f.service} ${f.rule} ${f.containerPath}`);
    // Only the service that stores files locally needs /srv/files; /srv/db is application data, fine on a bind mount.
    assert.deepEqual(found, ['local unmounted-state-path /srv/files']);
  });

  it('names the offending key, with a suggestion', () => {
    assert.equal(error({ rule: {} }), 'unknown key "rule" (did you mean "rules"?); the keys are rules, production, composeFiles, images, ignore');
    assert.equal(error({ rules: { 'unmounted-state-paths': 'off' } }), 'unknown rule "unmounted-state-paths" in "rules" (did you mean "unmounted-state-path"?)');
    assert.equal(error({ rules: { 'unmounted-state-path': 'warn' } }), 'rule "unmounted-state-path" in "rules": the severity must be one of off, hint, info, warning, error, not "warn"');
    assert.equal(error({ production: 'deploy/*.yml' }), '"production" must be an array of glob strings, e.g. ["deploy/*.yml"]');
    assert.equal(error({ ignore: ['a', ''] }), '"ignore" must be an array of glob strings: item 1 is ""');
    assert.equal(error({ images: [{ image: 'x', paths: ['data'] }] }), 'images[0].paths[0] must be an absolute container path or {"path": "/…"}');
    assert.equal(error({ images: [{ paths: ['/x'] }] }), 'images[0] needs "image" (a repository name) or "images"');
    assert.equal(error([]), 'the configuration must be a JSON object');
  });
  it('the schema rejects what the validator rejects', () => {
    for (const bad of [{ rule: {} }, { rules: { 'unmounted-state-paths': 'off' } }, { rules: { 'unmounted-state-path': 'warn' } }, { production: 'x' }, { ignore: [''] }, { images: [{ paths: ['/x'] }] }, { images: [{ image: 'x', paths: ['data'] }] }]) {
      assert.equal(schemaValid(bad), false, JSON.stringify(bad));
      assert.equal(validateConfig(bad, KNOWN).ok, false, JSON.stringify(bad));
    }
  });
  it('is contributed for .vsaferc.json and for the "vsafe" key of package.json', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    const entries = pkg.contributes.jsonValidation as { fileMatch: string; url: string }[];
    assert.ok(entries.some((e) => e.fileMatch === '.vsaferc.json' && e.url === './schemas/vsaferc.schema.json'));
    const forPackage = entries.find((e) => e.fileMatch === 'package.json')!;
    const packageSchema = JSON.parse(readFileSync(path.resolve(__dirname, '../..', forPackage.url), 'utf8'));
    assert.equal(packageSchema.properties.vsafe.$ref, './vsaferc.schema.json');
  });
  it('the schema lists every rule with its default', () => {
    const props = SCHEMA.properties.rules.properties as Record<string, { default: string }>;
    assert.deepEqual(Object.keys(props).sort(), [...KNOWN].sort(), 'regenerate with `npm run docs`');
    for (const rule of RULES) assert.equal(props[rule.meta.id]!.default, rule.meta.defaultSeverity);
  });
});

describe('config files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is found from a nested folder upwards; globs are relative to its folder', () => {
    mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
    writeFileSync(path.join(dir, 'a/.vsaferc.json'), JSON.stringify({ production: ['deploy/*.yml'] }));
    assert.equal(findConfigFile(path.join(dir, 'a/b/c')), path.join(dir, 'a/.vsaferc.json'));
    const load = loadConfigFor(path.join(dir, 'a/b/c'));
    assert.ok(load.ok);
    assert.equal(load.loaded.config.root, toCorePath(path.join(dir, 'a')));
    assert.deepEqual(load.loaded.config.production, ['deploy/*.yml']);
  });

  it('"vsafe" in package.json', () => {
    mkdirSync(path.join(dir, 'pkg/sub'), { recursive: true });
    writeFileSync(path.join(dir, 'pkg/package.json'), JSON.stringify({ name: 'x', vsafe: { rules: { 'undocumented-mount': 'off' } } }, null, 2));
    const load = loadConfigFor(path.join(dir, 'pkg/sub'));
    assert.ok(load.ok);
    assert.equal(load.loaded.file, path.join(dir, 'pkg/package.json'));
    assert.deepEqual(load.loaded.config.rules, { 'undocumented-mount': 'off' });
  });

  it('a package.json without "vsafe" is skipped', () => {
    mkdirSync(path.join(dir, 'plain/sub'), { recursive: true });
    writeFileSync(path.join(dir, 'plain/package.json'), '{"name": "x"}');
    assert.notEqual(findConfigFile(path.join(dir, 'plain/sub')), path.join(dir, 'plain/package.json'));
  });

  it('a broken config is one clear error naming the file and the position, never a throw', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{\n  "rules": {\n    "undocumented-mount": "of"\n  }\n}\n');
    const load = loadConfigFile(file);
    assert.ok(!load.ok);
    assert.equal(load.file, file);
    assert.match(load.error, /^rule "undocumented-mount" in "rules": the severity must be one of/);
    assert.equal(load.line, 3);
    const syntax = path.join(dir, 'syntax.json');
    writeFileSync(syntax, '{\n  "rules": {,\n}\n');
    const bad = loadConfigFile(syntax);
    assert.ok(!bad.ok);
    assert.match(bad.error, /^invalid JSON/);
    assert.equal(bad.line, 2);
  });
});
