/**
 * activate(): builds the store, registers the view and the commands — nothing else.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { localDate, type Clock } from './domain/dates';
import type { Journal } from './domain/journal';
import { DEFAULT_NUDGE_AFTER_DAYS } from './domain/outreach';
import { DAMAGED_PREFIX, describeDamage, JournalStore, type LoadOutcome } from './storage/journalStore';
import { GroupNode, OutreachTreeProvider, type OutreachNode } from './views/outreachTree';
import { TreeNode } from './views/nodes';
import type { Deps } from './commands/context';
import { registerAttemptCommands } from './commands/attempts';
import { applyImport, readJournalFile, registerJournalFileCommands } from './commands/journalFiles';
import { registerDraftRequest } from './commands/draftRequest';
import { Commands } from './commands/ids';
import { openBuilder, registerBuilder } from './commands/builder';
import { registerRequestDiagnostics } from './diagnostics/requestDiagnostics';
import { registerResponseCommands } from './commands/responses';
import { registerSponsorCommands } from './commands/sponsors';
import { PortfolioTreeProvider, type PortfolioNode } from './views/portfolioTree';
import { SYNC_KEY, SyncMirror } from './storage/syncMirror';
import { Reminders } from './views/reminders';
import { UserTemplates } from './templating/userTemplates';

/**
 * What `activate` returns: read access for other extensions. The journal is deep-frozen (read-only).
 * In ExtensionMode.Test only, the test hooks of MentoringTestApi are there too.
 */
export interface MentoringApi {
  journal(): Readonly<Journal>;
  onDidChange(listener: (journal: Journal) => void): vscode.Disposable;
  /** The status-bar text of what is due ('' when nothing is). */
  dueStatus(): string;
}

/** The API in ExtensionMode.Test: the hooks the integration tests drive. Never present for users. */
export interface MentoringTestApi extends MentoringApi {
  /** Pretend the time is `now` (undefined = the real clock). Refreshes the view. */
  setNow(now: Date | string | undefined): void;
  /**
   * Tests only: hands `message` to the open builder exactly as if its webview had posted it (it is
   * validated like any webview message). False when no builder is open.
   */
  builderMessage(message: unknown): Promise<boolean>;
  /** Tests only: runs the sync mirror now (merge what another machine synced, mirror this journal). */
  syncNow(): Promise<void>;
  /** Tests only: the value in the synced globalState key (undefined while sync is off and never used). */
  syncedState(): unknown;
  /** Tests only: stores `value` in the synced key as Settings Sync would, then syncs. */
  simulateSyncedState(value: unknown): Promise<void>;
  /** Tests only: keeps `value` as a damaged journal set aside under `key` (after DAMAGED_PREFIX), as a quarantine at startup would. */
  setAsideDamaged(key: string, value: unknown): Promise<void>;
  /**
   * Tests only: the elements of the Outreach (`'outreach'`) or the Portfolio (`'portfolio'`) view under `parent`
   * (the roots without) — what VS Code hands a command run from that view.
   */
  treeNodes(view: 'outreach' | 'portfolio', parent?: unknown): readonly object[];
}

export async function activate(context: vscode.ExtensionContext): Promise<MentoringApi | MentoringTestApi> {
  let fixedNow: Date | undefined;
  const clock: Clock = () => fixedNow ?? new Date();
  const config = () => vscode.workspace.getConfiguration('mentoring');
  const nudgeAfterDays = () => clampInt(config().get<number>('nudgeAfterDays'), 1, 365, DEFAULT_NUDGE_AFTER_DAYS);
  const defaultSessions = () => clampInt(config().get<number>('defaultSessions'), 1, 6, 3);

  const { store, outcome } = await JournalStore.open(context.workspaceState);
  openStore = store;
  context.subscriptions.push(store);

  const tree = new OutreachTreeProvider(store, { today: () => localDate(clock()), nudgeAfterDays });
  const view = vscode.window.createTreeView<OutreachNode>('mentoring.outreach', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(tree, view);

  const log = vscode.window.createOutputChannel('Mentoring Outreach', { log: true });
  const templates = new UserTemplates(vscode.Uri.joinPath(context.extensionUri, 'dist', 'templateCompiler.js').fsPath, (message) => {
    log.warn(message);
    void vscode.window.showWarningMessage(message);
  });
  context.subscriptions.push(log, templates);

  const deps: Deps = {
    store,
    clock,
    nudgeAfterDays,
    templates,
    reveal: (attemptId) => {
      if (!view.visible) return;
      const node = tree.attemptNode(attemptId);
      if (node) void view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
    },
  };

  const reminders = new Reminders({
    journal: () => store.journal,
    today: () => localDate(clock()),
    nudgeAfterDays,
    memento: context.workspaceState,
    // The attempt's row as the view has it, exactly as if the person had used its menu (gone meanwhile: pick one).
    followUp: (attemptId) => vscode.commands.executeCommand(Commands.draftFollowUp, tree.attemptNode(attemptId)),
  });
  context.subscriptions.push(
    reminders,
    vscode.commands.registerCommand(Commands.showDue, async () => {
      await vscode.commands.executeCommand('mentoring.outreach.focus');
      const due = tree.getChildren().find((n) => n instanceof GroupNode && n.group === 'due');
      if (due) await view.reveal(due, { expand: true, select: true, focus: true }).then(undefined, () => undefined);
    }),
  );

  // Context keys are sent only when their value changes (each is a round trip to the workbench).
  const sentContext = new Map<string, boolean>();
  const setContext = (key: string, value: boolean) => {
    if (sentContext.get(key) === value) return;
    sentContext.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const updateViewState = () => {
    const journal = store.journal;
    const due = reminders.update();
    view.badge = due > 0 ? { value: due, tooltip: due === 1 ? vscode.l10n.t('1 outreach attempt due') : vscode.l10n.t('{0} outreach attempts due', due) } : undefined;
    view.message = store.readOnly;
    const focus = journal.focusSkillId;
    setContext('mentoring.noAttempts', journal.attempts.length === 0);
    // The walkthrough's steps are completed by doing them.
    setContext('mentoring.hasFocus', focus !== null);
    setContext('mentoring.hasPeople', focus !== null && journal.people.some((p) => p.skillIds.includes(focus)));
    setContext('mentoring.hasRequest', journal.attempts.length > 0);
    setContext('mentoring.noSkills', journal.skills.length === 0);
    setContext('mentoring.hasAnswer', journal.attempts.some((a) => a.events.some((e) => e.kind === 'response')));
    setContext('mentoring.hasDamagedData', store.damagedKeys().length > 0);
  };
  context.subscriptions.push(store.onDidChange(updateViewState));
  updateViewState();

  registerAttemptCommands(context, deps);
  registerJournalFileCommands(context, deps);
  registerDraftRequest(context, deps, defaultSessions);

  registerBuilder(context, deps, { defaultSessions, templates, log });
  registerRequestDiagnostics(context, log);
  registerResponseCommands(context, deps);
  registerSponsorCommands(context, deps);

  // Opt-in sync: the journal mirrored into a globalState key that Settings Sync carries between machines.
  const syncMirror = new SyncMirror({
    store,
    local: context.workspaceState,
    remote: context.globalState,
    enabled: () => config().get<boolean>('sync', false) === true,
    now: clock,
    damagedKeys: () => store.damagedKeys(),
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
    syncMirror,
    // Settings Sync updates globalState without an event: look again whenever the window gets focus.
    vscode.window.onDidChangeWindowState((w) => {
      if (w.focused) void syncMirror.sync();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mentoring.sync')) void syncMirror.sync();
    }),
  );
  void syncMirror.sync();

  const portfolioTree = new PortfolioTreeProvider(store);
  context.subscriptions.push(portfolioTree, vscode.window.createTreeView('mentoring.portfolio', { treeDataProvider: portfolioTree, showCollapseAll: true }));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mentoring.nudgeAfterDays') || e.affectsConfiguration('mentoring.reminders.enabled')) {
        tree.refresh();
        updateViewState();
      }
    }),
    midnightRefresh(clock, () => {
      tree.refresh();
      updateViewState();
    }),
  );

  reportLoad(outcome);
  void seedDemoJournal(deps);

  const setNow = (now: Date | string | undefined) => {
    fixedNow = now === undefined ? undefined : new Date(now);
    tree.refresh();
    updateViewState();
  };
  const testClock = process.env.MENTORING_TEST_CLOCK_FILE;
  if (testClock) context.subscriptions.push(watchTestClock(testClock, setNow));

  // Other extensions read the journal as the store holds it: deep-frozen, so it cannot be changed behind the store's back.
  const api: MentoringApi = {
    journal: () => store.journal,
    onDidChange: (listener) => store.onDidChange(listener),
    dueStatus: () => reminders.statusText,
  };
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  return {
    ...api,
    syncNow: () => syncMirror.sync(),
    syncedState: () => context.globalState.get(SYNC_KEY),
    setAsideDamaged: async (key, value) => {
      await context.workspaceState.update(`${DAMAGED_PREFIX}${key}`, value);
      updateViewState();
    },
    simulateSyncedState: async (value) => {
      await context.globalState.update(SYNC_KEY, value);
      await syncMirror.sync();
    },
    builderMessage: async (message) => {
      const panel = openBuilder();
      if (!panel) return false;
      await panel.controller.receive(message);
      return true;
    },
    setNow,
    treeNodes: (which, parent) => {
      const node = parent instanceof TreeNode ? parent : undefined;
      return which === 'outreach' ? tree.getChildren(node as OutreachNode | undefined) : portfolioTree.getChildren(node as PortfolioNode | undefined);
    },
  };
}

/** The store, for deactivate(): changes not yet written are flushed before the window closes. */
let openStore: JournalStore | undefined;

/** VS Code waits for the returned promise (for a few seconds on shutdown): the last changes are written. */
export function deactivate(): Promise<void> | undefined {
  // Everything else is disposed through context.subscriptions.
  return openStore?.settled();
}

function reportLoad(outcome: LoadOutcome): void {
  if (outcome.kind === 'damaged') {
    const restore = vscode.l10n.t('Restore What It Holds…');
    const action = vscode.l10n.t('Export the damaged data to a file');
    void vscode.window.showWarningMessage(describeDamage(outcome), restore, action).then((choice) => {
      if (choice === restore) void vscode.commands.executeCommand(Commands.restoreDamagedData);
      if (choice === action) void vscode.commands.executeCommand(Commands.exportDamagedData);
    });
  } else if (outcome.kind === 'newer') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Your Mentoring Outreach journal was saved by a newer version of the extension (format {0}). It is read-only until you update.', outcome.version),
    );
  }
}

/**
 * `npm start` sets MENTORING_SEED_JOURNAL to a demo journal; it is imported once, into an empty
 * journal only — it never touches a journal the user has started.
 */
async function seedDemoJournal(deps: Deps): Promise<void> {
  const file = process.env.MENTORING_SEED_JOURNAL;
  const j = deps.store.journal;
  if (!file || j.attempts.length + j.people.length + j.skills.length > 0 || deps.store.readOnly) return;
  try {
    await applyImport(deps, await readJournalFile(vscode.Uri.file(file)), 'merge');
  } catch (e) {
    console.error('[mentoring] demo journal not loaded:', (e as Error).message);
  }
}

/**
 * End-to-end tests run the extension as a user has it, so they cannot call setNow: when the test
 * harness sets MENTORING_TEST_CLOCK_FILE, the clock is whatever date-time that file holds (checked
 * every 200 ms). Users never set it; without it the real clock is used.
 */
function watchTestClock(file: string, setNow: (now: string | undefined) => void): vscode.Disposable {
  const read = () => {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8').trim();
    } catch {
      /* no file: the real clock */
    }
    setNow(text && !Number.isNaN(Date.parse(text)) ? text : undefined);
  };
  read();
  fs.watchFile(file, { interval: 200 }, read);
  return { dispose: () => fs.unwatchFile(file, read) };
}

/** Due flags depend on the date: refresh just after each local midnight while VS Code stays open. */
function midnightRefresh(clock: Clock, refresh: () => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    const now = clock();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    timer = setTimeout(() => {
      refresh();
      schedule();
    }, Math.max(1_000, next.getTime() - now.getTime()));
  };
  schedule();
  return { dispose: () => clearTimeout(timer) };
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
