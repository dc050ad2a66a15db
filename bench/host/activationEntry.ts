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
 *   MENTORING_BENCH_STORE       "1": afterwards, time store mutations at 10,000 attempts over the real
 *                               workspaceState, which the activated extension must return as `{ workspaceState }`
 *                               (bench/fixtures/hello-world does)
 */
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

/** Store mutations at 10,000 attempts over VS Code's own Memento (its JSON copy, the RPC to the window, the answer). */
async function storeOverRealMemento(memento: MementoLike, runs: number): Promise<void> {
  const attempts = 10_000;
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

export async function run(): Promise<void> {
  const id = process.env.MENTORING_BENCH_EXTENSION;
  if (!id) throw new Error('MENTORING_BENCH_EXTENSION is not set');
  const settleMs = Number(process.env.MENTORING_BENCH_SETTLE_MS ?? 3000);
  await new Promise((resolve) => setTimeout(resolve, settleMs));

  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`extension ${id} is not installed in this host`);
  const wasActive = ext.isActive;
  const elu = performance.eventLoopUtilization();
  const t0 = performance.now();
  const api = (await ext.activate()) as { workspaceState?: MementoLike } | undefined;
  const ms = performance.now() - t0;
  // busyMs: time this thread was busy meanwhile (loading, activate()); the rest is waiting, e.g. for the window.
  const busyMs = performance.eventLoopUtilization(elu).active;
  report({ kind: 'activation', id, ms, busyMs, wasActive, host: `${vscode.env.appName} ${vscode.version}` });

  if (process.env.MENTORING_BENCH_STORE === '1') {
    if (!api?.workspaceState) throw new Error(`${id} does not return { workspaceState } from activate()`);
    await storeOverRealMemento(api.workspaceState, 15);
  }
  console.log(`MENTORING_RESULT ${JSON.stringify({ passed: 1, failed: 0, pending: 0 })}`);
}
