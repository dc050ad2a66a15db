/**
 * What the activation bundle and the features bundle (src/features.ts, loaded on first use) hand each other.
 * Declared here, in the shell, so the shell never imports the app it loads.
 */
import type * as vscode from 'vscode';
import type { Clock } from '../domain/dates';
import type { JournalStore } from '../storage/journalStore';
import type { ReadOnlyTexts } from './readOnlyTexts';

/** What the activation bundle hands over: the store, the clock, the settings and the view. */
export interface ShellDeps {
  store: JournalStore;
  clock: Clock;
  nudgeAfterDays(): number;
  defaultSessions(): number;
  syncEnabled(): boolean;
  /** Reveals an attempt in the Outreach view after a change (no-op when the view is hidden). */
  reveal?(attemptId: string): void;
  /** Shows text that is not a draft (a session plan, a follow-up) read-only: closing it asks nothing. */
  texts: ReadOnlyTexts;
}

/** The open builder, as far as the tests' hook needs it. */
export interface OpenBuilder {
  controller: { receive(message: unknown): Promise<void>; readonly isReady: boolean; readonly hasRendered: boolean };
}

export interface Features {
  /** Brings the builder back after a reload (the serializer registered at activation calls this). */
  reviveBuilder(panel: vscode.WebviewPanel): void;
  /** The builder panel open now, if any (tests); opens nothing. */
  currentBuilder(): OpenBuilder | undefined;
  /** Runs the sync mirror now: started when `mentoring.sync` is on, merged with what another machine synced. */
  sync(): Promise<void>;
  /** The synced globalState value (tests). */
  syncedState(): unknown;
  /** `npm start`'s demo journal, imported once into an empty journal. */
  seedDemo(file: string): Promise<void>;
}

/** dist/features.js's exports. */
export interface FeaturesBundle {
  start(context: vscode.ExtensionContext, shell: ShellDeps): Features;
}
