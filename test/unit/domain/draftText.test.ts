/** Editing a saved draft's text (domain/draftText.ts): only a draft, within the journal's limit, nothing else changes. */
import * as assert from 'node:assert/strict';
import { allowedActions } from '../../../src/domain/actions';
import { draftEditProblem, editDraft, editDraftText } from '../../../src/domain/draftText';
import { updateDraft } from '../../../src/domain/drafting';
import { LIMITS, parseJournal } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../../support/journals';

describe('editing a draft’s text', () => {
  it('replaces the text of the draft, and nothing else', () => {
    const j = terryJournal([attempt({ id: 'a1', status: 'draft', text: 'Hi Terry, old.' }), attempt({ id: 'a2', status: 'draft', text: 'Other.' })]);
    const r = editDraftText(j, 'a1', 'Hi Terry, new — with “quotes”, & and ü.\n');
    assert.ok(r.ok);
    assert.equal(r.value.attempts[0]!.text, 'Hi Terry, new — with “quotes”, & and ü.\n');
    assert.deepEqual({ ...r.value.attempts[0]!, text: 'Hi Terry, old.' }, j.attempts[0]);
    assert.equal(r.value.attempts[1], j.attempts[1]);
    assert.equal(r.value.attempts[0]!.events.length, j.attempts[0]!.events.length, 'no event: the history is of what was done, not of typing');
    assert.ok(parseJournal(r.value).ok, 'what it writes passes the import validation');
  });

  it('gives back the same journal when the text is unchanged (nothing to write)', () => {
    const j = terryJournal([attempt({ id: 'a1', status: 'draft', text: 'Same.' })]);
    const r = editDraftText(j, 'a1', 'Same.');
    assert.ok(r.ok);
    assert.equal(r.value, j);
  });

  it('takes a text of exactly the limit, and refuses one character more, changing nothing', () => {
    const j = terryJournal([attempt({ id: 'a1', status: 'draft' })]);
    assert.ok(editDraftText(j, 'a1', 'x'.repeat(LIMITS.longText)).ok);
    const r = editDraftText(j, 'a1', 'x'.repeat(LIMITS.longText + 1));
    assert.equal(r.ok, false);
    assert.match((r as { reason: string }).reason, /20001 characters long; the journal keeps at most 20000/);
    assert.deepEqual(draftEditProblem(j, 'a1', 'x'.repeat(LIMITS.longText + 1)), { kind: 'too-long', length: LIMITS.longText + 1, max: LIMITS.longText });
  });

  it('refuses a request that is no longer a draft, and an attempt that is gone', () => {
    for (const status of ['sent', 'accepted', 'declined', 'deferred', 'completed', 'withdrawn'] as const) {
      const j = terryJournal([attempt({ id: 'a1', status, askAgainOn: status === 'deferred' ? '2027-01-15' : null })]);
      const r = editDraftText(j, 'a1', 'New.');
      assert.equal(r.ok, false, status);
      assert.match((r as { reason: string }).reason, new RegExp(`is ${status}: only a draft can be edited`));
    }
    const j = terryJournal([attempt({ id: 'a1', status: 'draft' })]);
    assert.deepEqual(draftEditProblem(j, 'gone', 'x'), { kind: 'missing' });
    assert.match((editDraftText(j, 'gone', 'x') as { reason: string }).reason, /no longer exists/);
  });
});

describe('one rule for changing a saved draft: the bound editor and the builder', () => {
  const update = (text: string) => ({ personId: 'p1', skillId: 's1', sessions: 2, minutesPerSession: 45, timeframe: 'this quarter', topics: ['a', 'b'], text });

  it('refuse the same attempts, with the same reason (only a draft; an attempt that is gone)', () => {
    for (const status of ['draft', 'sent', 'accepted', 'declined', 'deferred', 'completed', 'withdrawn'] as const) {
      const j = terryJournal([attempt({ id: 'a1', status, askAgainOn: status === 'deferred' ? '2027-01-15' : null })]);
      const byEditor = editDraftText(j, 'a1', 'New.');
      const byBuilder = updateDraft(j, 'a1', update('New.'));
      assert.equal(byBuilder.ok, byEditor.ok, status);
      assert.equal(byEditor.ok, allowedActions(j.attempts[0]!).edit, status);
      if (!byEditor.ok && !byBuilder.ok) assert.equal(byBuilder.reason, byEditor.reason, status);
    }
  });

  it('keep the journal’s limit on the text the same way', () => {
    const j = terryJournal([attempt({ id: 'a1', status: 'draft' })]);
    const long = 'x'.repeat(LIMITS.longText + 1);
    assert.equal(editDraftText(j, 'a1', long).ok, false);
    assert.equal(updateDraft(j, 'a1', update(long)).ok, false);
  });

  it('keep the attempt: its id, its history and fields it has kept', () => {
    const kept = { ...attempt({ id: 'a1', status: 'draft', text: 'Old.' }), futureField: 'kept' };
    const j = terryJournal([kept]);
    const r = updateDraft(j, 'a1', update('New text.'));
    assert.ok(r.ok);
    assert.equal(r.value.attempt.id, 'a1');
    assert.equal(r.value.attempt.text, 'New text.\n', 'stored as the builder stores a text');
    assert.deepEqual(r.value.attempt.events, kept.events, 'no event for an edit');
    assert.equal((r.value.attempt as unknown as { futureField: string }).futureField, 'kept');
    assert.deepEqual(r.value.attempt.ask.topics, ['a', 'b']);
    assert.ok(parseJournal(r.value.journal).ok);
    const same = editDraft(j, 'a1', { text: 'Old.' });
    assert.ok(same.ok);
    assert.equal(same.value.journal, j, 'nothing changed: the same journal');
  });
});
