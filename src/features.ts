/**
 * Everything the extension does once a person acts: every command, the builder, the request diagnostics,
 * import and export, opt-in sync and the user's templates. Bundled on its own (dist/features.js) and
 * loaded on first use by src/shell/lazyFeatures.ts — activation loads none of it. Modules that the
 * activation bundle also holds (the store, the tree nodes, …) are not copied in here: the build maps them
 * to the activation bundle's own instances (esbuild.js, "shared with the activation bundle"), so a tree
 * node or a StoreRefusal is the same class on both sides.
 */
import * as vscode from 'vscode';
import type { Deps } from './commands/deps';
import { registerAttemptCommands } from './commands/attempts';
import { applyImport, readJournalFile, registerJournalFileCommands } from './commands/journalFiles';
import { registerDraftRequest } from './commands/draftRequest';
import { currentBuilder, registerBuilder } from './commands/builder';
import { RequestDiagnostics } from './diagnostics/requestDiagnostics';
import { registerCheckRequest } from './diagnostics/checkCommand';
import { DraftDocuments } from './commands/draftDocuments';
import { registerDraftCommands } from './commands/drafts';
import { MailLinks, registerEmailCommands } from './commands/email';
import { registerResponseCommands } from './commands/responses';
import { registerFollowUpCommands } from './commands/followUps';
import { registerSessionCommands } from './commands/sessions';
import { registerSponsorCommands } from './commands/sponsors';
import { registerHelpCommands } from './commands/help';
import { SYNC_KEY, SyncMirror } from './storage/syncMirror';
import { UserTemplates } from './templating/userTemplates';
import type { Features, FeaturesBundle, ShellDeps } from './shell/featuresApi';

/** Hands every command's handler to the activation bundle's stand-ins (shell/commandHandlers.ts) and wires sync. */
export const start: FeaturesBundle['start'] = (context: vscode.ExtensionContext, shell: ShellDeps): Features => {
  const log = vscode.window.createOutputChannel('Mentoring Outreach', { log: true });
  const templates = new UserTemplates(vscode.Uri.joinPath(context.extensionUri, 'dist', 'templateCompiler.js').fsPath, (message) => {
    log.warn(message);
    void vscode.window.showWarningMessage(message);
  });
  const diagnostics = new RequestDiagnostics(log, shell.defaultSessions);
  const drafts = new DraftDocuments(shell.store, diagnostics);
  const mail = new MailLinks(context);
  context.subscriptions.push(log, templates, diagnostics, drafts, mail);
  const deps: Deps = { ...shell, templates, log, diagnostics, drafts, openExternal: (href) => mail.open(href) };

  registerAttemptCommands(context, deps);
  registerJournalFileCommands(context, deps);
  registerDraftRequest(context, deps);
  const reviveBuilder = registerBuilder(context, deps);
  registerCheckRequest(context, diagnostics);
  registerDraftCommands(context, deps);
  registerEmailCommands(context, deps);
  registerResponseCommands(context, deps);
  registerFollowUpCommands(context, deps);
  registerSessionCommands(context, deps);
  registerSponsorCommands(context, deps);
  registerHelpCommands(context, deps);

  // Opt-in sync: the journal mirrored into a globalState key that Settings Sync carries between machines.
  const mirror = new SyncMirror({
    store: shell.store,
    local: context.workspaceState,
    remote: context.globalState,
    enabled: shell.syncEnabled,
    now: shell.clock,
    damagedKeys: () => shell.store.damagedKeys(),
    warn: (message) => {
      log.warn(message);
      void vscode.window.showWarningMessage(message);
    },
    inform: (message) => {
      log.info(message);
      void vscode.window.showInformationMessage(message);
    },
  });
  context.subscriptions.push(
    mirror,
    // Settings Sync updates globalState without an event: look again whenever the window gets focus.
    vscode.window.onDidChangeWindowState((w) => {
      if (w.focused && shell.syncEnabled()) void mirror.sync();
    }),
  );

  return {
    reviveBuilder,
    currentBuilder,
    sync: () => mirror.sync(),
    syncedState: () => context.globalState.get(SYNC_KEY),
    seedDemo: async (file) => {
      const j = shell.store.journal;
      if (j.attempts.length + j.people.length + j.skills.length > 0 || shell.store.readOnly) return;
      await applyImport(deps, await readJournalFile(vscode.Uri.file(file)), 'merge');
    },
  };
};
