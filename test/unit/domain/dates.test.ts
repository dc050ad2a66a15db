import * as assert from 'node:assert/strict';
import { dateDisplay, daysBetween, isIsoDateTime, localDate, shortDate, utcMidnight } from '../../../src/domain/dates';
import { journalToMarkdown } from '../../../src/domain/report';
import { journalWith } from '../../support/journals';
import { daysInMonth, isCalendarDate } from '../../../src/domain/journal';
import { describeAttempt } from '../../../src/domain/outreach';
import { attempt } from '../../support/journals';

describe('dates: local calendar', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('uses the local calendar date, not UTC', () => {
    const instant = new Date('2026-11-26T23:30:00Z');
    process.env.TZ = 'America/Los_Angeles';
    assert.equal(localDate(instant), '2026-11-26');
    process.env.TZ = 'Asia/Tokyo';
    assert.equal(localDate(instant), '2026-11-27');
    process.env.TZ = 'UTC';
    assert.equal(localDate(instant), '2026-11-26');
  });

  it('counts whole days across month ends, leap days and DST changes', () => {
    assert.equal(daysBetween('2026-01-31', '2026-02-01'), 1);
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2, 'across the EU DST change');
    assert.equal(daysBetween('2026-12-31', '2026-12-01'), -30);
    process.env.TZ = 'Europe/Berlin';
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
  });

  it('validates calendar dates', () => {
    assert.ok(isCalendarDate('2028-02-29'));
    assert.ok(!isCalendarDate('2026-02-29'));
    assert.ok(!isCalendarDate('2026-13-01'));
    assert.ok(!isCalendarDate('2026-1-01'));
    assert.equal(daysInMonth(2026, 4), 30);
  });

  it('formats short dates, with the year only when it differs', () => {
    assert.equal(shortDate('2027-01-15', '2027-01-01'), '15 Jan');
    assert.equal(shortDate('2027-01-15', '2026-12-01'), '15 Jan 2027');
  });

  it('accepts only calendar dates in the years 0001–9999', () => {
    for (const ok of ['0001-01-01', '9999-12-31', '2000-02-29', '2400-02-29', '0004-02-29']) assert.ok(isCalendarDate(ok), ok);
    for (const bad of ['0000-01-01', '0000-12-31', '10000-01-01', '1900-02-29', '2100-02-29', '2026-02-30', '2026-04-31', '2026-00-10', '2026-01-00', '+02026-01-01', '2026-01-01 ']) {
      assert.ok(!isCalendarDate(bad), bad);
    }
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(4, 2), 29, 'year 4 is a leap year, whatever Date.UTC thinks of 1904');
  });

  it('accepts only strict ISO date-times (isIsoDateTime): real dates, 00:00–23:59, years 0001–9999', () => {
    const good = [
      '2026-11-26T10:00:00.000Z',
      '2026-11-26T10:00:00Z',
      '2026-11-26T10:00Z',
      '2026-11-26T10:00',
      '2026-11-26T10:00:00',
      '2026-11-26T10:00:00.5+02:00',
      '2026-11-26T10:00:00.123456789-05:30',
      '2026-11-26T23:59:59.999+14:00',
      '2028-02-29T00:00:00Z',
      '0001-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ];
    for (const s of good) assert.ok(isIsoDateTime(s), s);
    const bad = [
      '2026-02-30T10:00:00Z', // no 30 February (Date.parse reads it as 2 March)
      '2026-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-11-26T24:00:00Z', // Date.parse reads it as the next midnight
      '2026-11-26T24:00',
      '2026-11-26T10:60:00Z',
      '2026-11-26T10:00:60Z', // no leap second
      '2026-11-26T10:00:00+24:00',
      '2026-11-26T10:00:00+02:60',
      '2026-11-26T10:00:00+0200',
      '2026-11-26T10:00:00.Z',
      '2026-11-26T10:00:00.1234567890Z',
      '2026-11-26T10Z',
      '2026-11-26t10:00:00z',
      '2026-11-26 10:00:00Z',
      '2026-11-26',
      '0000-12-31T10:00:00Z',
      '+010000-01-01T00:00:00.000Z',
      '-000001-01-01T00:00:00.000Z',
      ' 2026-11-26T10:00:00Z',
      'Thu, 26 Nov 2026 10:00:00 GMT',
      '',
    ];
    for (const s of bad) assert.ok(!isIsoDateTime(s), s);
    assert.ok(!isIsoDateTime(undefined));
    assert.ok(!isIsoDateTime(Date.parse('2026-11-26T10:00:00Z')));
  });

  it('turns Y-M-D into a time with the real year, 0001–0099 included (never as 1900–1999)', () => {
    assert.equal(utcMidnight('0050-03-01').toISOString(), '0050-03-01T00:00:00.000Z');
    assert.equal(utcMidnight('0001-01-01').toISOString(), '0001-01-01T00:00:00.000Z');
    assert.equal(utcMidnight('9999-12-31').toISOString(), '9999-12-31T00:00:00.000Z');
    assert.equal(daysBetween('0050-01-01', '0050-01-31'), 30);
    assert.equal(daysBetween('0099-12-31', '0100-01-01'), 1, 'across the 0099/0100 boundary Date.UTC gets wrong');
    assert.equal(daysBetween('0001-01-01', '9999-12-31'), 3_652_058);
    process.env.TZ = 'UTC';
    assert.equal(localDate(new Date('0050-06-01T12:00:00Z')), '0050-06-01', 'the year is padded to four digits');
    assert.equal(shortDate('0050-06-01', '2026-01-01'), '1 Jun 0050');
  });

  it('a year-0050 event is 9 days old, not 27,937 days (issue 9, item 8)', () => {
    process.env.TZ = 'UTC';
    const a = attempt({ id: 'a1', status: 'sent', events: [{ at: '0050-01-01T10:00:00Z', kind: 'sent', detail: '' }] });
    const info = describeAttempt(a, { today: '0050-01-10', nudgeAfterDays: 7 });
    assert.deepEqual({ due: info.due, nextStep: info.nextStep }, { due: true, nextStep: 'no reply for 9 days' });
  });
});

describe('dates as a person reads them: one format in the display language (issue 11, item 12)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('English ("en", VS Code\'s English) keeps the day-month style: "22 Dec", "22 Dec 2027", "Tue, 22 Dec 2026"', () => {
    const en = dateDisplay('en');
    assert.equal(en.short('2026-12-22', '2026-12-01'), '22 Dec');
    assert.equal(en.short('2027-01-05', '2026-12-01'), '5 Jan 2027', 'another year: with the year');
    assert.equal(en.full('2026-12-22'), '22 Dec 2026');
    assert.equal(en.withWeekday('2026-12-22'), 'Tue, 22 Dec 2026');
    assert.equal(shortDate('2026-12-22', '2026-01-01'), en.short('2026-12-22', '2026-01-01'), 'the domain\'s English default is the same format');
  });

  it('German: "22. Dez.", "5. Jan. 2027", "Di., 22. Dez. 2026"', () => {
    const de = dateDisplay('de');
    assert.equal(de.short('2026-12-22', '2026-12-01'), '22. Dez.');
    assert.equal(de.short('2027-01-05', '2026-12-01'), '5. Jan. 2027');
    assert.equal(de.full('2026-12-22'), '22. Dez. 2026');
    assert.equal(de.withWeekday('2026-12-22'), 'Di., 22. Dez. 2026');
  });

  it('no time zone moves a date, and years below 1000 keep four digits', () => {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      process.env.TZ = tz;
      assert.equal(dateDisplay('en').full('2026-03-01'), '1 Mar 2026', tz);
      assert.equal(dateDisplay('de').withWeekday('2028-02-29'), 'Di., 29. Feb. 2028', tz);
    }
    assert.equal(dateDisplay('en').full('0050-06-01'), '1 Jun 0050');
    assert.equal(dateDisplay('de').short('0050-06-01', '2026-01-01'), '1. Juni 0050');
  });

  it('a regional English keeps its order; an unknown or malformed language falls back to English; a non-date is shown as given', () => {
    assert.equal(dateDisplay('en-us').full('2026-12-22'), 'Dec 22, 2026');
    assert.equal(dateDisplay('!!not a tag').full('2026-12-22'), '22 Dec 2026');
    assert.equal(dateDisplay('').short('2026-12-22', '2026-01-01'), '22 Dec');
    assert.equal(dateDisplay('de').short('soon', '2026-01-01'), 'soon');
  });

  it('makes no Intl object until a date is shown, then one per style, kept', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Object.assign(Counting, Real);
    (Intl as { DateTimeFormat: typeof Intl.DateTimeFormat }).DateTimeFormat = Counting;
    try {
      const de = dateDisplay('de');
      assert.equal(made, 0, 'nothing at creation');
      de.short('2026-12-22', '2026-01-01');
      de.short('2026-12-23', '2026-01-01');
      assert.equal(made, 1);
      de.full('2026-12-22');
      de.withWeekday('2026-12-22');
      de.short('2027-12-22', '2026-01-01');
      assert.equal(made, 3, 'one per style');
    } finally {
      (Intl as { DateTimeFormat: typeof Intl.DateTimeFormat }).DateTimeFormat = Real;
    }
  });

  it('the domain words its dates with the display given: a next step, the Markdown export', () => {
    const j = journalWith({
      attempts: [
        {
          id: 'a1', personId: 'p1', skillId: 's1', text: 'Hi', status: 'deferred', askAgainOn: '2026-12-22', sessionsDone: 0,
          ask: { sessions: 3, minutesPerSession: 45, timeframe: '', topics: [] },
          events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'sent', detail: '' }],
        },
      ],
    });
    const de = dateDisplay('de');
    const md = journalToMarkdown(j, { today: '2026-12-01', nudgeAfterDays: 7, dates: de });
    assert.match(md, /_Exported 1\. Dez\. 2026_/);
    assert.match(md, /- Status: deferred \(ask again on 22\. Dez\. 2026\)\n- Ask again on: 22\. Dez\. 2026/, 'an export always writes the year');
    assert.match(md, /\| 20\. Nov\. 2026 \| sent \|/);
  });
});
