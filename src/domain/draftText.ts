/**
 * Editing a saved draft's text (the editor bound to the attempt writes through here, see shell/draftFiles.ts).
 * Only a draft may be edited — allowedActions (actions.ts) says which — and the text keeps the journal's limit.
 */
import { allowedActions } from './actions';
import { LIMITS, type AttemptStatus, type Journal } from './journal';
import { ok, refuse, type Result } from './result';

/** Why a draft's text cannot be saved; the shell words it for the person. */
export type DraftEditProblem =
  | { kind: 'missing' }
  | { kind: 'not-draft'; status: AttemptStatus }
  | { kind: 'too-long'; length: number; max: number };

/** What stands in the way of giving the attempt `attemptId` the text `text`; undefined when nothing does. */
export function draftEditProblem(journal: Journal, attemptId: string, text: string): DraftEditProblem | undefined {
  const attempt = journal.attempts.find((a) => a.id === attemptId);
  if (!attempt) return { kind: 'missing' };
  if (!allowedActions(attempt).edit) return { kind: 'not-draft', status: attempt.status };
  if (text.length > LIMITS.longText) return { kind: 'too-long', length: text.length, max: LIMITS.longText };
  return undefined;
}

/**
 * The journal with the draft `attemptId`'s text replaced by `text`; the same journal when the text is unchanged.
 * Refuses (changing nothing) an unknown attempt, one that is no longer a draft, and a text over the limit.
 */
export function editDraftText(journal: Journal, attemptId: string, text: string): Result<Journal> {
  const problem = draftEditProblem(journal, attemptId, text);
  if (problem) return refuse(describeDraftEditProblem(attemptId, problem));
  const attempt = journal.attempts.find((a) => a.id === attemptId)!;
  if (text === attempt.text) return ok(journal);
  return ok({ ...journal, attempts: journal.attempts.map((a) => (a.id === attemptId ? { ...a, text } : a)) });
}

/** The problem in English (the domain's messages are English; the shell localises its own wording). */
export function describeDraftEditProblem(attemptId: string, p: DraftEditProblem): string {
  switch (p.kind) {
    case 'missing':
      return `The outreach attempt "${attemptId}" no longer exists (was it deleted?). Nothing was saved.`;
    case 'not-draft':
      return `This request is ${p.status}: only a draft can be edited. Nothing was saved.`;
    case 'too-long':
      return `The draft is ${p.length} characters long; the journal keeps at most ${p.max}. Shorten it and save again — nothing was saved.`;
  }
}
