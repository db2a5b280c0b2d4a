// The drill's static half, without a runtime: predictions per storage, the generated
// compose file (isolation), the JSON shape and the exit code. The runtime half is drill.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { exitCodeOf } from '../../server/src/cli/drill';
import { drillComposeFile, planTargets, rawService, type MountPlacement } from '../../server/src/cli/drill/plan';
import { errorLine } from '../../server/src/cli/drill/runner';
import { formatDrillJson, verdict, type DrillReport, type PathResult } from '../../server/src/cli/drill/report';
import { KnowledgeBase } from '../../server/src/core/knowledge/lookup';
import type { ImageEntry } from '../../server/src/core/knowledge/types';
import { loadConfiguration, ParseCache } from '../../server/src/core/project';
import { abs, MemoryHost } from '../helpers/memory-host';

const APP: ImageEntry = {
  id: 'app',
  name: 'App',
  images: ['acme/app'],
  source: 'test',
  variants: [{ paths: [{ path: '/data', kind: 'uploads', description: 'app data', declaredVolume: false }] }],
};
const VOL: ImageEntry = { ...APP, id: 'vol', images: ['acme/vol'], variants: [{ paths: [{ path: '/data', kind: 'uploads', description: 'app data', declaredVolume: true }] }] };

function configurationOf(files: Record<string, string>) {
  const host = new MemoryHost(files);
  const names = Object.keys(files).filter((n) => n.endsWith('.yaml'));
  return loadConfiguration(names.map(abs), host, new ParseCache());
}

const COMPOSE = `services:
  named:
    image: acme/app
    volumes: [data:/data]
  external:
    image: acme/app
    volumes: [ext:/data]
  bind:
    image: acme/app
    volumes: [./data:/data]
  readonly:
    image: acme/app
    volumes: [./data:/data:ro]
  anonymous:
    image: acme/app
    volumes: [/data]
  imagevolume:
    image: acme/vol
  layer:
    image: acme/app
  tmp:
    image: acme/app
    tmpfs: [/data]
  stateless:
    image: acme/other
volumes:
  data:
  ext:
    external: true
`;

describe('drill predictions', () => {
  const configuration = configurationOf({ 'compose.yaml': COMPOSE });
  const knowledge = KnowledgeBase.builtIn([APP, VOL]);
  const plan = (service: string) => planTargets(configuration, configuration.workloads.find((w) => w.name === service)!, knowledge);

  it('predicts each storage kind from the static analysis', () => {
    const rows = Object.fromEntries(
      ['named', 'external', 'bind', 'readonly', 'anonymous', 'imagevolume', 'layer', 'tmp'].map((name) => {
        const [target] = plan(name);
        return [name, { storage: target!.storage, expected: target!.expected, skipped: target!.skip !== undefined }];
      }),
    );
    assert.deepEqual(rows, {
      named: { storage: 'named-volume', expected: { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'lost' }, skipped: false },
      external: { storage: 'external-volume', expected: { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' }, skipped: true },
      bind: { storage: 'bind', expected: { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' }, skipped: false },
      readonly: { storage: 'bind', expected: { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' }, skipped: true },
      anonymous: { storage: 'anonymous-volume', expected: { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' }, skipped: false },
      imagevolume: { storage: 'image-volume', expected: { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' }, skipped: false },
      layer: { storage: 'container-layer', expected: { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' }, skipped: false },
      tmp: { storage: 'tmpfs', expected: { restart: 'lost', 'down-up': 'lost', 'down-v-up': 'lost' }, skipped: false },
    });
    assert.match(plan('external')[0]!.skip!, /external volume "ext"/);
    assert.match(plan('readonly')[0]!.skip!, /read-only/);
    assert.deepEqual(plan('stateless'), []);
  });
});

describe('the drill compose file', () => {
  it('keeps what the container needs and drops what reaches outside the project', () => {
    const configuration = configurationOf({
      'compose.yaml': `x-common: &common
  environment:
    - A=1
    - B=2
  stop_signal: SIGKILL
services:
  app:
    <<: *common
    image: acme/app:\${TAG:-1}
    container_name: production-app
    ports: ["80:80"]
    networks: [front]
    depends_on: [db]
    privileged: true
    command: ["serve", "--port", "$$PORT"]
    volumes: [data:/data]
networks:
  front:
volumes:
  data:
`,
      'compose.override.yaml': `services:
  app:
    environment:
      B: "3"
      C: "4"
    user: "1000"
`,
    });
    const workload = configuration.workloads[0]!;
    const raw = rawService(workload);
    const placements: MountPlacement[] = [{ mount: workload.mounts[0]!, kind: 'volumes', entry: 'data:/data' }];
    const file = drillComposeFile([{ service: { name: 'app', image: 'acme/app:1', definition: raw }, placements, envFiles: ['/p/a$b.env'] }], ['data'], false);
    assert.deepEqual(parse(JSON.stringify(file)), {
      services: {
        app: {
          image: 'acme/app:1',
          command: ['serve', '--port', '$$PORT'],
          environment: { A: '1', B: '3', C: '4' },
          user: '1000',
          stop_signal: 'SIGKILL',
          env_file: ['/p/a$$b.env'],
          volumes: ['data:/data'],
        },
      },
      volumes: { data: {} },
    });
  });

  it('adds a version key for Compose v1', () => {
    assert.equal(drillComposeFile([], [], true).version, '3.8');
  });
});

describe('drill report', () => {
  const configuration = configurationOf({ 'compose.yaml': COMPOSE });
  const knowledge = KnowledgeBase.builtIn([APP, VOL]);
  const target = (service: string) => planTargets(configuration, configuration.workloads.find((w) => w.name === service)!, knowledge)[0]!;
  const report = (results: PathResult[], error?: string): DrillReport => ({
    engine: 'podman-compose',
    project: 'vsafe-drill-00000000',
    includeDownV: false,
    services: [{ service: results[0]?.target.service ?? 'x', results, notes: [], error }],
    notes: [],
  });

  it('prints the SPEC shape, with skipped paths apart', () => {
    const drilled: PathResult = { target: target('layer'), steps: { restart: 'kept', 'down-up': 'lost' }, method: 'exec', notes: [] };
    const skipped: PathResult = { target: target('external'), steps: {}, notes: [] };
    const json = JSON.parse(formatDrillJson({ ...report([drilled]), services: [report([drilled]).services[0]!, report([skipped]).services[0]!] }));
    assert.deepEqual(json, {
      version: 1,
      engine: 'podman-compose',
      results: [{ service: 'layer', containerPath: '/data', predicted: 'lost', steps: { restart: 'kept', 'down-up': 'lost' }, method: 'exec' }],
      skipped: [{ service: 'external', containerPath: '/data', reason: target('external').skip }],
    });
    assert.deepEqual(Object.keys(JSON.parse(formatDrillJson(report([drilled])))), ['version', 'engine', 'results']);
  });

  it('exit code: 0 only when nothing is lost and every prediction held', () => {
    const kept: PathResult = { target: target('named'), steps: { restart: 'kept', 'down-up': 'kept' }, method: 'exec', notes: [] };
    assert.equal(exitCodeOf(report([kept])), 0);
    assert.deepEqual(verdict(kept), { ok: true, text: 'kept, as predicted' });
    const lostAsPredicted: PathResult = { target: target('layer'), steps: { restart: 'kept', 'down-up': 'lost' }, method: 'cp', notes: [] };
    assert.equal(exitCodeOf(report([lostAsPredicted])), 1);
    assert.equal(verdict(lostAsPredicted).text, 'LOST at down + up, as predicted');
    const wrong: PathResult = { target: target('anonymous'), steps: { restart: 'kept', 'down-up': 'kept' }, method: 'exec', notes: [] };
    assert.equal(exitCodeOf(report([wrong])), 1);
    assert.equal(verdict(wrong).text, 'kept, PREDICTION WRONG (kept at down + up, predicted lost)');
    const skipped: PathResult = { target: target('external'), steps: {}, notes: [] };
    assert.equal(exitCodeOf(report([skipped])), 0);
    assert.equal(exitCodeOf(report([kept], 'image acme/app is not available locally')), 1);
  });
});

describe('engine error lines', () => {
  it('shows the real error, not podman-compose probe noise', () => {
    const stdout = "['podman', 'volume', 'inspect', 'p_d']\npodman run --name=p_bad_1 -d --shm-size notasize localhost/bb:1\nexit code: 125\n";
    const stderr = 'Error: inspecting object: no such volume p_d\nError: unable to translate --shm-size: invalid size: \'notasize\'\nError: no container with name or ID "p_bad_1" found: no such container\n';
    assert.equal(errorLine({ code: 0, stdout, stderr, timedOut: false, aborted: false, notFound: false }), "Error: unable to translate --shm-size: invalid size: 'notasize'");
    assert.equal(errorLine({ code: -1, stdout: '', stderr: '', timedOut: true, aborted: false, notFound: false }), 'timed out');
    assert.equal(errorLine({ code: -1, stdout: '', stderr: 'spawn x ENOENT', timedOut: false, aborted: false, notFound: true }), 'command not found');
  });
});
