import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const CORE = path.resolve(__dirname, '../../server/src/core');
const FORBIDDEN = /^(?:node:)?(?:fs|fs\/promises|child_process|net|http|https|worker_threads)$|^vscode$|^vscode-languageserver|^vscode-languageclient|^vscode-jsonrpc/;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** Every module specifier a file imports, requires or dynamically imports. */
export function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) specifiers.push(m[1]!);
  return specifiers;
}

it('the analysis core imports no editor, LSP, file system or process modules', () => {
  const offenders: string[] = [];
  let count = 0;
  for (const file of sources(CORE)) {
    count++;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (FORBIDDEN.test(specifier)) offenders.push(`${path.relative(CORE, file)} imports ${specifier}`);
      if (specifier.startsWith('.') && !path.resolve(path.dirname(file), specifier).startsWith(CORE)) {
        offenders.push(`${path.relative(CORE, file)} reaches outside the core: ${specifier}`);
      }
    }
  }
  assert.ok(count > 10, 'the core has sources');
  assert.deepEqual(offenders, []);
});

it('the import scanner sees every import form (so the purity test can fail)', () => {
  assert.deepEqual(importsOf(`import * as fs from 'node:fs';\nconst cp = require("child_process");\nimport('vscode');\nimport 'vscode-languageserver/node';`), [
    'node:fs',
    'child_process',
    'vscode',
    'vscode-languageserver/node',
  ]);
});
