import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core';
import { abs, MemoryHost } from '../helpers/memory-host';

function configurations(files: Record<string, string>): string[][] {
  const host = new MemoryHost();
  for (const [name, text] of Object.entries(files)) host.write(abs(name), text);
  const composeFiles = Object.keys(files).map((name) => abs(name));
  return lint({ files: composeFiles, host }).configurations.map((c) => c.files.map((f) => f.file.slice(abs('').length)));
}

describe('docker-compose-<name>.yml: overlay of the base or a file of its own', () => {
  const base = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data # data\nvolumes:\n  pg:\n';

  it('a file that needs a service or a volume only the base defines runs on the base', () => {
    const job = 'services:\n  backup:\n    image: acme/backup:1\n    depends_on: [db]\n';
    assert.deepEqual(configurations({ 'docker-compose.yml': base, 'docker-compose-backup.yml': job }), [['docker-compose.yml'], ['docker-compose.yml', 'docker-compose-backup.yml']]);
  });

  it('a file that needs what the base does not define either is a file of its own (another project\'s base, an incomplete file)', () => {
    const alternative = 'services:\n  app:\n    image: acme/app:1\n    depends_on: [mysql]\n    volumes:\n      - uploads:/srv/uploads # files\n';
    assert.deepEqual(configurations({ 'docker-compose.yml': base, 'docker-compose-without-neo4j.yml': alternative }), [['docker-compose.yml'], ['docker-compose-without-neo4j.yml']]);
  });
});
