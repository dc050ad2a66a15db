import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
