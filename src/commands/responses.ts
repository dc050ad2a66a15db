/**
 * Answers and what follows them: mentoring.recordResponse, mentoring.draftFollowUp and
 * mentoring.logSession. Each works interactively (palette or tree) and with its argument form
 * (DESIGN.md), asking nothing when given an argument.
 */
import * as vscode from 'vscode';
import { parseAskAgain } from '../domain/dateInput';
import type { FollowUpKind } from '../domain/followUps';
import type { Attempt, AttemptStatus, Journal } from '../domain/journal';
import type { ResponseInput, ResponseKind } from '../domain/responses';
import { lazy } from '../util/lazy';
import { openRequestDocument } from '../diagnostics/requestDiagnostics';
import { attemptIdFrom, pickAttempt, today, userTemplates, type Deps } from './context';
import { Cancelled, CommandError, guarded, isProgrammatic } from './errors';
import { Commands } from './ids';

const RESPONSE_KINDS: readonly ResponseKind[] = ['yes', 'no', 'later', 'referral'];
const FOLLOW_UP_KINDS: readonly FollowUpKind[] = ['later', 'referral', 'nudge', 'thanks'];
/** Where each follow-up makes sense (kept in step with followUps.ts, which has the final say). */
const FOLLOW_UP_WHEN: Readonly<Record<FollowUpKind, readonly AttemptStatus[]>> = {
  later: ['declined', 'deferred'],
  referral: ['declined', 'deferred'],
  nudge: ['sent'],
  thanks: ['accepted', 'completed'],
};
const FOLLOW_UP_LABELS: Readonly<Record<FollowUpKind, string>> = {
  later: 'Might you be willing later? If so, when?',
  referral: 'Is there anyone else you would recommend I approach?',
  nudge: 'A gentle nudge (no reply yet)',
  thanks: 'Thank you',
};

export interface ResponseResult {
  attemptId: string;
  status: AttemptStatus;
  /** For a referral: the new draft attempt. */
  createdAttemptId?: string;
}

export function registerResponseCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.recordResponse,
      guarded(async (arg): Promise<ResponseResult> => {
        const programmatic = isProgrammatic(arg);
        const input = programmatic ? responseArg(arg) : await askResponse(deps, attemptIdFrom(arg));
        const result = await recordResponse(deps, input);
        if (!programmatic) void afterResponse(deps, input, result);
        return result;
      }),
    ),
    vscode.commands.registerCommand(
      Commands.draftFollowUp,
      guarded(async (arg): Promise<string> => {
        if (isProgrammatic(arg)) {
          const { attemptId, kind } = followUpArg(arg);
          return draftAndRecordFollowUp(deps, attemptId, kind);
        }
        const attemptId = attemptIdFrom(arg) ?? (await pickAttempt(deps, 'Draft a Follow-up', (v) => kindsFor(v.attempt.status).length > 0));
        const kind = await pickFollowUpKind(deps, attemptId);
        return offerFollowUp(deps, attemptId, kind);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.logSession,
      guarded(async (arg) => {
        const programmatic = isProgrammatic(arg);
        let attemptId: string;
        let notes: string | undefined;
        if (programmatic) ({ attemptId, notes } = sessionArg(arg));
        else {
          attemptId = attemptIdFrom(arg) ?? (await pickAttempt(deps, 'Log a Session', (v) => v.attempt.status === 'accepted'));
          notes = await askSessionNotes(deps, attemptId);
        }
        const templates = await userTemplates(deps, ['sessionAgenda']);
        let outcome: { completed: boolean; sessionsDone: number; sessions: number; next: string | null } | undefined;
        await deps.store.change((j) => {
          const r = lazy.sessions().logSession(j, attemptId, notes, deps.clock(), templates);
          if (!r.ok) return r;
          outcome = { completed: r.value.completed, sessionsDone: r.value.attempt.sessionsDone, sessions: r.value.attempt.ask.sessions, next: r.value.next?.agenda ?? null };
          return { ok: true, value: r.value.journal };
        });
        if (!outcome) throw new Error('session outcome missing');
        deps.reveal?.(attemptId);
        if (!programmatic) void afterSession(deps, attemptId, outcome);
        return { sessionsDone: outcome.sessionsDone, completed: outcome.completed };
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// recordResponse

function responseArg(arg: unknown): ResponseInput {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
    throw new CommandError('Expected an argument like { attemptId, response: "yes" | "no" | "later" | "referral", askAgainOn?, referral?: { name, evidence? } }.');
  }
  const a = arg as Record<string, unknown>;
  const attemptId = attemptIdFrom({ attemptId: a.attemptId });
  if (!attemptId) throw new CommandError('attemptId is required.');
  if (typeof a.response !== 'string' || !RESPONSE_KINDS.includes(a.response as ResponseKind)) {
    throw new CommandError(`response must be one of ${RESPONSE_KINDS.map((k) => `"${k}"`).join(', ')}.`);
  }
  const response = a.response as ResponseKind;
  if (a.askAgainOn !== undefined && a.askAgainOn !== null && typeof a.askAgainOn !== 'string') throw new CommandError('askAgainOn must be a date YYYY-MM-DD.');
  if (response === 'later' && !a.askAgainOn) throw new CommandError('A "later" response needs askAgainOn: the date to ask again (YYYY-MM-DD).');
  let referral: ResponseInput['referral'];
  if (a.referral !== undefined && a.referral !== null) {
    const r = a.referral as Record<string, unknown>;
    if (typeof r !== 'object' || typeof r.name !== 'string' || (r.evidence !== undefined && typeof r.evidence !== 'string')) {
      throw new CommandError('referral must be like { name: "Sam Lee", evidence?: "…" }.');
    }
    referral = { name: r.name, ...(typeof r.evidence === 'string' ? { evidence: r.evidence } : {}) };
  }
  if (response === 'referral' && !referral) throw new CommandError('A "referral" response needs referral: { name, evidence? }.');
  return { attemptId, response, askAgainOn: (a.askAgainOn as string | undefined) ?? null, referral: referral ?? null };
}

async function recordResponse(deps: Deps, input: ResponseInput): Promise<ResponseResult> {
  const templates = await userTemplates(deps, ['request', 'sessionAgenda']);
  let result: ResponseResult | undefined;
  await deps.store.change((j) => {
    const r = lazy.responses().recordResponse(j, input, deps.clock(), Math.random, { templates });
    if (!r.ok) return r;
    result = { attemptId: r.value.attempt.id, status: r.value.attempt.status, ...(r.value.created ? { createdAttemptId: r.value.created.attempt.id } : {}) };
    return { ok: true, value: r.value.journal };
  });
  if (!result) throw new Error('response result missing');
  deps.reveal?.(result.createdAttemptId ?? result.attemptId);
  return result;
}

async function askResponse(deps: Deps, given: string | undefined): Promise<ResponseInput> {
  const answerable: readonly AttemptStatus[] = ['sent', 'deferred', 'declined', 'accepted', 'completed'];
  const attemptId = given ?? (await pickAttempt(deps, 'Record a Response', (v) => answerable.includes(v.attempt.status)));
  const attempt = attemptOf(deps.store.journal, attemptId);
  const name = personName(deps.store.journal, attempt);
  const items: (vscode.QuickPickItem & { kind2: ResponseKind })[] = [
    { label: '$(check) Yes', description: `${name} will do the sessions`, kind2: 'yes' },
    { label: '$(circle-slash) No', description: 'not now — ask the two follow-up questions next', kind2: 'no' },
    { label: '$(calendar) Later', description: 'willing later: ask again on a date', kind2: 'later' },
    { label: '$(person-add) Someone else', description: `${name} suggested who to approach`, kind2: 'referral' },
  ];
  const allowed = items.filter((i) => responseAllowed(attempt.status, i.kind2));
  if (allowed.length === 0) throw new CommandError(`The attempt is ${attempt.status}: there is no answer to record.`);
  const picked = await vscode.window.showQuickPick(allowed, { title: `Record ${name}'s answer`, placeHolder: `What did ${name} say?`, ignoreFocusOut: true });
  if (!picked) throw new Cancelled();
  const response = picked.kind2;
  if (response === 'later') {
    const todayDate = today(deps);
    const value = await vscode.window.showInputBox({
      title: `When should you ask ${name} again?`,
      prompt: 'A date (YYYY-MM-DD) or "in 3 weeks", "next month", "15 Jan"',
      placeHolder: 'in 3 weeks',
      ignoreFocusOut: true,
      validateInput: (v) => {
        if (!v.trim()) return 'When should you ask again?';
        const r = parseAskAgain(v, todayDate);
        return r.ok ? undefined : r.reason;
      },
    });
    if (value === undefined) throw new Cancelled();
    const parsed = parseAskAgain(value, todayDate);
    if (!parsed.ok) throw new CommandError(parsed.reason);
    return { attemptId, response, askAgainOn: parsed.value };
  }
  if (response === 'referral') {
    const refName = await vscode.window.showInputBox({ title: `Who did ${name} suggest?`, prompt: 'Their name', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'A name, please.') });
    if (refName === undefined) throw new Cancelled();
    const evidence = await vscode.window.showInputBox({
      title: `Why ${refName.trim()}? (optional)`,
      prompt: 'What you know of them — it goes into your request',
      value: `${name.split(/\s+/)[0]} suggested I reach out to you.`,
      ignoreFocusOut: true,
    });
    if (evidence === undefined) throw new Cancelled();
    return { attemptId, response, referral: { name: refName.trim(), ...(evidence.trim() ? { evidence: evidence.trim() } : {}) } };
  }
  return { attemptId, response };
}

function responseAllowed(status: AttemptStatus, response: ResponseKind): boolean {
  if (response === 'referral') return ['sent', 'declined', 'deferred', 'accepted', 'completed'].includes(status);
  if (response === 'later') return status === 'sent' || status === 'declined';
  return status === 'sent';
}

async function afterResponse(deps: Deps, input: ResponseInput, result: ResponseResult): Promise<void> {
  const journal = deps.store.journal;
  const attempt = journal.attempts.find((a) => a.id === result.attemptId);
  if (!attempt) return;
  const name = personName(journal, attempt).split(/\s+/)[0] ?? '';
  switch (input.response) {
    case 'yes': {
      const plan = lazy.sessions().sessionPlan(journal, attempt.id);
      const first = plan.ok ? plan.value[0] : undefined;
      const choice = await vscode.window.showInformationMessage(
        `🎉 ${name} said yes! ${attempt.ask.sessions} session${attempt.ask.sessions === 1 ? '' : 's'} planned${first ? ` — session 1: ${first.topics.join(', ')}` : ''}.`,
        'Draft Thank-you',
        'Show Session Plan',
      );
      if (choice === 'Draft Thank-you') await offerFollowUp(deps, attempt.id, 'thanks');
      if (choice === 'Show Session Plan' && plan.ok) await openMarkdown(deps, plan.value.map((p) => `## Session ${p.n}\n\n${p.agenda}`).join('\n\n'));
      return;
    }
    case 'no': {
      const later = 'Ask: "Willing Later?"';
      const other = 'Ask: "Anyone Else?"';
      const choice = await vscode.window.showInformationMessage(
        `${name} said no — that is normal, and not the end. Two questions keep the door open: "${FOLLOW_UP_LABELS.later}" and "${FOLLOW_UP_LABELS.referral}"`,
        later,
        other,
      );
      if (choice === later) await offerFollowUp(deps, attempt.id, 'later');
      if (choice === other) await offerFollowUp(deps, attempt.id, 'referral');
      return;
    }
    case 'later':
      void vscode.window.showInformationMessage(`Noted: ask ${name} again on ${attempt.askAgainOn}. It will show under Due now that day.`);
      return;
    case 'referral': {
      const created = result.createdAttemptId ? journal.attempts.find((a) => a.id === result.createdAttemptId) : undefined;
      const who = created ? personName(journal, created) : 'them';
      const choice = await vscode.window.showInformationMessage(`A draft request to ${who} is under Drafts, ready to edit.`, 'Open Draft');
      if (choice === 'Open Draft' && created) await openRequestDocument(created.text, { preview: false });
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// draftFollowUp

function followUpArg(arg: unknown): { attemptId: string; kind: FollowUpKind } {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new CommandError('Expected an argument like { attemptId, kind: "later" | "referral" | "nudge" | "thanks" }.');
  const a = arg as Record<string, unknown>;
  const attemptId = attemptIdFrom({ attemptId: a.attemptId });
  if (!attemptId) throw new CommandError('attemptId is required.');
  if (typeof a.kind !== 'string' || !FOLLOW_UP_KINDS.includes(a.kind as FollowUpKind)) throw new CommandError(`kind must be one of ${FOLLOW_UP_KINDS.map((k) => `"${k}"`).join(', ')}.`);
  return { attemptId, kind: a.kind as FollowUpKind };
}

function kindsFor(status: AttemptStatus): FollowUpKind[] {
  return FOLLOW_UP_KINDS.filter((k) => FOLLOW_UP_WHEN[k].includes(status));
}

async function pickFollowUpKind(deps: Deps, attemptId: string): Promise<FollowUpKind> {
  const attempt = attemptOf(deps.store.journal, attemptId);
  const kinds = kindsFor(attempt.status);
  if (kinds.length === 0) throw new CommandError(`No follow-up fits an attempt that is ${attempt.status}.`);
  if (kinds.length === 1) return kinds[0] as FollowUpKind;
  const picked = await vscode.window.showQuickPick(
    kinds.map((k) => ({ label: FOLLOW_UP_LABELS[k], followUp: k })),
    { title: `Follow up with ${personName(deps.store.journal, attempt)}`, placeHolder: 'Which follow-up?', ignoreFocusOut: true },
  );
  if (!picked) throw new Cancelled();
  return picked.followUp;
}

/** Drafts the follow-up and records it on the attempt; returns the text. */
async function draftAndRecordFollowUp(deps: Deps, attemptId: string, kind: FollowUpKind): Promise<string> {
  const templates = await userTemplates(deps, ['followUpLater', 'followUpReferral', 'followUpNudge', 'thanks']);
  const { draftFollowUp, recordFollowUp } = lazy.followUps();
  let text = '';
  await deps.store.change((j) => {
    const drafted = draftFollowUp(j, attemptId, kind, today(deps), { templates, nudgeAfterDays: deps.nudgeAfterDays() });
    if (!drafted.ok) return drafted;
    text = drafted.value.text;
    const recorded = recordFollowUp(j, attemptId, kind, text, deps.clock());
    return recorded.ok ? { ok: true, value: recorded.value.journal } : recorded;
  });
  deps.reveal?.(attemptId);
  return text;
}

/** Interactive: drafts and records the follow-up, then offers Copy / Open as Markdown. */
async function offerFollowUp(deps: Deps, attemptId: string, kind: FollowUpKind): Promise<string> {
  const text = await draftAndRecordFollowUp(deps, attemptId, kind);
  const choice = await vscode.window.showInformationMessage(`Follow-up drafted: ${firstLine(text)}`, { detail: text }, 'Copy', 'Open as Markdown');
  if (choice === 'Copy') await vscode.env.clipboard.writeText(text);
  if (choice === 'Open as Markdown') await openMarkdown(deps, text);
  return text;
}

// ---------------------------------------------------------------------------------------------
// logSession

function sessionArg(arg: unknown): { attemptId: string; notes?: string } {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new CommandError('Expected an argument like { attemptId, notes? }.');
  const a = arg as Record<string, unknown>;
  const attemptId = attemptIdFrom({ attemptId: a.attemptId });
  if (!attemptId) throw new CommandError('attemptId is required.');
  if (a.notes !== undefined && typeof a.notes !== 'string') throw new CommandError('notes must be text.');
  return { attemptId, ...(typeof a.notes === 'string' ? { notes: a.notes } : {}) };
}

async function askSessionNotes(deps: Deps, attemptId: string): Promise<string> {
  const attempt = attemptOf(deps.store.journal, attemptId);
  if (attempt.status !== 'accepted') throw new CommandError(`The attempt is ${attempt.status}: sessions are logged only after a yes.`);
  const n = attempt.sessionsDone + 1;
  const plan = lazy.sessions().sessionPlan(deps.store.journal, attemptId);
  const topics = plan.ok ? plan.value[n - 1]?.topics ?? [] : [];
  const notes = await vscode.window.showInputBox({
    title: `Session ${n} of ${attempt.ask.sessions} with ${personName(deps.store.journal, attempt)}`,
    prompt: `Notes: what you learned, what to try next${topics.length ? ` (planned: ${topics.join(', ')})` : ''} — optional`,
    ignoreFocusOut: true,
  });
  if (notes === undefined) throw new Cancelled();
  return notes;
}

async function afterSession(deps: Deps, attemptId: string, outcome: { completed: boolean; sessionsDone: number; sessions: number; next: string | null }): Promise<void> {
  const journal = deps.store.journal;
  const attempt = journal.attempts.find((a) => a.id === attemptId);
  if (!attempt) return;
  const person = journal.people.find((p) => p.id === attempt.personId);
  const name = person?.name.split(/\s+/)[0] ?? 'them';
  if (!outcome.completed) {
    void vscode.window.showInformationMessage(`Session ${outcome.sessionsDone}/${outcome.sessions} with ${name} logged.`);
    return;
  }
  const thanks = 'Draft Thank-you';
  const sponsor = `Mark ${name} as a Potential Sponsor`;
  const choice = await vscode.window.showInformationMessage(
    `All ${outcome.sessions} sessions with ${name} are done. Say thank you — and tell ${name} what you did with the advice. Someone who has seen you grow may speak up for you: a sponsor.`,
    thanks,
    ...(person && !person.sponsor ? [sponsor] : []),
  );
  if (choice === thanks) await offerFollowUp(deps, attemptId, 'thanks');
  if (choice === sponsor && person) {
    await deps.store.change((j) => {
      const r = lazy.sessions().markSponsor(j, person.id, true);
      return r.ok ? { ok: true, value: r.value.journal } : r;
    });
    void vscode.window.showInformationMessage(`${person.name} is marked as a potential sponsor.`);
  }
}

// ---------------------------------------------------------------------------------------------

function attemptOf(journal: Journal, attemptId: string): Attempt {
  const attempt = journal.attempts.find((a) => a.id === attemptId);
  if (!attempt) throw new CommandError(`No outreach attempt has the id "${attemptId}".`);
  return attempt;
}

function personName(journal: Journal, attempt: Attempt): string {
  return journal.people.find((p) => p.id === attempt.personId)?.name ?? 'them';
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

async function openMarkdown(deps: Deps, text: string): Promise<void> {
  if (deps.openMarkdown) return deps.openMarkdown(text);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
}
