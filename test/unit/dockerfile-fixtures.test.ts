import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isComposeFileName, isDockerfileName, lint, type Finding } from '../../server/src/core';
import { abs, MemoryHost, rel } from '../helpers/memory-host';

/** A fixture project from test/fixtures/dockerfile/<name>, loaded into memory. */
function project(name: string): MemoryHost {
  const root = path.resolve(__dirname, '../fixtures/dockerfile', name);
  const host = new MemoryHost();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else host.write(abs(path.relative(root, full).split(path.sep).join('/')), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return host;
}

function run(host: MemoryHost, rules: string[]): string[] {
  const files = [...host.files.keys()].filter((f) => isComposeFileName(f));
  const dockerfiles = [...host.files.keys()].filter((f) => isDockerfileName(f));
  return lint({ files, dockerfiles, host })
    .findings.filter((f: Finding) => rules.includes(f.rule) || f.rule === 'parse-error')
    .map((f) => `${rel(f.location.file)}:${f.location.range.start.line + 1}:${f.location.range.start.character + 1} ${f.rule} ${f.service ?? '-'} ${f.containerPath ?? '-'}`);
}

describe('Dockerfile fixture projects', () => {
  it('webapp: a multi-stage Dockerfile built for two services, with a VOLUME nobody mounts and writes after it', () => {
    assert.deepEqual(run(project('webapp'), ['unmounted-state-path', 'write-after-volume']), [
      'compose.yaml:11:5 unmounted-state-path app /srv/app/uploads',
      'compose.yaml:22:5 unmounted-state-path worker /srv/app/uploads',
      // One finding on the VOLUME for both services that build it.
      'docker/app.Dockerfile:17:9 unmounted-state-path - /srv/app/uploads',
      'docker/app.Dockerfile:20:14 write-after-volume - /srv/app/uploads',
      'docker/app.Dockerfile:21:24 write-after-volume - /srv/app/uploads',
    ]);
    const host = project('webapp');
    const onVolume = lint({ files: [...host.files.keys()].filter((f) => isComposeFileName(f)), host }).findings.find(
      (f) => f.rule === 'unmounted-state-path' && f.location.file.endsWith('app.Dockerfile'),
    );
    assert.match(onVolume?.message ?? '', /^VOLUME \/srv\/app\/uploads has no named volume in services "app" and "worker" \(compose\.yaml\)/);
    // One fix mounts a volume in both services, declared together.
    assert.deepEqual(onVolume?.fixes.map((f) => f.title), ['Add named volumes "app-uploads", "worker-uploads" at /srv/app/uploads']);
    assert.deepEqual(onVolume?.related.map((r) => r.message.slice(0, 18)), ['Service "app" buil', 'Service "worker" b']);
  });
  it('clean: VOLUMEs declared after the writes and mounted on named volumes give no finding', () => {
    assert.deepEqual(run(project('clean'), ['unmounted-state-path', 'write-after-volume', 'anonymous-state-volume', 'misplaced-state-mount']), []);
  });
});
