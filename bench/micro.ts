/**
 * Plain-Node benchmarks (`node out/bench/micro.js`, run by bench/run.mjs after a production build).
 * Each figure is a median over repeated runs, printed next to a baseline measured in the same run, and
 * written to out/results/bench-node.json for bench/run.mjs to compare with the budgets. Nothing is asserted.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import './installStub'; // first: the modules below require('vscode')
import { fakeContext, vscodeStub } from './vscodeStub';
import { ReferenceMemento, VscodeLikeMemento } from './mementos';
import { InMemoryMemento } from '../test/unit/support/memento';
import { bigJournal, TERRY_TEXT } from '../test/support/journals';
import { BUILDER_CONTEXT, hugeRequests } from '../test/unit/fixtures/hugeRequests';
import { checkRequest, type CheckContext } from '../src/domain/requestCheck';
import { JOURNAL_VERSION, parseJournal, type Journal } from '../src/domain/journal';
import { markSent } from '../src/domain/outreach';
import { JournalStore, STORE_KEY, type MementoLike } from '../src/storage/journalStore';
import { OutreachTreeProvider } from '../src/views/outreachTree';

const ATTEMPTS = 10_000;
const TODAY = '2026-12-10';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface Stat {
  median: number;
  min: number;
  max: number;
  /** The first run: cold code, before the JIT has optimised anything. */
  first: number;
}

/** Runs `fn` `runs` times, one after another; every run counts (no warm-up is thrown away). */
async function time(runs: number, fn: () => unknown): Promise<Stat> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), first: samples[0]! };
}

/** Something the optimiser cannot prove unused, so timed work is not eliminated. */
let sink: unknown;

/** The Outreach tree as VS Code reads it after a change: refresh, the root, every group's children and their items. */
function walkTree(tree: OutreachTreeProvider, withEvents: boolean): number {
  tree.refresh();
  let items = 0;
  for (const group of tree.getChildren()) {
    sink = tree.getTreeItem(group);
    for (const node of tree.getChildren(group)) {
      sink = tree.getTreeItem(node);
      items++;
      if (withEvents) for (const event of tree.getChildren(node)) sink = tree.getTreeItem(event);
    }
  }
  return items;
}

/** Timings of one `store.change` (mark a draft as sent) at ATTEMPTS attempts, over `memento`. */
async function storeMutation(memento: MementoLike, runs: number): Promise<Stat> {
  const { store } = await JournalStore.open(memento);
  // Subscribed as in the extension: every write refreshes the tree.
  const tree = new OutreachTreeProvider(store, { today: () => TODAY, nudgeAfterDays: () => 7 });
  let n = 0;
  const ms = await time(runs, async () => {
    // Attempt i has status STATUSES[i % 7]: multiples of 7 are drafts, so every run makes a real transition.
    const id = `a${(n++ * 7) % ATTEMPTS}`;
    await store.change((j) => markSent(j, id, new Date()));
  });
  tree.dispose();
  store.dispose();
  return ms;
}

/** One cold activation, as bench/activationProbe.ts reports it. */
interface ColdSample {
  loadMs: number;
  activateMs: number;
  totalMs: number;
  autoStubbed: string[];
}

/** Runs the probe in a fresh Node process (no code compiled yet, as in a new extension host). */
function coldActivation(probe: string, main: string, attempts: number): ColdSample {
  const r = spawnSync(process.execPath, [probe, main, String(attempts)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`activation probe failed for ${main}: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ColdSample;
}

function coldMedians(samples: ColdSample[]) {
  return {
    loadMs: median(samples.map((s) => s.loadMs)),
    activateMs: median(samples.map((s) => s.activateMs)),
    totalMs: median(samples.map((s) => s.totalMs)),
  };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  const results: Record<string, number | string> = {};
  // Prints a median (with the first run and the range when there are samples) and records it for bench/run.mjs.
  const note = (k: string, v: number | Stat, what: string) => {
    const m = typeof v === 'number' ? v : v.median;
    results[k] = m;
    const spread = typeof v === 'number' ? '' : `   (first ${v.first.toFixed(1)}, range ${v.min.toFixed(1)}–${v.max.toFixed(1)})`;
    console.log(`  ${what.padEnd(66)} ${m.toFixed(2).padStart(9)} ms${spread}`);
  };
  const journal: Journal = bigJournal(ATTEMPTS);
  const envelope = { v: JOURNAL_VERSION, data: journal };
  console.log(`journal: ${ATTEMPTS} attempts, ${(JSON.stringify(envelope).length / 1e6).toFixed(1)} MB as JSON`);

  // --- The Outreach tree at 10,000 attempts.
  console.log('tree (median of 15)');
  {
    const { store } = await JournalStore.open(new ReferenceMemento({ [STORE_KEY]: envelope }));
    const tree = new OutreachTreeProvider(store, { today: () => TODAY, nudgeAfterDays: () => 7 });
    let items = 0;
    const all = await time(15, () => (items = walkTree(tree, false)));
    note('treeAll10k', all, 'root + all children (refresh, getChildren, getTreeItem)');
    results.treeAll10kFirst = all.first; // the first render after activation runs cold code like this
    note('treeWithEvents10k', await time(15, () => walkTree(tree, true)), '  same, also expanding every attempt’s events (info)');
    // Baseline: the same number of bare TreeItems, kept alive — the floor any tree of this size pays.
    note('treeBaseline10k', await time(15, () => (sink = Array.from({ length: items }, (_, i) => new vscodeStub.TreeItem(`Person ${i}`, 0)))), `  baseline: ${items} bare TreeItems`);
    tree.dispose();
  }

  // --- One store mutation at 10,000 attempts, over mementos that differ in what a write costs.
  console.log('store mutation (median of 15)');
  note('storeMutationOwn10k', await storeMutation(new ReferenceMemento({ [STORE_KEY]: envelope }), 15), 'store only (memento keeps a reference, settles at once)');
  note('storeMutationVscode10k', await storeMutation(new VscodeLikeMemento({ [STORE_KEY]: envelope }), 15), 'incl. serialisation (model of VS Code’s ExtensionMemento)');
  note('storeMutationJsonCopy10k', await storeMutation(new InMemoryMemento({ [STORE_KEY]: envelope }), 15), '  test memento: one JSON.stringify per write (info)');
  note('storeBaseline10k', await time(15, () => (sink = JSON.stringify(envelope))), '  baseline: one JSON.stringify of the journal');

  // --- Validating a 10,000-attempt journal (activation pays this once for a big journal).
  console.log('journal validation (median of 7)');
  const plain = JSON.parse(JSON.stringify(journal)) as unknown;
  note('parse10k', await time(7, () => (sink = parseJournal(plain))), 'parseJournal, 10,000 attempts (info)');
  note('parseBaseline10k', await time(7, () => (sink = JSON.parse(JSON.stringify(plain)))), '  baseline: JSON round trip of the same data');
  // What activation pays with a realistic journal: parse + validate + freeze (JournalStore.open) of 200 attempts.
  const stored200 = { [STORE_KEY]: { v: JOURNAL_VERSION, data: JSON.parse(JSON.stringify(bigJournal(200))) as unknown } };
  note('load200', await time(21, async () => (sink = await JournalStore.open(new ReferenceMemento(stored200)))), 'journal load (JournalStore.open), 200 attempts');
  const stored10k = { [STORE_KEY]: { v: JOURNAL_VERSION, data: plain } };
  note('load10k', await time(7, async () => (sink = await JournalStore.open(new ReferenceMemento(stored10k)))), 'journal load (JournalStore.open), 10,000 attempts (info)');

  // --- The request-quality check on very long texts (a user template can render millions of characters):
  // every shape of test/unit/fixtures/hugeRequests.ts, without and with the builder's context. The budget is for
  // the worst realistic shape; the worst of those built to hurt is shown beside it.
  for (const [length, runs, key] of [[200_000, 5, 'requestCheck200k'], [1_000_000, 3, 'requestCheck1M']] as const) {
    console.log(`request check, ${length.toLocaleString('en')} characters (median of ${runs})`);
    for (let i = 0; i < 20; i++) sink = checkRequest(TERRY_TEXT, BUILDER_CONTEXT); // it has run on every keystroke before
    const worst = { realistic: { ms: -1, name: '' }, hurt: { ms: -1, name: '' } };
    for (const { name, text, realistic } of hugeRequests(length)) {
      for (const [label, context] of [['', {}], [', builder context', BUILDER_CONTEXT]] as [string, CheckContext][]) {
        const stat = await time(runs, () => (sink = checkRequest(text, context)));
        console.log(`  ${(name + label + (realistic ? '' : ' (built to hurt)')).padEnd(66)} ${stat.median.toFixed(2).padStart(9)} ms   (first ${stat.first.toFixed(1)}, range ${stat.min.toFixed(1)}–${stat.max.toFixed(1)})`);
        const w = realistic ? worst.realistic : worst.hurt;
        if (stat.median > w.ms) Object.assign(w, { ms: stat.median, name: name + label });
      }
    }
    results[key] = worst.realistic.ms;
    results[`${key}Worst`] = worst.realistic.name;
    results[`${key}Hurt`] = worst.hurt.ms;
    results[`${key}HurtWorst`] = worst.hurt.name;
  }

  // --- Activation in plain Node with the stub API: module load + activate(), vs hello-world.
  const probe = path.join(__dirname, 'activationProbe.js');
  const ext = path.join(root, 'dist/extension.js');
  const hello = path.join(root, 'bench/fixtures/hello-world/extension.js');
  const COLD = 15;
  console.log(`activation, cold: a fresh process each (median of ${COLD}, interleaved)`);
  const extSamples = [];
  const helloSamples = [];
  for (let i = 0; i < COLD; i++) {
    extSamples.push(coldActivation(probe, ext, 0));
    helloSamples.push(coldActivation(probe, hello, 0));
  }
  const e = coldMedians(extSamples);
  const h = coldMedians(helloSamples);
  note('activateExtension', e.totalMs, 'dist/extension.js: require + activate, empty journal');
  note('activateExtensionLoad', e.loadMs, '  of which require (module load)');
  note('activateExtensionCall', e.activateMs, '  of which activate()');
  note('activateHelloWorld', h.totalMs, 'baseline: hello-world require + activate');
  const filled = extSamples[0]?.autoStubbed ?? [];
  if (filled.length) console.log(`  (API members the stub filled in with no-ops: ${filled.join(', ')})`);
  const big = coldMedians(Array.from({ length: 5 }, () => coldActivation(probe, ext, ATTEMPTS)));
  note('activateExtensionWith10k', big.totalMs, 'dist/extension.js with a 10,000-attempt journal (median of 5, info)');

  // Warm: repeated loads in this process reuse V8's compiled code — shown for comparison only.
  console.log('activation, warm: same process, module re-required (median of 21, info)');
  const load = createRequire(__filename);
  const warm = async (file: string, extensionPath: string) =>
    time(21, async () => {
      delete load.cache[load.resolve(file)];
      const context = fakeContext(new VscodeLikeMemento(), extensionPath);
      await (load(file) as { activate(c: unknown): unknown }).activate(context);
      for (const d of context.subscriptions) d.dispose();
    });
  note('activateExtensionWarm', await warm(ext, root), 'dist/extension.js');
  note('activateHelloWorldWarm', await warm(hello, path.dirname(hello)), 'baseline: hello-world');

  const out = path.join(root, 'out/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'bench-node.json'), JSON.stringify(results, null, 2) + '\n');
  void sink;
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
