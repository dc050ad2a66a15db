/**
 * Entry of the integration ring: runs inside a real extension host (code-server offline, or
 * desktop VS Code through @vscode/test-electron). Loads every *.test.js beside it into mocha and
 * ends with one machine-readable line the harness counts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { removeTempFiles } from './support';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.MENTORING_TEST_GREP;
  if (grep) mocha.grep(grep);
  // Remove the temporary files every suite created, whatever happened.
  mocha.rootHooks({ afterAll: () => removeTempFiles() });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`MENTORING_RESULT ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
