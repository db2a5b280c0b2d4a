import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDockerfileName, lint } from '../../server/src/core';
import { abs, MemoryHost } from '../helpers/memory-host';

describe('Dockerfile names', () => {
  it('recognises the names Docker builds from, not documents named after them', () => {
    const yes = ['Dockerfile', 'dockerfile', 'Dockerfile.prod', 'dockerfile.dev', 'Containerfile', 'api.Dockerfile', 'api.dockerfile', 'web.containerfile'];
    const no = ['Dockerfile.md', 'dockerfile.yaml', 'Dockerfile.json', 'compose.yaml', 'DOCKERFILE.txt', 'dockerfiles', 'my-dockerfile'];
    assert.deepEqual(yes.filter((n) => !isDockerfileName(`/p/${n}`)), []);
    assert.deepEqual(no.filter((n) => isDockerfileName(`/p/${n}`)), []);
  });

  it('a build context without Dockerfile builds its lowercase dockerfile, as Docker and BuildKit do', () => {
    const host = new MemoryHost();
    host.write(abs('compose.yaml'), 'services:\n  db:\n    build: ./db\n');
    host.write(abs('db/dockerfile'), 'FROM postgres:16\n');
    const findings = lint({ files: [abs('compose.yaml')], host }).findings.filter((f) => f.rule === 'unmounted-state-path');
    assert.deepEqual(findings.map((f) => `${f.location.file.slice(abs('').length)} ${f.containerPath}`), ['compose.yaml /var/lib/postgresql/data', 'db/dockerfile /var/lib/postgresql/data']);
    // With both, `Dockerfile` wins.
    host.write(abs('db/Dockerfile'), 'FROM nginx:1.27\n');
    assert.deepEqual(lint({ files: [abs('compose.yaml')], host }).findings.filter((f) => f.rule === 'unmounted-state-path'), []);
  });
});
