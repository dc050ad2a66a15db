/**
 * The outreach status machine, derived "due" flags, and the pure operations on attempts.
 * Every operation returns a new journal (inputs are never mutated) or a reason it was refused.
 */
import type { Attempt, AttemptStatus, Journal, JournalEvent, Person, Skill } from './journal';
import { daysBetween, localDate, shortDate } from './dates';
import { ok, refuse, type Result } from './result';

export const DEFAULT_NUDGE_AFTER_DAYS = 7;


/**
 * draft → sent → accepted | deferred | declined | withdrawn; deferred → sent; accepted → completed.
 * One addition to the method's basic machine: declined → deferred. After a "no" the method asks
 * "might you be willing later? If so, when?" — a "yes, in March" turns the no into a later.
 */
export const TRANSITIONS: Readonly<Record<AttemptStatus, readonly AttemptStatus[]>> = {
  draft: ['sent'],
  sent: ['accepted', 'deferred', 'declined', 'withdrawn'],
  deferred: ['sent'],
  accepted: ['completed'],
  declined: ['deferred'],
  completed: [],
  withdrawn: [],
};

export function checkTransition(from: AttemptStatus, to: AttemptStatus): Result<AttemptStatus> {
  const allowed = TRANSITIONS[from];
  if (allowed.includes(to)) return ok(to);
  if (allowed.length === 0 || (from === 'declined' && to !== 'declined')) return refuse(`The attempt is ${from}, which is final: it cannot become ${to}${from === 'declined' ? ' (only a later answer to "might you be willing later?" can reopen it)' : ''}.`);
  if (from === to) return refuse(`The attempt is already ${to}.`);
  return refuse(`An attempt that is ${from} cannot become ${to}; it can only become ${allowed.join(' or ')}.`);
}

// ---------------------------------------------------------------------------------------------
// Derived state

/** Kinds of event that count as contact with the person: they restart the "no reply" clock. */
export const CONTACT_KINDS: ReadonlySet<string> = new Set(['sent', 'nudge', 'contact', 'follow-up', 'response']);

export interface DueInfo {
  due: boolean;
  /** Why it is due, or what happens next, in a few words. */
  nextStep: string;
}

export interface DueOptions {
  /** The user's local calendar date, YYYY-MM-DD. */
  today: string;
  nudgeAfterDays: number;
}

export function lastContactDate(attempt: Attempt): string | null {
  let latest: string | null = null;
  for (const e of attempt.events) {
    if (CONTACT_KINDS.has(e.kind) && (latest === null || e.at > latest)) latest = e.at;
  }
  return latest === null ? null : localDate(new Date(latest));
}

export function describeAttempt(attempt: Attempt, options: DueOptions): DueInfo {
  const { today } = options;
  switch (attempt.status) {
    case 'draft':
      return { due: false, nextStep: 'draft — not sent yet' };
    case 'sent': {
      const since = lastContactDate(attempt);
      const days = since === null ? 0 : daysBetween(since, today);
      const due = since !== null && days >= options.nudgeAfterDays;
      if (due) return { due, nextStep: `no reply for ${plural(days, 'day')}` };
      return { due, nextStep: days <= 0 ? 'sent today' : `sent ${plural(days, 'day')} ago` };
    }
    case 'deferred': {
      const on = attempt.askAgainOn ?? today;
      const due = on <= today;
      if (!due) return { due, nextStep: `ask again on ${shortDate(on, today)}` };
      return { due, nextStep: on === today ? 'ask again today' : `ask again — due since ${shortDate(on, today)}` };
    }
    case 'accepted':
      return { due: false, nextStep: `${attempt.sessionsDone}/${attempt.ask.sessions} sessions` };
    case 'completed':
      return { due: false, nextStep: `completed ${attempt.sessionsDone}/${attempt.ask.sessions} sessions` };
    case 'declined':
      return { due: false, nextStep: 'declined' };
    case 'withdrawn':
      return { due: false, nextStep: 'withdrawn' };
  }
}

export const GROUPS = ['due', 'awaiting', 'drafts', 'inProgress', 'closed'] as const;
export type GroupId = (typeof GROUPS)[number];

export interface AttemptView {
  attempt: Attempt;
  person: Person | undefined;
  skill: Skill | undefined;
  group: GroupId;
  due: boolean;
  nextStep: string;
  /** Time of the latest event, for ordering. */
  lastAt: string;
}

export type Grouped = Record<GroupId, AttemptView[]>;

/** Sorts every attempt into the group that says what needs doing next. O(n log n). */
export function groupAttempts(journal: Journal, options: DueOptions): Grouped {
  const people = new Map(journal.people.map((p) => [p.id, p]));
  const skills = new Map(journal.skills.map((s) => [s.id, s]));
  const groups: Grouped = { due: [], awaiting: [], drafts: [], inProgress: [], closed: [] };
  for (const attempt of journal.attempts) {
    const info = describeAttempt(attempt, options);
    const group = groupOf(attempt.status, info.due);
    groups[group].push({
      attempt,
      person: people.get(attempt.personId),
      skill: skills.get(attempt.skillId),
      group,
      due: info.due,
      nextStep: info.nextStep,
      lastAt: lastEventAt(attempt),
    });
  }
  // Due and awaiting: the longest-waiting first. Everything else: the most recent first.
  const oldestFirst = (a: AttemptView, b: AttemptView) => compare(a.lastAt, b.lastAt) || compare(a.attempt.id, b.attempt.id);
  const newestFirst = (a: AttemptView, b: AttemptView) => compare(b.lastAt, a.lastAt) || compare(a.attempt.id, b.attempt.id);
  groups.due.sort(oldestFirst);
  groups.awaiting.sort(oldestFirst);
  groups.drafts.sort(newestFirst);
  groups.inProgress.sort(newestFirst);
  groups.closed.sort(newestFirst);
  return groups;
}

export function countDue(journal: Journal, options: DueOptions): number {
  let n = 0;
  for (const a of journal.attempts) if (describeAttempt(a, options).due) n++;
  return n;
}

function groupOf(status: AttemptStatus, due: boolean): GroupId {
  if (due) return 'due';
  switch (status) {
    case 'draft':
      return 'drafts';
    case 'sent':
    case 'deferred':
      return 'awaiting';
    case 'accepted':
      return 'inProgress';
    default:
      return 'closed';
  }
}

function lastEventAt(attempt: Attempt): string {
  let latest = '';
  for (const e of attempt.events) if (e.at > latest) latest = e.at;
  return latest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Operations

export function findAttempt(journal: Journal, attemptId: string): Result<Attempt> {
  const attempt = journal.attempts.find((a) => a.id === attemptId);
  return attempt ? ok(attempt) : refuse(`No outreach attempt has the id "${attemptId}".`);
}

export function event(kind: string, now: Date, detail = ''): JournalEvent {
  return { at: now.toISOString(), kind, detail };
}

function replaceAttempt(journal: Journal, next: Attempt): Journal {
  return { ...journal, attempts: journal.attempts.map((a) => (a.id === next.id ? next : a)) };
}

/** Moves an attempt to a new status, recording an event. Refuses any change the machine forbids. */
export function transition(
  journal: Journal,
  attemptId: string,
  to: AttemptStatus,
  now: Date,
  changes: Partial<Pick<Attempt, 'askAgainOn' | 'sessionsDone'>> & { detail?: string; eventKind?: string } = {},
): Result<Journal> {
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  const attempt = found.value;
  const allowed = checkTransition(attempt.status, to);
  if (!allowed.ok) return allowed;
  const next: Attempt = {
    ...attempt,
    status: to,
    askAgainOn: to === 'deferred' ? changes.askAgainOn ?? attempt.askAgainOn : null,
    sessionsDone: changes.sessionsDone ?? attempt.sessionsDone,
    events: [...attempt.events, event(changes.eventKind ?? to, now, changes.detail ?? '')],
  };
  if (to === 'deferred' && next.askAgainOn === null) return refuse('A deferred attempt needs an ask-again date.');
  return ok(replaceAttempt(journal, next));
}

export function markSent(journal: Journal, attemptId: string, now: Date): Result<Journal> {
  return transition(journal, attemptId, 'sent', now, { eventKind: 'sent' });
}

export interface Removed {
  journal: Journal;
  attempt: Attempt;
  index: number;
}

export function deleteAttempt(journal: Journal, attemptId: string): Result<Removed> {
  const index = journal.attempts.findIndex((a) => a.id === attemptId);
  const attempt = journal.attempts[index];
  if (index < 0 || !attempt) return refuse(`No outreach attempt has the id "${attemptId}".`);
  const attempts = journal.attempts.slice();
  attempts.splice(index, 1);
  return ok({ journal: { ...journal, attempts }, attempt, index });
}

/** Undo of a delete: puts the attempt back where it was, if its id and references are still valid. */
export function restoreAttempt(journal: Journal, attempt: Attempt, index: number): Result<Journal> {
  if (journal.attempts.some((a) => a.id === attempt.id)) return refuse(`An attempt with the id "${attempt.id}" already exists.`);
  if (!journal.people.some((p) => p.id === attempt.personId)) return refuse('The person of that attempt no longer exists.');
  if (!journal.skills.some((s) => s.id === attempt.skillId)) return refuse('The skill of that attempt no longer exists.');
  const attempts = journal.attempts.slice();
  attempts.splice(Math.min(index, attempts.length), 0, attempt);
  return ok({ ...journal, attempts });
}
