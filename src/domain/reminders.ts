/**
 * Reminders: which attempts to notify the user about now — an agreed ask-again date has come, or a
 * sent request has had no reply for `nudgeAfterDays` — at most once per local day per attempt.
 *
 * What is due is exactly what the tree shows as "Due now" (describeAttempt in outreach.ts), so any
 * contact logged (sent, nudge, follow-up, response… see CONTACT_KINDS) restarts the reply clock.
 * `lastNotified` maps attempt id → the local date (YYYY-MM-DD) of its last notification; the caller
 * keeps it (e.g. in workspace state). It may come back from storage damaged: anything that is not an
 * own entry with a calendar date is ignored, and ids such as "__proto__" are plain keys.
 */
import { isCalendarDate, type Journal } from './journal';
import { daysBetween } from './dates';
import { describeAttempt, groupAttempts, lastContactDate, type DueOptions } from './outreach';

export type NotifiedLog = Record<string, string>;

/**
 * What to remind about, as facts: the shell words them in the display language (src/shell/dueReminders.ts,
 * reminderMessage) — the one home of a reminder's wording.
 */
export type Reminder = {
  attemptId: string;
  personId: string;
  /** The contact's first name; '' when the journal has no name for them. */
  first: string;
  /** The skill area's name as written in the journal, or null. */
  skill: string | null;
} & ({ kind: 'askAgain'; /** The agreed date, YYYY-MM-DD. */ on: string } | { kind: 'nudge'; /** Days since the last contact. */ days: number });

/** The attempts to notify about now (longest-waiting first), skipping those already notified today. */
export function dueReminders(journal: Journal, options: DueOptions, lastNotified: Readonly<NotifiedLog> | null | undefined): Reminder[] {
  const { today } = options;
  if (!isCalendarDate(today)) return [];
  const notified = readLog(lastNotified);
  const out: Reminder[] = [];
  for (const view of groupAttempts(journal, options).due) {
    const { attempt, person, skill } = view;
    const last = notified.get(attempt.id);
    if (last !== undefined && last >= today) continue;
    const who = { attemptId: attempt.id, personId: attempt.personId, first: person?.name.trim().split(/\s+/)[0] ?? '', skill: skill?.name.trim() || null };
    if (attempt.status === 'deferred') {
      out.push({ ...who, kind: 'askAgain', on: attempt.askAgainOn ?? today });
    } else if (attempt.status === 'sent' && describeAttempt(attempt, options).due) {
      const since = lastContactDate(attempt);
      out.push({ ...who, kind: 'nudge', days: since === null ? 0 : daysBetween(since, today) });
    }
  }
  return out;
}

/** The log after notifying `reminders` today (a new object; the input is not changed). */
export function markNotified(lastNotified: Readonly<NotifiedLog> | null | undefined, reminders: readonly Reminder[], today: string): NotifiedLog {
  const log = readLog(lastNotified);
  for (const r of reminders) log.set(r.attemptId, today);
  return Object.fromEntries(log);
}

/** Drops entries of attempts no longer in the journal (and damaged entries). */
export function pruneNotified(journal: Journal, lastNotified: Readonly<NotifiedLog> | null | undefined): NotifiedLog {
  const present = new Set(journal.attempts.map((a) => a.id));
  const log = readLog(lastNotified);
  for (const id of [...log.keys()]) if (!present.has(id)) log.delete(id);
  return Object.fromEntries(log);
}

function readLog(value: unknown): Map<string, string> {
  const log = new Map<string, string>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return log;
  for (const key of Object.keys(value)) {
    const date: unknown = (value as Record<string, unknown>)[key];
    if (typeof date === 'string' && isCalendarDate(date)) log.set(key, date);
  }
  return log;
}
