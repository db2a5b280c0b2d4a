/**
 * The "Extension activation" section of `npm run bench` (called from bench/run.ts; also
 * runnable alone: `npx tsx bench/activation.ts [--quick]`, after `npm run build`).
 *
 * Two sources, reported separately because they measure different things:
 * 1. In VS Code: the figures the editor suite recorded in test-results/editors/activation.json
 *    (test/editors/suite/activation.ts): VS Code's own ActivationTimes for the extension, as
 *    code-server 1.100.3's extension host measured them while the suite started — one sample,
 *    on whatever else the machine was doing at that moment.
 * 2. In plain Node: `require(dist/extension.js)` + `activate()` against a stub `vscode`
 *    module, in fresh processes (median of several): the extension's own cost without
 *    VS Code, and, separately, the deferred load of dist/language-client.js.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ACTIVATION_JSON, type ActivationRecord } from '../test/editors/activation-record';
import { formatMs, median, type Log } from './stats';

const ROOT = path.resolve(__dirname, '..');
/** The budget for activation. */
const BUDGET_MS = 150;

const fmt = (v: number | null | undefined): string => formatMs(v, 1);

/**
 * One fresh Node process: a stub `vscode` (every member a callable, constructible,
 * assignable stand-in), then the timed `require` of the extension's main module, the timed
 * `activate()` call, `deactivate()` before the deferred client start can run, and the timed
 * `require` of the language-client bundle that the extension loads after activation.
 */
const CHILD = String.raw`
const Module = require('node:module');
function stub(name) {
  const members = new Map();
  const fn = function () {};
  return new Proxy(fn, {
    get(target, key) {
      if (key === 'then') return undefined;
      if (key === 'prototype') return fn.prototype;
      if (typeof key === 'symbol') return undefined;
      if (!members.has(key)) members.set(key, stub(name + '.' + key));
      return members.get(key);
    },
    set(target, key, value) { members.set(key, value); return true; },
    apply() { return stub(name + '()'); },
    construct() { return stub('new ' + name); },
  });
}
const vscode = stub('vscode');
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const [root] = process.argv.slice(1);
const path = require('node:path');
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
let t = process.hrtime.bigint();
const extension = require(path.join(root, 'dist/extension.js'));
const loadMs = ms(t);
const context = { subscriptions: [], extensionPath: root, asAbsolutePath: (p) => path.join(root, p) };
t = process.hrtime.bigint();
const api = extension.activate(context);
const activateMs = ms(t);
void extension.deactivate();
api.ready.catch(() => undefined);
t = process.hrtime.bigint();
require(path.join(root, 'dist/language-client.js'));
const clientLoadMs = ms(t);
process.stdout.write(JSON.stringify({ loadMs, activateMs, clientLoadMs }));
`;

interface ChildResult {
  loadMs: number;
  activateMs: number;
  clientLoadMs: number;
}

function recorded(log: Log): void {
  const file = path.join(ROOT, ACTIVATION_JSON);
  log('### In VS Code (code-server 1.100.3 extension host, recorded by the editor suite)');
  log('');
  if (!existsSync(file)) {
    log(`Not recorded: \`${ACTIVATION_JSON}\` is missing. Run the editor suite (\`node --import tsx --test test/editors/vscode.test.ts\`, needs \`bash test/editors/setup.sh\`).`);
    log('');
    return;
  }
  const record = JSON.parse(readFileSync(file, 'utf8')) as ActivationRecord;
  const s = record.summary;
  log(`VS Code's own ActivationTimes for \`vsafe.vsafe\` (${record.vscode ? '"Developer: Startup Performance" → Extension Activation Stats' : 'from the extension host\'s performance marks'}), ${record.host.appName} ${record.host.version}, ${record.vscode?.eager ? 'eager (workspaceContains) ' : ''}activation at ${record.measuredAt}; one sample, taken while the workbench was starting:`);
  log('');
  log('| step | time |');
  log('|---|---|');
  log(`| load code (\`require\` of dist/extension.js, ${record.bundles['dist/extension.js'] ?? '?'} bytes) | ${fmt(s.loadCodeMs)} |`);
  log(`| call \`activate()\` | ${fmt(s.callActivateMs)} |`);
  log(`| finish activate (\`activate()\`'s promise resolved) | ${fmt(s.finishActivateMs)} |`);
  log(`| **activation** (load started → \`activate()\` resolved) | **${fmt(s.activationMs)}** (budget ${BUDGET_MS} ms: ${s.activationMs < BUDGET_MS ? 'met' : 'NOT met'}) |`);
  log(`| "Show Running Extensions" figure (load + call) | ${fmt(s.runningExtensionsViewMs)} |`);
  log(`| after activation: language-client bundle loaded (${record.bundles['dist/language-client.js'] ?? '?'} bytes) | ${fmt(s.languageClientLoadMs)} |`);
  log(`| after activation: \`activate()\` called → language server running (\`api.ready\`) | ${fmt(s.activateToServerReadyMs)} |`);
  log('');
}

function inProcess(log: Log, quick: boolean): void {
  log('### In plain Node, against a stub `vscode` module (not VS Code)');
  log('');
  for (const name of ['dist/extension.js', 'dist/language-client.js']) {
    if (!existsSync(path.join(ROOT, name))) {
      log(`\`${name}\` is missing: run \`npm run build\`.`);
      log('');
      return;
    }
  }
  const rounds = quick ? 5 : 15;
  const results: ChildResult[] = [];
  for (let i = 0; i < rounds; i++) {
    const child = spawnSync(process.execPath, ['-e', CHILD, ROOT], { encoding: 'utf8', env: { ...process.env, VSAFE_ACTIVATION_MARKS: '' } });
    if (child.status !== 0) {
      log(`The measurement failed: ${child.stderr.trim().split('\n').slice(0, 3).join(' ')}`);
      log('');
      return;
    }
    results.push(JSON.parse(child.stdout) as ChildResult);
  }
  const size = (name: string): string => `${(statSync(path.join(ROOT, name)).size / 1024).toFixed(0)} KB`;
  const load = median(results.map((r) => r.loadMs));
  const call = median(results.map((r) => r.activateMs));
  log(`Medians of ${rounds} fresh processes (the build in dist/, as \`npm run build\` or \`npm run package\` left it):`);
  log('');
  log('| step | median |');
  log('|---|---|');
  log(`| \`require\` dist/extension.js (${size('dist/extension.js')}) | ${fmt(load)} |`);
  log(`| \`activate()\` (returns without waiting for the server) | ${fmt(call)} |`);
  log(`| **load + activate** | **${fmt(load + call)}** |`);
  log(`| deferred, after activation: \`require\` dist/language-client.js (${size('dist/language-client.js')}) | ${fmt(median(results.map((r) => r.clientLoadMs)))} |`);
  log('');
}

export function activation(log: Log, quick = false): void {
  log('## Extension activation');
  log('');
  log(`Budget: under ${BUDGET_MS} ms from VS Code starting to load the extension's module to \`activate()\` resolving. The language server starts after activation; \`api.ready\` tells when it runs.`);
  log('');
  recorded(log);
  inProcess(log, quick);
}

if (require.main === module) activation((line = '') => console.log(line), process.argv.includes('--quick'));
