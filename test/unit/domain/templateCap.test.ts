/**
 * Issue 9.4: a user's template can render millions of characters (four nested {{#each @root.topics}} in a
 * 133-byte file rendered 5 million). Whatever renders a text caps it at the journal's limit, with a note the
 * person sees, before it reaches the check, the preview or the store.
 */
import * as assert from 'node:assert/strict';
import { LIMITS, parseJournal } from '../../../src/domain/journal';
import { addDraft } from '../../../src/domain/drafting';
import { capText, renderRequest, renderText, SHORTENED_NOTE, storedText } from '../../../src/domain/templates';
import { checkRequest } from '../../../src/domain/requestCheck';
import { terryJournal } from '../../support/journals';

const MODEL = { personName: 'Terry', aspiration: 'leading a team', skill: 'Financial acumen', evidence: '', sessions: 3, timeframe: 'over six weeks', topics: ['a', 'b'] };

describe('drafted texts fit the journal (issue 9.4)', () => {
  it('the note names the limit as a person reads it', () => {
    assert.equal(SHORTENED_NOTE, '[Shortened here: texts are limited to 20,000 characters]');
  });

  it('a user template that renders 5 million characters gives a text at the limit, ending with the note', () => {
    const huge = () => 'Hi Terry, would you be willing to spend three sessions with me? '.repeat(80_000);
    const text = renderRequest(MODEL, huge);
    assert.ok(text.length <= LIMITS.longText, String(text.length));
    assert.ok(text.trimEnd().endsWith(SHORTENED_NOTE));
    assert.ok(renderText('thanks', {}, huge).length <= LIMITS.longText);
    // and the check of it is bounded and flags the note's brackets, so the person sees where it was cut
    assert.ok(checkRequest(text).findings.some((f) => f.id === 'placeholder'), JSON.stringify(checkRequest(text).findings.map((f) => f.id)));
  });

  it('capText leaves a text within the limit as it is and never splits a surrogate pair', () => {
    assert.equal(capText('short'), 'short');
    const emoji = '😀'.repeat(LIMITS.longText);
    const capped = capText(emoji);
    assert.ok(capped.length <= LIMITS.longText);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(capped), 'no lone high surrogate');
  });

  it('an edited text of exactly the limit is stored as it is (no newline pushed past the limit)', () => {
    assert.equal(storedText('x'.repeat(LIMITS.longText)).length, LIMITS.longText);
    assert.equal(storedText('  Hi  '), 'Hi\n');
    const r = addDraft(terryJournal([]), { skill: { id: 's1' }, person: { id: 'p1' }, sessions: 3, timeframe: '', topics: ['a', 'b'], text: 'y'.repeat(LIMITS.longText) }, new Date('2026-11-26T10:00:00Z'));
    assert.ok(r.ok);
    assert.ok(parseJournal(JSON.parse(JSON.stringify(r.value.journal))).ok);
  });
});
