// `vsafe drill` against a real podman (no mocked runtime). Needs `bash test/drill/setup.sh`
// (run by .ci/run): podman, podman-compose, runc and the busybox images localhost/bb:1,
// localhost/bb-vol:1 (VOLUME /data) and localhost/bb-noshell:1 (no shell).
// Set VSAFE_SKIP_DRILL=1 to skip on a machine without podman; otherwise a missing setup fails.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KnowledgeBase } from '../../server/src/core/knowledge/lookup';
import { loadConfiguration, ParseCache } from '../../server/src/core/project';
import { loadConfigFile } from '../../server/src/node/config';
import { NodeFileHost } from '../../server/src/node/host';
import { planTargets } from '../../server/src/cli/drill/plan';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const SKIP = process.env.VSAFE_SKIP_DRILL === '1';
const IMAGES = ['localhost/bb:1', 'localhost/bb-vol:1', 'localhost/bb-noshell:1'];

// Four containers cover every case (podman-compose handles containers one by one: fewer is faster).
const compose = (outside: string) => `services:
  named:
    image: localhost/bb:1
    command: ["sleep", "600"]
    stop_signal: SIGKILL
    volumes:
      - data:/data
      - ./hostdata:/uploads
      - ${outside}:/outside
  unmounted:
    image: localhost/bb:1
    command: ["sleep", "600"]
    stop_signal: SIGKILL
  imagevolume:
    image: localhost/bb-vol:1
    command: ["sleep", "600"]
    stop_signal: SIGKILL
  noshell:
    image: localhost/bb-noshell:1
    command: ["/bin/busybox", "sleep", "600"]
    stop_signal: SIGKILL
    volumes:
      - nsdata:/data
  missing:
    image: localhost/vsafe-missing-image:1
  web:
    image: localhost/vsafe-stateless:1
    ports:
      - "8080:80"
volumes:
  data:
  nsdata:
`;

// The test images are unknown to the built-in knowledge base: a config adds them (SPEC §5 `images`).
const CONFIG = {
  images: [
    { image: 'bb', paths: [{ path: '/data', kind: 'uploads' }, { path: '/uploads', kind: 'uploads' }, { path: '/outside', kind: 'uploads' }] },
    { image: 'bb-vol', paths: [{ path: '/data', kind: 'uploads', volume: true }] },
    { image: 'bb-noshell', paths: [{ path: '/data', kind: 'uploads' }, { path: '/state', kind: 'uploads' }] },
    { image: 'vsafe-missing-image', paths: ['/data'] },
  ],
};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking, so that the drills below run side by side. */
function runCli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function lines(command: string, args: string[]): string[] {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** Everything podman holds, to prove the drill leaves nothing behind. */
function podmanState(): { containers: string[]; volumes: string[]; networks: string[] } {
  return {
    containers: lines('podman', ['ps', '-a', '--format', '{{.Names}}']),
    volumes: lines('podman', ['volume', 'ls', '--format', '{{.Name}}']),
    networks: lines('podman', ['network', 'ls', '--format', '{{.Name}}']),
  };
}

function assertNoLeftovers(before: ReturnType<typeof podmanState>): void {
  const now = podmanState();
  assert.deepEqual(now.containers.filter((n) => n.includes('vsafe-drill')), [], 'drill containers left behind');
  assert.deepEqual(now.volumes.filter((n) => n.includes('vsafe-drill')), [], 'drill volumes left behind');
  assert.deepEqual(now.networks.filter((n) => n.includes('vsafe-drill')), [], 'drill networks left behind');
  // Anonymous volumes have random names: none may have appeared.
  assert.deepEqual(now.volumes.filter((n) => !before.volumes.includes(n)), [], 'new volumes left behind');
  assert.deepEqual(now.containers.filter((n) => !before.containers.includes(n)), [], 'new containers left behind');
}

function podmanProblem(): string | undefined {
  const version = spawnSync('podman', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return 'podman is not installed';
  const compose = spawnSync('podman-compose', ['version'], { encoding: 'utf8' });
  if (compose.error || compose.status !== 0) return 'podman-compose is not installed';
  for (const image of IMAGES) {
    if (spawnSync('podman', ['image', 'exists', image]).status !== 0) return `the image ${image} is missing`;
  }
  if (!existsSync(CLI)) return `${CLI} is missing (run \`npm run build\`)`;
  return undefined;
}

describe('vsafe drill on podman', { skip: SKIP ? 'VSAFE_SKIP_DRILL=1' : false }, () => {
  let dir: string;
  let interruptDir: string;
  let outside: string;
  let initial: ReturnType<typeof podmanState>;

  before(() => {
    const problem = podmanProblem();
    assert.equal(problem, undefined, `podman is not usable for the drill tests: ${problem}. Run \`bash test/drill/setup.sh\` (as root) or set VSAFE_SKIP_DRILL=1.`);
    dir = mkdtempSync(path.join(tmpdir(), 'vsafe-drill-test-'));
    outside = mkdtempSync(path.join(tmpdir(), 'vsafe-drill-outside-'));
    writeFileSync(path.join(outside, 'user-file.txt'), 'precious\n');
    writeFileSync(path.join(dir, 'compose.yaml'), compose(outside));
    writeFileSync(path.join(dir, '.vsaferc.json'), JSON.stringify(CONFIG));
    mkdirSync(path.join(dir, 'hostdata'));
    writeFileSync(path.join(dir, 'hostdata', 'user-file.txt'), 'precious\n');
    interruptDir = mkdtempSync(path.join(tmpdir(), 'vsafe-drill-interrupt-'));
    writeFileSync(path.join(interruptDir, 'compose.yaml'), 'services:\n  interrupted:\n    image: localhost/bb:1\n    command: ["sleep", "600"]\n    stop_signal: SIGKILL\n');
    writeFileSync(path.join(interruptDir, '.vsaferc.json'), JSON.stringify(CONFIG));
    initial = podmanState();
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (outside) rmSync(outside, { recursive: true, force: true });
    if (interruptDir) rmSync(interruptDir, { recursive: true, force: true });
  });

  // Each drill has its own project, so they run side by side (podman is mostly waiting).
  describe('drills side by side', { concurrency: true }, () => {
    it('drills every service in one throw-away project and matches the static prediction', async () => {
      const run = await runCli(['drill', '--format', 'json', '--include-down-v', '--helper-image', 'localhost/bb:1', '--stop-timeout', '0'], dir);
      assert.equal(run.status, 1, `exit 1 because data is lost; stderr:\n${run.stderr}`);
      const report = JSON.parse(run.stdout);
      assert.deepEqual(Object.keys(report), ['version', 'engine', 'results', 'skipped']);
      assert.equal(report.version, 1);
      assert.equal(report.engine, 'podman-compose');
      type Result = { service: string; containerPath: string; predicted: string; steps: Record<string, string>; method: string };
      const results = new Map<string, Result>(report.results.map((r: Result) => [`${r.service} ${r.containerPath}`, r]));
      for (const result of report.results) assert.deepEqual(Object.keys(result), ['service', 'containerPath', 'predicted', 'steps', 'method']);
      const kept = { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'kept' };
      const keptUntilDownV = { restart: 'kept', 'down-up': 'kept', 'down-v-up': 'lost' };
      const lostOnDownUp = { restart: 'kept', 'down-up': 'lost', 'down-v-up': 'lost' };

      // A named volume keeps the sentinel across restart and down + up; down -v removes it.
      assert.deepEqual(results.get('named /data'), { service: 'named', containerPath: '/data', predicted: 'kept', steps: keptUntilDownV, method: 'exec' });
      // A bind mount is drilled on a temporary copy: kept everywhere, and the host folder is untouched.
      assert.deepEqual(results.get('named /uploads'), { service: 'named', containerPath: '/uploads', predicted: 'kept', steps: kept, method: 'exec' });
      assert.deepEqual(readdirSync(path.join(dir, 'hostdata')), ['user-file.txt']);
      assert.equal(readFileSync(path.join(dir, 'hostdata', 'user-file.txt'), 'utf8'), 'precious\n');
      // A host path outside the project is neither read nor written: an empty stand-in is drilled.
      assert.deepEqual(results.get('named /outside'), { service: 'named', containerPath: '/outside', predicted: 'kept', steps: kept, method: 'exec' });
      assert.deepEqual(readdirSync(outside), ['user-file.txt']);
      assert.equal(readFileSync(path.join(outside, 'user-file.txt'), 'utf8'), 'precious\n');
      // Nothing mounted: the container layer survives a restart, not down + up.
      assert.deepEqual(results.get('unmounted /data'), { service: 'unmounted', containerPath: '/data', predicted: 'lost', steps: lostOnDownUp, method: 'exec' });
      assert.deepEqual(results.get('unmounted /uploads'), { service: 'unmounted', containerPath: '/uploads', predicted: 'lost', steps: lostOnDownUp, method: 'exec' });
      assert.deepEqual(results.get('unmounted /outside'), { service: 'unmounted', containerPath: '/outside', predicted: 'lost', steps: lostOnDownUp, method: 'exec' });
      // Only an anonymous volume (the image's VOLUME): kept across restart, lost across down + up.
      assert.deepEqual(results.get('imagevolume /data'), { service: 'imagevolume', containerPath: '/data', predicted: 'lost', steps: lostOnDownUp, method: 'exec' });
      // No shell in the image: a helper container with --volumes-from reaches the volume,
      // `podman cp` reaches the container layer.
      assert.deepEqual(results.get('noshell /data'), { service: 'noshell', containerPath: '/data', predicted: 'kept', steps: keptUntilDownV, method: 'helper' });
      assert.deepEqual(results.get('noshell /state'), { service: 'noshell', containerPath: '/state', predicted: 'lost', steps: lostOnDownUp, method: 'cp' });
      assert.equal(report.results.length, 9);
      // An image that cannot be pulled is an error for its service, not a crash.
      assert.equal(report.skipped.length, 1);
      assert.equal(report.skipped[0].service, 'missing');
      assert.match(report.skipped[0].reason, /localhost\/vsafe-missing-image:1 is not available locally and could not be pulled/);
      // `web`'s image has no known state path: it is not started, so its missing image and port do not matter.

      // The report's predictions are the static analysis's, path by path.
      const host = new NodeFileHost();
      const configuration = loadConfiguration([path.join(dir, 'compose.yaml')], host, new ParseCache());
      const loaded = loadConfigFile(path.join(dir, '.vsaferc.json'));
      assert.ok(loaded.ok);
      const knowledge = KnowledgeBase.builtIn(loaded.loaded.config.images);
      for (const result of report.results) {
        const workload = configuration.workloads.find((w) => w.name === result.service)!;
        const target = planTargets(configuration, workload, knowledge).find((t) => t.containerPath === result.containerPath)!;
        assert.equal(result.predicted, target.expected['down-up'], `${result.service}: predicted`);
        assert.deepEqual(result.steps, target.expected, `${result.service}: every step as the analysis predicts`);
      }
    });

    it('exits 0 and prints a table when nothing is lost and the prediction held', async () => {
      const run = await runCli(['drill', '--service', 'named', '--stop-timeout', '0'], dir);
      assert.equal(run.status, 0, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
      assert.match(run.stdout, /^vsafe drill: podman-compose, throw-away project vsafe-drill-[0-9a-f]{8}$/m);
      assert.match(run.stdout, /^ {2}PATH +STORAGE +PREDICTED +RESTART +DOWN\+UP +METHOD +RESULT$/m);
      assert.match(run.stdout, /^ {2}\/data +named volume "data" +kept +kept +kept +exec +kept, as predicted$/m);
      assert.match(run.stdout, /^ {2}\/uploads +bind mount \.\/hostdata +kept +kept +kept +exec +kept, as predicted$/m);
      assert.match(run.stdout, /^ {2}\/outside +bind mount \/tmp\/vsafe-drill-outside-\w+ +kept +kept +kept +exec +kept, as predicted$/m);
      assert.match(run.stdout, /host path \/tmp\/vsafe-drill-outside-\w+ is outside the project and is not used/);
      assert.match(run.stdout, /3 paths drilled, 0 lost data, 0 predictions wrong\. Project vsafe-drill-[0-9a-f]{8} removed\./);
    });

    it('cleans up its project when interrupted with Ctrl-C (SIGINT)', async () => {
      const child = spawn(process.execPath, [CLI, 'drill', '--stop-timeout', '0'], { cwd: interruptDir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      // Interrupt as soon as the drill's container exists (polling, no fixed sleep).
      let running = false;
      for (let i = 0; i < 1200 && !running; i++) {
        running = spawnSync('podman', ['ps', '-q', '--filter', 'label=com.docker.compose.service=interrupted'], { encoding: 'utf8' }).stdout.trim() !== '';
        if (!running) await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(running, 'the drill container never started');
      child.kill('SIGINT');
      const code = await exited;
      assert.equal(code, 130, stderr);
      assert.match(stderr, /SIGINT: stopping and removing the throw-away project/);
      assert.equal(spawnSync('podman', ['ps', '-aq', '--filter', 'label=com.docker.compose.service=interrupted'], { encoding: 'utf8' }).stdout.trim(), '');
    });

    it('exits 2 when no engine can be used or the project is unusable', async () => {
      const docker = await runCli(['drill', '--engine', 'docker'], dir);
      // This machine has no Docker engine: a docker CLI without a daemon is not usable.
      if (spawnSync('docker', ['info'], { timeout: 20_000 }).status !== 0) {
        assert.equal(docker.status, 2);
        assert.match(docker.stderr, /no usable container engine for --engine docker/);
      }
      const empty = mkdtempSync(path.join(tmpdir(), 'vsafe-drill-empty-'));
      try {
        const none = await runCli(['drill'], empty);
        assert.equal(none.status, 2);
        assert.match(none.stderr, /no compose file/);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
      const unknown = await runCli(['drill', '--service', 'nope'], dir);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /no service "nope"/);
      const usage = await runCli(['drill', '--format', 'xml'], dir);
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /unknown format "xml"/);
    });
  });

  it('leaves no container, volume or network behind', () => {
    assertNoLeftovers(initial);
  });
});
