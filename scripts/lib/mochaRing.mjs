#!/usr/bin/env node
// Runs one ring of mocha tests programmatically, in its own process, and writes its counts as JSON.
//   node scripts/lib/mochaRing.mjs --result FILE [--timeout MS] [--root-hooks MODULE] [--grep RE] FILE...
// Result file: {"passed":N,"failed":N,"pending":N,"tests":N}; written only when the run itself completed
// (no file = the ring crashed, e.g. a test file that does not load).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    result: { type: 'string' },
    timeout: { type: 'string' },
    'root-hooks': { type: 'string', multiple: true },
    grep: { type: 'string' },
    'source-maps': { type: 'boolean' },
  },
});
if (!values.result) {
  console.error('mochaRing: --result FILE is required');
  process.exit(2);
}
// Our parent is scripts/test.mjs: if it goes, stop whatever the tests started.
const { exitWhenOrphaned } = await import('./cleanup.mjs');
exitWhenOrphaned();
if (values['source-maps'] && typeof process.setSourceMapsEnabled === 'function') process.setSourceMapsEnabled(true);

let rootHooks = {};
for (const mod of values['root-hooks'] ?? []) {
  const m = await import(pathToFileURL(path.resolve(mod)).href);
  const hooks = typeof m.mochaHooks === 'function' ? await m.mochaHooks() : m.mochaHooks;
  for (const [k, v] of Object.entries(hooks ?? {})) rootHooks[k] = [...(rootHooks[k] ?? []), ...(Array.isArray(v) ? v : [v])];
}

const mocha = new Mocha({
  ui: 'bdd',
  reporter: 'spec',
  color: !!process.stdout.isTTY && !process.env.CI,
  timeout: values.timeout ? Number(values.timeout) : 2000,
  rootHooks,
  ...(values.grep ? { grep: values.grep } : {}),
});
for (const f of positionals) mocha.addFile(path.resolve(f));
await mocha.loadFilesAsync();

let aborted = false;
const stats = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve(runner.stats));
  // On Ctrl+C / SIGTERM, run no further test while lib/cleanup.mjs tears down what the tests started.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      aborted = true;
      runner.abort();
    });
  }
});
if (aborted) await new Promise(() => {}); // lib/cleanup.mjs exits once everything has stopped
const result = { passed: stats.passes, failed: stats.failures, pending: stats.pending, tests: stats.tests };
fs.mkdirSync(path.dirname(path.resolve(values.result)), { recursive: true });
fs.writeFileSync(values.result, JSON.stringify(result) + '\n');
// Anything a test left running (sessions, servers) is stopped by the 'exit' handlers of scripts/lib/cleanup.mjs;
// stop it gracefully first if the harness is loaded.
try {
  const { stopAll } = await import('./cleanup.mjs');
  await stopAll();
} catch {
  /* nothing to stop */
}
process.exit(result.failed > 0 ? 1 : 0);
