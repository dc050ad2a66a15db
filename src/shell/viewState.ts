/**
 * What the workbench shows of the journal without opening anything: the Outreach view's badge and message,
 * and the context keys that drive the walkthrough, the welcome content and the menus. The first update sends them
 * all — the workbench may still hold values from before a restart of the extension host — and later ones only what
 * changed (each is a round trip to the workbench).
 */
import * as vscode from 'vscode';
import type { Journal } from '../domain/journal';
import { methodProgress } from '../domain/progress';

export class ViewState {
  private readonly sent = new Map<string, boolean>();
  private shown: { due: number; message: string | undefined } | undefined;

  constructor(private readonly view: vscode.TreeView<unknown>) {}

  update(journal: Journal, due: number, readOnly: string | undefined, hasDamagedData: boolean): void {
    // Each assignment is a message to the workbench: after the first update, only what changed is sent.
    const shown = this.shown;
    if (!shown || due !== shown.due) {
      this.view.badge = due > 0 ? { value: due, tooltip: due === 1 ? vscode.l10n.t('1 outreach attempt due') : vscode.l10n.t('{0} outreach attempts due', due) } : undefined;
    }
    if (!shown || readOnly !== shown.message) this.view.message = readOnly;
    this.shown = { due, message: readOnly };
    this.set('mentoring.noAttempts', journal.attempts.length === 0);
    this.set('mentoring.noSkills', journal.skills.length === 0);
    // The walkthrough's steps are completed by doing them, anywhere (domain/progress.ts says what counts).
    const progress = methodProgress(journal);
    this.set('mentoring.hasFocus', progress.assessed);
    this.set('mentoring.hasPeople', progress.identified);
    this.set('mentoring.hasRequest', progress.asked);
    this.set('mentoring.hasAnswer', progress.answered);
    this.set('mentoring.hasDamagedData', hasDamagedData);
  }

  private set(key: string, value: boolean): void {
    // A key this window has never been given reads as false in every `when` clause: the first false is not sent
    // (at a first startup, most keys are false — each one sent would be a round trip during activation).
    if (this.sent.get(key) === value) return;
    this.sent.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
