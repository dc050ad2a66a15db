/**
 * The vocabulary of answers and follow-ups, and where an attempt stands with them — read from its history, so
 * journals written before drafts existed need nothing new. Small and pure on purpose: the activation bundle (the
 * tree, the due reminders) needs it without the drafting code. `actions.ts` re-exports the kinds and is the one
 * home of what may be done next; `outreach.ts` groups attempts by what this says.
 *
 * Event kinds (docs/journal-format.md):
 * - `follow-up-draft` (detail = the kind, `text` = the drafted text): a follow-up drafted, not sent — no contact,
 *   the reply clock runs on. Drafting again replaces the draft still waiting.
 * - `follow-up` (detail = the kind, `text` = what was sent): a follow-up sent — a contact. In a journal from before
 *   drafts existed, every `follow-up` event was recorded this way too, and means the same.
 * - `dismissed`: after a "no", the person closed the attempt for good without asking the two questions.
 */
import type { Attempt, AttemptStatus, JournalEvent } from './journal';

/** The answers a person can record. */
export const RESPONSE_KINDS = ['yes', 'no', 'later', 'referral'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** The follow-ups the extension drafts. */
export const FOLLOW_UP_KINDS = ['later', 'referral', 'nudge', 'thanks'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** The statuses in which each follow-up makes sense. */
export const FOLLOW_UP_STATES: Readonly<Record<FollowUpKind, readonly AttemptStatus[]>> = {
  // After a no: "might you be willing later?"; when deferred: the re-ask, on (or near) the agreed date.
  later: ['declined', 'deferred'],
  // After a no, or while waiting for the agreed date: "is there anyone else…?"
  referral: ['declined', 'deferred'],
  // No reply to a sent request (even before it is due; the draft then carries a note).
  nudge: ['sent'],
  // After a yes, and after the last session.
  thanks: ['accepted', 'completed'],
};

export const FOLLOW_UP_DRAFT_EVENT = 'follow-up-draft';
export const FOLLOW_UP_SENT_EVENT = 'follow-up';
export const DISMISSED_EVENT = 'dismissed';

export function isFollowUpKind(value: unknown): value is FollowUpKind {
  return typeof value === 'string' && (FOLLOW_UP_KINDS as readonly string[]).includes(value);
}

/** A follow-up that was drafted and waits to be marked as sent. */
export interface PendingFollowUp {
  kind: FollowUpKind;
  /** The drafted text ('' when the event holds none). */
  text: string;
  /** When it was drafted (the event's `at`). */
  at: string;
  /** The draft event's index in `attempt.events`. */
  index: number;
}

type History = Pick<Attempt, 'status'> & { events?: readonly JournalEvent[] };

/**
 * The drafted follow-up still waiting to be sent: the attempt's last event, when that is a draft whose kind fits the
 * attempt's status. Anything recorded after a draft (an answer, a sent request, a session, another follow-up) leaves
 * it behind — the draft was written for a moment that has passed.
 */
export function pendingFollowUp(attempt: History): PendingFollowUp | undefined {
  const events = attempt.events ?? [];
  const index = latestIndex(events);
  const last = index >= 0 ? events[index] : undefined;
  if (!last || last.kind !== FOLLOW_UP_DRAFT_EVENT || !isFollowUpKind(last.detail)) return undefined;
  if (!FOLLOW_UP_STATES[last.detail].includes(attempt.status)) return undefined;
  return { kind: last.detail, text: typeof last.text === 'string' ? last.text : '', at: last.at, index };
}

/**
 * After a "no" (the attempt is declined), where the method's two questions stand since the decline:
 * - `ask`: not asked yet — "might you be willing later? If so, when?" and "is there anyone else you would
 *   recommend I approach?" are the next step;
 * - `asked`: one of them was sent (a `later` or `referral` follow-up); the answer is awaited;
 * - `referred`: the answer named someone else (a referral was recorded);
 * - `dismissed`: the person closed it for good.
 * The latest of these since the decline counts. undefined when the attempt is not declined.
 */
export type AfterNo = 'ask' | 'asked' | 'referred' | 'dismissed';

export function afterNo(attempt: History): AfterNo | undefined {
  if (attempt.status !== 'declined') return undefined;
  // Read in order: the latest of a decline (a "no", or the `declined` event of an older journal), a question sent,
  // a referral and a dismissal decides. A re-ask answered with another "no" starts again from `ask`.
  let state: AfterNo = 'ask';
  for (const e of attempt.events ?? []) {
    if (e.kind === 'declined' || (e.kind === 'response' && e.detail === 'no')) state = 'ask';
    else if (e.kind === 'response' && e.detail.startsWith('referral:')) state = 'referred';
    else if (e.kind === FOLLOW_UP_SENT_EVENT && (e.detail === 'later' || e.detail === 'referral')) state = 'asked';
    else if (e.kind === DISMISSED_EVENT) state = 'dismissed';
  }
  return state;
}

/** Index of the latest event by time (the last of equal times); -1 when there is none. */
function latestIndex(events: readonly JournalEvent[]): number {
  let at = -1;
  for (let i = 0; i < events.length; i++) {
    if (at < 0 || (events[i] as JournalEvent).at >= (events[at] as JournalEvent).at) at = i;
  }
  return at;
}
