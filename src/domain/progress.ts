/**
 * How far along the method a journal is — the one home of what counts as each step done. The walkthrough's
 * steps tick from these (shell/viewState.ts sets them as context keys), wherever the step was done: the
 * builder, the keyboard flow, a command, an import or another machine's sync.
 */
import type { AttemptStatus, Journal } from './journal';

/** Statuses an attempt reaches only through an answer (yes, no, later — and a yes that was completed). */
const ANSWERED: readonly AttemptStatus[] = ['accepted', 'deferred', 'declined', 'completed'];

export interface MethodProgress {
  /** Assess: one focus skill is chosen. */
  assessed: boolean;
  /** Identify: someone is linked to the focus skill. */
  identified: boolean;
  /** Ask: there is a request (a draft counts). */
  asked: boolean;
  /** Answer: an answer is recorded — as a response event, or in the status an answer leads to (older journals). */
  answered: boolean;
}

export function methodProgress(journal: Journal): MethodProgress {
  const focus = journal.focusSkillId;
  return {
    assessed: focus !== null,
    identified: focus !== null && journal.people.some((p) => p.skillIds.includes(focus)),
    asked: journal.attempts.length > 0,
    answered: journal.attempts.some((a) => ANSWERED.includes(a.status) || a.events.some((e) => e.kind === 'response')),
  };
}
