/**
 * What to tell a person before a request is marked as sent — the one home of that rule. The builder, the
 * tree and the palette all ask it: errors the request check finds in the text (the method's central rule
 * among them: never ask "will you be my mentor?"), and another open request to the same person for the
 * same skill. Programmatic calls (a command with an argument) skip the question, not the rule's definition.
 */
import type { Attempt, AttemptStatus, Journal } from './journal';
import { checkRequest, type CheckContext, type Finding } from './requestCheck';

/** An attempt in one of these states is still an open request: a second one to the same person and skill is asked about. */
export const OPEN_REQUEST_STATUSES: readonly AttemptStatus[] = ['sent', 'deferred', 'accepted'];

export interface SendConcerns {
  /** Error-level findings in the text, in text order. */
  errors: readonly Finding[];
  /** The check's score (0–100). */
  score: number;
  /** Other open requests to the same person for the same skill. */
  sameAsk: readonly Attempt[];
}

/** What the request check may know about an attempt from the journal. */
export function checkContextOf(journal: Journal, attempt: Attempt): CheckContext {
  const person = journal.people.find((p) => p.id === attempt.personId);
  const skill = journal.skills.find((s) => s.id === attempt.skillId);
  return {
    ...(person ? { personName: person.name } : {}),
    ...(skill ? { skillName: skill.name } : {}),
    sessions: attempt.ask.sessions,
    ...(attempt.ask.timeframe ? { timeframe: attempt.ask.timeframe } : {}),
    topics: attempt.ask.topics,
  };
}

/**
 * The concerns about sending `attempt` with `text` (default: the attempt's own text); the attempt need not be
 * in the journal yet (the builder's form before its first save).
 */
export function sendConcerns(journal: Journal, attempt: Attempt, text: string = attempt.text): SendConcerns {
  const check = checkRequest(text, checkContextOf(journal, attempt));
  const sameAsk = journal.attempts.filter(
    (a) => a.id !== attempt.id && a.personId === attempt.personId && a.skillId === attempt.skillId && OPEN_REQUEST_STATUSES.includes(a.status),
  );
  return { errors: check.findings.filter((f) => f.severity === 'error'), score: check.score, sameAsk };
}

/** True when nothing needs asking before sending. */
export function sendsCleanly(c: SendConcerns): boolean {
  return c.errors.length === 0 && c.sameAsk.length === 0;
}
