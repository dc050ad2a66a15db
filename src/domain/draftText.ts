/**
 * Changing a saved draft — the one home of that rule: only a draft may be edited (allowedActions, actions.ts, says
 * which), the text keeps the journal's limit, and the attempt stays the same attempt (its id, history and any
 * fields it has kept). The editor bound to the attempt writes its text through here (editDraftText, see
 * shell/draftFiles.ts); the builder's "Save as draft" of the draft it edits too (updateDraft, drafting.ts).
 */
import { allowedActions } from './actions';
import { LIMITS, type Attempt, type AttemptStatus, type Journal } from './journal';
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

/** What a saved draft's change may replace (the rest of the attempt is kept as it is). */
export type DraftChange = Partial<Pick<Attempt, 'personId' | 'skillId' | 'ask' | 'text'>>;

/**
 * The journal with the draft `attemptId` changed by `change`, and the attempt as changed; the same journal (and
 * attempt) when nothing changes. Refuses (changing nothing) an unknown attempt, one that is no longer a draft, and
 * a text over the limit. Adds no event: the history is of what was done (drafted, sent), not of typing.
 */
export function editDraft(journal: Journal, attemptId: string, change: DraftChange): Result<{ journal: Journal; attempt: Attempt }> {
  const current = journal.attempts.find((a) => a.id === attemptId);
  const problem = draftEditProblem(journal, attemptId, change.text ?? current?.text ?? '');
  if (problem || !current) return refuse(describeDraftEditProblem(attemptId, problem ?? { kind: 'missing' }));
  const attempt: Attempt = { ...current, ...change };
  if (sameDraft(current, attempt)) return ok({ journal, attempt: current });
  return ok({ journal: { ...journal, attempts: journal.attempts.map((a) => (a.id === attemptId ? attempt : a)) }, attempt });
}

/**
 * The journal with the draft `attemptId`'s text replaced by `text`; the same journal when the text is unchanged.
 * Refuses (changing nothing) an unknown attempt, one that is no longer a draft, and a text over the limit.
 */
export function editDraftText(journal: Journal, attemptId: string, text: string): Result<Journal> {
  const r = editDraft(journal, attemptId, { text });
  return r.ok ? ok(r.value.journal) : r;
}

function sameDraft(a: Attempt, b: Attempt): boolean {
  return a.personId === b.personId && a.skillId === b.skillId && a.text === b.text && JSON.stringify(a.ask) === JSON.stringify(b.ask);
}

/** The problem in English (the domain's messages are English; the shell localises its own wording). */
export function describeDraftEditProblem(attemptId: string, p: DraftEditProblem): string {
  switch (p.kind) {
    case 'missing':
      return `The outreach attempt "${attemptId}" no longer exists (was it deleted?). Nothing was saved.`;
    case 'not-draft':
      return `This request is no longer a draft — it is ${p.status}: only a draft can be edited; start a new request instead. Nothing was saved.`;
    case 'too-long':
      return `The draft is ${p.length} characters long; the journal keeps at most ${p.max}. Shorten it and save again — nothing was saved.`;
  }
}
