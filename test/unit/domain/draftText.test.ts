/** Editing a saved draft's text (domain/draftText.ts): only a draft, within the journal's limit, nothing else changes. */
import * as assert from 'node:assert/strict';
import { draftEditProblem, editDraftText } from '../../../src/domain/draftText';
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
