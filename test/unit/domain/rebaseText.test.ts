import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { rebaseText } from '../../../src/domain/rebaseText';
import { renderRequest, type RequestModel } from '../../../src/domain/templates';

const MODEL: RequestModel = {
  personName: 'Terry',
  aspiration: 'developing my leadership skills',
  skill: 'Financial acumen',
  evidence: "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.",
  sessions: 3,
  minutesPerSession: 45,
  timeframe: 'over the next six weeks',
  topics: ['a high level understanding of our financial reports', 'how you convert those numbers into a compelling story'],
};
const draft = (change: Partial<RequestModel> = {}) => renderRequest({ ...MODEL, ...change });

describe('rebaseText: a form change carried into the person\'s own text where it is safe', () => {
  const base = draft();
  const mine = base.replace('Thank you!', 'Thanks a lot — I know you are busy.').replace('I am working on', 'Lately I have been working on');

  it('carries the sessions number phrase over when it still reads as the template wrote it', () => {
    const next = draft({ sessions: 2 });
    const out = rebaseText(base, next, mine);
    assert.ok(out !== null);
    assert.match(out, /spend two 45-minute sessions with me/);
    assert.match(out, /Thanks a lot — I know you are busy\./, 'the person\'s words stay');
    assert.match(out, /Lately I have been working on/);
  });

  it('carries minutes, time frame, an added topic and a new person over, each where it is', () => {
    const next = draft({ minutesPerSession: 30, timeframe: 'before the end of March', personName: 'Sofia', topics: [...MODEL.topics, 'what someone at my level should read'] });
    const out = rebaseText(base, next, mine);
    assert.ok(out !== null);
    assert.match(out, /^Hi Sofia,/);
    assert.match(out, /three 30-minute sessions with me before the end of March/);
    assert.match(out, /compelling story, and what someone at my level should read\?/);
    assert.match(out, /Thanks a lot/);
  });

  it('is the text itself when the template did not change, and the new template when the text was never edited', () => {
    assert.equal(rebaseText(base, base, mine), mine);
    const next = draft({ sessions: 4 });
    assert.equal(rebaseText(base, next, base), next);
  });

  it('changes nothing (null) when the phrase was rewritten by the person', () => {
    const rewritten = base.replace('Would you be willing to spend three 45-minute sessions with me over the next six weeks', 'Could we meet a few times over the coming weeks');
    assert.equal(rebaseText(base, draft({ sessions: 2 }), rewritten), null);
  });

  it('changes nothing (null) when the phrase is there more than once', () => {
    const twice = `${mine}\nP.S. Even three 45-minute sessions would help.`;
    // "three 45-minute sessions" alone is ambiguous, but with the template's words around it, it is found once.
    const out = rebaseText(base, draft({ sessions: 2 }), twice);
    assert.ok(out !== null);
    assert.match(out, /spend two 45-minute sessions with me/);
    assert.match(out, /Even three 45-minute sessions would help/);
    const cut = 'three 45-minute sessions with me or three 45-minute sessions with me';
    assert.equal(rebaseText(base, draft({ sessions: 2 }), cut), null);
  });

  it('counts a change the person already made the same way as carried over', () => {
    const already = mine.replace('three 45-minute', 'two 45-minute');
    assert.equal(rebaseText(base, draft({ sessions: 2 }), already), already);
  });

  it('never throws, and gives the edited text or null, for any texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b, c) => {
        const out = rebaseText(a, b, c);
        assert.ok(out === null || typeof out === 'string');
        if (a === b) assert.equal(out, c);
      }),
    );
  });

  it('gives the new template whenever the text is still the old template', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(15, 30, 45, 60, 90), fc.constantFrom('', 'over the next six weeks', 'this quarter'), (sessions, minutes, timeframe) => {
        const next = draft({ sessions, minutesPerSession: minutes, timeframe });
        assert.equal(rebaseText(base, next, base), next);
      }),
    );
  });
});
