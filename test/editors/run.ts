/**
 * One runner, two hosts, the same mocha suite (test/editors/suite):
 *
 *   node --import tsx test/editors/run.ts                  # code-server 4.100.3 + chromium (default)
 *   node --import tsx test/editors/run.ts --host electron  # VS Code desktop via @vscode/test-electron
 *
 * `--host electron` downloads VS Code from update.code.visualstudio.com into
 * `.vscode-test/` (set VSAFE_VSCODE_VERSION, default 1.100.3) and needs a display
 * (xvfb-run on Linux CI). That download host is unreachable on this project's
 * build machines, so `npm test` uses code-server; the suite is unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSuite, copyWorkspace, ROOT, runSuiteInCodeServer, USER_SETTINGS } from './harness';

export const FIXTURE = path.join(ROOT, 'test/editors/fixtures/workspace');

export async function runSuite(hostName: 'code-server' | 'electron', onOutput: (line: string) => void = (l) => console.log(l)): Promise<{ exitCode: number; output: string }> {
  const extensionTestsPath = buildSuite();
  const workspace = copyWorkspace(FIXTURE);
  try {
    if (hostName === 'code-server') {
      return await runSuiteInCodeServer({ extensionDevelopmentPath: ROOT, extensionTestsPath, workspace, onOutput });
    }
    const { runTests } = await import('@vscode/test-electron');
    const userData = mkdtempSync(path.join(tmpdir(), 'vsafe-electron-'));
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    try {
      const exitCode = await runTests({
        version: process.env.VSAFE_VSCODE_VERSION ?? '1.100.3',
        extensionDevelopmentPath: ROOT,
        extensionTestsPath,
        // The extension keeps its activation marks for the suite's activation record.
        extensionTestsEnv: { VSAFE_ACTIVATION_MARKS: '1' },
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userData}`],
      });
      return { exitCode, output: '' };
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const hostName = process.argv.includes('--host') ? process.argv[process.argv.indexOf('--host') + 1] : 'code-server';
  if (hostName !== 'code-server' && hostName !== 'electron') {
    console.error('usage: run.ts [--host code-server|electron]');
    process.exit(2);
  }
  runSuite(hostName).then(
    (result) => process.exit(result.exitCode),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
