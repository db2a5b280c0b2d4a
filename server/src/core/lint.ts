import type { VsafeConfig } from './config';
import { emptyConfig } from './config';
import { KnowledgeBase, parseImageRef } from './knowledge/lookup';
import type { BuiltImage } from './model';
import { dirname } from './paths';
import { loadConfiguration, ParseCache, planConfigurations, templatePlans, type ComposeConfiguration } from './project';
import { RULES } from './rules';
import { isDockerfileName, isStackFileName } from './compose/files';
import { dockerfileCacheFor, type DockerfileCache } from './dockerfile/cache';
import { appendTo } from './collections';
import { linkBuilds, type BuildLink } from './dockerfile/link';
import { markProduction } from './production';
import { applySuppressions, UNUSED_SUPPRESSION_RULE } from './suppress';
import { docsUrl, formatMessage, type Report, type Rule } from './rules/types';
import { SEVERITY_ORDER, type FileHost, type Finding, type Fix, type Severity } from './types';

export const PARSE_ERROR_RULE = 'parse-error';

export interface LintRequest {
  /** Absolute `/`-separated paths of the compose files to analyse. */
  files: readonly string[];
  host: FileHost;
  config?: VsafeConfig;
  cache?: ParseCache;
  /** Dockerfiles to analyse (Dockerfiles named in `files` count too); those a compose service builds are always analysed. */
  dockerfiles?: readonly string[];
  /** Keeps Dockerfile parses across runs; by default one cache per `cache`. */
  dockerfileCache?: DockerfileCache;
  /**
   * Compose files of the same projects that are not checked themselves. Their configurations
   * are analysed with the others, so a file checked alone gets the findings a check of its
   * folder gives it: `compose.prod.yaml` next to a `compose.yaml` checked alone still mounts
   * the volume the base declares, and still deploys the base's source mounts. Findings only
   * in files that context configurations alone read are dropped.
   */
  context?: readonly string[];
}

export interface LintResult {
  findings: Finding[];
  /** Every file the analysis read, so callers can publish (or clear) diagnostics for each. */
  files: string[];
  /** The configurations of the checked files (not those only the context adds). */
  configurations: ComposeConfiguration[];
}

export function lint(request: LintRequest): LintResult {
  const config = request.config ?? emptyConfig();
  const cache = request.cache ?? new ParseCache();
  const dockerfileCache = request.dockerfileCache ?? dockerfileCacheFor(cache);
  const composeFiles = request.files.filter((f) => !isDockerfileName(f));
  const requestedDockerfiles = [...(request.dockerfiles ?? []), ...request.files.filter((f) => isDockerfileName(f))];
  const buildLinks: BuildLink[] = [];
  const knowledge = KnowledgeBase.builtIn(config.images);
  const findings: Finding[] = [];
  // Findings by rule, file and start: a report identical to an earlier one is dropped.
  const seen = new Map<string, Finding[]>();
  const files = new Set<string>();
  const configurations: ComposeConfiguration[] = [];
  const contextConfigurations: ComposeConfiguration[] = [];
  const add = (finding: Finding): void => {
    const start = finding.location.range.start;
    const key = `${finding.rule}\u0000${finding.location.file}\u0000${start.line}:${start.character}`;
    const same = seen.get(key);
    if (same?.some((earlier) => isSameReport(earlier, finding))) return;
    if (same) same.push(finding);
    else seen.set(key, [finding]);
    findings.push(finding);
  };
  const planned = planConfigurations(composeFiles, request.host, cache);
  // Context configurations are analysed like the others, so a checked file gets the very
  // findings a check of its whole folder gives it; what they report only in their own files is dropped.
  const context = contextPlans(planned, composeFiles, request, cache);
  // A file that is only a template for `extends` is checked through the files that extend it.
  const templates = templatePlans([...planned, ...context], request.host, cache);
  const plans = planned.filter((_, index) => !templates.has(index));
  const contextFiles = new Set<string>();
  const checkedBuilds = new Set<string>();
  for (const index of templates) if (index < planned.length) planned[index]!.forEach((file) => files.add(file));
  for (const [index, plan] of [...plans, ...context].entries()) {
    const checked = index < plans.length;
    const configuration = loadConfiguration(plan, request.host, cache);
    markProduction(configuration, { config, host: request.host, cache });
    (checked ? configurations : contextConfigurations).push(configuration);
    // Services with `build:` see the base image, ENV and VOLUMEs of their Dockerfile.
    const links = linkBuilds(configuration, request.host, dockerfileCache);
    buildLinks.push(...links);
    for (const link of links) (checked ? checkedBuilds : contextFiles).add(link.dockerfile.file);
    // Included and extended files are read too: their own problems are reported in them.
    for (const file of [...configuration.files, ...configuration.includedFiles]) {
      (checked ? files : contextFiles).add(file.file);
      for (const problem of file.problems) {
        add({ rule: PARSE_ERROR_RULE, severity: 'error', message: problem.message, location: { file: problem.file, range: problem.range }, fixes: [], related: [] });
      }
    }
    // Problems of the project as a whole (a missing included file, an `extends` cycle), at the referencing node.
    for (const problem of configuration.problems) {
      add({ rule: PARSE_ERROR_RULE, severity: 'error', message: problem.message, location: { file: problem.file, range: problem.range }, fixes: [], related: [] });
    }
  }
  // Rules run once every configuration is loaded, so a rule can ask about the others
  // (a volume declared in the base and used only by `compose.prod.yaml` is used).
  const all = contextConfigurations.length > 0 ? [...configurations, ...contextConfigurations] : configurations;
  linkImagesBuiltNearby(all);
  for (const configuration of all) {
    // A Swarm stack is not run with `docker compose`: its messages say what Swarm does.
    const swarm = configuration.files.length > 0 && configuration.files.every((f) => isStackFileName(f.file));
    for (const rule of RULES) {
      const severity = ruleSeverity(rule, config);
      if (!severity || !rule.checkCompose) continue;
      rule.checkCompose({ configuration, configurations: all, knowledge, report: (report) => add(toFinding(rule, severity, report, swarm)) });
    }
  }
  // Dockerfiles: every one asked for, and every one a checked compose service builds.
  const linksByDockerfile = new Map<string, BuildLink[]>();
  for (const link of buildLinks) appendTo(linksByDockerfile, link.dockerfile.file, link);
  for (const file of new Set([...requestedDockerfiles, ...checkedBuilds])) {
    const text = request.host.readFile(file);
    if (text === undefined) continue;
    files.add(file);
    const dockerfile = dockerfileCache.get(file, text);
    const builds = linksByDockerfile.get(file) ?? [];
    for (const rule of RULES) {
      const severity = ruleSeverity(rule, config);
      if (!severity || !rule.checkDockerfile) continue;
      rule.checkDockerfile({ dockerfile, builds, knowledge, report: (report) => add(toFinding(rule, severity, report)) });
    }
  }
  // Suppression comments (`# vsafe-ignore …`) apply to every finding, in any file; stale ones are reported.
  const suppression = applySuppressions(findings, {
    readFile: (file) => request.host.readFile(file),
    files: [...files],
    knownRules: new Set(RULES.map((rule) => rule.meta.id)),
    severityOf: (id) => {
      const rule = RULES.find((r) => r.meta.id === id);
      return rule ? ruleSeverity(rule, config) : undefined;
    },
    messages: RULES.find((rule) => rule.meta.id === UNUSED_SUPPRESSION_RULE)?.meta.messages ?? {},
  });
  const checkedFindings = contextFiles.size > 0 ? suppression.findings.filter((f) => files.has(f.location.file) || !contextFiles.has(f.location.file)) : suppression.findings;
  findings.splice(0, findings.length, ...checkedFindings);
  findings.sort(compareFindings);
  return { findings, files: [...files], configurations };
}

/** The configurations the context files add to those of the checked files (none without context). */
function contextPlans(plans: readonly string[][], composeFiles: readonly string[], request: LintRequest, cache: ParseCache): string[][] {
  const context = (request.context ?? []).filter((f) => !isDockerfileName(f) && !composeFiles.includes(f));
  if (context.length === 0) return [];
  const checked = new Set(plans.map((plan) => plan.join('\u0000')));
  return planConfigurations([...composeFiles, ...context], request.host, cache).filter((plan) => !checked.has(plan.join('\u0000')));
}

/**
 * A service that runs an image another service of the same folder builds (`image: atsea_db`
 * in docker-stack.yml, `build: ./database` + `image: atsea_db` in docker-compose.yml, the
 * build-push-deploy workflow) is judged by that build's Dockerfile.
 */
function linkImagesBuiltNearby(configurations: readonly ComposeConfiguration[]): void {
  const key = (configuration: ComposeConfiguration, image: string): string | undefined => {
    const repository = parseImageRef(image)?.repository;
    const first = configuration.files[0]?.file;
    return repository && first ? `${dirname(first)}\u0000${repository}` : undefined;
  };
  const builds = new Map<string, BuiltImage>();
  for (const configuration of configurations) {
    for (const workload of configuration.workloads) {
      const k = workload.build && workload.image ? key(configuration, workload.image.value) : undefined;
      if (k && !builds.has(k)) builds.set(k, workload.build!);
    }
  }
  if (builds.size === 0) return;
  for (const configuration of configurations) {
    for (const workload of configuration.workloads) {
      if (workload.build || !workload.image) continue;
      const k = key(configuration, workload.image.value);
      const built = k ? builds.get(k) : undefined;
      if (built) workload.imageBuiltBy = built;
    }
  }
}

/** Same end, service, container path and message (rule, file and start are the caller's key). */
function isSameReport(a: Finding, b: Finding): boolean {
  const ea = a.location.range.end;
  const eb = b.location.range.end;
  return ea.line === eb.line && ea.character === eb.character && a.service === b.service && a.containerPath === b.containerPath && a.message === b.message;
}

function ruleSeverity(rule: Rule, config: VsafeConfig): Severity | undefined {
  const setting = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/**
 * What the messages say Compose does to an anonymous volume, and what Swarm does instead: it
 * starts a new container, with a new anonymous volume, for every task (an update, a redeploy,
 * a move to another node), and `docker compose down` is not how a stack is run.
 */
const SWARM_WORDING: readonly (readonly [string, string])[] = [
  ['`docker compose down` orphans it and the next `up` starts empty', 'Swarm gives every new task (an update, a redeploy, a move to another node) a new, empty one'],
  ['after `docker compose down` the next `up` creates a new, empty volume and the old one is left orphaned', 'every new task Swarm starts (an update, a redeploy, a move to another node) gets a new, empty volume and the old one is left behind'],
  ['`docker compose down` orphans, so the next `up` starts empty', 'each new task Swarm starts replaces with an empty one'],
  ['`docker compose down` orphans', 'each new task Swarm starts replaces with an empty one'],
];

function toFinding(rule: Rule, severity: Severity, report: Report, swarm = false): Finding {
  let template = rule.meta.messages[report.messageId] ?? report.messageId;
  if (swarm) for (const [compose, stack] of SWARM_WORDING) template = template.split(compose).join(stack);
  const capped = report.severityCap && SEVERITY_ORDER[report.severityCap] < SEVERITY_ORDER[severity] ? report.severityCap : severity;
  const finding: Finding = {
    rule: rule.meta.id,
    severity: capped,
    message: formatMessage(template, report.data),
    location: report.location,
    service: report.service,
    services: report.services,
    containerPath: report.containerPath,
    fixes: typeof report.fixes === 'function' ? [] : (report.fixes ?? []),
    related: report.related ?? [],
  };
  if (typeof report.fixes === 'function') defineLazyFixes(finding, report.fixes);
  return finding;
}

/** Where a finding with lazily computed fixes keeps its state (a non-enumerable own property). */
const LAZY_FIXES = Symbol('vsafe.lazyFixes');

interface LazyFixes {
  compute: (() => Fix[]) | undefined;
  fixes: Fix[] | undefined;
}

type LazyFinding = Finding & { [LAZY_FIXES]?: LazyFixes };

function readLazyFixes(this: LazyFinding): Fix[] {
  const state = this[LAZY_FIXES]!;
  if (state.fixes === undefined) {
    state.fixes = state.compute?.() ?? [];
    state.compute = undefined;
  }
  return state.fixes;
}

function writeLazyFixes(this: LazyFinding, value: Fix[]): void {
  const state = this[LAZY_FIXES]!;
  state.fixes = value;
  state.compute = undefined;
}

/*
 * One getter and setter for every finding. A property accessor made of fresh closures per
 * object gives each object a hidden class of its own, allocated where the garbage collector's
 * minor collections treat it as live: the closures, and through them the whole configuration
 * a fix edits, then outlived every analysis until a major collection (in a workspace scan,
 * 17% of the time went to the collector).
 */
const LAZY_FIXES_ACCESSOR: PropertyDescriptor = { enumerable: true, configurable: true, get: readLazyFixes, set: writeLazyFixes };

/**
 * Makes `finding.fixes` computed on first read (an own, enumerable property, so spreads
 * and JSON copy the computed fixes like any other field).
 */
function defineLazyFixes(finding: Finding, compute: () => Fix[]): void {
  Object.defineProperty(finding, LAZY_FIXES, { value: { compute, fixes: undefined } satisfies LazyFixes, writable: true, configurable: true });
  Object.defineProperty(finding, 'fixes', LAZY_FIXES_ACCESSOR);
}

/**
 * Replaces lazily computed fixes, computed yet or not, by none, letting go of what computing
 * them would need (the parsed files). True when the finding had lazily computed fixes.
 */
export function dropLazyFixes(finding: Finding): boolean {
  const lazy = finding as LazyFinding;
  if (!lazy[LAZY_FIXES]) return false;
  delete lazy[LAZY_FIXES];
  Object.defineProperty(finding, 'fixes', { value: [], writable: true, enumerable: true, configurable: true });
  return true;
}

export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location.file;
  const fb = b.location.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  const ra = a.location.range.start;
  const rb = b.location.range.start;
  return ra.line - rb.line || ra.character - rb.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export { docsUrl };
