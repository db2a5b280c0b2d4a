import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';
import { IMAGES } from '../../server/src/core/knowledge/images';

const temps: string[] = [];
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vsafe-images-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function run(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = main(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { status, stdout, stderr };
}

describe('vsafe images', () => {
  it('prints the knowledge base as Markdown by default', () => {
    const { status, stdout, stderr } = run(['images'], folder());
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^# Image knowledge base\n/);
    assert.match(stdout, /\| `postgres`, `postgis\/postgis` \| ≥ 18 \| `\/var\/lib\/postgresql` \(data in `\/var\/lib\/postgresql\/18\/docker`\) \| database \| yes \| env `PGDATA` \| \[docs\]\(https:\/\/hub\.docker\.com\/_\/postgres\) \|/);
    assert.match(stdout, /`minio\/minio` .*argument after `server`/);
    assert.match(stdout, /`memcached`.*never reported/);
  });

  it('--format json prints one document with every entry', () => {
    const { status, stdout } = run(['images', '--format', 'json', '--no-config'], folder());
    assert.equal(status, 0);
    const json = JSON.parse(stdout) as { version: number; images: { id: string; source: string; group: string }[] };
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.images.map((e) => e.id),
      IMAGES.map((e) => e.id),
    );
    assert.ok(json.images.every((e) => e.source.startsWith('https://') && e.group.length > 0));
  });

  it('lists the entries of .vsaferc.json first', () => {
    const dir = folder({ '.vsaferc.json': JSON.stringify({ images: [{ image: 'acme/ledger', paths: [{ path: '/srv/ledger', kind: 'database', env: ['LEDGER_DIR'] }] }] }) });
    const { status, stdout } = run(['images'], dir);
    assert.equal(status, 0);
    const own = stdout.indexOf('## From .vsaferc.json');
    assert.ok(own > 0, stdout.slice(0, 400));
    assert.ok(own < stdout.indexOf('## Databases'));
    assert.match(stdout, /\| `acme\/ledger` \| all \| `\/srv\/ledger` \| database \| no \| env `LEDGER_DIR` \| \[docs\]\(\.vsaferc\.json\) \|/);
    const json = JSON.parse(run(['images', '--format=json'], dir).stdout) as { images: { id: string }[] };
    assert.equal(json.images[0]?.id, 'acme/ledger');
    assert.ok(!run(['images', '--no-config'], dir).stdout.includes('acme/ledger'));
  });

  it('usage and config errors exit 2', () => {
    assert.equal(run(['images', '--format', 'xml'], folder()).status, 2);
    assert.equal(run(['images', 'extra'], folder()).status, 2);
    const broken = run(['images'], folder({ '.vsaferc.json': '{"images": [{"image": "x"}]}' }));
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /\.vsaferc\.json.*paths/);
    assert.equal(run(['images', '--help'], folder()).status, 0);
  });
});
