/**
 * The outreach status machine, derived "due" flags, and the pure operations on attempts.
 * Every operation returns a new journal (inputs are never mutated) or a reason it was refused.
 */
import type { Attempt, AttemptStatus, Journal, JournalEvent, Person, Skill } from './journal';
import { daysBetween, localDate, shortDate, type DateDisplay, type ShortDate } from './dates';
import { afterNo, FOLLOW_UP_SENT_EVENT, pendingFollowUp, type FollowUpKind } from './followUpState';
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
  // Re-asked on the agreed date (sent), or answered before it: "yes, let's start now" / "no after all".
  deferred: ['sent', 'accepted', 'declined'],
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

/**
 * What happens next with an attempt, as data: the views word it in the person's language (views/labels.ts),
 * `nextStepText` in English (the report, the pick lists' detail). Dates are YYYY-MM-DD.
 */
export type NextStep =
  | { kind: 'draft' }
  /** Sent (or answered) `days` ago; no follow-up since. */
  | { kind: 'sent'; days: number }
  /** The last contact was a follow-up, `days` ago. */
  | { kind: 'followedUp'; days: number }
  /** Due: no reply for `days` days. */
  | { kind: 'noReply'; days: number }
  | { kind: 'askAgainOn'; date: string }
  | { kind: 'askAgainToday' }
  | { kind: 'askAgainSince'; date: string }
  | { kind: 'sessions'; done: number; total: number }
  | { kind: 'completed'; done: number; total: number }
  /** After a "no": ask "later?" and "anyone else?". */
  | { kind: 'askAfterNo' }
  /** After a "no", the question sent: no answer for `nudgeAfterDays` — it is closed. */
  | { kind: 'noAnswerAfterNo' }
  /** After a "no": they suggested someone else. */
  | { kind: 'referred' }
  /** After a "no": closed for good. */
  | { kind: 'dismissed' }
  | { kind: 'withdrawn' };

export interface DueInfo {
  due: boolean;
  /** What happens next, as data. */
  step: NextStep;
  /** A follow-up drafted and not marked as sent yet. */
  drafted?: FollowUpKind;
  /** `step` (and the draft) in a few English words — "no reply for 9 days · nudge drafted". */
  nextStep: string;
}

export interface DueOptions {
  /** The user's local calendar date, YYYY-MM-DD. */
  today: string;
  nudgeAfterDays: number;
  /** How dates are shown in the words made here (`nextStep`, reminders, the report); default English. */
  dates?: DateDisplay;
}

export function lastContactDate(attempt: Attempt): string | null {
  const last = lastContact(attempt);
  return last === null ? null : localDate(new Date(last.at));
}

/** The latest event that counts as contact (CONTACT_KINDS), or null. */
export function lastContact(attempt: Attempt): JournalEvent | null {
  let latest: JournalEvent | null = null;
  for (const e of attempt.events) {
    if (CONTACT_KINDS.has(e.kind) && (latest === null || e.at >= latest.at)) latest = e;
  }
  return latest;
}

export function describeAttempt(attempt: Attempt, options: DueOptions): DueInfo {
  const { due, step } = stepOf(attempt, options);
  const drafted = pendingFollowUp(attempt)?.kind;
  const info: DueInfo = { due, step, nextStep: nextStepText(step, options.today, drafted, attempt.status, options.dates?.short) };
  if (drafted) info.drafted = drafted;
  return info;
}

function stepOf(attempt: Attempt, options: DueOptions): { due: boolean; step: NextStep } {
  const { today } = options;
  switch (attempt.status) {
    case 'draft':
      return { due: false, step: { kind: 'draft' } };
    case 'sent': {
      const contact = lastContact(attempt);
      const days = contact === null ? 0 : Math.max(0, daysBetween(localDate(new Date(contact.at)), today));
      if (contact !== null && days >= options.nudgeAfterDays) return { due: true, step: { kind: 'noReply', days } };
      return { due: false, step: { kind: contact?.kind === FOLLOW_UP_SENT_EVENT ? 'followedUp' : 'sent', days } };
    }
    case 'deferred': {
      const on = attempt.askAgainOn ?? today;
      if (on > today) return { due: false, step: { kind: 'askAgainOn', date: on } };
      return { due: true, step: on === today ? { kind: 'askAgainToday' } : { kind: 'askAgainSince', date: on } };
    }
    case 'accepted':
      return { due: false, step: { kind: 'sessions', done: attempt.sessionsDone, total: attempt.ask.sessions } };
    case 'completed':
      return { due: false, step: { kind: 'completed', done: attempt.sessionsDone, total: attempt.ask.sessions } };
    case 'declined': {
      switch (afterNo(attempt)) {
        case 'asked': {
          const since = lastContactDate(attempt);
          const days = since === null ? 0 : Math.max(0, daysBetween(since, today));
          return { due: false, step: days >= options.nudgeAfterDays ? { kind: 'noAnswerAfterNo' } : { kind: 'followedUp', days } };
        }
        case 'referred':
          return { due: false, step: { kind: 'referred' } };
        case 'dismissed':
          return { due: false, step: { kind: 'dismissed' } };
        default:
          return { due: false, step: { kind: 'askAfterNo' } };
      }
    }
    case 'withdrawn':
      return { due: false, step: { kind: 'withdrawn' } };
  }
}

/** The next step in a few English words (the report, the pick lists); the views word it with vscode.l10n. */
export function nextStepText(step: NextStep, today: string, drafted?: FollowUpKind, status?: AttemptStatus, dateLabel: ShortDate = shortDate): string {
  const base = ((): string => {
    switch (step.kind) {
      case 'draft':
        return 'draft — not sent yet';
      case 'sent':
        return step.days <= 0 ? 'sent today' : `sent ${plural(step.days, 'day')} ago`;
      case 'followedUp':
        return step.days <= 0 ? 'followed up today' : `followed up ${plural(step.days, 'day')} ago`;
      case 'noReply':
        return `no reply for ${plural(step.days, 'day')}`;
      case 'askAgainOn':
        return `ask again on ${dateLabel(step.date, today)}`;
      case 'askAgainToday':
        return 'ask again today';
      case 'askAgainSince':
        return `ask again — due since ${dateLabel(step.date, today)}`;
      case 'sessions':
        return `${step.done}/${step.total} sessions`;
      case 'completed':
        return `${step.done}/${step.total} sessions done`;
      case 'askAfterNo':
        return 'ask: later? anyone else?';
      case 'noAnswerAfterNo':
        return 'no answer to the follow-up';
      case 'referred':
        return 'suggested someone else';
      case 'dismissed':
        return 'closed for good';
      case 'withdrawn':
        return 'withdrawn';
    }
  })();
  return drafted ? `${base} · ${draftedText(drafted, status)}` : base;
}

function draftedText(kind: FollowUpKind, status: AttemptStatus | undefined): string {
  switch (kind) {
    case 'later':
      return status === 'deferred' ? 're-ask drafted' : '"later?" drafted';
    case 'referral':
      return '"anyone else?" drafted';
    case 'nudge':
      return 'nudge drafted';
    case 'thanks':
      return 'thank-you drafted';
  }
}

/**
 * The Outreach view's groups, in order. `afterNo` (the two questions after a "no") and `later` (deferred, not due
 * yet) came after the first five; the ids are a contract for menus and tests: extend, never rename.
 */
export const GROUPS = ['due', 'afterNo', 'awaiting', 'later', 'drafts', 'inProgress', 'closed'] as const;
export type GroupId = (typeof GROUPS)[number];

export interface AttemptView {
  attempt: Attempt;
  person: Person | undefined;
  skill: Skill | undefined;
  group: GroupId;
  due: boolean;
  step: NextStep;
  drafted?: FollowUpKind;
  nextStep: string;
  /** Time of the latest event, for ordering. */
  lastAt: string;
}

export type Grouped = Record<GroupId, AttemptView[]>;

export function emptyGroups(): Grouped {
  return { due: [], afterNo: [], awaiting: [], later: [], drafts: [], inProgress: [], closed: [] };
}

/** Sorts every attempt into the group that says what needs doing next. O(n log n). */
export function groupAttempts(journal: Journal, options: DueOptions): Grouped {
  return new AttemptGrouping().group(journal, options);
}

// Due, after a no and awaiting: the longest-waiting first. Later: the soonest ask-again date first.
// Everything else: the most recent first. Each is a total order (the ids break ties), so any way of arriving at
// the sorted groups gives the same rows.
const oldestFirst = (a: AttemptView, b: AttemptView) => compare(a.lastAt, b.lastAt) || compare(a.attempt.id, b.attempt.id);
const newestFirst = (a: AttemptView, b: AttemptView) => compare(b.lastAt, a.lastAt) || compare(a.attempt.id, b.attempt.id);
const soonestFirst = (a: AttemptView, b: AttemptView) => compare(a.attempt.askAgainOn ?? '', b.attempt.askAgainOn ?? '') || compare(a.attempt.id, b.attempt.id);
const ORDER: Readonly<Record<GroupId, (a: AttemptView, b: AttemptView) => number>> = {
  due: oldestFirst,
  afterNo: oldestFirst,
  awaiting: oldestFirst,
  later: soonestFirst,
  drafts: newestFirst,
  inProgress: newestFirst,
  closed: newestFirst,
};

/**
 * groupAttempts for a journal that changes a little at a time (the Outreach view, after each change). The
 * journal is structurally shared and frozen: an attempt left as it was is the same object, so its row is reused
 * and keeps its place, and only the attempts that changed are worked out and put in their places — a change at
 * 10,000 attempts costs O(n) lookups instead of describing and sorting everything again. The same groups as
 * groupAttempts, row for row (a property test holds it to that); anything else that changed — the people, the
 * skill areas, the date, the settings — starts afresh.
 */
export class AttemptGrouping {
  private last: { people: Journal['people']; skills: Journal['skills']; options: DueOptions; views: WeakMap<Attempt, AttemptView>; groups: Grouped } | undefined;
  /** True when the last group() placed only the changed rows (for tests: the incremental path was taken). */
  lastWasIncremental = false;

  /** @param maxChangedShare up to this share of changed attempts, rows are placed one by one; above it, all are sorted. */
  constructor(private readonly maxChangedShare = 1 / 16) {}

  group(journal: Journal, options: DueOptions): Grouped {
    const last = this.last;
    const reuse =
      last !== undefined &&
      last.people === journal.people &&
      last.skills === journal.skills &&
      last.options.today === options.today &&
      last.options.nudgeAfterDays === options.nudgeAfterDays &&
      last.options.dates === options.dates;
    const views = reuse ? last.views : new WeakMap<Attempt, AttemptView>();
    let lookup: { people: Map<string, Person>; skills: Map<string, Skill> } | undefined;
    const kept = new Set<AttemptView>();
    const fresh: AttemptView[] = [];
    for (const attempt of journal.attempts) {
      const known = views.get(attempt);
      if (known) {
        kept.add(known);
        continue;
      }
      lookup ??= { people: new Map(journal.people.map((p) => [p.id, p])), skills: new Map(journal.skills.map((s) => [s.id, s])) };
      const view = attemptView(attempt, lookup.people, lookup.skills, options);
      views.set(attempt, view);
      fresh.push(view);
    }
    let groups: Grouped;
    this.lastWasIncremental = reuse && fresh.length <= journal.attempts.length * this.maxChangedShare;
    if (reuse && this.lastWasIncremental) {
      // A few rows changed: the others keep their order; each changed row goes where its order puts it.
      groups = emptyGroups();
      for (const g of GROUPS) groups[g] = last.groups[g].filter((v) => kept.has(v));
      for (const v of fresh) insertSorted(groups[v.group], v, ORDER[v.group]);
    } else {
      groups = emptyGroups();
      for (const attempt of journal.attempts) {
        const v = views.get(attempt) as AttemptView;
        groups[v.group].push(v);
      }
      for (const g of GROUPS) groups[g].sort(ORDER[g]);
    }
    this.last = { people: journal.people, skills: journal.skills, options, views, groups };
    return groups;
  }
}

function attemptView(attempt: Attempt, people: ReadonlyMap<string, Person>, skills: ReadonlyMap<string, Skill>, options: DueOptions): AttemptView {
  const info = describeAttempt(attempt, options);
  const view: AttemptView = {
    attempt,
    person: people.get(attempt.personId),
    skill: skills.get(attempt.skillId),
    group: groupOf(attempt.status, info),
    due: info.due,
    step: info.step,
    nextStep: info.nextStep,
    lastAt: lastEventAt(attempt),
  };
  if (info.drafted) view.drafted = info.drafted;
  return view;
}

/** Puts `v` into the sorted `rows` where `order` says (binary search). */
function insertSorted(rows: AttemptView[], v: AttemptView, order: (a: AttemptView, b: AttemptView) => number): void {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(rows[mid] as AttemptView, v) <= 0) lo = mid + 1;
    else hi = mid;
  }
  rows.splice(lo, 0, v);
}

export function countDue(journal: Journal, options: DueOptions): number {
  let n = 0;
  for (const a of journal.attempts) if (stepOf(a, options).due) n++;
  return n;
}

function groupOf(status: AttemptStatus, info: DueInfo): GroupId {
  if (info.due) return 'due';
  switch (status) {
    case 'draft':
      return 'drafts';
    case 'sent':
      return 'awaiting';
    case 'deferred':
      return 'later';
    case 'accepted':
      return 'inProgress';
    case 'declined':
      return info.step.kind === 'askAfterNo' ? 'afterNo' : info.step.kind === 'followedUp' ? 'awaiting' : 'closed';
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
