#!/usr/bin/env node
// `npm start`: the extension (built by `prestart`) in a real VS Code (code-server, offline) on 127.0.0.1, with a demo
// workspace and a profile that survives restarts, until Ctrl+C.
//   PORT=8080 npm start      (default: 8080 if free, else any free port)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWhenOrphaned, setSignalExitCode, stopAll, track } from './lib/cleanup.mjs';
import { freePort, startCodeServer } from './lib/codeServer.mjs';
import { ensureCodeServer, ensureSystemPackages } from './lib/tooling.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLING = path.join(REPO, '.tooling');
const DEMO_WORKSPACE = path.join(TOOLING, 'demo-workspace');
const PROFILE = path.join(TOOLING, 'start-profile');
const SEED = path.join(REPO, 'demo', 'journal.json');

/** A person's settings: quiet start, no telemetry, no update checks; written once, theirs to change afterwards. */
const START_SETTINGS = {
  'workbench.startupEditor': 'readme',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
};

const README = `# Mentoring Outreach — demo workspace

This folder is a scratch workspace for trying the extension (it lives in \`.tooling/\`, which git ignores).

- Open the **Mentoring** view in the activity bar on the left.
- Or press F1 and run **Mentoring: Draft a Specific Request…**.

Settings are kept in \`.tooling/start-profile\` between runs. The extension's saved state (your journal) is
kept by your browser for this address: come back with the same browser and the same port to find it again
(\`PORT=8080 npm start\`), or open a private window to start fresh.
`;

async function main() {
  // Ctrl+C is how this is meant to end: leave with 0 once everything has stopped.
  setSignalExitCode((sig) => (sig === 'SIGHUP' ? 129 : 0));
  exitWhenOrphaned();

  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const main = path.resolve(REPO, manifest.main ?? 'dist/extension.js');
  if (!fs.existsSync(main)) throw new Error(`${path.relative(REPO, main)} is missing: run "npm start" (which builds first) or "npm run build".`);

  ensureSystemPackages();
  await ensureCodeServer();

  fs.mkdirSync(DEMO_WORKSPACE, { recursive: true });
  const readme = path.join(DEMO_WORKSPACE, 'README.md');
  if (!fs.existsSync(readme)) fs.writeFileSync(readme, README);
  fs.mkdirSync(PROFILE, { recursive: true });

  const env = {};
  if (fs.existsSync(SEED)) env.MENTORING_SEED_JOURNAL = SEED;
  else console.warn(`[start] ${path.relative(REPO, SEED)} not found: starting without a seed journal.`);

  let port;
  if (process.env.PORT) {
    port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
    if ((await freePort(port)) !== port) throw new Error(`Port ${port} (from PORT) is in use; choose another one, e.g. PORT=${await freePort()} npm start`);
  } else {
    port = await freePort(8080);
    if (port !== 8080) console.warn(`[start] Port 8080 is in use: using ${port}. (Saved state is per browser and address, so it will look empty here.)`);
  }

  // The extension, installed the way a user has it: the repo linked into a fresh extensions folder as
  // <publisher>.<name>-<version> (so a rebuild + "Developer: Reload Window" picks up changes).
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-start-ext-'));
  const removeExtensionsDir = () => fs.rmSync(extensionsDir, { recursive: true, force: true });
  track({ name: 'extensions folder', stop: async () => removeExtensionsDir(), stopSync: () => removeExtensionsDir() });
  fs.symlinkSync(REPO, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

  const server = await startCodeServer({
    workspace: DEMO_WORKSPACE,
    userDataDir: PROFILE,
    extensionsDir,
    env,
    port,
    smokeTestDriver: false, // a person's VS Code: toasts shown, no test payloads
    settings: START_SETTINGS,
  });

  console.log(`Mentoring Outreach is running at ${server.url} — press Ctrl+C to stop`);
  console.log(`[start] code-server log: ${server.logFile}`);

  // Run until a signal (handled in lib/cleanup.mjs) or until code-server dies on its own.
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      try {
        process.kill(server.pid, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 1000);
  });
  let tail = '';
  try {
    tail = fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    /* gone */
  }
  console.error(`[start] code-server stopped unexpectedly. Last lines of its log:\n${tail}`);
  await stopAll();
  process.exit(1);
}

main().catch(async (e) => {
  console.error(`[start] ${e?.message ?? e}`);
  await stopAll();
  process.exit(1);
});
