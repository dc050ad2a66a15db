/**
 * Journal format v1: the types, the schema that checks every field, and the migration chain.
 * Pure: no `vscode` import (a unit test fails if one appears).
 */
import * as v from 'valibot';
import { ASK_LIMITS, DEFAULT_MINUTES } from './ask';
import { isCalendarDate, isIsoDateTime } from './dates';
import { EMAIL_MAX_LENGTH, isPlausibleEmail } from './emailAddress';

// The date checks live in dates.ts (one strict helper for every date the journal holds); re-exported
// here because callers have always imported them with the schema.
export { daysInMonth, isCalendarDate, isIsoDateTime } from './dates';

export const JOURNAL_FORMAT = 'mentoring-outreach/journal';
export const JOURNAL_VERSION = 1;

export const LIMITS = {
  id: 64,
  name: 200,
  shortText: 500,
  longText: 20_000,
  topics: 10,
  skills: 1_000,
  people: 20_000,
  attempts: 50_000,
  eventsPerAttempt: 2_000,
  depth: 32,
  /** A person's contact address (RFC 5321's longest path). */
  email: EMAIL_MAX_LENGTH,
} as const;

export const ORGS = ['inside', 'outside'] as const;
export const SENIORITIES = ['senior', 'peer', 'junior', 'manager'] as const;
export const STATUSES = ['draft', 'sent', 'accepted', 'deferred', 'declined', 'completed', 'withdrawn'] as const;

export type Org = (typeof ORGS)[number];
export type Seniority = (typeof SENIORITIES)[number];
export type AttemptStatus = (typeof STATUSES)[number];

/** Fields a newer tool (or the user) added are kept on round-trip. */
interface Open {
  [unknownField: string]: unknown;
}

export interface Skill extends Open {
  id: string;
  name: string;
  current: number;
  importance: number;
  notes: string;
}

export interface Person extends Open {
  id: string;
  name: string;
  org: Org;
  seniority: Seniority;
  skillIds: string[];
  evidence: string;
  referredBy: string | null;
  sponsor: boolean;
  /** Where to send a request (Send by Email…); optional — absent in older journals and until the person gives one. */
  email?: string;
}

export interface Ask extends Open {
  sessions: number;
  minutesPerSession: number;
  timeframe: string;
  topics: string[];
}

export interface JournalEvent extends Open {
  at: string;
  kind: string;
  detail: string;
}

export interface Attempt extends Open {
  id: string;
  personId: string;
  skillId: string;
  ask: Ask;
  text: string;
  status: AttemptStatus;
  askAgainOn: string | null;
  sessionsDone: number;
  events: JournalEvent[];
}

export interface Journal extends Open {
  format: typeof JOURNAL_FORMAT;
  version: typeof JOURNAL_VERSION;
  aspiration: string;
  skills: Skill[];
  focusSkillId: string | null;
  people: Person[];
  attempts: Attempt[];
}

export function emptyJournal(): Journal {
  return {
    format: JOURNAL_FORMAT,
    version: JOURNAL_VERSION,
    aspiration: '',
    skills: [],
    focusSkillId: null,
    people: [],
    attempts: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Schema

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const notBlank = v.check((s: string) => s.trim().length > 0, 'must not be empty');
const name = v.pipe(text(LIMITS.name), notBlank);
const id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"'),
);
const level = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1–5'), v.maxValue(5, 'must be 1–5'));
const isoDate = v.pipe(
  v.string(),
  v.check((s) => isCalendarDate(s), 'must be a calendar date YYYY-MM-DD (year 0001–9999)'),
);
/** Strict: a real calendar date and clock time (see isIsoDateTime), never Date.parse's lenient reading. */
const isoDateTime = v.pipe(
  v.string(),
  v.check((s) => isIsoDateTime(s), 'must be an ISO date-time such as 2026-11-26T10:00:00Z (a real date, year 0001–9999, time 00:00–23:59)'),
);

export const SkillSchema = v.looseObject({
  id,
  name,
  current: level,
  importance: level,
  notes: v.optional(text(LIMITS.longText), ''),
});

export const PersonSchema = v.looseObject({
  id,
  name,
  org: v.picklist(ORGS, `must be one of ${ORGS.join(', ')}`),
  seniority: v.picklist(SENIORITIES, `must be one of ${SENIORITIES.join(', ')}`),
  skillIds: v.optional(v.array(id), []),
  evidence: v.optional(text(LIMITS.longText), ''),
  referredBy: v.optional(v.nullable(id), null),
  sponsor: v.optional(v.boolean(), false),
  // Optional, with no default: a journal without it stays without it.
  email: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(LIMITS.email, `must be at most ${LIMITS.email} characters`),
      v.check(isPlausibleEmail, 'must be an email address such as sam@example.com (one address, no name or spaces)'),
    ),
  ),
});

const SESSIONS_RANGE = `must be ${ASK_LIMITS.sessions.min}–${ASK_LIMITS.sessions.max}`;
const MINUTES_RANGE = `must be ${ASK_LIMITS.minutes.min}–${ASK_LIMITS.minutes.max}`;

const AskSchema = v.looseObject({
  sessions: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(ASK_LIMITS.sessions.min, SESSIONS_RANGE), v.maxValue(ASK_LIMITS.sessions.max, SESSIONS_RANGE)),
  minutesPerSession: v.optional(
    v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(ASK_LIMITS.minutes.min, MINUTES_RANGE), v.maxValue(ASK_LIMITS.minutes.max, MINUTES_RANGE)),
    DEFAULT_MINUTES,
  ),
  timeframe: v.optional(text(LIMITS.shortText), ''),
  topics: v.optional(
    v.pipe(v.array(v.pipe(text(LIMITS.shortText), notBlank)), v.maxLength(LIMITS.topics, `must have at most ${LIMITS.topics} topics`)),
    [],
  ),
});

const EventSchema = v.looseObject({
  at: isoDateTime,
  kind: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case word such as "sent"')),
  detail: v.optional(text(LIMITS.longText), ''),
});

export const AttemptSchema = v.looseObject({
  id,
  personId: id,
  skillId: id,
  ask: AskSchema,
  text: v.optional(text(LIMITS.longText), ''),
  status: v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`),
  askAgainOn: v.optional(v.nullable(isoDate), null),
  sessionsDone: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'), v.maxValue(ASK_LIMITS.sessions.max, `must be at most ${ASK_LIMITS.sessions.max}`)), 0),
  events: v.optional(
    v.pipe(v.array(EventSchema), v.maxLength(LIMITS.eventsPerAttempt, `must have at most ${LIMITS.eventsPerAttempt} events`)),
    [],
  ),
});

/** The journal's own fields (everything but its three lists). */
const TOP_FIELDS = {
  format: v.literal(JOURNAL_FORMAT, `must be "${JOURNAL_FORMAT}"`),
  version: v.literal(JOURNAL_VERSION, `must be ${JOURNAL_VERSION}`),
  aspiration: v.optional(text(LIMITS.shortText), ''),
  focusSkillId: v.optional(v.nullable(id), null),
};

/** The journal's own fields with each list checked only for its length (journalChange.ts checks records one by one). */
export const JournalTopSchema = v.looseObject({
  ...TOP_FIELDS,
  skills: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.skills, `must have at most ${LIMITS.skills} entries`)), []),
  people: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.people, `must have at most ${LIMITS.people} entries`)), []),
  attempts: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.attempts, `must have at most ${LIMITS.attempts} entries`)), []),
});

export const JournalSchema = v.looseObject({
  format: TOP_FIELDS.format,
  version: TOP_FIELDS.version,
  aspiration: TOP_FIELDS.aspiration,
  skills: v.optional(v.pipe(v.array(SkillSchema), v.maxLength(LIMITS.skills, `must have at most ${LIMITS.skills} entries`)), []),
  focusSkillId: TOP_FIELDS.focusSkillId,
  people: v.optional(v.pipe(v.array(PersonSchema), v.maxLength(LIMITS.people, `must have at most ${LIMITS.people} entries`)), []),
  attempts: v.optional(v.pipe(v.array(AttemptSchema), v.maxLength(LIMITS.attempts, `must have at most ${LIMITS.attempts} entries`)), []),
});

// ---------------------------------------------------------------------------------------------
// The fast path: a journal already in canonical form
//
// What the store writes is the schema's own output: every field present, the schema's fields first and in its
// order, unknown fields after them. For such a journal the schema's output is a copy of its input, so checking
// every rule above with plain code gives the same journal, without building valibot's datasets (valibot's first,
// not yet optimised run over a 200-attempt journal is the largest part of activation). Anything not canonical —
// a field missing (its default would be filled in), another order, an index-like key, any rule broken — returns
// undefined and the schema decides, with its precise messages. These checks mirror the schema above rule for
// rule; test/unit/domain/journalFastPath.property.test.ts holds them to the schema's verdict and output.

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const EVENT_KIND_RE = /^[a-z][a-z0-9-]{0,39}$/;

const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const isName = (x: unknown): boolean => isText(x, LIMITS.name) && x.trim().length > 0;
const isId = (x: unknown): x is string => typeof x === 'string' && ID_RE.test(x);
const isIdOrNull = (x: unknown): boolean => x === null || isId(x);
const isIntIn = (x: unknown, min: number, max: number): boolean => Number.isInteger(x) && (x as number) >= min && (x as number) <= max;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * True when the object's own keys are `fields` in this order (those in `optional` may be absent), then only keys
 * the schema does not know — the order valibot's looseObject gives its output.
 */
function inSchemaOrder(o: Record<string, unknown>, fields: readonly string[], known: ReadonlySet<string>, optional?: string): boolean {
  const keys = Object.keys(o);
  let k = 0;
  for (const field of fields) {
    if (keys[k] === field) k++;
    else if (field !== optional || Object.prototype.hasOwnProperty.call(o, field)) return false;
  }
  for (; k < keys.length; k++) {
    const key = keys[k]!;
    // An index-like key is listed first whatever order it was added in: leave such a record to the schema.
    if (known.has(key) || /^\d+$/.test(key)) return false;
  }
  return true;
}

const fieldsOf = (...names: string[]) => ({ names, known: new Set(names) });
const SKILL = fieldsOf('id', 'name', 'current', 'importance', 'notes');
const PERSON = fieldsOf('id', 'name', 'org', 'seniority', 'skillIds', 'evidence', 'referredBy', 'sponsor', 'email');
const ASK = fieldsOf('sessions', 'minutesPerSession', 'timeframe', 'topics');
const EVENT = fieldsOf('at', 'kind', 'detail');
const ATTEMPT = fieldsOf('id', 'personId', 'skillId', 'ask', 'text', 'status', 'askAgainOn', 'sessionsDone', 'events');
const JOURNAL = fieldsOf('format', 'version', 'aspiration', 'skills', 'focusSkillId', 'people', 'attempts');

function canonicalSkill(s: unknown): boolean {
  return (
    isRecord(s) &&
    inSchemaOrder(s, SKILL.names, SKILL.known) &&
    isId(s.id) &&
    isName(s.name) &&
    isIntIn(s.current, 1, 5) &&
    isIntIn(s.importance, 1, 5) &&
    isText(s.notes, LIMITS.longText)
  );
}

function canonicalPerson(p: unknown): boolean {
  return (
    isRecord(p) &&
    inSchemaOrder(p, PERSON.names, PERSON.known, 'email') &&
    isId(p.id) &&
    isName(p.name) &&
    (ORGS as readonly unknown[]).includes(p.org) &&
    (SENIORITIES as readonly unknown[]).includes(p.seniority) &&
    Array.isArray(p.skillIds) &&
    p.skillIds.every(isId) &&
    isText(p.evidence, LIMITS.longText) &&
    isIdOrNull(p.referredBy) &&
    typeof p.sponsor === 'boolean' &&
    (!('email' in p) || (isText(p.email, LIMITS.email) && isPlausibleEmail(p.email)))
  );
}

function canonicalAsk(a: unknown): boolean {
  return (
    isRecord(a) &&
    inSchemaOrder(a, ASK.names, ASK.known) &&
    isIntIn(a.sessions, ASK_LIMITS.sessions.min, ASK_LIMITS.sessions.max) &&
    isIntIn(a.minutesPerSession, ASK_LIMITS.minutes.min, ASK_LIMITS.minutes.max) &&
    isText(a.timeframe, LIMITS.shortText) &&
    Array.isArray(a.topics) &&
    a.topics.length <= LIMITS.topics &&
    a.topics.every((t) => isText(t, LIMITS.shortText) && t.trim().length > 0)
  );
}

function canonicalEvent(e: unknown): boolean {
  return (
    isRecord(e) &&
    inSchemaOrder(e, EVENT.names, EVENT.known) &&
    isIsoDateTime(e.at) &&
    typeof e.kind === 'string' &&
    EVENT_KIND_RE.test(e.kind) &&
    isText(e.detail, LIMITS.longText)
  );
}

function canonicalAttempt(a: unknown): boolean {
  return (
    isRecord(a) &&
    inSchemaOrder(a, ATTEMPT.names, ATTEMPT.known) &&
    isId(a.id) &&
    isId(a.personId) &&
    isId(a.skillId) &&
    canonicalAsk(a.ask) &&
    isText(a.text, LIMITS.longText) &&
    (STATUSES as readonly unknown[]).includes(a.status) &&
    (a.askAgainOn === null || isCalendarDate(a.askAgainOn)) &&
    isIntIn(a.sessionsDone, 0, ASK_LIMITS.sessions.max) &&
    Array.isArray(a.events) &&
    a.events.length <= LIMITS.eventsPerAttempt &&
    a.events.every(canonicalEvent)
  );
}

/**
 * The journal itself when it is canonical and every field keeps the schema's rules (references are checked after,
 * as for the schema's output); undefined otherwise. `doc` is sanitize()'s fresh copy, so it is returned as it is.
 */
export function canonicalJournal(doc: Record<string, unknown>): Journal | undefined {
  const ok =
    inSchemaOrder(doc, JOURNAL.names, JOURNAL.known) &&
    doc.format === JOURNAL_FORMAT &&
    doc.version === JOURNAL_VERSION &&
    isText(doc.aspiration, LIMITS.shortText) &&
    isIdOrNull(doc.focusSkillId) &&
    Array.isArray(doc.skills) &&
    doc.skills.length <= LIMITS.skills &&
    Array.isArray(doc.people) &&
    doc.people.length <= LIMITS.people &&
    Array.isArray(doc.attempts) &&
    doc.attempts.length <= LIMITS.attempts &&
    doc.skills.every(canonicalSkill) &&
    doc.people.every(canonicalPerson) &&
    doc.attempts.every(canonicalAttempt);
  return ok ? (doc as unknown as Journal) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface JournalProblem {
  /** JSON path such as `$.attempts[2].status`. */
  path: string;
  reason: string;
}

export type ParseResult =
  | { ok: true; journal: Journal; migratedFrom?: number }
  | { ok: false; errors: JournalProblem[]; newerVersion?: number };

/** A migration turns a journal of version `n` into version `n + 1`. Each must be pure. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** The real chain: version → migration to version + 1. Only v1 exists so far. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface ParseOptions {
  migrations?: Readonly<Record<number, Migration>>;
  /** Stop collecting after this many problems. */
  maxErrors?: number;
}

/**
 * Validates anything (parsed JSON, stored state) and returns the journal or precise problems.
 * Never throws, never mutates its input.
 */
export function parseJournal(input: unknown, options: ParseOptions = {}): ParseResult {
  const maxErrors = options.maxErrors ?? 20;
  const migrations = options.migrations ?? MIGRATIONS;
  const reserved: JournalProblem[] = [];
  const clean = sanitize(input, 0, [], reserved);
  if (clean === TOO_DEEP) return fail([{ path: '$', reason: `is nested more than ${LIMITS.depth} levels deep` }]);
  if (typeof clean !== 'object' || clean === null || Array.isArray(clean)) {
    return fail([{ path: '$', reason: 'must be a JSON object (a Mentoring Outreach journal)' }]);
  }
  let doc = clean as Record<string, unknown>;
  if (doc.format !== JOURNAL_FORMAT) {
    return fail([{ path: '$.format', reason: `must be "${JOURNAL_FORMAT}" — this is not a Mentoring Outreach journal` }]);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return fail([{ path: '$.version', reason: 'must be a whole number' }]);
  }
  if (version > JOURNAL_VERSION) {
    return {
      ok: false,
      newerVersion: version,
      errors: [{ path: '$.version', reason: `is ${version}, newer than this extension understands (${JOURNAL_VERSION}); update the extension` }],
    };
  }
  // After the version check: a newer journal is reported as newer (and never overwritten), whatever it holds.
  if (reserved.length > 0) return fail(reserved.slice(0, maxErrors));
  let migratedFrom: number | undefined;
  for (let at = version; at < JOURNAL_VERSION; at++) {
    const step = migrations[at];
    if (!step) return fail([{ path: '$.version', reason: `is ${version}, and no migration from version ${at} exists` }]);
    migratedFrom ??= version;
    try {
      doc = { ...step(doc), version: at + 1 };
    } catch (e) {
      return fail([{ path: '$', reason: `could not be migrated from version ${at}: ${(e as Error).message}` }]);
    }
  }

  // A journal this extension wrote (every field present, in the schema's order) is checked by plain code;
  // anything else — a missing default, another key order, a problem — goes through the schema. Not after a
  // migration: its output is not sanitize()'s plain copy (it may share objects, have holes or reserved keys).
  let journal = migratedFrom === undefined ? canonicalJournal(doc) : undefined;
  if (journal === undefined) {
    const result = v.safeParse(JournalSchema, doc, { abortEarly: false });
    if (!result.success) {
      return fail(result.issues.slice(0, maxErrors).map((issue) => ({ path: issuePath(issue), reason: issue.message })));
    }
    journal = result.output as unknown as Journal;
  }
  const errors = checkReferences(journal, maxErrors);
  if (errors.length > 0) return fail(errors);
  return migratedFrom === undefined ? { ok: true, journal } : { ok: true, journal, migratedFrom };
}

/** Parses JSON text first; a syntax error is reported as a problem at `$`. */
export function parseJournalText(textInput: string, options: ParseOptions = {}): ParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textInput);
  } catch (e) {
    return fail([{ path: '$', reason: `is not valid JSON (${(e as Error).message})` }]);
  }
  return parseJournal(parsed, options);
}

export function formatProblems(errors: readonly JournalProblem[], max = 3): string {
  const shown = errors.slice(0, max).map((e) => `${e.path} ${e.reason}`);
  const more = errors.length > max ? ` (and ${errors.length - max} more)` : '';
  return shown.join('; ') + more;
}

function fail(errors: JournalProblem[]): ParseResult {
  return { ok: false, errors };
}

export function issuePath(issue: v.BaseIssue<unknown>): string {
  return pathOf((issue.path ?? []).map((item) => item.key));
}

/** `$.people[0].name`; a key that is not an identifier is quoted: `$["a b"]`. */
export function pathOf(keys: readonly unknown[]): string {
  let out = '$';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function checkReferences(journal: Journal, maxErrors: number): JournalProblem[] {
  const errors: JournalProblem[] = [];
  const push = (path: string, reason: string) => {
    if (errors.length < maxErrors) errors.push({ path, reason });
  };
  const skillIds = uniqueIds(journal.skills, '$.skills', push);
  const personIds = uniqueIds(journal.people, '$.people', push);
  uniqueIds(journal.attempts, '$.attempts', push);

  if (journal.focusSkillId !== null && !skillIds.has(journal.focusSkillId)) {
    push('$.focusSkillId', `refers to skill "${journal.focusSkillId}", which does not exist`);
  }
  journal.people.forEach((p, i) => {
    p.skillIds.forEach((s, j) => {
      if (!skillIds.has(s)) push(`$.people[${i}].skillIds[${j}]`, `refers to skill "${s}", which does not exist`);
    });
    if (p.referredBy !== null) {
      if (p.referredBy === p.id) push(`$.people[${i}].referredBy`, 'cannot refer to the person themselves');
      else if (!personIds.has(p.referredBy)) push(`$.people[${i}].referredBy`, `refers to person "${p.referredBy}", who does not exist`);
    }
  });
  journal.attempts.forEach((a, i) => {
    const at = `$.attempts[${i}]`;
    if (!personIds.has(a.personId)) push(`${at}.personId`, `refers to person "${a.personId}", who does not exist`);
    if (!skillIds.has(a.skillId)) push(`${at}.skillId`, `refers to skill "${a.skillId}", which does not exist`);
    if (a.status === 'deferred' && a.askAgainOn === null) push(`${at}.askAgainOn`, 'is required when the status is "deferred"');
    if (a.sessionsDone > a.ask.sessions) push(`${at}.sessionsDone`, `is ${a.sessionsDone}, more than the ${a.ask.sessions} sessions asked for`);
  });
  return errors;
}

function uniqueIds(items: readonly { id: string }[], path: string, push: (path: string, reason: string) => void): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) push(`${path}[${i}].id`, `"${item.id}" is used more than once`);
    seen.add(item.id);
  });
  return seen;
}

// ---------------------------------------------------------------------------------------------
// Sanitising: a deep copy into plain objects without prototype-polluting keys.
//
// `__proto__` is dropped wherever it appears (JSON.parse makes it an own key; copied by assignment it
// would set the prototype). `constructor` and `prototype` are REFUSED, naming their path: they are
// harmless as own data keys, but valibot's looseObject (like many libraries) never copies them, so
// "unknown fields are kept" could not hold for them — a clear error beats a silent loss. The
// extension never writes either key, so only a hand-edited or foreign file can carry one.

export const TOO_DEEP: unique symbol = Symbol('too deep');
const DROPPED_KEY = '__proto__';
const RESERVED_KEYS: ReadonlySet<string> = new Set(['constructor', 'prototype']);

/**
 * A deep copy into plain objects, as JSON would have it; `__proto__` keys dropped, `constructor` and
 * `prototype` keys reported into `reserved` (with their path, from `trail`) and left out.
 */
export function sanitize(value: unknown, depth: number, trail: (string | number)[], reserved: JournalProblem[]): unknown {
  if (depth > LIMITS.depth) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      trail.push(i);
      const item = sanitize(value[i], depth + 1, trail, reserved);
      trail.pop();
      if (item === TOO_DEEP) return TOO_DEEP;
      out[i] = item === undefined ? null : item; // as JSON has it
    }
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (key === DROPPED_KEY) continue;
      trail.push(key);
      if (RESERVED_KEYS.has(key)) {
        reserved.push({ path: pathOf(trail), reason: `is a field name a journal cannot keep ("constructor" and "prototype" are reserved): rename or remove it` });
        trail.pop();
        continue;
      }
      const item = sanitize((value as Record<string, unknown>)[key], depth + 1, trail, reserved);
      trail.pop();
      if (item === TOO_DEEP) return TOO_DEEP;
      if (item !== undefined) out[key] = item; // as JSON has it: what is stored is what loads again
    }
    return out;
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (Object.is(value, -0)) return 0;
  return value;
}
