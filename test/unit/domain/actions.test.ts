/**
 * Issue 10: what a person may do next with an attempt has one home (domain/actions.ts). For every status,
 * what allowedActions offers is exactly what the operations accept — so the tree's menus, the pick lists and
 * the commands can never disagree with the journal's rules.
 */
import * as assert from 'node:assert/strict';
import { allowedActions, FOLLOW_UP_KINDS, RESPONSE_KINDS } from '../../../src/domain/actions';
import { STATUSES, type AttemptStatus } from '../../../src/domain/journal';
import { markSent } from '../../../src/domain/outreach';
import { logSession } from '../../../src/domain/sessions';
import { dismissAfterNo, draftFollowUp, markFollowUpSent, recordFollowUpDraft } from '../../../src/domain/followUps';
import { recordResponse } from '../../../src/domain/responses';
import { editDraftText } from '../../../src/domain/draftText';
import { attempt, terryJournal } from '../../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');

function journalWith(status: AttemptStatus) {
  return terryJournal([
    attempt({
      id: 'a1',
      status,
      askAgainOn: status === 'deferred' ? '2026-12-15' : null,
      sessionsDone: status === 'completed' ? 3 : 0,
      events: [
        { at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' },
        ...(status === 'draft' ? [] : [{ at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' }]),
      ],
    }),
  ]);
}

describe('allowedActions: one home for what may be done next (issue 10)', () => {
  for (const status of STATUSES) {
    it(`${status}: offers exactly what the operations accept`, () => {
      const can = allowedActions({ status });
      const j = journalWith(status);
      assert.equal(can.send, markSent(j, 'a1', NOW).ok, 'send');
      const edited = editDraftText(j, 'a1', 'Hi Terry, a new text.');
      assert.equal(can.edit, edited.ok, `edit: ${edited.ok ? 'edited' : edited.reason}`);
      assert.equal(can.email, can.edit, 'email: what is sent by email is the draft, the text that can still be edited');
      for (const response of RESPONSE_KINDS) {
        const r = recordResponse(j, { attemptId: 'a1', response, askAgainOn: response === 'later' ? '2027-01-15' : null, referral: response === 'referral' ? { name: 'Sam Lee' } : null }, NOW);
        assert.equal(can.responses.includes(response), r.ok, `${response}: ${r.ok ? 'accepted' : r.reason}`);
      }
      for (const kind of FOLLOW_UP_KINDS) {
        const r = draftFollowUp(j, 'a1', kind, '2026-11-26');
        assert.equal(can.followUps.includes(kind), r.ok, `${kind}: ${r.ok ? 'drafted' : r.reason}`);
      }
      const logged = logSession(j, 'a1', undefined, NOW);
      assert.equal(can.logSession, logged.ok, `logSession: ${logged.ok ? 'logged' : logged.reason}`);
      assert.equal(can.awaitingAnswer, status === 'sent' || status === 'declined' || status === 'deferred');
    });
  }

  for (const status of STATUSES) {
    it(`${status}: Mark Follow-up as Sent and Dismiss are offered exactly when the operations accept them`, () => {
      const plain = journalWith(status);
      const histories = [plain];
      // With a follow-up drafted (where one fits), and after a no, a dismissal or a question sent.
      for (const kind of FOLLOW_UP_KINDS) {
        const drafted = recordFollowUpDraft(plain, 'a1', kind, 'The text', NOW);
        if (drafted.ok) histories.push(drafted.value.journal);
      }
      const no = recordResponse(journalWith('sent'), { attemptId: 'a1', response: 'no' }, NOW);
      if (no.ok && status === 'declined') {
        histories.push(no.value.journal);
        const dismissed = dismissAfterNo(no.value.journal, 'a1', new Date('2026-11-26T13:00:00Z'));
        if (dismissed.ok) histories.push(dismissed.value.journal);
      }
      for (const j of histories) {
        const a = j.attempts[0]!;
        const can = allowedActions(a);
        const sent = markFollowUpSent(j, 'a1', new Date('2026-11-26T14:00:00Z'));
        assert.equal(can.markFollowUpSent, sent.ok, `markFollowUpSent after ${a.events.map((e) => e.kind).join(', ')}: ${sent.ok ? 'sent' : sent.reason}`);
        const dismissed = dismissAfterNo(j, 'a1', new Date('2026-11-26T14:00:00Z'));
        assert.equal(can.dismiss, dismissed.ok, `dismiss after ${a.events.map((e) => e.kind).join(', ')}: ${dismissed.ok ? 'dismissed' : dismissed.reason}`);
        assert.equal(can.askAfterNo, a.status === 'declined' && !a.events.some((e) => e.kind === 'dismissed'));
      }
      // Without the history, nothing that depends on it is offered.
      assert.equal(allowedActions({ status }).markFollowUpSent, false);
    });
  }
});
