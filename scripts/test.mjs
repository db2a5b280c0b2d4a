// `npm test`: type-check, build, then every test suite in one node:test run, so
// the closing summary counts them all. `npm test -- unit` runs only the fast ones.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${name} failed`);
    process.exit(result.status ?? 1);
  }
}

function testFiles(dir) {
  const full = path.join(root, dir);
  let entries;
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) return testFiles(path.join(dir, name));
    return name.endsWith('.test.ts') ? [path.join(dir, name)] : [];
  });
}

const npx = (bin) => path.join(root, 'node_modules', '.bin', bin);
step('type-check', npx('tsc'), ['-p', '.', '--noEmit']);
step('build', process.execPath, ['esbuild.mjs']);

const suites = only === 'unit' ? ['test/unit', 'test/rules'] : ['test/unit', 'test/rules', 'test/cli', 'test/lsp', 'test/robustness', 'test/drill', 'test/editors'];
const files = suites.flatMap(testFiles).sort();
console.log(`\n▶ tests (${files.length} files)`);
// Tests wait on events, never on the clock; the timeout only turns an event that never
// comes (a test waiting for diagnostics that changed) into a failure instead of a hung CI run.
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', '--test-timeout=1200000', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
