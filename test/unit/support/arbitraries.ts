/**
 * fast-check arbitraries for journal format v1: valid journals (unique ids, resolving references,
 * consistent attempt fields for every status), hostile text, unknown extra fields at every level;
 * and, for sync, edits that two machines make independently to a shared journal.
 *
 * Every generated journal is canonical: parseJournal(j) succeeds and deep-equals j (all optional
 * fields present, fields in the order the schema writes them). `sparse` leaves optional fields out
 * instead, for the tests of "one normalising parse".
 */
import * as fc from 'fast-check';
import {
  emptyJournal,
  LIMITS,
  ORGS,
  SENIORITIES,
  STATUSES,
  type Ask,
  type Attempt,
  type AttemptStatus,
  type Journal,
  type JournalEvent,
  type Person,
  type Skill,
} from '../../../src/domain/journal';
import { diffStamps, emptySyncState, parseSyncState, type SyncState } from '../../../src/domain/sync';

/**
 * Bounded runs. A failure prints its seed and path; FC_SEED=<seed> replays a whole run, and
 * FC_RUNS=<n> runs more (a soak before changing the sync rules).
 */
export function propertyParams<T>(numRuns = 200): fc.Parameters<T> {
  const seed = Number(process.env.FC_SEED);
  const runs = Number(process.env.FC_RUNS);
  return { numRuns: Number.isInteger(runs) && runs > 0 ? runs : numRuns, ...(process.env.FC_SEED && Number.isInteger(seed) ? { seed } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Text

/** Fragments that have broken parsers, renderers and object merges before. */
export const TRICKY_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"polluted":true}}',
  '"',
  "'",
  '`',
  '\\',
  '\\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u0000',
  '\u2028',
  '\u202e',
  '\ufeff',
  '🙂',
  '👩‍👩‍👧',
  '🇳🇿',
  'e\u0301',
  'é',
  '漢字',
  'ﷺ',
  '\ud83d', // a lone surrogate: JSON escapes it, so it survives too
  '[x](javascript:alert(1))',
  '| a | b |',
  '**bold** _it_ # h',
  '&amp; &lt;',
  '${x} {{x}} {{{x}}}',
  '</textarea>',
  ' ',
] as const;

const REPEAT_UNITS = ['a', 'é', '🙂', '"', '<', '\n'] as const;

export interface TextOptions {
  max: number;
  /** Must contain something other than white space (names, topics). */
  nonBlank?: boolean;
}

/** Text within `max` UTF-16 units (what the schema counts), now and then exactly at the limit. */
export function textArb({ max, nonBlank = false }: TextOptions): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 10 }) },
  );
  const ordinary = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
  const atLimit = fc.constantFrom(...REPEAT_UNITS).map((u) => u.repeat(Math.ceil(max / u.length)).slice(0, max));
  return fc.oneof({ weight: 30, arbitrary: ordinary }, { weight: 1, arbitrary: atLimit }).map((s) => {
    let out = s.length > max ? s.slice(0, max) : s;
    if (nonBlank && out.trim() === '') out = `x${out}`.slice(0, max);
    return out;
  });
}

/** The texts of a journal: up to the real limits, or short (for tests where text is only payload). */
interface Texts {
  name: fc.Arbitrary<string>;
  short: fc.Arbitrary<string>;
  long: fc.Arbitrary<string>;
  topic: fc.Arbitrary<string>;
}

function textsOf(full: boolean): Texts {
  const cap = (n: number) => (full ? n : Math.min(n, 24));
  return {
    name: textArb({ max: cap(LIMITS.name), nonBlank: true }),
    short: textArb({ max: cap(LIMITS.shortText) }),
    long: textArb({ max: cap(LIMITS.longText) }),
    topic: textArb({ max: cap(LIMITS.shortText), nonBlank: true }),
  };
}

const FULL_TEXTS = textsOf(true);
const SHORT_TEXTS = textsOf(false);

/** How records are generated: with unknown fields or not, with full-size texts or short ones. */
export interface RecordOptions {
  extras: boolean;
  texts: Texts;
}

const DEFAULT_RECORD: RecordOptions = { extras: true, texts: FULL_TEXTS };

// ---------------------------------------------------------------------------------------------
// Ids, times

export const TRICKY_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '-', '_', '0', 'a'.repeat(64)] as const;

export const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY_IDS) },
);

/** Ids from small pools, so that independently generated journals share records. */
const POOL = {
  skill: ['s1', 's2', 's3', 's4', '__proto__'],
  person: ['p1', 'p2', 'p3', 'p4', 'constructor'],
  attempt: ['a1', 'a2', 'a3', 'a4', 'a5', 'toString'],
} as const;

const MIN_TIME = Date.parse('2001-01-01T00:00:00.000Z');
const MAX_TIME = Date.parse('2098-12-31T00:00:00.000Z');

export const instantArb = fc.integer({ min: MIN_TIME, max: MAX_TIME });

/** The same instant, written as the extension writes it or as another tool might. */
function isoTime(ms: number, style: number): string {
  const iso = new Date(ms).toISOString();
  switch (style % 4) {
    case 1:
      return iso.replace(/\.\d{3}Z$/, 'Z');
    case 2: {
      // The same instant at +02:00.
      const shifted = new Date(ms + 2 * 3_600_000).toISOString();
      return `${shifted.slice(0, 19)}+02:00`;
    }
    case 3:
      return iso.replace(/Z$/, '+00:00');
    default:
      return iso;
  }
}

/**
 * Calendar dates (YYYY-MM-DD), now and then at the limits a journal accepts (0001-01-01, 9999-12-31) or
 * on a leap day. Every date-time above is strict (isIsoDateTime): toISOString of an instant in 2001–2098.
 */
export const calendarDateArb = fc.oneof(
  { weight: 20, arbitrary: instantArb.map((ms) => new Date(ms).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('0001-01-01', '0050-02-28', '9999-12-31', '2000-02-29', '2096-02-29') },
);

// ---------------------------------------------------------------------------------------------
// Unknown fields

// `__proto__` is dropped by parseJournal, `constructor` and `prototype` are refused: generated journals have none.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON value as JSON.parse would build it: plain objects, no forbidden keys, no -0. */
function plainJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) if (!FORBIDDEN.has(key)) out[key] = plainJson((value as Record<string, unknown>)[key]);
    return out;
  }
  return Object.is(value, -0) ? 0 : value;
}

const extraKeyArb = fc.oneof(
  fc.constantFrom('x-future', 'émoji🙂', '__proto__x', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'ID', '$ref', 'a.b', 'Name'),
  fc.string({ maxLength: 8 }).map((s) => `x${s}`),
);
const extraValueArb = fc.jsonValue({ maxDepth: 3 }).map(plainJson);

/** Unknown fields for a record whose known fields are `known` (none of which they overwrite). */
export function extrasArb(known: readonly string[], enabled = true): fc.Arbitrary<Record<string, unknown>> {
  if (!enabled) return fc.constant({});
  const skip = new Set([...known, ...FORBIDDEN, 'plan']);
  return fc.option(fc.dictionary(extraKeyArb.filter((k) => !skip.has(k)), extraValueArb, { maxKeys: 3, noNullPrototype: true }), { freq: 3 }).map((d) => ({ ...(d ?? {}) }));
}

// ---------------------------------------------------------------------------------------------
// Records

export interface JournalArbOptions {
  maxSkills?: number;
  maxPeople?: number;
  maxAttempts?: number;
  /** Unknown fields at every level (default true). */
  extras?: boolean;
  /** Ids from small shared pools (for sync: independent journals then share records). */
  pooledIds?: boolean;
  /** Texts up to the real limits (default true); false keeps them short (still hostile). */
  fullTexts?: boolean;
}

const SKILL_KEYS = ['id', 'name', 'current', 'importance', 'notes'];
const PERSON_KEYS = ['id', 'name', 'org', 'seniority', 'skillIds', 'evidence', 'referredBy', 'sponsor', 'email'];
const ASK_KEYS = ['sessions', 'minutesPerSession', 'timeframe', 'topics'];
const EVENT_KEYS = ['at', 'kind', 'detail'];
const ATTEMPT_KEYS = ['id', 'personId', 'skillId', 'ask', 'text', 'status', 'askAgainOn', 'sessionsDone', 'events'];
const JOURNAL_KEYS = ['format', 'version', 'aspiration', 'skills', 'focusSkillId', 'people', 'attempts'];

const levelArb = fc.integer({ min: 1, max: 5 });
/** A contact address: RFC 5322 addresses as fast-check makes them, and a few that people have. */
export const emailArb: fc.Arbitrary<string> = fc.oneof(fc.emailAddress(), fc.constantFrom('amara@example.com', 'jürgen@müller.de', "o'hara+news@example.ie"));

export function skillArb(id: string, { extras, texts }: RecordOptions = DEFAULT_RECORD): fc.Arbitrary<Skill> {
  return fc
    .record({ name: texts.name, current: levelArb, importance: levelArb, notes: texts.long, extra: extrasArb(SKILL_KEYS, extras) })
    .map(({ extra, ...s }) => ({ id, name: s.name, current: s.current, importance: s.importance, notes: s.notes, ...extra }));
}

export function personArb(id: string, skillIds: readonly string[], otherPeople: readonly string[], { extras, texts }: RecordOptions = DEFAULT_RECORD): fc.Arbitrary<Person> {
  return fc
    .record({
      name: texts.name,
      org: fc.constantFrom(...ORGS),
      seniority: fc.constantFrom(...SENIORITIES),
      skillIds: fc.subarray([...skillIds]),
      evidence: texts.long,
      referredBy: otherPeople.length ? fc.option(fc.constantFrom(...otherPeople), { nil: null }) : fc.constant(null),
      sponsor: fc.boolean(),
      // The optional contact address (issue 11): absent in most records, as in older journals.
      email: fc.option(emailArb, { nil: undefined, freq: 3 }),
      extra: extrasArb(PERSON_KEYS, extras),
    })
    .map(({ extra, email, ...p }) => ({
      id,
      name: p.name,
      org: p.org,
      seniority: p.seniority,
      skillIds: p.skillIds,
      evidence: p.evidence,
      referredBy: p.referredBy,
      sponsor: p.sponsor,
      ...(email === undefined ? {} : { email }),
      ...extra,
    }));
}

export function askArb({ extras, texts }: RecordOptions = DEFAULT_RECORD): fc.Arbitrary<Ask> {
  return fc
    .record({
      sessions: fc.integer({ min: 1, max: 6 }),
      minutesPerSession: fc.integer({ min: 5, max: 480 }),
      timeframe: texts.short,
      topics: fc.array(texts.topic, { maxLength: LIMITS.topics }),
      extra: extrasArb(ASK_KEYS, extras),
    })
    .map(({ extra, ...a }) => ({ sessions: a.sessions, minutesPerSession: a.minutesPerSession, timeframe: a.timeframe, topics: a.topics, ...extra }));
}

const eventKindArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/);

interface EventSeed {
  gapMs: number;
  style: number;
  detail: string;
  extra: Record<string, unknown>;
}

function eventSeedArb({ extras, texts }: RecordOptions): fc.Arbitrary<EventSeed> {
  return fc.record({
    gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 * 86_400_000 })),
    style: fc.nat({ max: 3 }),
    detail: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: texts.long }),
    extra: extrasArb(EVENT_KEYS, extras),
  });
}

/**
 * The events a status implies, in time order (gaps may be 0: equal times happen), as the domain
 * writes them: created; sent; a response (yes / no / later: date); sessions; completed; withdrawn.
 */
function eventsFor(status: AttemptStatus, sessionsDone: number, askAgainOn: string | null, start: number, seeds: readonly EventSeed[], more: readonly { kind: string; seed: EventSeed }[]): JournalEvent[] {
  const kinds: { kind: string; detail?: string }[] = [{ kind: 'created', detail: '' }];
  if (status !== 'draft') kinds.push({ kind: 'sent' });
  if (status === 'accepted' || status === 'completed') kinds.push({ kind: 'response', detail: 'yes' });
  if (status === 'declined') kinds.push({ kind: 'response', detail: 'no' });
  if (status === 'deferred') kinds.push({ kind: 'response', detail: `later: ${askAgainOn ?? ''}` });
  for (let i = 0; i < sessionsDone; i++) kinds.push({ kind: 'session' });
  if (status === 'completed') kinds.push({ kind: 'completed', detail: '' });
  if (status === 'withdrawn') kinds.push({ kind: 'withdrawn', detail: '' });
  const all = [...kinds.map((k, i) => ({ ...k, seed: seeds[i % seeds.length] as EventSeed })), ...more.map((m) => ({ kind: m.kind, detail: undefined as string | undefined, seed: m.seed }))];
  let at = start;
  return all.map(({ kind, detail, seed }) => {
    at = Math.min(MAX_TIME, at + seed.gapMs);
    return { at: isoTime(at, seed.style), kind, detail: detail ?? seed.detail, ...seed.extra };
  });
}

export function attemptArb(id: string, personIds: readonly string[], skillIds: readonly string[], options: RecordOptions = DEFAULT_RECORD): fc.Arbitrary<Attempt> {
  const { extras, texts } = options;
  return fc
    .record({
      personId: fc.constantFrom(...personIds),
      skillId: fc.constantFrom(...skillIds),
      ask: askArb(options),
      text: texts.long,
      status: fc.constantFrom(...STATUSES),
      askAgainOn: calendarDateArb,
      progress: fc.nat(),
      start: fc.integer({ min: MIN_TIME, max: Date.parse('2090-01-01T00:00:00.000Z') }),
      seeds: fc.array(eventSeedArb(options), { minLength: 1, maxLength: 6 }),
      more: fc.array(fc.record({ kind: eventKindArb, seed: eventSeedArb(options) }), { maxLength: 2 }),
      plan: fc.option(fc.array(fc.record({ topics: fc.array(texts.topic, { maxLength: 3 }), agenda: texts.long }), { minLength: 6, maxLength: 6 }), { nil: undefined }),
      extra: extrasArb(ATTEMPT_KEYS, extras),
    })
    .map((g) => {
      const sessions = g.ask.sessions;
      const sessionsDone = g.status === 'completed' ? sessions : g.status === 'accepted' ? g.progress % sessions : 0;
      const askAgainOn = g.status === 'deferred' ? g.askAgainOn : null;
      const withPlan = (g.status === 'accepted' || g.status === 'completed') && g.plan !== undefined;
      return {
        id,
        personId: g.personId,
        skillId: g.skillId,
        ask: g.ask,
        text: g.text,
        status: g.status,
        askAgainOn,
        sessionsDone,
        events: eventsFor(g.status, sessionsDone, askAgainOn, g.start, g.seeds, g.more),
        ...g.extra,
        ...(withPlan && g.plan ? { plan: g.plan.slice(0, sessions).map((item, i) => ({ n: i + 1, topics: item.topics, agenda: item.agenda })) } : {}),
      };
    });
}

function idsArb(kind: keyof typeof POOL, max: number, pooled: boolean): fc.Arbitrary<string[]> {
  return pooled ? fc.shuffledSubarray([...POOL[kind]], { maxLength: max }) : fc.uniqueArray(idArb, { maxLength: max });
}

/** A valid, canonical journal v1. */
export function journalArb(options: JournalArbOptions = {}): fc.Arbitrary<Journal> {
  const { maxSkills = 5, maxPeople = 5, maxAttempts = 6, extras = true, pooledIds = false, fullTexts = true } = options;
  const rec: RecordOptions = { extras, texts: fullTexts ? FULL_TEXTS : SHORT_TEXTS };
  return fc
    .record({
      skillIds: idsArb('skill', maxSkills, pooledIds),
      personIds: idsArb('person', maxPeople, pooledIds),
      attemptIds: idsArb('attempt', maxAttempts, pooledIds),
    })
    .chain(({ skillIds, personIds, attemptIds }) => {
      const canAttempt = skillIds.length > 0 && personIds.length > 0;
      return fc.record({
        aspiration: rec.texts.short,
        focusSkillId: skillIds.length ? fc.option(fc.constantFrom(...skillIds), { nil: null }) : fc.constant(null),
        skills: fc.tuple(...skillIds.map((id) => skillArb(id, rec))),
        people: fc.tuple(...personIds.map((id) => personArb(id, skillIds, personIds.filter((p) => p !== id), rec))),
        attempts: canAttempt ? fc.tuple(...attemptIds.map((id) => attemptArb(id, personIds, skillIds, rec))) : fc.constant([] as Attempt[]),
        extra: extrasArb(JOURNAL_KEYS, extras),
      });
    })
    .map(({ aspiration, focusSkillId, skills, people, attempts, extra }) => ({
      ...emptyJournal(),
      aspiration,
      skills,
      focusSkillId,
      people,
      attempts,
      ...extra,
    }));
}

/** A journal with documented defaults left out at random (what a hand-written file looks like). */
export function sparseJournalArb(options: JournalArbOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(journalArb(options), fc.infiniteStream(fc.boolean())).map(([j, coins]) => {
    const drop = <T extends object>(obj: T, defaults: Record<string, unknown>): T => {
      const out = { ...obj } as Record<string, unknown>;
      for (const [key, value] of Object.entries(defaults)) {
        if (JSON.stringify(out[key]) === JSON.stringify(value) && coins.next().value) delete out[key];
      }
      return out as T;
    };
    const top = drop(j, { aspiration: '', focusSkillId: null, skills: [], people: [], attempts: [] }) as Record<string, unknown>;
    if (Array.isArray(top.skills)) top.skills = j.skills.map((s) => drop(s, { notes: '' }));
    if (Array.isArray(top.people)) top.people = j.people.map((p) => drop(p, { skillIds: [], evidence: '', referredBy: null, sponsor: false }));
    if (Array.isArray(top.attempts)) {
      top.attempts = j.attempts.map((a) =>
        drop({ ...a, ask: drop(a.ask, { minutesPerSession: 45, timeframe: '', topics: [] }), events: a.events.map((e) => drop(e, { detail: '' })) }, { text: '', askAgainOn: null, sessionsDone: 0, events: [] }),
      );
    }
    return top;
  });
}

// ---------------------------------------------------------------------------------------------
// Sync: states, and edits made independently on two machines

/** A sync state built freely (random stamps and tombstones over shared id pools), then checked by parseSyncState. */
export function syncStateArb(options: JournalArbOptions = {}): fc.Arbitrary<SyncState> {
  const keys = [
    'profile',
    ...POOL.skill.map((id) => `skill:${id}`),
    ...POOL.person.map((id) => `person:${id}`),
    ...POOL.attempt.map((id) => `attempt:${id}`),
  ];
  // Few distinct instants, so equal stamps (ties) happen often.
  const stampArb = fc.integer({ min: 0, max: 12 }).map((h) => new Date(Date.parse('2026-11-26T00:00:00.000Z') + h * 3_600_000).toISOString());
  return fc
    .record({
      journal: journalArb({ maxSkills: 4, maxPeople: 4, maxAttempts: 5, fullTexts: false, ...options, pooledIds: true }),
      stamps: fc.dictionary(fc.constantFrom(...keys), stampArb, { maxKeys: keys.length, noNullPrototype: true }),
      tombstones: fc.dictionary(fc.constantFrom(...keys.filter((k) => k !== 'profile')), stampArb, { maxKeys: 8, noNullPrototype: true }),
    })
    .map((raw) => {
      const state = parseSyncState(JSON.parse(JSON.stringify({ v: 1, ...raw })));
      if ('error' in state) throw new Error(`syncStateArb built an invalid state: ${state.error}`);
      return state;
    });
}

/** One edit, with random choices resolved against the journal it is applied to. */
export type Edit =
  | { op: 'aspiration'; text: string }
  | { op: 'focus'; pick: number }
  | { op: 'editSkill'; pick: number; name: string; current: number; notes: string }
  | { op: 'addSkill'; id: string; name: string }
  | { op: 'deleteSkill'; pick: number }
  | { op: 'editPerson'; pick: number; name: string; evidence: string; sponsor: boolean; email: string | null | undefined }
  | { op: 'addPerson'; id: string; name: string; referrer: number }
  | { op: 'deletePerson'; pick: number }
  | { op: 'editAttempt'; pick: number; text: string }
  | { op: 'addEvent'; pick: number; kind: string; detail: string }
  | { op: 'addAttempt'; id: string; person: number; skill: number }
  | { op: 'markSent'; pick: number }
  | { op: 'deleteAttempt'; pick: number };

const pickArb = fc.nat({ max: 1000 });
const smallText = textArb({ max: 60 });
const smallName = textArb({ max: 40, nonBlank: true });
const newIdArb = fc.oneof(fc.constantFrom(...POOL.skill, ...POOL.person, ...POOL.attempt), fc.stringMatching(/^n[a-z0-9]{1,4}$/));

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('aspiration' as const), text: smallText }),
  fc.record({ op: fc.constant('focus' as const), pick: pickArb }),
  fc.record({ op: fc.constant('editSkill' as const), pick: pickArb, name: smallName, current: levelArb, notes: smallText }),
  fc.record({ op: fc.constant('addSkill' as const), id: newIdArb, name: smallName }),
  fc.record({ op: fc.constant('deleteSkill' as const), pick: pickArb }),
  // email: a new address, null to remove it, undefined to leave it as it is.
  fc.record({ op: fc.constant('editPerson' as const), pick: pickArb, name: smallName, evidence: smallText, sponsor: fc.boolean(), email: fc.option(fc.option(emailArb, { nil: null }), { nil: undefined }) }),
  fc.record({ op: fc.constant('addPerson' as const), id: newIdArb, name: smallName, referrer: pickArb }),
  fc.record({ op: fc.constant('deletePerson' as const), pick: pickArb }),
  fc.record({ op: fc.constant('editAttempt' as const), pick: pickArb, text: smallText }),
  fc.record({ op: fc.constant('addEvent' as const), pick: pickArb, kind: fc.constantFrom('nudge', 'contact', 'follow-up', 'note'), detail: smallText }),
  fc.record({ op: fc.constant('addAttempt' as const), id: newIdArb, person: pickArb, skill: pickArb }),
  fc.record({ op: fc.constant('markSent' as const), pick: pickArb }),
  fc.record({ op: fc.constant('deleteAttempt' as const), pick: pickArb }),
);

function at<T>(items: readonly T[], pick: number): T | undefined {
  return items.length ? items[pick % items.length] : undefined;
}

/**
 * Applies an edit the way the extension's commands would (a valid journal in, a valid journal out;
 * deleting a skill or person also removes what refers to it). An edit that does not apply (nothing
 * to pick, an id already used) returns the journal unchanged.
 */
export function applyEdit(j: Journal, edit: Edit, now: Date): Journal {
  const time = now.toISOString();
  switch (edit.op) {
    case 'aspiration':
      return { ...j, aspiration: edit.text };
    case 'focus':
      return { ...j, focusSkillId: at(j.skills, edit.pick)?.id ?? null };
    case 'editSkill': {
      const s = at(j.skills, edit.pick);
      if (!s) return j;
      return { ...j, skills: j.skills.map((x) => (x === s ? { ...s, name: edit.name, current: edit.current, notes: edit.notes } : x)) };
    }
    case 'addSkill':
      if (j.skills.some((s) => s.id === edit.id)) return j;
      return { ...j, skills: [...j.skills, { id: edit.id, name: edit.name, current: 1, importance: 3, notes: '' }] };
    case 'deleteSkill': {
      const s = at(j.skills, edit.pick);
      if (!s) return j;
      return {
        ...j,
        skills: j.skills.filter((x) => x !== s),
        focusSkillId: j.focusSkillId === s.id ? null : j.focusSkillId,
        people: j.people.map((p) => (p.skillIds.includes(s.id) ? { ...p, skillIds: p.skillIds.filter((id) => id !== s.id) } : p)),
        attempts: j.attempts.filter((a) => a.skillId !== s.id),
      };
    }
    case 'editPerson': {
      const p = at(j.people, edit.pick);
      if (!p) return j;
      const next: Person = { ...p, name: edit.name, evidence: edit.evidence, sponsor: edit.sponsor };
      if (edit.email === null) delete next.email;
      else if (edit.email !== undefined) next.email = edit.email;
      return { ...j, people: j.people.map((x) => (x === p ? next : x)) };
    }
    case 'addPerson': {
      if (j.people.some((p) => p.id === edit.id)) return j;
      const referrer = at(j.people, edit.referrer)?.id ?? null;
      const person: Person = { id: edit.id, name: edit.name, org: 'inside', seniority: 'peer', skillIds: j.skills.slice(0, 1).map((s) => s.id), evidence: '', referredBy: referrer, sponsor: false };
      return { ...j, people: [...j.people, person] };
    }
    case 'deletePerson': {
      const p = at(j.people, edit.pick);
      if (!p) return j;
      return {
        ...j,
        people: j.people.filter((x) => x !== p).map((x) => (x.referredBy === p.id ? { ...x, referredBy: null } : x)),
        attempts: j.attempts.filter((a) => a.personId !== p.id),
      };
    }
    case 'editAttempt': {
      const a = at(j.attempts, edit.pick);
      if (!a) return j;
      return { ...j, attempts: j.attempts.map((x) => (x === a ? { ...a, text: edit.text } : x)) };
    }
    case 'addEvent': {
      const a = at(j.attempts, edit.pick);
      if (!a || a.events.length >= LIMITS.eventsPerAttempt) return j;
      return { ...j, attempts: j.attempts.map((x) => (x === a ? { ...a, events: [...a.events, { at: time, kind: edit.kind, detail: edit.detail }] } : x)) };
    }
    case 'addAttempt': {
      const person = at(j.people, edit.person);
      const skill = at(j.skills, edit.skill);
      if (!person || !skill || j.attempts.some((a) => a.id === edit.id)) return j;
      const attempt: Attempt = {
        id: edit.id,
        personId: person.id,
        skillId: skill.id,
        ask: { sessions: 3, minutesPerSession: 45, timeframe: '', topics: [] },
        text: '',
        status: 'draft',
        askAgainOn: null,
        sessionsDone: 0,
        events: [{ at: time, kind: 'created', detail: '' }],
      };
      return { ...j, attempts: [...j.attempts, attempt] };
    }
    case 'markSent': {
      const a = at(j.attempts, edit.pick);
      if (!a || (a.status !== 'draft' && a.status !== 'deferred') || a.events.length >= LIMITS.eventsPerAttempt) return j;
      return { ...j, attempts: j.attempts.map((x) => (x === a ? { ...a, status: 'sent', askAgainOn: null, events: [...a.events, { at: time, kind: 'sent', detail: '' }] } : x)) };
    }
    case 'deleteAttempt': {
      const a = at(j.attempts, edit.pick);
      if (!a) return j;
      return { ...j, attempts: j.attempts.filter((x) => x !== a) };
    }
  }
}

/** A machine's session: edits applied one by one, each recorded with diffStamps at its own clock. */
export function applyEdits(state: SyncState, edits: readonly Edit[], clock: { start: number; stepsMs: readonly number[] }): SyncState {
  let t = clock.start;
  let s = state;
  edits.forEach((edit, i) => {
    t += clock.stepsMs[i % Math.max(1, clock.stepsMs.length)] ?? 0;
    const now = new Date(t);
    s = diffStamps(s.journal, applyEdit(s.journal, edit, now), now, s);
  });
  return s;
}

export interface Diverged {
  /** The state every machine had (after syncing). */
  base: SyncState;
  /** Each machine's state after its own edits; `a` and `b` are the first two. */
  states: SyncState[];
  a: SyncState;
  b: SyncState;
  edits: Edit[][];
}

/**
 * A shared journal that two (or more) machines then edit independently, each with its own
 * (possibly skewed, possibly equal) clock — what Settings Sync brings together.
 */
export function divergedArb(options: JournalArbOptions & { machines?: number } = {}): fc.Arbitrary<Diverged> {
  const { machines = 2, ...journalOptions } = options;
  const clockArb = fc.record({
    skewMs: fc.oneof(fc.constant(0), fc.integer({ min: -3_600_000, max: 3_600_000 })),
    stepsMs: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 86_400_000 })), { minLength: 1, maxLength: 4 }),
  });
  return fc
    .record({
      journal: journalArb({ maxSkills: 3, maxPeople: 3, maxAttempts: 4, fullTexts: false, ...journalOptions, pooledIds: true }),
      machines: fc.array(fc.record({ edits: fc.array(editArb, { maxLength: 6 }), clock: clockArb }), { minLength: machines, maxLength: machines }),
    })
    .map(({ journal, machines: sessions }) => {
      const t0 = Date.parse('2026-11-26T09:00:00.000Z');
      const base = diffStamps(emptySyncState().journal, journal, new Date(t0), emptySyncState());
      const states = sessions.map(({ edits, clock }) => applyEdits(base, edits, { start: t0 + 60_000 + clock.skewMs, stepsMs: clock.stepsMs }));
      return { base, states, a: states[0] as SyncState, b: states[1] as SyncState, edits: sessions.map((m) => m.edits) };
    });
}
