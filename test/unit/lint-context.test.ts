// A compose file checked alone (a pre-commit hook passes only the changed files) must get
// the findings a check of its folder gives it: `lint`'s `context` brings in the files of the
// same projects without checking them.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { composeFileRole } from '../../server/src/core/compose/files';
import { lint, type LintResult } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { discover } from '../../server/src/node/discover';
import { NodeFileHost } from '../../server/src/node/host';
import { abs, MemoryHost, rel } from '../helpers/memory-host';

const FIXTURES = path.resolve(__dirname, '../fixtures');

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${rel(f.location.file)}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1} ${f.rule} ${f.service ?? '-'} ${f.message}`);
}

const BASE = `services:
  db:
    image: postgres:16
    volumes:
      # database files
      - pgdata:/var/lib/postgresql/data
  web:
    image: node:20
    volumes:
      # the source, for live reload
      - ./src:/app
volumes:
  # database files
  pgdata:
  # nightly dumps, written by the production backup job
  backups:
`;
const PROD = `services:
  backup:
    image: postgres:16
    volumes:
      # nightly dumps
      - backups:/backups
  cache:
    image: redis:7
`;

describe('lint context: a file checked alone, its project siblings as context', () => {
  const host = new MemoryHost({ 'compose.yaml': BASE, 'compose.prod.yaml': PROD });

  it('without context the base alone misjudges: backups looks unused, the deployed source mount goes unseen', () => {
    const alone = summary(lint({ files: [abs('compose.yaml')], host }).findings);
    assert.ok(alone.some((line) => line.includes('unused-volume')));
    assert.ok(!alone.some((line) => line.includes('source-bind-mount-in-production')));
  });

  it('with the production file as context: the findings of a folder check, in the checked file only', () => {
    const withContext = lint({ files: [abs('compose.yaml')], context: [abs('compose.prod.yaml')], host });
    const folder = lint({ files: [abs('compose.yaml'), abs('compose.prod.yaml')], host });
    assert.deepEqual(summary(withContext.findings), summary(folder.findings.filter((f) => f.location.file === abs('compose.yaml'))));
    const lines = summary(withContext.findings);
    assert.ok(!lines.some((line) => line.includes('unused-volume')), 'prod mounts backups');
    assert.ok(lines.some((line) => line.startsWith('compose.yaml:11:9 source-bind-mount-in-production web')), lines.join('\n'));
    // redis in compose.prod.yaml has no volume: reported by a folder check, not here.
    assert.ok(folder.findings.some((f) => f.location.file === abs('compose.prod.yaml') && f.rule === 'unmounted-state-path'));
    assert.deepEqual(withContext.files, [abs('compose.yaml')]);
    assert.deepEqual(
      withContext.configurations.map((c) => c.files.map((f) => rel(f.file))),
      [['compose.yaml']],
    );
  });

  it('a context file that is itself checked, a Dockerfile or missing changes nothing', () => {
    const plain = summary(lint({ files: [abs('compose.yaml')], host }).findings);
    assert.deepEqual(summary(lint({ files: [abs('compose.yaml')], context: [abs('compose.yaml'), abs('Dockerfile'), abs('compose.gone.yaml')], host }).findings), plain);
  });

  it('a suppression of what only the context reveals is used, not reported stale', () => {
    const ignored = BASE.replace('      - ./src:/app', '      - ./src:/app # vsafe-ignore source-bind-mount-in-production');
    const suppressing = new MemoryHost({ 'compose.yaml': ignored, 'compose.prod.yaml': PROD });
    const rules = (result: LintResult): string[] => result.findings.map((f) => f.rule);
    assert.ok(rules(lint({ files: [abs('compose.yaml')], host: suppressing })).includes('unused-suppression'));
    const withContext = rules(lint({ files: [abs('compose.yaml')], context: [abs('compose.prod.yaml')], host: suppressing }));
    assert.ok(!withContext.includes('unused-suppression') && !withContext.includes('source-bind-mount-in-production'), withContext.join(', '));
  });

  it('Dockerfiles only a context configuration builds are not analysed', () => {
    const building = new MemoryHost({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
      'compose.prod.yaml': 'services:\n  db:\n    build: ./db\n',
      'db/Dockerfile': 'FROM postgres:16\n',
    });
    const result = lint({ files: [abs('compose.yaml')], context: [abs('compose.prod.yaml')], host: building });
    assert.deepEqual(result.files, [abs('compose.yaml')]);
    assert.ok(!result.findings.some((f) => f.location.file === abs('db/Dockerfile')));
  });

  it('COMPOSE_FILE in a folder\'s .env makes one project of the files it lists, sub-folder files included (compose-nas)', () => {
    const nas = new MemoryHost({
      '.env': '# the services in use\nCOMPOSE_PATH_SEPARATOR=:\nCOMPOSE_FILE=compose.yaml:immich/compose.yaml\nDATA=/srv\n',
      'compose.yaml': 'services:\n  proxy:\n    image: traefik:v3.2\nvolumes:\n  # the photo library\n  photos:\n',
      'immich/compose.yaml': 'services:\n  immich:\n    image: ghcr.io/immich-app/immich-server:v1.140.0\n    volumes:\n      # the photo library\n      - photos:/data\n',
      'other/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n',
    });
    const all = [abs('compose.yaml'), abs('immich/compose.yaml'), abs('other/compose.yaml')];
    const folder = lint({ files: all, host: nas });
    assert.deepEqual(folder.configurations.map((c) => c.files.map((f) => rel(f.file))), [['compose.yaml', 'immich/compose.yaml'], ['other/compose.yaml']]);
    // The volume the base declares is the one the sub-folder file mounts: neither undeclared nor unused.
    assert.deepEqual(folder.findings.filter((f) => f.rule === 'undeclared-volume' || f.rule === 'unused-volume'), []);
    // The sub-folder file checked on its own is analysed in that project too.
    const alone = lint({ files: [abs('immich/compose.yaml')], host: nas });
    assert.deepEqual(alone.configurations.map((c) => c.files.map((f) => rel(f.file))), [['compose.yaml', 'immich/compose.yaml']]);
    assert.deepEqual(alone.findings.filter((f) => f.rule === 'undeclared-volume'), []);
  });

  it('a file only extended by others (PostHog\'s docker-compose.base.yml) is checked through them, never as a project of its own', () => {
    const templated = new MemoryHost({
      'docker-compose.base.yml': 'services:\n  db:\n    image: postgres:16\n  redis:\n    image: redis:7\n    volumes:\n      - /data\n',
      'docker-compose.hobby.yml': 'services:\n  db:\n    extends:\n      file: docker-compose.base.yml\n      service: db\n    volumes:\n      # the database\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
    });
    const both = [abs('docker-compose.base.yml'), abs('docker-compose.hobby.yml')];
    const folder = lint({ files: both, host: templated });
    assert.deepEqual(folder.configurations.map((c) => c.files.map((f) => rel(f.file))), [['docker-compose.hobby.yml']]);
    // db has its volume from the hobby file; redis, which nothing extends, is not run: no finding in the template.
    assert.deepEqual(summary(folder.findings), []);
    // Checked alone, with its folder as context: the same (no finding of a project nobody runs), and still a checked file.
    const alone = lint({ files: [abs('docker-compose.base.yml')], context: both, host: templated });
    assert.deepEqual(summary(alone.findings), []);
    assert.deepEqual(alone.files, [abs('docker-compose.base.yml')]);
    // A default file name is run by `docker compose up` even when another file extends it.
    const base = new MemoryHost({
      'compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
      'compose.test.yaml': 'services:\n  db:\n    extends:\n      file: compose.yaml\n      service: db\n',
    });
    const plain = lint({ files: [abs('compose.yaml'), abs('compose.test.yaml')], host: base });
    assert.ok(plain.configurations.some((c) => c.files.length === 1 && rel(c.files[0]!.file) === 'compose.yaml'));
  });

  // Every fixture folder with a project of several files: each of its files checked alone,
  // the others as context, gets exactly the findings the folder check gives the files it reads.
  it('on every fixture project: alone with context = the folder check, restricted to the files read', () => {
    const folders = ['realworld', 'projects'].flatMap((group) => readdirSync(path.join(FIXTURES, group)).map((name) => path.join(FIXTURES, group, name)));
    let compared = 0;
    for (const dir of folders) {
      const found = discover([dir]);
      const byFolder = new Map<string, string[]>();
      for (const file of found.composeFiles) {
        if (composeFileRole(file).kind === 'standalone') continue;
        const folder = path.posix.dirname(file);
        byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
      }
      const host = new NodeFileHost();
      const whole: LintResult = lint({ files: found.composeFiles, dockerfiles: found.dockerfiles, host });
      for (const siblings of byFolder.values()) {
        if (siblings.length < 2) continue;
        for (const file of siblings) {
          const alone = lint({ files: [file], context: siblings.filter((f) => f !== file), host });
          const read = new Set(alone.files);
          const expected = whole.findings.filter((f) => read.has(f.location.file));
          assert.deepEqual(summary(alone.findings), summary(expected), `${path.relative(FIXTURES, file)} alone`);
          compared++;
        }
      }
    }
    assert.ok(compared >= 10, `only ${compared} files compared`);
  });
});
