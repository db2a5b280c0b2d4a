import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnowledgeBase } from '../../server/src/core/knowledge/lookup';
import { lint } from '../../server/src/core/lint';
import { buildInventory, persistence } from '../../server/src/core/report/inventory';
import { messageMarkdown, renderInventoryMarkdown } from '../../server/src/core/report/markdown';

function inventory(files: Record<string, string>) {
  const host = { readFile: (file: string) => files[file] };
  return buildInventory(lint({ files: Object.keys(files).filter((f) => /compose[^/]*\.ya?ml$/.test(f)), host }));
}

function documented(files: Record<string, string>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const project of inventory(files).projects) for (const service of project.services) for (const mount of service.mounts) out[`${service.name} ${mount.target}`] = mount.documented;
  return out;
}

describe('mount inventory (core/report)', () => {
  it('documented?: the same reading as undocumented-mount: host views need no comment, a comment indented into the block above does not count', () => {
    const text = 'services:\n  app:\n    image: ghcr.io/acme/app:1\n    environment:\n      A: "1"\n\n      # B: "2"\n    volumes:\n      - /proc:/host/proc:ro\n      - ./data:/data\n';
    assert.deepEqual(documented({ '/p/compose.yaml': text }), { 'app /host/proc': true, 'app /data': false });
  });

  it('documented?: a comment on the line, directly above, on any line of a long entry, or on the volume declaration', () => {
    const text = [
      'services:',
      '  app:',
      '    image: ghcr.io/acme/app:1',
      '    volumes:',
      '      - "./a#b:/hash" ',
      '      - ./c:/trailing # what it holds',
      '      # what the next one holds',
      '      - ./d:/above',
      '',
      '      - ./e:/after-blank',
      '      # vsafe-ignore undocumented-mount',
      '      - ./f:/suppression-only',
      '      - type: bind',
      '        source: ./g # the middle line',
      '        target: /long',
      '      - named:/named',
      '      - other:/other',
      'volumes:',
      '  named: # declared with a comment',
      '  other:',
    ].join('\n') + '\n';
    assert.deepEqual(documented({ '/p/compose.yaml': text }), {
      'app /hash': false,
      'app /trailing': true,
      'app /above': true,
      'app /after-blank': false,
      'app /suppression-only': false,
      'app /long': true,
      'app /named': true,
      'app /other': false,
    });
  });

  it('documented?: a declaration comment in another file of the configuration counts', () => {
    const result = documented({
      '/p/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg:/var/lib/postgresql/data\nvolumes:\n  pg:\n',
      '/p/compose.override.yaml': 'volumes:\n  # the database cluster\n  pg:\n    labels: [dev]\n',
    });
    assert.deepEqual(result, { 'db /var/lib/postgresql/data': true });
  });

  it('persistence verdicts per mount type', () => {
    const local = { external: false, remoteDriver: false };
    assert.deepEqual(persistence('volume', local), { restart: 'kept', down: 'kept', downVolumes: 'lost', hostLoss: 'lost' });
    assert.deepEqual(persistence('volume', { external: true, remoteDriver: false }), { restart: 'kept', down: 'kept', downVolumes: 'kept', hostLoss: 'lost' });
    assert.deepEqual(persistence('volume', { external: false, remoteDriver: true }), { restart: 'kept', down: 'kept', downVolumes: 'lost', hostLoss: 'kept' });
    assert.deepEqual(persistence('volume', { ...local, hostFolder: true }), { restart: 'kept', down: 'kept', downVolumes: 'kept', hostLoss: 'lost' });
    assert.deepEqual(persistence('anonymous', local), { restart: 'kept', down: 'lost', downVolumes: 'lost', hostLoss: 'lost' });
    assert.deepEqual(persistence('bind', local), { restart: 'kept', down: 'kept', downVolumes: 'kept', hostLoss: 'lost' });
    assert.deepEqual(persistence('tmpfs', local), { restart: 'lost', down: 'lost', downVolumes: 'lost', hostLoss: 'lost' });
    assert.deepEqual(persistence('other', local), { restart: 'unknown', down: 'unknown', downVolumes: 'unknown', hostLoss: 'unknown' });
  });

  it('a host socket or kernel view holds no data: neither kept nor lost, in the table too', () => {
    const text = 'services:\n  agent:\n    image: ghcr.io/acme/agent:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - /proc:/host/proc:ro\n      - /dev/ttyUSB0:/dev/ttyUSB0\n      - ./state:/state # agent state\n';
    const mounts = inventory({ '/p/compose.yaml': text }).projects[0]!.services[0]!.mounts;
    const none = { restart: 'none', down: 'none', downVolumes: 'none', hostLoss: 'none' };
    assert.deepEqual(
      mounts.map((m) => [m.target, m.persistence]),
      [
        ['/var/run/docker.sock', none],
        ['/host/proc', none],
        ['/dev/ttyUSB0', none],
        ['/state', { restart: 'kept', down: 'kept', downVolumes: 'kept', hostLoss: 'lost' }],
      ],
    );
    const files: Record<string, string> = { '/p/compose.yaml': text };
    const table = renderInventoryMarkdown(lint({ files: ['/p/compose.yaml'], host: { readFile: (file: string) => files[file] } }), (f) => f);
    assert.match(table, /\| `\/var\/run\/docker\.sock` \| yes \| no \| ➖ no data \| ➖ no data \| ➖ no data \| ➖ no data \|/);
  });

  it('a volume driver that stores elsewhere survives host loss; external volumes survive down -v', () => {
    const [project] = inventory({
      '/p/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - nfs:/var/lib/postgresql/data\n      - keep:/backup\nvolumes:\n  nfs:\n    driver: rexray/ebs\n  keep:\n    external: true\n',
    }).projects;
    const [nfs, keep] = project!.services[0]!.mounts;
    assert.equal(nfs!.driver, 'rexray/ebs');
    assert.equal(nfs!.persistence.hostLoss, 'kept');
    assert.equal(keep!.external, true);
    assert.equal(keep!.persistence.downVolumes, 'kept');
  });

  it('a volume bound to a host folder survives down -v; one the local driver puts on tmpfs is lost on restart', () => {
    const [project] = inventory({
      '/p/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - host:/var/lib/postgresql/data\n      - ram:/scratch\nvolumes:\n  host:\n    driver_opts: {type: none, o: bind, device: /srv/pg}\n  ram:\n    driver: local\n    driver_opts: {type: tmpfs, device: tmpfs}\n',
    }).projects;
    const [host, ram] = project!.services[0]!.mounts;
    assert.equal(host!.device, '/srv/pg');
    assert.deepEqual(host!.persistence, { restart: 'kept', down: 'kept', downVolumes: 'kept', hostLoss: 'lost' });
    assert.deepEqual(ram!.persistence, { restart: 'lost', down: 'lost', downVolumes: 'lost', hostLoss: 'lost' });
  });

  it("with the knowledge base: the anonymous volumes of the image's and the Dockerfile's VOLUMEs that no mount targets exactly", () => {
    const files: Record<string, string> = {
      '/p/compose.yaml': [
        'services:',
        '  db:',
        '    image: postgres:17',
        '    volumes:',
        '      - pg:/var/lib/postgresql',
        '  kept:',
        '    image: postgres:17',
        '    volumes:',
        '      - pg:/var/lib/postgresql/data',
        '  cache:',
        '    image: redis:7',
        '  app:',
        '    build: .',
        'volumes:',
        '  pg:',
      ].join('\n') + '\n',
      '/p/Dockerfile': 'FROM node:22\nVOLUME /srv/uploads /var/cache/app\n',
    };
    const host = { readFile: (file: string) => files[file] };
    const result = lint({ files: ['/p/compose.yaml'], host });
    const knowledge = KnowledgeBase.builtIn();
    const implicit = (inv: ReturnType<typeof buildInventory>): string[] =>
      inv.projects.flatMap((p) => p.services.flatMap((s) => s.mounts.filter((m) => m.implicit).map((m) => `${s.name} ${m.target} ${m.implicit} ${m.type} ${m.persistence.down} ${m.location.file}:${m.location.range.start.line + 1}`)));
    assert.deepEqual(implicit(buildInventory(result, () => knowledge)), [
      // A mount at the parent does not replace the VOLUME's anonymous volume.
      'db /var/lib/postgresql/data image anonymous lost /p/compose.yaml:3',
      'cache /data image anonymous lost /p/compose.yaml:11',
      // Every VOLUME of the Dockerfile, state or not: Docker creates each.
      'app /srv/uploads dockerfile anonymous lost /p/Dockerfile:2',
      'app /var/cache/app dockerfile anonymous lost /p/Dockerfile:2',
    ]);
    // Without the knowledge base (the editor's code lens): only what the compose file says.
    assert.deepEqual(implicit(buildInventory(result)), []);
    const markdown = renderInventoryMarkdown(result, (f) => f.replace('/p/', ''), () => knowledge);
    assert.match(markdown, /^1 project, 4 services, 2 mounts \(2 undocumented\), 4 anonymous volumes from image VOLUMEs, \d+ findings\.$/m);
    assert.match(markdown, /^\| anonymous \(image VOLUME\) \| \(anonymous\) \| `\/data` \| no \| — \| ✅ kept \| ❌ lost \| ❌ lost \| ❌ lost \|$/m);
    assert.match(markdown, /^  s\d+ -->\|"\/srv\/uploads"\| a\d+$/m);
    assert.match(markdown, /a\d+\(\["anonymous volume \(Dockerfile VOLUME\)"\]\)/);
  });

  it('finding messages keep their code spans as code and escape the text around them', () => {
    assert.equal(messageMarkdown('mount it read-only (`:ro`) at /srv/my_data <here>'), 'mount it read-only (`:ro`) at /srv/my\\_data \\<here\\>');
    assert.equal(messageMarkdown('a path `/var/lib/my_db` in code'), 'a path `/var/lib/my_db` in code');
    assert.equal(messageMarkdown('one stray ` backtick'), 'one stray \\` backtick');
  });

  it('renderInventoryMarkdown: no compose files', () => {
    assert.equal(renderInventoryMarkdown({ findings: [], files: [], configurations: [] }, (f) => f), '# vsafe mount inventory\n\nNo Docker Compose files found.\n');
  });
});
