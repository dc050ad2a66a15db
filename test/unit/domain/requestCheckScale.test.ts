import * as assert from 'node:assert/strict';
import { checkRequest, MAX_FINDINGS_PER_RULE, RULE_IDS, type CheckContext, type CheckResult } from '../../../src/domain/requestCheck';
import { BUILDER_CONTEXT, hugeRequests } from '../fixtures/hugeRequests';

// The check must take time in proportion to the text: a user template can render millions of characters, and the
// check runs in the extension host. Timing is for bench/ (budgets printed, never asserted); here the work is
// counted, which does not depend on the machine.

/**
 * The characters the checker's regular expressions look at while `run` runs: every exec (test, split, replace and
 * match go through it once RegExp.prototype.exec is replaced) counts from where it starts searching to where its
 * match ends (the end of the text when there is none); a sticky one counts its match, or one character.
 */
function regexWork(run: () => void): number {
  const exec = RegExp.prototype.exec;
  let work = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, s);
    if (this.sticky) work += m ? Math.max(1, m[0].length) : 1;
    else work += (m ? m.index + m[0].length : String(s).length) - from;
    return m;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
  }
  return work;
}

function assertSane(text: string, r: CheckResult): void {
  assert.ok(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100, `score ${r.score}`);
  assert.ok(r.reason.length > 0 && !r.reason.includes('\n'));
  let previous = -1;
  const perRule = new Map<string, number>();
  for (const f of r.findings) {
    assert.ok((RULE_IDS as readonly string[]).includes(f.id), f.id);
    assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length, `${f.id} range`);
    assert.ok(f.range.start >= previous, 'sorted by position');
    previous = f.range.start;
    perRule.set(f.id, (perRule.get(f.id) ?? 0) + 1);
  }
  for (const [id, n] of perRule) assert.ok(n <= MAX_FINDINGS_PER_RULE, `${n} findings of ${id}`);
  assert.equal(r.counts.error + r.counts.warning + r.counts.info, r.findings.length);
}

const CONTEXTS: [string, CheckContext][] = [
  ['no context', {}],
  ['the builder context', BUILDER_CONTEXT],
];

describe('request check: linear in the length of the text', () => {
  const small = hugeRequests(20_000);
  const large = hugeRequests(80_000);
  for (const [i, { name }] of small.entries()) {
    for (const [label, context] of CONTEXTS) {
      it(`${name}, ${label}: four times the text, at most about four times the work`, () => {
        const a = regexWork(() => checkRequest(small[i]!.text, context));
        const b = regexWork(() => checkRequest(large[i]!.text, context));
        // Linear: b ≈ 4a (plus what does not grow with the text). Quadratic would be 16a.
        assert.ok(b <= 5 * a + 10_000, `${a} characters examined at 20,000, ${b} at 80,000`);
      });
    }
  }

  for (const shape of hugeRequests(200_000)) {
    it(`${shape.name}: checked at 200,000 characters`, () => {
      for (const [, context] of CONTEXTS) {
        const r = checkRequest(shape.text, context);
        assertSane(shape.text, r);
        assert.ok(r.wordCount > 0, 'words counted');
      }
    });
  }

  it('gives a sane result for a million characters', () => {
    const [good, , , placeholders] = hugeRequests(1_000_000);
    const r = checkRequest(good!.text, BUILDER_CONTEXT);
    assertSane(good!.text, r);
    assert.ok(r.wordCount > 150_000, `${r.wordCount} words`);
    assert.ok(r.findings.some((f) => f.id === 'too-long'));
    const p = checkRequest(placeholders!.text);
    assertSane(placeholders!.text, p);
    assert.equal(p.findings.filter((f) => f.id === 'placeholder').length, MAX_FINDINGS_PER_RULE);
    assert.equal(p.score, checkRequest(placeholders!.text.slice(0, 20_000)).score, 'more of the same placeholders change nothing');
  });
});
