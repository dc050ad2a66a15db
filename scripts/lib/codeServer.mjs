// Starts a real VS Code (code-server, offline) on 127.0.0.1 with fresh, throw-away state, and stops it cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive, killTree, pidsWithEnv, shuttingDown, track } from './cleanup.mjs';
import { ensureCodeServer } from './tooling.mjs';

/** Settings for a test profile: nothing that pops up, nothing that phones home. */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** A free TCP port on 127.0.0.1 (`preferred` if it is free). */
export async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', () => resolve(null));
      srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
  if (preferred) {
    const p = await tryListen(preferred);
    if (p) return p;
  }
  const p = await tryListen(0);
  if (!p) throw new Error('No free TCP port on 127.0.0.1');
  return p;
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The environment code-server runs with: ours, minus anything that would tie it to another VS Code or npm run. */
function serverEnv(base, extra) {
  const env = {};
  for (const [k, v] of Object.entries(base)) {
    if (/^(VSCODE_|ELECTRON_|npm_|CODE_SERVER_)/i.test(k)) continue;
    if (k === 'INIT_CWD' || k === 'NODE_OPTIONS' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function writeSettings(userDataDir, settings, { overwrite }) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (!overwrite && fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

async function waitHealthy(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.signalCode ?? `exit ${child.exitCode}`}). Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${Math.round(timeoutMs / 1000)} s. Last lines of ${logFile}:\n${tail(logFile)}`);
}

function runToEnd(cmd, args, opts, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, detached: true });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      reject(new Error(`${what} timed out after ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * Starts code-server for `workspace`.
 * @param {object} o
 * @param {string} o.workspace            folder to open
 * @param {string} [o.extensionsDir]      kept as is (not deleted on stop); default: a fresh temp folder
 * @param {string} [o.userDataDir]        kept as is (not deleted on stop); default: a fresh temp folder
 * @param {Record<string,string>} [o.env] extra environment for the server (and so for the extension host)
 * @param {string[]} [o.installExtensions] VSIX files to install (into the same dirs) before the start
 * @param {number} [o.port]               port to use (default: a free one)
 * @param {boolean} [o.smokeTestDriver]   pass enable-smoke-test-driver (honours test payloads, hides toasts); default true
 * @param {object} [o.settings]           user settings (default TEST_SETTINGS); written always for a temp profile,
 *                                        only when absent for a given userDataDir
 * @param {boolean} [o.echoLog]           also copy the server's log to stdout
 * @param {number} [o.healthTimeoutMs]    default 60 s
 * @returns {Promise<{port: number, url: string, baseUrl: string, workspace: string, userDataDir: string,
 *   extensionsDir: string, logFile: string, pid: number, stop: () => Promise<void>}>}
 */
export async function startCodeServer(o) {
  if (!o?.workspace) throw new Error('startCodeServer: workspace is required');
  if (shuttingDown()) throw new Error('startCodeServer: shutting down');
  const workspace = path.resolve(o.workspace);
  if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`startCodeServer: no folder ${workspace}`);
  const { node, entry } = await ensureCodeServer();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-cs-'));
  const userDataDir = o.userDataDir ? path.resolve(o.userDataDir) : path.join(tmp, 'user-data');
  const extensionsDir = o.extensionsDir ? path.resolve(o.extensionsDir) : path.join(tmp, 'extensions');
  for (const d of [userDataDir, extensionsDir, path.join(tmp, 'xdg-config'), path.join(tmp, 'xdg-data'), path.join(tmp, 'xdg-cache'), path.join(tmp, 'tmp')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  writeSettings(userDataDir, o.settings ?? TEST_SETTINGS, { overwrite: !o.userDataDir });
  const logFile = path.join(tmp, 'code-server.log');
  const marker = { name: 'MENTORING_HARNESS_SESSION', value: randomBytes(8).toString('hex') };
  const env = serverEnv(process.env, {
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    CODE_SERVER_CONFIG: path.join(tmp, 'xdg-config', 'code-server', 'config.yaml'),
    VSCODE_IPC_HOOK_CLI: '',
    // The server's IPC sockets and whatever the extension host writes to os.tmpdir() go away with the session.
    TMPDIR: path.join(tmp, 'tmp'),
    [marker.name]: marker.value,
    ...(o.env ?? {}),
  });
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  let cleaned = false;
  const removeTemp = () => {
    if (cleaned) return;
    cleaned = true;
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  let child = null;
  const stopSync = () => {
    if (child) killTree(child.pid, marker, 'SIGKILL');
    removeTemp();
  };
  let stopping = null;
  const stop = () => (stopping ??= doStop());
  const doStop = async () => {
    if (child) {
      killTree(child.pid, marker, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (alive(child.pid) || pidsWithEnv(marker.name, marker.value).length)) await sleep(100);
      killTree(child.pid, marker, 'SIGKILL');
      const hard = Date.now() + 3000;
      while (Date.now() < hard && pidsWithEnv(marker.name, marker.value).length) await sleep(100);
    }
    removeTemp();
    untrack();
  };
  const untrack = track({ name: 'code-server', stop, stopSync });

  try {
    for (const vsix of o.installExtensions ?? []) {
      const out = fs.openSync(logFile, 'a');
      try {
        await runToEnd(node, [entry, ...common, '--install-extension', path.resolve(vsix), '--force'], { env, stdio: ['ignore', out, out] }, 120_000, `code-server --install-extension ${vsix}`);
      } catch (e) {
        throw new Error(`${e.message}. Last lines of ${logFile}:\n${tail(logFile)}`, { cause: e });
      } finally {
        fs.closeSync(out);
      }
    }

    const port = o.port ?? (await freePort());
    const args = [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...common,
    ];
    if (o.smokeTestDriver !== false) args.push('--vscode-option', 'enable-smoke-test-driver');
    args.push(workspace);

    const out = fs.openSync(logFile, 'a');
    child = spawn(node, args, { env, detached: true, stdio: ['ignore', o.echoLog ? 'pipe' : out, o.echoLog ? 'pipe' : out], cwd: workspace });
    let outOpen = true;
    if (o.echoLog) {
      for (const s of [child.stdout, child.stderr]) {
        s.on('data', (b) => {
          if (outOpen) fs.writeSync(out, b);
          process.stdout.write(b);
        });
      }
    }
    child.on('close', () => {
      outOpen = false;
      fs.closeSync(out);
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitHealthy(baseUrl, child, logFile, o.healthTimeoutMs ?? 60_000);
    const url = `${baseUrl}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`;
    return { port, url, baseUrl, workspace, userDataDir, extensionsDir, logFile, pid: child.pid, marker, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
