import * as assert from 'node:assert/strict';
import { emptyJournal, formatProblems, JOURNAL_VERSION, parseJournal, parseJournalText, type Migration } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../../support/journals';

function errorsOf(input: unknown) {
  const r = parseJournal(input);
  assert.equal(r.ok, false, 'expected the journal to be rejected');
  return r.ok ? [] : r.errors;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

describe('journal v1: parseJournal', () => {
  it('accepts the empty journal and the Terry example unchanged', () => {
    for (const j of [emptyJournal(), terryJournal()]) {
      const r = parseJournal(clone(j));
      assert.ok(r.ok);
      assert.deepEqual(r.journal, j);
    }
  });

  it('fills documented defaults for optional fields', () => {
    const r = parseJournal({
      format: 'mentoring-outreach/journal',
      version: 1,
      skills: [{ id: 's1', name: 'Writing', current: 1, importance: 5 }],
      people: [{ id: 'p1', name: 'Ana', org: 'outside', seniority: 'peer' }],
      attempts: [{ id: 'a1', personId: 'p1', skillId: 's1', ask: { sessions: 2 }, status: 'draft' }],
    });
    assert.ok(r.ok);
    assert.equal(r.journal.aspiration, '');
    assert.equal(r.journal.focusSkillId, null);
    assert.deepEqual(r.journal.people[0]?.skillIds, []);
    assert.equal(r.journal.people[0]?.referredBy, null);
    assert.equal(r.journal.attempts[0]?.ask.minutesPerSession, 45);
    assert.deepEqual(r.journal.attempts[0]?.events, []);
  });

  it('keeps unknown fields at every level on round-trip', () => {
    const j = clone(terryJournal()) as unknown as Record<string, unknown> & ReturnType<typeof terryJournal>;
    (j as Record<string, unknown>).futureTopLevel = { a: [1, 2] };
    (j.skills[0] as Record<string, unknown>).colour = 'teal';
    (j.attempts[0]!.ask as Record<string, unknown>).location = 'café';
    (j.attempts[0]!.events[0] as Record<string, unknown>).by = 'me';
    const r = parseJournal(clone(j));
    assert.ok(r.ok);
    assert.deepEqual(r.journal, j);
  });

  it('drops __proto__ keys at every level and never pollutes a prototype', () => {
    const text = '{"format":"mentoring-outreach/journal","version":1,"__proto__":{"polluted":true},"skills":[{"id":"s1","name":"W","current":1,"importance":1,"__proto__":{"polluted":true},"extra":{"__proto__":{"polluted":true}}}]}';
    const r = parseJournalText(text);
    assert.ok(r.ok);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(r.journal), Object.prototype);
    assert.equal(Object.prototype.hasOwnProperty.call(r.journal, '__proto__'), false);
    assert.equal(Object.prototype.hasOwnProperty.call(r.journal.skills[0], '__proto__'), false);
    const extra = r.journal.skills[0]?.extra as object;
    assert.equal(Object.prototype.hasOwnProperty.call(extra, '__proto__'), false);
    assert.equal(Object.getPrototypeOf(extra), Object.prototype);
    assert.deepEqual(JSON.parse(JSON.stringify(r.journal.skills[0])), { id: 's1', name: 'W', current: 1, importance: 1, notes: '', extra: {} });
  });

  it('refuses unknown fields named constructor or prototype, naming the path (they could not be kept)', () => {
    // An unknown field on the second person, as a hand-edited file would have it.
    const text = JSON.stringify(terryJournal()).replace('"id":"p2",', '"id":"p2","constructor":{"x":1},');
    assert.match(text, /"constructor":\{"x":1\}/, 'the key is really in the file');
    const r = parseJournalText(text);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors.map((e) => e.path), ['$.people[1].constructor']);
    assert.match(r.errors[0]!.reason, /cannot keep.*"constructor" and "prototype" are reserved.*rename or remove/);

    // Anywhere: at the top, nested in an unknown field's value, in an array; every one is named.
    const nested = '{"format":"mentoring-outreach/journal","version":1,"prototype":1,"x-future":{"list":[{"constructor":null}]},"__proto__":{"constructor":1}}';
    const n = parseJournalText(nested);
    assert.ok(!n.ok);
    assert.deepEqual(n.errors.map((e) => e.path), ['$.prototype', '$["x-future"].list[0].constructor']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('still reports a newer version as newer when it holds a reserved key', () => {
    const r = parseJournalText(`{"format":"mentoring-outreach/journal","version":${JOURNAL_VERSION + 1},"constructor":1}`);
    assert.ok(!r.ok);
    assert.equal(r.newerVersion, JOURNAL_VERSION + 1);
  });

  it('accepts the first and last dates there are: 0001-01-01 and 9999-12-31', () => {
    const j = terryJournal([
      attempt({ id: 'a1', status: 'deferred', askAgainOn: '9999-12-31', events: [{ at: '0001-01-01T00:00:00.000Z', kind: 'created', detail: '' }, { at: '9999-12-31T23:59:59.999Z', kind: 'sent', detail: '' }] }),
      attempt({ id: 'a2', status: 'deferred', askAgainOn: '0001-01-01', events: [{ at: '0001-01-01T00:00', kind: 'created', detail: '' }] }),
    ]);
    const r = parseJournal(clone(j));
    assert.ok(r.ok, r.ok ? '' : formatProblems(r.errors));
    assert.deepEqual(r.journal, j);
  });

  it('does not mutate its input', () => {
    const input = clone(terryJournal());
    const before = JSON.stringify(input);
    parseJournal(input);
    assert.equal(JSON.stringify(input), before);
  });

  const cases: [string, (j: ReturnType<typeof terryJournal>) => unknown, string, RegExp][] = [
    ['not an object', () => [1, 2], '$', /JSON object/],
    ['wrong format', (j) => ({ ...j, format: 'something-else' }), '$.format', /not a Mentoring Outreach journal/],
    ['a level out of range', (j) => ((j.skills[0]!.current = 6), j), '$.skills[0].current', /1–5/],
    ['a fractional level', (j) => ((j.skills[0]!.importance = 2.5), j), '$.skills[0].importance', /whole number/],
    ['an unknown status', (j) => ((j.attempts[0] as { status: string }).status = 'maybe', j), '$.attempts[0].status', /one of draft/],
    ['an unknown org', (j) => ((j.people[0] as { org: string }).org = 'nearby', j), '$.people[0].org', /inside, outside/],
    ['an unknown seniority', (j) => ((j.people[0] as { seniority: string }).seniority = 'boss', j), '$.people[0].seniority', /senior, peer/],
    ['a name too long', (j) => ((j.people[0]!.name = 'x'.repeat(201)), j), '$.people[0].name', /at most 200/],
    ['an empty name', (j) => ((j.skills[0]!.name = '   '), j), '$.skills[0].name', /empty/],
    ['a text too long', (j) => ((j.attempts[0]!.text = 'x'.repeat(20_001)), j), '$.attempts[0].text', /at most 20000/],
    ['too many sessions', (j) => ((j.attempts[0]!.ask.sessions = 7), j), '$.attempts[0].ask.sessions', /1–6/],
    ['a string where a number belongs', (j) => ((j.attempts[0]!.ask as { sessions: unknown }).sessions = '3', j), '$.attempts[0].ask.sessions', /number/],
    ['an impossible date', (j) => ((j.attempts[0]!.status = 'deferred'), (j.attempts[0]!.askAgainOn = '2026-02-30'), j), '$.attempts[0].askAgainOn', /calendar date/],
    ['a bad timestamp', (j) => ((j.attempts[0]!.events[0]!.at = 'yesterday'), j), '$.attempts[0].events[0].at', /date-time/],
    ['a timestamp on 30 February', (j) => ((j.attempts[0]!.events[0]!.at = '2026-02-30T10:00:00Z'), j), '$.attempts[0].events[0].at', /date-time.*real date/],
    ['a timestamp at 24:00', (j) => ((j.attempts[0]!.events[0]!.at = '2026-11-26T24:00:00Z'), j), '$.attempts[0].events[0].at', /00:00–23:59/],
    ['a timestamp in year 0000', (j) => ((j.attempts[0]!.events[0]!.at = '0000-12-31T10:00:00Z'), j), '$.attempts[0].events[0].at', /0001–9999/],
    ['an expanded-year timestamp', (j) => ((j.attempts[0]!.events[0]!.at = '+010000-01-01T00:00:00.000Z'), j), '$.attempts[0].events[0].at', /date-time/],
    ['an ask-again date in year 0000', (j) => ((j.attempts[0]!.status = 'deferred'), (j.attempts[0]!.askAgainOn = '0000-01-01'), j), '$.attempts[0].askAgainOn', /0001–9999/],
    ['a bad id', (j) => ((j.skills[1]!.id = 'has space'), j), '$.skills[1].id', /letters, digits/],
    ['a duplicate id', (j) => ((j.skills[1]!.id = 's1'), j), '$.skills[1].id', /more than once/],
    ['a dangling person', (j) => ((j.attempts[0]!.personId = 'nobody'), j), '$.attempts[0].personId', /does not exist/],
    ['a dangling skill', (j) => ((j.attempts[0]!.skillId = 'nothing'), j), '$.attempts[0].skillId', /does not exist/],
    ['a dangling focus', (j) => ((j.focusSkillId = 'zzz'), j), '$.focusSkillId', /does not exist/],
    ['a dangling referrer', (j) => ((j.people[1]!.referredBy = 'p9'), j), '$.people[1].referredBy', /does not exist/],
    ['a self-referral', (j) => ((j.people[1]!.referredBy = 'p2'), j), '$.people[1].referredBy', /themselves/],
    ['a person skill that does not exist', (j) => ((j.people[0]!.skillIds = ['s1', 'sX']), j), '$.people[0].skillIds[1]', /does not exist/],
    ['deferred without a date', (j) => ((j.attempts[0]!.status = 'deferred'), j), '$.attempts[0].askAgainOn', /required/],
    ['more sessions done than asked', (j) => ((j.attempts[0]!.sessionsDone = 4), j), '$.attempts[0].sessionsDone', /more than the 3/],
    ['too many topics', (j) => ((j.attempts[0]!.ask.topics = Array.from({ length: 11 }, (_, i) => `t${i}`)), j), '$.attempts[0].ask.topics', /at most 10/],
    ['a bad event kind', (j) => ((j.attempts[0]!.events[0]!.kind = 'Sent!'), j), '$.attempts[0].events[0].kind', /lower-case/],
  ];
  for (const [name, mutate, path, reason] of cases) {
    it(`rejects ${name} with the JSON path and a reason`, () => {
      const errors = errorsOf(mutate(clone(terryJournal())));
      const hit = errors.find((e) => e.path === path);
      assert.ok(hit, `expected a problem at ${path}, got ${formatProblems(errors, 10)}`);
      assert.match(hit.reason, reason);
    });
  }

  it('reports several problems at once, capped', () => {
    const j = clone(terryJournal([attempt({ id: 'a1' }), attempt({ id: 'a2' })]));
    for (const a of j.attempts) (a as { status: string }).status = 'bogus';
    j.skills[0]!.current = 9;
    const errors = errorsOf(j);
    assert.ok(errors.length >= 3);
    assert.equal(parseJournal(j, { maxErrors: 2 }).ok ? -1 : (parseJournal(j, { maxErrors: 2 }) as { errors: unknown[] }).errors.length, 2);
  });

  it('rejects deeply nested input without overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { x: deep };
    const errors = errorsOf({ ...terryJournal(), extra: deep });
    assert.match(errors[0]?.reason ?? '', /nested/);
  });

  it('reports invalid JSON text', () => {
    const r = parseJournalText('{ nope');
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : (r.errors[0]?.reason ?? ''), /not valid JSON/);
  });

  it('refuses a newer version and says so', () => {
    const r = parseJournal({ ...terryJournal(), version: JOURNAL_VERSION + 1 });
    assert.equal(r.ok, false);
    assert.equal(r.ok ? 0 : r.newerVersion, JOURNAL_VERSION + 1);
  });

  describe('migrations (proved with a test-only v0)', () => {
    // v0 called the status "state" and kept the person's name on the attempt.
    const v0 = {
      format: 'mentoring-outreach/journal',
      version: 0,
      skills: [{ id: 's1', name: 'Negotiation', current: 2, importance: 4 }],
      people: [{ id: 'p1', name: 'Kim', org: 'inside', seniority: 'manager' }],
      attempts: [{ id: 'a1', personId: 'p1', skillId: 's1', ask: { sessions: 3 }, state: 'sent', events: [] }],
    };
    const migrations: Record<number, Migration> = {
      0: (old) => ({
        ...old,
        attempts: (old.attempts as Record<string, unknown>[]).map(({ state, ...rest }) => ({ ...rest, status: state })),
      }),
    };

    it('migrates v0 to v1 and reports where it came from', () => {
      const r = parseJournal(v0, { migrations });
      assert.ok(r.ok);
      assert.equal(r.migratedFrom, 0);
      assert.equal(r.journal.version, 1);
      assert.equal(r.journal.attempts[0]?.status, 'sent');
      assert.equal('state' in (r.journal.attempts[0] ?? {}), false);
    });

    it('is idempotent: migrating the result again changes nothing', () => {
      const once = parseJournal(v0, { migrations });
      assert.ok(once.ok);
      const twice = parseJournal(clone(once.journal), { migrations });
      assert.ok(twice.ok);
      assert.equal(twice.migratedFrom, undefined);
      assert.deepEqual(twice.journal, once.journal);
    });

    it('refuses a version with no migration path', () => {
      const r = parseJournal(v0);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : (r.errors[0]?.reason ?? ''), /no migration/);
    });

    it('reports a migration that throws', () => {
      const r = parseJournal(v0, { migrations: { 0: () => { throw new Error('boom'); } } });
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : (r.errors[0]?.reason ?? ''), /boom/);
    });
  });
});
