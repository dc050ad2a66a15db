/**
 * Send by Email (issue 11): the mailto: link (RFC 6068) carries the subject and the request exactly — &, ?, #, %,
 * =, +, line breaks and any script — and the contact address on a person is a plausible address or refused.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EMAIL_MAX_LENGTH, isPlausibleEmail } from '../../../src/domain/emailAddress';
import { emailSubject, mailtoUrl, setPersonEmail } from '../../../src/domain/mailto';
import { parseJournal } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../../support/journals';

/** Reads a mailto: URL as a mail app does (RFC 6068): the address, then name=value fields, each percent-decoded. */
function readMailto(href: string): { to: string; fields: Record<string, string> } {
  assert.ok(href.startsWith('mailto:'), href);
  const rest = href.slice('mailto:'.length);
  const q = rest.indexOf('?');
  const to = decodeURIComponent(q < 0 ? rest : rest.slice(0, q));
  const fields: Record<string, string> = {};
  if (q >= 0) {
    for (const field of rest.slice(q + 1).split('&')) {
      const eq = field.indexOf('=');
      fields[decodeURIComponent(field.slice(0, eq))] = decodeURIComponent(field.slice(eq + 1));
    }
  }
  return { to, fields };
}

const TRICKY = 'Hi Amara & team,\nQ&A? #1 of 3 — 100% sure, a=b+c; “quotes” ü 日本語 😀\r\nBye';

describe('Send by Email: the mailto: link', () => {
  it('carries &, ?, #, %, =, +, line breaks and non-ASCII intact, line breaks as CRLF', () => {
    const href = mailtoUrl({ to: 'amara@example.com', subject: 'Two sessions on Q&A? #1 100%', body: TRICKY });
    const read = readMailto(href);
    assert.equal(read.to, 'amara@example.com');
    assert.deepEqual(Object.keys(read.fields), ['subject', 'body'], 'exactly two fields: nothing split them');
    assert.equal(read.fields.subject, 'Two sessions on Q&A? #1 100%');
    assert.equal(read.fields.body, TRICKY.replace(/\r\n|\n/g, '\r\n'));
    // Nothing in the link a parser could take for structure: no raw space, &, #, ? after the first, or line break.
    const query = href.slice(href.indexOf('?') + 1);
    assert.doesNotMatch(query, /[ #?\r\n]/);
    assert.equal(query.split('&').length, 2);
    assert.match(href, /^[\x21-\x7e]+$/, 'plain ASCII, no spaces');
  });

  it('keeps the address readable (its @), encodes what a mailto: address must not hold raw', () => {
    assert.ok(mailtoUrl({ to: 'amara@example.com', subject: 's', body: 'b' }).startsWith('mailto:amara@example.com?subject='));
    const odd = "o'hara+news&x%y#z?@example.com";
    const href = mailtoUrl({ to: odd, subject: 's', body: 'b' });
    assert.equal(readMailto(href).to, odd);
    assert.doesNotMatch(href.slice(7, href.indexOf('?')), /[&#?%](?![0-9A-F]{2})/);
  });

  it('never throws on a text with a lone surrogate (a damaged import): it becomes U+FFFD', () => {
    const href = mailtoUrl({ subject: 'a\uD800b', body: 'x\uDC00' });
    assert.deepEqual(readMailto(href).fields, { subject: 'a\uFFFDb', body: 'x\uFFFD' });
  });

  it('leaves the address out when there is none (the mail app asks for one)', () => {
    const href = mailtoUrl({ subject: 'Three sessions?', body: 'Hi' });
    assert.ok(href.startsWith('mailto:?subject='), href);
    assert.deepEqual(readMailto(href), { to: '', fields: { subject: 'Three sessions?', body: 'Hi' } });
  });

  it('round-trips any text and any plausible address (property)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 500 }), (to, subject, body) => {
        const href = mailtoUrl({ to, subject, body });
        const read = readMailto(href);
        assert.equal(read.to, to);
        assert.equal(read.fields.subject, subject.replace(/\r\n|\r|\n/g, '\r\n'));
        assert.equal(read.fields.body, body.replace(/\r\n|\r|\n/g, '\r\n'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Send by Email: the subject, from the ask', () => {
  it('says the ask in a few words, as a question', () => {
    const j = terryJournal();
    assert.equal(emailSubject(j, attempt({ id: 'a1' })), 'Three sessions on financial acumen?');
    assert.equal(emailSubject(j, attempt({ id: 'a1', ask: { sessions: 1, minutesPerSession: 45, timeframe: '', topics: [] } })), 'One session on financial acumen?');
    assert.equal(emailSubject(j, attempt({ id: 'a1', skillId: 's2' })), 'Three sessions on public speaking?');
  });

  it('keeps a name that is capitalised for its own sake, and does without a skill', () => {
    const j = terryJournal();
    const sql = { ...j, skills: [...j.skills, { id: 's3', name: 'SQL tuning', current: 2, importance: 4, notes: '' }] };
    assert.equal(emailSubject(sql, attempt({ id: 'a1', skillId: 's3' })), 'Three sessions on SQL tuning?');
    assert.equal(emailSubject(j, attempt({ id: 'a1', skillId: 'gone' })), 'Three sessions?');
  });
});

describe('a person’s contact address', () => {
  it('accepts plausible addresses, any script included', () => {
    for (const ok of ['amara@example.com', 'a.b+c@sub.example.co.uk', 'jürgen@müller.de', "o'hara@example.ie", 'x@xn--bcher-kva.example']) assert.equal(isPlausibleEmail(ok), true, ok);
    fc.assert(fc.property(fc.emailAddress(), (e) => isPlausibleEmail(e)), { numRuns: 500 });
  });

  it('refuses what is not one address', () => {
    for (const bad of ['', 'Amara', 'x@y', 'a@@b.com', 'a b@c.com', ' a@b.com', 'a@b.com ', 'mailto:a@b.com', 'a@b.com, c@d.com', 'Amara <a@b.com>', 'a..b@c.com', 'a@b.com.', `${'a'.repeat(65)}@b.com`, `a@${'b'.repeat(250)}.com`, 'a@b.com\n']) {
      assert.equal(isPlausibleEmail(bad), false, JSON.stringify(bad));
    }
    assert.equal(EMAIL_MAX_LENGTH, 254);
  });

  it('is kept on the person (trimmed), and a journal with it passes the import validation', () => {
    const r = setPersonEmail(terryJournal(), 'p1', '  terry@example.com ');
    assert.ok(r.ok);
    assert.equal(r.value.people[0]!.email, 'terry@example.com');
    const parsed = parseJournal(JSON.parse(JSON.stringify(r.value)));
    assert.ok(parsed.ok);
    assert.equal(parsed.journal.people[0]!.email, 'terry@example.com');
  });

  it('refuses an implausible address or an unknown person, changing nothing', () => {
    const j = terryJournal();
    assert.equal(setPersonEmail(j, 'p1', 'terry at example').ok, false);
    assert.equal(setPersonEmail(j, 'nobody', 'terry@example.com').ok, false);
    assert.equal(j.people[0]!.email, undefined);
  });

  it('journal format: optional — a journal without it stays without it; a bad one is refused with its path', () => {
    const j = JSON.parse(JSON.stringify(terryJournal()));
    const parsed = parseJournal(j);
    assert.ok(parsed.ok);
    assert.equal('email' in parsed.journal.people[0]!, false, 'no email key is added');
    const bad = JSON.parse(JSON.stringify(terryJournal()));
    bad.people[1].email = 'Robin, robin@example.com';
    const refused = parseJournal(bad);
    assert.equal(refused.ok, false);
    assert.equal((refused as { errors: { path: string }[] }).errors[0]!.path, '$.people[1].email');
    bad.people[1].email = `${'r'.repeat(60)}@${'e'.repeat(200)}.com`;
    assert.match((parseJournal(bad) as { errors: { reason: string }[] }).errors[0]!.reason, /at most 254 characters/);
  });
});
