/**
 * One cold activation in a fresh Node process, with the stub vscode API:
 *   node out/bench/activationProbe.js EXTENSION_MAIN [ATTEMPTS]
 * Times `require(main)` (module load) and `await activate(context)`, prints one JSON line
 * `{"loadMs":…,"activateMs":…,"totalMs":…,"autoStubbed":[…]}` and exits. ATTEMPTS > 0 seeds workspaceState with a
 * journal of that many attempts first (not timed). bench/micro.ts runs this many times and takes medians:
 * a fresh process is the honest figure, as repeated loads in one process reuse V8's compiled code.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { autoStubbed, fakeContext, installVscodeStub } from './vscodeStub';
import { VscodeLikeMemento } from './mementos';
import { bigJournal } from '../test/support/journals';
import { JOURNAL_VERSION } from '../src/domain/journal';
import { STORE_KEY } from '../src/storage/journalStore';

/** The folder holding the extension's package.json, above its main file. */
function extensionRoot(main: string): string {
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return path.dirname(main);
}

async function main(): Promise<void> {
  const [file, attemptsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: activationProbe.js EXTENSION_MAIN [ATTEMPTS]');
  const attempts = Number(attemptsArg ?? 0);
  const memento = new VscodeLikeMemento(attempts > 0 ? { [STORE_KEY]: { v: JOURNAL_VERSION, data: bigJournal(attempts) } } : {});
  const main = path.resolve(file);
  const context = fakeContext(memento, extensionRoot(main));
  installVscodeStub();

  const load = createRequire(__filename);
  const t0 = performance.now();
  const mod = load(main) as { activate(c: unknown): unknown };
  const t1 = performance.now();
  await mod.activate(context);
  const t2 = performance.now();

  console.log(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, autoStubbed }));
  // activate() starts timers (e.g. the midnight refresh); dispose like VS Code does on deactivation.
  for (const d of context.subscriptions) d.dispose();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
