/**
 * The builder's first data in its HTML (src/webview/embed.ts): a person's text cannot break out of the
 * `<script type="application/json">` element, and the webview reads back exactly what the extension put in.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inlineElementText, jsonForScriptElement } from '../../../src/webview/embed';

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '</SCRIPT >',
  '</script\t',
  '<!-- <script>',
  '<!--',
  '-->',
  '<script>',
  ']]>',
  '&lt;/script&gt;',
  'a\u2028b\u2029c',
  '\\u003c/script>',
  '"quoted" \'single\' `back`',
];

/** What an HTML parser does with a script element's content: it ends at the first `</script` (any case). */
function scriptElementText(html: string): string | undefined {
  return /<script type="application\/json" id="initial-data">([\s\S]*?)<\/script/i.exec(html)?.[1];
}

describe('builder: the first data embedded in its HTML', () => {
  it('writes no <, > or & (nor U+2028/U+2029) of a person\'s text, and round-trips it', () => {
    for (const text of HOSTILE) {
      const value = { data: { aspiration: text, people: [{ name: text, evidence: text }] }, step: null };
      const out = jsonForScriptElement(value);
      assert.ok(!/[<>&\u2028\u2029]/.test(out), `${JSON.stringify(text)} → ${out}`);
      assert.deepEqual(JSON.parse(out), value);
    }
  });

  it('the element ends where the extension ended it, whatever the text (a parser sees all of the JSON)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...HOSTILE), fc.array(fc.constantFrom('<', '/', 's', 'c', 'r', 'i', 'p', 't', '!', '-', '>', ' ', 'S')).map((cs) => cs.join(''))), (text) => {
        const value = { data: { aspiration: text, skills: [{ name: text }] }, step: 'ask' };
        const out = jsonForScriptElement(value);
        const html = `<main></main>\n<script type="application/json" id="initial-data">${out}</script>\n<script nonce="n" src="main.js"></script>`;
        assert.equal(scriptElementText(html), out);
        assert.ok(!out.includes('<!--'), 'opens no comment');
        assert.deepEqual(JSON.parse(scriptElementText(html)!), value);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON cannot represent', () => {
    assert.throws(() => jsonForScriptElement(undefined), TypeError);
  });

  it('inlines the built script and styles only when they cannot end their element early', () => {
    assert.equal(inlineElementText('script', 'let a = 1 < 2;'), 'let a = 1 < 2;');
    for (const bad of ['x = "</script>"', 'x = "</SCRIPT"', '/* <!-- */']) assert.equal(inlineElementText('script', bad), undefined, bad);
    assert.equal(inlineElementText('style', 'a { content: "</script>" }'), 'a { content: "</script>" }');
    for (const bad of ['a { content: "</style>" }', '</STYLE', '<!--']) assert.equal(inlineElementText('style', bad), undefined, bad);
  });

  it('the built webview files are inlined as they are (none of them would fall back to a link)', () => {
    // A build that started writing `</script` into main.js would quietly cost the inlining: say so here.
    const dir = path.join(__dirname, '..', '..', '..', '..', 'dist', 'webview');
    assert.ok(inlineElementText('script', fs.readFileSync(path.join(dir, 'main.js'), 'utf8')) !== undefined, 'main.js');
    for (const css of ['main.css', 'codicon.css']) assert.ok(inlineElementText('style', fs.readFileSync(path.join(dir, css), 'utf8')) !== undefined, css);
  });
});
