import * as assert from 'node:assert/strict';
import { displaySafe } from '../../../src/domain/displayText';
import { UNSAFE_CHAR } from '../support/unsafeText';

describe('displaySafe: stored text made safe to show', () => {
  it('shows bidirectional overrides and isolates as <U+XXXX>', () => {
    // "Trojan Source": the RLO makes "Terry\u202Egnp.exe" display as "Terryexe.png".
    assert.equal(displaySafe('Terry\u202Egnp.exe'), 'Terry<U+202E>gnp.exe');
    assert.equal(displaySafe('\u202A\u202B\u202C\u202D\u202E'), '<U+202A><U+202B><U+202C><U+202D><U+202E>');
    assert.equal(displaySafe('\u2066a\u2067b\u2068c\u2069'), '<U+2066>a<U+2067>b<U+2068>c<U+2069>');
  });

  it('shows C0 and C1 control characters as <U+XXXX>, keeping tab, line feed and carriage return', () => {
    assert.equal(displaySafe('a\u0000b\u000Bc\u000Cd\u001Fe\u007Ff\u0085g\u009Fh'), 'a<U+0000>b<U+000B>c<U+000C>d<U+001F>e<U+007F>f<U+0085>g<U+009F>h');
    assert.equal(displaySafe('tab\there\nnew line\r\nCRLF'), 'tab\there\nnew line\r\nCRLF');
  });

  it('keeps everything else exactly: the directional marks LRM/RLM/ALM, RTL text, emoji, combining marks', () => {
    for (const text of ['\u200Fשלום\u200E (Shalom)', 'مرحبا\u061C', '👩‍👩‍👧 🇳🇿', 'e\u0301', '漢字', '\uFEFF', '\u2028', '<U+202E> typed by hand', '']) {
      assert.equal(displaySafe(text), text);
    }
  });

  it('never lets an unsafe character through, for any code point', () => {
    let all = '';
    for (let c = 0; c <= 0x2100 + 0x100; c++) all += String.fromCharCode(c);
    const out = displaySafe(all);
    assert.doesNotMatch(out, UNSAFE_CHAR);
    assert.equal(out.replace(/<U\+[0-9A-F]{4}>/g, '').length, all.length - (all.match(new RegExp(UNSAFE_CHAR, 'g')) ?? []).length);
  });
});
