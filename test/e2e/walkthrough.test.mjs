// Issue 11.9: the walkthrough's steps tick when they are done anywhere — not only from the walkthrough's own
// buttons. A person opens the walkthrough (nothing done yet), then fills the journal elsewhere (here: an import
// through the file dialog, as the builder, the keyboard flow or a command would): Assess, Identify, Ask and
// Answer tick in the open walkthrough, without reopening it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { answerInput, eventually, quickInput, runCommand, startSession } from './harness.mjs';

const STEPS = ['Assess: pick the one skill that matters', 'Identify someone great at it'];

/** Each step of the open walkthrough: its title and whether it is ticked. */
async function steps(page) {
  return page.locator('.getting-started-step').evaluateAll((nodes) =>
    nodes.map((n) => ({
      title: n.querySelector('.step-title')?.textContent?.trim() ?? '',
      done: n.querySelector('.codicon-getting-started-step-checked') !== null,
    })),
  );
}

describe('the walkthrough ticks what is done anywhere (a person in a real VS Code)', function () {
  let s;
  before(async () => {
    s = await startSession();
  });
  after(async () => {
    await s?.stop();
  });

  it('Getting Started opens it with nothing done; then the journal fills elsewhere: Assess, Identify, Ask and Answer tick in place', async () => {
    const page = s.page;
    // Always reachable, whatever the journal holds (the view's welcome content shows only while it is empty).
    await runCommand(page, 'Mentoring: Getting Started');
    await eventually(async () => (await steps(page)).length === 4, 'the four steps');
    const before = await steps(page);
    assert.ok(STEPS.every((t) => before.some((st) => st.title.startsWith(t))), JSON.stringify(before));
    assert.deepEqual(before.map((st) => st.done), [false, false, false, false], 'nothing is done yet');

    await runCommand(page, 'Mentoring: Import Journal…');
    await eventually(async () => (await quickInput(page))?.value.startsWith(s.workspace), 'the file dialog at the workspace');
    await answerInput(page, path.join(s.workspace, 'demo-journal.json'));
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await dialog.locator('.monaco-button', { hasText: /^(Merge|Import|Replace)$/ }).first().click();

    await eventually(async () => (await steps(page)).every((st) => st.done), 'every step ticked in the open walkthrough');
    await s.screenshot('e2e-walkthrough-ticked');
  });
});
