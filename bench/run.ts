/**
 * `npm run bench`: vsafe's speed, as ratios against baselines measured in the same
 * run (never absolute thresholds in unit tests). Prints a Markdown report; with
 * `--write` it also updates bench/README.md's results section.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { buildSync } from 'esbuild';
import { parseDocument } from 'yaml';
import { isDockerfileName, lint, ParseCache, type LintRequest } from '../server/src/core';
import { YAML_PARSE_OPTIONS } from '../server/src/core/compose/yaml';
import { NodeFileHost } from '../server/src/node/host';
import { generateCorpus, largeCompose, writeCorpus, type CorpusFile } from './corpus';
import { elapsedSince, formatMs, median } from './stats';
import { lspLatency, workspaceScan } from './lsp';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const DCLINT = path.join(ROOT, 'node_modules/dclint/bin/dclint.cjs');
const quick = process.argv.includes('--quick');
const out: string[] = [];
const log = (line = ''): void => {
  out.push(line);
  console.log(line);
};

function timeIt(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return elapsedSince(start);
}

/** Runs a and b alternately `rounds` times (after a warm-up) and returns both medians. */
function alternate(rounds: number, a: () => void, b: () => void): [number, number] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ta.push(timeIt(a));
    tb.push(timeIt(b));
  }
  return [median(ta), median(tb)];
}

const ms = (v: number): string => formatMs(v);

function memoryHost(files: readonly CorpusFile[], root: string): { host: NodeFileHost; compose: string[]; dockerfiles: string[] } {
  const host = new NodeFileHost();
  const compose: string[] = [];
  const dockerfiles: string[] = [];
  for (const f of files) {
    const full = `${root}/${f.path}`;
    host.setOverlay(full, f.text);
    if (isDockerfileName(f.path)) dockerfiles.push(full);
    else if (/compose[^/]*\.ya?ml$/.test(f.path)) compose.push(full);
  }
  return { host, compose, dockerfiles };
}

function inProcess(files: CorpusFile[]): void {
  log('## In-process analysis vs the parse floor');
  log('');
  const { host, compose, dockerfiles } = memoryHost(files, '/corpus');
  const composeTexts = compose.map((f) => host.readFile(f)!);
  // The floor: the `yaml` package parsing with the very options vsafe parses with.
  const opts = YAML_PARSE_OPTIONS;
  const request: LintRequest & { dockerfiles?: string[] } = { files: compose, host };
  // The compose analysis also reads the Dockerfiles that services build: their parse is part of the same files' floor.
  const built = lint({ ...request, cache: new ParseCache() }).files.filter((f) => isDockerfileName(f));
  const builtTexts = built.map((f) => host.readFile(f)!);
  const parseCompose = (): void => composeTexts.forEach((t) => parseDocument(t, opts));
  const parseAll = (): void => {
    parseCompose();
    builtTexts.forEach((t) => DockerfileParser.parse(t));
  };
  // Warm both sides up alike (the JIT), so neither pair below starts colder than the other.
  for (let i = 0; i < 3; i++) {
    parseAll();
    lint({ ...request, cache: new ParseCache() });
  }
  const [parse, full] = alternate(quick ? 3 : 9, parseCompose, () => lint({ ...request, cache: new ParseCache() }));
  const [parseBoth, full2] = alternate(quick ? 3 : 9, parseAll, () => lint({ ...request, cache: new ParseCache() }));
  const lines = composeTexts.reduce((n, t) => n + t.split('\n').length, 0);
  log(`Compose corpus: ${compose.length} files, ${lines} lines (incl. one 2,000-service file); the analysis also reads the ${built.length} Dockerfiles their services build.`);
  log('');
  log('| measure | median | ratio |');
  log('|---|---|---|');
  log(`| \`yaml\` parseDocument of every compose file (floor) | ${ms(parse)} | 1.00× |`);
  log(`| vsafe full analysis (parse + projects + all rules) | ${ms(full)} | ${(full / parse).toFixed(2)}× |`);
  log(`| the same floor plus dockerfile-ast's parse of the ${built.length} Dockerfiles the analysis reads | ${ms(parseBoth)} | 1.00× |`);
  log(`| vsafe full analysis, against that floor | ${ms(full2)} | ${(full2 / parseBoth).toFixed(2)}× |`);
  const dockerTexts = dockerfiles.map((f) => host.readFile(f)!);
  const withDockerfiles = { ...request, files: [...compose, ...dockerfiles], dockerfiles };
  // A round takes tens of milliseconds, where a stray collection or scheduler hiccup weighs: more rounds.
  const [dparse, dfull] = alternate(quick ? 5 : 41, () => dockerTexts.forEach((t) => DockerfileParser.parse(t)), () => lint({ ...withDockerfiles, files: dockerfiles, cache: new ParseCache() }));
  log(`| dockerfile-ast parse of ${dockerTexts.length} Dockerfiles (floor) | ${ms(dparse)} | 1.00× |`);
  log(`| vsafe Dockerfile analysis of the same files | ${ms(dfull)} | ${(dfull / dparse).toFixed(2)}× |`);
  log('');
}

function growth(): void {
  log('## Cost growth with the number of services');
  log('');
  log('| services | lines | `yaml` parse | vsafe analysis | ratio | µs per service |');
  log('|---|---|---|---|---|---|');
  // The floor: the `yaml` package parsing with the very options vsafe parses with.
  const opts = YAML_PARSE_OPTIONS;
  for (const n of [1, 10, 100, 500, 1000, 2000]) {
    const text = largeCompose(n);
    const host = new NodeFileHost();
    host.setOverlay('/g/compose.yaml', text);
    const rounds = n >= 1000 ? 5 : 15;
    const [parse, full] = alternate(rounds, () => parseDocument(text, opts), () => lint({ files: ['/g/compose.yaml'], host, cache: new ParseCache() }));
    log(`| ${n} | ${text.split('\n').length} | ${ms(parse)} | ${ms(full)} | ${(full / parse).toFixed(2)}× | ${((full * 1000) / n).toFixed(1)} |`);
  }
  log('');
}

function cliVsDclint(dir: string, composeFiles: string[]): void {
  log('## End to end: `vsafe check` vs dclint 3.1.0 (same files, run alternately)');
  log('');
  const run = (args: string[]): number => timeIt(() => spawnSync(process.execPath, args, { cwd: dir, stdio: 'ignore' }));
  // Every compose file of the corpus (the 14,000-line file included); --quick takes a 60-file slice.
  const rel = (quick ? composeFiles.slice(0, 60) : composeFiles).map((f) => path.relative(dir, f));
  const floor = path.join(dir, 'parse-floor.js');
  buildSync({ entryPoints: [path.join(__dirname, 'parse-floor.ts')], bundle: true, platform: 'node', minify: true, outfile: floor, logLevel: 'warning' });
  const vs: number[] = [];
  const dc: number[] = [];
  const fl: number[] = [];
  const rounds = quick ? 2 : 3;
  for (let i = 0; i < rounds; i++) {
    vs.push(run([CLI, 'check', '--format', 'json', ...rel]));
    dc.push(run([DCLINT, '-f', 'json', ...rel]));
    fl.push(run([floor, ...rel]));
  }
  const [v, d, f] = [median(vs), median(dc), median(fl)];
  const start = median([0, 1, 2].map(() => run(['-e', '0'])));
  log(`${rel.length} compose files, medians of ${rounds} alternating runs each (process start included; the shipped, minified CLI bundle):`);
  log('');
  log('| tool | median | ratio |');
  log('|---|---|---|');
  log(`| dclint 3.1.0 | ${ms(d)} | 1.00× |`);
  log(`| vsafe check | ${ms(v)} | ${(d / v).toFixed(1)}× faster |`);
  log(`| a script that only reads the same files and parses them with \`yaml\` (bundled and minified like the CLI) | ${ms(f)} | ${(d / f).toFixed(1)}× faster |`);
  log(`| \`node -e 0\` (Node's own start, in every figure) | ${ms(start)} | |`);
  log('');
}

async function main(): Promise<void> {
  // The bundles as they ship (npm prepack and the .vsix are built with --production).
  spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  log(`# vsafe benchmark`);
  log('');
  log(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}.`);
  log(`Corpus: generated with seed 42 (bench/corpus.ts).`);
  log('');
  const files = generateCorpus(42);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vsafe-bench-'));
  writeCorpus(dir, files);
  inProcess(files);
  growth();
  cliVsDclint(dir, files.filter((f) => /compose[^/]*\.ya?ml$/.test(f.path)).map((f) => path.join(dir, f.path)));
  await lspLatency(log, quick);
  await workspaceScan(log, quick);
  rmSync(dir, { recursive: true, force: true });
  (await import('./activation')).activation(log, quick);
  if (process.argv.includes('--write')) {
    const readme = path.join(__dirname, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = text.indexOf('<!-- results:start -->');
    const end = text.indexOf('<!-- results:end -->');
    writeFileSync(readme, text.slice(0, start + '<!-- results:start -->'.length) + '\n' + out.join('\n') + '\n' + text.slice(end));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
