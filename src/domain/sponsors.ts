/**
 * Sponsors: "mentors can become sponsors" — people who speak up for you, not only advise you.
 * `person.sponsor` (journal v1) marks the stage; `markSponsor` (sessions.ts) sets or clears it.
 * This module keeps the evidence: an "advocated for me" log on the person.
 *
 * Where the log lives: `person.advocacy`, an array `[{ at: ISO date-time, detail: text }]`, oldest
 * first. Journal v1 has no field for it, but every record is a loose object (`v.looseObject` in
 * journal.ts), so unknown fields survive parseJournal, storage, export and import unchanged. The
 * schema does not check it, so it is read through `readAdvocacy`, which skips malformed entries.
 */
import { isIsoDateTime } from './dates';
import { LIMITS, type Journal, type Person } from './journal';
import { refuse, type Result } from './result';

export interface AdvocacyEntry {
  /** ISO date-time of when it was logged, e.g. "2026-11-26T10:00:00.000Z". */
  at: string;
  /** What they did: "recommended me for the Q3 planning lead", 1..LIMITS.longText characters. */
  detail: string;
}

/** The most entries one person's log keeps (the same bound as an attempt's events). */
export const ADVOCACY_LIMIT = LIMITS.eventsPerAttempt;

/**
 * The person's advocacy log, well-formed entries only, in stored order (at most ADVOCACY_LIMIT).
 * A missing or non-array `advocacy` reads as empty; an entry without a strict ISO date-time `at` (isIsoDateTime) or
 * with a `detail` that is not 1..LIMITS.longText characters of text is skipped. Never throws.
 */
export function readAdvocacy(person: Readonly<Record<string, unknown>>): AdvocacyEntry[] {
  const log: unknown = person.advocacy;
  if (!Array.isArray(log)) return [];
  const out: AdvocacyEntry[] = [];
  for (const item of log as unknown[]) {
    if (out.length >= ADVOCACY_LIMIT) break;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const { at, detail } = item as Record<string, unknown>;
    if (!isIsoDateTime(at)) continue;
    if (typeof detail !== 'string' || !detail.trim() || detail.length > LIMITS.longText) continue;
    out.push({ at, detail });
  }
  return out;
}

/**
 * Logs that someone advocated for you ("put my name forward for…") and marks them as a sponsor.
 * Refuses (changing nothing) an unknown person, an empty or too long detail, an invalid `now`, a
 * full log, or a stored `advocacy` that is not a list (it is never overwritten: nothing is lost).
 * Entries already stored are kept exactly as they were, malformed ones included.
 */
export function logAdvocacy(journal: Journal, personId: string, detail: string, now: Date): Result<{ journal: Journal; person: Person }> {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return refuse('The time of the change is not a valid date.');
  if (typeof detail !== 'string') return refuse('What they did for you must be text.');
  const text = detail.trim();
  if (!text) return refuse('Say what they did for you, e.g. "recommended me for the Q3 planning lead".');
  if (text.length > LIMITS.longText) return refuse(`What they did must be at most ${LIMITS.longText} characters (it is ${text.length}); shorten it and log again.`);
  const person = journal.people.find((p) => p.id === personId);
  if (!person) return refuse(`No person has the id "${String(personId)}".`);
  const stored: unknown = person.advocacy;
  if (stored !== undefined && stored !== null && !Array.isArray(stored)) {
    return refuse(`${person.name}'s advocacy log is not a list (it was edited by hand?): fix or remove "advocacy" in the journal file, then log again.`);
  }
  const entries = (stored ?? []) as unknown[];
  if (entries.length >= ADVOCACY_LIMIT) return refuse(`${person.name}'s advocacy log already has ${entries.length} entries, the most a journal keeps (${ADVOCACY_LIMIT}).`);
  const entry: AdvocacyEntry = { at: now.toISOString(), detail: text };
  const updated: Person = { ...person, sponsor: true, advocacy: [...entries, entry] };
  return { ok: true, value: { journal: { ...journal, people: journal.people.map((p) => (p.id === personId ? updated : p)) }, person: updated } };
}

