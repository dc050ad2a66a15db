/**
 * mentoring.recordResponse: the answer to a request (yes, no, later, someone else), and what the person
 * is offered next. Works interactively (palette or tree) and with its argument form (DESIGN.md), asking
 * nothing when given an argument.
 */
import * as vscode from 'vscode';
import { parseAskAgain } from '../domain/dateInput';
import type { AttemptStatus, Org, Seniority } from '../domain/journal';
import type { ResponseInput, ResponseKind } from '../domain/responses';
import { sessionPlan } from '../domain/sessions';
import { recordResponse as recordResponseIn } from '../domain/responses';
import { type ArgOf } from './args';
import { attemptIdOf, attemptOf, invocation, personName, pickAttempt, today, userTemplates, type Deps } from './deps';
import { allowedActions } from '../domain/actions';
import { dateLabel, dates, statusLabel } from '../views/labels';
import { followUpLabel, offerFollowUp } from './followUps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { registerCommand } from '../shell/commandHandlers';

export interface ResponseResult {
  attemptId: string;
  status: AttemptStatus;
  /** For a referral: the new draft attempt. */
  createdAttemptId?: string;
}

export function registerResponseCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.recordResponse,
      guarded(async (arg): Promise<ResponseResult> => {
        const how = invocation(Commands.recordResponse, arg);
        const input = how.kind === 'argument' ? responseArg(how.arg) : await askResponse(deps, attemptIdOf(how));
        const result = await recordResponse(deps, input);
        if (how.kind !== 'argument') void afterResponse(deps, input, result);
        return result;
      }),
    ),
  );
}

/** The schema checked each field (args.ts); what is left are the rules between fields. */
function responseArg(a: ArgOf<'mentoring.recordResponse'>): ResponseInput {
  const { attemptId, response } = a;
  if (response === 'later' && !a.askAgainOn) throw new CommandError(vscode.l10n.t('A "later" response needs askAgainOn: the date to ask again (YYYY-MM-DD).'));
  const given = a.referral;
  const referral = given
    ? {
        name: given.name,
        ...(given.evidence !== undefined ? { evidence: given.evidence } : {}),
        ...(given.org !== undefined ? { org: given.org } : {}),
        ...(given.seniority !== undefined ? { seniority: given.seniority } : {}),
      }
    : null;
  if (response === 'referral' && !referral) throw new CommandError(vscode.l10n.t('A "referral" response needs referral: { name, evidence?, org?, seniority? }.'));
  return { attemptId, response, askAgainOn: a.askAgainOn ?? null, referral };
}

async function recordResponse(deps: Deps, input: ResponseInput): Promise<ResponseResult> {
  const templates = await userTemplates(deps, ['request', 'sessionAgenda']);
  let result: ResponseResult | undefined;
  await deps.store.change((j) => {
    const r = recordResponseIn(j, input, deps.clock(), Math.random, { templates, dateLabel });
    if (!r.ok) return r;
    result = { attemptId: r.value.attempt.id, status: r.value.attempt.status, ...(r.value.created ? { createdAttemptId: r.value.created.attempt.id } : {}) };
    return { ok: true, value: r.value.journal };
  });
  if (!result) throw new Error('response result missing');
  deps.reveal?.(result.createdAttemptId ?? result.attemptId);
  return result;
}

async function askResponse(deps: Deps, given: string | undefined): Promise<ResponseInput> {
  const attemptId = given ?? (await pickAttempt(deps, vscode.l10n.t('Record a Response'), (v) => allowedActions(v.attempt).responses.length > 0));
  const attempt = attemptOf(deps.store.journal, attemptId);
  const name = personName(deps.store.journal, attempt);
  const items: (vscode.QuickPickItem & { kind2: ResponseKind })[] = [
    { label: `$(check) ${vscode.l10n.t('Yes')}`, description: vscode.l10n.t('{0} will do the sessions', name), kind2: 'yes' },
    { label: `$(circle-slash) ${vscode.l10n.t('No')}`, description: vscode.l10n.t('not now — ask the two follow-up questions next'), kind2: 'no' },
    { label: `$(calendar) ${vscode.l10n.t('Later')}`, description: vscode.l10n.t('willing later: ask again on a date'), kind2: 'later' },
    { label: `$(person-add) ${vscode.l10n.t('Someone else')}`, description: vscode.l10n.t('{0} suggested who to approach', name), kind2: 'referral' },
  ];
  const possible = allowedActions(attempt).responses;
  const allowed = items.filter((i) => possible.includes(i.kind2));
  if (allowed.length === 0) throw new CommandError(vscode.l10n.t('The attempt is {0}: there is no answer to record.', statusLabel(attempt.status)));
  // No answer is preselected: Enter alone records nothing; the person picks one (arrow keys, typing or a click).
  const picked = await pickWithoutDefault(allowed, vscode.l10n.t("Record {0}'s answer", name), vscode.l10n.t('What did {0} say? Pick an answer', name));
  if (!picked) throw new Cancelled();
  const response = picked.kind2;
  if (response === 'later') {
    const todayDate = today(deps);
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('When should you ask {0} again?', name),
      prompt: vscode.l10n.t('A date (YYYY-MM-DD) or "in 3 weeks", "next month", "15 Jan"'),
      placeHolder: 'in 3 weeks', // l10n-ignore (an example of what the English-only date parser reads)
      ignoreFocusOut: true,
      // While typing, the date it reads as ("in 3 weeks" → "Thu, 17 Dec 2026"), as information that does not block
      // Enter; what it cannot read, as an error that does.
      validateInput: (v) => {
        if (!v.trim()) return vscode.l10n.t('When should you ask again?');
        const r = parseAskAgain(v, todayDate);
        if (!r.ok) return r.reason;
        return { message: vscode.l10n.t('→ {0}', dates().withWeekday(r.value)), severity: vscode.InputBoxValidationSeverity.Info };
      },
    });
    if (value === undefined) throw new Cancelled();
    const parsed = parseAskAgain(value, todayDate);
    if (!parsed.ok) throw new CommandError(parsed.reason);
    return { attemptId, response, askAgainOn: parsed.value };
  }
  if (response === 'referral') return { attemptId, response, referral: await askReferral(deps, attempt.personId, name) };
  return { attemptId, response };
}

/** A quick pick with nothing preselected: Enter without a choice does nothing, so a stray key or click records nothing. */
async function pickWithoutDefault<T extends vscode.QuickPickItem>(items: readonly T[], title: string, placeholder: string): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.ignoreFocusOut = true;
  pick.items = items;
  pick.activeItems = [];
  return new Promise<T | undefined>((resolve) => {
    let settled = false;
    const finish = (item: T | undefined) => {
      if (settled) return;
      settled = true;
      resolve(item);
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (item) finish(item);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/**
 * Who was suggested: their name, inside or outside your organisation, their seniority (both asked, never assumed —
 * the Portfolio counts them), and what the referrer said about their work, written to them.
 */
async function askReferral(deps: Deps, referrerId: string, referrerName: string): Promise<{ name: string; org: Org; seniority: Seniority; evidence?: string }> {
  const referrer = deps.store.journal.people.find((p) => p.id === referrerId);
  const first = referrerName.trim().split(/\s+/)[0] || referrerName;
  const title = vscode.l10n.t('Who did {0} suggest?', referrerName);
  const refName = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Their name'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name, please.')) });
  if (refName === undefined) throw new Cancelled();
  const who = refName.trim().replace(/\s+/g, ' ');
  const whoFirst = who.split(' ')[0] ?? who;

  // The same choices as for anyone you identify yourself (the keyboard flow); nothing preselected, nothing assumed.
  const orgs: (vscode.QuickPickItem & { org: Org })[] = [
    { label: `$(home) ${vscode.l10n.t('Inside my organisation')}`, description: vscode.l10n.t('knows how things are done around here'), org: 'inside' },
    { label: `$(globe) ${vscode.l10n.t('Outside my organisation')}`, description: vscode.l10n.t('interested only in your success'), org: 'outside' },
  ];
  for (const o of orgs) if (referrer?.org === o.org) o.detail = vscode.l10n.t('the same as {0}', referrerName);
  const org = await pickWithoutDefault(orgs, title, vscode.l10n.t('Is {0} inside or outside your organisation?', who));
  if (!org) throw new Cancelled();

  const levels: (vscode.QuickPickItem & { seniority: Seniority })[] = [
    { label: vscode.l10n.t('Senior'), description: vscode.l10n.t('more senior than you'), seniority: 'senior' },
    { label: vscode.l10n.t('Peer'), description: vscode.l10n.t('at your level'), seniority: 'peer' },
    { label: vscode.l10n.t('Junior'), description: vscode.l10n.t('more junior, with the skill you want'), seniority: 'junior' },
    { label: vscode.l10n.t('Manager'), description: vscode.l10n.t('your own manager'), seniority: 'manager' },
  ];
  const level = await pickWithoutDefault(levels, title, vscode.l10n.t('{0} is…', who));
  if (!level) throw new Cancelled();

  const evidence = await vscode.window.showInputBox({
    title: vscode.l10n.t('Why {0}? (optional)', whoFirst),
    prompt: vscode.l10n.t('What has {0} told you about {1}\'s work? Write it to {1}: "{0} tells me you…" — it goes into your request, after "{2} suggested I talk to you."', first, whoFirst, referrerName),
    placeHolder: vscode.l10n.t('{0} tells me you…', first),
    ignoreFocusOut: true,
  });
  if (evidence === undefined) throw new Cancelled();
  return { name: who, org: org.org, seniority: level.seniority, ...(evidence.trim() ? { evidence: evidence.trim() } : {}) };
}

async function afterResponse(deps: Deps, input: ResponseInput, result: ResponseResult): Promise<void> {
  const journal = deps.store.journal;
  const attempt = journal.attempts.find((a) => a.id === result.attemptId);
  if (!attempt) return;
  const name = personName(journal, attempt).split(/\s+/)[0] ?? '';
  switch (input.response) {
    case 'yes': {
      const plan = sessionPlan(journal, attempt.id);
      const first = plan.ok ? plan.value[0] : undefined;
      const planned = attempt.ask.sessions === 1 ? vscode.l10n.t('1 session planned') : vscode.l10n.t('{0} sessions planned', attempt.ask.sessions);
      const draftThanks = vscode.l10n.t('Draft Thank-you');
      const showPlan = vscode.l10n.t('Show Session Plan');
      const choice = await vscode.window.showInformationMessage(
        first
          ? vscode.l10n.t('{0} said yes! {1} — session 1: {2}.', name, planned, first.topics.join(', '))
          : vscode.l10n.t('{0} said yes! {1}.', name, planned),
        draftThanks,
        showPlan,
      );
      if (choice === draftThanks) await offerFollowUp(deps, attempt.id, 'thanks');
      if (choice === showPlan && plan.ok) await deps.texts.show(plan.value.map((p) => `## ${vscode.l10n.t('Session {0}', p.n)}\n\n${p.agenda}`).join('\n\n'), vscode.l10n.t('Session plan with {0}', name));
      return;
    }
    case 'no': {
      const later = vscode.l10n.t('Ask: "Willing Later?"');
      const other = vscode.l10n.t('Ask: "Anyone Else?"');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          '{0} said no — that is normal, and not the end. Two questions keep the door open: "{1}" and "{2}". They wait under "After a no" until you ask them (or dismiss them).',
          name,
          followUpLabel('later'),
          followUpLabel('referral'),
        ),
        later,
        other,
      );
      if (choice === later) await offerFollowUp(deps, attempt.id, 'later');
      if (choice === other) await offerFollowUp(deps, attempt.id, 'referral');
      return;
    }
    case 'later':
      void vscode.window.showInformationMessage(vscode.l10n.t('Noted: ask {0} again on {1}. It will show under Due now that day.', name, attempt.askAgainOn ? dateLabel(attempt.askAgainOn, today(deps)) : ''));
      return;
    case 'referral': {
      const created = result.createdAttemptId ? journal.attempts.find((a) => a.id === result.createdAttemptId) : undefined;
      const who = created ? personName(journal, created) : vscode.l10n.t('them');
      const openDraft = vscode.l10n.t('Open Draft');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('A draft request to {0} is under Drafts, ready to edit.', who), openDraft);
      if (choice === openDraft && created) await deps.drafts.open(created.id);
      return;
    }
  }
}

