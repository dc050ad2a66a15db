/**
 * Issue 5.3: JSON export/import round-trips losslessly, proved on generated journals (hostile text,
 * unknown fields at every level, every status). Runs are bounded and seeded: a failure prints the
 * seed and the counterexample; `FC_SEED=<seed> npx mocha …` replays the run.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { planImport } from '../../../src/domain/importPlan';
import { emptyJournal, LIMITS, parseJournal, parseJournalText, STATUSES, type Journal } from '../../../src/domain/journal';
import { journalToMarkdown } from '../../../src/domain/report';
import { readPlan } from '../../../src/domain/sessions';
import { journalArb, propertyParams, sparseJournalArb } from '../support/arbitraries';
import { UNSAFE_CHAR } from '../support/unsafeText';

/** What Export Journal writes (src/commands/journalFiles.ts `journalJson`, which imports vscode and so is not loaded here). */
const journalJson = (journal: Journal): string => JSON.stringify(journal, null, 2) + '\n';

function parsed(input: unknown): Journal {
  const r = parseJournal(input);
  if (!r.ok) assert.fail(`expected a valid journal: ${JSON.stringify(r.errors)}`);
  return r.journal;
}

const RUNS = 200;

describe('journal round-trips (property)', function () {
  this.timeout(60_000);

  it('the generator makes valid, canonical journals: parseJournal(j) deep-equals j', () => {
    fc.assert(
      fc.property(journalArb(), (j) => {
        assert.deepStrictEqual(parsed(j), j);
      }),
      propertyParams(RUNS),
    );
  });

  it('the generator covers what the round trip must survive', () => {
    const seen = new Set<string>();
    const note = (what: string, yes: boolean) => yes && seen.add(what);
    const extras = (o: object, known: string[]) => Object.keys(o).some((k) => !known.includes(k));
    for (const j of fc.sample(journalArb(), { numRuns: 300, seed: 53 })) {
      const all = JSON.stringify(j);
      note('journal extras', extras(j, Object.keys(emptyJournal())));
      note('skill extras', j.skills.some((s) => extras(s, ['id', 'name', 'current', 'importance', 'notes'])));
      note('person extras', j.people.some((p) => extras(p, ['id', 'name', 'org', 'seniority', 'skillIds', 'evidence', 'referredBy', 'sponsor', 'email'])));
      note('contact address', j.people.some((p) => typeof p.email === 'string'));
      note('no contact address', j.people.some((p) => !('email' in p)));
      note('ask extras', j.attempts.some((a) => extras(a.ask, ['sessions', 'minutesPerSession', 'timeframe', 'topics'])));
      note('event extras', j.attempts.some((a) => a.events.some((e) => extras(e, ['at', 'kind', 'detail']))));
      note('attempt extras', j.attempts.some((a) => extras(a, ['id', 'personId', 'skillId', 'ask', 'text', 'status', 'askAgainOn', 'sessionsDone', 'events', 'plan'])));
      for (const a of j.attempts) note(`status ${a.status}`, true);
      note('plan', j.attempts.some((a) => Array.isArray(a.plan)));
      note('referral', j.people.some((p) => p.referredBy !== null));
      note('focus', j.focusSkillId !== null);
      note('<script>', all.includes('<script>'));
      note('__proto__ text', all.includes('__proto__'));
      note('emoji', all.includes('🙂') || all.includes('👩'));
      note('newline', all.includes('\\n'));
      note('text at its limit', j.attempts.some((a) => a.text.length === LIMITS.longText) || j.skills.some((s) => s.notes.length === LIMITS.longText));
      note('name at its limit', j.people.some((p) => p.name.length === LIMITS.name) || j.skills.some((s) => s.name.length === LIMITS.name));
      note('offset time', j.attempts.some((a) => a.events.some((e) => e.at.endsWith('+02:00'))));
    }
    const wanted = ['journal extras', 'skill extras', 'person extras', 'contact address', 'no contact address', 'ask extras', 'event extras', 'attempt extras', ...STATUSES.map((s) => `status ${s}`), 'plan', 'referral', 'focus', '<script>', '__proto__ text', 'emoji', 'newline', 'text at its limit', 'name at its limit', 'offset time'];
    assert.deepStrictEqual(wanted.filter((w) => !seen.has(w)), []);
  });

  it('JSON export then import is lossless: parseJournal(JSON.parse(JSON.stringify(j))) deep-equals j', () => {
    fc.assert(
      fc.property(journalArb(), (j) => {
        assert.deepStrictEqual(parsed(JSON.parse(JSON.stringify(j))), j);
        // The export file as written (indented), read back as the import command reads it.
        const fromFile = parseJournalText(journalJson(j));
        assert.ok(fromFile.ok);
        assert.deepStrictEqual(fromFile.journal, j);
      }),
      propertyParams(RUNS),
    );
  });

  it('after one normalising parse, a sparse (hand-written) journal round-trips exactly, and the export text is stable', () => {
    fc.assert(
      fc.property(sparseJournalArb(), (raw) => {
        const once = parsed(raw);
        const twice = parsed(JSON.parse(JSON.stringify(once)));
        assert.deepStrictEqual(twice, once);
        assert.equal(journalJson(twice), journalJson(once));
      }),
      propertyParams(RUNS),
    );
  });

  it('a stored session plan survives the round trip and still reads back', () => {
    fc.assert(
      fc.property(journalArb(), (j) => {
        const back = parsed(JSON.parse(journalJson(j)));
        back.attempts.forEach((a, i) => {
          const before = j.attempts[i];
          assert.ok(before);
          assert.deepStrictEqual(a.plan, before.plan);
          assert.deepStrictEqual(readPlan(a), readPlan(before));
        });
      }),
      propertyParams(RUNS),
    );
  });

  it('__proto__ keys in a file are dropped and change nothing else', () => {
    fc.assert(
      fc.property(journalArb(), (j) => {
        const text = journalJson(j).replace(/^\{/, '{"__proto__":{"polluted":true,"constructor":{"prototype":{"polluted":true}}},');
        const r = parseJournalText(text);
        assert.ok(r.ok);
        assert.deepStrictEqual(r.journal, j);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
      }),
      propertyParams(RUNS),
    );
  });

  it('a constructor or prototype key anywhere refuses the file, naming the path, and pollutes nothing', () => {
    fc.assert(
      fc.property(journalArb({ fullTexts: false }), fc.constantFrom('constructor', 'prototype'), fc.nat(), (j, key, pick) => {
        // Put the key on one record of an exported copy (or on the journal itself), chosen at random.
        const copy = JSON.parse(journalJson(j)) as Journal;
        const records: [string, object][] = [['$', copy]];
        copy.skills.forEach((s, i) => records.push([`$.skills[${i}]`, s]));
        copy.people.forEach((p, i) => records.push([`$.people[${i}]`, p]));
        copy.attempts.forEach((a, i) => records.push([`$.attempts[${i}]`, a], [`$.attempts[${i}].ask`, a.ask]));
        const [path, target] = records[pick % records.length]!;
        // An own data property, as JSON.parse makes it (plain assignment would do too: neither key is a setter).
        Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
        const r = parseJournalText(JSON.stringify(copy));
        assert.ok(!r.ok);
        assert.deepEqual(r.errors.map((e) => e.path), [`${path}.${key}`]);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
      }),
      propertyParams(RUNS),
    );
  });

  it('the Markdown report never throws and never lets typed text through as HTML or links', () => {
    fc.assert(
      fc.property(journalArb(), fc.constantFrom('2001-01-01', '2026-11-26', '2099-12-31'), fc.integer({ min: 1, max: 365 }), (j, today, nudgeAfterDays) => {
        const md = journalToMarkdown(j, { today, nudgeAfterDays });
        assert.equal(typeof md, 'string');
        assert.ok(!md.includes('<'), 'a raw "<" reached the report');
        assert.ok(!/(?<!\\)\]\(/.test(md), 'a Markdown link reached the report');
        assert.doesNotMatch(md, UNSAFE_CHAR, 'a control or bidirectional-override character reached the report');
      }),
      propertyParams(RUNS),
    );
  });

  it('import merge into an empty journal gives the file, unknown top-level fields included', () => {
    fc.assert(
      fc.property(journalArb(), (j) => {
        const r = planImport(emptyJournal(), parsed(JSON.parse(journalJson(j))), 'merge');
        if (!r.ok) assert.fail(r.reason);
        assert.deepStrictEqual(r.plan.result, j);
        assert.deepStrictEqual(r.plan.added, { skills: j.skills.length, people: j.people.length, attempts: j.attempts.length });
      }),
      propertyParams(RUNS),
    );
  });

  it('import replace then export gives the file, byte for byte', () => {
    fc.assert(
      fc.property(journalArb(), journalArb(), (current, j) => {
        const file = journalJson(j);
        const incoming = parseJournalText(file);
        assert.ok(incoming.ok);
        const r = planImport(current, incoming.journal, 'replace');
        if (!r.ok) assert.fail(r.reason);
        assert.equal(journalJson(r.plan.result), file);
      }),
      propertyParams(RUNS),
    );
  });
});
