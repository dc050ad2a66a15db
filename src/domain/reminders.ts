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
import { daysBetween, shortDate } from './dates';
import { describeAttempt, groupAttempts, lastContactDate, type DueOptions } from './outreach';

export type NotifiedLog = Record<string, string>;

export interface Reminder {
  attemptId: string;
  personId: string;
  kind: 'askAgain' | 'nudge';
  message: string;
}

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
    const first = person?.name.trim().split(/\s+/)[0] || 'your contact';
    if (attempt.status === 'deferred') {
      const on = attempt.askAgainOn ?? today;
      const about = skill ? ` about ${skill.name.trim().toLowerCase()}` : '';
      out.push({ attemptId: attempt.id, personId: attempt.personId, kind: 'askAgain', message: `Ask ${first} again${about} — you agreed on ${(options.dates?.short ?? shortDate)(on, today)}.` });
    } else if (attempt.status === 'sent' && describeAttempt(attempt, options).due) {
      const since = lastContactDate(attempt);
      const days = since === null ? 0 : daysBetween(since, today);
      out.push({ attemptId: attempt.id, personId: attempt.personId, kind: 'nudge', message: `No reply from ${first} for ${days} day${days === 1 ? '' : 's'} — a gentle nudge?` });
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
