/**
 * What the workbench shows of the journal without opening anything: the Outreach view's badge and message,
 * and the context keys that drive the walkthrough, the welcome content and the menus. A context key is sent
 * only when its value changes (each is a round trip to the workbench).
 */
import * as vscode from 'vscode';
import type { Journal } from '../domain/journal';
import { methodProgress } from '../domain/progress';

export class ViewState {
  private readonly sent = new Map<string, boolean>();

  constructor(private readonly view: vscode.TreeView<unknown>) {}

  update(journal: Journal, due: number, readOnly: string | undefined, hasDamagedData: boolean): void {
    this.view.badge = due > 0 ? { value: due, tooltip: due === 1 ? vscode.l10n.t('1 outreach attempt due') : vscode.l10n.t('{0} outreach attempts due', due) } : undefined;
    this.view.message = readOnly;
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
    if (this.sent.get(key) === value) return;
    this.sent.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
