#!/usr/bin/env node
// The integration ring on desktop VS Code through @vscode/test-electron, for machines with internet access (it
// downloads VS Code into .vscode-test/) and a display (on a headless Linux box: `xvfb-run -a node scripts/runTestElectron.mjs`).
// Same suite, same counting as scripts/testIntegration.mjs (the suite's last "MENTORING_RESULT {...}" line).
//   node scripts/runTestElectron.mjs [--version stable|insiders|1.95.0] [--vscode PATH] [--workspace DIR]
// --vscode (or VSCODE_EXECUTABLE_PATH) uses an installed VS Code executable instead of downloading one.
// Environment variables named MENTORING_* are passed on to the extension host.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { TEST_SETTINGS } from './lib/codeServer.mjs';
import { freshWorkspace, parseResult } from './testIntegration.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{extensionDevelopmentPath?: string, extensionTestsPath?: string, workspace?: string,
 *   env?: Record<string,string>, version?: string, vscodeExecutablePath?: string}} [o]
 * @returns {Promise<{exitCode: number, passed: number, failed: number, output: string}>}
 */
export async function runIntegrationElectron(o = {}) {
  const extensionDevelopmentPath = path.resolve(o.extensionDevelopmentPath ?? REPO);
  const extensionTestsPath = path.resolve(o.extensionTestsPath ?? path.join(REPO, 'out', 'test', 'integration', 'index.js'));
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`No compiled suite at ${extensionTestsPath} (run the build first)`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.warn('[electron] No DISPLAY: desktop VS Code needs one. Run under `xvfb-run -a`, or use scripts/testIntegration.mjs (offline, headless).');
  }
  const vscodeExecutablePath = o.vscodeExecutablePath ?? process.env.VSCODE_EXECUTABLE_PATH;
  let tempWs = null;
  let workspace = o.workspace;
  if (!workspace) {
    tempWs = freshWorkspace(REPO);
    workspace = tempWs.workspace;
  }

  // A fresh profile with the same test settings as the code-server runs (not the shared .vscode-test/user-data).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-electron-'));
  fs.mkdirSync(path.join(profile, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(profile, 'extensions'));
  fs.writeFileSync(path.join(profile, 'user-data', 'User', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2) + '\n');

  // runTests copies VS Code's stdout/stderr to ours; keep a copy to find the suite's result line.
  const chunks = [];
  const realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return realWrite(chunk, ...rest);
  };
  let exitCode;
  try {
    exitCode = await runTests({
      version: o.version ?? process.env.VSCODE_VERSION ?? 'stable',
      // An installed VS Code instead of a download: --vscode PATH or VSCODE_EXECUTABLE_PATH.
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: o.env ?? {},
      // Only the extension under test; fresh user-data/extensions dirs are added by runTests itself.
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-telemetry',
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
  } catch (e) {
    // TestRunFailedError carries the exit code; anything else (download failure, …) is a crash.
    if (e instanceof TestRunFailedError) exitCode = typeof e.code === 'number' ? e.code : 1;
    else throw e;
  } finally {
    process.stdout.write = realWrite;
    if (tempWs) fs.rmSync(tempWs.root, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const output = chunks.join('');
  let result = parseResult(output);
  if (!result) {
    console.log('[electron] no "MENTORING_RESULT" line in the output: counting 1 failed');
    result = { passed: 0, failed: 1 };
  } else if (exitCode !== 0 && result.failed === 0) {
    result = { ...result, failed: 1 };
  }
  if (exitCode === 0 && result.failed > 0) exitCode = 1;
  return { exitCode, passed: result.passed, failed: result.failed, output };
}

async function main() {
  const { values } = parseArgs({ options: { version: { type: 'string' }, workspace: { type: 'string' }, vscode: { type: 'string' } } });
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('MENTORING_') && !k.startsWith('MENTORING_HARNESS') && k !== 'MENTORING_TOOLING_DIR') env[k] = v;
  let code = 1;
  let counts = { passed: 0, failed: 1 };
  try {
    const r = await runIntegrationElectron({ version: values.version, workspace: values.workspace, vscodeExecutablePath: values.vscode, env });
    code = r.exitCode;
    counts = { passed: r.passed, failed: r.failed };
  } catch (e) {
    console.error(`[electron] could not run the tests: ${e?.stack ?? e}`);
  }
  fs.mkdirSync(path.join(REPO, 'out', 'results'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'out', 'results', 'integration-electron.json'), JSON.stringify(counts) + '\n');
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
