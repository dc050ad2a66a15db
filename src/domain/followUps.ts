/**
 * Follow-ups: the two questions after a "no" (later? / anyone else?), the re-ask of a deferred request, a nudge
 * when a request got no reply, and the thank-you after a yes or after the last session.
 *
 * A follow-up is a draft until the person says it was sent: `draftFollowUp` renders the text,
 * `recordFollowUpDraft` keeps it on the attempt as a `follow-up-draft` event (no contact: the attempt stays where
 * it was, still due if it was due), and `markFollowUpSent` records the `follow-up` event (a contact: it restarts the
 * "no reply" clock, see CONTACT_KINDS) — `recordFollowUp` does that for a text sent any other way. After a "no",
 * `dismissAfterNo` closes the attempt for good without asking.
 */
import { STATUSES, LIMITS, isCalendarDate, type Attempt, type AttemptStatus, type Journal, type JournalEvent } from './journal';
import { daysBetween, localDate, shortDate, type ShortDate } from './dates';
import { DEFAULT_NUDGE_AFTER_DAYS, describeAttempt, event, findAttempt, lastContactDate, transition } from './outreach';
import { askContext, readPlan, spreadTopics } from './sessions';
import { listInWords, renderText, type TemplateOverrides, type TextTemplateName } from './templates';

export { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, type FollowUpKind } from './actions';
import { allowedActions, FOLLOW_UP_KINDS, FOLLOW_UP_STATES, type FollowUpKind } from './actions';
import { DISMISSED_EVENT, FOLLOW_UP_DRAFT_EVENT, pendingFollowUp } from './followUpState';
import { refuse, type Result } from './result';

export { pendingFollowUp, type PendingFollowUp } from './followUpState';

/** The method's two follow-ups after a "no", as short questions for the UI to offer. */
export const LATER_QUESTION = 'Is it a busy time — might you be willing later? If so, when?';
export const REFERRAL_QUESTION = 'Is there anyone else you would recommend I approach?';

export const FOLLOW_UP_TEMPLATES: Readonly<Record<FollowUpKind, TextTemplateName>> = {
  later: 'followUpLater',
  referral: 'followUpReferral',
  nudge: 'followUpNudge',
  thanks: 'thanks',
};

/**
 * The template a follow-up is drafted with: a `later` follow-up on a deferred attempt is the re-ask ("you mentioned
 * … would now work?"), with its own template; every other follow-up has its kind's template.
 */
export function followUpTemplate(kind: FollowUpKind, status: AttemptStatus): TextTemplateName {
  return kind === 'later' && status === 'deferred' ? 'followUpReask' : FOLLOW_UP_TEMPLATES[kind];
}

export interface FollowUpOptions {
  /** The user's own templates, compiled by the extension. */
  templates?: TemplateOverrides;
  /** For the "not due yet" note on a nudge; default DEFAULT_NUDGE_AFTER_DAYS. */
  nudgeAfterDays?: number;
  signature?: string;
  /**
   * How a date is shown in the note to the person (dates.ts `dateDisplay`); default English. The follow-up text
   * itself is written to the contact in the template's language, so its dates stay English (`shortDate`).
   */
  dateLabel?: ShortDate;
}

export interface FollowUpDraft {
  text: string;
  /** The event recordFollowUp adds once the text is sent (its time is taken then). */
  event: { kind: 'follow-up'; detail: FollowUpKind };
  /** Something worth knowing before sending, e.g. that a nudge is not due yet. */
  note?: string;
}

/** Drafts a follow-up of `kind` for the attempt; `today` is the local date YYYY-MM-DD. */
export function draftFollowUp(
  journal: Journal,
  attemptId: string,
  kind: FollowUpKind,
  today: string,
  options: FollowUpOptions = {},
): Result<FollowUpDraft> {
  if (typeof today !== 'string' || !isCalendarDate(today)) return refuse(`Today's date "${String(today)}" is not a calendar date YYYY-MM-DD.`);
  const checked = check(journal, attemptId, kind);
  if (!checked.ok) return checked;
  const attempt = checked.value;
  const name = followUpTemplate(kind, attempt.status);
  // Until re-asks had their own template, followUpLater.hbs wrote them too: a person's own followUpLater.hbs keeps
  // doing so until they add a followUpReask.hbs.
  const override = options.templates?.[name] ?? (name === 'followUpReask' ? options.templates?.followUpLater : undefined);
  let text: string;
  try {
    text = renderText(name, followUpContext(journal, attempt, today, options.signature), override);
  } catch (e) {
    return refuse(`The ${name} template failed: ${(e as Error).message}`);
  }
  const note = noteFor(journal, attempt, kind, today, options.nudgeAfterDays ?? DEFAULT_NUDGE_AFTER_DAYS, options.dateLabel);
  const draft: FollowUpDraft = { text, event: { kind: 'follow-up', detail: kind } };
  if (note) draft.note = note;
  return { ok: true, value: draft };
}

/**
 * Records that a follow-up was sent: an event `follow-up` with detail = kind (and the text sent, as
 * the event's `text`). A `later` follow-up on a deferred attempt is the re-ask itself, so the attempt
 * goes back to `sent` (the reply clock starts again); every other follow-up leaves the status as is.
 * For a follow-up the person has sent; a drafted one waits as a draft (recordFollowUpDraft) until markFollowUpSent.
 */
export function recordFollowUp(
  journal: Journal,
  attemptId: string,
  kind: FollowUpKind,
  text: string,
  now: Date,
): Result<{ journal: Journal; attempt: Attempt }> {
  if (!isInstant(now)) return refuse('The time of the change is not a valid date.');
  if (text !== undefined && typeof text !== 'string') return refuse('The follow-up text must be text.');
  const body = (text ?? '').trim();
  if (body.length > LIMITS.longText) return refuse(`The follow-up text must be at most ${LIMITS.longText} characters (it is ${body.length}).`);
  const checked = check(journal, attemptId, kind);
  if (!checked.ok) return checked;
  const attempt = checked.value;
  if (attempt.events.length >= LIMITS.eventsPerAttempt) {
    return refuse(`The attempt already has ${attempt.events.length} events, the most a journal keeps (${LIMITS.eventsPerAttempt}).`);
  }
  let next: Journal;
  if (kind === 'later' && attempt.status === 'deferred') {
    const moved = transition(journal, attemptId, 'sent', now, { eventKind: 'follow-up', detail: kind });
    if (!moved.ok) return moved;
    next = moved.value;
  } else {
    next = { ...journal, attempts: journal.attempts.map((a) => (a.id === attemptId ? { ...a, events: [...a.events, event('follow-up', now, kind)] } : a)) };
  }
  if (body) {
    next = {
      ...next,
      attempts: next.attempts.map((a) => (a.id === attemptId ? { ...a, events: a.events.map((e, i) => (i === a.events.length - 1 ? { ...e, text: body } : e)) } : a)),
    };
  }
  const updated = next.attempts.find((a) => a.id === attemptId) ?? attempt;
  return { ok: true, value: { journal: next, attempt: updated } };
}

/**
 * Keeps a drafted follow-up on the attempt, not sent: a `follow-up-draft` event with detail = kind and the text as
 * its `text`. It is no contact — the attempt stays where it was (still due if it was due) until markFollowUpSent.
 * A draft still waiting (the attempt's last event) is replaced, so drafting again never piles up drafts.
 */
export function recordFollowUpDraft(
  journal: Journal,
  attemptId: string,
  kind: FollowUpKind,
  text: string,
  now: Date,
): Result<{ journal: Journal; attempt: Attempt }> {
  if (!isInstant(now)) return refuse('The time of the change is not a valid date.');
  if (typeof text !== 'string' || !text.trim()) return refuse('A drafted follow-up needs its text.');
  const body = text.trim();
  if (body.length > LIMITS.longText) return refuse(`The follow-up text must be at most ${LIMITS.longText} characters (it is ${body.length}).`);
  const checked = check(journal, attemptId, kind);
  if (!checked.ok) return checked;
  const attempt = checked.value;
  const waiting = pendingFollowUp(attempt);
  const kept = waiting ? attempt.events.filter((_, i) => i !== waiting.index) : attempt.events;
  if (kept.length >= LIMITS.eventsPerAttempt) {
    return refuse(`The attempt already has ${attempt.events.length} events, the most a journal keeps (${LIMITS.eventsPerAttempt}).`);
  }
  const draft: JournalEvent = { ...event(FOLLOW_UP_DRAFT_EVENT, now, kind), text: body };
  const updated: Attempt = { ...attempt, events: [...kept, draft] };
  return { ok: true, value: { journal: withAttempt(journal, updated), attempt: updated } };
}

/**
 * The person sent the drafted follow-up: records it as sent (recordFollowUp, with the drafted text) — a contact
 * that restarts the reply clock; a re-ask moves a deferred attempt back to `sent`. Refused when nothing was drafted,
 * or when something happened after the draft (an answer, a session): the draft is out of date — draft it again.
 */
export function markFollowUpSent(journal: Journal, attemptId: string, now: Date): Result<{ journal: Journal; attempt: Attempt; kind: FollowUpKind }> {
  if (!isInstant(now)) return refuse('The time of the change is not a valid date.');
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  const pending = pendingFollowUp(found.value);
  if (!pending) return refuse(`There is no drafted follow-up to ${nameOf(journal, found.value)} waiting to be sent: draft one first.`);
  const sent = recordFollowUp(journal, attemptId, pending.kind, pending.text, now);
  return sent.ok ? { ok: true, value: { ...sent.value, kind: pending.kind } } : sent;
}

/**
 * After a "no", closes the attempt for good without asking the two questions (or without waiting for their
 * answer): a `dismissed` event. The status stays `declined`; an answer can still be recorded if one comes.
 */
export function dismissAfterNo(journal: Journal, attemptId: string, now: Date): Result<{ journal: Journal; attempt: Attempt }> {
  if (!isInstant(now)) return refuse('The time of the change is not a valid date.');
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  const attempt = found.value;
  if (!allowedActions(attempt).dismiss) {
    return refuse(
      attempt.status === 'declined'
        ? `The attempt to ${nameOf(journal, attempt)} is closed already: there is nothing to dismiss.`
        : `${STATUSES.includes(attempt.status) ? `The attempt is ${attempt.status}` : 'The attempt'}: dismissing closes an attempt after a "no".`,
    );
  }
  if (attempt.events.length >= LIMITS.eventsPerAttempt) {
    return refuse(`The attempt already has ${attempt.events.length} events, the most a journal keeps (${LIMITS.eventsPerAttempt}).`);
  }
  const updated: Attempt = { ...attempt, events: [...attempt.events, event(DISMISSED_EVENT, now)] };
  return { ok: true, value: { journal: withAttempt(journal, updated), attempt: updated } };
}

function withAttempt(journal: Journal, attempt: Attempt): Journal {
  return { ...journal, attempts: journal.attempts.map((a) => (a.id === attempt.id ? attempt : a)) };
}

function nameOf(journal: Journal, attempt: Attempt): string {
  return journal.people.find((p) => p.id === attempt.personId)?.name.trim() || 'this person';
}

/** What the follow-up templates see: the request's context plus dates and progress. */
export function followUpContext(journal: Journal, attempt: Attempt, today: string, signature?: string): Record<string, unknown> {
  const base = askContext(journal, attempt);
  const since = lastContactDate(attempt);
  const firstTopics = (readPlan(attempt)?.[0]?.topics ?? spreadTopics(attempt.ask.topics, attempt.ask.sessions)[0] ?? []).filter(Boolean);
  return {
    ...base,
    status: attempt.status,
    declined: attempt.status === 'declined',
    completed: attempt.status === 'completed',
    askAgainOn: attempt.status === 'deferred' && attempt.askAgainOn ? shortDate(attempt.askAgainOn, today) : '',
    laterOn: attempt.status === 'deferred' ? laterAnsweredOn(attempt, today) : '',
    sentOn: since ? shortDate(since, today) : '',
    daysSinceContact: since ? Math.max(0, daysBetween(since, today)) : 0,
    sessionsDone: attempt.sessionsDone,
    sessionsDoneInWords: NUMBER_WORDS[attempt.sessionsDone] ?? String(attempt.sessionsDone),
    sessionsDonePlural: attempt.sessionsDone !== 1,
    firstSessionTopics: firstTopics.length ? listInWords(firstTopics) : '',
    signature: signature ?? base.signature,
  };
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

/** When the person said "later" (the latest `later: …` answer, or the `deferred` event of an older journal), as a short date; '' if unknown. */
function laterAnsweredOn(attempt: Attempt, today: string): string {
  for (let i = attempt.events.length - 1; i >= 0; i--) {
    const e = attempt.events[i] as JournalEvent;
    if ((e.kind === 'response' && e.detail.startsWith('later')) || e.kind === 'deferred') return shortDate(localDate(new Date(e.at)), today);
  }
  return '';
}

function check(journal: Journal, attemptId: string, kind: FollowUpKind): Result<Attempt> {
  if (!FOLLOW_UP_KINDS.includes(kind)) return refuse(`A follow-up is one of ${FOLLOW_UP_KINDS.join(', ')} — not "${String(kind)}".`);
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  const attempt = found.value;
  const allowed = FOLLOW_UP_STATES[kind];
  if (!allowed.includes(attempt.status)) return refuse(whyNot(kind, attempt.status));
  return found;
}

function whyNot(kind: FollowUpKind, status: AttemptStatus): string {
  const is = STATUSES.includes(status) ? `The attempt is ${status}` : 'The attempt';
  switch (kind) {
    case 'later':
      return `${is}: asking "might you be willing later?" follows a no, and a re-ask follows a deferral.`;
    case 'referral':
      return `${is}: asking "is there anyone else you would recommend?" follows a no or a "later".`;
    case 'nudge':
      return status === 'draft'
        ? `${is}: it has not been sent yet, so there is nobody to nudge — mark it as sent first.`
        : `${is}: a nudge is for a sent request that has had no reply.`;
    case 'thanks':
      return `${is}: a thank-you follows a yes or the last session.`;
  }
}

function noteFor(journal: Journal, attempt: Attempt, kind: FollowUpKind, today: string, nudgeAfterDays: number, dateLabel: ShortDate = shortDate): string | undefined {
  const person = journal.people.find((p) => p.id === attempt.personId);
  const name = person?.name.trim().split(/\s+/)[0] || 'them';
  if (kind === 'nudge') {
    const info = describeAttempt(attempt, { today, nudgeAfterDays });
    if (info.due) return undefined;
    const since = lastContactDate(attempt);
    const days = since ? Math.max(0, daysBetween(since, today)) : 0;
    const when = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
    return `Not due yet: you last contacted ${name} ${when}; a nudge is due after ${nudgeAfterDays} day${nudgeAfterDays === 1 ? '' : 's'}.`;
  }
  if (kind === 'later' && attempt.status === 'deferred' && attempt.askAgainOn && attempt.askAgainOn > today) {
    return `Not due yet: ${name} suggested asking again on ${dateLabel(attempt.askAgainOn, today)}.`;
  }
  return undefined;
}


function isInstant(now: unknown): now is Date {
  return now instanceof Date && !Number.isNaN(now.getTime());
}
