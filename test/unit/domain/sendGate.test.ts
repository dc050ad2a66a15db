import * as assert from 'node:assert/strict';
import { checkContextOf, OPEN_REQUEST_STATUSES, sendConcerns, sendsCleanly } from '../../../src/domain/sendGate';
import { checkRequest } from '../../../src/domain/requestCheck';
import { STATUSES } from '../../../src/domain/journal';
import { attempt, terryJournal, TERRY_TEXT } from '../../support/journals';

const MENTOR_TEXT = 'Hi Terry, would you be my mentor?';

describe('send gate (what to ask before a request is marked as sent)', () => {
  it('asks nothing about a good request with no other open request', () => {
    const j = terryJournal();
    const c = sendConcerns(j, j.attempts[0]!);
    assert.deepEqual(c.errors, []);
    assert.deepEqual(c.sameAsk, []);
    assert.equal(sendsCleanly(c), true);
  });

  it('names the errors of "Would you be my mentor?" and its low score', () => {
    const j = terryJournal([attempt({ id: 'a1', text: MENTOR_TEXT })]);
    const c = sendConcerns(j, j.attempts[0]!);
    assert.ok(c.errors.length >= 2, `errors: ${c.errors.map((f) => f.id).join(', ')}`);
    assert.ok(c.errors.some((f) => f.id === 'mentor-word'), c.errors.map((f) => f.id).join(', '));
    assert.ok(c.errors.every((f) => f.severity === 'error'));
    assert.ok(c.score < 60, `score ${c.score}`);
    assert.equal(sendsCleanly(c), false);
  });

  it('checks the text given instead of the stored one (the builder form before a save)', () => {
    const j = terryJournal();
    assert.ok(sendConcerns(j, j.attempts[0]!, MENTOR_TEXT).errors.length > 0);
  });

  it('finds another open request to the same person for the same skill, in every open status and no other', () => {
    for (const status of STATUSES) {
      const j = terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a0', status })]);
      const c = sendConcerns(j, j.attempts[0]!);
      assert.deepEqual(
        c.sameAsk.map((a) => a.id),
        OPEN_REQUEST_STATUSES.includes(status) ? ['a0'] : [],
        status,
      );
    }
  });

  it('does not count another skill or another person', () => {
    const j = terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2', status: 'sent', skillId: 's2' }), attempt({ id: 'a3', status: 'sent', personId: 'p2' })]);
    assert.deepEqual(sendConcerns(j, j.attempts[0]!).sameAsk, []);
  });

  it('gives the check what the journal knows: the name, the skill and the planned sessions', () => {
    const j = terryJournal();
    const ctx = checkContextOf(j, j.attempts[0]!);
    assert.equal(ctx.personName, 'Terry');
    assert.equal(ctx.skillName, 'Financial acumen');
    assert.equal(ctx.sessions, 3);
    // The context sharpens the check: "Hi Robin" is the wrong name for Terry's request.
    const wrongName = sendConcerns(j, j.attempts[0]!, TERRY_TEXT.replace('Hi Terry', 'Hi Robin'));
    const generic = checkRequest(TERRY_TEXT.replace('Hi Terry', 'Hi Robin'));
    assert.ok(wrongName.score < generic.score, `${wrongName.score} < ${generic.score}`);
  });
});
