/**
 * What the tests drive, and only they: the API's test hooks (ExtensionMode.Test only) and the test clock
 * of the end-to-end ring (MENTORING_TEST_CLOCK_FILE, which users never set).
 */
import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import type { Journal } from '../domain/journal';
import { DAMAGED_PREFIX } from '../storage/journalStore';
import { SYNC_KEY } from '../storage/syncKeys';
import { TreeNode } from '../views/nodes';
import type { LazyFeatures } from './lazyFeatures';

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
   * Hands `message` to the open builder exactly as if its webview had posted it (it is validated like any
   * webview message). False when no builder is open.
   */
  builderMessage(message: unknown): Promise<boolean>;
  /** True once the open builder's webview has said it is ready (its own "ready" would rebind the form after). */
  builderReady(): boolean;
  /** True once the open builder's webview has shown the journal's data (its "rendered" message). */
  builderRendered(): boolean;
  /** Runs the sync mirror now (merge what another machine synced, mirror this journal). */
  syncNow(): Promise<void>;
  /** The value in the synced globalState key (undefined while sync is off and never used). */
  syncedState(): unknown;
  /** Stores `value` in the synced key as Settings Sync would, then syncs. */
  simulateSyncedState(value: unknown): Promise<void>;
  /** Keeps `value` as a damaged journal set aside under `key` (after DAMAGED_PREFIX), as a quarantine at startup would. */
  setAsideDamaged(key: string, value: unknown): Promise<void>;
  /**
   * The elements of the Outreach (`'outreach'`) or the Portfolio (`'portfolio'`) view under `parent` (the roots
   * without) — what VS Code hands a command run from that view.
   */
  treeNodes(view: 'outreach' | 'portfolio', parent?: unknown): readonly object[];
  /** True once the features bundle (every command) has been loaded. */
  featuresLoaded(): boolean;
}

/**
 * End-to-end tests run the extension as a user has it, so they cannot call setNow: when the test harness
 * sets MENTORING_TEST_CLOCK_FILE, the clock is whatever date-time that file holds (checked every 200 ms).
 */
export function watchTestClock(file: string, setNow: (now: string | undefined) => void): vscode.Disposable {
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

/** What the test hooks reach: the lazily loaded features, the two trees, the workspace and synced state. */
export interface TestHookParts {
  context: vscode.ExtensionContext;
  features: LazyFeatures;
  setNow(now: Date | string | undefined): void;
  /** Refreshes what the workbench shows (status bar, badge, context keys). */
  refresh(): void;
  treeNodes(view: 'outreach' | 'portfolio', parent: TreeNode | undefined): readonly object[];
}

/** The API with its test hooks — built only in ExtensionMode.Test. */
export function withTestHooks(api: MentoringApi, parts: TestHookParts): MentoringTestApi {
  const { context, features } = parts;
  return {
    ...api,
    setNow: parts.setNow,
    syncNow: () => features.load().sync(),
    syncedState: () => features.load().syncedState(),
    simulateSyncedState: async (value) => {
      const loaded = features.load(); // the mirror is watching before the other machine's value lands
      await context.globalState.update(SYNC_KEY, value);
      await loaded.sync();
    },
    setAsideDamaged: async (key, value) => {
      await context.workspaceState.update(`${DAMAGED_PREFIX}${key}`, value);
      parts.refresh();
    },
    builderMessage: async (message) => {
      const panel = features.loaded ? features.load().currentBuilder() : undefined;
      if (panel) await panel.controller.receive(message);
      return panel !== undefined;
    },
    builderReady: () => (features.loaded ? features.load().currentBuilder()?.controller.isReady === true : false),
    builderRendered: () => (features.loaded ? features.load().currentBuilder()?.controller.hasRendered === true : false),
    treeNodes: (which, parent) => parts.treeNodes(which, parent instanceof TreeNode ? parent : undefined),
    featuresLoaded: () => features.loaded,
  };
}
