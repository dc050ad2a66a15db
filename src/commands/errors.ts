import * as vscode from 'vscode';
import { StoreRefusal } from '../storage/journalStore';

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
 * Wraps a command handler. Refusals are shown as an error message; programmatic callers (who
 * passed an argument object) also get a rejected promise. Cancellation resolves to undefined.
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

/**
 * Any argument other than undefined or one of our tree nodes means a program is calling
 * (including a wrong one such as a bare string): it gets a rejected promise, never a prompt.
 */
export function isProgrammatic(arg: unknown): boolean {
  if (arg === undefined) return false;
  if (typeof arg !== 'object' || arg === null) return true;
  return !(arg instanceof vscode.TreeItem) && !('nodeType' in arg);
}
