/**
 * The date arithmetic in a fresh Node process per time zone (the TZ a process starts with, not one
 * changed while it runs). This file is also the child: run with MENTORING_DATE_PROBE=1 it prints
 * its results as JSON instead of declaring tests.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseAskAgain } from '../../../src/domain/dateInput';
import { localDate } from '../../../src/domain/dates';

const CASES: [string, string][] = [
  ['in 1 week', '2026-03-25'], // EU DST starts 29 Mar
  ['in 1 week', '2026-10-21'], // EU DST ends 25 Oct
  ['tomorrow', '2026-03-07'], // US DST starts 8 Mar
  ['tomorrow', '2026-10-31'], // US DST ends 1 Nov
  ['in 1 week', '2026-04-01'], // NZ DST ends 5 Apr
  ['in 1 week', '2026-09-22'], // NZ DST starts 27 Sep
  ['in 1 month', '2026-01-31'],
  ['next month', '2028-01-31'],
  ['15 Jan', '2026-12-31'],
  ['in 3 weeks', '2026-12-20'],
];
/** 12:30 UTC on 28 Mar 2026: already the 29th in Auckland, still the 28th in Los Angeles. */
const INSTANT = '2026-03-28T12:30:00Z';

function probe() {
  const today = localDate(new Date(INSTANT));
  return {
    tz: process.env.TZ,
    today,
    nextWeek: parseAskAgain('in 1 week', today),
    cases: CASES.map(([input, on]) => parseAskAgain(input, on)),
  };
}

if (process.env.MENTORING_DATE_PROBE === '1') {
  process.stdout.write(JSON.stringify(probe()));
} else {
  describe('dateInput: in processes started in other time zones', function () {
    this.timeout(20_000);

    function run(tz: string): ReturnType<typeof probe> {
      const child = spawnSync(process.execPath, [__filename], {
        env: { ...process.env, TZ: tz, MENTORING_DATE_PROBE: '1' },
        encoding: 'utf8',
        timeout: 15_000,
      });
      assert.equal(child.status, 0, child.stderr);
      return JSON.parse(child.stdout) as ReturnType<typeof probe>;
    }

    it('gives the same dates in Auckland and Los Angeles as here', () => {
      const expected = CASES.map(([input, on]) => parseAskAgain(input, on));
      assert.deepEqual(
        expected.map((r) => (r.ok ? r.value : r.reason)),
        ['2026-04-01', '2026-10-28', '2026-03-08', '2026-11-01', '2026-04-08', '2026-09-29', '2026-02-28', '2028-02-29', '2027-01-15', '2027-01-10'],
      );
      const nz = run('Pacific/Auckland');
      const la = run('America/Los_Angeles');
      assert.equal(nz.tz, 'Pacific/Auckland');
      assert.deepEqual(nz.cases, expected);
      assert.deepEqual(la.cases, expected);
      // Only "today" differs: it is the local date where the user is.
      assert.equal(nz.today, '2026-03-29');
      assert.equal(la.today, '2026-03-28');
      assert.deepEqual(nz.nextWeek, { ok: true, value: '2026-04-05' });
      assert.deepEqual(la.nextWeek, { ok: true, value: '2026-04-04' });
    });
  });
}
