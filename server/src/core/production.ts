import picomatch from 'picomatch';
import type { Document } from 'yaml';
import { ObjectSlot } from './collections';
import { commentsOfText, documentComments, headingComments } from './compose/comments';
import { BASE_NAMES, composeFileRole, OVERRIDE_NAMES } from './compose/files';
import type { ComposeFileModel } from './compose/parse';
import { sourceTextOf } from './compose/source';
import type { VsafeConfig } from './config';
import { basename, dirname, joinPath } from './paths';
import { composeFileListOf, type ComposeConfiguration, type ParseCache } from './project';
import type { FileHost } from './types';

/**
 * Which compose configurations are production (SPEC §3 "Production"):
 * - a file name with a `prod`, `production`, `prd`, `live`, `release` or `stack` word,
 * - a `# vsafe: production` comment heading the file,
 * - a file matching the `production` globs of the config (relative to the config's folder),
 * - or every configuration when the CLI is run with `--production`.
 * Names with an `override`, `dev`, `development`, `local`, `test` or `ci` word are never
 * production by name, glob or `--production`; only an explicit header can say otherwise.
 * A base file merged with a production file is checked as part of that configuration.
 */

const PRODUCTION_WORDS = new Set(['prod', 'production', 'prd', 'live', 'release', 'stack']);
const NEVER_WORDS = new Set(['override', 'dev', 'development', 'local', 'test', 'ci']);

export type ProductionReason =
  | { kind: 'name'; word: string }
  | { kind: 'header' }
  | { kind: 'glob'; glob: string }
  | { kind: 'assumed' };

export interface ProductionFile {
  file: string;
  reason: ProductionReason;
}

export interface ProductionInfo {
  production: boolean;
  /** The files that make the configuration production (empty when it is not). */
  productionFiles: ProductionFile[];
  /** Files of the configuration that are development-only (`compose.override.yaml`, `compose.dev.yaml`). */
  developmentFiles: string[];
  /**
   * The override file development uses next to the base (`compose.override.yaml`):
   * its path, and its parsed model when it exists. Undefined when the configuration has no base.
   */
  override?: { file: string; model?: ComposeFileModel };
  /**
   * `COMPOSE_FILE` in `.env` lists the base but no development file: what development runs
   * is not known, so a mount removed from the base may be taken from it.
   */
  unlistedDevelopment?: boolean;
}

export interface ProductionOptions {
  config?: Pick<VsafeConfig, 'production' | 'root' | 'assumeProduction'>;
  host?: FileHost;
  cache?: ParseCache;
}

/** The words of a file name: `docker-compose.prod-eu.yml` → docker, compose, prod, eu. */
export function fileNameWords(file: string): string[] {
  const name = basename(file).replace(/\.ya?ml$/i, '');
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** A development-only name: never production whatever else it says. */
export function isDevelopmentFileName(file: string): boolean {
  return fileNameWords(file).some((w) => NEVER_WORDS.has(w));
}

export function productionWord(file: string): string | undefined {
  if (isDevelopmentFileName(file)) return undefined;
  const words = fileNameWords(file);
  // `docker-compose.live-reload.yml` is development's hot reload, not a live deployment.
  return words.find((w, i) => PRODUCTION_WORDS.has(w) && !(w === 'live' && /^reload/.test(words[i + 1] ?? '')));
}

/** Words of test and CI file names (`compose.test.yaml`, `docker-compose.e2e.yml`) and folders (`.ci/`, `e2e/`). */
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'ci', 'e2e', 'integration', 'cypress', 'playwright']);

/**
 * A compose file for tests or CI: its name, or the folder it is in, says so. Its databases
 * are throw-away by design: fresh on every run, on tmpfs or in the container layer.
 */
export function isTestFile(file: string): boolean {
  const folder = basename(dirname(file)).toLowerCase().replace(/^\./, '');
  return fileNameWords(file).some((w) => TEST_WORDS.has(w)) || TEST_WORDS.has(folder);
}

const HEADER = /^\s*vsafe:\s*production\s*$/i;

/**
 * `# vsafe: production` among the comments heading a file (before its first content). With
 * a document, its memoised comments answer; without one (a file that failed to parse), its text is lexed.
 */
export function hasProductionHeader(doc: Document.Parsed | undefined, text: string): boolean {
  const heading = doc ? headingComments(documentComments(doc), sourceTextOf(doc) ?? text) : headingComments(commentsOfText(text), text);
  return heading.some((comment) => HEADER.test(comment.text));
}

/** The path of `file` relative to `root`, or undefined when it is outside. */
function relativeTo(root: string, file: string): string | undefined {
  const base = root.endsWith('/') ? root : root + '/';
  return file.startsWith(base) ? file.slice(base.length) : undefined;
}

export function matchingProductionGlob(file: string, globs: readonly string[], root: string | undefined): string | undefined {
  if (globs.length === 0) return undefined;
  const relative = root !== undefined ? relativeTo(root, file) : undefined;
  const subject = relative ?? basename(file);
  for (const glob of globs) {
    const pattern = glob.replace(/^\.\//, '');
    // An absolute glob (the CLI rebases globs outside the config folder) matches the absolute path.
    const target = pattern.startsWith('/') ? file : subject;
    if (picomatch.isMatch(target, pattern, { dot: true, windows: false, basename: !pattern.includes('/') })) return glob;
  }
  return undefined;
}

/** Why one file makes its configuration production, if it does. */
export function productionReason(file: string, model: Pick<ComposeFileModel, 'doc' | 'text'> | undefined, options: ProductionOptions = {}): ProductionReason | undefined {
  if (model && hasProductionHeader(model.doc, model.text)) return { kind: 'header' };
  if (isDevelopmentFileName(file)) return undefined;
  const word = productionWord(file);
  if (word) return { kind: 'name', word };
  const glob = matchingProductionGlob(file, options.config?.production ?? [], options.config?.root);
  if (glob) return { kind: 'glob', glob };
  return undefined;
}

/** Decides whether a configuration is production, and which files make it so. */
export function analyseProduction(configuration: Pick<ComposeConfiguration, 'files' | 'dir'>, options: ProductionOptions = {}): ProductionInfo {
  const productionFiles: ProductionFile[] = [];
  const developmentFiles: string[] = [];
  for (const model of configuration.files) {
    if (isDevelopmentFileName(model.file) && !hasProductionHeader(model.doc, model.text)) developmentFiles.push(model.file);
    const reason = productionReason(model.file, model, options);
    if (reason) productionFiles.push({ file: model.file, reason });
  }
  if (productionFiles.length === 0 && options.config?.assumeProduction) {
    // `--production`: the files that are not development-only are what gets deployed.
    const deployed = configuration.files.find((m) => !developmentFiles.includes(m.file));
    if (deployed) productionFiles.push({ file: deployed.file, reason: { kind: 'assumed' } });
  }
  const info: ProductionInfo = { production: productionFiles.length > 0, productionFiles, developmentFiles };
  const base = configuration.files.find((m) => composeFileRole(m.file).kind === 'base');
  if (base) {
    const listed = options.host ? composeFileListOf(base.file, options.host) : undefined;
    info.override = overrideFor(base.file, listed, options);
    if (!info.override && listed) info.unlistedDevelopment = true;
  }
  return info;
}

/**
 * Where development-only mounts go: `compose.override.yaml` next to a base file (the
 * existing one, or the name to create). When a `.env` sets `COMPOSE_FILE`, Compose loads
 * that list instead and never the override: its development file (`docker-compose.dev.yml`)
 * is the place, and with none there is no such place.
 */
function overrideFor(baseFile: string, listed: readonly string[] | undefined, options: ProductionOptions): ProductionInfo['override'] {
  if (listed) {
    const development = listed.find((file) => composeFileRole(file).kind === 'override') ?? listed.find((file) => file !== baseFile && isDevelopmentFileName(file));
    if (!development) return undefined;
    const text = options.host?.readFile(development);
    return text !== undefined ? { file: development, model: options.cache?.get(development, text) } : { file: development };
  }
  const dir = dirname(baseFile);
  for (const name of OVERRIDE_NAMES) {
    const file = joinPath(dir, name);
    const text = options.host?.readFile(file);
    if (text !== undefined) return { file, model: options.cache?.get(file, text) };
  }
  // Mirror the base's naming: docker-compose.yml → docker-compose.override.yml.
  const baseName = basename(baseFile);
  const index = BASE_NAMES.indexOf(baseName);
  const name = index >= 0 ? OVERRIDE_NAMES[index]! : 'compose.override.yaml';
  return { file: joinPath(dir, name) };
}

const INFO = new ObjectSlot<object, ProductionInfo>('vsafe.productionInfo');

/** Decides production for a loaded configuration and records it (lint calls this right after loading). */
export function markProduction(configuration: ComposeConfiguration, options: ProductionOptions = {}): ProductionInfo {
  const info = analyseProduction(configuration, options);
  configuration.production = info.production;
  INFO.set(configuration, info);
  return info;
}

/** What `markProduction` decided; recomputed (without host access) when it was not called. */
export function productionInfo(configuration: ComposeConfiguration): ProductionInfo {
  return INFO.get(configuration) ?? analyseProduction(configuration);
}

export function describeProductionReason(entry: ProductionFile): string {
  const name = basename(entry.file);
  switch (entry.reason.kind) {
    case 'name':
      return `${name} is a production file (its name says "${entry.reason.word}")`;
    case 'header':
      return `${name} is marked \`# vsafe: production\``;
    case 'glob':
      return `${name} matches the production glob "${entry.reason.glob}"`;
    case 'assumed':
      return `${name} is checked as production (--production)`;
  }
}

/** The parsed file of a configuration (given with -f, included or extended) by path. */
export function modelOf(configuration: Pick<ComposeConfiguration, 'files'> & { includedFiles?: ComposeFileModel[] }, file: string): ComposeFileModel | undefined {
  return configuration.files.find((f) => f.file === file) ?? configuration.includedFiles?.find((f) => f.file === file);
}
