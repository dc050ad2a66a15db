/**
 * Reminders: what is due (ask-again dates reached, no reply after `mentoring.nudgeAfterDays`) shows in
 * a status-bar item (click → the Due now group) and, at most once per day per attempt, as a
 * notification (`mentoring.reminders.enabled` turns notifications off). Checked on activation, after
 * every change, and each local midnight; the clock is injected, so tests move time instead of waiting.
 */
import * as vscode from 'vscode';
import type { Journal } from '../domain/journal';
import { countDue } from '../domain/outreach';
import { dueReminders, markNotified, pruneNotified, type NotifiedLog, type Reminder } from '../domain/reminders';
import { Commands } from './ids';
import { Disposable } from '../util/disposable';
import { dates } from '../views/labels';

export const NOTIFIED_KEY = 'mentoring.reminders.notified';
/** More than this many reminders at once become one summary notification. */
const MAX_SINGLE = 3;

/** Resolves on the event loop's next turn, after everything already running (such as activate()) is done. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ReminderDeps {
  journal(): Journal;
  today(): string;
  nudgeAfterDays(): number;
  /** Where the "already notified today" log lives (workspaceState). */
  memento: vscode.Memento;
  /** "Draft a Nudge" / "Ask Again": the interactive follow-up for this attempt (as from its row in the view). */
  followUp(attemptId: string): Thenable<unknown>;
}

export class Reminders extends Disposable {
  /** Made the first time something is due: until then there is nothing to show (and nothing to make at startup). */
  private item: vscode.StatusBarItem | undefined;
  private checking = Promise.resolve();

  constructor(private readonly deps: ReminderDeps) {
    super();
  }

  private statusItem(): vscode.StatusBarItem {
    if (!this.item) {
      this.item = this._register(vscode.window.createStatusBarItem('mentoring.due', vscode.StatusBarAlignment.Left, 50));
      this.item.name = vscode.l10n.t('Mentoring Outreach: due');
      this.item.command = Commands.showDue;
    }
    return this.item;
  }

  /** How many attempts were due at the last update. */
  private due = 0;

  /**
   * Refreshes the status bar and returns how many attempts are due; notifies about anything newly
   * due in the background (serialised).
   */
  update(): number {
    const journal = this.deps.journal();
    // No attempts, nothing due: no setting to read, no date to work out (the common case at a first startup).
    const options = journal.attempts.length === 0 ? undefined : { today: this.deps.today(), nudgeAfterDays: this.deps.nudgeAfterDays() };
    const due = options ? countDue(journal, options) : 0;
    this.due = due;
    if (due > 0) {
      const item = this.statusItem();
      item.text = `$(bell-dot) ${vscode.l10n.t('{0} due', due)}`;
      item.tooltip =
        due === 1
          ? vscode.l10n.t('Mentoring Outreach: 1 outreach attempt is due — click to see them')
          : vscode.l10n.t('Mentoring Outreach: {0} outreach attempts are due — click to see them', due);
      item.accessibilityInformation = { label: vscode.l10n.t('{0} mentoring outreach attempts due', due) };
      item.show();
    } else this.item?.hide();
    // Nothing due, nothing to notify about (reminders are a subset of what is due). Otherwise the notifications
    // are worded on the event loop's next turn: at startup that is after activation has finished (wording them
    // formats dates, and the first Intl.DateTimeFormat costs more than the rest of activation).
    if (options && due > 0) this.checking = this.checking.then(nextTurn).then(() => this.notify(options)).catch((e) => console.error('[mentoring] reminders', e));
    return due;
  }

  private async notify(options: { today: string; nudgeAfterDays: number }): Promise<void> {
    if (this.isDisposed) return;
    if (!vscode.workspace.getConfiguration('mentoring').get<boolean>('reminders.enabled', true)) return;
    const journal = this.deps.journal();
    const log = pruneNotified(journal, this.deps.memento.get<NotifiedLog>(NOTIFIED_KEY));
    const reminders = dueReminders(journal, options, log);
    if (reminders.length === 0) return;
    await this.deps.memento.update(NOTIFIED_KEY, markNotified(log, reminders, options.today));
    if (reminders.length > MAX_SINGLE) {
      void this.show(vscode.l10n.t('Mentoring Outreach: {0} outreach attempts are due — {1} …', reminders.length, reminders.slice(0, 2).map((r) => reminderMessage(r, options.today)).join(' ')), undefined);
      return;
    }
    for (const r of reminders) void this.show(reminderMessage(r, options.today), r);
  }

  private async show(message: string, reminder: Reminder | undefined): Promise<void> {
    const showAction = vscode.l10n.t('Show');
    const actions = reminder ? [reminder.kind === 'nudge' ? vscode.l10n.t('Draft a Nudge') : vscode.l10n.t('Ask Again'), showAction] : [showAction];
    const choice = await vscode.window.showInformationMessage(message, ...actions);
    if (choice === showAction) await vscode.commands.executeCommand(Commands.showDue);
    else if (choice && reminder) await Promise.resolve(this.deps.followUp(reminder.attemptId)).then(undefined, () => undefined);
  }

  /** For tests: the status-bar text ('' when hidden). */
  get statusText(): string {
    return this.due > 0 && this.item ? this.item.text : '';
  }
}

/**
 * A skill's name inside a sentence: English writes "about financial acumen" (an acronym such as "AWS" stays); other
 * languages keep the name as written (German capitalises its nouns).
 */
function midSentence(name: string): string {
  if (!/^en\b/i.test(vscode.env.language) || /^\p{Lu}{2}/u.test(name)) return name;
  return name.toLowerCase();
}

/** A reminder as the person reads it, in the display language: the one home of its wording. */
export function reminderMessage(r: Reminder, today: string): string {
  const first = r.first || vscode.l10n.t('your contact');
  if (r.kind === 'askAgain') {
    const on = dates().short(r.on, today);
    return r.skill
      ? vscode.l10n.t('Ask {0} again about {1} — you agreed on {2}.', first, midSentence(r.skill), on)
      : vscode.l10n.t('Ask {0} again — you agreed on {1}.', first, on);
  }
  return r.days === 1
    ? vscode.l10n.t('No reply from {0} for 1 day — a gentle nudge?', first)
    : vscode.l10n.t('No reply from {0} for {1} days — a gentle nudge?', first, r.days);
}
