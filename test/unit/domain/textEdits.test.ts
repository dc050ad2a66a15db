/**
 * The request diagnostics' text arithmetic (domain/textEdits.ts), in plain Node: the tracked region that follows
 * edits, and the one span that changed (the "fix all" edit). Formerly tested only inside an extension host.
 */
import * as assert from 'node:assert/strict';
import { clampRegion, followEdits, minimalEdit } from '../../../src/domain/textEdits';

const change = (rangeOffset: number, rangeLength: number, text: string) => ({ rangeOffset, rangeLength, text });

/** Applies one event's changes (which refer to the text before the event) to `text`. */
function apply(text: string, changes: readonly { rangeOffset: number; rangeLength: number; text: string }[]): string {
  let out = text;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

describe('text edits (pure)', () => {
  describe('followEdits', () => {
    const region = { start: 10, end: 20 };

    it('shifts, grows and shrinks the tracked region', () => {
      assert.deepEqual(followEdits(region, [change(0, 0, 'abc')]), { start: 13, end: 23 }, 'an insertion before it shifts it');
      assert.deepEqual(followEdits(region, [change(0, 5, '')]), { start: 5, end: 15 }, 'a deletion before it shifts it');
      assert.deepEqual(followEdits(region, [change(25, 3, 'x')]), region, 'an edit after it changes nothing');
      assert.deepEqual(followEdits(region, [change(15, 0, 'abc')]), { start: 10, end: 23 }, 'typing inside grows it');
      assert.deepEqual(followEdits(region, [change(10, 0, 'ab')]), { start: 10, end: 22 }, 'typing at its start grows it');
      assert.deepEqual(followEdits(region, [change(20, 0, 'ab')]), { start: 10, end: 22 }, 'typing at its end grows it');
      assert.deepEqual(followEdits(region, [change(5, 10, '')]), { start: 5, end: 10 }, 'a deletion across its start');
      assert.deepEqual(followEdits(region, [change(15, 10, 'z')]), { start: 10, end: 16 }, 'a replacement across its end');
      assert.deepEqual(followEdits(region, [change(0, 30, 'new')]), { start: 0, end: 3 }, 'replaced entirely: the new text');
    });

    it('takes the changes of one event (multi-cursor) as referring to the text before the event, in any order', () => {
      const changes = [change(2, 0, 'a'), change(12, 0, 'b'), change(25, 0, 'c')];
      assert.deepEqual(followEdits(region, changes), { start: 11, end: 22 });
      assert.deepEqual(followEdits(region, [...changes].reverse()), { start: 11, end: 22 });
    });

    it('keeps the same text in the region when the edits are outside it', () => {
      const text = '0123456789REQUEST---0123456789';
      const r = { start: 10, end: 20 };
      const changes = [change(3, 2, 'xyz'), change(25, 1, '')];
      const after = followEdits(r, changes);
      assert.equal(apply(text, changes).slice(after.start, after.end), text.slice(r.start, r.end));
    });

    it('never makes an inverted region', () => {
      const r = followEdits({ start: 10, end: 12 }, [change(8, 10, '')]);
      assert.ok(r.end >= r.start, JSON.stringify(r));
    });
  });

  describe('minimalEdit', () => {
    it('finds the one span that changed', () => {
      assert.equal(minimalEdit('same', 'same'), undefined);
      assert.deepEqual(minimalEdit('Hi Terry, be my mentor?', 'Hi Terry, spend time?'), { range: { start: 10, end: 22 }, text: 'spend time' });
      assert.deepEqual(minimalEdit('abc', 'abXc'), { range: { start: 2, end: 2 }, text: 'X' });
      assert.deepEqual(minimalEdit('abc', ''), { range: { start: 0, end: 3 }, text: '' });
      assert.deepEqual(minimalEdit('', 'abc'), { range: { start: 0, end: 0 }, text: 'abc' });
    });

    it('never splits a surrogate pair', () => {
      assert.deepEqual(minimalEdit('a😀b', 'a😃b'), { range: { start: 1, end: 3 }, text: '😃' });
    });

    it('applied to the old text gives the new text', () => {
      const pairs: [string, string][] = [
        ['Hi Terry, would you be my mentor?', 'Hi Terry, would you spend [N sessions] with me?'],
        ['aaaa', 'aa'],
        ['abab', 'ab'],
        ['😀😀', '😀'],
        ['x\ny\n', 'x\n\ny\n'],
      ];
      for (const [before, after] of pairs) {
        const e = minimalEdit(before, after)!;
        assert.equal(before.slice(0, e.range.start) + e.text + before.slice(e.range.end), after, `${before} → ${after}`);
      }
    });
  });

  describe('clampRegion', () => {
    it('fits a region into a shorter text', () => {
      assert.deepEqual(clampRegion({ start: 5, end: 50 }, 20), { start: 5, end: 20 });
      assert.deepEqual(clampRegion({ start: 30, end: 50 }, 20), { start: 20, end: 20 });
      assert.deepEqual(clampRegion({ start: -3, end: 4 }, 20), { start: 0, end: 4 });
      assert.deepEqual(clampRegion({ start: 8, end: 4 }, 20), { start: 8, end: 8 });
    });
  });
});
