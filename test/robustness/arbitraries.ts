import fc from 'fast-check';

/** Realistic building blocks, so random documents reach deep into the analysis. */
const IMAGES = ['postgres:16', 'postgres:18', 'postgres', 'mysql:8', 'mariadb:11', 'mongo:7', 'redis:7', 'nginx', 'grafana/grafana', 'minio/minio', 'bitnami/postgresql:16', 'lscr.io/linuxserver/nextcloud', '${IMAGE}', 'postgres:${TAG:-16}', 'memcached'];
const TARGETS = ['/var/lib/postgresql/data', '/var/lib/postgresql', '/var/lib/mysql', '/data/db', '/data', '/config', '/tmp', '/app', '/etc/nginx/nginx.conf', '/var/lib/grafana', '${DATA}', '/run/secrets/x'];
const SOURCES = ['data', 'db-data', './data', '.', './src', '~/x', '/srv/pg', './nginx.conf', './.env', './id_rsa', '${PWD}/x', ''];
const MODES = ['', ':ro', ':rw', ':z', ':ro,z'];

const scalarText = fc.oneof(fc.constantFrom(...IMAGES, ...TARGETS, ...SOURCES, 'yes', 'null', '~', '12', '"quoted"', "'single'"), fc.string({ maxLength: 12 }));

const shortVolume = fc.tuple(fc.constantFrom(...SOURCES), fc.constantFrom(...TARGETS), fc.constantFrom(...MODES)).map(([s, t, m]) => (s ? `${s}:${t}${m}` : t));

const longVolume = fc
  .record({ type: fc.constantFrom('volume', 'bind', 'tmpfs', 'npipe'), source: fc.constantFrom(...SOURCES), target: fc.constantFrom(...TARGETS), ro: fc.boolean() })
  .map((v) => [`type: ${v.type}`, ...(v.source ? [`source: ${v.source}`] : []), `target: ${v.target}`, ...(v.ro ? ['read_only: true'] : [])]);

const comment = fc.constantFrom('', '  # note', ' # vsafe-ignore unmounted-state-path', '  # PostgreSQL data');

const serviceBody = fc
  .record({
    image: fc.option(fc.constantFrom(...IMAGES), { nil: undefined }),
    build: fc.option(fc.constantFrom('.', './app'), { nil: undefined }),
    short: fc.array(fc.tuple(shortVolume, comment), { maxLength: 3 }),
    long: fc.array(longVolume, { maxLength: 2 }),
    tmpfs: fc.option(fc.constantFrom(...TARGETS), { nil: undefined }),
    env: fc.array(fc.tuple(fc.constantFrom('PGDATA', 'GF_PATHS_DATA', 'FOO'), fc.constantFrom(...TARGETS)), { maxLength: 2 }),
    command: fc.option(fc.constantFrom('redis-server --appendonly yes', 'mongod --dbpath /srv/db', 'server /data', '["--datadir", "/srv/mysql"]'), { nil: undefined }),
    flowVolumes: fc.boolean(),
  })
  .map((s) => {
    const lines: string[] = [];
    if (s.image) lines.push(`    image: ${s.image}`);
    if (s.build) lines.push(`    build: ${s.build}`);
    if (s.command) lines.push(`    command: ${s.command}`);
    if (s.env.length) lines.push('    environment:', ...s.env.map(([k, v]) => `      ${k}: ${v}`));
    if (s.flowVolumes) lines.push(`    volumes: [${s.short.map(([v]) => JSON.stringify(v)).join(', ')}]`);
    else if (s.short.length || s.long.length) {
      lines.push('    volumes:', ...s.short.map(([v, c]) => `      - ${v}${c}`));
      for (const l of s.long) lines.push(`      - ${l[0]}`, ...l.slice(1).map((x) => `        ${x}`));
    }
    if (s.tmpfs) lines.push(`    tmpfs: ${s.tmpfs}`);
    return lines;
  });

/** A compose document built from realistic parts. */
export const composeDocument = fc
  .record({
    header: fc.constantFrom('', '# vsafe: production\n', '# app\n'),
    services: fc.array(fc.tuple(fc.constantFrom('db', 'web', 'cache', 'app', 'x-tmpl', 'mongo', 'files'), serviceBody), { minLength: 0, maxLength: 4 }),
    volumes: fc.array(fc.constantFrom('data', 'db-data', 'unused', 'ext'), { maxLength: 3 }),
    crlf: fc.boolean(),
    trailingNewline: fc.boolean(),
  })
  .map((d) => {
    const seen = new Set<string>();
    const lines = [d.header + 'services:'];
    for (const [name, body] of d.services) {
      if (seen.has(name)) continue;
      seen.add(name);
      lines.push(`  ${name}:`, ...(body.length ? body : ['    image: nginx']));
    }
    if (d.volumes.length) lines.push('volumes:', ...[...new Set(d.volumes)].map((v) => (v === 'ext' ? '  ext:\n    external: true' : `  ${v}:`)));
    let text = lines.join('\n') + (d.trailingNewline ? '\n' : '');
    if (d.crlf) text = text.replace(/\n/g, '\r\n');
    return text;
  });

/** A document with random character-level damage. */
export const mutatedDocument = fc
  .tuple(composeDocument, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), scalarText.map((s) => s.slice(0, 4))), { maxLength: 4 }))
  .map(([text, mutations]) => {
    let out = text;
    for (const [at, del, ins] of mutations) {
      const i = out.length === 0 ? 0 : at % out.length;
      out = out.slice(0, i) + ins + out.slice(i + del);
    }
    return out;
  });

export const dockerfileDocument = fc
  .array(
    fc.oneof(
      fc.constantFrom('FROM postgres:16', 'FROM node:20 AS build', 'FROM build', 'ARG DIR=/data', 'ENV PGDATA=/srv/pg', 'WORKDIR /app', 'VOLUME /data', 'VOLUME ["/a", "/b"]', 'VOLUME $DIR', 'RUN mkdir -p /data/x && echo hi > /data/f', 'COPY . /app', 'ADD x.tar /data/', 'RUN chown -R 1000 /a', 'USER 1000', 'CMD ["x"]', '# vsafe-ignore write-after-volume', 'RUN <<EOF\necho > /data/y\nEOF', 'FROM scratch'),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n') + '\n');
