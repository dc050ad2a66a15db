import * as assert from 'node:assert/strict';
import { emptyJournal, STATUSES } from '../../../src/domain/journal';
import { methodProgress } from '../../../src/domain/progress';
import { attempt, journalWith, TERRY } from '../../support/journals';

describe('method progress (what ticks the walkthrough)', () => {
  it('nothing is done in an empty journal', () => {
    assert.deepEqual(methodProgress(emptyJournal()), { assessed: false, identified: false, asked: false, answered: false });
  });

  it('assess, identify and ask follow the focus, a person for it and any request', () => {
    assert.deepEqual(methodProgress(journalWith({ people: [] })), { assessed: true, identified: false, asked: false, answered: false });
    assert.deepEqual(methodProgress(journalWith({ people: [{ ...TERRY, skillIds: ['s2'] }] })).identified, false, 'someone for another skill is not enough');
    assert.deepEqual(methodProgress(journalWith({ attempts: [attempt({ id: 'a1' })] })), { assessed: true, identified: true, asked: true, answered: false });
  });

  it('an answer counts as a response event or as the status only an answer leads to (older and imported journals)', () => {
    for (const status of STATUSES) {
      const p = methodProgress(journalWith({ attempts: [attempt({ id: 'a1', status })] }));
      assert.equal(p.answered, ['accepted', 'deferred', 'declined', 'completed'].includes(status), status);
    }
    const withEvent = journalWith({ attempts: [attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'response', detail: 'yes' }] })] });
    assert.equal(methodProgress(withEvent).answered, true);
  });
});
