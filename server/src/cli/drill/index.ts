import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { BASE_NAMES, OVERRIDE_NAMES } from '../../core/compose/files';
import { KnowledgeBase } from '../../core/knowledge/lookup';
import type { Mount } from '../../core/model';
import { loadConfiguration, ParseCache, type ComposeConfiguration, type ComposeWorkload } from '../../core/project';
import { loadConfigFile, loadConfigFor } from '../../node/config';
import { NodeFileHost, readTextFileChecked } from '../../node/host';
import { relativeDisplayPath, toCorePath } from '../../node/paths';
import { parseArgs, single, UsageError } from '../args';
import type { CliIO } from '../check';
import { detectEngine, type Engine, type EngineChoice } from './engine';
import { drillComposeFile, escapeDollar, planTargets, rawService, type MountPlacement, type StepName } from './plan';
import { formatDrillJson, formatDrillTable, type DrillReport, type PathResult, type ServiceReport } from './report';
import { errorLine, Runner, type RunResult } from './runner';
import { SentinelIO, type Method } from './sentinel';

export const DRILL_USAGE = `Usage: vsafe drill [options]

Proves on a real container runtime what the analysis predicts: for every state path of
the selected services it starts the services in a throw-away project, writes a sentinel
file under the path, runs restart, down + up (and down -v + up) and checks the sentinel.

Options:
  --engine <name>        docker | podman | auto (default: docker compose, docker-compose,
                         podman compose, podman-compose, the first that works)
  --format <name>        table (default) | json
  --service <name>       drill only this service (repeatable, or comma-separated)
  -f, --file <file>      compose file (repeatable; default: compose.yaml and its override)
  --include-down-v       also run down -v + up (named volumes are expected to be lost)
  --config <file>        use this config file instead of searching for .vsaferc.json
  --helper-image <ref>   local image with a shell used for services without one
                         (default: busybox or alpine when present locally)
  --stop-timeout <s>     seconds containers get to stop on restart and down
  -h, --help             show this help

Exit codes: 0 nothing lost and every prediction held; 1 data lost, a prediction was
wrong or a path could not be drilled; 2 no engine or no usable project.
`;

interface DrillOptions {
  engine: EngineChoice;
  format: 'table' | 'json';
  services: string[];
  files: string[];
  includeDownV: boolean;
  configPath?: string;
  helperImage?: string;
  stopTimeout?: number;
}

/**
 * The entry `vsafe` dispatches to. The drill is asynchronous (it must react to Ctrl-C
 * while a container command runs): the exit code is set on `process.exitCode` when it
 * ends; the returned 0 is provisional. Programs and tests can await `runDrill` instead.
 */
export function drillCommand(argv: readonly string[], io: CliIO): number {
  runDrill(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      io.stderr(`vsafe: internal error: ${error.message}\n`);
      if (process.env.VSAFE_DEBUG) io.stderr(`${error.stack}\n`);
      process.exitCode = 2;
    },
  );
  return 0;
}

export async function runDrill(argv: readonly string[], io: CliIO): Promise<number> {
  let options: DrillOptions;
  try {
    const parsed = parseOptions(argv);
    if (parsed === 'help') {
      io.stdout(DRILL_USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`vsafe: ${error.message}\n\n${DRILL_USAGE}`);
    return 2;
  }

  const project = loadProject(options, io);
  if (typeof project === 'number') return project;
  const { configuration, knowledge } = project;

  const workloads = selectServices(configuration, options.services, io);
  if (typeof workloads === 'number') return workloads;

  const services: ServiceReport[] = workloads.map((workload) => ({
    service: workload.name,
    image: workload.image?.value,
    results: planTargets(configuration, workload, knowledge).map((target) => ({ target, steps: {}, notes: [...target.notes] })),
    notes: [],
  }));
  for (const service of services) {
    if (service.results.length === 0) service.notes.push(service.image ? `no state path known for image ${service.image}: nothing to drill` : 'no image: nothing to drill');
  }
  const report: DrillReport = { engine: undefined, project: undefined, services, includeDownV: options.includeDownV, notes: [] };
  const drillable = services.filter((s) => s.results.some((r) => !r.target.skip));
  if (drillable.length === 0) {
    report.notes.push('nothing to drill: no selected service has a state path that can be drilled');
    print(report, options, io);
    return exitCodeOf(report);
  }

  const debug = process.env.VSAFE_DEBUG ? (line: string) => io.stderr(line) : undefined;
  const runner = new Runner(debug);
  let signal: NodeJS.Signals | undefined;
  const onSignal = (received: NodeJS.Signals): void => {
    if (signal) {
      io.stderr('vsafe drill: still cleaning up its throw-away project, please wait\n');
      return;
    }
    signal = received;
    io.stderr(`vsafe drill: ${received}: stopping and removing the throw-away project…\n`);
    runner.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let drill: Drill | undefined;
  let code: number;
  let printReport = false;
  try {
    const detection = await detectEngine(runner, options.engine);
    if (!detection.engine) {
      if (signal) return signalExit(signal);
      io.stderr(`vsafe drill: no usable container engine${options.engine === 'auto' ? '' : ` for --engine ${options.engine}`}:\n${detection.rejected.map((r) => `  - ${r}\n`).join('')}`);
      return 2;
    }
    report.engine = detection.engine.name;
    drill = new Drill(runner, detection.engine, configuration, options, report);
    report.project = drill.project;
    const fatal = await drill.run(drillable, workloads);
    if (fatal && !signal) io.stderr(`vsafe drill: ${fatal}\n`);
    const drilled = services.some((s) => s.results.some((r) => Object.keys(r.steps).length > 0));
    printReport = !fatal && !signal;
    code = fatal || (!drilled && services.some((s) => s.error)) ? 2 : exitCodeOf(report);
  } finally {
    if (drill) {
      const leftovers = await drill.cleanup();
      report.cleanedUp = leftovers.length === 0;
      if (leftovers.length > 0) {
        io.stderr(`vsafe drill: could not remove everything of project ${drill.project}:\n${leftovers.map((l) => `  - ${l}\n`).join('')}`);
      }
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (signal) {
    if (report.project) io.stderr(`vsafe drill: interrupted; project ${report.project} ${report.cleanedUp === false ? 'NOT completely removed' : 'removed'}\n`);
    return signalExit(signal);
  }
  if (printReport) print(report, options, io);
  return report.cleanedUp === false && code === 0 ? 1 : code;
}

function signalExit(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

function parseOptions(argv: readonly string[]): DrillOptions | 'help' {
  const normalized = argv.map((arg) => (arg === '-f' ? '--file' : arg.startsWith('-f=') ? `--file=${arg.slice(3)}` : arg));
  const args = parseArgs(normalized, {
    '--engine': { value: true },
    '--format': { value: true },
    '--service': { value: true, multiple: true },
    '--file': { value: true, multiple: true },
    '--include-down-v': {},
    '--config': { value: true },
    '--helper-image': { value: true },
    '--stop-timeout': { value: true },
    '--help': {},
    '-h': {},
  });
  if (args.flags.has('--help') || args.flags.has('-h')) return 'help';
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}" (compose files are given with -f)`);
  const engine = single(args, '--engine') ?? 'auto';
  if (engine !== 'docker' && engine !== 'podman' && engine !== 'auto') throw new UsageError(`unknown --engine "${engine}" (expected docker, podman, auto)`);
  const format = single(args, '--format') ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`unknown format "${format}" (expected table, json)`);
  const timeoutText = single(args, '--stop-timeout');
  const stopTimeout = timeoutText === undefined ? undefined : Number(timeoutText);
  if (stopTimeout !== undefined && (!Number.isInteger(stopTimeout) || stopTimeout < 0)) throw new UsageError(`--stop-timeout needs a whole number of seconds, got "${timeoutText}"`);
  return {
    engine,
    format,
    services: (args.options.get('--service') ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== ''),
    files: args.options.get('--file') ?? [],
    includeDownV: args.flags.has('--include-down-v'),
    configPath: single(args, '--config'),
    helperImage: single(args, '--helper-image'),
    stopTimeout,
  };
}

function loadProject(options: DrillOptions, io: CliIO): { configuration: ComposeConfiguration; knowledge: KnowledgeBase } | number {
  let files: string[];
  if (options.files.length > 0) {
    files = options.files.map((f) => path.resolve(io.cwd, f));
  } else {
    const base = BASE_NAMES.map((n) => path.join(io.cwd, n)).find((f) => existsSync(f));
    if (!base) {
      io.stderr(`vsafe drill: no compose file in ${io.cwd} (looked for ${BASE_NAMES.join(', ')}); name one with -f\n`);
      return 2;
    }
    const override = OVERRIDE_NAMES.map((n) => path.join(io.cwd, n)).find((f) => existsSync(f));
    files = override ? [base, override] : [base];
  }
  const host = new NodeFileHost();
  for (const file of files) {
    const read = readTextFileChecked(file);
    if (!read.ok) {
      io.stderr(`vsafe drill: ${relativeDisplayPath(file, io.cwd)}: ${read.error}\n`);
      return 2;
    }
    host.setOverlay(toCorePath(file), read.text);
  }
  const configLoad = options.configPath ? loadConfigFile(path.resolve(io.cwd, options.configPath)) : loadConfigFor(path.dirname(files[0]!));
  if (!configLoad.ok) {
    io.stderr(`vsafe drill: ${relativeDisplayPath(configLoad.file, io.cwd)}: ${configLoad.error}\n`);
    return 2;
  }
  const configuration = loadConfiguration(files.map(toCorePath), host, new ParseCache());
  const problems = configuration.files.flatMap((f) => f.problems);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`vsafe drill: ${relativeDisplayPath(problem.file, io.cwd)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}\n`);
    return 2;
  }
  if (configuration.workloads.length === 0) {
    io.stderr('vsafe drill: the compose files define no services\n');
    return 2;
  }
  return { configuration, knowledge: KnowledgeBase.builtIn(configLoad.loaded.config.images) };
}

function selectServices(configuration: ComposeConfiguration, names: readonly string[], io: CliIO): ComposeWorkload[] | number {
  if (names.length === 0) return configuration.workloads;
  const unknown = names.filter((n) => !configuration.workloads.some((w) => w.name === n));
  if (unknown.length > 0) {
    io.stderr(`vsafe drill: no service ${unknown.map((n) => `"${n}"`).join(', ')} (services: ${configuration.workloads.map((w) => w.name).join(', ')})\n`);
    return 2;
  }
  return configuration.workloads.filter((w) => names.includes(w.name));
}

function print(report: DrillReport, options: DrillOptions, io: CliIO): void {
  io.stdout(options.format === 'json' ? formatDrillJson(report) : formatDrillTable(report, io.cwd));
}

/** 0: nothing lost, every prediction held; 1: lost, wrong, or not drilled because of an error. */
export function exitCodeOf(report: DrillReport): number {
  for (const service of report.services) {
    if (service.error) return 1;
    for (const result of service.results) {
      if (result.target.skip && !result.error) continue;
      if (result.error) return 1;
      for (const [step, outcome] of Object.entries(result.steps)) {
        if (outcome !== 'kept' || outcome !== result.target.expected[step as StepName]) return 1;
      }
    }
  }
  return 0;
}

/** Images a local `build:` may already have produced, for services without `image:`. */
function builtImageCandidates(configuration: ComposeConfiguration, service: string): string[] {
  const project = path.basename(configuration.dir).toLowerCase().replace(/[^a-z0-9_-]/g, '');
  return [`${project}-${service}`, `${project}_${service}`, `localhost/${project}_${service}`, `localhost/${project}-${service}`];
}

const HELPER_IMAGES = ['docker.io/library/busybox:latest', 'busybox:latest', 'docker.io/library/alpine:latest', 'alpine:latest'];
const MAX_BIND_COPY_BYTES = 64 * 1024 * 1024;

interface Active {
  report: ServiceReport;
  workload: ComposeWorkload;
  image: string;
  container?: string;
}

/** One drill run: its project name, its workspace, its containers; always cleaned up. */
class Drill {
  readonly project = `vsafe-drill-${randomBytes(4).toString('hex')}`;
  private readonly workspace = mkdtempSync(path.join(tmpdir(), 'vsafe-drill-'));
  private readonly composeFile = path.join(this.workspace, 'compose.yaml');
  private readonly anonymousVolumes = new Set<string>();
  private started = false;
  private sentinels!: SentinelIO;
  private readonly methods = new Map<PathResult, Method>();
  private readonly values = new Map<PathResult, string>();

  constructor(
    private readonly runner: Runner,
    private readonly engine: Engine,
    private readonly configuration: ComposeConfiguration,
    private readonly options: DrillOptions,
    private readonly report: DrillReport,
  ) {}

  private compose(args: readonly string[], timeoutMs = 10 * 60 * 1000, ignoreAbort = false): Promise<RunResult> {
    const [program, ...prefix] = this.engine.compose;
    return this.runner.run(program, [...prefix, '-p', this.project, '-f', this.composeFile, ...args], { cwd: this.workspace, timeoutMs, ignoreAbort });
  }

  private cli(args: readonly string[], timeoutMs = 120_000, ignoreAbort = false): Promise<RunResult> {
    return this.runner.run(this.engine.cli, args, { timeoutMs, ignoreAbort });
  }

  /** Returns a message when the drill could not run at all. */
  async run(drillable: ServiceReport[], workloads: ComposeWorkload[]): Promise<string | undefined> {
    const helperImage = await this.findHelperImage();
    this.sentinels = new SentinelIO(this.runner, this.engine, this.project, this.workspace, helperImage, `.vsafe-drill-${this.project.slice('vsafe-drill-'.length)}`);

    // Images first: one that is missing and cannot be pulled fails its service, not the run.
    const active: Active[] = [];
    for (const service of drillable) {
      const workload = workloads.find((w) => w.name === service.service)!;
      const image = await this.resolveImage(workload, service);
      if (this.runner.aborted) return undefined;
      if (image) active.push({ report: service, workload, image });
    }
    if (active.length === 0) return undefined;

    const entries = active.map((a) => this.placeService(a));
    const volumeNames = [...new Set(active.flatMap((a) => a.workload.mounts.filter((m) => m.type === 'volume' && m.source).map((m) => m.source!)))];
    const file = drillComposeFile(entries, volumeNames, this.engine.needsVersionKey);
    writeFileSync(this.composeFile, `# Generated by vsafe drill for project ${this.project}; removed when the drill ends.\n${stringify(file)}`);
    const dotEnv = path.join(this.configuration.dir, '.env');
    if (existsSync(dotEnv)) copyFileSync(dotEnv, path.join(this.workspace, '.env'));

    // Step 0: up, write the first sentinels.
    this.started = true;
    const up = await this.up(active);
    if (up) return up;
    await Promise.all(active.map((a) => this.writeAll(a, 'start')));

    const steps: StepName[] = ['restart', 'down-up'];
    if (this.options.includeDownV) steps.push('down-v-up');
    for (const step of steps) {
      if (this.runner.aborted) return undefined;
      const live = active.filter((a) => a.report.results.some((r) => this.methods.has(r)));
      if (live.length === 0) break;
      const failure = await this.lifecycle(step, active);
      if (failure) {
        for (const a of live) a.report.error ??= `${stepLabel(step)} failed: ${failure}`;
        break;
      }
      await Promise.all(live.map((a) => this.check(a, step, step === steps[steps.length - 1])));
    }
    return undefined;
  }

  /** Reads every sentinel of a service after a step, then writes fresh ones for the next step. */
  private async check(a: Active, step: StepName, last: boolean): Promise<void> {
    for (const result of a.report.results) {
      const method = this.methods.get(result);
      if (!method) continue;
      if (!a.container) {
        result.steps[step] = 'error';
        result.error ??= `no container after ${stepLabel(step)}`;
        continue;
      }
      const read = await this.sentinels.read(method, a.container, result.target.containerPath);
      if (read.kind === 'error') {
        result.steps[step] = 'error';
        result.error ??= `reading the sentinel after ${stepLabel(step)}: ${read.message}`;
        continue;
      }
      result.steps[step] = read.kind === 'found' && read.value === this.values.get(result) ? 'kept' : 'lost';
    }
    if (!last) await this.writeAll(a, step);
  }

  private async findHelperImage(): Promise<string | undefined> {
    if (this.options.helperImage) {
      if (await this.imageExists(this.options.helperImage)) return this.options.helperImage;
      this.report.notes.push(`helper image ${this.options.helperImage} is not available locally: images without a shell use \`${this.engine.cli} cp\``);
      return undefined;
    }
    for (const image of HELPER_IMAGES) if (await this.imageExists(image)) return image;
    return undefined;
  }

  private readonly imageChecks = new Map<string, Promise<boolean>>();

  private imageExists(image: string): Promise<boolean> {
    let check = this.imageChecks.get(image);
    if (!check) {
      check = this.imageExistsUncached(image);
      this.imageChecks.set(image, check);
    }
    return check;
  }

  private async imageExistsUncached(image: string): Promise<boolean> {
    const result = this.engine.cli === 'podman' ? await this.cli(['image', 'exists', image], 30_000) : await this.cli(['image', 'inspect', '--format', '{{.Id}}', image], 30_000);
    return result.code === 0;
  }

  private async resolveImage(workload: ComposeWorkload, service: ServiceReport): Promise<string | undefined> {
    const image = workload.image;
    if (!image) {
      for (const candidate of builtImageCandidates(this.configuration, workload.name)) if (await this.imageExists(candidate)) return candidate;
      service.error = 'the service has no `image:` and no built image was found: build it first (`docker compose build`) or set `image:`';
      return undefined;
    }
    if (image.unknown) {
      service.error = `the image "${image.raw}" uses a variable without a value`;
      return undefined;
    }
    if (await this.imageExists(image.value)) return image.value;
    const pull = await this.cli(['pull', image.value], 5 * 60 * 1000);
    if (pull.code === 0) return image.value;
    if (!this.runner.aborted) service.error = `image ${image.value} is not available locally and could not be pulled: ${errorLine(pull)}`;
    return undefined;
  }

  /** How each mount of a service appears in the drill's compose file; never a writable user path. */
  private placeService(a: Active): { service: { name: string; image: string; definition: ReturnType<typeof rawService> }; placements: MountPlacement[]; envFiles: string[] } {
    const placements: MountPlacement[] = [];
    a.workload.mounts.forEach((mount, index) => {
      const placement = this.placeMount(a.workload, mount, index);
      if (placement) placements.push(placement);
      else a.report.notes.push(`mount ${mount.target} is left out of the drill (${mount.type === 'other' ? 'unsupported type' : 'a variable without a value'})`);
      if (placement?.note) a.report.notes.push(placement.note);
    });
    for (const result of a.report.results) {
      if (result.target.storage === 'anonymous-volume' && this.engine.name === 'podman-compose') {
        result.notes.push('podman-compose gives compose-declared anonymous volumes a fixed name, so they may survive down + up there (Docker Compose creates a new, empty one)');
      }
    }
    const envFiles: string[] = [];
    for (const layer of a.workload.layers) {
      for (const envFile of layer.envFiles) {
        if (envFile.unknown) continue;
        const file = path.resolve(path.dirname(layer.file.file), envFile.path);
        if (existsSync(file)) envFiles.push(file);
        else if (envFile.required) a.report.notes.push(`env_file ${envFile.path} does not exist: left out`);
      }
    }
    return { service: { name: a.workload.name, image: a.image, definition: rawService(a.workload) }, placements, envFiles };
  }

  private placeMount(workload: ComposeWorkload, mount: Mount, index: number): MountPlacement | undefined {
    if (mount.unknown) return undefined;
    const target = escapeDollar(mount.target);
    const ro = mount.readOnly ? ':ro' : '';
    switch (mount.type) {
      case 'tmpfs':
        return { mount, kind: 'tmpfs', entry: target };
      case 'anonymous':
        return { mount, kind: 'volumes', entry: target };
      case 'volume': {
        if (!mount.source) return undefined;
        const external = this.configuration.volumes.get(mount.source)?.declaration.external === true;
        // The volume is declared again in the drill's file, so it belongs to the throw-away project.
        return { mount, kind: 'volumes', entry: `${escapeDollar(mount.source)}:${target}${ro}`, note: external ? `external volume "${mount.source}" is replaced by an empty volume of the drill project` : undefined };
      }
      case 'bind': {
        if (!mount.source || mount.unknown) return undefined;
        const source = mount.source === '~' || mount.source.startsWith('~/') ? path.join(homedir(), mount.source.slice(1)) : path.resolve(this.configuration.dir, mount.source);
        // Read-only host paths cannot be written by the drill or the service: mounted as they are.
        if (mount.readOnly) return { mount, kind: 'volumes', entry: `${escapeDollar(source)}:${target}:ro` };
        const copy = path.join(this.workspace, 'binds', `${index}-${workload.name}`);
        // Symlinks count where they lead: a link out of the project is treated as outside.
        const inProject = isInside(realOrSelf(this.configuration.dir), realOrSelf(source));
        const note = inProject ? this.copyBindSource(source, copy) : this.emptyStandIn(source, copy);
        return { mount, kind: 'volumes', entry: `${escapeDollar(copy)}:${target}`, note: `bind ${mount.source} → ${mount.target}: ${note}` };
      }
      default:
        return undefined;
    }
  }

  /** A writable host path outside the project is never read or written: an empty stand-in of the same kind. */
  private emptyStandIn(source: string, copy: string): string {
    mkdirSync(path.dirname(copy), { recursive: true });
    let isFile = false;
    try {
      isFile = statSync(source).isFile();
    } catch {
      // missing: compose would create a folder
    }
    if (isFile) writeFileSync(copy, '');
    else mkdirSync(copy);
    return `host path ${source} is outside the project and is not used: the drill mounts an empty temporary ${isFile ? 'file' : 'folder'} instead`;
  }

  /** Writable bind sources inside the project become a copy in the workspace: the drill never writes user files. */
  private copyBindSource(source: string, copy: string): string {
    mkdirSync(path.dirname(copy), { recursive: true });
    let stat;
    try {
      stat = lstatSync(source);
    } catch {
      mkdirSync(copy);
      return 'the host path does not exist; the drill mounts an empty temporary folder';
    }
    const size = stat.isDirectory() ? folderSize(source, MAX_BIND_COPY_BYTES) : stat.size;
    if (size > MAX_BIND_COPY_BYTES) {
      if (statSync(source).isDirectory()) mkdirSync(copy);
      else writeFileSync(copy, '');
      return 'the host path is too big to copy; the drill mounts an empty temporary one instead';
    }
    const real = realpathSync(source);
    cpSync(real, copy, { recursive: true, dereference: false, verbatimSymlinks: true });
    return 'the drill mounts a temporary copy, the host path is not touched';
  }

  private async up(active: Active[]): Promise<string | undefined> {
    const up = await this.compose(['up', '-d']);
    if (this.runner.aborted) return undefined;
    await this.locate(active);
    const missing = active.filter((a) => !a.container);
    if (up.code !== 0 && missing.length === active.length) return `\`${this.engine.compose.join(' ')} up\` failed: ${errorLine(up)}`;
    for (const a of missing) a.report.error ??= `the container did not start: ${errorLine(up)}`;
    return undefined;
  }

  /** Finds each service's container by the compose labels of the drill project (one `ps` for all). */
  private async locate(active: Active[]): Promise<void> {
    const label = this.engine.cli === 'podman' ? '{{index .Labels "com.docker.compose.service"}}' : '{{.Label "com.docker.compose.service"}}';
    const ps = await this.cli(['ps', '-a', '--no-trunc', '--filter', `label=com.docker.compose.project=${this.project}`, '--format', `{{.ID}}\t${label}`]);
    const byService = new Map<string, string>();
    if (ps.code === 0) {
      for (const line of ps.stdout.split('\n')) {
        const [id, service] = line.trim().split('\t');
        if (id && service && !byService.has(service)) byService.set(service, id);
      }
    }
    for (const a of active) a.container = byService.get(a.workload.name);
  }

  /** Writes a fresh sentinel under every path (choosing the method on the first write). */
  private async writeAll(a: Active, after: 'start' | StepName): Promise<void> {
    if (!a.container) return;
    for (const result of a.report.results) {
      if (result.target.skip || result.error) continue;
      const value = `${this.project}:${result.target.service}:${result.target.containerPath}:${after}:${randomBytes(6).toString('hex')}`;
      const chosen = this.methods.get(result);
      if (chosen) {
        const error = await this.sentinels.write(chosen, a.container, result.target.containerPath, value);
        if (error) {
          result.error = `writing the sentinel after ${stepLabel(after as StepName)}: ${error}`;
          this.methods.delete(result);
        } else this.values.set(result, value);
        continue;
      }
      const errors: string[] = [];
      for (const method of this.sentinels.candidates(result.target.storage)) {
        const error = await this.sentinels.write(method, a.container, result.target.containerPath, value);
        if (!error) {
          this.methods.set(result, method);
          this.values.set(result, value);
          result.method = method;
          break;
        }
        errors.push(`${method}: ${error}`);
      }
      if (!this.methods.has(result)) {
        result.error = `could not write a sentinel (${errors.join('; ')})${result.target.storage === 'tmpfs' ? ' — a tmpfs is reachable only with a shell in the container' : ''}`;
      }
    }
  }

  private async lifecycle(step: StepName, active: Active[]): Promise<string | undefined> {
    const timeout = this.options.stopTimeout === undefined ? [] : ['-t', String(this.options.stopTimeout)];
    if (step === 'restart') {
      const restart = await this.compose(['restart', ...timeout]);
      if (restart.code !== 0 && !this.runner.aborted) return errorLine(restart);
      await this.locate(active);
      return undefined;
    }
    await this.recordAnonymousVolumes(active);
    const down = await this.compose(step === 'down-v-up' ? ['down', '-v', ...timeout] : ['down', ...timeout]);
    if (down.code !== 0 && !this.runner.aborted) return errorLine(down);
    for (const a of active) a.container = undefined;
    return this.up(active);
  }

  /** Anonymous volumes outlive `down`: remember them so the cleanup can remove them. */
  private async recordAnonymousVolumes(active: Active[]): Promise<void> {
    for (const a of active) {
      if (!a.container) continue;
      const inspect = await this.cli(['inspect', '--format', '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}}\n{{end}}{{end}}', a.container], 30_000, true);
      if (inspect.code !== 0) continue;
      for (const name of inspect.stdout.split('\n').map((l) => l.trim())) if (name) this.anonymousVolumes.add(name);
    }
  }

  /**
   * Removes everything the drill created: the project's containers, volumes and
   * networks (only objects labelled with, or named after, its unique project name,
   * and volumes its containers mounted) and the workspace. Returns what is left.
   */
  async cleanup(): Promise<string[]> {
    const leftovers: string[] = [];
    try {
      if (this.started) {
        // Straight to the container CLI, everything in one call each: faster than
        // \`compose down -v\` (which stops containers one by one) and it also finds helpers.
        const containers = await this.projectContainers();
        await this.recordAnonymousVolumes(containers.map((id) => ({ container: id }) as Active));
        if (containers.length > 0) await this.cli(['rm', '-f', '-v', ...containers], 5 * 60 * 1000, true);
        if (this.engine.cli === 'podman') {
          const pods = (await this.listLines(['pod', 'ls', '--format', '{{.Name}}'])).filter((name) => name === `pod_${this.project}` || name.startsWith(`${this.project}_`));
          if (pods.length > 0) await this.cli(['pod', 'rm', '-f', ...pods], 120_000, true);
        }
        const volumes = await this.projectVolumes();
        if (volumes.length > 0) await this.cli(['volume', 'rm', '-f', ...volumes], 120_000, true);
        const networks = await this.projectNetworks();
        if (networks.length > 0) await this.cli(['network', 'rm', ...networks], 120_000, true);
        for (const id of await this.projectContainers()) leftovers.push(`container ${id}`);
        for (const name of await this.projectVolumes()) leftovers.push(`volume ${name}`);
        for (const name of await this.projectNetworks()) leftovers.push(`network ${name}`);
      }
    } finally {
      rmSync(this.workspace, { recursive: true, force: true });
    }
    return leftovers;
  }

  private async listLines(args: string[]): Promise<string[]> {
    const result = await this.cli(args, 60_000, true);
    if (result.code !== 0) return [];
    return result.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  }

  private async projectContainers(): Promise<string[]> {
    const labelled = await this.listLines(['ps', '-a', '-q', '--no-trunc', '--filter', `label=com.docker.compose.project=${this.project}`]);
    const helpers = await this.listLines(['ps', '-a', '-q', '--no-trunc', '--filter', `label=vsafe.drill=${this.project}`]);
    return [...new Set([...labelled, ...helpers])];
  }

  private async projectVolumes(): Promise<string[]> {
    const all = await this.listLines(['volume', 'ls', '-q']);
    const labelled = new Set(await this.listLines(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${this.project}`]));
    return all.filter((name) => labelled.has(name) || this.anonymousVolumes.has(name) || name.startsWith(`${this.project}_`) || name.startsWith(`${this.project}-`));
  }

  private async projectNetworks(): Promise<string[]> {
    const names = await this.listLines(['network', 'ls', '--format', '{{.Name}}']);
    return names.filter((name) => name.startsWith(`${this.project}_`) || name.startsWith(`${this.project}-`));
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function stepLabel(step: StepName | 'start'): string {
  return step === 'start' ? 'start' : step === 'restart' ? 'restart' : step === 'down-up' ? 'down + up' : 'down -v + up';
}

function folderSize(dir: string, limit: number): number {
  let total = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true }) as Dirent[];
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) total += statSync(full).size;
      if (total > limit) return total;
    }
  }
  return total;
}
