import * as vscode from 'vscode';
import { StoreRefusal } from '../storage/journalStore';
import { isProgrammatic } from './invocation';

/** A bad command argument or a refused change: reported to the user, rejected for callers. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/** The user dismissed a prompt: not an error, nothing to report. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Wraps a command handler. Refusals are shown as an error message; programmatic callers (anything but
 * no argument or one of our tree nodes, told apart by type in args.ts — a wrong argument such as null or a
 * bare string included) also get a rejected promise, never a prompt. Cancellation resolves to undefined.
 */
export function guarded<R>(
  handler: (arg: unknown) => Promise<R>,
): (arg?: unknown) => Promise<R | undefined> {
  return async (arg?: unknown) => {
    try {
      return await handler(arg);
    } catch (e) {
      if (e instanceof Cancelled) return undefined;
      const known = e instanceof CommandError || e instanceof StoreRefusal;
      const message = known ? (e as Error).message : vscode.l10n.t('Mentoring Outreach: something went wrong — {0}', (e as Error)?.message ?? String(e));
      void vscode.window.showErrorMessage(message);
      if (isProgrammatic(arg)) throw e instanceof Error ? e : new Error(message);
      if (!known) console.error('[mentoring]', e);
      return undefined;
    }
  };
}
