/**
 * What the request check's quick fixes offer (domain/quickFixes.ts), in plain Node: the title's wording and what
 * fills it in, one action per distinct edit, the preferred one, and "fix all". The extension host test
 * (test/integration/diagnostics.test.ts) proves the same through VS Code's code actions.
 */
import * as assert from 'node:assert/strict';
import { applyFixes, checkRequest, type Finding } from '../../../src/domain/requestCheck';
import { chooseFixes, fixAllEdit, fixTitle, quote } from '../../../src/domain/quickFixes';

function finding(text: string, id: string, context = {}): Finding {
  const f = checkRequest(text, context).findings.find((x) => x.id === id);
  assert.ok(f, `${id} in ${JSON.stringify(text)}`);
  return f;
}

const all = (findings: readonly Finding[]) => findings.map((_, i) => i);

describe('quick fixes (pure)', () => {
  it('quote: one line, curly quotes, at most 40 characters', () => {
    assert.equal(quote('be my\n mentor'), '“be my mentor”');
    const long = quote('a'.repeat(60));
    assert.ok(long.length <= 42 && long.endsWith('…”'), long);
  });

  it('a removal says what it removes', () => {
    const text = 'Hi Terry, would you spend three mentoring sessions with me?';
    assert.deepEqual(fixTitle(finding(text, 'mentor-word'), text), { id: 'remove', args: ['“mentoring”'] });
  });

  it('a replacement says what replaces what', () => {
    const text = 'Hi Terry, would you be my mentor?';
    assert.deepEqual(fixTitle(finding(text, 'open-ended'), text), { id: 'replaceWith', args: ['“be my mentor”', '“spend three sessions with me”'] });
  });

  it('the planned session count is named as planned', () => {
    const text = 'Hi Sam, would you spend eight sessions with me?';
    const context = { personName: 'Terry Jones', sessions: 3 };
    assert.deepEqual(fixTitle(finding(text, 'sessions-mismatch', context), text), { id: 'replaceAsPlanned', args: ['“eight”', '“three”'] });
  });

  it('offers one fix per distinct edit ("too many sessions" and "not as planned" may be the same one)', () => {
    const text = 'Hi Sam, would you spend eight sessions with me?';
    const { findings } = checkRequest(text, { personName: 'Terry Jones', sessions: 3 });
    const choice = chooseFixes(findings, all(findings));
    const titles = choice.fixes.map((i) => fixTitle(findings[i]!, text));
    assert.equal(titles.filter((t) => t.id === 'replaceAsPlanned').length, 1, JSON.stringify(titles));
    const edits = choice.fixes.map((i) => JSON.stringify(findings[i]!.replacement));
    assert.equal(new Set(edits).size, edits.length);
  });

  it('prefers the one fix that leaves nothing to fill in, and never one that inserts a placeholder', () => {
    const clean = 'Hi Terry, would you spend three mentoring sessions with me?';
    const f1 = checkRequest(clean).findings;
    const c1 = chooseFixes(f1, all(f1));
    assert.ok(c1.preferred !== undefined);
    assert.equal(f1[c1.preferred]!.id, 'mentor-word');

    // The check's own fixes write no placeholder any more; one that did would never be the preferred fix.
    const role = 'Hi Terry, would you be my mentor?';
    const f2 = checkRequest(role).findings.map((f) => (f.id === 'open-ended' && f.replacement ? { ...f, replacement: { ...f.replacement, text: 'spend [N sessions] with me' } } : f));
    const openEnded = f2.findIndex((f) => f.id === 'open-ended');
    assert.equal(chooseFixes(f2, [openEnded]).preferred, undefined, 'its fix inserts "[N sessions]"');
  });

  it('asks only about the findings it is given, each once', () => {
    const text = 'Hi Terry, would you spend three mentoring sessions with me?';
    const { findings } = checkRequest(text);
    const i = findings.findIndex((f) => f.id === 'mentor-word');
    assert.deepEqual(chooseFixes(findings, [i, i, i]).fixes, [i]);
    assert.deepEqual(chooseFixes(findings, []).fixes, []);
  });

  it('"fix all" is one edit that applies every fix, offered only when there is more than one', () => {
    const text = 'Hi Sam, would you spend eight mentoring sessions with me?';
    const { findings } = checkRequest(text, { personName: 'Terry Jones', sessions: 3 });
    const edit = fixAllEdit(text, findings);
    assert.ok(edit);
    assert.equal(text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end), applyFixes(text, findings));

    const one = 'Hi Terry, would you spend three mentoring sessions with me?';
    const single = checkRequest(one).findings.filter((f) => f.id === 'mentor-word');
    assert.equal(fixAllEdit(one, single), undefined);
  });
});
