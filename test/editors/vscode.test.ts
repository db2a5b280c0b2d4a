/**
 * The extension's mocha suite (test/editors/suite) inside VS Code's own Node extension
 * host: code-server 4.100.3 + Debian chromium (RECIPES §1). Needs `bash test/editors/setup.sh`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingTools } from './harness';
import { runSuite } from './run';

const missing = missingTools();

describe('VS Code extension host (code-server)', () => {
  it('runs the extension suite: diagnostics, quick fix, fix all, hover, code lens, links, scan, cross-file, watched files, settings', { skip: !process.env.CI && missing ? missing : false, timeout: 600_000 }, async () => {
    assert.equal(missing, undefined, missing);
    const lines: string[] = [];
    const result = await runSuite('code-server', (line) => lines.push(line));
    assert.equal(result.exitCode, 0, `suite failed:\n${lines.join('\n')}`);
    assert.match(result.output, /\d+ passing/);
    assert.doesNotMatch(result.output, /\d+ failing/);
  });
});
