/**
 * What a person may do next with an attempt — the one home of that rule. The tree's context values (and so
 * the menus' `when` clauses), the pick lists of the commands and the keyboard flow all ask `allowedActions`;
 * the operations themselves (outreach.ts, responses.ts, followUps.ts) refuse the same things. Small on
 * purpose: the activation bundle (the tree) needs it without the drafting code.
 */
import type { AttemptStatus } from './journal';
import { TRANSITIONS } from './outreach';

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
  followUps: readonly FollowUpKind[];
  /** Log a session (the person said yes). */
  logSession: boolean;
}

export function allowedActions(attempt: { status: AttemptStatus }): AllowedActions {
  const next = TRANSITIONS[attempt.status];
  const responses = RESPONSE_KINDS.filter((k) => (k === 'referral' ? REFERRAL_FROM.includes(attempt.status) : next.includes(ANSWER_STATUS[k])));
  return {
    edit: attempt.status === 'draft',
    email: attempt.status === 'draft',
    send: next.includes('sent'),
    responses,
    awaitingAnswer: responses.some((k) => k !== 'referral'),
    followUps: FOLLOW_UP_KINDS.filter((k) => FOLLOW_UP_STATES[k].includes(attempt.status)),
    logSession: attempt.status === 'accepted',
  };
}
