import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { reminderMessage } from '../../src/shell/dueReminders';
import { api, EXTENSION_ID } from './support';

describe('extension: activation and contributions', () => {
  it('activates and exposes the journal', async () => {
    const a = await api();
    assert.equal(typeof a.journal, 'function');
    assert.equal(a.journal().format, 'mentoring-outreach/journal');
  });

  it('registers every command of the public contract (DESIGN.md)', async () => {
    await api();
    const all = new Set(await vscode.commands.getCommands(true));
    const contract = ['openBuilder', 'draftRequest', 'draftFollowUp', 'recordResponse', 'markSent', 'logSession', 'deleteAttempt', 'exportJournal', 'importJournal', 'checkRequest'];
    for (const id of contract.map((c) => `mentoring.${c}`)) {
      assert.ok(all.has(id), `${id} is registered`);
    }
  });

  it('declares only commands it registers, in the Mentoring category', async () => {
    await api();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { commands: { command: string; category: string }[]; views: Record<string, { id: string }[]>; viewsContainers: { activitybar: { id: string }[] } };
    };
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of pkg.contributes.commands) {
      assert.ok(all.has(c.command), `${c.command} is declared but not registered`);
      assert.equal(c.category, 'Mentoring');
    }
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.id), ['mentoring']);
    assert.deepEqual(pkg.contributes.views.mentoring?.map((v) => v.id), ['mentoring.outreach', 'mentoring.portfolio']);
  });
});

describe('reminders: the wording (the one home, in the shell, in the display language)', () => {
  it('words an ask-again and a nudge from the facts the domain gives', () => {
    const base = { attemptId: 'a1', personId: 'p1', first: 'Terry', skill: 'Financial acumen' };
    assert.equal(reminderMessage({ ...base, kind: 'askAgain', on: '2027-01-15' }, '2027-01-20'), 'Ask Terry again about financial acumen — you agreed on 15 Jan.');
    assert.equal(reminderMessage({ ...base, kind: 'askAgain', on: '2027-01-15' }, '2028-01-20'), 'Ask Terry again about financial acumen — you agreed on 15 Jan 2027.', 'the year of a date from another year');
    assert.equal(reminderMessage({ ...base, skill: 'AWS', kind: 'askAgain', on: '2027-01-15' }, '2027-01-20'), 'Ask Terry again about AWS — you agreed on 15 Jan.', 'an acronym stays');
    assert.equal(reminderMessage({ ...base, skill: null, kind: 'askAgain', on: '2027-01-15' }, '2027-01-20'), 'Ask Terry again — you agreed on 15 Jan.');
    assert.equal(reminderMessage({ ...base, kind: 'nudge', days: 1 }, '2027-01-20'), 'No reply from Terry for 1 day — a gentle nudge?');
    assert.equal(reminderMessage({ ...base, first: '', kind: 'nudge', days: 9 }, '2027-01-20'), 'No reply from your contact for 9 days — a gentle nudge?');
  });
});
