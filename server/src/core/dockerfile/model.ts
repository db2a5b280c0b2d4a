import * as ast from 'dockerfile-ast';
import type { Argument, Instruction, JSONArgument } from 'dockerfile-ast';
import { isSameOrParent, normalizeContainerPath } from '../paths';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { expandVariables, UNKNOWN, type Expanded } from './expand';
import { scanDockerfile, type ScannedDockerfile } from './scan';
import { resolvePath, shellWrites, tokenizeShell, type ShellToken, type ShellWord } from './shell';

/* dockerfile-ast exports its classes through getters (compiled CommonJS): read them once. */
const { Copy, JSONInstruction } = ast;
type Add = ast.Add;
type Copy = ast.Copy;
type From = ast.From;
type JSONInstruction = ast.JSONInstruction;
type Run = ast.Run;
type Volume = ast.Volume;

/**
 * What a Dockerfile says about the image it builds, stage by stage: the `FROM`
 * chain, `ARG`/`ENV` values, `WORKDIR`, the `VOLUME`s it declares and the paths its
 * `RUN`, `COPY` and `ADD` instructions write. Built from dockerfile-ast's ranges, shared
 * rather than copied (nothing mutates them: the parsed Dockerfile is never edited);
 * every value is expanded the way the builder would, and anything that depends on
 * a value vsafe cannot know is marked unknown instead of guessed. An instruction's
 * arguments are read only when the model needs them (scan.ts): RUN, COPY and ADD when a
 * rule asks what they write, CMD and ENTRYPOINT when a service's command is worked out.
 */

export interface DockerInstruction {
  /** Upper-case keyword (`RUN`, `VOLUME`, …). */
  keyword: string;
  /** The whole instruction, continuation lines and heredoc bodies included. */
  range: Range;
  /** Index of the stage, -1 before the first `FROM`. */
  stage: number;
  /** Position among all instructions of the file. */
  index: number;
}

export interface DockerValue {
  /** As written. */
  raw: string;
  /** After `ARG`/`ENV` expansion; unknown parts are {@link UNKNOWN}. */
  value: string;
  unknown: boolean;
  range: Range;
}

export interface VolumePath extends DockerValue {
  /** Normalised absolute path (meaningful only when `unknown` is false). */
  path: string;
  instruction: DockerInstruction;
}

export interface PathWrite {
  /** Absolute, normalised; ends in {@link UNKNOWN} when only a prefix is certain. */
  path: string;
  unknown: boolean;
  /** The word or argument that names the path. */
  range: Range;
  instruction: DockerInstruction;
  /** `mkdir`, `>`, `COPY`, … */
  command: string;
  /** `chown -R`, `chmod -R`: also changes everything below `path`. */
  recursive?: boolean;
  /** `mkdir -p`: creates the missing parents too. */
  parents?: boolean;
}

export interface EnvAssignment {
  name: string;
  /** Undefined when the value is not known. */
  value: string | undefined;
  /** The `NAME=value` property. */
  range: Range;
  instruction: DockerInstruction;
}

export interface DockerStage {
  index: number;
  /** `FROM … AS name`, as written. */
  name?: string;
  from: DockerInstruction;
  /** The image after expanding global `ARG`s; undefined for a `FROM` without an image. */
  image?: DockerValue;
  /** The earlier stage this one builds on (`FROM base`). */
  parent?: number;
  instructions: DockerInstruction[];
  env: EnvAssignment[];
  volumes: VolumePath[];
  writes: PathWrite[];
  /** `ENV` in effect at the end of the stage, inherited ones included (undefined: unknown value). */
  environment: Map<string, string | undefined>;
  /** The working directory at the end of the stage; undefined when unknown. */
  workdir: string | undefined;
  /** Every known `WORKDIR` of the stage (each creates its directory), with its instruction index. */
  workdirs: { path: string; index: number }[];
  cmd?: string[];
  entrypoint?: string[];
}

export interface DockerfileModel {
  file: string;
  text: string;
  lines: LineIndex;
  escape: string;
  instructions: DockerInstruction[];
  /** `ARG`s before the first `FROM` (usable in `FROM` lines), undefined value when unknown. */
  globalArgs: Map<string, string | undefined>;
  stages: DockerStage[];
  /** Where the instructions and comments are; shared by the models of one text. */
  scan: ScannedDockerfile;
}

/** Build arguments from `build.args`, by name. */
/** Build arguments the compose file passes; undefined: passed, but its value is not known here. */
export type BuildArgs = ReadonlyMap<string, string | undefined>;

const POSIX_SHELLS = /(?:^|\/)(?:sh|bash|ash|dash|zsh|ksh|busybox)$/;

export function parseDockerfile(file: string, text: string, buildArgs: BuildArgs = new Map(), scan: ScannedDockerfile = scanDockerfile(text)): DockerfileModel {
  const lines = new LineIndex(text);
  const escape = scan.escape;
  const model: DockerfileModel = { file, text, lines, escape, instructions: [], globalArgs: new Map(), stages: [], scan };
  let stage: Stage | undefined;
  let writers: Writer[] = [];
  let scope = new Map<string, string | undefined>();
  // The paths RUN, COPY and ADD write are worked out when first read (only write-after-volume reads
  // them, for stages with a volume): each keeps the scope it saw, copied before a later ARG or ENV changes it.
  let scopeKept = false;
  const keepScope = (): ReadonlyMap<string, string | undefined> => {
    scopeKept = true;
    return scope;
  };
  const changeScope = (): Map<string, string | undefined> => {
    if (scopeKept) {
      scope = new Map(scope);
      scopeKept = false;
    }
    return scope;
  };
  let shellIsPosix = escape === '\\';
  for (const scanned of scan.instructions) {
    const keyword = scanned.keyword;
    const index = model.instructions.length;
    const instruction: DockerInstruction = {
      keyword,
      range: scan.range(scanned.start, scanned.end),
      stage: keyword === 'FROM' ? model.stages.length : stage ? stage.index : -1,
      index,
    };
    model.instructions.push(instruction);
    // The node's class follows from the keyword (dockerfile-ast's createInstruction, which scan.ts
    // mirrors): dispatching on the keyword is the same test as `instanceof`, and builds no node.
    if (keyword === 'FROM') {
      stage = startStage(model, scan.node(index) as From, instruction, buildArgs);
      writers = stage.writers;
      const parent = stage.parent !== undefined ? model.stages[stage.parent] : undefined;
      scope = new Map(parent ? parent.environment : []);
      scopeKept = false;
      stage.environment = new Map(parent ? parent.environment : []);
      stage.workdir = parent ? parent.workdir : stage.image?.value === 'scratch' ? '/' : undefined;
      shellIsPosix = escape === '\\';
      model.stages.push(stage);
      continue;
    }
    if (!stage) {
      if (keyword === 'ARG') {
        for (const property of (scan.node(index) as ast.Arg).getProperties()) {
          const name = property.getName();
          const fallback = property.getValue();
          // `ARG V` with no value and no build argument leaves V unset: `${V:-x}` gives x.
          if (fallback === null && !buildArgs.has(name)) model.globalArgs.delete(name);
          else model.globalArgs.set(name, buildArgs.has(name) ? buildArgs.get(name) : known(expandVariables(fallback ?? '', model.globalArgs, escape)));
        }
      }
      continue;
    }
    stage.instructions.push(instruction);
    if (keyword === 'ARG') {
      for (const property of (scan.node(index) as ast.Arg).getProperties()) {
        const name = property.getName();
        if (stage.environment.has(name)) continue; // ENV wins over ARG
        const fallback = property.getValue();
        if (buildArgs.has(name)) changeScope().set(name, buildArgs.get(name));
        else if (fallback !== null) changeScope().set(name, known(expandVariables(fallback, scope, escape)));
        else if (model.globalArgs.has(name)) changeScope().set(name, model.globalArgs.get(name));
        else changeScope().delete(name);
      }
    } else if (keyword === 'ENV') {
      for (const property of (scan.node(index) as ast.Env).getProperties()) {
        const raw = property.getValue();
        const value = raw === null ? undefined : known(expandVariables(raw, scope, escape));
        changeScope().set(property.getName(), value);
        stage.environment.set(property.getName(), value);
        stage.env.push({ name: property.getName(), value, range: property.getRange(), instruction });
      }
    } else if (keyword === 'WORKDIR') {
      const path = (scan.node(index) as ast.Workdir).getPath();
      if (path !== null) {
        const expanded = expandVariables(stripQuotes(path), scope, escape);
        const resolved = expanded.unknown ? undefined : resolvePath({ value: expanded.value, unknown: false }, stage.workdir);
        stage.workdir = resolved?.path;
        if (resolved && !resolved.unknown) stage.workdirs.push({ path: resolved.path, index: instruction.index });
      }
    } else if (keyword === 'VOLUME') {
      stage.volumes.push(...volumePaths(model, scan.node(index) as Volume, instruction, scope));
    } else if (keyword === 'SHELL') {
      const first = jsonValues(model, scan.node(index) as ast.Shell)[0];
      shellIsPosix = first !== undefined && POSIX_SHELLS.test(first.value);
    } else if (keyword === 'RUN') {
      if (shellIsPosix) {
        const [seen, cwd] = [keepScope(), stage.workdir];
        writers.push(writer(instruction, () => runWrites(model, scan.node(index) as Run, instruction, seen, cwd)));
      }
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const [seen, cwd] = [keepScope(), stage.workdir];
      writers.push(
        writer(instruction, () => {
          const write = copyDestination(model, scan.node(index) as Copy | Add, instruction, seen, cwd);
          return write ? [write] : [];
        }),
      );
    } else if (keyword === 'CMD') {
      stage.cmdAt = index;
    } else if (keyword === 'ENTRYPOINT') {
      stage.entrypointAt = index;
      stage.cmdAt = undefined; // a new ENTRYPOINT resets the inherited CMD
    }
  }
  return model;
}

function startStage(model: DockerfileModel, node: From, instruction: DockerInstruction, buildArgs: BuildArgs): Stage {
  const stage = new Stage(model, model.stages.length, instruction);
  // getBuildStage, getImage and getImageRange each parse the arguments again: read them once, as they do.
  const args = node.getArguments();
  const image = args[0];
  if (args.length > 2 && args[1]!.getValue().toUpperCase() === 'AS') {
    const stageRange = args[2]!.getRange();
    const name = model.text.slice(model.lines.offsetAt(stageRange.start), model.lines.offsetAt(stageRange.end));
    if (name) stage.name = name;
  }
  const raw = image ? image.getValue() : null;
  const range = image ? image.getRange() : null;
  if (raw && range) {
    let scope: ReadonlyMap<string, string | undefined> = model.globalArgs;
    if (buildArgs.size > 0) {
      const withBuildArgs = new Map(model.globalArgs);
      for (const [k, v] of buildArgs) if (model.globalArgs.has(k)) withBuildArgs.set(k, v);
      scope = withBuildArgs;
    }
    const expanded = expandVariables(raw, scope, model.escape);
    stage.image = { raw, value: expanded.value, unknown: expanded.unknown, range };
    if (!expanded.unknown) {
      const lower = expanded.value.toLowerCase();
      const parent = [...model.stages].reverse().find((s) => s.name?.toLowerCase() === lower);
      if (parent) stage.parent = parent.index;
    }
  }
  return stage;
}

/** What one RUN, COPY or ADD writes, worked out once when first asked for. */
interface Writer {
  index: number;
  writes: () => PathWrite[];
}

function writer(instruction: DockerInstruction, compute: () => PathWrite[]): Writer {
  let writes: PathWrite[] | undefined;
  return { index: instruction.index, writes: () => (writes ??= compute()) };
}

/**
 * A stage whose writes, CMD and ENTRYPOINT are worked out on first read: the writes from the
 * writers its instructions add in order, the commands from the last CMD and ENTRYPOINT.
 */
class Stage implements DockerStage {
  name?: string;
  image?: DockerValue;
  parent?: number;
  readonly instructions: DockerInstruction[];
  readonly env: EnvAssignment[] = [];
  readonly volumes: VolumePath[] = [];
  environment = new Map<string, string | undefined>();
  workdir: string | undefined = undefined;
  readonly workdirs: { path: string; index: number }[] = [];
  /** Index of the CMD in effect, of the last ENTRYPOINT. */
  cmdAt?: number;
  entrypointAt?: number;
  readonly writers: Writer[] = [];
  private allWrites?: PathWrite[];

  constructor(
    private readonly model: DockerfileModel,
    readonly index: number,
    readonly from: DockerInstruction,
  ) {
    this.instructions = [from];
  }

  get writes(): PathWrite[] {
    return (this.allWrites ??= this.writers.flatMap((w) => w.writes()));
  }

  get cmd(): string[] | undefined {
    return this.cmdAt === undefined ? undefined : commandArgs(this.model, this.model.scan.node(this.cmdAt));
  }

  get entrypoint(): string[] | undefined {
    return this.entrypointAt === undefined ? undefined : commandArgs(this.model, this.model.scan.node(this.entrypointAt));
  }
}

/**
 * The writes of the stage's instructions after instruction `index` (of the whole file), in
 * order: a rule that only cares about those leaves the earlier RUN scripts untokenized.
 */
export function writesAfter(stage: DockerStage, index: number): PathWrite[] {
  if (!(stage instanceof Stage)) return stage.writes.filter((w) => w.instruction.index > index);
  return stage.writers.filter((w) => w.index > index).flatMap((w) => w.writes());
}

function known(expanded: Expanded): string | undefined {
  return expanded.unknown ? undefined : expanded.value;
}

function stripQuotes(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/** JSON strings of an exec-form instruction, decoded from the document text (dockerfile-ast drops spaces). */
function jsonValues(model: DockerfileModel, node: JSONInstruction): { value: string; range: Range; node: JSONArgument }[] {
  return node.getJSONStrings().map((arg) => {
    const range = arg.getRange();
    const source = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
    let value: string;
    try {
      const parsed: unknown = JSON.parse(source);
      value = typeof parsed === 'string' ? parsed : arg.getJSONValue();
    } catch {
      value = arg.getJSONValue();
    }
    return { value, range, node: arg };
  });
}

function isExecForm(node: JSONInstruction): boolean {
  return node.getOpeningBracket() !== null && node.getClosingBracket() !== null;
}

function volumePaths(model: DockerfileModel, node: Volume, instruction: DockerInstruction, scope: ReadonlyMap<string, string | undefined>): VolumePath[] {
  const entries: { raw: string; range: Range }[] = isExecForm(node)
    ? jsonValues(model, node).map((v) => ({ raw: v.value, range: v.range }))
    : node.getArguments().map((arg: Argument) => ({ raw: stripQuotes(arg.getValue()), range: arg.getRange() }));
  return entries
    .filter((entry) => entry.raw.trim() !== '')
    .map((entry) => {
      const expanded = expandVariables(entry.raw, scope, model.escape);
      const unknown = expanded.unknown || !expanded.value.startsWith('/');
      return { raw: entry.raw, value: expanded.value, unknown, range: entry.range, path: unknown ? expanded.value : normalizeContainerPath(expanded.value), instruction };
    });
}

function runWrites(model: DockerfileModel, node: Run, instruction: DockerInstruction, scope: ReadonlyMap<string, string | undefined>, cwd: string | undefined): PathWrite[] {
  const context = { scope, cwd };
  // `RUN --mount=…,target=/x`: what is written there goes to the mount, not the image.
  const mountTargets = node
    .getFlags()
    .filter((flag) => flag.getName() === 'mount')
    .map((flag) => /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(flag.getValue() ?? '')?.[1])
    .filter((target): target is string => target !== undefined && target.startsWith('/'))
    .map(normalizeContainerPath);
  const toWrites = (tokens: ShellToken[]): PathWrite[] =>
    shellWrites(tokens, context)
      .filter((w) => !mountTargets.some((target) => isSameOrParent(target, w.path.split(UNKNOWN)[0]!.replace(/\/$/, '') || '/')))
      .map((w) => ({
      path: w.path,
      unknown: w.unknown,
      range: model.lines.range(w.word.start, w.word.end),
      instruction,
      command: w.command,
      ...(w.recursive ? { recursive: true } : {}),
      ...(w.parents ? { parents: true } : {}),
    }));
  if (isExecForm(node)) {
    const values = jsonValues(model, node);
    const words: ShellWord[] = values.map((v) => ({
      kind: 'word',
      raw: v.value.replace(/[\\'"$`*?[{ \t]/g, '\\$&'),
      start: model.lines.offsetAt(v.range.start),
      end: model.lines.offsetAt(v.range.end),
    }));
    // ["sh", "-c", "script"]: read the script when its offsets map one to one.
    const script = values[2];
    if (values.length === 3 && POSIX_SHELLS.test(values[0]!.value) && values[1]!.value === '-c' && script) {
      const start = model.lines.offsetAt(script.range.start) + 1;
      const end = model.lines.offsetAt(script.range.end) - 1;
      if (model.text.slice(start, end) === script.value) return toWrites(tokenizeShell(model.text, start, end, { instruction: false }));
      return [];
    }
    return toWrites(words);
  }
  const args = node.getArguments();
  const first = args[0];
  if (!first) return [];
  const start = model.lines.offsetAt(first.getRange().start);
  const heredocs = heredocsOf(node, args);
  if (heredocs.length === 0) {
    const end = model.lines.offsetAt(args[args.length - 1]!.getRange().end);
    return toWrites(tokenizeShell(model.text, start, end, { instruction: true }));
  }
  // RUN <<EOF … EOF: the first line is a command; a body fed to a shell is a script.
  const firstLine = first.getRange().start.line;
  const lineEnd = model.lines.lineEnd(firstLine);
  const head = tokenizeShell(model.text, start, lineEnd, { instruction: true });
  const writes = toWrites(head);
  const headWords = head.filter((t, i): t is ShellWord => t.kind === 'word' && !(i > 0 && head[i - 1]!.kind === 'op' && /^<<-?$/.test((head[i - 1] as { op: string }).op)));
  const interpreter = headWords[0] ? headWords[0].raw : undefined;
  if (interpreter === undefined || POSIX_SHELLS.test(interpreter)) {
    for (const heredoc of heredocs) {
      const content = heredoc.getContentRange();
      if (!content) continue;
      const cStart = model.lines.offsetAt(content.start);
      const cEnd = model.lines.offsetAt(content.end);
      writes.push(...toWrites(tokenizeShell(model.text, cStart, cEnd, { instruction: false })));
    }
  }
  return writes;
}

function copyDestination(model: DockerfileModel, node: Copy | Add, instruction: DockerInstruction, scope: ReadonlyMap<string, string | undefined>, cwd: string | undefined): PathWrite | undefined {
  let dest: { raw: string; range: Range } | undefined;
  if (isExecForm(node)) {
    const values = jsonValues(model, node);
    const last = values[values.length - 1];
    if (values.length >= 2 && last) dest = { raw: last.value, range: last.range };
  } else {
    let args = node.getArguments();
    // With heredocs only the first line holds sources and destination.
    if (node instanceof Copy && heredocsOf(node, args).length > 0) {
      const line = args[0]?.getRange().start.line;
      args = args.filter((a) => a.getRange().start.line === line);
    }
    const last = args[args.length - 1];
    if (args.length >= 2 && last) dest = { raw: stripQuotes(last.getValue()), range: last.getRange() };
  }
  if (!dest) return undefined;
  const expanded = expandVariables(dest.raw, scope, model.escape);
  const resolved = resolvePath({ value: expanded.value, unknown: expanded.unknown }, cwd);
  if (!resolved) return undefined;
  return { path: resolved.path, unknown: resolved.unknown, range: dest.range, instruction, command: instruction.keyword };
}

/**
 * The heredocs of RUN or COPY. dockerfile-ast parses the arguments again for them on every
 * call: skipped when no argument opens one (`<<NAME`, `<<-NAME`).
 */
function heredocsOf(node: Run | Copy, args: readonly Argument[]): ReturnType<Run['getHeredocs']> {
  return args.some((a) => a.getValue().startsWith('<<')) ? node.getHeredocs() : [];
}

function commandArgs(model: DockerfileModel, node: Instruction): string[] | undefined {
  if (node instanceof JSONInstruction && isExecForm(node)) return jsonValues(model, node).map((v) => v.value);
  const args = node.getArguments().map((a) => a.getValue());
  return args.length > 0 ? args : undefined;
}

/** The stage `docker build` produces: the `target` stage, or the last one. */
export function targetStage(model: DockerfileModel, target?: string): DockerStage | undefined {
  if (target !== undefined) {
    const lower = target.toLowerCase();
    const named = model.stages.find((s) => s.name?.toLowerCase() === lower);
    if (named) return named;
  }
  return model.stages[model.stages.length - 1];
}

/** The stage and its ancestors (`FROM base` chains), the root first. */
export function stageChain(model: DockerfileModel, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [];
  const seen = new Set<number>();
  for (let current: DockerStage | undefined = stage; current && !seen.has(current.index); current = current.parent !== undefined ? model.stages[current.parent] : undefined) {
    seen.add(current.index);
    chain.unshift(current);
  }
  return chain;
}

/** True when `write` changes something at or under `volume`. */
export function writeIsUnder(volume: string, write: Pick<PathWrite, 'path' | 'unknown'>): boolean {
  if (!write.unknown) return isSameOrParent(volume, write.path);
  const dir = write.path.slice(0, write.path.lastIndexOf('/')) || '/';
  return isSameOrParent(volume, dir);
}

/**
 * True when `write` changes something at or under `volume`, counting a recursive
 * ownership or mode change of a parent (`chown -R app /srv` reaches VOLUME /srv/data).
 */
export function writeReaches(volume: string, write: Pick<PathWrite, 'path' | 'unknown' | 'recursive'>): boolean {
  return writeIsUnder(volume, write) || (write.recursive === true && !write.unknown && isSameOrParent(write.path, volume));
}

export { UNKNOWN };
