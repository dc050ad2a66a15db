import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Journal } from '../../src/domain/journal';
import { api, setJournal, snapshot, terry } from './support';

/** Terry with only the draft a1. */
function journal(): Journal {
  const j = terry();
  return { ...j, attempts: j.attempts.slice(0, 1) };
}

const config = () => vscode.workspace.getConfiguration('mentoring');

describe('opt-in sync through Settings Sync (inside a real extension host)', () => {
  before(() => setJournal(journal()));
  after(async () => {
    await config().update('sync', undefined, vscode.ConfigurationTarget.Global);
    await setJournal();
  });

  it('is off by default: nothing is mirrored', async () => {
    const a = await api();
    assert.equal(config().get('sync'), false);
    await a.syncNow();
    assert.equal(a.syncedState(), undefined);
  });

  it('when turned on, mirrors the journal and every later change into the synced key', async () => {
    const a = await api();
    await config().update('sync', true, vscode.ConfigurationTarget.Global);
    await a.syncNow();
    const first = a.syncedState() as { v: number; journal: Journal };
    assert.equal(first.v, 1);
    assert.deepEqual(first.journal.attempts.map((x) => x.id), ['a1']);
    await vscode.commands.executeCommand('mentoring.markSent', { attemptId: 'a1' });
    await a.syncNow();
    assert.equal((a.syncedState() as { journal: Journal }).journal.attempts[0]?.status, 'sent');
  });

  it("merges another machine's change (newest wins per record)", async () => {
    const a = await api();
    const mine = a.syncedState() as { v: 1; journal: Journal; stamps: Record<string, string>; tombstones: Record<string, string> };
    const later = new Date(Date.now() + 60_000).toISOString();
    const theirs = {
      ...mine,
      journal: { ...mine.journal, aspiration: 'growing into a team lead' },
      stamps: { ...mine.stamps, profile: later },
    };
    await a.simulateSyncedState(theirs);
    assert.equal(a.journal().aspiration, 'growing into a team lead');
    assert.equal(a.journal().attempts[0]?.status, 'sent', 'records the other machine did not change stay as they are');
  });

  it('ignores an invalid synced value: nothing changes', async () => {
    const a = await api();
    const before = snapshot(a);
    await a.simulateSyncedState({ v: 1, journal: { format: 'not a journal' }, stamps: {}, tombstones: {} });
    await a.simulateSyncedState({ v: 99 });
    await a.simulateSyncedState('garbage');
    assert.equal(snapshot(a), before);
  });

  it('9.3 never overwrites a synced value written by a newer version, even after a local edit', async () => {
    const a = await api();
    const newer = { v: 1, journal: { ...journal(), version: 2, fromTheFuture: { kept: true } }, stamps: {}, tombstones: {} };
    await a.simulateSyncedState(newer);
    await vscode.commands.executeCommand('mentoring.logAdvocacy', { personId: 'p1', detail: 'Put my name forward for the finance review.' });
    await a.syncNow();
    assert.deepEqual(a.syncedState(), newer);
  });
});
