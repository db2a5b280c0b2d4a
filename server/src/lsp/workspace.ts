import { lint, ParseCache, PARSE_ERROR_RULE, type FileHost, type Finding, type Fix, type LintRequest, type LintResult, type VsafeConfig } from '../core';
import { appendTo } from '../core/collections';
import { dockerfileCacheFor } from '../core/dockerfile/cache';
import { compareFindings, dropLazyFixes } from '../core/lint';
import { dirname } from '../core/paths';

/**
 * The server's view of the workspace: which compose files and Dockerfiles exist (the
 * scan plus open documents), the last analysis of every folder ("unit"), and which
 * files each analysis read, so a change to any of them (an override file, an included
 * file, a Dockerfile, `.env`) re-lints exactly the folders that depend on it.
 *
 * Analyses run in small batches on `setImmediate`, so requests are answered between
 * batches; a new scan cancels the queued work of the previous one.
 *
 * Memory: only folders that read an open document keep their full analysis (parsed
 * YAML, configurations) and parse-cache entries. The others keep their findings, their
 * dependencies and a small state-path summary; hover, lens, links and the inventory
 * re-analyse them on demand ({@link WorkspaceAnalysis.resultOf}). Their findings lose
 * their lazily computed fixes (whose closures hold the whole configuration);
 * {@link WorkspaceAnalysis.fixesOf} recomputes them when a code action asks.
 */

/** A folder's compose files and Dockerfiles, analysed together as `docker compose` would. */
export interface Unit {
  dir: string;
  /** The full analysis, kept only while the folder reads an open document (see {@link WorkspaceAnalysis.resultOf}). */
  result?: LintResult;
  /** The hook's summary of the analysis (state-path verdicts for the status bar). */
  summary?: ReadonlyMap<string, boolean>;
  /** The findings of the last analysis by file (parse errors left to syntax-aware extensions). */
  findingsByFile: Map<string, Finding[]>;
  /** Every path the last analysis read or probed, existing or not. */
  deps: Set<string>;
}

export interface WorkspaceHooks {
  host: FileHost;
  cache: ParseCache;
  /** The configuration for a folder (`.vsaferc.json` merged with the editor settings); undefined disables it. */
  configFor(dir: string): VsafeConfig | undefined;
  /** Compose files of the folder's projects that are not among its inputs (lint's `context`): for folders no scan walked. */
  contextFor?(dir: string, compose: readonly string[]): string[];
  enabled(): boolean;
  /** Publishes a file's merged findings; `force` re-sends even when nothing changed. */
  publish(file: string, findings: Finding[], force: boolean): void;
  /** Called when the queue drains (status bar totals). */
  idle(): void;
  error(message: string): void;
  /** Called after each folder's analysis and publication, with the files it published and when each step ended (`performance.now()`). */
  analysed?(dir: string, published: ReadonlySet<string>, times: UnitTimes): void;
  /** What to keep of an analysis once its parse trees are dropped (runs after publishing). */
  summarise?(result: LintResult): ReadonlyMap<string, boolean>;
}

export interface UnitTimes {
  start: number;
  /** lint() finished. */
  analysed: number;
  /** Every touched file was published. */
  end: number;
}

/** Cumulative work counters (the server reports differences, e.g. over one scan). */
export interface WorkStats {
  units: number;
  /** Milliseconds in lint(). */
  analysis: number;
  /** Milliseconds converting and publishing diagnostics. */
  publish: number;
}

/** Time a batch may take before yielding to the event loop. */
const SLICE_MS = 12;
/** Analyses of folders without open documents recomputed for requests, kept for the next request. */
const RECOMPUTED_KEPT = 8;

/** Records the files an analysis reads: its dependencies. */
class RecordingHost implements FileHost {
  readonly read = new Set<string>();
  constructor(private readonly base: FileHost) {}
  readFile(file: string): string | undefined {
    this.read.add(file);
    return this.base.readFile(file);
  }
}

export class WorkspaceAnalysis {
  /** Compose files and Dockerfiles found by the scan. */
  private readonly scannedCompose = new Set<string>();
  private readonly scannedDockerfiles = new Set<string>();
  /** Open documents the server analyses, by kind. */
  private readonly openCompose = new Set<string>();
  private readonly openDockerfiles = new Set<string>();
  readonly units = new Map<string, Unit>();
  /** file → units whose last analysis read it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** file → units with findings in it. */
  private readonly contributors = new Map<string, Set<string>>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private pumping = false;
  private readonly forced = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  generation = 0;
  /** True while the server walks the workspace for a scan whose files are not queued yet. */
  private walking = false;
  /**
   * Files created (kind) or deleted (undefined) while a walk runs: the walk may have listed
   * their folder before the change, so its list alone would forget them.
   */
  private readonly changedDuringWalk = new Map<string, 'compose' | 'dockerfile' | undefined>();
  readonly stats: WorkStats = { units: 0, analysis: 0, publish: 0 };
  /** Full analyses of not-retained folders recomputed for requests (least recently used first). */
  private readonly recomputed = new Map<string, LintResult>();
  /** Findings whose fixes were dropped with their folder's analysis. */
  private readonly stripped = new WeakSet<Finding>();

  constructor(private readonly hooks: WorkspaceHooks) {}

  /** Replaces the scanned files (a new scan): cancels queued work and re-lints everything. */
  setScanned(compose: readonly string[], dockerfiles: readonly string[]): void {
    this.walking = false;
    this.generation++;
    this.queue.length = 0;
    this.queued.clear();
    const before = new Set([...this.scannedCompose, ...this.scannedDockerfiles].map(dirname));
    this.scannedCompose.clear();
    this.scannedDockerfiles.clear();
    this.index = undefined;
    compose.forEach((f) => this.scannedCompose.add(f));
    dockerfiles.forEach((f) => this.scannedDockerfiles.add(f));
    for (const [file, kind] of this.changedDuringWalk) {
      this.scannedCompose.delete(file);
      this.scannedDockerfiles.delete(file);
      if (kind === 'compose') this.scannedCompose.add(file);
      if (kind === 'dockerfile') this.scannedDockerfiles.add(file);
    }
    this.changedDuringWalk.clear();
    const dirs = new Set([...before, ...this.units.keys(), ...compose.map(dirname), ...dockerfiles.map(dirname), ...[...this.openCompose, ...this.openDockerfiles].map(dirname)]);
    // Open documents first: they are what the user looks at.
    const open = [...this.openCompose, ...this.openDockerfiles].map(dirname);
    this.enqueue([...open, ...[...dirs].sort()]);
  }

  /** Re-lints every known folder (settings changed). */
  relintAll(): void {
    this.generation++;
    this.queue.length = 0;
    this.queued.clear();
    this.enqueue([...[...this.openCompose, ...this.openDockerfiles].map(dirname), ...this.units.keys(), ...[...this.scannedCompose, ...this.scannedDockerfiles].map(dirname)]);
  }

  /** A workspace walk started: {@link busy} and {@link whenIdle} wait for its {@link setScanned}. */
  startWalk(): void {
    this.walking = true;
    this.changedDuringWalk.clear();
  }

  /** A walk failed: stop waiting for it (the previous scan's files stay). */
  endWalk(): void {
    this.walking = false;
    this.changedDuringWalk.clear();
    this.schedule();
  }

  isScanned(file: string): boolean {
    return this.scannedCompose.has(file) || this.scannedDockerfiles.has(file);
  }

  open(file: string, kind: 'compose' | 'dockerfile'): void {
    (kind === 'compose' ? this.openCompose : this.openDockerfiles).add(file);
    this.index = undefined;
    this.forced.add(file);
    this.changed([file], true);
  }

  close(file: string): void {
    this.openCompose.delete(file);
    this.openDockerfiles.delete(file);
    this.index = undefined;
    this.changed([file]);
  }

  /** A file was created on disk. */
  created(file: string, kind: 'compose' | 'dockerfile' | 'other'): void {
    if (kind === 'compose') this.scannedCompose.add(file);
    if (kind === 'dockerfile') this.scannedDockerfiles.add(file);
    if (this.walking && kind !== 'other') this.changedDuringWalk.set(file, kind);
    this.index = undefined;
    this.changed([file]);
  }

  deleted(file: string): void {
    this.scannedCompose.delete(file);
    this.scannedDockerfiles.delete(file);
    if (this.walking) this.changedDuringWalk.set(file, undefined);
    this.index = undefined;
    this.changed([file]);
  }

  /**
   * Files changed (edited, saved, created, deleted): re-lint their own folder and
   * every folder whose analysis read them. `urgent` puts them before the scan.
   */
  changed(files: readonly string[], urgent = false): void {
    const dirs: string[] = [];
    for (const file of files) {
      dirs.push(dirname(file));
      for (const dir of this.dependents.get(file) ?? []) dirs.push(dir);
    }
    this.enqueue(dirs, urgent || files.some((f) => this.openCompose.has(f) || this.openDockerfiles.has(f)));
  }

  /** The findings currently published for a file, merged across the folders that report in it. */
  findingsFor(file: string): Finding[] {
    const merged: Finding[] = [];
    const seen = new Set<string>();
    for (const dir of this.contributors.get(file) ?? []) {
      for (const finding of this.units.get(dir)?.findingsByFile.get(file) ?? []) {
        const key = findingKey(finding);
        if (seen.has(key)) continue;
        seen.add(key);
        merged.push(finding);
      }
    }
    return merged.sort(compareFindings);
  }

  /** The folders whose analysis read a file (its own folder first). */
  unitsReading(file: string): Unit[] {
    const own = this.units.get(dirname(file));
    const result: Unit[] = own && own.deps.has(file) ? [own] : [];
    for (const dir of this.dependents.get(file) ?? []) {
      const unit = this.units.get(dir);
      if (unit && unit !== own) result.push(unit);
    }
    return result;
  }

  /** Whether a file is open in the editor (and analysed by the server). */
  isOpen(file: string): boolean {
    return this.openCompose.has(file) || this.openDockerfiles.has(file);
  }

  /**
   * A unit's full analysis: the kept one for folders that read an open document, else
   * recomputed (with a private parse cache, so nothing grows) and kept for a few requests.
   */
  resultOf(unit: Unit): LintResult | undefined {
    if (unit.result) return unit.result;
    const kept = this.recomputed.get(unit.dir);
    if (kept) {
      this.recomputed.delete(unit.dir);
      this.recomputed.set(unit.dir, kept);
      return kept;
    }
    let analysed: ReturnType<WorkspaceAnalysis['analyse']>;
    try {
      analysed = this.hooks.enabled() ? this.analyse(unit.dir, this.hooks.host, new ParseCache()) : undefined;
    } catch (error) {
      this.hooks.error(`vsafe: analysis of ${unit.dir} failed: ${(error as Error).stack ?? String(error)}`);
      return undefined;
    }
    if (!analysed) return undefined;
    this.recomputed.set(unit.dir, analysed.result);
    for (const dir of this.recomputed.keys()) {
      if (this.recomputed.size <= RECOMPUTED_KEPT) break;
      this.recomputed.delete(dir);
    }
    return analysed.result;
  }

  /** A finding's fixes; for a finding of a folder without open documents, from a fresh analysis of that folder. */
  fixesOf(finding: Finding): Fix[] {
    if (!this.stripped.has(finding)) return finding.fixes;
    const key = findingKey(finding);
    for (const unit of this.unitsReportingIn(finding.location.file)) {
      const match = this.resultOf(unit)?.findings.find((f) => findingKey(f) === key);
      if (match) return match.fixes;
    }
    return [];
  }

  /** The units that report findings in a file. */
  unitsReportingIn(file: string): Unit[] {
    return [...(this.contributors.get(file) ?? [])].map((d) => this.units.get(d)).filter((u): u is Unit => u !== undefined);
  }

  get busy(): boolean {
    return this.walking || this.queue.length > 0;
  }

  /** The inputs of a folder: its known compose files and Dockerfiles. */
  inputs(dir: string): { compose: string[]; dockerfiles: string[] } {
    if (!this.index) {
      const index = new Map<string, { compose: Set<string>; dockerfiles: Set<string> }>();
      const add = (files: Set<string>, kind: 'compose' | 'dockerfiles'): void => {
        for (const file of files) {
          const d = dirname(file);
          let entry = index.get(d);
          if (!entry) index.set(d, (entry = { compose: new Set(), dockerfiles: new Set() }));
          entry[kind].add(file);
        }
      };
      add(this.scannedCompose, 'compose');
      add(this.openCompose, 'compose');
      add(this.scannedDockerfiles, 'dockerfiles');
      add(this.openDockerfiles, 'dockerfiles');
      this.index = index;
    }
    const entry = this.index.get(dir);
    return { compose: entry ? [...entry.compose].sort() : [], dockerfiles: entry ? [...entry.dockerfiles].sort() : [] };
  }

  /** Folder → its files; rebuilt after the file sets change. */
  private index: Map<string, { compose: Set<string>; dockerfiles: Set<string> }> | undefined;

  /**
   * Lints one folder's files with `host` (the real one, or an overlay for fix-all) and
   * returns the result with what it read. Parse errors are left out: syntax belongs to
   * the YAML and Dockerfile extensions.
   */
  analyse(dir: string, host: FileHost, cache: ParseCache): { result: LintResult; read: Set<string> } | undefined {
    const { compose, dockerfiles } = this.inputs(dir);
    if (compose.length === 0 && dockerfiles.length === 0) return undefined;
    const config = this.hooks.configFor(dir);
    if (!config) return undefined;
    const recording = new RecordingHost(host);
    const request: LintRequest = { files: compose, dockerfiles, context: this.hooks.contextFor?.(dir, compose), host: recording, cache, config };
    const result = lint(request);
    result.findings = result.findings.filter((f) => f.rule !== PARSE_ERROR_RULE);
    for (const file of [...compose, ...dockerfiles, ...result.files]) recording.read.add(file);
    for (const configuration of result.configurations) {
      for (const workload of configuration.workloads) if (workload.origin.dockerfile) recording.read.add(workload.origin.dockerfile);
    }
    return { result, read: recording.read };
  }

  private lintUnit(dir: string): void {
    const start = performance.now();
    const previous = this.units.get(dir);
    // The previous analysis is replaced whatever happens: let the collector have its trees
    // while the new ones are built (a 14,000-line file's are tens of megabytes).
    if (previous) previous.result = undefined;
    this.recomputed.delete(dir);
    let analysed: ReturnType<WorkspaceAnalysis['analyse']>;
    try {
      analysed = this.hooks.enabled() ? this.analyse(dir, this.hooks.host, this.hooks.cache) : undefined;
    } catch (error) {
      this.hooks.error(`vsafe: analysis of ${dir} failed: ${(error as Error).stack ?? String(error)}`);
      analysed = undefined;
    }
    const touched = new Set<string>(previous ? previous.findingsByFile.keys() : []);
    if (previous) for (const file of previous.deps) this.dependents.get(file)?.delete(dir);
    for (const file of touched) this.contributors.get(file)?.delete(dir);
    if (!analysed) {
      this.units.delete(dir);
    } else {
      const findingsByFile = new Map<string, Finding[]>();
      for (const finding of analysed.result.findings) appendTo(findingsByFile, finding.location.file, finding);
      const unit: Unit = { dir, result: analysed.result, findingsByFile, deps: analysed.read };
      this.units.set(dir, unit);
      for (const file of unit.deps) addTo(this.dependents, file, dir);
      for (const file of findingsByFile.keys()) {
        addTo(this.contributors, file, dir);
        touched.add(file);
      }
      for (const file of analysed.result.files) touched.add(file);
    }
    const inputs = this.inputs(dir);
    for (const file of [...inputs.compose, ...inputs.dockerfiles]) touched.add(file);
    const analysedAt = performance.now();
    for (const file of touched) {
      const force = this.forced.delete(file);
      this.hooks.publish(file, this.findingsFor(file), force);
    }
    const end = performance.now();
    this.stats.units++;
    this.stats.analysis += analysedAt - start;
    this.stats.publish += end - analysedAt;
    this.hooks.analysed?.(dir, touched, { start, analysed: analysedAt, end });
    const unit = this.units.get(dir);
    if (unit?.result) this.slim(unit);
  }

  /**
   * Summarises a fresh analysis; unless the folder reads an open document, drops the
   * analysis and the parses only it needed (the parse cache would otherwise keep a YAML
   * tree for every file of the workspace).
   */
  private slim(unit: Unit): void {
    const result = unit.result!;
    unit.summary = this.hooks.summarise?.(result);
    if ([...unit.deps].some((file) => this.isOpen(file))) return;
    unit.result = undefined;
    for (const findings of unit.findingsByFile.values()) {
      for (const finding of findings) {
        if (dropLazyFixes(finding)) this.stripped.add(finding);
      }
    }
    const dockerfiles = dockerfileCacheFor(this.hooks.cache);
    for (const file of unit.deps) {
      if (this.readByKeptUnit(file)) continue;
      this.hooks.cache.delete(file);
      dockerfiles.delete(file);
    }
  }

  /** Whether a unit that keeps its analysis (reads an open document) read `file`. */
  private readByKeptUnit(file: string): boolean {
    for (const dir of this.dependents.get(file) ?? []) if (this.units.get(dir)?.result) return true;
    return false;
  }

  private enqueue(dirs: readonly string[], urgent = false): void {
    const fresh = [...new Set(dirs)];
    if (urgent) {
      for (const dir of fresh) {
        if (this.queued.has(dir)) this.queue.splice(this.queue.indexOf(dir), 1);
        this.queued.add(dir);
      }
      this.queue.unshift(...fresh);
    } else {
      for (const dir of fresh) {
        if (this.queued.has(dir)) continue;
        this.queued.add(dir);
        this.queue.push(dir);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    const started = Date.now();
    while (this.queue.length > 0 && Date.now() - started < SLICE_MS) {
      const dir = this.queue.shift()!;
      this.queued.delete(dir);
      this.lintUnit(dir);
    }
    if (this.queue.length > 0) {
      setImmediate(() => this.pump());
      return;
    }
    this.pumping = false;
    this.hooks.idle();
    if (!this.walking) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Resolves once no walk is running and the queue is empty (tests, the inventory request). */
  whenIdle(): Promise<void> {
    if (!this.walking && !this.pumping && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

export function findingKey(finding: Finding): string {
  const r = finding.location.range;
  return [finding.rule, finding.location.file, r.start.line, r.start.character, r.end.line, r.end.character, finding.service, finding.containerPath, finding.message].join('\u0000');
}
