/**
 * Issue 12: parseJournal checks a canonical journal (what the store writes) with plain code instead of the
 * schema. That fast path must never accept what the schema refuses, and what it accepts must be exactly the
 * schema's output — the same values in the same key order. Driven over valid journals, sparse ones (defaults
 * left out), and journals with one hostile change anywhere in their tree.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as v from 'valibot';
import { canonicalJournal, JournalSchema, LIMITS, parseJournal, sanitize, type Journal, type JournalProblem } from '../../../src/domain/journal';
import { bigJournal } from '../../support/journals';
import { journalArb, propertyParams, sparseJournalArb } from '../support/arbitraries';

/** The schema alone, as parseJournal ran it before the fast path (after sanitize, before the reference checks). */
function bySchema(input: unknown): { ok: true; output: unknown } | { ok: false } {
  const result = v.safeParse(JournalSchema, input, { abortEarly: false });
  return result.success ? { ok: true, output: result.output } : { ok: false };
}

function clean(input: unknown): Record<string, unknown> {
  const reserved: JournalProblem[] = [];
  const copy = sanitize(input, 0, [], reserved);
  assert.equal(reserved.length, 0);
  return copy as Record<string, unknown>;
}

/** The schema's output of a valid journal: what the store holds and writes. */
function canonical(j: unknown): Journal {
  const r = parseJournal(j);
  if (!r.ok) assert.fail(`not valid: ${JSON.stringify(r.errors)}`);
  return r.journal;
}

/** Fast path accepted ⇒ the schema accepts it too, with the same output, key order included. */
function assertAgrees(doc: Record<string, unknown>): 'fast' | 'schema' {
  const fast = canonicalJournal(clean(doc));
  if (fast === undefined) return 'schema';
  const schema = bySchema(clean(doc));
  assert.ok(schema.ok, `the fast path accepted what the schema refuses: ${JSON.stringify(doc).slice(0, 400)}`);
  assert.equal(JSON.stringify(fast), JSON.stringify(schema.output));
  assert.deepStrictEqual(fast, schema.output);
  return 'fast';
}

/** Every object or array in the tree, with a way to change one of its slots. */
function containers(root: unknown): (Record<string, unknown> | unknown[])[] {
  const out: (Record<string, unknown> | unknown[])[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== 'object' || x === null) return;
    out.push(x as Record<string, unknown>);
    for (const value of Object.values(x)) walk(value);
  };
  walk(root);
  return out;
}

/** Values that sit on or just past a rule of the schema. */
const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, true, false, 0, -1, 1, 1.5, 5, 6, 7, 45, 4, 481, 480, 2, -0,
    '', ' ', '\t\n', 'x', 'a b', 'ok-id_1', 'a'.repeat(64), 'a'.repeat(65),
    'x'.repeat(LIMITS.name), 'x'.repeat(LIMITS.name + 1), 'x'.repeat(LIMITS.shortText + 1), 'x'.repeat(LIMITS.longText + 1),
    'draft', 'sent', 'maybe', 'inside', 'outside', 'senior', 'boss',
    '2026-02-28', '2026-02-29', '2024-02-29', '0000-01-01', '10000-01-01',
    '2026-11-26T10:00:00Z', '2026-11-26T24:00:00Z', '2026-11-26T10:00', '2026-11-26 10:00:00Z', '2026-11-26T10:00:00.1234567890Z',
    'Sent', 'note', 'a'.repeat(41), 'sam@example.com', 'not an address', 'mentoring-outreach/journal',
    [], [''], [' '], ['x', 'y'], Array.from({ length: LIMITS.topics + 1 }, (_, i) => `t${i}`), {}, { id: 'x' },
  ),
  fc.string({ maxLength: 70 }),
  fc.integer({ min: -10, max: 500 }),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation = (target: Record<string, unknown> | unknown[], pick: number, value: unknown) => void;
const MUTATIONS: Record<string, Mutation> = {
  'set a field': (t, pick, value) => {
    const keys = Object.keys(t);
    if (keys.length) (t as Record<string, unknown>)[keys[pick % keys.length]!] = value;
  },
  'delete a field': (t, pick) => {
    if (Array.isArray(t)) return;
    const keys = Object.keys(t);
    if (keys.length) delete t[keys[pick % keys.length]!];
  },
  'move a field to the end': (t, pick) => {
    if (Array.isArray(t)) return;
    const keys = Object.keys(t);
    if (!keys.length) return;
    const key = keys[pick % keys.length]!;
    const value = t[key];
    delete t[key];
    t[key] = value;
  },
  'add an unknown field': (t, pick, value) => {
    if (Array.isArray(t)) t.push(value);
    else t[pick % 3 === 0 ? String(pick % 10) : `extra${pick % 4}`] = value;
  },
};

describe('parseJournal fast path for canonical journals (issue 12)', function () {
  // Thousands of generated journals, each checked twice: seconds, not a hang.
  this.timeout(60_000);
  it('accepts every journal the schema outputs, returning exactly that output', () => {
    fc.assert(
      fc.property(journalArb(), (j) => {
        const stored = canonical(j);
        assert.equal(assertAgrees(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>), 'fast');
      }),
      propertyParams(300),
    );
  });

  it('leaves sparse journals (defaults left out) to the schema, which fills them in', () => {
    let sparse = 0;
    fc.assert(
      fc.property(sparseJournalArb(), (doc) => {
        if (assertAgrees(doc) === 'schema') sparse++;
        // Whichever path ran, parseJournal's result is the canonical journal.
        const r = parseJournal(doc);
        assert.ok(r.ok);
        assert.equal(JSON.stringify(r.journal), JSON.stringify(bySchema(clean(doc)).ok && (bySchema(clean(doc)) as { output: unknown }).output));
      }),
      propertyParams(200),
    );
    assert.ok(sparse > 20, `only ${sparse} sparse journals went to the schema: the generator left nothing out`);
  });

  it('never accepts what the schema refuses, after one hostile change anywhere in a stored journal', () => {
    const seen = { fast: 0, schema: 0, refusedBySchema: 0 };
    const kinds = Object.keys(MUTATIONS);
    fc.assert(
      fc.property(journalArb({ fullTexts: false }), fc.nat(), fc.nat(), fc.constantFrom(...kinds), hostileValueArb, (j, where, pick, kind, value) => {
        const doc = JSON.parse(JSON.stringify(canonical(j))) as Record<string, unknown>;
        const all = containers(doc);
        MUTATIONS[kind]!(all[where % all.length]!, pick, value);
        const path = assertAgrees(doc);
        seen[path]++;
        if (!bySchema(clean(doc)).ok) seen.refusedBySchema++;
      }),
      propertyParams(3000),
    );
    // Not vacuous: both paths ran, and many changes broke a rule.
    assert.ok(seen.fast > 100 && seen.schema > 300 && seen.refusedBySchema > 300, JSON.stringify(seen));
  });

  it('takes the fast path for the journals the store holds (200 attempts, every status)', () => {
    // bigJournal is what the benchmarks seed as a stored journal: it must be in the form the store writes.
    assert.ok(canonicalJournal(clean(bigJournal(200))), 'bigJournal(200) is not in the stored (canonical) form');
    const j = canonical(bigJournal(200));
    assert.ok(canonicalJournal(clean(j)), 'a stored 200-attempt journal is not canonical: activation would run the schema');
    const r = parseJournal(JSON.parse(JSON.stringify(j)));
    assert.ok(r.ok);
    assert.deepStrictEqual(r.journal, j);
  });

  it('is not taken after a migration (its output is not a sanitised copy): the schema sees the holes', () => {
    const stored = canonical(bigJournal(3));
    // A migration that leaves a hole in a list: plain code's every() would skip it, the schema refuses it.
    const sparse: unknown[] = [...stored.attempts];
    delete sparse[1];
    const r = parseJournal({ ...stored, version: 0 }, { migrations: { 0: (old) => ({ ...old, attempts: sparse }) } });
    assert.equal(r.ok, false, 'a journal with a hole in its attempts was accepted after a migration');
  });
});
