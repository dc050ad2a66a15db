#!/usr/bin/env node
// `npm test`: builds, then runs the rings one after another and sums them up.
//   unit         mocha on the compiled unit tests (.mocharc.json's spec), plain Node
//   integration  the compiled in-host suite inside a real VS Code extension host (code-server, offline)
//   e2e          mocha on test/e2e/*.test.mjs, driving VS Code's UI in headless Chromium
// Ends with one line "N passed, N failed" over all rings; exits 1 if anything failed, a ring crashed, or a ring
// ran no test at all.
//   node scripts/test.mjs [unit] [integration] [e2e] [--no-build]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exitWhenOrphaned, stopAll } from './lib/cleanup.mjs';
import { runIntegration } from './testIntegration.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(REPO, 'out', 'results');
const RINGS = ['unit', 'integration', 'e2e'];

/** Minimal glob for mocha specs: `*`, `?` and `**` path segments, relative to the repo. */
export function expandGlob(pattern, cwd = REPO) {
  const parts = pattern.split('/');
  const firstWild = parts.findIndex((p) => /[*?[]/.test(p));
  if (firstWild < 0) {
    const abs = path.resolve(cwd, pattern);
    if (!fs.existsSync(abs)) return [];
    if (fs.statSync(abs).isDirectory()) return walk(abs).filter((f) => /\.(c|m)?js$/.test(f));
    return [abs];
  }
  const base = path.resolve(cwd, parts.slice(0, firstWild).join('/') || '.');
  const rest = parts.slice(firstWild).join('/');
  const re = new RegExp(
    '^' +
      rest
        .split('/')
        .map((seg) => (seg === '**' ? '(?:.*/)?' : seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '/'))
        .join('')
        .replace(/\/$/, '') +
      '$',
  );
  if (!fs.existsSync(base)) return [];
  return walk(base).filter((f) => re.test(path.relative(base, f).split(path.sep).join('/')));
}

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out.sort();
}

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    child.on('error', (e) => resolve({ code: 1, error: e }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal }));
  });
}

/** Runs test files in a child process with programmatic mocha; {passed, failed, tests} or a crash. */
async function mochaRing(name, files, { timeout, rootHooks = [], sourceMaps = false, grep } = {}) {
  const resultFile = path.join(os.tmpdir(), `mentoring-${name}-${process.pid}-${Date.now()}.json`);
  const args = [path.join(REPO, 'scripts', 'lib', 'mochaRing.mjs'), '--result', resultFile, '--timeout', String(timeout)];
  for (const h of rootHooks) args.push('--root-hooks', h);
  if (sourceMaps) args.push('--source-maps');
  if (grep) args.push('--grep', grep);
  args.push(...files);
  const { code, signal } = await run(process.execPath, args);
  let result = null;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    /* no result: crashed */
  } finally {
    fs.rmSync(resultFile, { force: true });
  }
  if (!result) return { crashed: `mocha exited with ${signal ?? code} before finishing` };
  if (code !== 0 && result.failed === 0) return { ...result, crashed: `mocha exited with ${signal ?? code}` };
  return result;
}

function readMocharc() {
  const file = path.join(REPO, '.mocharc.json');
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function unitRing() {
  const rc = readMocharc();
  const specs = [].concat(rc.spec ?? 'out/test/unit/**/*.test.js');
  const files = [...new Set(specs.flatMap((s) => expandGlob(s)))];
  if (!files.length) return { crashed: `no unit test files match ${specs.join(', ')} (did the build run?)` };
  return mochaRing('unit', files, {
    timeout: rc.timeout ?? 2000,
    rootHooks: [].concat(rc.require ?? []).map((r) => path.resolve(REPO, r)),
    sourceMaps: !!rc['enable-source-maps'],
    grep: process.env.MENTORING_TEST_GREP,
  });
}

async function integrationRing() {
  const extensionTestsPath = path.join(REPO, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) return { crashed: `${path.relative(REPO, extensionTestsPath)} is missing (did the build run?)` };
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('MENTORING_') && !k.startsWith('MENTORING_HARNESS') && k !== 'MENTORING_TOOLING_DIR') env[k] = v;
  const r = await runIntegration({
    extensionDevelopmentPath: REPO,
    extensionTestsPath,
    env,
    logsDir: path.join(REPO, 'test-results', 'integration'),
  });
  const result = { passed: r.passed, failed: r.failed };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'integration.json'), JSON.stringify(result) + '\n');
  return { ...result, tests: r.passed + r.failed };
}

async function e2eRing({ build }) {
  const dir = path.join(REPO, 'test', 'e2e');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(dir, f)) : [];
  if (!files.length) return { crashed: 'no test files test/e2e/*.test.mjs' };
  if (build && !process.env.MENTORING_E2E_VSIX) {
    // The end-to-end ring tests what users install: the packaged .vsix, installed with --install-extension.
    const vsix = path.join(REPO, 'test-results', 'e2e', 'mentoring-outreach.vsix');
    console.log(`[e2e] packaging ${path.relative(REPO, vsix)} (node scripts/package.mjs)`);
    const p = await run(process.execPath, [path.join(REPO, 'scripts', 'package.mjs'), '--out', vsix]);
    if (p.code !== 0) return { crashed: 'packaging the .vsix failed' };
    process.env.MENTORING_E2E_VSIX = vsix;
  }
  return mochaRing('e2e', files, {
    timeout: Number(process.env.MENTORING_E2E_TIMEOUT ?? 90_000),
    rootHooks: [path.join(dir, 'harness.mjs')],
    grep: process.env.MENTORING_TEST_GREP,
  });
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-build': { type: 'boolean' } } });
  const unknown = positionals.filter((p) => !RINGS.includes(p));
  if (unknown.length) {
    console.error(`Unknown ring(s): ${unknown.join(', ')} (rings: ${RINGS.join(', ')})`);
    process.exit(2);
  }
  exitWhenOrphaned();
  const selected = positionals.length ? RINGS.filter((r) => positionals.includes(r)) : RINGS;
  const t0 = Date.now();

  if (!values['no-build']) {
    console.log('── build: node esbuild.js');
    const b = await run(process.execPath, ['esbuild.js']);
    if (b.code !== 0) {
      console.log('[build] failed: no ring ran');
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }

  const rings = { unit: unitRing, integration: integrationRing, e2e: () => e2eRing({ build: !values['no-build'] }) };
  const summary = [];
  for (const name of selected) {
    console.log(`\n── ${name}`);
    const start = Date.now();
    let r;
    try {
      r = await rings[name]();
    } catch (e) {
      r = { crashed: e?.stack ?? String(e) };
    } finally {
      await stopAll();
    }
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    const passed = r.passed ?? 0;
    let failed = r.failed ?? 0;
    let note = '';
    if (r.crashed) {
      failed += 1; // a crashed ring counts as a failure, never as nothing
      note = ` — CRASHED: ${r.crashed}`;
    } else if ((r.tests ?? passed + failed) === 0 && failed === 0) {
      failed += 1;
      note = ' — ran no test';
    }
    if (r.pending) note += ` (${r.pending} pending)`;
    summary.push({ name, passed, failed, seconds, note });
    console.log(`[${name}] ${passed} passed, ${failed} failed in ${seconds} s${note}`);
  }

  const passed = summary.reduce((n, s) => n + s.passed, 0);
  const failed = summary.reduce((n, s) => n + s.failed, 0);
  console.log('\n── summary');
  for (const s of summary) console.log(`  ${s.name.padEnd(12)} ${String(s.passed).padStart(5)} passed ${String(s.failed).padStart(4)} failed  ${s.seconds.padStart(6)} s${s.note}`);
  console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch(async (e) => {
  console.error(e?.stack ?? e);
  await stopAll();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
