/**
 * mentoring.draftRequest inside a real extension host: the quick-input flow driven by the workbench's own
 * quick-input commands (accept, Back, close), and the argument form.
 *
 * The extension host cannot type into a quick input (`type` and paste only reach editors), so the full
 * keyboard flow — typing the time frame and topics, the review, saving — is covered end to end by
 * test/e2e/draftRequestKeyboard.test.mjs; here: that the flow waits for its answers, that Back and Esc
 * work, and that nothing is saved until the last step.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Journal } from '../../src/domain/journal';
import { FINANCIAL_ACUMEN, journalWith, PUBLIC_SPEAKING } from '../support/journals';
import { api, setJournal, snapshot } from './support';

function terry(): Journal {
  return journalWith({ skills: [FINANCIAL_ACUMEN, { ...PUBLIC_SPEAKING, importance: 4 }] });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = (id: string) => Promise.resolve(vscode.commands.executeCommand(id)).then(() => sleep(300));

/** Starts the interactive command without waiting for it; `settled()` says whether it has finished. */
function startInteractive(): { result: Promise<string | undefined>; settled: () => boolean } {
  let settled = false;
  const result = Promise.resolve(vscode.commands.executeCommand<string | undefined>('mentoring.draftRequest')).finally(() => {
    settled = true;
  });
  return { result, settled: () => settled };
}

describe('Draft a Specific Request: quick input and argument (inside a real extension host)', () => {
  beforeEach(() => setJournal(terry()));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await setJournal();
  });

  it('waits for its answers, goes Back, refuses an empty time frame, and Esc saves nothing', async () => {
    const a = await api();
    const before = snapshot(a);
    const flow = startInteractive();
    await sleep(1500); // the first step is shown
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 1: the focus skill (listed first)
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 2: Terry (linked to it, listed first)
    await run('workbench.action.quickInputBack'); // back to 1
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 1 again
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 2 again
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 3: the default sessions
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 4: 45 minutes
    await run('workbench.action.acceptSelectedQuickOpenItem'); // 5: an empty time frame is refused…
    await run('workbench.action.acceptSelectedQuickOpenItem'); // …again
    assert.equal(flow.settled(), false, 'the command is still asking');
    assert.equal(snapshot(a), before, 'nothing is saved before the last step');
    await run('workbench.action.closeQuickOpen'); // Esc
    assert.equal(await flow.result, undefined, 'a cancelled flow returns nothing');
    assert.equal(snapshot(a), before, 'and changes nothing');
  });

  it('a second run starts afresh after a cancelled one', async () => {
    const first = startInteractive();
    await sleep(1000);
    await run('workbench.action.closeQuickOpen');
    assert.equal(await first.result, undefined);
    const second = startInteractive();
    await sleep(1000);
    assert.equal(second.settled(), false, 'the second run asks again');
    await run('workbench.action.closeQuickOpen');
    assert.equal(await second.result, undefined);
  });

  describe('with an argument it asks nothing', () => {
    it('saves minutesPerSession and accepts no topics (a skeleton) or two to five', async () => {
      const text = await vscode.commands.executeCommand<string>('mentoring.draftRequest', { personId: 'p1', sessions: 3, minutesPerSession: 30, timeframe: 'this quarter', topics: [' reading reports ', 'telling the story', ''] });
      assert.match(text, /three 30-minute sessions with me this quarter, focusing on reading reports and telling the story\?/);
      const saved = (await api()).journal().attempts.at(-1);
      assert.deepEqual(saved?.ask, { sessions: 3, minutesPerSession: 30, timeframe: 'this quarter', topics: ['reading reports', 'telling the story'] });
      await vscode.commands.executeCommand<string>('mentoring.draftRequest', { personId: 'p1' });
      assert.equal((await api()).journal().attempts.length, 2);
    });

    it('refuses one topic, more than five, and bad minutes, changing nothing', async () => {
      const a = await api();
      const before = snapshot(a);
      const refuse = async (arg: object, reason: RegExp) => {
        await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.draftRequest', arg)), (e: Error) => reason.test(e.message));
        assert.equal(snapshot(a), before);
      };
      await refuse({ personId: 'p1', topics: ['just one'] }, /topics: One topic so far/);
      await refuse({ personId: 'p1', topics: ['a', 'b', 'c', 'd', 'e', 'f'] }, /topics: 6 topics: keep it to five at most/);
      await refuse({ personId: 'p1', topics: ['same', 'Same'] }, /listed twice/);
      await refuse({ personId: 'p1', minutesPerSession: '45' }, /minutesPerSession must be/);
      await refuse({ personId: 'p1', minutesPerSession: 1000 }, /minutesPerSession must be/);
    });
  });
});
