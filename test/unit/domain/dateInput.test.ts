import * as assert from 'node:assert/strict';
import { addDays, addMonths, addYears, dayNumber, fromDayNumber, parseAskAgain, weekday } from '../../../src/domain/dateInput';
import { daysBetween, localDate } from '../../../src/domain/dates';

const TODAY = '2026-11-26'; // a Thursday

function date(input: string, today = TODAY): string {
  const r = parseAskAgain(input, today);
  assert.ok(r.ok, `${input} (today ${today}): ${r.ok ? '' : r.reason}`);
  return r.value;
}

function reason(input: string, today = TODAY): string {
  const r = parseAskAgain(input, today);
  assert.equal(r.ok, false, `${input} should be refused, got ${r.ok ? r.value : ''}`);
  return r.ok ? '' : r.reason;
}

describe('dateInput: calendar arithmetic', () => {
  it('converts dates to day numbers and back over four centuries', () => {
    assert.equal(dayNumber({ year: 1970, month: 1, day: 1 }), 0);
    assert.deepEqual(fromDayNumber(0), { year: 1970, month: 1, day: 1 });
    for (let n = dayNumber({ year: 1899, month: 12, day: 25 }); n < dayNumber({ year: 2301, month: 1, day: 10 }); n += 7) {
      const d = fromDayNumber(n);
      assert.equal(dayNumber(d), n);
      // The same answer as the UTC calendar (which no time zone shifts).
      const utc = new Date(n * 86_400_000);
      assert.deepEqual(d, { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
    }
  });

  it('adds days across month ends, leap days and year ends', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01', '2100 is not a leap year');
    assert.equal(addDays('2000-02-28', 1), '2000-02-29', '2000 is');
  });

  it('adds months clamping to the month end', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
    assert.equal(addMonths('2026-10-31', 2), '2026-12-31');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-12-15', 13), '2028-01-15');
    assert.equal(addMonths('2027-01-15', -1), '2026-12-15');
    assert.equal(addYears('2028-02-29', 1), '2029-02-28');
    assert.equal(addYears('2028-02-29', 4), '2032-02-29');
  });

  it('knows the weekday', () => {
    assert.equal(weekday('2026-11-26'), 4, 'Thursday');
    assert.equal(weekday('1970-01-01'), 4);
    assert.equal(weekday('2026-11-29'), 0, 'Sunday');
    assert.equal(weekday('2000-01-01'), 6, 'Saturday');
  });

  it('does not move across DST changes (Europe 29 Mar / 25 Oct 2026, US 8 Mar / 1 Nov 2026)', () => {
    const originalTz = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata']) {
        process.env.TZ = tz;
        assert.equal(addDays('2026-03-28', 1), '2026-03-29', tz);
        assert.equal(addDays('2026-03-28', 2), '2026-03-30', tz);
        assert.equal(addDays('2026-10-24', 2), '2026-10-26', tz);
        assert.equal(addDays('2026-03-07', 2), '2026-03-09', tz);
        assert.equal(addDays('2026-10-31', 1), '2026-11-01', tz);
        assert.equal(addDays('2026-11-01', 1), '2026-11-02', tz);
        assert.equal(date('in 1 week', '2026-03-25'), '2026-04-01', tz);
        assert.equal(date('in 3 weeks', '2026-10-10'), '2026-10-31', tz);
        assert.equal(date('in 1 month', '2026-02-28'), '2026-03-28', tz);
        assert.equal(date('tomorrow', '2026-10-24'), '2026-10-25', tz);
        assert.equal(date('tomorrow', '2026-03-07'), '2026-03-08', tz);
        assert.equal(date('in 10 days', '2026-10-28'), '2026-11-07', tz);
        assert.equal(daysBetween('2026-03-28', date('in 2 days', '2026-03-28')), 2, tz);
      }
    } finally {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    }
  });
});

describe('dateInput: parseAskAgain', () => {
  it('accepts an ISO date after today', () => {
    assert.equal(date('2027-01-15'), '2027-01-15');
    assert.equal(date(' 2026-11-27 '), '2026-11-27');
    assert.equal(date('2028-02-29'), '2028-02-29');
  });

  it('refuses dates that are not in the calendar, today, the past, or too far away', () => {
    assert.match(reason('2027-02-29'), /not a date in the calendar/);
    assert.match(reason('2026-13-01'), /not a date in the calendar/);
    assert.match(reason('2026-11-26'), /not after today/);
    assert.match(reason('2026-11-20'), /not after today/);
    assert.match(reason('today'), /after today/);
    assert.match(reason('2040-01-01'), /more than 10 years away/);
    assert.match(reason('in 11 years'), /more than 10 years away/);
    assert.match(reason('in 99999 days'), /more than 10 years away/);
    assert.match(reason('in 0 days'), /after today/);
    assert.match(reason('in 3 weeks', '9999-12-25'), /after 9999-12-31, the last date/, 'no five-digit year');
    assert.match(reason('next year', '9999-06-01'), /after 9999-12-31/);
    assert.equal(date('in 2 days', '9999-12-29'), '9999-12-31');
  });

  it('refuses ambiguous and unreadable input with a hint', () => {
    assert.match(reason('01/02/2027'), /YYYY-MM-DD/);
    assert.match(reason('next Friday'), /could mean/);
    assert.match(reason('soon'), /Could not read "soon" as a date\. Try 2027-01-15/);
    assert.match(reason('in a few weeks'), /number in digits/);
    assert.match(reason(''), /Type a date/);
    assert.match(reason('   '), /Type a date/);
    assert.match(reason('x'.repeat(500)), /too long/);
    assert.match(reason('31 Apr'), /April has no day 31/);
    assert.match(reason('30 February'), /February has no day 30/);
    assert.match(reason('29 Feb 2027'), /February 2027 has no day 29/);
    assert.match(reason('15 Jan 2026'), /not after today/);
    assert.match(reason('{{constructor}}'), /Could not read/);
    assert.equal(parseAskAgain(123 as unknown as string, TODAY).ok, false);
  });

  it('checks today', () => {
    assert.match(reason('tomorrow', '2026-02-30'), /not a calendar date/);
    assert.match(reason('tomorrow', ''), /not a calendar date/);
  });

  it('reads relative phrases', () => {
    assert.equal(date('tomorrow'), '2026-11-27');
    assert.equal(date('Tomorrow.'), '2026-11-27');
    assert.equal(date('the day after tomorrow'), '2026-11-28');
    assert.equal(date('in 10 days'), '2026-12-06');
    assert.equal(date('in 1 day'), '2026-11-27');
    assert.equal(date('in 3 weeks'), '2026-12-17');
    assert.equal(date('3 weeks'), '2026-12-17');
    assert.equal(date("in 3 weeks' time"), '2026-12-17');
    assert.equal(date('in a week’s time'), '2026-12-03');
    assert.equal(date('3 weeks from now'), '2026-12-17');
    assert.equal(date('in three weeks'), '2026-12-17');
    assert.equal(date('in a couple of weeks'), '2026-12-10');
    assert.equal(date('in a fortnight'), '2026-12-10');
    assert.equal(date('in 2 months'), '2027-01-26');
    assert.equal(date('in a month'), '2026-12-26');
    assert.equal(date('in a year'), '2027-11-26');
    assert.equal(date('next week'), '2026-12-03');
    assert.equal(date('NEXT   MONTH'), '2026-12-26');
    assert.equal(date('next year'), '2027-11-26');
  });

  it('clamps month arithmetic to the month end, with leap years', () => {
    assert.equal(date('in 1 month', '2026-01-31'), '2026-02-28');
    assert.equal(date('next month', '2028-01-31'), '2028-02-29');
    assert.equal(date('in 1 month', '2026-03-31'), '2026-04-30');
    assert.equal(date('in 2 months', '2026-12-31'), '2027-02-28');
    assert.equal(date('next year', '2028-02-29'), '2029-02-28');
  });

  it('crosses year ends', () => {
    assert.equal(date('tomorrow', '2026-12-31'), '2027-01-01');
    assert.equal(date('next week', '2026-12-28'), '2027-01-04');
    assert.equal(date('next month', '2026-12-31'), '2027-01-31');
    assert.equal(date('in 10 days', '2026-12-25'), '2027-01-04');
  });

  it('reads day and month names, choosing the next one after today', () => {
    assert.equal(date('15 Jan'), '2027-01-15');
    assert.equal(date('15 january'), '2027-01-15');
    assert.equal(date('Jan 15'), '2027-01-15');
    assert.equal(date('January 15th'), '2027-01-15');
    assert.equal(date('on the 15th of January'), '2027-01-15');
    assert.equal(date('15 Jan 2028'), '2028-01-15');
    assert.equal(date('January 15, 2028'), '2028-01-15');
    assert.equal(date('30 Nov'), '2026-11-30', 'later this month');
    assert.equal(date('26 Nov'), '2027-11-26', 'today: next year');
    assert.equal(date('1 Dec'), '2026-12-01');
    assert.equal(date('3 sept'), '2027-09-03');
    assert.equal(date('29 Feb'), '2028-02-29', 'the next leap day');
    assert.equal(date('29 Feb', '2028-03-01'), '2032-02-29');
  });

  it('reads a month alone as its first day (or mid / end of it)', () => {
    assert.equal(date('January'), '2027-01-01');
    assert.equal(date('in January'), '2027-01-01');
    assert.equal(date('early January'), '2027-01-01');
    assert.equal(date('mid January'), '2027-01-15');
    assert.equal(date('mid-Jan'), '2027-01-15');
    assert.equal(date('end of February'), '2027-02-28');
    assert.equal(date('end of February', '2027-03-01'), '2028-02-29');
    assert.equal(date('December'), '2026-12-01');
    assert.equal(date('November'), '2027-11-01', 'this month has begun: next year');
    assert.equal(date('end of November'), '2026-11-30');
    assert.equal(date('March 2027'), '2027-03-01');
  });

  it('reads a weekday as the next one after today', () => {
    assert.equal(date('Friday'), '2026-11-27');
    assert.equal(date('on monday'), '2026-11-30');
    assert.equal(date('thursday'), '2026-12-03', 'today is Thursday: a week later');
    assert.equal(date('wed'), '2026-12-02');
  });

  it('reads the local date from dates.localDate the same way in any time zone', () => {
    const originalTz = process.env.TZ;
    try {
      const instant = new Date('2026-03-28T12:30:00Z');
      process.env.TZ = 'Pacific/Auckland';
      const nz = localDate(instant);
      process.env.TZ = 'America/Los_Angeles';
      const la = localDate(instant);
      assert.equal(nz, '2026-03-29');
      assert.equal(la, '2026-03-28');
      assert.equal(date('in 1 week', nz), '2026-04-05', 'across the NZ DST end (5 Apr 2026)');
      assert.equal(date('in 1 week', la), '2026-04-04');
    } finally {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    }
  });
});
