/**
 * Follow-ups: the two questions after a "no" (later? / anyone else?), a nudge when a request got no
 * reply, and the thank-you after a yes or after the last session. Drafting renders the text;
 * recording adds a `follow-up` event (a contact: it restarts the "no reply" clock, see CONTACT_KINDS).
 */
import { STATUSES, LIMITS, isCalendarDate, type Attempt, type AttemptStatus, type Journal } from './journal';
import { daysBetween, shortDate } from './dates';
import { DEFAULT_NUDGE_AFTER_DAYS, describeAttempt, event, findAttempt, lastContactDate, transition } from './outreach';
import { askContext, readPlan, spreadTopics } from './sessions';
import { listInWords, renderText, type TemplateOverrides, type TextTemplateName } from './templates';

export { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, type FollowUpKind } from './actions';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, type FollowUpKind } from './actions';
import { refuse, type Result } from './result';

/** The method's two follow-ups after a "no", as short questions for the UI to offer. */
export const LATER_QUESTION = 'Is it a busy time — might you be willing later? If so, when?';
export const REFERRAL_QUESTION = 'Is there anyone else you would recommend I approach?';

export const FOLLOW_UP_TEMPLATES: Readonly<Record<FollowUpKind, TextTemplateName>> = {
  later: 'followUpLater',
  referral: 'followUpReferral',
  nudge: 'followUpNudge',
  thanks: 'thanks',
};

export interface FollowUpOptions {
  /** The user's own templates, compiled by the extension. */
  templates?: TemplateOverrides;
  /** For the "not due yet" note on a nudge; default DEFAULT_NUDGE_AFTER_DAYS. */
  nudgeAfterDays?: number;
  signature?: string;
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
  const name = FOLLOW_UP_TEMPLATES[kind];
  let text: string;
  try {
    text = renderText(name, followUpContext(journal, attempt, today, options.signature), options.templates?.[name]);
  } catch (e) {
    return refuse(`The ${name} template failed: ${(e as Error).message}`);
  }
  const note = noteFor(journal, attempt, kind, today, options.nudgeAfterDays ?? DEFAULT_NUDGE_AFTER_DAYS);
  const draft: FollowUpDraft = { text, event: { kind: 'follow-up', detail: kind } };
  if (note) draft.note = note;
  return { ok: true, value: draft };
}

/**
 * Records that a follow-up was sent: an event `follow-up` with detail = kind (and the text sent, as
 * the event's `text`). A `later` follow-up on a deferred attempt is the re-ask itself, so the attempt
 * goes back to `sent` (the reply clock starts again); every other follow-up leaves the status as is.
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

function noteFor(journal: Journal, attempt: Attempt, kind: FollowUpKind, today: string, nudgeAfterDays: number): string | undefined {
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
    return `Not due yet: ${name} suggested asking again on ${shortDate(attempt.askAgainOn, today)}.`;
  }
  return undefined;
}


function isInstant(now: unknown): now is Date {
  return now instanceof Date && !Number.isNaN(now.getTime());
}
