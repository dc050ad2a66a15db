import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Journal } from '../../src/domain/journal';
import { FINANCIAL_ACUMEN, journalWith, PUBLIC_SPEAKING, TERRY } from '../support/journals';
import { api, setJournal, snapshot } from './support';

function journal(): Journal {
  return journalWith({
    skills: [FINANCIAL_ACUMEN, PUBLIC_SPEAKING],
    people: [
      { ...TERRY, evidence: 'All Hands.' },
      { id: 'p2', name: 'Robin', org: 'inside', seniority: 'peer', skillIds: ['s2'], evidence: '', referredBy: null, sponsor: false },
    ],
  });
}

const run = (command: string, arg: unknown) => Promise.resolve(vscode.commands.executeCommand(command, arg));

describe('portfolio and sponsors (inside a real extension host)', () => {
  beforeEach(() => setJournal(journal()));
  after(() => setJournal());

  it('contributes the Portfolio view next to Outreach', () => {
    const pkg = vscode.extensions.getExtension('careerkit.mentoring-outreach')!.packageJSON as { contributes: { views: Record<string, { id: string }[]> } };
    assert.deepEqual(pkg.contributes.views.mentoring?.map((v) => v.id), ['mentoring.outreach', 'mentoring.portfolio']);
  });

  it('marks a sponsor and logs what they did; the person keeps a dated advocacy log', async () => {
    assert.deepEqual(await run('mentoring.markSponsor', { personId: 'p1' }), { personId: 'p1', sponsor: true });
    await run('mentoring.logAdvocacy', { personId: 'p2', detail: 'Recommended me for the planning lead.' });
    const people = (await api()).journal().people;
    assert.equal(people.find((p) => p.id === 'p1')?.sponsor, true);
    const robin = people.find((p) => p.id === 'p2') as unknown as { sponsor: boolean; advocacy: { detail: string }[] };
    assert.equal(robin.sponsor, true);
    assert.deepEqual(robin.advocacy.map((e) => e.detail), ['Recommended me for the planning lead.']);
    assert.deepEqual(await run('mentoring.markSponsor', { personId: 'p1', sponsor: false }), { personId: 'p1', sponsor: false });
  });

  it('refuses bad arguments, changing nothing', async () => {
    const a = await api();
    const before = snapshot(a);
    for (const [command, arg, reason] of [
      ['mentoring.markSponsor', { personId: 'ghost' }, /ghost/],
      ['mentoring.markSponsor', { personId: 'p1', sponsor: 'yes' }, /sponsor must be true or false/],
      ['mentoring.logAdvocacy', { personId: 'p1' }, /detail is required/],
      ['mentoring.logAdvocacy', { personId: 'p1', detail: '   ' }, /Say what they did for you/],
      ['mentoring.logAdvocacy', 'p1', /Expected an argument/],
    ] as const) {
      await assert.rejects(run(command, arg), (e: Error) => reason.test(e.message) || assert.fail(`${command}: ${e.message}`));
    }
    assert.equal(snapshot(a), before);
  });
});
