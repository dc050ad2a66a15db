/**
 * What a person may do next with an attempt — the one home of that rule. The tree's context values (and so
 * the menus' `when` clauses), the pick lists of the commands and the keyboard flow all ask `allowedActions`;
 * the operations themselves (outreach.ts, responses.ts, followUps.ts) refuse the same things. Small on
 * purpose: the activation bundle (the tree) needs it without the drafting code.
 */
import type { AttemptStatus, JournalEvent } from './journal';
import { TRANSITIONS } from './outreach';
import { afterNo, FOLLOW_UP_KINDS, FOLLOW_UP_STATES, pendingFollowUp, RESPONSE_KINDS, type ResponseKind } from './followUpState';

// The vocabulary lives in followUpState.ts (outreach.ts needs it too, and must not import this file); here as always.
export { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, RESPONSE_KINDS, type FollowUpKind, type ResponseKind } from './followUpState';

/** Where an answer moves the attempt (a referral moves a sent attempt to declined, and leaves others as they are). */
const ANSWER_STATUS: Readonly<Record<Exclude<ResponseKind, 'referral'>, AttemptStatus>> = { yes: 'accepted', no: 'declined', later: 'deferred' };
/** A suggestion of someone else can be recorded whenever the person was asked and the ask was not withdrawn. */
const REFERRAL_FROM: readonly AttemptStatus[] = ['sent', 'declined', 'deferred', 'accepted', 'completed'];

export interface AllowedActions {
  /** Edit the request's text (a draft only: a sent request is what the person received). */
  edit: boolean;
  /** Open the request in the person's mail app (Send by Email…): a draft, whose text is the request to send. */
  email: boolean;
  /** Mark as sent (a draft, or the re-ask of a deferred attempt). */
  send: boolean;
  /** The answers that can be recorded now. */
  responses: readonly ResponseKind[];
  /** An answer to the ask itself (yes, no or later) is expected: the row's "record a response" action. */
  awaitingAnswer: boolean;
  /** The follow-ups that make sense now. */
  followUps: readonly (typeof FOLLOW_UP_KINDS)[number][];
  /** Log a session (the person said yes). */
  logSession: boolean;
  /** Mark the drafted follow-up as sent: one was drafted, and nothing happened since. */
  markFollowUpSent: boolean;
  /** After a "no": the method's two questions are the next step (not asked, not dismissed). */
  askAfterNo: boolean;
  /** Close the attempt for good after a "no", without asking (or after asking, without waiting for the answer). */
  dismiss: boolean;
}

/** `events` may be left out: then nothing that depends on the history (a drafted follow-up) is offered. */
export function allowedActions(attempt: { status: AttemptStatus; events?: readonly JournalEvent[] }): AllowedActions {
  const next = TRANSITIONS[attempt.status];
  const responses = RESPONSE_KINDS.filter((k) => (k === 'referral' ? REFERRAL_FROM.includes(attempt.status) : next.includes(ANSWER_STATUS[k])));
  const phase = afterNo(attempt);
  return {
    edit: attempt.status === 'draft',
    email: attempt.status === 'draft',
    send: next.includes('sent'),
    responses,
    awaitingAnswer: responses.some((k) => k !== 'referral'),
    followUps: FOLLOW_UP_KINDS.filter((k) => FOLLOW_UP_STATES[k].includes(attempt.status)),
    logSession: attempt.status === 'accepted',
    markFollowUpSent: pendingFollowUp(attempt) !== undefined,
    askAfterNo: phase === 'ask',
    dismiss: phase === 'ask' || phase === 'asked',
  };
}
