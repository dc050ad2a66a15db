/**
 * mentoring.logSession: a session held after a yes, its notes, the next session's plan, and — after the
 * last one — the thank-you and the sponsor question. Interactive or with its argument form (DESIGN.md).
 */
import * as vscode from 'vscode';
import { logSession, markSponsor, sessionPlan } from '../domain/sessions';
import { attemptIdOf, attemptOf, invocation, personName, pickAttempt, userTemplates, type Deps } from './deps';
import { offerFollowUp } from './followUps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { statusLabel } from '../views/labels';
import { registerCommand } from '../shell/commandHandlers';

export function registerSessionCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.logSession,
      guarded(async (arg) => {
        const how = invocation(Commands.logSession, arg);
        const programmatic = how.kind === 'argument';
        let attemptId: string;
        let notes: string | undefined;
        if (how.kind === 'argument') ({ attemptId, notes } = how.arg);
        else {
          attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Log a Session'), (v) => v.attempt.status === 'accepted'));
          notes = await askSessionNotes(deps, attemptId);
        }
        const templates = await userTemplates(deps, ['sessionAgenda']);
        let outcome: { completed: boolean; sessionsDone: number; sessions: number; next: string | null } | undefined;
        await deps.store.change((j) => {
          const r = logSession(j, attemptId, notes, deps.clock(), templates);
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

async function askSessionNotes(deps: Deps, attemptId: string): Promise<string> {
  const attempt = attemptOf(deps.store.journal, attemptId);
  if (attempt.status !== 'accepted') throw new CommandError(vscode.l10n.t('The attempt is {0}: sessions are logged only after a yes.', statusLabel(attempt.status)));
  const n = attempt.sessionsDone + 1;
  const plan = sessionPlan(deps.store.journal, attemptId);
  const topics = plan.ok ? plan.value[n - 1]?.topics ?? [] : [];
  const notes = await vscode.window.showInputBox({
    title: vscode.l10n.t('Session {0} of {1} with {2}', n, attempt.ask.sessions, personName(deps.store.journal, attempt)),
    prompt: topics.length
      ? vscode.l10n.t('Notes: what you learned, what to try next (planned: {0}) — optional', topics.join(', '))
      : vscode.l10n.t('Notes: what you learned, what to try next — optional'),
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
  const name = person?.name.split(/\s+/)[0] ?? vscode.l10n.t('them');
  if (!outcome.completed) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Session {0}/{1} with {2} logged.', outcome.sessionsDone, outcome.sessions, name));
    return;
  }
  const thanks = vscode.l10n.t('Draft Thank-you');
  const sponsor = vscode.l10n.t('Mark {0} as a Potential Sponsor', name);
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'All {0} sessions with {1} are done. Say thank you — and tell {1} what you did with the advice. Someone who has seen you grow may speak up for you: a sponsor.',
      outcome.sessions,
      name,
    ),
    thanks,
    ...(person && !person.sponsor ? [sponsor] : []),
  );
  if (choice === thanks) await offerFollowUp(deps, attemptId, 'thanks');
  if (choice === sponsor && person) {
    await deps.store.change((j) => {
      const r = markSponsor(j, person.id, true);
      return r.ok ? { ok: true, value: r.value.journal } : r;
    });
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is marked as a potential sponsor.', person.name));
  }
}

