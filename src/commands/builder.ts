/** mentoring.openBuilder — the Assessment & Request Builder panel, and its restore after a reload. */
import * as vscode from 'vscode';
import { renderRequestOrFallback } from '../domain/templates';
import { BuilderPanel, type BuilderServices } from '../webview/builderPanel';
import { invocation, today, type Deps } from './deps';
import { askBeforeSending } from './attempts';
import { dateLabel, statusLabel } from '../views/labels';
import { guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { registerCommand } from '../shell/commandHandlers';

/**
 * Registers mentoring.openBuilder; returns how to bring a panel back after a reload (the shell registers
 * the webview serializer at activation and hands it the panel).
 */
export function registerBuilder(context: vscode.ExtensionContext, deps: Deps): (panel: vscode.WebviewPanel) => void {
  const services: BuilderServices = {
    store: deps.store,
    now: deps.clock,
    defaultSessions: deps.defaultSessions,
    render: (model) => {
      const user = deps.templates.get('request');
      // A user template can still fail while rendering (e.g. a helper it may not use): the built-in one is used.
      const { text, templateError } = renderRequestOrFallback(model, user.template);
      return { text, templateError: templateError ? vscode.l10n.t('Your request template failed: {0} — the built-in template is used instead.', templateError) : user.error };
    },
    copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
    openMarkdown: async (text: string, draftId: string | null) => {
      // The form's saved draft opens as Edit Draft opens it: in its editor bound to the journal (saving there saves
      // the draft), checked live with quick fixes — with the form's text, if the form has changed it. Text not saved
      // as a draft yet opens read-only, checked (Save as draft, then open it again, to edit it in an editor).
      if (draftId !== null) {
        await deps.drafts.open(draftId, { viewColumn: vscode.ViewColumn.Beside, text });
        return;
      }
      const shown = await deps.texts.show(text, vscode.l10n.t('Request (not saved as a draft)'), { beside: true });
      deps.diagnostics.track(shown.editor.document);
    },
    log: (message) => deps.log.warn(message),
    notify: (message) => void vscode.window.showInformationMessage(message),
    reveal: (attemptId) => deps.reveal?.(attemptId),
    // The same question as Mark as Sent from the tree and the palette.
    confirmSend: (journal, attempt) => askBeforeSending(journal, attempt, today(deps)),
    statusLabel,
    dateLabel: (date) => dateLabel(date, today(deps)),
  };

  context.subscriptions.push(
    registerCommand(
      Commands.openBuilder,
      guarded(async (arg) => {
        const how = invocation(Commands.openBuilder, arg);
        // From a view's title menu (a tree node) as from the palette: the builder as it was left.
        const step = how.kind === 'argument' ? how.arg.step : undefined;
        await deps.templates.load('request');
        const panel = BuilderPanel.show(context.extensionUri, services, step);
        return { step: step ?? null, visible: panel.panel.visible };
      }),
    ),
    { dispose: () => currentBuilder()?.dispose() },
  );
  // Brings the panel back after a window reload (the webview restores its own form with getState).
  return (panel) => void BuilderPanel.revive(panel, context.extensionUri, services);
}

/** The builder panel that is open now, if any (opens nothing). */
export function currentBuilder(): BuilderPanel | undefined {
  return BuilderPanel.instance;
}
