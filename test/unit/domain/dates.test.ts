import * as assert from 'node:assert/strict';
import { daysBetween, localDate, shortDate } from '../../../src/domain/dates';
import { daysInMonth, isCalendarDate } from '../../../src/domain/journal';

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
});
