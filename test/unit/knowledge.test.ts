import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateConfig } from '../../server/src/core/config-validate';
import { BUILT_IN_GROUPS, DOCS_INTRO, imagesMarkdown } from '../../server/src/core/knowledge/format';
import { IMAGES } from '../../server/src/core/knowledge/images';
import { KnowledgeBase, parseImageRef, selectVariant } from '../../server/src/core/knowledge/lookup';
import { STATE_KINDS, type ImageEntry, type StatePathSpec } from '../../server/src/core/knowledge/types';
import type { Mount, Workload } from '../../server/src/core/model';
import { misplacedMountFor, statePaths } from '../../server/src/core/state';

const ROOT = path.resolve(__dirname, '../..');
const KB = KnowledgeBase.builtIn();
const LOC = { file: '/p/compose.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

interface WorkloadOptions {
  env?: Record<string, string>;
  command?: string[];
  entrypoint?: string[];
  /** Mount targets (named volumes). */
  mounts?: string[];
}

function workload(image: string, options: WorkloadOptions = {}): Workload {
  const mounts: Mount[] = (options.mounts ?? []).map((target, i) => ({ type: 'volume', source: `v${i}`, target, readOnly: false, location: LOC, syntax: 'short', unknown: false }));
  return {
    name: 'svc',
    location: LOC,
    image: { raw: image, value: image, location: LOC, unknown: image.includes('${') },
    environment: new Map(Object.entries(options.env ?? {})),
    command: options.command,
    entrypoint: options.entrypoint,
    mounts,
    origin: { kind: 'compose', file: '/p/compose.yaml', files: ['/p/compose.yaml'] },
  };
}

function paths(image: string, options?: WorkloadOptions, kb: KnowledgeBase = KB): string[] {
  return statePaths(workload(image, options), kb).map((s) => s.path);
}

/** The paths of an image as it is, then with the options: a finding that only the options remove. */
function withAndWithout(image: string, options: WorkloadOptions): [string[], string[]] {
  return [paths(image), paths(image, options)];
}

function allSpecs(entry: ImageEntry): StatePathSpec[] {
  return entry.variants.flatMap((v) => v.paths);
}

describe('knowledge base data', () => {
  it('has at least 60 entries that keep state', () => {
    assert.ok(IMAGES.filter((e) => !e.stateless).length >= 60, `only ${IMAGES.length} entries`);
  });

  it('every entry has an id, a name, images, an https source and variants', () => {
    for (const entry of IMAGES) {
      assert.match(entry.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `id ${entry.id}`);
      assert.ok(entry.name.length > 1, entry.id);
      assert.ok(entry.images.length > 0, entry.id);
      assert.match(entry.source, /^https:\/\/[^\s]+$/, `${entry.id}: source must be an https URL`);
      assert.ok(entry.variants.length > 0, entry.id);
      if (entry.stateless) assert.deepEqual(allSpecs(entry), [], `${entry.id}: stateless entries list no paths`);
      else assert.ok(allSpecs(entry).length > 0, `${entry.id}: lists at least one path`);
    }
  });

  it('ids and image names are unique across entries, and names are normalised', () => {
    const ids = new Set<string>();
    const names = new Map<string, string>();
    for (const entry of IMAGES) {
      assert.ok(!ids.has(entry.id), `duplicate id ${entry.id}`);
      ids.add(entry.id);
      for (const image of entry.images) {
        assert.equal(image, image.toLowerCase(), `${image} is lower case`);
        assert.ok(!names.has(image), `${image} is in both ${names.get(image)} and ${entry.id}`);
        names.set(image, entry.id);
        if (!image.endsWith('/*')) assert.equal(parseImageRef(image)?.repository, image, `${image} is already normalised (no registry, no library/, no tag)`);
      }
    }
  });

  it('every path is absolute and normalised, with a valid kind and a description', () => {
    const absolute = (p: string, what: string): void => assert.match(p, /^\/(?:[^/\s]+\/)*[^/\s]+$/, what);
    for (const entry of IMAGES) {
      for (const spec of allSpecs(entry)) {
        const where = `${entry.id} ${spec.path}`;
        absolute(spec.path, where);
        assert.ok(STATE_KINDS.includes(spec.kind), `${where}: kind ${spec.kind}`);
        assert.equal(typeof spec.declaredVolume, 'boolean', where);
        if (spec.volume !== undefined) {
          assert.ok(spec.declaredVolume, `${where}: a VOLUME path means the image declares one`);
          assert.ok(spec.path.startsWith(spec.volume + '/'), `${where}: the VOLUME is a parent of the path`);
        }
        assert.ok(spec.description.length > 3, where);
        if (spec.dataPath) {
          absolute(spec.dataPath, where);
          assert.ok(spec.dataPath.startsWith(spec.path + '/'), `${where}: dataPath lies under path`);
        }
        for (const target of spec.misplacedTargets ?? []) {
          absolute(target, where);
          assert.notEqual(target, spec.path, `${where}: a misplaced target is not the path itself`);
        }
        for (const alt of spec.alternatives ?? []) absolute(alt, where);
        if (spec.onlyWhenSet) assert.ok(spec.env || spec.flags || spec.positional || spec.envPatterns || spec.flagPatterns, `${where}: onlyWhenSet needs something that sets it`);
        for (const pattern of [...(spec.envPatterns ?? []), ...(spec.flagPatterns ?? [])]) assert.doesNotThrow(() => new RegExp(pattern), where);
        for (const pattern of spec.when?.notArgs ?? []) assert.doesNotThrow(() => new RegExp(pattern), where);
        for (const flag of spec.flags ?? []) assert.match(flag, /^--?[A-Za-z]/, `${where}: flag ${flag}`);
      }
      if (entry.versionPattern) assert.equal(new RegExp(entry.versionPattern).source.includes('('), true, entry.id);
      for (const variant of entry.variants) if (variant.tags) assert.doesNotThrow(() => new RegExp(variant.tags!), entry.id);
    }
  });

  it('redis, valkey, keydb and garnet are caches unless persistence is configured; memcached is stateless', () => {
    for (const id of ['redis', 'valkey', 'keydb', 'garnet']) assert.equal(IMAGES.find((e) => e.id === id)?.cacheUnlessPersistent, true, id);
    assert.equal(IMAGES.find((e) => e.id === 'memcached')?.stateless, true);
  });
});

describe('image name normalisation', () => {
  const table: [string, string | undefined, string?, string?][] = [
    // reference, repository, tag, digest
    ['postgres', 'postgres'],
    ['postgres:16', 'postgres', '16'],
    ['docker.io/library/postgres:16', 'postgres', '16'],
    ['docker.io/postgres:16', 'postgres', '16'],
    ['index.docker.io/library/postgres:16-alpine', 'postgres', '16-alpine'],
    ['registry-1.docker.io/library/redis', 'redis'],
    ['library/postgres', 'postgres'],
    ['localhost:5000/postgres', 'postgres'],
    ['localhost:5000/postgres:17', 'postgres', '17'],
    ['registry.internal:5443/mirror/postgres:17', 'mirror/postgres', '17'],
    ['localhost/postgres', 'postgres'],
    ['postgres@sha256:0123abcd', 'postgres', undefined, 'sha256:0123abcd'],
    ['postgres:16@sha256:0123abcd', 'postgres', '16', 'sha256:0123abcd'],
    ['mirror.gcr.io/library/mysql:8', 'mysql', '8'],
    ['public.ecr.aws/docker/library/mariadb:11', 'mariadb', '11'],
    ['lscr.io/linuxserver/sonarr:latest', 'linuxserver/sonarr', 'latest'],
    ['ghcr.io/linuxserver/radarr', 'linuxserver/radarr'],
    ['quay.io/keycloak/keycloak:26.0', 'keycloak/keycloak', '26.0'],
    ['quay.io/minio/minio', 'minio/minio'],
    ['mcr.microsoft.com/mssql/server:2022-latest', 'mssql/server', '2022-latest'],
    ['docker.elastic.co/elasticsearch/elasticsearch:8.15.0', 'elasticsearch/elasticsearch', '8.15.0'],
    ['ghcr.io/home-assistant/home-assistant:stable', 'home-assistant/home-assistant', 'stable'],
    ['Postgres:16', 'postgres', '16'],
    ['DOCKER.IO/Library/Redis:7', 'redis', '7'],
    ['postgres:${PG_VERSION}', 'postgres', '${PG_VERSION}'],
    ['postgres:${PG_VERSION:-16}', 'postgres', '${PG_VERSION:-16}'],
    ['${REGISTRY}/postgres:16', 'postgres', '16'],
    ['/postgres:16', 'postgres', '16'],
    ['', undefined],
    ['postgres 16', undefined],
  ];
  for (const [reference, repository, tag, digest] of table) {
    it(`${JSON.stringify(reference)} → ${repository ?? 'nothing'}`, () => {
      const ref = parseImageRef(reference);
      if (repository === undefined) return assert.equal(ref, undefined);
      assert.equal(ref?.repository, repository);
      assert.equal(ref?.tag, tag);
      assert.equal(ref?.digest, digest);
    });
  }

  it('finds entries through every spelling', () => {
    const cases: [string, string | undefined][] = [
      ['docker.io/library/postgres:16', 'postgres'],
      ['localhost:5000/postgres', 'postgres'],
      ['public.ecr.aws/docker/library/postgres:17', 'postgres'],
      ['postgis/postgis:17-3.5', 'postgres'],
      ['lscr.io/linuxserver/sonarr:latest', 'linuxserver'],
      ['linuxserver/nextcloud', 'linuxserver-nextcloud'],
      ['ghcr.io/linuxserver/radarr:5', 'linuxserver'],
      ['ghcr.io/linuxserver/ffmpeg', 'linuxserver-stateless'],
      ['quay.io/keycloak/keycloak:26.0', 'keycloak'],
      ['mcr.microsoft.com/mssql/server:2022-latest', 'mssql'],
      ['docker.io/bitnami/postgresql:16', 'bitnami-postgresql'],
      ['ghcr.io/microsoft/garnet', 'garnet'],
      ['nginx:1.27', undefined],
      ['node:22-alpine', undefined],
      ['python:3.12', undefined],
      ['ghcr.io/acme/postgres-exporter', undefined],
    ];
    for (const [reference, id] of cases) assert.equal(KB.lookup(reference)?.id, id, reference);
  });
});

describe('version selection', () => {
  const postgres = IMAGES.find((e) => e.id === 'postgres')!;
  const table: [string, string | undefined][] = [
    ['postgres:16', '/var/lib/postgresql/data'],
    ['postgres:17.2', '/var/lib/postgresql/data'],
    ['postgres:17.2-bookworm', '/var/lib/postgresql/data'],
    ['postgres:18', '/var/lib/postgresql'],
    ['postgres:18.1-alpine', '/var/lib/postgresql'],
    ['postgres:latest', '/var/lib/postgresql'],
    ['postgres:alpine', '/var/lib/postgresql'],
    ['postgres:bookworm', '/var/lib/postgresql'],
    ['postgres', '/var/lib/postgresql'],
    ['postgres@sha256:0123abcd', '/var/lib/postgresql'],
    ['postgres:${PG}', undefined],
  ];
  for (const [image, expected] of table) {
    it(`${image} → ${expected ?? 'no version-specific path'}`, () => {
      const ref = parseImageRef(image)!;
      const selection = selectVariant(postgres, ref.tag, ref.tag?.includes('${') === true);
      if (expected === undefined) {
        assert.equal(selection.kind, 'unknown');
        assert.deepEqual(paths(image), []);
      } else {
        assert.equal(selection.kind, 'known');
        assert.deepEqual(paths(image), [expected]);
      }
    });
  }

  it('postgres ≥ 18 keeps its data deeper than the mount point', () => {
    const [state] = statePaths(workload('postgres:18'), KB);
    assert.equal(state?.dataPath, '/var/lib/postgresql/18/docker');
    assert.ok(state?.spec?.misplacedTargets?.includes('/var/lib/postgresql/data'));
  });

  it('reads the PostgreSQL major from the pgNN part of timescale and pgvector tags', () => {
    assert.deepEqual(paths('timescale/timescaledb:2.17.2-pg16'), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('timescale/timescaledb:latest-pg18'), ['/var/lib/postgresql']);
    assert.deepEqual(paths('timescale/timescaledb'), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('pgvector/pgvector:0.8.0-pg17'), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('pgvector/pgvector:pg18'), ['/var/lib/postgresql']);
    assert.deepEqual(paths('tensorchord/pgvecto-rs:pg14-v0.2.0'), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('docker.io/tensorchord/vchord-postgres:pg17-v0.4.3'), ['/var/lib/postgresql/data']);
  });

  it('Metabase keeps its H2 database in /metabase.db, in the folder MB_DB_FILE names, and none with another database', () => {
    assert.deepEqual(paths('metabase/metabase:v0.56.5'), ['/metabase.db']);
    assert.deepEqual(paths('metabase/metabase', { env: { MB_DB_FILE: '/metabase-data/metabase.db' } }), ['/metabase-data']);
    assert.deepEqual(paths('metabase/metabase', { env: { MB_DB_TYPE: 'postgres' } }), []);
  });

  it('self-hosted apps: where Navidrome, Audiobookshelf, Actual, Mealie and changedetection.io keep their data', () => {
    assert.deepEqual(paths('ghcr.io/navidrome/navidrome:0.58.0'), ['/data']);
    assert.deepEqual(paths('deluan/navidrome', { env: { ND_DATAFOLDER: '/var/navidrome' } }), ['/var/navidrome']);
    assert.deepEqual(paths('ghcr.io/advplyr/audiobookshelf'), ['/config', '/metadata']);
    assert.deepEqual(paths('actualbudget/actual-server:25.11.0'), ['/data']);
    assert.deepEqual(paths('ghcr.io/mealie-recipes/mealie:v3.5.0'), ['/app/data']);
    assert.deepEqual(paths('ghcr.io/dgtlmoon/changedetection.io'), ['/datastore']);
  });

  it('self-hosted apps: where Vikunja, Baserow, listmonk, HedgeDoc, Linkwarden, Firefly III, Penpot and Mastodon keep their files', () => {
    assert.deepEqual(paths('vikunja/vikunja:0.24.6'), ['/app/vikunja/files', '/db']);
    assert.deepEqual(paths('vikunja/vikunja', { env: { VIKUNJA_FILES_BASEPATH: '/files', VIKUNJA_DATABASE_PATH: '/sqlite/vikunja.db' } }), ['/files', '/sqlite']);
    assert.deepEqual(paths('vikunja/vikunja', { env: { VIKUNJA_DATABASE_TYPE: 'postgres', VIKUNJA_DATABASE_HOST: 'db' } }), ['/app/vikunja/files'], 'a database server: no SQLite file');
    assert.deepEqual(paths('baserow/baserow:1.30.1'), ['/baserow/data']);
    assert.deepEqual(paths('baserow/baserow', { env: { DATA_DIR: '/srv/baserow' } }), ['/srv/baserow']);
    assert.deepEqual(paths('listmonk/listmonk:v4.1.0'), ['/listmonk/uploads']);
    assert.deepEqual(paths('quay.io/hedgedoc/hedgedoc:1.10.2'), ['/hedgedoc/public/uploads']);
    assert.deepEqual(paths('ghcr.io/linkwarden/linkwarden:v2.9.3'), ['/data/data']);
    assert.deepEqual(paths('fireflyiii/core:version-6.2'), ['/var/www/html/storage/upload']);
    assert.equal(statePaths(workload('fireflyiii/core'), KB)[0]?.declaredVolume, true, 'the image declares VOLUME for the upload folder');
    assert.deepEqual(paths('penpotapp/backend:2.4.3'), ['/opt/penpot/backend/assets'], 'the relative default, assets/ in the working directory');
    assert.deepEqual(paths('penpotapp/backend', { env: { PENPOT_OBJECTS_STORAGE_FS_DIRECTORY: '/opt/data/assets' } }), ['/opt/data/assets']);
    assert.deepEqual(paths('penpotapp/backend:1.19', { env: { PENPOT_STORAGE_ASSETS_FS_DIRECTORY: '/opt/data/assets' } }), ['/opt/data/assets']);
    assert.deepEqual(paths('ghcr.io/mastodon/mastodon:v4.3.17'), ['/mastodon/public/system']);
    assert.deepEqual(paths('tootsuite/mastodon:v3.5.3', { env: { PAPERCLIP_ROOT_PATH: '/media' } }), ['/media']);
    assert.deepEqual(withAndWithout('ghcr.io/mastodon/mastodon:v4.3.17', { mounts: ['/opt/mastodon/public/system'] }), [['/mastodon/public/system'], []], '/mastodon links to /opt/mastodon');
  });

  it('Immich keeps its media in /data from v1.137 and in /usr/src/app/upload before (both declared VOLUMEs)', () => {
    assert.deepEqual(paths('ghcr.io/immich-app/immich-server:v1.137.3'), ['/data']);
    assert.deepEqual(paths('ghcr.io/immich-app/immich-server:release'), ['/data']);
    assert.deepEqual(paths('ghcr.io/immich-app/immich-server:v2.1.0'), ['/data']);
    assert.deepEqual(paths('ghcr.io/immich-app/immich-server:v1.136.0'), ['/usr/src/app/upload']);
    assert.deepEqual(paths('altran1502/immich-server:v1.40.0'), ['/usr/src/app/upload']);
    assert.equal(statePaths(workload('ghcr.io/immich-app/immich-server:v2'), KB)[0]?.declaredVolume, true);
    assert.deepEqual(withAndWithout('ghcr.io/immich-app/immich-server:v2', { mounts: ['/usr/src/app/upload'] }), [['/data'], []], 'the older mount point is still used when it exists');
    assert.deepEqual(paths('ghcr.io/immich-app/immich-server:v2', { env: { IMMICH_MEDIA_LOCATION: '/photos' } }), ['/photos']);
  });

  it('self-hosted apps: where Frigate, the itzg Minecraft server, Seerr/Jellyseerr/Overseerr, Outline and wg-easy keep their data', () => {
    assert.deepEqual(paths('ghcr.io/blakeblackshear/frigate:0.14.1'), ['/config', '/media/frigate']);
    const frigate = statePaths(workload('ghcr.io/blakeblackshear/frigate:stable'), KB);
    assert.deepEqual(frigate.map((s) => [s.kind, s.declaredVolume]), [['database', false], ['uploads', false]], 'frigate.db in /config; docker/main/Dockerfile declares no VOLUME');
    assert.equal(frigate[0]?.spec?.applicationData, true, 'the documented bind mount of /config holds config.yml and frigate.db');
    const minecraft = statePaths(workload('itzg/minecraft-server:java21'), KB);
    assert.deepEqual(minecraft.map((s) => [s.path, s.declaredVolume]), [['/data', true]]);
    assert.equal(minecraft[0]?.spec?.applicationData, true);
    assert.deepEqual(paths('ghcr.io/seerr-team/seerr:v3.0.0'), ['/app/config']);
    assert.deepEqual(paths('fallenbagel/jellyseerr:2.5.2'), ['/app/config']);
    assert.deepEqual(paths('sctx/overseerr:1.34.0'), ['/app/config']);
    assert.deepEqual(paths('ghcr.io/sct/overseerr:1.34.0'), ['/app/config']);
    assert.deepEqual(paths('fallenbagel/jellyseerr', { env: { CONFIG_DIRECTORY: '/config' } }), ['/config'], 'CONFIG_DIRECTORY moves settings.json and the database');
    assert.equal(statePaths(workload('fallenbagel/jellyseerr'), KB)[0]?.declaredVolume, false);
    assert.deepEqual(paths('docker.getoutline.com/outlinewiki/outline:0.82.0'), ['/var/lib/outline/data']);
    assert.equal(statePaths(workload('outlinewiki/outline'), KB)[0]?.declaredVolume, true, 'the Dockerfile declares VOLUME /var/lib/outline/data');
    assert.deepEqual(paths('outlinewiki/outline', { env: { FILE_STORAGE: 'local', FILE_STORAGE_LOCAL_ROOT_DIR: '/srv/outline' } }), ['/srv/outline']);
    assert.deepEqual(paths('outlinewiki/outline', { env: { FILE_STORAGE: 's3' } }), [], 'attachments go to S3: the folder stays empty');
    assert.deepEqual(paths('outlinewiki/outline', { env: { FILE_STORAGE: '${FILE_STORAGE}' } }), ['/var/lib/outline/data'], 'a value vsafe cannot resolve may be local');
    assert.deepEqual(paths('ghcr.io/wg-easy/wg-easy:15'), ['/etc/wireguard']);
    assert.deepEqual(paths('weejewel/wg-easy:7'), ['/etc/wireguard']);
    assert.equal(statePaths(workload('ghcr.io/wg-easy/wg-easy'), KB)[0]?.declaredVolume, false);
  });

  it('self-hosted apps: Matter Server, Homarr (1.x and the older ajnart image) and Homepage', () => {
    const matter = statePaths(workload('ghcr.io/home-assistant-libs/python-matter-server:stable'), KB);
    assert.deepEqual(matter.map((s) => [s.path, s.declaredVolume]), [['/data', true]]);
    assert.deepEqual(paths('ghcr.io/home-assistant-libs/python-matter-server:7.0.1', { command: ['--storage-path', '/matter', '--paa-root-cert-dir', '/matter/credentials'] }), ['/matter']);
    const homarr = statePaths(workload('ghcr.io/homarr-labs/homarr:v1.20.0'), KB);
    assert.deepEqual(homarr.map((s) => [s.path, s.kind, s.declaredVolume]), [['/appdata', 'database', true]]);
    assert.equal(homarr[0]?.spec?.applicationData, true);
    const legacy = statePaths(workload('ghcr.io/ajnart/homarr:0.15.3'), KB);
    assert.deepEqual(legacy.map((s) => [s.path, s.declaredVolume]), [['/app/data/configs', true], ['/data', true]]);
    assert.deepEqual(paths('ghcr.io/gethomepage/homepage:v1.2.0'), ['/app/config']);
    assert.equal(statePaths(workload('ghcr.io/gethomepage/homepage'), KB)[0]?.kind, 'config-state');
    assert.deepEqual(paths('ghcr.io/gethomepage/homepage', { env: { HOMEPAGE_CONFIG_DIR: '/srv/homepage' } }), ['/srv/homepage']);
  });

  it('CI runners: gitea/act_runner and the Forgejo runner keep their registration in /data, a declared VOLUME', () => {
    for (const image of ['gitea/act_runner:0.2.11', 'docker.io/gitea/act_runner:nightly-dind-rootless', 'code.forgejo.org/forgejo/runner:6.3.1', 'data.forgejo.org/forgejo/runner:11']) {
      const states = statePaths(workload(image), KB);
      assert.deepEqual(states.map((s) => [s.path, s.kind, s.declaredVolume]), [['/data', 'config-state', true]], image);
    }
    assert.equal(KB.lookup('data.forgejo.org/forgejo/runner:11')?.id, 'forgejo-runner');
    assert.equal(KB.lookup('gitea/act_runner')?.id, 'gitea-act-runner');
  });

  it('tailscale keeps state on disk only where TS_STATE_DIR names it (otherwise --state=mem:)', () => {
    assert.deepEqual(withAndWithout('tailscale/tailscale:v1.80.0', { env: { TS_STATE_DIR: '/var/lib/tailscale' } }), [[], ['/var/lib/tailscale']]);
    assert.deepEqual(paths('ghcr.io/tailscale/tailscale:stable', { env: { TS_STATE_DIR: '/state' } }), ['/state']);
    const [state] = statePaths(workload('tailscale/tailscale', { env: { TS_STATE_DIR: '/var/lib/tailscale' } }), KB);
    assert.deepEqual([state?.kind, state?.declaredVolume, state?.origin], ['config-state', false, { kind: 'env', name: 'TS_STATE_DIR' }]);
  });

  it('authentik keeps its files in /data from 2025.12 (a /media mount still holds the media) and in /media before', () => {
    assert.deepEqual(paths('ghcr.io/goauthentik/server:2025.12.1'), ['/data']);
    assert.deepEqual(paths('ghcr.io/goauthentik/server'), ['/data']);
    assert.deepEqual(withAndWithout('ghcr.io/goauthentik/server:2025.12.1', { mounts: ['/media'] }), [['/data'], []]);
    assert.deepEqual(paths('ghcr.io/goauthentik/server:2025.10.3'), ['/media']);
    assert.deepEqual(paths('ghcr.io/goauthentik/server:2024.12', { env: { AUTHENTIK_STORAGE__MEDIA__FILE__PATH: '/srv/media' } }), ['/srv/media']);
    assert.deepEqual(paths('ghcr.io/goauthentik/server:2026.2.0', { env: { AUTHENTIK_STORAGE__FILE__PATH: '/srv/authentik' } }), ['/srv/authentik']);
  });

  it('uploads kept in object storage leave nothing on disk: HedgeDoc, Linkwarden, Vikunja, Penpot, authentik and Mastodon', () => {
    assert.deepEqual(withAndWithout('quay.io/hedgedoc/hedgedoc:1.10.2', { env: { CMD_IMAGE_UPLOAD_TYPE: 's3', CMD_S3_BUCKET: 'notes' } }), [['/hedgedoc/public/uploads'], []]);
    assert.deepEqual(withAndWithout('ghcr.io/linkwarden/linkwarden', { env: { SPACES_ENDPOINT: 'https://s3.example.com', SPACES_KEY: 'k', SPACES_SECRET: 's', SPACES_REGION: 'r' } }), [['/data/data'], []]);
    assert.deepEqual(withAndWithout('vikunja/vikunja', { env: { VIKUNJA_FILES_TYPE: 's3', VIKUNJA_FILES_S3_ENDPOINT: 'https://s3.example.com', VIKUNJA_DATABASE_HOST: 'db' } }), [['/app/vikunja/files', '/db'], []]);
    assert.deepEqual(withAndWithout('penpotapp/backend', { env: { PENPOT_OBJECTS_STORAGE_BACKEND: 's3', PENPOT_OBJECTS_STORAGE_S3_BUCKET: 'penpot' } }), [['/opt/penpot/backend/assets'], []]);
    assert.deepEqual(withAndWithout('ghcr.io/goauthentik/server:2025.12.1', { env: { AUTHENTIK_STORAGE__BACKEND: 's3' } }), [['/data'], []]);
    assert.deepEqual(withAndWithout('ghcr.io/mastodon/mastodon:v4.3.17', { env: { S3_ENABLED: 'true', AWS_ACCESS_KEY_ID: 'key' } }), [['/mastodon/public/system'], []]);
    // The sample .env.production sets S3_ENABLED=true: a local install often says false and leaves the key empty.
    assert.deepEqual(paths('ghcr.io/mastodon/mastodon:v4.3.17', { env: { S3_ENABLED: 'false', AWS_ACCESS_KEY_ID: '' } }), ['/mastodon/public/system']);
    assert.deepEqual(withAndWithout('ghcr.io/mastodon/mastodon:v4.3.17', { command: ['node', './streaming/index.js'] }), [['/mastodon/public/system'], []], 'the streaming server keeps no media');
  });

  it('declared VOLUMEs checked against the Dockerfiles: Oracle\'s MySQL, Bitnami repmgr, Synapse from 1.53 and osixia/openldap from 1.1.3 declare none', () => {
    const declared = (image: string): boolean[] => statePaths(workload(image), KB).map((s) => s.declaredVolume);
    assert.deepEqual(declared('mysql:8.4'), [true]);
    assert.deepEqual(declared('mysql/mysql-server:8.0'), [false]);
    assert.deepEqual(declared('container-registry.oracle.com/mysql/community-server:8.4'), [false]);
    assert.deepEqual(declared('bitnami/postgresql:17'), [true]);
    assert.deepEqual(declared('bitnami/postgresql-repmgr:17'), [false]);
    // Bitnami's images moved to bitnamilegacy/ (and bitnamisecure/) in 2025, unchanged.
    assert.deepEqual(declared('bitnamilegacy/postgresql:17'), [true]);
    assert.deepEqual(paths('docker.io/bitnamisecure/mysql:8.4'), paths('bitnami/mysql:8.4'));
    assert.deepEqual(declared('matrixdotorg/synapse:v1.120.0'), [false]);
    assert.deepEqual(declared('matrixdotorg/synapse'), [false]);
    assert.deepEqual(declared('matrixdotorg/synapse:v1.52.0'), [true]);
    assert.deepEqual(declared('osixia/openldap:1.5.0'), [false, false]);
    assert.deepEqual(declared('osixia/openldap:1.1.2'), [true, true]);
  });

  it('Seafile keeps everything in /shared (no VOLUME); Memos in its VOLUME /var/opt/memos', () => {
    assert.deepEqual(statePaths(workload('seafileltd/seafile-mc:11.0-latest'), KB).map((s) => [s.path, s.declaredVolume]), [['/shared', false]]);
    assert.deepEqual(paths('docker.seadrive.org/seafileltd/seafile-pro-mc:12.0-latest'), ['/shared']);
    assert.deepEqual(statePaths(workload('neosmemo/memos:stable'), KB).map((s) => [s.path, s.declaredVolume]), [['/var/opt/memos', true]]);
    assert.deepEqual(paths('ghcr.io/usememos/memos', { env: { MEMOS_DATA: '/data' } }), ['/data']);
    assert.deepEqual(paths('triliumnext/notes:v0.95.0'), ['/home/node/trilium-data']);
    assert.deepEqual(paths('zadam/trilium', { env: { TRILIUM_DATA_DIR: '/data' } }), ['/data']);
  });

  it('NATS: JetStream keeps data only with -js; without -sd nor a configuration it writes to /tmp/nats/jetstream', () => {
    assert.deepEqual(paths('nats:2.10-alpine'), [], 'no JetStream');
    assert.deepEqual(paths('nats:2.10-alpine', { command: ['-js'] }), ['/tmp/nats/jetstream']);
    assert.deepEqual(paths('nats:2.10-alpine', { command: ['--jetstream', '-m', '8222'] }), ['/tmp/nats/jetstream']);
    assert.deepEqual(paths('nats:2.10-alpine', { command: ['-js', '-sd', '/data'] }), ['/data']);
    assert.deepEqual(paths('nats:2.10-alpine', { command: ['-c', '/etc/nats/nats.conf', '-js'] }), [], 'a configuration may set store_dir');
  });

  it('setup jobs run from a server image keep no state: a shell script that never starts the server, cockroach init', () => {
    const es = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0';
    const certutil = "bash -c '\n  if [ ! -f config/certs/ca.zip ]; then\n    bin/elasticsearch-certutil ca --silent --pem -out config/certs/ca.zip;\n    unzip config/certs/ca.zip -d config/certs;\n  fi;\n  until curl -s --cacert config/certs/ca/ca.crt https://es01:9200; do sleep 30; done;\n'";
    assert.deepEqual(paths(es, { command: [certutil] }), []);
    assert.deepEqual(paths(es, { command: ['bash', '-c', 'bin/elasticsearch-plugin install analysis-icu && /usr/local/bin/docker-entrypoint.sh'] }), ['/usr/share/elasticsearch/data'], 'installs a plugin, then starts the server');
    assert.deepEqual(paths(es, { command: ['sh', '-c', 'ulimit -n 65536 && exec "$@"', '--'] }), ['/usr/share/elasticsearch/data'], 'hands over to the image command');
    assert.deepEqual(paths(es, { command: ['sh', '-c', 'sysctl -w vm.max_map_count=262144 && elasticsearch'] }), ['/usr/share/elasticsearch/data']);
    const roach = 'cockroachdb/cockroach:v24.1.0';
    assert.deepEqual(paths(roach, { command: ['sh', '-c', 'until cockroach init --insecure --host=roach1:26357; do sleep 2; done; tail -f /dev/null'] }), []);
    assert.deepEqual(paths(roach, { command: ['init', '--insecure', '--host=roach1'] }), []);
    assert.deepEqual(paths(roach, { command: ['start', '--insecure', '--join=roach1,roach2'] }), ['/cockroach/cockroach-data']);
    assert.deepEqual(paths(roach, { command: ['sh', '-c', 'sleep 5 && cockroach start-single-node --insecure'] }), ['/cockroach/cockroach-data']);
  });

  it('ONLYOFFICE Document Server: declared VOLUMEs that are at most a hint; the embedded PostgreSQL only without DB_HOST', () => {
    const states = statePaths(workload('onlyoffice/documentserver:8.3.1'), KB);
    assert.deepEqual(states.map((s) => s.path), ['/var/lib/onlyoffice', '/var/www/onlyoffice/Data', '/var/lib/postgresql']);
    assert.deepEqual(states.map((s) => [s.declaredVolume, s.cacheOnly]), [[true, true], [true, true], [true, true]]);
    assert.deepEqual(paths('onlyoffice/documentserver', { env: { DB_TYPE: 'postgres', DB_HOST: 'onlyoffice-postgresql' } }), ['/var/lib/onlyoffice', '/var/www/onlyoffice/Data']);
  });

  it('Ollama keeps its models in /root/.ollama unless OLLAMA_MODELS moves them', () => {
    assert.deepEqual(paths('ollama/ollama:0.12.3'), ['/root/.ollama']);
    assert.deepEqual(paths('ollama/ollama', { env: { OLLAMA_MODELS: '/models' } }), ['/models']);
  });

  it("reads the PostgreSQL major of Immich's database image from the number its tag starts with", () => {
    assert.deepEqual(paths('ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0'), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('ghcr.io/immich-app/postgres:17-vectorchord0.4.3@sha256:' + 'a'.repeat(64)), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('ghcr.io/immich-app/postgres:18-vectorchord0.5.0'), ['/var/lib/postgresql']);
  });

  it('InfluxDB 1.x, 2.x and 3.x keep data in different places; latest is 2.x', () => {
    assert.deepEqual(paths('influxdb:1.8'), ['/var/lib/influxdb']);
    assert.deepEqual(paths('influxdb:1.11-alpine'), ['/var/lib/influxdb']);
    assert.deepEqual(paths('influxdb:2.7'), ['/var/lib/influxdb2', '/etc/influxdb2']);
    assert.deepEqual(paths('influxdb'), ['/var/lib/influxdb2', '/etc/influxdb2']);
    assert.deepEqual(paths('influxdb:alpine'), ['/var/lib/influxdb2', '/etc/influxdb2']);
    assert.deepEqual(paths('influxdb:3-core'), [], 'no --data-dir: nothing on disk we can name');
    assert.deepEqual(paths('influxdb:3-core', { command: ['influxdb3', 'serve', '--node-id', 'n0', '--object-store', 'file', '--data-dir', '/var/lib/influxdb3/data'] }), ['/var/lib/influxdb3/data']);
    assert.deepEqual(paths('influxdb:3-core', { env: { INFLUXDB3_DB_DIR: '/srv/influx' } }), ['/srv/influx']);
    assert.deepEqual(paths('influxdb:${INFLUX_TAG}'), [], 'unknown tag: the versions agree on nothing');
    // `latest` moved to 3.x? A mount at /var/lib/influxdb3 shows the user runs 3.x.
    assert.deepEqual(paths('influxdb:latest', { mounts: ['/var/lib/influxdb3'] }), []);
  });

  it('rootless gitea and forgejo tags select their own layout', () => {
    assert.deepEqual(paths('gitea/gitea:1.22'), ['/data']);
    assert.deepEqual(paths('gitea/gitea:1.22-rootless'), ['/var/lib/gitea', '/etc/gitea']);
    assert.deepEqual(paths('codeberg.org/forgejo/forgejo:9-rootless'), ['/var/lib/gitea', '/etc/gitea']);
    assert.deepEqual(paths('codeberg.org/forgejo/forgejo:9'), ['/data']);
  });

  it('old layouts we do not know give no finding', () => {
    assert.deepEqual(paths('solr:7'), []);
    assert.deepEqual(paths('solr:9'), ['/var/solr']);
    assert.deepEqual(paths('questdb/questdb:6.0.9'), []);
    assert.deepEqual(paths('questdb/questdb:8.2.1'), ['/var/lib/questdb']);
    assert.deepEqual(paths('chromadb/chroma:0.3.29'), []);
    assert.deepEqual(paths('chromadb/chroma:0.6.3'), ['/chroma/chroma'], 'the 0.4+ entrypoint exports IS_PERSISTENT=1');
    assert.deepEqual(paths('chromadb/chroma:0.6.3', { env: { PERSIST_DIRECTORY: '/data' } }), ['/data']);
    assert.deepEqual(paths('chromadb/chroma:1.0.12'), ['/data']);
  });
});

describe('statePaths: env vars, flags and arguments that move a path', () => {
  it('PGDATA moves the postgres data directory; relative or unknown values give nothing', () => {
    const [moved] = statePaths(workload('postgres:16', { env: { PGDATA: '/var/lib/postgresql/data/pgdata' } }), KB);
    assert.equal(moved?.path, '/var/lib/postgresql/data/pgdata');
    assert.deepEqual(moved?.origin, { kind: 'env', name: 'PGDATA' });
    assert.equal(moved?.declaredVolume, true, 'still under the image VOLUME');
    const [elsewhere] = statePaths(workload('postgres:16', { env: { PGDATA: '/srv/pg' } }), KB);
    assert.equal(elsewhere?.path, '/srv/pg');
    assert.equal(elsewhere?.declaredVolume, false, 'outside the image VOLUME');
    assert.equal(elsewhere?.dataPath, undefined);
    assert.deepEqual(paths('postgres:16', { env: { PGDATA: '${PGDATA}' } }), []);
    assert.deepEqual(paths('postgres:16', { env: { PGDATA: 'pgdata' } }), []);
    assert.deepEqual(paths('postgres:18', { env: { PGDATA: '/var/lib/postgresql/data' } }), ['/var/lib/postgresql/data']);
  });

  it('--datadir, --dbpath, --dir, --storage.tsdb.path and GF_PATHS_DATA move paths (both flag forms)', () => {
    assert.deepEqual(paths('mysql:8.4', { command: ['mysqld', '--datadir=/srv/mysql'] }), ['/srv/mysql']);
    assert.deepEqual(paths('mariadb:11', { command: ['--datadir', '/srv/maria'] }), ['/srv/maria']);
    assert.deepEqual(paths('mongo:7', { command: ['mongod', '--dbpath', '/srv/mongo'] }), ['/srv/mongo']);
    assert.deepEqual(paths('redis:7', { command: ['redis-server', '--appendonly', 'yes', '--dir', '/srv/redis'] }), ['/srv/redis']);
    assert.deepEqual(paths('prom/prometheus', { command: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/tsdb'] }), ['/tsdb']);
    assert.deepEqual(paths('grafana/grafana', { env: { GF_PATHS_DATA: '/srv/grafana' } }), ['/srv/grafana']);
    assert.deepEqual(paths('elasticsearch:8.15.0', { env: { 'path.data': '/srv/es' } }), ['/srv/es']);
    assert.deepEqual(paths('mysql:8', { command: ['sh', '-c', 'exec mysqld --datadir=/srv/mysql'] }), ['/srv/mysql'], 'inside a shell string');
  });

  it('minio: the drive is the first non-flag argument after `server`', () => {
    assert.deepEqual(paths('minio/minio'), [], 'no server command: no drive we can name');
    assert.deepEqual(paths('minio/minio', { command: ['server', '/data'] }), ['/data']);
    assert.deepEqual(paths('quay.io/minio/minio:latest', { command: ['server', '--console-address', ':9001', '/export'] }), ['/export']);
    assert.deepEqual(paths('minio/minio', { command: ['minio', 'server', '--address=:9000', '/mnt/data', '--console-address', ':9001'] }), ['/mnt/data']);
    assert.deepEqual(paths('minio/minio', { command: ['server', '/d1', '/d2'] }), ['/d1', '/d2']);
    assert.deepEqual(paths('minio/minio', { command: ['server', 'http://minio{1...4}/data{1...2}'] }), []);
    assert.deepEqual(paths('minio/minio', { command: ['server', '--console-address', ':9001'], env: { MINIO_VOLUMES: '/mnt/data' } }), ['/mnt/data']);
    const [drive] = statePaths(workload('minio/minio', { command: ['server', '/data'] }), KB);
    assert.deepEqual(drive?.origin, { kind: 'argument', after: 'server' });
    assert.equal(drive?.declaredVolume, true);
  });

  it('surrealdb: only a file store named after `start` is state', () => {
    assert.deepEqual(paths('surrealdb/surrealdb:latest', { command: ['start', '--user', 'root', '--pass', 'root'] }), []);
    assert.deepEqual(paths('surrealdb/surrealdb:latest', { command: ['start', '--allow-all', 'rocksdb:/mydata/mydatabase.db'] }), ['/mydata/mydatabase.db']);
    assert.deepEqual(paths('surrealdb/surrealdb:v2', { command: ['start', 'surrealkv:///data/db'] }), ['/data/db']);
  });

  it('paths that exist only when set: etcd, nats JetStream, apache/kafka', () => {
    assert.deepEqual(paths('quay.io/coreos/etcd:v3.5.17'), []);
    assert.deepEqual(paths('quay.io/coreos/etcd:v3.5.17', { command: ['etcd', '--data-dir=/etcd-data', '--name', 'n0'] }), ['/etcd-data']);
    assert.deepEqual(paths('nats:2', { command: ['-js'] }), ['/tmp/nats/jetstream'], 'the temporary default');
    assert.deepEqual(paths('nats:2', { command: ['-js', '-sd', '/data/jetstream'] }), ['/data/jetstream']);
    assert.deepEqual(paths('apache/kafka:3.9.0'), []);
    assert.deepEqual(paths('apache/kafka:3.9.0', { env: { KAFKA_LOG_DIRS: '/var/lib/kafka/data' } }), ['/var/lib/kafka/data']);
    assert.deepEqual(paths('confluentinc/cp-kafka:7.7.1', { env: { KAFKA_LOG_DIRS: '/k1,/k2' } }), ['/k1', '/k2']);
  });

  it('cockroach --store forms: a path, path=…, or in memory', () => {
    assert.deepEqual(paths('cockroachdb/cockroach:v24.2.4', { command: ['start-single-node', '--insecure'] }), ['/cockroach/cockroach-data']);
    assert.deepEqual(paths('cockroachdb/cockroach:v24.2.4', { command: ['start-single-node', '--store=path=/crdb,size=20%'] }), ['/crdb']);
    assert.deepEqual(paths('cockroachdb/cockroach:v24.2.4', { command: ['start-single-node', '--store=type=mem,size=1GiB'] }), []);
  });

  it('conditions: vault and consul dev mode, keycloak with an external database, loki with its own config', () => {
    assert.deepEqual(paths('hashicorp/vault:1.18'), [], 'default: server -dev, in memory');
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server', '-dev'] }), []);
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server'] }), [], 'the configuration names the storage: vsafe does not read it');
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server'], mounts: ['/vault/data'] }), [], 'raft storage at /vault/data');
    assert.deepEqual(paths('hashicorp/consul:1.20'), []);
    assert.deepEqual(paths('hashicorp/consul:1.20', { command: ['agent', '-server', '-bootstrap-expect=1'] }), ['/consul/data']);
    assert.deepEqual(paths('quay.io/keycloak/keycloak:26.0', { command: ['start-dev'] }), ['/opt/keycloak/data']);
    assert.deepEqual(paths('quay.io/keycloak/keycloak:26.0', { command: ['start'], env: { KC_DB: 'postgres' } }), []);
    assert.deepEqual(paths('quay.io/keycloak/keycloak:26.0', { command: ['start', '--db=postgres'] }), []);
    assert.deepEqual(paths('grafana/loki:3.3.2'), ['/loki']);
    assert.deepEqual(paths('grafana/loki:3.3.2', { command: ['-config.file=/etc/loki/local-config.yaml'] }), ['/loki']);
    assert.deepEqual(paths('grafana/loki:3.3.2', { command: ['-config.file=/etc/loki/loki.yaml'] }), []);
  });

  it('vault in server mode: /vault/file only when something is mounted there; VAULT_LOCAL_CONFIG and dev mode never guess', () => {
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server'], mounts: ['/vault/file'] }), ['/vault/file'], 'a mount there shows the file backend');
    assert.deepEqual(paths('vault:1.13.3', { command: ['server'], mounts: ['/vault/file'] }), ['/vault/file']);
    const consul = { VAULT_LOCAL_CONFIG: '{"storage": {"consul": {"address": "consul:8500", "path": "vault/"}}}' };
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server'], env: consul }), [], 'storage chosen by VAULT_LOCAL_CONFIG');
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server'], mounts: ['/vault/config'] }), [], 'storage chosen by a mounted configuration');
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server', '-dev'], mounts: ['/vault/file'] }), [], 'dev mode keeps everything in memory');
    assert.deepEqual(paths('hashicorp/vault:1.18', { command: ['server -dev -dev-root-token-id=root'] }), []);
    assert.deepEqual(paths('hashicorp/vault:1.18', { mounts: ['/vault/file'] }), [], 'the default command is `server -dev`');
  });

  it('keycloak: the legacy WildFly image keeps its embedded H2 database in /opt/jboss/keycloak/standalone/data, unless a DB_* variable picks a database', () => {
    const h2 = '/opt/jboss/keycloak/standalone/data';
    assert.deepEqual(paths('quay.io/keycloak/keycloak:16.1.1'), [h2]);
    assert.deepEqual(paths('quay.io/keycloak/keycloak:16.1.1', { env: { DB_VENDOR: 'mysql' } }), [], 'DB_VENDOR names an external database');
    assert.deepEqual(paths('quay.io/keycloak/keycloak:16.1.1', { env: { DB_VENDOR: 'mysql' }, command: ['start-dev'] }), [], 'no Quarkus dev-file path on the legacy image');
    assert.deepEqual(paths('quay.io/keycloak/keycloak:17.0.1-legacy'), [h2], '`-legacy` tags of 17 and later are the WildFly image');
    assert.deepEqual(paths('quay.io/keycloak/keycloak:legacy'), [h2]);
    assert.deepEqual(paths('quay.io/keycloak/keycloak:18.0.2-legacy', { env: { DB_ADDR: 'h2server' } }), [], 'DB_ADDR: a remote H2 server');
    assert.deepEqual(paths('jboss/keycloak:15.0.2'), [h2]);
    assert.deepEqual(paths('docker.io/jboss/keycloak'), [h2]);
    assert.deepEqual(paths('jboss/keycloak:15.0.2', { env: { POSTGRES_ADDR: 'postgres' } }), [], 'the deprecated <VENDOR>_ADDR variables pick the vendor');
    assert.deepEqual(paths('jboss/keycloak:15.0.2', { env: { DB_USER: 'keycloak', DB_PASSWORD: 'secret' } }), [], 'DB_* settings serve an external database found by host name');
    assert.equal(KB.lookup('jboss/keycloak:16.1.1')?.id, 'keycloak-legacy');
    // The Quarkus image: a non-dev-file KC_DB / --db means no local H2.
    assert.deepEqual(paths('quay.io/keycloak/keycloak:17.0.1', { command: ['start-dev'] }), ['/opt/keycloak/data']);
    assert.deepEqual(paths('quay.io/keycloak/keycloak', { command: ['start-dev'] }), ['/opt/keycloak/data'], 'untagged is the Quarkus image');
    assert.deepEqual(paths('quay.io/keycloak/keycloak:26.0', { command: ['start'], env: { KC_DB_URL: 'jdbc:postgresql://db/keycloak' } }), []);
    assert.deepEqual(paths('quay.io/keycloak/keycloak:26.0', { command: ['start-dev'], env: { DB_VENDOR: 'mysql' } }), ['/opt/keycloak/data'], 'the legacy variables mean nothing to the Quarkus image');
    assert.deepEqual(paths('quay.io/keycloak/keycloak:${KC_VERSION}'), [], 'unknown tag: the layouts agree on nothing');
  });

  it('clickhouse keeper: coordination data in /var/lib/clickhouse with the bundled configuration only', () => {
    assert.deepEqual(paths('clickhouse/clickhouse-keeper:24.8-alpine'), ['/var/lib/clickhouse']);
    const [state] = statePaths(workload('clickhouse/clickhouse-keeper:24.8'), KB);
    assert.equal(state?.declaredVolume, true);
    assert.deepEqual(paths('clickhouse/clickhouse-keeper:24.8', { mounts: ['/var/lib/clickhouse-keeper'] }), [], 'the image prepares /var/lib/clickhouse-keeper as well');
    assert.deepEqual(paths('clickhouse/clickhouse-keeper:24.8', { mounts: ['/etc/clickhouse-keeper/keeper_config.xml'] }), [], 'an own configuration may put the data anywhere');
    assert.deepEqual(paths('clickhouse/clickhouse-keeper:24.8', { env: { KEEPER_CONFIG: '/config/keeper.xml' } }), []);
  });

  it('graylog keeps node ID, journal and configuration in /usr/share/graylog/data; mounts at its data or journal subfolders are accepted', () => {
    assert.deepEqual(paths('graylog/graylog:6.1'), ['/usr/share/graylog/data']);
    assert.deepEqual(paths('graylog/graylog-enterprise:6.1'), ['/usr/share/graylog/data']);
    assert.deepEqual(paths('graylog/graylog:6.1', { mounts: ['/usr/share/graylog/data/data'] }), [], "Graylog's own compose file mounts data/data");
    assert.deepEqual(paths('graylog/graylog:5.2', { mounts: ['/usr/share/graylog/data/journal'] }), []);
  });

  it('woodpecker server: the SQLite database in /var/lib/woodpecker, moved by a file datasource, none with MySQL or PostgreSQL', () => {
    assert.deepEqual(paths('woodpeckerci/woodpecker-server:v3'), ['/var/lib/woodpecker']);
    assert.deepEqual(paths('woodpeckerci/woodpecker-server:v3', { env: { WOODPECKER_DATABASE_DATASOURCE: '/data/woodpecker.sqlite' } }), ['/data']);
    assert.deepEqual(paths('woodpeckerci/woodpecker-server:v3', { env: { WOODPECKER_DATABASE_DRIVER: 'postgres', WOODPECKER_DATABASE_DATASOURCE: 'postgres://wp:pw@db:5432/wp?sslmode=disable' } }), []);
    assert.deepEqual(paths('woodpeckerci/woodpecker-server:v3', { env: { WOODPECKER_DATABASE_DRIVER: 'mysql', WOODPECKER_DATABASE_DATASOURCE: 'root:pw@tcp(db:3306)/woodpecker?parseTime=true' } }), []);
    assert.deepEqual(paths('woodpeckerci/woodpecker-server:v3', { env: { WOODPECKER_DATABASE_DATASOURCE_FILE: '/run/secrets/datasource' } }), []);
  });

  it('bitnami/clickhouse keeps its data in /bitnami/clickhouse; the official path is a misplaced mount there', () => {
    assert.deepEqual(paths('bitnami/clickhouse:24'), ['/bitnami/clickhouse']);
    const w = workload('docker.io/bitnami/clickhouse:24', { mounts: ['/var/lib/clickhouse'] });
    const [state] = statePaths(w, KB);
    assert.equal(misplacedMountFor(state!, w.mounts)?.mount.target, '/var/lib/clickhouse');
  });

  it('traefik: the folder of the ACME storage file named by a flag or env var', () => {
    assert.deepEqual(paths('traefik:v3.2'), []);
    assert.deepEqual(paths('traefik:v3.2', { command: ['--providers.docker=true', '--certificatesresolvers.le.acme.email=a@b.c'] }), [], 'storage not named: unknown');
    assert.deepEqual(paths('traefik:v3.2', { command: ['--certificatesResolvers.le.acme.storage=/letsencrypt/acme.json'] }), ['/letsencrypt']);
    assert.deepEqual(paths('traefik:v3.2', { command: ['--certificatesresolvers.myresolver.acme.storage', '/data/acme.json'] }), ['/data']);
    assert.deepEqual(paths('traefik:v3.2', { env: { TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_STORAGE: '/certs/acme.json' } }), ['/certs']);
    assert.deepEqual(paths('traefik:v3.2', { command: ['--certificatesresolvers.le.acme.storage=acme.json'] }), [], 'relative to the working directory: unknown');
    assert.deepEqual(paths('traefik:v3.2', { command: ['--certificatesresolvers.le.acme.storage=/acme.json'] }), [], 'directly under /: no folder to mount');
    assert.deepEqual(paths('traefik:v3.2', { command: ['--certificatesresolvers.le.acme.storage=/letsencrypt/acme.json'], mounts: ['/letsencrypt/acme.json'] }), [], 'the file itself is mounted');
    assert.deepEqual(paths('traefik:v3.2', { command: ['--certificatesresolvers.le.acme.storage=/letsencrypt/acme.json'], mounts: ['/letsencrypt'] }), ['/letsencrypt'], 'the folder is mounted: a state path, which that mount keeps');
  });

  it('documented alternative mount points are accepted (mssql data folder, neo4j home link)', () => {
    assert.deepEqual(paths('mcr.microsoft.com/mssql/server:2022-latest'), ['/var/opt/mssql']);
    assert.deepEqual(paths('mcr.microsoft.com/mssql/server:2022-latest', { mounts: ['/var/opt/mssql/data', '/var/opt/mssql/log'] }), []);
    assert.deepEqual(paths('neo4j:5', { mounts: ['/var/lib/neo4j/data'] }), []);
  });

  it('wordpress and nextcloud accept split mounts', () => {
    assert.deepEqual(paths('wordpress:6'), ['/var/www/html']);
    assert.deepEqual(paths('wordpress:6', { mounts: ['/var/www/html/wp-content'] }), []);
    assert.deepEqual(paths('nextcloud:30'), ['/var/www/html']);
    assert.deepEqual(paths('nextcloud:30', { mounts: ['/var/www/html'] }), ['/var/www/html']);
    assert.deepEqual(paths('nextcloud:30', { mounts: ['/var/www/html/config', '/var/www/html/data'] }), ['/var/www/html/data'], 'listed, and covered by its mount');
    assert.deepEqual(paths('nextcloud:30', { mounts: ['/var/www/html/config'] }), ['/var/www/html/data'], 'user files still need a volume');
    assert.deepEqual(paths('nextcloud:30', { mounts: ['/var/www/html/data'] }), ['/var/www/html'], 'config.php and apps still need a volume');
  });

  it('linuxserver.io images keep /config; their tool images nothing', () => {
    assert.deepEqual(paths('lscr.io/linuxserver/sonarr:latest'), ['/config']);
    assert.deepEqual(paths('lscr.io/linuxserver/ffmpeg:latest'), []);
  });
});

describe('misplaced targets', () => {
  const misplaced = (image: string, target: string): string | undefined => {
    const w = workload(image, { mounts: [target] });
    return statePaths(w, KB)
      .map((state) => misplacedMountFor(state, w.mounts)?.mount.target)
      .find((t) => t !== undefined);
  };

  it('elasticsearch and opensearch: the package-install data folders are not where the official images keep data', () => {
    assert.equal(misplaced('docker.elastic.co/elasticsearch/elasticsearch:8.15.0', '/var/lib/elasticsearch/data'), '/var/lib/elasticsearch/data');
    assert.equal(misplaced('elasticsearch:8.15.0', '/var/lib/elasticsearch'), '/var/lib/elasticsearch');
    assert.equal(misplaced('opensearchproject/opensearch:2', '/var/lib/opensearch/data'), '/var/lib/opensearch/data');
    assert.equal(misplaced('opensearchproject/opensearch:2', '/var/lib/opensearch'), '/var/lib/opensearch');
    assert.equal(misplaced('elasticsearch:8.15.0', '/usr/share/elasticsearch/data'), undefined);
  });

  it('influxdb 1.x: /var/lib/influxdb/data holds part of the data (meta and wal are siblings), not a misplaced copy of it', () => {
    assert.equal(misplaced('influxdb:1.8', '/var/lib/influxdb/data'), undefined);
    assert.deepEqual(paths('influxdb:1.8', { mounts: ['/var/lib/influxdb/data'] }), ['/var/lib/influxdb'], 'the state path stays, for unmounted-state-path');
    assert.equal(misplaced('influxdb:1.8', '/var/lib/influxdb2'), '/var/lib/influxdb2');
  });

  it('immich up to v1.136: a volume at /data (the v1.137 layout) is misplaced; from v1.137 it is the state path', () => {
    assert.equal(misplaced('ghcr.io/immich-app/immich-server:v1.135.3', '/data'), '/data');
    assert.equal(misplaced('altran1502/immich-server:v1.90.0', '/data'), '/data');
    assert.equal(misplaced('ghcr.io/immich-app/immich-server:v1.137.3', '/data'), undefined);
    assert.equal(misplaced('ghcr.io/immich-app/immich-server:v1.135.3', '/usr/src/app/upload'), undefined);
  });
});

describe('statePaths: images used for their client tools', () => {
  it('a backup or migration service that runs psql, pg_dump, mysqldump, mongosh or redis-cli keeps no state', () => {
    assert.deepEqual(paths('postgres:16', { command: ['pg_dump', '-h', 'db', '-U', 'postgres', '-f', '/backup/db.sql'] }), []);
    assert.deepEqual(paths('postgres:16', { entrypoint: ['/usr/bin/psql'], command: ['-h', 'db'] }), []);
    assert.deepEqual(paths('postgres:16', { command: ['sh', '-c', 'pg_dump -h db -U postgres > /backup/db.sql'] }), []);
    assert.deepEqual(paths('postgres:16', { command: ['bash', '-c', 'exec pg_isready -h db'] }), []);
    assert.deepEqual(paths('postgres:16', { command: ['psql -h db -U postgres -f /init.sql'] }), [], 'one shell-form string');
    assert.deepEqual(paths('mysql:8', { command: ['mysqldump', '-h', 'db', '--all-databases'] }), []);
    assert.deepEqual(paths('mongo:7', { command: ['mongosh', '--host', 'db', '--eval', 'rs.initiate()'] }), []);
    assert.deepEqual(paths('redis:7', { command: ['redis-cli', '-h', 'cache', 'ping'] }), []);
    assert.deepEqual(paths('bitnami/postgresql:16', { command: ['pg_restore', '-d', 'app', '/dump'] }), []);
  });

  it('the server itself, or a script that does not start with a client tool, still has state', () => {
    assert.deepEqual(paths('postgres:16', { command: ['postgres', '-c', 'max_connections=200'] }), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('postgres:16', { command: ['-c', 'shared_buffers=256MB'] }), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('postgres:16', { command: ['sh', '-c', 'docker-entrypoint.sh postgres'] }), ['/var/lib/postgresql/data']);
    assert.deepEqual(paths('mysql:8', { command: ['mysqld', '--character-set-server=utf8mb4'] }), ['/var/lib/mysql']);
    assert.deepEqual(paths('mysql:8', { command: ['--default-authentication-plugin=mysql_native_password'] }), ['/var/lib/mysql']);
  });
});

describe('statePaths: caches', () => {
  const cacheOnly = (image: string, options?: WorkloadOptions): boolean[] => statePaths(workload(image, options), KB).map((s) => s.cacheOnly);

  it('redis without persistence is a cache; --appendonly yes, --save or a mounted config make it a database', () => {
    const [cache] = statePaths(workload('redis:7-alpine'), KB);
    assert.equal(cache?.cacheOnly, true);
    assert.equal(cache?.kind, 'cache');
    assert.deepEqual(cacheOnly('redis:7', { command: ['redis-server', '--appendonly', 'yes'] }), [false]);
    assert.deepEqual(cacheOnly('redis:7', { command: ['redis-server --appendonly yes'] }), [false], 'one shell string');
    assert.deepEqual(cacheOnly('redis:7', { command: ['redis-server', '--appendonly', 'no'] }), [true]);
    assert.deepEqual(cacheOnly('redis:7', { command: ['redis-server', '--save', '60', '1'] }), [false]);
    // Persistence switched off explicitly (empty --save, AOF off by default): nothing is written, no state path.
    assert.deepEqual(cacheOnly('redis:7', { command: ['redis-server', '--save', ''] }), []);
    assert.deepEqual(cacheOnly('redis:7', { command: ['redis-server', '/usr/local/etc/redis/redis.conf'], mounts: ['/usr/local/etc/redis/redis.conf'] }), [false]);
    assert.equal(statePaths(workload('redis:7', { command: ['redis-server', '--appendonly', 'yes'] }), KB)[0]?.kind, 'database');
  });

  it('valkey and keydb follow the same switches; bitnami/redis persists by default', () => {
    assert.deepEqual(cacheOnly('valkey/valkey:8'), [true]);
    assert.deepEqual(cacheOnly('valkey/valkey:8', { command: ['valkey-server', '--appendonly', 'yes'] }), [false]);
    assert.deepEqual(cacheOnly('valkey/valkey:8', { mounts: ['/usr/local/etc/valkey'] }), [false]);
    assert.deepEqual(cacheOnly('eqalpha/keydb'), [true]);
    assert.deepEqual(cacheOnly('eqalpha/keydb', { command: ['keydb-server', '--save', '900 1'] }), [false]);
    assert.deepEqual(cacheOnly('bitnami/redis:7.4'), [false]);
  });

  it('redis-stack: no VOLUME, server arguments from REDIS_ARGS, the data directory from REDIS_DATA_DIR', () => {
    const [state] = statePaths(workload('redis/redis-stack-server:7.4.0-v1'), KB);
    assert.deepEqual([state?.path, state?.declaredVolume, state?.cacheOnly], ['/data', false, true]);
    assert.deepEqual(cacheOnly('redis/redis-stack', { env: { REDIS_ARGS: '--appendonly yes --requirepass x' } }), [false]);
    assert.deepEqual(cacheOnly('redis/redis-stack', { env: { REDIS_ARGS: '--save "" --appendonly no' } }), [], 'persistence switched off in REDIS_ARGS');
    assert.deepEqual(cacheOnly('redis/redis-stack', { mounts: ['/redis-stack.conf'] }), [false]);
    assert.deepEqual(paths('redis/redis-stack', { env: { REDIS_DATA_DIR: '/srv/redis' } }), ['/srv/redis']);
    // The official image's entrypoint appends nothing from the environment.
    assert.deepEqual(cacheOnly('redis:7', { env: { REDIS_ARGS: '--appendonly yes' } }), [true]);
  });

  it('garnet keeps nothing on disk until a directory is named', () => {
    assert.deepEqual(paths('ghcr.io/microsoft/garnet'), []);
    assert.deepEqual(cacheOnly('ghcr.io/microsoft/garnet', { command: ['--checkpointdir', '/data/checkpoints', '--recover'] }), [false]);
    assert.deepEqual(cacheOnly('ghcr.io/microsoft/garnet', { command: ['--checkpointdir', '/data/checkpoints'] }), [true], 'never loaded again without --recover');
  });

  it('localstack: /var/lib/localstack is at most a hint (state only with PERSISTENCE=1, which vsafe does not read)', () => {
    const [state] = statePaths(workload('localstack/localstack:3.8'), KB);
    assert.equal(state?.path, '/var/lib/localstack');
    assert.equal(state?.cacheOnly, true);
    assert.equal(state?.kind, 'cache');
    assert.equal(state?.declaredVolume, true);
    assert.deepEqual(cacheOnly('localstack/localstack', { env: { PERSISTENCE: '1' } }), [true]);
  });

  it('eclipse-mosquitto: /mosquitto/data (a declared VOLUME) is a cache unless a configuration is mounted that may switch persistence on', () => {
    const [state] = statePaths(workload('eclipse-mosquitto:2'), KB);
    assert.deepEqual([state?.path, state?.kind, state?.cacheOnly, state?.declaredVolume], ['/mosquitto/data', 'cache', true, true]);
    assert.deepEqual(cacheOnly('eclipse-mosquitto:2.0.20', { mounts: ['/mosquitto/config'] }), [false]);
    assert.deepEqual(cacheOnly('eclipse-mosquitto:2', { mounts: ['/mosquitto/config/mosquitto.conf'] }), [false]);
    assert.deepEqual(cacheOnly('eclipse-mosquitto:2', { command: ['mosquitto', '-c', '/mosquitto-no-auth.conf'] }), [true], 'the bundled no-auth configuration keeps everything in memory');
    assert.equal(statePaths(workload('eclipse-mosquitto', { mounts: ['/mosquitto/config'] }), KB)[0]?.kind, 'database');
  });

  it('memcached is never reported', () => {
    assert.deepEqual(paths('memcached:1.6'), []);
    assert.deepEqual(paths('bitnami/memcached'), []);
  });

  it('images without an entry have no state paths', () => {
    for (const image of ['nginx', 'node:22', 'python:3.12-slim', 'traefik:v3', 'busybox']) assert.deepEqual(paths(image), [], image);
  });
});

describe('user entries from .vsaferc.json', () => {
  const extra = (images: unknown): ImageEntry[] => {
    const result = validateConfig({ images }, new Set());
    assert.ok(result.ok, result.ok ? '' : result.error);
    return result.config.images;
  };

  it('adds images, with kind, volume, env and flags', () => {
    const kb = KnowledgeBase.builtIn(
      extra([{ image: 'docker.io/acme/ledger', paths: [{ path: '/srv/ledger', kind: 'database', volume: true, env: ['LEDGER_DIR'], flags: ['--data'] }, '/srv/uploads'] }]),
    );
    assert.deepEqual(paths('acme/ledger:2', {}, kb), ['/srv/ledger', '/srv/uploads']);
    assert.deepEqual(paths('registry.acme.io/acme/ledger:2', { env: { LEDGER_DIR: '/data/ledger' } }, kb), ['/data/ledger', '/srv/uploads']);
    assert.deepEqual(paths('acme/ledger', { command: ['--data', '/x'] }, kb), ['/x', '/srv/uploads']);
    assert.equal(statePaths(workload('acme/ledger'), kb)[0]?.declaredVolume, true);
  });

  it('a user entry for an image overrides the built-in one, for every spelling of the name', () => {
    const kb = KnowledgeBase.builtIn(extra([{ image: 'postgres', paths: [{ path: '/pgdata', kind: 'database' }] }]));
    assert.deepEqual(paths('postgres:16', {}, kb), ['/pgdata']);
    assert.deepEqual(paths('docker.io/library/postgres:18', {}, kb), ['/pgdata']);
    assert.deepEqual(paths('postgis/postgis:16-3.4', {}, kb), ['/var/lib/postgresql/data'], 'other images of the built-in entry keep it');
    const lsio = KnowledgeBase.builtIn(extra([{ image: 'lscr.io/linuxserver/sonarr', paths: ['/config', '/tv'] }]));
    assert.deepEqual(paths('lscr.io/linuxserver/sonarr', {}, lsio), ['/config', '/tv']);
    assert.deepEqual(paths('lscr.io/linuxserver/radarr', {}, lsio), ['/config']);
  });
});

describe('docs/images.md', () => {
  it('is generated from the knowledge base (run `npm run docs` when this fails)', () => {
    const onDisk = readFileSync(path.join(ROOT, 'docs/images.md'), 'utf8');
    assert.equal(onDisk, imagesMarkdown(BUILT_IN_GROUPS, DOCS_INTRO));
  });

  it('lists every built-in entry with its source', () => {
    const text = readFileSync(path.join(ROOT, 'docs/images.md'), 'utf8');
    for (const entry of IMAGES) {
      assert.ok(text.includes('`' + entry.images[0] + '`'), entry.id);
      assert.ok(text.includes(`(${entry.source})`), `${entry.id} source`);
    }
  });
});

describe('knowledge: image VOLUMEs, env overrides and application data checked against the vendors', () => {
  it('Jellyfin declares VOLUME /config (JELLYFIN_DATA_DIR) in jellyfin-packaging docker/Dockerfile', () => {
    const [state] = statePaths(workload('jellyfin/jellyfin:10.10.7'), KB);
    assert.equal(state?.path, '/config');
    assert.equal(state?.declaredVolume, true);
  });

  it('Syncthing declares VOLUME ["/var/syncthing"] in its Dockerfile', () => {
    const [state] = statePaths(workload('syncthing/syncthing:1.29'), KB);
    assert.equal(state?.path, '/var/syncthing');
    assert.equal(state?.declaredVolume, true);
  });

  it('PAPERLESS_DATA_DIR and PAPERLESS_MEDIA_ROOT move the Paperless-ngx data and media folders', () => {
    const image = 'ghcr.io/paperless-ngx/paperless-ngx:2.14';
    assert.deepEqual(paths(image), ['/usr/src/paperless/data', '/usr/src/paperless/media']);
    const moved = statePaths(workload(image, { env: { PAPERLESS_DATA_DIR: '/srv/data', PAPERLESS_MEDIA_ROOT: '/srv/media' } }), KB);
    assert.deepEqual(moved.map((s) => s.path), ['/srv/data', '/srv/media']);
    assert.deepEqual(moved.map((s) => s.origin), [{ kind: 'env', name: 'PAPERLESS_DATA_DIR' }, { kind: 'env', name: 'PAPERLESS_MEDIA_ROOT' }]);
  });

  for (const [name, image, expected] of [
    ['Uptime Kuma', 'louislam/uptime-kuma:1', '/app/data'],
    ['Open WebUI', 'ghcr.io/open-webui/open-webui:main', '/app/backend/data'],
    ['n8n', 'n8nio/n8n:1.80.0', '/home/node/.n8n'],
  ] as const) {
    it(`${name} keeps an embedded SQLite database among other app files in ${expected} (applicationData)`, () => {
      const [state] = statePaths(workload(image), KB);
      assert.equal(state?.path, expected);
      assert.equal(state?.kind, 'database');
      assert.equal(state?.spec?.applicationData, true);
    });
  }
});

describe('knowledge: entries added from vendor Dockerfiles and docs (Drone, Wodby, Dragonfly, Milvus, Pulsar, SeaweedFS, AnythingLLM, LibreChat)', () => {
  const misplaced = (image: string, target: string): string | undefined => {
    const w = workload(image, { mounts: [target] });
    return statePaths(w, KB)
      .map((state) => misplacedMountFor(state, w.mounts)?.mount.target)
      .find((t) => t !== undefined);
  };
  const declared = (image: string, options?: WorkloadOptions): boolean[] => statePaths(workload(image, options), KB).map((s) => s.declaredVolume);

  it('Drone 1.x and later: the SQLite database in /data (a declared VOLUME), none with postgres or mysql; /var/lib/drone is the 0.8 place', () => {
    assert.deepEqual(paths('drone/drone:2'), ['/data']);
    assert.deepEqual(paths('drone/drone'), ['/data'], 'untagged is the newest layout');
    assert.deepEqual(paths('drone/drone:1.10.1'), ['/data']);
    assert.deepEqual(declared('drone/drone:2.20.0'), [true]);
    assert.equal(statePaths(workload('drone/drone:2'), KB)[0]?.kind, 'database');
    assert.deepEqual(paths('drone/drone:2', { env: { DRONE_DATABASE_DATASOURCE: '/var/lib/drone/drone.sqlite' } }), ['/var/lib/drone'], 'a file datasource: its folder');
    assert.deepEqual(paths('drone/drone:2', { env: { DRONE_DATABASE_DRIVER: 'postgres', DRONE_DATABASE_DATASOURCE: 'postgres://drone:pw@db:5432/drone?sslmode=disable' } }), []);
    assert.deepEqual(paths('drone/drone:2', { env: { DRONE_DATABASE_DRIVER: 'mysql' } }), [], 'the driver alone says the database is elsewhere');
    assert.deepEqual(paths('drone/drone:2', { env: { DRONE_DATABASE_DRIVER: 'sqlite3' } }), ['/data']);
    assert.equal(misplaced('drone/drone:1', '/var/lib/drone'), '/var/lib/drone');
    assert.equal(misplaced('drone/drone:2', '/data'), undefined);
  });

  it('Drone up to 0.8 kept drone.sqlite in /var/lib/drone and declared no VOLUME', () => {
    assert.deepEqual(paths('drone/drone:0.8'), ['/var/lib/drone']);
    assert.deepEqual(paths('drone/drone:0.8.10'), ['/var/lib/drone']);
    assert.deepEqual(declared('drone/drone:0.8'), [false]);
    assert.equal(misplaced('drone/drone:0.8', '/var/lib/drone'), undefined);
    assert.deepEqual(paths('drone/drone:0.8', { env: { DATABASE_CONFIG: '/srv/drone/drone.sqlite' } }), ['/srv/drone']);
    assert.deepEqual(paths('drone/drone:0.8', { env: { DRONE_DATABASE_DRIVER: 'mysql', DRONE_DATABASE_DATASOURCE: 'drone:pw@tcp(db:3306)/drone?parseTime=true' } }), []);
    assert.deepEqual(paths('drone/drone:0.8', { env: { DATABASE_DRIVER: 'postgres' } }), []);
  });

  it('wodby/mariadb (docker4drupal, docker4wordpress) declares VOLUME /var/lib/mysql', () => {
    assert.equal(KB.lookup('wodby/mariadb:10.11')?.id, 'wodby-mariadb');
    assert.deepEqual(paths('wodby/mariadb:11.4-3.30.5'), ['/var/lib/mysql']);
    assert.deepEqual(declared('wodby/mariadb:10.11'), [true]);
    assert.deepEqual(paths('wodby/mariadb:10.11', { command: ['mysqldump', '-h', 'mariadb', 'drupal'] }), [], 'a backup job');
  });

  it('Open WebUI: DATA_DIR moves the data directory', () => {
    const [moved] = statePaths(workload('ghcr.io/open-webui/open-webui:main', { env: { DATA_DIR: '/data' } }), KB);
    assert.equal(moved?.path, '/data');
    assert.deepEqual(moved?.origin, { kind: 'env', name: 'DATA_DIR' });
  });

  it('Chroma: ghcr.io/chroma-core/chroma is the same image as chromadb/chroma', () => {
    assert.equal(KB.lookup('ghcr.io/chroma-core/chroma:1.0.12')?.id, 'chroma');
    assert.deepEqual(paths('ghcr.io/chroma-core/chroma:1.0.12'), ['/data']);
    assert.deepEqual(paths('ghcr.io/chroma-core/chroma:0.6.3'), ['/chroma/chroma']);
  });

  it('Neo4j 4.x: NEO4J_dbms_directories_data moves the data directory, like NEO4J_server_directories_data on 5.x', () => {
    assert.deepEqual(paths('neo4j:4.4', { env: { NEO4J_dbms_directories_data: '/graph' } }), ['/graph']);
    assert.deepEqual(paths('neo4j:5', { env: { NEO4J_server_directories_data: '/graph5' } }), ['/graph5']);
  });

  it('Dragonfly: VOLUME /data, snapshots on shutdown (a database, not a cache); --dir moves them, an empty --dbfilename= switches them off', () => {
    assert.equal(KB.lookup('docker.dragonflydb.io/dragonflydb/dragonfly:v1.27.1')?.id, 'dragonfly');
    const [state] = statePaths(workload('docker.dragonflydb.io/dragonflydb/dragonfly:v1.27.1'), KB);
    assert.deepEqual([state?.path, state?.kind, state?.cacheOnly, state?.declaredVolume], ['/data', 'database', false, true]);
    assert.deepEqual(paths('ghcr.io/dragonflydb/dragonfly', { command: ['dragonfly', '--logtostderr', '--dir', '/snapshots'] }), ['/snapshots']);
    assert.deepEqual(paths('docker.dragonflydb.io/dragonflydb/dragonfly', { command: ['--dir=/snapshots', '--snapshot_cron=*/5 * * * *'] }), ['/snapshots']);
    assert.deepEqual(paths('docker.dragonflydb.io/dragonflydb/dragonfly', { command: ['dragonfly', '--dbfilename='] }), []);
    assert.deepEqual(paths('docker.dragonflydb.io/dragonflydb/dragonfly', { command: ['dragonfly', '--dbfilename', ''] }), [], 'the empty value as its own argument');
    assert.deepEqual(paths('docker.dragonflydb.io/dragonflydb/dragonfly', { command: ['dragonfly', '--dbfilename', 'dump'] }), ['/data']);
    assert.deepEqual(paths('docker.dragonflydb.io/dragonflydb/dragonfly', { command: ['redis-cli', '-h', 'dragonfly', 'ping'] }), []);
  });

  it('Milvus: /var/lib/milvus (no VOLUME) only for `milvus run standalone`', () => {
    assert.deepEqual(paths('milvusdb/milvus:v2.4.0', { command: ['milvus', 'run', 'standalone'] }), ['/var/lib/milvus']);
    assert.deepEqual(declared('milvusdb/milvus:v2.4.0', { command: ['milvus', 'run', 'standalone'] }), [false]);
    assert.deepEqual(paths('milvusdb/milvus:v2.4.0', { command: ['milvus', 'run', 'querynode'] }), []);
    assert.deepEqual(paths('milvusdb/milvus:v2.4.0'), []);
  });

  it('Pulsar: /pulsar/data (no VOLUME in current images) only for `bin/pulsar standalone`', () => {
    assert.deepEqual(paths('apachepulsar/pulsar:3.1.2', { command: ['bin/pulsar', 'standalone'] }), ['/pulsar/data']);
    assert.deepEqual(paths('apachepulsar/pulsar:4.0.0', { command: ['bin/pulsar standalone'] }), ['/pulsar/data'], 'one shell-form string');
    assert.deepEqual(declared('apachepulsar/pulsar:4.0.0', { command: ['bin/pulsar', 'standalone'] }), [false]);
    assert.deepEqual(paths('apachepulsar/pulsar:3.1.2', { command: ['bin/pulsar', 'broker'] }), []);
  });

  it('SeaweedFS: VOLUME /data for master, volume, server and filer; -dir and -mdir move it; s3, shell, mount and webdav keep nothing', () => {
    assert.deepEqual(paths('chrislusf/seaweedfs:3.80', { command: ['server', '-s3'] }), ['/data']);
    assert.deepEqual(declared('chrislusf/seaweedfs:3.80', { command: ['volume', '-mserver=master:9333'] }), [true]);
    assert.equal(statePaths(workload('chrislusf/seaweedfs', { command: ['filer', '-master=master:9333'] }), KB)[0]?.kind, 'uploads');
    assert.deepEqual(paths('chrislusf/seaweedfs', { command: ['master', '-mdir=/meta'] }), ['/meta']);
    assert.deepEqual(paths('chrislusf/seaweedfs', { command: ['volume', '-dir=/vol', '-max=0'] }), ['/vol']);
    for (const role of ['s3', 'shell', 'mount', 'webdav']) assert.deepEqual(paths('chrislusf/seaweedfs:3.80', { command: [role, '-filer=filer:8888'] }), [], role);
  });

  it('AnythingLLM keeps its SQLite database and documents in /app/server/storage (no VOLUME); STORAGE_DIR moves it', () => {
    const [state] = statePaths(workload('mintplexlabs/anythingllm:1.8.5'), KB);
    assert.deepEqual([state?.path, state?.kind, state?.declaredVolume, state?.spec?.applicationData], ['/app/server/storage', 'database', false, true]);
    assert.deepEqual(paths('mintplexlabs/anythingllm', { env: { STORAGE_DIR: '/storage' } }), ['/storage']);
    assert.deepEqual(paths('mintplexlabs/anythingllm', { mounts: ['/app/server/storage'] }), ['/app/server/storage'], 'listed, and covered by its mount');
  });

  it('LibreChat (ghcr.io/danny-avila/librechat*): uploads in /app/uploads, images in /app/client/public/images, no VOLUME', () => {
    for (const image of ['ghcr.io/danny-avila/librechat:v0.8.2', 'ghcr.io/danny-avila/librechat-dev:latest', 'ghcr.io/danny-avila/librechat-api:v0.8.2', 'ghcr.io/danny-avila/librechat-dev-api:latest']) {
      assert.equal(KB.lookup(image)?.id, 'librechat', image);
      const states = statePaths(workload(image), KB);
      assert.deepEqual(states.map((s) => [s.path, s.kind, s.declaredVolume]), [['/app/uploads', 'uploads', false], ['/app/client/public/images', 'uploads', false]], image);
    }
  });
});
