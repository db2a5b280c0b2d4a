/**
 * Entry point of the extension's mocha suite, in the shape `@vscode/test-electron`
 * expects (`extensionTestsPath` → a module exporting `run()`). The same bundle runs in
 * code-server's extension host (test/editors/vscode.test.ts) and in VS Code desktop
 * (`node --import tsx test/editors/run.ts --host electron`).
 */
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  // code-server's remote extension host forwards console.error (not console.log) to the
  // workbench page, where the runner reads it: the reporter writes formatted lines there.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => console.error(format(...args));
  const grep = process.env.VSAFE_SUITE_GREP;
  if (grep) mocha.grep(grep);
  // Defines the tdd globals (suite, test, setup, …), then loads the tests into the root suite.
  mocha.suite.emit('pre-require', globalThis, 'extension.tests', mocha);
  require('./extension.tests');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
