// End-to-end (issue 11.1): reminders show from startup. The extension activates when VS Code has started
// (onStartupFinished), so with the Explorer showing — the Mentoring view never opened — the status bar says
// what is due, before and after a reload of the window.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dueStatus, eventually, REPO, startSession } from './harness.mjs';

describe('Reminders from startup (a person in a real VS Code)', function () {
  let s;
  let clockFile;
  before(async () => {
    clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-clock-')), 'now');
    fs.writeFileSync(clockFile, '2026-11-26T12:00:00');
    s = await startSession({ env: { MENTORING_SEED_JOURNAL: path.join(REPO, 'demo', 'journal.json'), MENTORING_TEST_CLOCK_FILE: clockFile } });
  });
  after(async () => {
    await s?.stop();
    fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
  });

  it('with the Explorer showing, the status bar shows what is due without opening the Mentoring view', async () => {
    await s.page.keyboard.press('Control+Shift+E');
    await eventually(async () => (await s.page.locator('.sidebar .title-label').first().innerText()).toUpperCase().includes('EXPLORER'), 'the Explorer', 30_000);
    await eventually(async () => (await dueStatus(s.page)) === '2 due', 'the status bar: 2 due', 30_000);
    const mentoringViews = await s.page.locator('.pane-header[aria-label^="Outreach"]').count();
    assert.equal(mentoringViews, 0, 'the Mentoring view was not opened');
  });

  it('after a reload, still showing the Explorer, the status bar shows it again', async () => {
    await s.reload();
    await eventually(async () => (await s.page.locator('.sidebar .title-label').first().innerText()).toUpperCase().includes('EXPLORER'), 'the Explorer after the reload', 30_000);
    await eventually(async () => (await dueStatus(s.page)) === '2 due', 'the status bar after the reload: 2 due', 30_000);
    await s.screenshot?.('e2e-startup-due');
  });
});
