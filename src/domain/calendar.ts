/**
 * The journal's dates as an iCalendar (.ics) file, for Google Calendar, Outlook and Apple Calendar.
 * Pure: no `vscode` import, no clock (`options.now` is DTSTAMP and "today"), no I/O. The text is
 * produced by `ical-generator` (escaping, CRLF, 75-octet folding), never by hand. The extension
 * loads this module lazily (only when the user exports a calendar), so it is self-contained.
 *
 * What goes in — all-day VEVENTs only (VTODO is not imported by Google Calendar, and a timed event
 * would invent a time of day nobody agreed):
 * - a deferred attempt: one event on its ask-again date, "Ask Terry again about financial acumen",
 *   UID `<attemptId>-ask-again@mentoring-outreach`;
 * - an accepted attempt: one event per session still to do, "Session 2 of 3 with Terry: topics…",
 *   UID `<attemptId>-session-<n>@mentoring-outreach`, the description the session's agenda (from
 *   `attempt.plan`, else sessionPlan). The journal keeps no session dates, so they are SUGGESTED
 *   (and say so): the next session SESSION_SPACING_DAYS after the last logged session — or after
 *   the yes when none is logged yet — but never before today; each later one SESSION_SPACING_DAYS
 *   after the one before; a date on a Saturday or Sunday moves to the Monday.
 * Nothing for drafts, sent, declined, completed or withdrawn attempts.
 *
 * Dates: "today" and the local dates of logged instants are taken in `options.timeZone` (an IANA
 * name; default: this machine's zone). All-day dates carry no zone (VALUE=DATE), so they land on
 * the same day wherever the calendar app is. Events are transparent (they do not block time).
 * SEQUENCE is the attempt's event count: every change to an attempt adds an event, so a re-import
 * of a moved event is seen as newer.
 *
 * Limits: dates run from 0001-01-01 to 9999-12-31 (the journal's range). An event on 9999-12-31 has
 * no DTEND (its day after, 10000-01-01, cannot be written as an iCalendar DATE); RFC 5545 §3.6.1
 * makes a DATE DTSTART without DTEND or DURATION last one day, the same as every other event here. A
 * suggested session that would fall after 9999-12-31 is put on that day. Text is written through
 * `displaySafe` (control and bidirectional-override characters shown as `<U+XXXX>`: RFC 5545 forbids
 * controls in TEXT).
 */
import { ICalCalendar, ICalEventTransparency } from 'ical-generator';
import type { Attempt, Journal } from './journal';
import { addDays, weekday } from './dateInput';
import { LAST_DATE, localDate, utcMidnight } from './dates';
import { displaySafe } from './displayText';
import { askContext, sessionPlan, type SessionPlanItem } from './sessions';

export const CALENDAR_PRODID = '-//Mentoring Outreach//EN';
export const UID_DOMAIN = 'mentoring-outreach';
/** Days between suggested sessions: three sessions over about six weeks. */
export const SESSION_SPACING_DAYS = 14;
/** Longer summaries are cut (the whole text is in the description). */
const SUMMARY_MAX = 150;

export interface IcsOptions {
  /** DTSTAMP of every event, and "today" (no suggested session is placed before it). */
  now: Date;
  /** IANA time zone for "today" and for the local dates of logged events; default the machine's. */
  timeZone?: string;
}

/** One all-day event, before it becomes iCalendar text (exported for tests and previews). */
export interface CalendarEntry {
  uid: string;
  /** YYYY-MM-DD. */
  date: string;
  summary: string;
  description: string;
  sequence: number;
}

/**
 * The journal as iCalendar text (every line ending in CRLF, folded at 75 octets). Throws a TypeError for an
 * invalid `options.now` and a RangeError for an unknown `options.timeZone` (caller bugs, not data).
 */
export function journalToIcs(journal: Journal, options: IcsOptions): string {
  const entries = calendarEntries(journal, options);
  const calendar = new ICalCalendar({ prodId: CALENDAR_PRODID.slice(1), name: 'Mentoring Outreach' });
  for (const entry of entries) {
    // ical-generator writes all-day dates from the UTC fields of a Date.
    const start = utcMidnight(entry.date);
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp: options.now,
      start,
      // No DTEND on the last date there is (see the module comment): the event still lasts one day.
      end: entry.date < LAST_DATE ? utcMidnight(addDays(entry.date, 1)) : null,
      allDay: true,
      summary: displaySafe(entry.summary),
      description: displaySafe(entry.description),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // ical-generator ends the last line without its CRLF; RFC 5545 (§3.1) ends every content line with one.
  return `${calendar.toString()}\r\n`;
}

/** The events journalToIcs writes, ordered by date, then UID. */
export function calendarEntries(journal: Journal, options: IcsOptions): CalendarEntry[] {
  const { now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('options.now must be a valid Date.');
  const dateOf = dateIn(options.timeZone);
  const today = dateOf(now);
  const out: CalendarEntry[] = [];
  for (const attempt of journal.attempts) {
    if (attempt.status === 'deferred' && attempt.askAgainOn) out.push(askAgainEntry(journal, attempt));
    if (attempt.status === 'accepted') out.push(...sessionEntries(journal, attempt, today, dateOf));
  }
  return out.sort((a, b) => compare(a.date, b.date) || compare(a.uid, b.uid));
}

function askAgainEntry(journal: Journal, attempt: Attempt): CalendarEntry {
  const ctx = askContext(journal, attempt);
  const name = String(ctx.firstName || 'them');
  const ask = askInWords(attempt);
  const lines = [
    `${name} said it was a busy time and might be willing later: this is the day you agreed to ask again.`,
    '',
    `Your request (${ask}):`,
    attempt.text.trim() || '(no text saved)',
  ];
  return {
    uid: uid(attempt.id, 'ask-again'),
    date: attempt.askAgainOn ?? '',
    summary: cut(`Ask ${name} again about ${String(ctx.skill)}`),
    description: lines.join('\n'),
    sequence: attempt.events.length,
  };
}

function sessionEntries(journal: Journal, attempt: Attempt, today: string, dateOf: (d: Date) => string): CalendarEntry[] {
  const planned = sessionPlan(journal, attempt.id);
  if (!planned.ok) return [];
  const plan: SessionPlanItem[] = planned.value;
  const ctx = askContext(journal, attempt);
  const name = String(ctx.firstName || 'them');
  const total = attempt.ask.sessions;
  const anchorAt = anchorInstant(attempt);
  // Clamped before any arithmetic or comparison: a five-digit year breaks both (an instant late on
  // 9999-12-31 with a negative offset is in the year 10000 in UTC).
  const anchor = anchorAt ? lastDateAtMost(dateOf(new Date(anchorAt))) : today;
  let base = lastDateAtMost(addDays(anchor, SESSION_SPACING_DAYS));
  if (base < today) base = today;
  const out: CalendarEntry[] = [];
  for (let n = attempt.sessionsDone + 1, k = 0; n <= total; n++, k++) {
    const item = plan[n - 1];
    const topics = (item?.topics ?? []).map((t) => t.trim()).filter(Boolean);
    const about = topics.length ? topics.join('; ') : String(ctx.skill);
    // 9999-12-31 is a Friday, so the weekend shift of a clamped date stays in range.
    const date = weekdayOnOrAfter(lastDateAtMost(addDays(base, k * SESSION_SPACING_DAYS)));
    const description = [
      `Suggested date: agree the real one with ${name}, then move this event.`,
      '',
      (item?.agenda ?? '').trim() || `Session ${n} of ${total}: ${about}`,
    ].join('\n');
    out.push({
      uid: uid(attempt.id, `session-${n}`),
      date,
      summary: cut(`Session ${n} of ${total} with ${name}: ${about}`),
      description,
      sequence: attempt.events.length,
    });
  }
  return out;
}

/** When the next session's clock starts: the last logged session, else the yes, else the latest event. */
function anchorInstant(attempt: Attempt): string | null {
  const latest = (pick: (kind: string, detail: string) => boolean): string | null => {
    let at: string | null = null;
    for (const e of attempt.events) if (pick(e.kind, e.detail) && !Number.isNaN(Date.parse(e.at)) && (at === null || e.at > at)) at = e.at;
    return at;
  };
  if (attempt.sessionsDone > 0) {
    const session = latest((kind) => kind === 'session');
    if (session) return session;
  }
  return latest((kind, detail) => kind === 'accepted' || (kind === 'response' && detail === 'yes')) ?? latest(() => true);
}

function askInWords(attempt: Attempt): string {
  const { sessions, minutesPerSession, timeframe } = attempt.ask;
  return `${sessions} session${sessions === 1 ? '' : 's'} of ${minutesPerSession} minutes${timeframe.trim() ? `, ${timeframe.trim()}` : ''}`;
}

/** The local calendar date of an instant, in `timeZone` (validated once) or the machine's zone. */
function dateIn(timeZone: string | undefined): (instant: Date) => string {
  if (timeZone === undefined) return localDate;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, era: 'short', year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new RangeError(`options.timeZone "${String(timeZone)}" is not a time zone this system knows (use an IANA name such as "Europe/Berlin").`);
  }
  return (instant) => {
    const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
    // Intl counts eras (year 0 is "1 BC") and writes year 50 as "50": back to an ISO year, four digits,
    // as localDate writes it (an instant on 0001-01-01 with a positive offset is in year 0).
    const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
    return `${String(year).padStart(4, '0')}-${parts.month}-${parts.day}`;
  };
}

/** Saturday and Sunday move to the Monday after. */
function weekdayOnOrAfter(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** A date past 9999-12-31 (a five-digit year, so compared by length first) becomes 9999-12-31. */
function lastDateAtMost(date: string): string {
  return date.length > LAST_DATE.length || (date.length === LAST_DATE.length && date > LAST_DATE) ? LAST_DATE : date;
}

function uid(attemptId: string, what: string): string {
  return `${attemptId}-${what}@${UID_DOMAIN}`;
}

function cut(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= SUMMARY_MAX ? chars.join('') : `${chars.slice(0, SUMMARY_MAX - 1).join('')}…`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
