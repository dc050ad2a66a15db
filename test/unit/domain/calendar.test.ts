import * as assert from 'node:assert/strict';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { calendarEntries, journalToIcs, SESSION_SPACING_DAYS } from '../../../src/domain/calendar';
import { STATUSES, type Attempt, type Journal, type JournalEvent } from '../../../src/domain/journal';
import { planSessions } from '../../../src/domain/sessions';
import * as fc from 'fast-check';
import { journalArb, propertyParams } from '../support/arbitraries';
import { attempt, terryJournal } from '../../support/journals';
import { UNSAFE_CHAR } from '../support/unsafeText';

// ical.js (a devDependency, only for this round-trip) ships ES-module types and a CommonJS build; tests are CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;

/** Thursday 26 Nov 2026, 10:00 UTC. */
const NOW = new Date('2026-11-26T10:00:00.000Z');
const UTC = { now: NOW, timeZone: 'UTC' };

const ev = (at: string, kind: string, detail = ''): JournalEvent => ({ at, kind, detail });
const created = ev('2026-10-01T09:00:00.000Z', 'created');
const sent = ev('2026-10-02T09:00:00.000Z', 'sent');
const yes = (at: string) => ev(at, 'response', 'yes');

function deferred(id = 'a1', askAgainOn = '2026-12-15'): Attempt {
  return attempt({ id, status: 'deferred', askAgainOn, events: [created, sent, ev('2026-10-05T09:00:00.000Z', 'response', `later: ${askAgainOn}`)] });
}

function accepted(id: string, events: JournalEvent[], sessionsDone = 0): Attempt {
  return attempt({ id, status: 'accepted', sessionsDone, events: [created, sent, ...events] });
}

interface Parsed {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  stamp: string;
  sequence: number;
}

/** A real round-trip: the text is parsed by ical.js (a different implementation). */
function parse(ics: string): { prodId: string; events: Parsed[] } {
  const root = new ICAL.Component(ICAL.parse(ics));
  assert.equal(root.name, 'vcalendar');
  return {
    prodId: String(root.getFirstPropertyValue('prodid')),
    events: root.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        allDay: e.startDate.isDate,
        stamp: String(c.getFirstPropertyValue('dtstamp')),
        sequence: e.sequence,
      };
    }),
  };
}

/** RFC 5545 §3.1: physical lines end in CRLF, are at most 75 octets, continuation lines start with a space. */
function unfold(ics: string): string[] {
  assert.ok(ics.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets: ${JSON.stringify(line)}`);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return logical;
}

describe('calendar (.ics) export', () => {
  it('has an all-day VEVENT on the ask-again date of a deferred attempt', () => {
    const ics = journalToIcs(terryJournal([deferred()]), UTC);
    const lines = unfold(ics);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('VERSION:2.0'));
    assert.ok(lines.includes('PRODID:-//Mentoring Outreach//EN'));
    assert.ok(lines.includes('UID:a1-ask-again@mentoring-outreach'));
    assert.ok(lines.includes('DTSTART;VALUE=DATE:20261215'));
    assert.ok(lines.includes('DTEND;VALUE=DATE:20261216'));
    assert.ok(lines.includes('DTSTAMP:20261126T100000Z'));
    assert.ok(lines.includes('SUMMARY:Ask Terry again about financial acumen'));
    assert.ok(lines.includes('TRANSP:TRANSPARENT'));
    assert.equal(lines.at(-1), 'END:VCALENDAR');

    const { prodId, events } = parse(ics);
    assert.equal(prodId, '-//Mentoring Outreach//EN');
    assert.equal(events.length, 1);
    const [e] = events;
    assert.equal(e!.uid, 'a1-ask-again@mentoring-outreach');
    assert.equal(e!.allDay, true);
    assert.equal(e!.start, '2026-12-15');
    assert.equal(e!.end, '2026-12-16');
    assert.equal(e!.stamp, '2026-11-26T10:00:00Z');
    assert.equal(e!.summary, 'Ask Terry again about financial acumen');
    assert.match(e!.description, /^Terry said it was a busy time and might be willing later/);
    assert.match(e!.description, /Your request \(3 sessions of 45 minutes, over the next six weeks\):\nHi Terry, I am working on/);
  });

  it('suggests a date for each remaining session of an accepted attempt, 14 days apart from the last session', () => {
    const a = accepted('a2', [yes('2026-11-02T10:00:00.000Z'), ev('2026-11-16T10:00:00.000Z', 'session', 'great')], 1);
    const j = terryJournal([a]);
    j.attempts[0] = { ...a, plan: planSessions(j, a) };
    const { events } = parse(journalToIcs(j, UTC));
    assert.equal(SESSION_SPACING_DAYS, 14);
    assert.deepEqual(
      events.map((e) => [e.uid, e.start, e.end, e.allDay]),
      [
        ['a2-session-2@mentoring-outreach', '2026-11-30', '2026-12-01', true],
        ['a2-session-3@mentoring-outreach', '2026-12-14', '2026-12-15', true],
      ],
    );
    assert.equal(events[0]!.summary, 'Session 2 of 3 with Terry: turning numbers into a story');
    assert.equal(events[1]!.summary, 'Session 3 of 3 with Terry: financial acumen', 'no topics left: the skill');
    assert.match(events[0]!.description, /^Suggested date: agree the real one with Terry, then move this event\.\n\nSession 2 of 3 with Terry — financial acumen \(45 minutes\)\n/);
    assert.equal(events[0]!.sequence, a.events.length, 'SEQUENCE grows with the attempt history');
  });

  it('uses the stored plan when there is one', () => {
    const a = accepted('a2', [yes('2026-11-25T10:00:00.000Z')]);
    const plan = [1, 2, 3].map((n) => ({ n, topics: [`my topic ${n}`], agenda: `My own agenda ${n}` }));
    const { events } = parse(journalToIcs(terryJournal([{ ...a, plan }]), UTC));
    assert.deepEqual(
      events.map((e) => e.summary),
      ['Session 1 of 3 with Terry: my topic 1', 'Session 2 of 3 with Terry: my topic 2', 'Session 3 of 3 with Terry: my topic 3'],
    );
    assert.match(events[2]!.description, /\n\nMy own agenda 3$/);
  });

  it('starts from the yes when no session is logged, never before today, and skips weekends', () => {
    // Yes on Wed 25 Nov → Wed 9 Dec, 23 Dec, 6 Jan.
    const fresh = calendarEntries(terryJournal([accepted('a1', [yes('2026-11-25T10:00:00.000Z')])]), UTC);
    assert.deepEqual(fresh.map((e) => e.date), ['2026-12-09', '2026-12-23', '2027-01-06']);
    // Yes long ago, nothing logged: the next session is suggested for today, then every 14 days.
    const stale = calendarEntries(terryJournal([accepted('a1', [yes('2026-10-01T10:00:00.000Z')])]), UTC);
    assert.deepEqual(stale.map((e) => e.date), ['2026-11-26', '2026-12-10', '2026-12-24']);
    // Yes on Sat 28 Nov → Sat 12 Dec moves to Mon 14 Dec; likewise 26 Dec → 28 Dec, 9 Jan → 11 Jan.
    const weekend = calendarEntries(terryJournal([accepted('a1', [yes('2026-11-28T10:00:00.000Z')])]), { now: new Date('2026-11-28T12:00:00Z'), timeZone: 'UTC' });
    assert.deepEqual(weekend.map((e) => e.date), ['2026-12-14', '2026-12-28', '2027-01-11']);
    // An old accepted attempt with no "yes" event: the latest event is the anchor.
    const noYes = calendarEntries(terryJournal([accepted('a1', [ev('2026-11-20T10:00:00.000Z', 'contact')])]), UTC);
    assert.equal(noYes[0]!.date, '2026-12-04');
  });

  it('takes local dates in the given time zone', () => {
    // 23:30 UTC on Wed 25 Nov is already Thu 26 Nov in Auckland.
    const j = terryJournal([accepted('a1', [yes('2026-11-25T23:30:00.000Z')])]);
    const now = new Date('2026-11-25T23:45:00.000Z');
    assert.equal(calendarEntries(j, { now, timeZone: 'America/Los_Angeles' })[0]!.date, '2026-12-09');
    assert.equal(calendarEntries(j, { now, timeZone: 'Pacific/Auckland' })[0]!.date, '2026-12-10');
    assert.throws(() => journalToIcs(j, { now, timeZone: 'Mars/Olympus_Mons' }), RangeError);
    assert.throws(() => journalToIcs(j, { now: new Date('nope') }), TypeError);
    assert.doesNotThrow(() => journalToIcs(j, { now }), 'the machine zone by default');
  });

  it('has nothing for drafts, sent, declined, completed or withdrawn attempts', () => {
    const quiet = STATUSES.filter((s) => s !== 'deferred' && s !== 'accepted').map((status, i) =>
      attempt({ id: `q${i}`, status, sessionsDone: status === 'completed' ? 3 : 0, events: [created, sent] }),
    );
    const ics = journalToIcs(terryJournal(quiet), UTC);
    assert.deepEqual(parse(ics).events, []);
    assert.doesNotMatch(ics, /BEGIN:VEVENT/);
    const done = attempt({ id: 'a9', status: 'accepted', sessionsDone: 3, events: [created, sent, yes('2026-11-02T10:00:00Z')] });
    assert.deepEqual(calendarEntries(terryJournal([done]), UTC), [], 'all sessions logged: nothing left to plan');
  });

  it('orders events by date and keeps UIDs stable from one export to the next', () => {
    const j = terryJournal([accepted('b', [yes('2026-11-25T10:00:00.000Z')]), deferred('a', '2026-12-01'), deferred('c', '2026-12-23')]);
    const first = journalToIcs(j, UTC);
    const uids = parse(first).events.map((e) => `${e.start} ${e.uid}`);
    assert.deepEqual(uids, [
      '2026-12-01 a-ask-again@mentoring-outreach',
      '2026-12-09 b-session-1@mentoring-outreach',
      '2026-12-23 b-session-2@mentoring-outreach',
      '2026-12-23 c-ask-again@mentoring-outreach',
      '2027-01-06 b-session-3@mentoring-outreach',
    ]);
    assert.equal(journalToIcs(j, UTC), first, 'same journal, same moment: same file');
  });

  it('escapes hostile text (commas, semicolons, backslashes, newlines, emoji) and folds it at 75 octets', () => {
    const hostile = 'Ter,ry; "Boss" \\ 🎉\nEND:VEVENT';
    const topic = 'budgets, forecasts; and\r\nBEGIN:VALARM 📈 ' + 'ü'.repeat(200);
    const j: Journal = terryJournal([
      { ...deferred('a1'), text: 'Hi,\nline two; with\\backslash\r\nEND:VCALENDAR' },
      accepted('a2', [yes('2026-11-25T10:00:00.000Z')]),
    ]);
    j.people[0]!.name = hostile;
    j.attempts[1]!.ask = { ...j.attempts[1]!.ask, sessions: 1, topics: [topic] };
    const ics = journalToIcs(j, UTC);
    const lines = unfold(ics);
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2, 'no injected components');
    assert.equal(lines.filter((l) => l === 'END:VCALENDAR').length, 1);
    assert.ok(lines.some((l) => l.startsWith('SUMMARY:Ask Ter\\,ry\\; again about')), 'commas and semicolons escaped');
    assert.ok(lines.some((l) => l.includes('with\\\\backslash\\nEND:VCALENDAR')), 'backslash and newline escaped');
    for (const line of ics.split('\r\n')) assert.doesNotMatch(line, /\uFFFD/, 'no split UTF-8 sequence');

    const { events } = parse(ics);
    const ask = events.find((e) => e.uid === 'a1-ask-again@mentoring-outreach')!;
    assert.equal(ask.summary, 'Ask Ter,ry; again about financial acumen', 'the first name, exactly as typed');
    assert.match(ask.description, /^Ter,ry; said it was a busy time/);
    assert.match(ask.description, /Hi,\nline two; with\\backslash\nEND:VCALENDAR$/);
    const session = events.find((e) => e.uid === 'a2-session-1@mentoring-outreach')!;
    const summaryChars = Array.from(session.summary);
    assert.ok(summaryChars.length <= 150, 'long summaries are cut');
    assert.ok(session.summary.startsWith('Session 1 of 1 with Ter,ry;: budgets, forecasts; and BEGIN:VALARM 📈 üü'));
    assert.ok(session.summary.endsWith('…'));
    assert.match(session.description, /budgets, forecasts; and/);
    assert.ok(session.description.includes('📈'));
  });

  /** ical.js writes year 1 as "1-01-01": back to four digits. */
  const iso = (date: string) => date.replace(/^(\d{1,3})-/, (_, y: string) => `${y.padStart(4, '0')}-`);

  it('is valid at the date limits: events and sessions on 0001-01-01 … 9999-12-31 parse with ical.js', () => {
    const j = terryJournal([
      deferred('a1', '0001-01-01'),
      deferred('a2', '9999-12-31'),
      // Yes on Wed 1 Dec 9999 → Wed 15 Dec, Wed 29 Dec, then 12 Jan 10000, put on Fri 31 Dec 9999.
      accepted('a3', [yes('9999-12-01T10:00:00.000Z')]),
      // Late on 31 Dec 9999 at -05:00 is already the year 10000 in UTC: every session on the last day.
      accepted('a4', [yes('9999-12-31T23:00:00-05:00')]),
    ]);
    const ics = journalToIcs(j, UTC);
    const lines = unfold(ics);
    assert.ok(lines.includes('DTSTART;VALUE=DATE:00010101'));
    assert.ok(lines.includes('DTEND;VALUE=DATE:00010102'));
    assert.ok(lines.includes('DTSTART;VALUE=DATE:99991231'));
    assert.ok(!lines.some((l) => /^DT(START|END)[^:]*:(\d{9}|\d{5}T|\+|-)/.test(l)), 'no five-digit year, no sign');
    // The events on 9999-12-31 have no DTEND (RFC 5545 §3.6.1: a DATE DTSTART alone lasts one day); the others have one.
    const vevents = ics.split('BEGIN:VEVENT').slice(1);
    for (const v of vevents) assert.equal(/DTEND/.test(v), !v.includes('DTSTART;VALUE=DATE:99991231'), v);

    const { events } = parse(ics);
    assert.deepEqual(
      events.map((e) => [e.uid, iso(e.start), e.allDay]),
      [
        ['a1-ask-again@mentoring-outreach', '0001-01-01', true],
        ['a3-session-1@mentoring-outreach', '9999-12-15', true],
        ['a3-session-2@mentoring-outreach', '9999-12-29', true],
        ['a2-ask-again@mentoring-outreach', '9999-12-31', true],
        ['a3-session-3@mentoring-outreach', '9999-12-31', true],
        ['a4-session-1@mentoring-outreach', '9999-12-31', true],
        ['a4-session-2@mentoring-outreach', '9999-12-31', true],
        ['a4-session-3@mentoring-outreach', '9999-12-31', true],
      ],
    );
    assert.equal(iso(events[0]!.end), '0001-01-02');
    for (const e of events) {
      const c = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === e.uid)!);
      assert.equal(c.duration.toString(), 'P1D', `${e.uid} lasts one day`);
    }
  });

  it('takes the first year right in a time zone: sessions from a yes on 0001-01-01 (year 0 in UTC)', () => {
    // 00:00 on 1 Jan 0001 at +01:00 is 31 Dec of year 0 ("1 BC" to Intl) in UTC: the anchor is 0000-12-31,
    // not 0001-12-31. Mon 1 Jan 0001 is today; 14 Jan is a Sunday → Mon 15 Jan.
    const now = new Date(0);
    now.setUTCFullYear(1, 0, 1);
    now.setUTCHours(10);
    const j = terryJournal([accepted('a1', [yes('0001-01-01T00:00:00+01:00')])]);
    const ics = journalToIcs(j, { now, timeZone: 'UTC' });
    assert.ok(unfold(ics).includes('DTSTAMP:00010101T100000Z'));
    assert.deepEqual(
      parse(ics).events.map((e) => [iso(e.start), iso(e.end)]),
      [
        ['0001-01-15', '0001-01-16'],
        ['0001-01-29', '0001-01-30'],
        ['0001-02-12', '0001-02-13'],
      ],
    );
  });

  it('writes no control character (RFC 5545 forbids them) and no bidirectional override: both shown as <U+XXXX>', () => {
    const sneaky = 'Ter\u202Ery\u0000\u0007\u007F\u2067 Smith'; // (the summary has the first name)
    const j = terryJournal([{ ...deferred('a1'), text: `Hi\u0000\tthere\u000B\u001B[31m` }, accepted('a2', [yes('2026-11-25T10:00:00.000Z')])]);
    j.people[0]!.name = sneaky;
    j.attempts[1]!.ask = { ...j.attempts[1]!.ask, sessions: 1, topics: [`budgets\u202D`] };
    const before = JSON.stringify(j);
    const ics = journalToIcs(j, UTC);
    assert.doesNotMatch(ics, UNSAFE_CHAR);
    assert.equal(JSON.stringify(j), before, 'the journal keeps the exact text');
    const { events } = parse(ics);
    const ask = events.find((e) => e.uid === 'a1-ask-again@mentoring-outreach')!;
    assert.equal(ask.summary, 'Ask Ter<U+202E>ry<U+0000><U+0007><U+007F><U+2067> again about financial acumen');
    assert.match(ask.description, /Hi<U\+0000>\tthere<U\+000B><U\+001B>\[31m$/, 'a tab is allowed in TEXT and kept');
    const session = events.find((e) => e.uid === 'a2-session-1@mentoring-outreach')!;
    assert.match(session.summary, /: budgets<U\+202D>$/);
  });

  it('any valid journal gives an .ics that ical.js parses, with 4-digit dates and no unsafe character (property)', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(journalArb({ fullTexts: false }), fc.constantFrom('0001-01-01T10:00:00Z', '2026-11-26T10:00:00Z', '9999-12-31T10:00:00Z'), (j, at) => {
        const ics = journalToIcs(j, { now: new Date(at), timeZone: 'UTC' });
        assert.doesNotMatch(ics, UNSAFE_CHAR);
        const lines = unfold(ics);
        for (const line of lines) if (/^DT(START|END|STAMP)/.test(line)) assert.match(line, /:\d{8}(T\d{6}Z)?$/, line);
        const { events } = parse(ics);
        assert.equal(events.length, calendarEntries(j, { now: new Date(at), timeZone: 'UTC' }).length);
        for (const e of events) assert.ok(e.allDay);
      }),
      propertyParams(100),
    );
  });
});
