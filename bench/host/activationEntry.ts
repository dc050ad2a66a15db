/**
 * In-host benchmark entry (the `extensionTestsPath` of a bench session; compiled to
 * out/bench/host/activationEntry.js). Runs inside a real extension host, where the extension under test
 * is loaded through `extensionDevelopmentPath` but — `activationEvents: []`, its view not shown — not
 * yet active. Times `getExtension(id).activate()` (module load + activate, as VS Code does it) and prints
 * `MENTORING_BENCH {…}` lines that bench/run.mjs parses, then the `MENTORING_RESULT` line the harness counts.
 *
 * Environment (through the harness's extensionEnvironment):
 *   MENTORING_BENCH_EXTENSION   id of the extension to activate (required)
 *   MENTORING_BENCH_SETTLE_MS   wait this long first, so start-up work of the window is over (default 3000)
 *   MENTORING_BENCH_STORE       "1": afterwards, time store mutations at 1,000 and 10,000 attempts over the real
 *                               workspaceState, which the activated extension must return as `{ workspaceState }`
 *                               (bench/fixtures/hello-world does)
 *   MENTORING_BENCH_SEED_ATTEMPTS  N > 0: the extension's workspaceState holds a journal of N attempts (bigJournal)
 *                               when it activates. The entry leaves it in globalThis[SEED_GLOBAL]; the bench copy's
 *                               `main` (bench/host/seedingMain.js, see run.mjs) puts it into its workspaceState first,
 *                               times that (`seedMs`, reported, to subtract) and then calls the real activate()
 *   MENTORING_BENCH_PROFILE     a file: record a CPU profile (node:inspector, 100 µs sampling) of activate() there
 *   MENTORING_BENCH_BUILDER     "1": afterwards, time opening the builder (mentoring.openBuilder) until its webview
 *                               has shown the journal's data (test hook builderRendered), against a bare webview
 *                               panel opened here (an inline nonce script that posts a message): first use and again
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { bigJournal } from '../../test/support/journals';
import { JOURNAL_VERSION } from '../../src/domain/journal';
import { markSent } from '../../src/domain/outreach';
import { JournalStore, STORE_KEY, type MementoLike } from '../../src/storage/journalStore';

const PREFIX = 'MENTORING_BENCH ';

function report(record: Record<string, unknown>): void {
  console.log(PREFIX + JSON.stringify(record));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Store mutations at `attempts` attempts over VS Code's own Memento (its JSON copy, the RPC to the window, the answer). */
async function storeOverRealMemento(memento: MementoLike, attempts: number, runs: number): Promise<void> {
  const envelope = { v: JOURNAL_VERSION, data: bigJournal(attempts) };
  const t0 = performance.now();
  await memento.update(STORE_KEY, envelope);
  const seedMs = performance.now() - t0;
  const { store } = await JournalStore.open(memento);

  const wall: number[] = [];
  const busy: number[] = [];
  for (let n = 0; n < runs; n++) {
    const id = `a${(n * 7) % attempts}`; // multiples of 7 are drafts in bigJournal: a real transition each time
    const elu = performance.eventLoopUtilization();
    const start = performance.now();
    await store.change((j) => markSent(j, id, new Date()));
    wall.push(performance.now() - start);
    // Time this thread was busy meanwhile (JSON copy, RPC serialisation, …); the rest is the round trip to the window.
    busy.push(performance.eventLoopUtilization(elu).active);
  }
  store.dispose();
  report({ kind: 'store', attempts, runs, medianMs: median(wall), samplesMs: wall, busyMs: median(busy), busySamplesMs: busy, seedMs });
}

/** Where the entry leaves the journal for bench/host/seedingMain.js, and where that leaves its timing. */
const SEED_GLOBAL = '__mentoringBenchSeed';
const SEED_MS_GLOBAL = '__mentoringBenchSeedMs';

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
}

/** Polls `done` every millisecond (the resolution of the builder and bare-panel timings). */
async function until(done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) throw new Error('timed out waiting for a webview');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function bareHtml(): string {
  const n = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${n}'"><title>Bare</title></head><body><main><p>Hello</p></main><script nonce="${n}">acquireVsCodeApi().postMessage({ type: 'rendered' });</script></body></html>`;
}

/** A bare webview panel, from createWebviewPanel to its first message; disposed afterwards. */
async function barePanel(): Promise<number> {
  let rendered = false;
  const t0 = performance.now();
  const panel = vscode.window.createWebviewPanel('mentoringBench.bare', 'Bare', vscode.ViewColumn.Active, { enableScripts: true });
  const sub = panel.webview.onDidReceiveMessage(() => (rendered = true));
  panel.webview.html = bareHtml();
  await until(() => rendered);
  const ms = performance.now() - t0;
  sub.dispose();
  panel.dispose();
  return ms;
}

interface BuilderHooks {
  builderRendered?(): boolean;
}

/** mentoring.openBuilder until the builder's webview has shown the journal's data; closed afterwards. */
async function builderPanel(api: BuilderHooks): Promise<number> {
  if (typeof api.builderRendered !== 'function') throw new Error('the extension has no builderRendered test hook');
  const t0 = performance.now();
  await vscode.commands.executeCommand('mentoring.openBuilder');
  await until(() => api.builderRendered!());
  const ms = performance.now() - t0;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  return ms;
}

async function builderBench(api: BuilderHooks): Promise<void> {
  // The window's first webview pays for the webview machinery (its service worker, …): a bare panel first, untimed.
  const warmupMs = await barePanel();
  const bareFirst = await barePanel();
  const builderFirst = await builderPanel(api);
  const bareAgain = await barePanel();
  const builderAgain = await builderPanel(api);
  report({ kind: 'builder', warmupMs, bareFirst, builderFirst, bareAgain, builderAgain });
}

export async function run(): Promise<void> {
  const id = process.env.MENTORING_BENCH_EXTENSION;
  if (!id) throw new Error('MENTORING_BENCH_EXTENSION is not set');
  const settleMs = Number(process.env.MENTORING_BENCH_SETTLE_MS ?? 3000);
  await new Promise((resolve) => setTimeout(resolve, settleMs));

  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} is not installed in this host`);
  const seedAttempts = Number(process.env.MENTORING_BENCH_SEED_ATTEMPTS ?? 0);
  const g = globalThis as Record<string, unknown>;
  if (seedAttempts > 0) g[SEED_GLOBAL] = { key: STORE_KEY, value: { v: JOURNAL_VERSION, data: bigJournal(seedAttempts) } };
  const profileFile = process.env.MENTORING_BENCH_PROFILE;
  let session: Session | undefined;
  if (profileFile) {
    session = new Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    await post(session, 'Profiler.start');
  }

  const wasActive = ext.isActive;
  const elu = performance.eventLoopUtilization();
  const t0 = performance.now();
  const api = (await ext.activate()) as ({ workspaceState?: MementoLike; journal?(): { attempts: unknown[] } } & BuilderHooks) | undefined;
  const ms = performance.now() - t0;
  // busyMs: time this thread was busy meanwhile (loading, activate()); the rest is waiting, e.g. for the window.
  const busyMs = performance.eventLoopUtilization(elu).active;

  if (session && profileFile) {
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
  }
  let seedMs = 0;
  let attempts: number | null = null;
  if (seedAttempts > 0) {
    seedMs = Number(g[SEED_MS_GLOBAL]);
    attempts = api?.journal?.().attempts.length ?? null;
    if (!Number.isFinite(seedMs) || attempts !== seedAttempts) {
      throw new Error(`the journal was not seeded before activation (seedMs ${seedMs}, ${attempts} attempts in the journal, ${seedAttempts} meant)`);
    }
  }
  report({ kind: 'activation', id, ms, busyMs, wasActive, seedMs, attempts, profiled: !!profileFile, host: `${vscode.env.appName} ${vscode.version}` });

  if (process.env.MENTORING_BENCH_STORE === '1') {
    if (!api?.workspaceState) throw new Error(`${id} does not return { workspaceState } from activate()`);
    // The budget is for 1,000 attempts; 10,000 shows how the cost grows (each write ships the whole value).
    await storeOverRealMemento(api.workspaceState, 1_000, 15);
    await storeOverRealMemento(api.workspaceState, 10_000, 9);
  }
  if (process.env.MENTORING_BENCH_BUILDER === '1') await builderBench(api ?? {});
  console.log(`MENTORING_RESULT ${JSON.stringify({ passed: 1, failed: 0, pending: 0 })}`);
}
