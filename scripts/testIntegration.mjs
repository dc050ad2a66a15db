#!/usr/bin/env node
// Integration ring: runs the compiled in-host suite inside a real VS Code extension host (code-server, offline),
// driven by headless Chromium through the smoke-test payload (extensionDevelopmentPath + extensionTestsPath).
//
//   node scripts/testIntegration.mjs [--extensionDevelopmentPath DIR] [--extensionTestsPath FILE] [--workspace DIR]
//                                    [--timeout SECONDS]
// Environment variables named MENTORING_* (e.g. MENTORING_TEST_GREP) are passed on to the extension host.
// As a CLI it exits with the suite's exit code and writes {passed, failed} to out/results/integration.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import util, { parseArgs } from 'node:util';
import { launchBrowser, waitForWorkbench } from './lib/browser.mjs';
import { exitWhenOrphaned, stopAll } from './lib/cleanup.mjs';
import { startCodeServer } from './lib/codeServer.mjs';
import { ensureCodeServer, ensureSystemPackages } from './lib/tooling.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULT_PREFIX = 'MENTORING_RESULT ';
export const TIMEOUT_EXIT_CODE = 124;
const debug = !!process.env.MENTORING_HARNESS_DEBUG;

/** A fresh temp copy of test/fixtures/workspace (or an empty temp folder). Caller removes `root`. */
export function freshWorkspace(repo = REPO) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-ws-'));
  const ws = path.join(root, 'workspace');
  const fixture = path.join(repo, 'test', 'fixtures', 'workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, ws, { recursive: true });
  else fs.mkdirSync(ws);
  return { root, workspace: ws };
}

/** `MENTORING_RESULT {"passed":N,"failed":M}` → {passed, failed}; the last such line wins. */
export function parseResult(output) {
  let result = null;
  for (const line of output.split('\n')) {
    const i = line.indexOf(RESULT_PREFIX);
    if (i < 0) continue;
    try {
      const r = JSON.parse(line.slice(i + RESULT_PREFIX.length).trim());
      if (Number.isInteger(r.passed) && Number.isInteger(r.failed)) result = { passed: r.passed, failed: r.failed, pending: r.pending ?? 0 };
    } catch {
      /* not ours */
    }
  }
  return result;
}

/**
 * One console entry from the extension host as text. VS Code forwards console calls as
 * codeAutomationLog(severity, args) with the call's raw arguments, so a printf-style first argument (mocha's spec
 * reporter uses "%s"/"%d") is formatted here the way Node's console would.
 */
export function formatArgs(args) {
  const list = Array.isArray(args) ? args : [args];
  return util.format(...list);
}

/**
 * The smoke-test driver forwards the window's own log (info and up) through the same channel as the extension
 * host's console; these are the workbench's start-up lines, not the suite's output. (Shown with MENTORING_HARNESS_DEBUG.)
 */
const NOISE = [
  /^Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/,
  /^Resolv(ing|ed) connection token \(/,
  /^Creating a socket \(renderer-/,
  /^\[reconnection-grace-time\]/,
  /^\[Service Worker\]/,
  /^\[AgentHost:/,
  /^\[AccountPolicyGate\]/,
  /^Updating additional builtin extensions cache$/,
  /^Creation of workbench contribution '.*' took \d+ms\.$/,
];

function remoteUri(port, absPath) {
  // vscode-remote://<authority><absolute path>, the path percent-encoded per segment
  const p = absPath.split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://127.0.0.1:${port}${p}`;
}

/**
 * Runs an in-host test suite in code-server.
 * @param {object} o
 * @param {string} o.extensionDevelopmentPath
 * @param {string} o.extensionTestsPath        compiled suite entry (exports run(): Promise<void>)
 * @param {string} [o.workspace]               folder to open (default: a fresh temp copy of the fixture)
 * @param {Record<string,string>} [o.env]      environment for the extension host
 * @param {number} [o.timeoutMs]               default 5 min
 * @param {(line: string) => void} [o.log]     where the runner's output goes (default: stdout)
 * @param {string} [o.logsDir]                 on a failure, the window's and server's logs are saved here
 * @returns {Promise<{exitCode: number, passed: number, failed: number, output: string, timings: object}>}
 */
export async function runIntegration(o) {
  const t0 = Date.now();
  const log = o.log ?? ((line) => process.stdout.write(line + '\n'));
  const note = (line) => log(`[integration] ${line}`);
  const extensionDevelopmentPath = path.resolve(o.extensionDevelopmentPath);
  const extensionTestsPath = path.resolve(o.extensionTestsPath);
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) throw new Error(`No extension at ${extensionDevelopmentPath} (no package.json)`);
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`No compiled suite at ${extensionTestsPath} (did the build run?)`);
  const timeoutMs = o.timeoutMs ?? 5 * 60_000;
  if (o.logsDir) fs.rmSync(o.logsDir, { recursive: true, force: true });

  ensureSystemPackages();
  await ensureCodeServer();
  let tempWs = null;
  let workspace = o.workspace;
  if (!workspace) {
    tempWs = freshWorkspace();
    workspace = tempWs.workspace;
  }

  const timings = {};
  const lines = [];
  let server = null;
  let browser = null;
  try {
    server = await startCodeServer({ workspace });
    timings.serverReadyMs = Date.now() - t0;
    note(`code-server ready on port ${server.port} after ${(timings.serverReadyMs / 1000).toFixed(1)} s`);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();

    let settle;
    let finished = false;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (debug) log(`[integration:debug] codeAutomationLog(${JSON.stringify(type)}, ${JSON.stringify(args)})`);
      if (finished && !debug) return; // the workbench's shutdown chatter after the suite has ended
      const text = formatArgs(args);
      if (!debug && NOISE.some((re) => re.test(text))) return;
      if (timings.firstLogMs === undefined) timings.firstLogMs = Date.now() - t0;
      for (const l of text.split('\n')) {
        lines.push(l);
        log(l);
      }
    });
    // codeAutomationExit(code, logs): logs is [{relativePath, contents}] of the window's log files.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (debug) log(`[integration:debug] codeAutomationExit(${JSON.stringify(code)}, <${Array.isArray(logs) ? logs.length : 0} log files>)`);
      finished = true;
      settle({ code: Number.isInteger(code) ? code : 1, logs: Array.isArray(logs) ? logs : [] });
    });
    if (debug) {
      page.on('console', (m) => log(`[integration:page:${m.type()}] ${m.text()}`));
    }
    page.on('pageerror', (e) => lines.push(`[page error] ${e.message}`));

    const env = { ...(o.env ?? {}) };
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.port, extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server.port, extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    if (Object.keys(env).length) payload.push(['extensionEnvironment', JSON.stringify(env)]);
    const url = `${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), timeoutMs);
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    waitForWorkbench(page, 60_000).then(
      () => {
        timings.workbenchMs = Date.now() - t0;
        note(`workbench loaded after ${(timings.workbenchMs / 1000).toFixed(1)} s`);
      },
      () => {},
    );
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    timings.totalMs = Date.now() - t0;

    const output = lines.join('\n');
    let exitCode;
    let result = parseResult(output);
    if (outcome.timeout) {
      exitCode = TIMEOUT_EXIT_CODE;
      note(`TIMED OUT: the suite did not finish within ${Math.round(timeoutMs / 1000)} s (no codeAutomationExit). Last server log lines:`);
      try {
        log(fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n'));
      } catch {
        /* gone */
      }
      if (!result) result = { passed: 0, failed: 1 };
      else result = { ...result, failed: result.failed + 1 };
    } else {
      exitCode = outcome.code;
      if (!result) {
        note(`no "${RESULT_PREFIX.trim()}" line in the runner's output: counting the ring as 1 failed`);
        result = { passed: 0, failed: 1 };
      } else if (exitCode !== 0 && result.failed === 0) {
        note(`the suite reported no failures but the extension host exited with ${exitCode}: counting 1 failed`);
        result = { ...result, failed: 1 };
      }
    }
    if (exitCode === 0 && result.failed > 0) exitCode = 1;
    if (exitCode !== 0 && o.logsDir) {
      try {
        fs.mkdirSync(o.logsDir, { recursive: true });
        for (const f of outcome.logs ?? []) {
          const dest = path.join(o.logsDir, 'window', path.normalize(String(f.relativePath)).replace(/^(\.\.[/\\])+/, ''));
          fs.mkdirSync(path.dirname(dest), { recursive: true });
          fs.writeFileSync(dest, String(f.contents ?? ''));
        }
        fs.copyFileSync(server.logFile, path.join(o.logsDir, 'code-server.log'));
        fs.writeFileSync(path.join(o.logsDir, 'output.txt'), output + '\n');
        note(`logs saved in ${o.logsDir}`);
      } catch (e) {
        note(`could not save logs: ${e.message}`);
      }
    }
    note(`exit code ${exitCode}; ${result.passed} passed, ${result.failed} failed; ` +
      `first test output after ${timings.firstLogMs !== undefined ? (timings.firstLogMs / 1000).toFixed(1) + ' s' : 'never'}, total ${(timings.totalMs / 1000).toFixed(1)} s`);
    return { exitCode, passed: result.passed, failed: result.failed, output, timings };
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
    if (tempWs) fs.rmSync(tempWs.root, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      extensionDevelopmentPath: { type: 'string' },
      extensionTestsPath: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('MENTORING_') && !k.startsWith('MENTORING_HARNESS') && k !== 'MENTORING_TOOLING_DIR') env[k] = v;
  exitWhenOrphaned();
  let code;
  let counts = { passed: 0, failed: 1 };
  try {
    const r = await runIntegration({
      extensionDevelopmentPath: values.extensionDevelopmentPath ?? REPO,
      extensionTestsPath: values.extensionTestsPath ?? path.join(REPO, 'out', 'test', 'integration', 'index.js'),
      workspace: values.workspace,
      env,
      timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
      logsDir: path.join(REPO, 'test-results', 'integration'),
    });
    code = r.exitCode;
    counts = { passed: r.passed, failed: r.failed };
  } catch (e) {
    console.error(`[integration] crashed: ${e?.stack ?? e}`);
    code = 1;
  } finally {
    await stopAll();
  }
  const resultsDir = path.join(REPO, 'out', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'integration.json'), JSON.stringify(counts) + '\n');
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
