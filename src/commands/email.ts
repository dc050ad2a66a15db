/**
 * mentoring.sendByEmail ("Send by Email…"): a draft request in the person's own mail app, through a `mailto:` link
 * (domain/mailto.ts) — addressed to the person (their address is asked for once and kept on them), with a subject
 * from the ask and the request as the body. The extension makes no network request and sends nothing: the person
 * sends it from the mail app. It does not mark the request as sent by itself either: afterwards it offers Mark as
 * Sent, which asks the send gate's question like every other way (attempts.ts, markRequestSent).
 */
import * as vscode from 'vscode';
import { allowedActions } from '../domain/actions';
import { isPlausibleEmail } from '../domain/emailAddress';
import type { Person } from '../domain/journal';
import { emailSubject, mailtoUrl, setPersonEmail } from '../domain/mailto';
import { markRequestSent } from './attempts';
import { attemptIdOf, attemptOf, invocation, personName, pickAttempt, type Deps } from './deps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands, TEST_CAPTURE_EXTERNAL_COMMAND } from '../shell/ids';
import { StoreRefusal } from '../storage/journalStore';
import { Disposable } from '../util/disposable';
import { statusLabel } from '../views/labels';
import { registerCommand } from '../shell/commandHandlers';

/** What mentoring.sendByEmail returns. */
export interface SendByEmailResult {
  attemptId: string;
  /** The address the email is addressed to; null when there is none (the mail app asks). */
  to: string | null;
  /** True when VS Code handed the link to a mail app. */
  opened: boolean;
}

export function registerEmailCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.sendByEmail,
      guarded(async (arg): Promise<SendByEmailResult> => {
        const how = invocation(Commands.sendByEmail, arg);
        const interactive = how.kind !== 'argument';
        const attemptId = attemptIdOf(how) ?? (await pickAttempt(deps, vscode.l10n.t('Send by Email'), (v) => allowedActions(v.attempt).email));
        const journal = deps.store.journal;
        const attempt = attemptOf(journal, attemptId);
        const name = personName(journal, attempt);
        if (!allowedActions(attempt).email) {
          throw new CommandError(vscode.l10n.t('The request to {0} is {1}: only a draft is sent by email.', name, statusLabel(attempt.status)));
        }
        if (!attempt.text.trim()) throw new CommandError(vscode.l10n.t('The draft to {0} has no text yet: write it first (Edit Draft).', name));
        if (deps.drafts.hasUnsavedChanges(attemptId)) {
          throw new CommandError(vscode.l10n.t('The draft to {0} has changes in its editor that are not saved. Save them (Ctrl+S) first, so that the email holds what you see.', name));
        }
        const person = journal.people.find((p) => p.id === attempt.personId);
        let to = person?.email;
        if (to === undefined && interactive && person) to = await askAddress(deps, person);
        const href = mailtoUrl({ ...(to ? { to } : {}), subject: emailSubject(deps.store.journal, attempt), body: attempt.text });
        const opened = await deps.openExternal(href);
        if (interactive) void afterOpening(deps, attemptId, name, opened, attempt.text);
        return { attemptId, to: to ?? null, opened };
      }),
    ),
  );
}

/** Asks for the person's address (empty: none — the mail app asks); a given one is kept on the person. */
async function askAddress(deps: Deps, person: Person): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t("{0}'s email address", person.name),
    prompt: vscode.l10n.t('Kept with {0} for next time. Leave it empty to type it in your mail app.', person.name),
    placeHolder: 'name@example.com', // l10n-ignore (an address, the same in every language)
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isPlausibleEmail(v.trim()) ? undefined : vscode.l10n.t('An email address, such as {0}', 'sam@example.com')),
  });
  if (value === undefined) throw new Cancelled();
  const address = value.trim();
  if (!address) return undefined;
  await deps.store.change((j) => setPersonEmail(j, person.id, address));
  return address;
}

/** After the mail app opened: the person sends it there, then marks it as sent here (through the send gate). */
async function afterOpening(deps: Deps, attemptId: string, name: string, opened: boolean, text: string): Promise<void> {
  if (!opened) {
    const copy = vscode.l10n.t('Copy Text');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('No mail app opened for the request to {0}. Copy the text and paste it into your email instead?', name), copy);
    if (choice === copy) await vscode.env.clipboard.writeText(text);
    return;
  }
  const markSent = vscode.l10n.t('Mark as Sent');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Your mail app has the request to {0}. Send it from there — then mark it as sent here.', name),
    markSent,
  );
  if (choice !== markSent) return;
  try {
    await markRequestSent(deps, attemptId, true);
  } catch (e) {
    if (e instanceof Cancelled) return;
    const known = e instanceof CommandError || e instanceof StoreRefusal;
    void vscode.window.showErrorMessage(known ? (e as Error).message : vscode.l10n.t('Mentoring Outreach: something went wrong — {0}', (e as Error).message));
  }
}

/**
 * Hands a `mailto:` URL to VS Code, which opens the mail app. In ExtensionMode.Test the tests can capture what
 * would be opened instead (TEST_CAPTURE_EXTERNAL_COMMAND), so no mail app opens during a test run.
 */
export class MailLinks extends Disposable {
  private captured: string[] | undefined;

  constructor(context: vscode.ExtensionContext) {
    super();
    if (context.extensionMode !== vscode.ExtensionMode.Test) return;
    this._register(
      registerCommand(TEST_CAPTURE_EXTERNAL_COMMAND, (arg?: { capture?: boolean }) => {
        const so = this.captured ?? [];
        if (arg?.capture === true) this.captured = [];
        else if (arg?.capture === false) this.captured = undefined;
        else if (this.captured) this.captured = [];
        return so;
      }),
    );
  }

  /**
   * Opens `href` as it is. Why a string and not vscode.Uri.parse(href): VS Code opens a Uri as
   * encodeURI(uri.toString(true)) — the query decoded, then re-encoded without escaping & or =, and with # and ?
   * escaped twice — so a request holding "Q&A", "#1" or "really?" would arrive cut or garbled (microsoft/vscode#85930).
   * A string it opens exactly as given (MainThreadWindow.$openUri keeps it when URI.parse round-trips it, which a
   * fully percent-encoded mailto: URL does). The end-to-end test checks what the workbench opens.
   */
  open(href: string): Promise<boolean> {
    if (this.captured) {
      this.captured.push(href);
      return Promise.resolve(true);
    }
    return Promise.resolve(vscode.env.openExternal(href as unknown as vscode.Uri));
  }
}
