import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, type Finding } from '../../server/src/core';
import { abs, MemoryHost } from '../helpers/memory-host';

/** Lints the files given (relative paths) and returns the findings of one rule. */
function findings(files: Record<string, string>, rule = 'unmounted-state-path'): Finding[] {
  const host = new MemoryHost();
  for (const [name, text] of Object.entries(files)) host.write(abs(name), text);
  return lint({ files: [abs('compose.yaml')], host }).findings.filter((f) => f.rule === rule);
}

const at = (f: Finding | { location: Finding['location'] }): string => {
  const { start, end } = f.location.range;
  return `${f.location.file.split('/').pop()}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
};

describe('build.dockerfile_inline', () => {
  it('the base image, ENV and VOLUME of an inline Dockerfile are analysed, and located in the compose file', () => {
    const compose = [
      'services:',
      '  db:',
      '    build:',
      '      dockerfile_inline: |',
      '        FROM postgres:16',
      '        ENV PGDATA=/srv/pg',
      '  app:',
      '    build:',
      '      dockerfile_inline: |',
      '        FROM debian:12',
      '        VOLUME /srv/uploads',
      '  other:',
      '    build:',
      '      dockerfile_inline: "FROM mysql:8"',
      '',
    ].join('\n');
    const found = findings({ 'compose.yaml': compose });
    // One finding per service, at its `build:`: no second one on the inline line of the same file.
    assert.deepEqual(
      found.map((f) => `${at(f)} ${f.service} ${f.containerPath}`),
      ['compose.yaml:3:5-3:10 db /srv/pg', 'compose.yaml:8:5-8:10 app /srv/uploads', 'compose.yaml:13:5-13:10 other /var/lib/mysql'],
    );
    // Related information points at the inline line, column for column.
    assert.deepEqual(found[0]!.related.map((r) => `${at(r)} ${r.message}`), ['compose.yaml:6:13-6:27 /srv/pg comes from the ENV in `dockerfile_inline`.']);
    assert.deepEqual(found[1]!.related.map((r) => `${at(r)} ${r.message}`), ['compose.yaml:11:16-11:28 /srv/uploads comes from the VOLUME in `dockerfile_inline`.']);
    assert.match(found[2]!.message, /^MySQL data directory \/var\/lib\/mysql of service "other" has no volume\. The image declares VOLUME/);
  });

  it('replaces the Dockerfile of the build context, which is not read', () => {
    const files = {
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx:1.27\n',
      Dockerfile: 'FROM postgres:16\n',
    };
    assert.deepEqual(findings(files), []);
    const host = new MemoryHost();
    for (const [name, text] of Object.entries(files)) host.write(abs(name), text);
    assert.deepEqual(lint({ files: [abs('compose.yaml')], host }).files, [abs('compose.yaml')]);
  });

  it('a later file that sets `dockerfile:` builds from disk again, and the other way round', () => {
    const onDisk = findings({
      'compose.yaml': 'services:\n  db:\n    build:\n      dockerfile_inline: |\n        FROM nginx:1.27\n',
      'compose.override.yaml': 'services:\n  db:\n    build:\n      dockerfile: db.Dockerfile\n',
      'db.Dockerfile': 'FROM postgres:16\n',
    });
    assert.deepEqual(onDisk.map((f) => `${at(f)} ${f.containerPath}`), ['compose.override.yaml:3:5-3:10 /var/lib/postgresql/data', 'db.Dockerfile:1:6-1:17 /var/lib/postgresql/data']);
    const inline = findings({
      'compose.yaml': 'services:\n  db:\n    build:\n      dockerfile: db.Dockerfile\n',
      'compose.override.yaml': 'services:\n  db:\n    build:\n      dockerfile_inline: |\n        FROM nginx:1.27\n',
      'db.Dockerfile': 'FROM postgres:16\n',
    });
    assert.deepEqual(inline, []);
  });

  it('interpolates like Compose; a line interpolation changed is located as a whole', () => {
    const found = findings({
      'compose.yaml': 'services:\n  db:\n    build:\n      dockerfile_inline: |\n        FROM postgres:${PG_MAJOR}\n        ENV PGDATA=$${HOME}/pg\n    environment:\n      HOME: /srv\n',
      '.env': 'PG_MAJOR=17\n',
    });
    // `$${HOME}` is the Dockerfile's own `${HOME}`: unknown to vsafe here, so no path is guessed; the base image is PostgreSQL 17.
    assert.deepEqual(found.map((f) => `${at(f)} ${f.containerPath}`), []);
    const moved = findings({
      'compose.yaml': 'services:\n  db:\n    build:\n      dockerfile_inline: |\n        FROM postgres:${PG_MAJOR}\n        ENV PGDATA=/srv/pg\n',
      '.env': 'PG_MAJOR=17\n',
    });
    assert.deepEqual(moved.map((f) => `${at(f)} ${f.containerPath}`), ['compose.yaml:3:5-3:10 /srv/pg']);
    assert.deepEqual(moved[0]!.related.map((r) => at(r)), ['compose.yaml:6:13-6:27']);
    const base = findings({
      'compose.yaml': 'services:\n  db:\n    build:\n      dockerfile_inline: |\n        FROM postgres:${PG_MAJOR}\n',
      '.env': 'PG_MAJOR=17\n',
    });
    assert.deepEqual(base.map((f) => `${f.containerPath} ${f.related.map(at).join(' ')}`), ['/var/lib/postgresql/data compose.yaml:5:9-5:34']);
  });
});
