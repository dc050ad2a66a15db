/**
 * The features' command handlers, by command id. The activation bundle registers every command of the features
 * once, as a stand-in (lazyFeatures.ts), and keeps that registration: when the features load, each command module
 * puts its handler here (registerCommand below) instead of registering the command with VS Code again, and the
 * stand-in calls it. So the first use of a command sends the workbench nothing about commands (re-registering was
 * ~40 messages to the window — 19 stand-ins withdrawn, 19 commands registered — on the way to the first thing a
 * person asked for). A command that has no stand-in is registered with VS Code as usual.
 */
import * as vscode from 'vscode';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a command's arguments are whatever its caller passes
type Handler = (...args: any[]) => unknown;

const handlers = new Map<string, Handler>();
let standIns: ReadonlySet<string> = new Set();

/** The ids the activation bundle has registered as stand-ins (until `clear()`). */
export function useStandIns(ids: readonly string[]): void {
  standIns = new Set(ids);
}

/** Forgets every stand-in and handler (the extension is deactivating). */
export function clearCommandHandlers(): void {
  standIns = new Set();
  handlers.clear();
}

/** Forgets the handlers but keeps the stand-ins (the features failed to start: the next use starts them again). */
export function forgetHandlers(): void {
  handlers.clear();
}

/** What the features call instead of `vscode.commands.registerCommand`; disposing it removes the handler. */
export function registerCommand(id: string, handler: Handler): vscode.Disposable {
  if (!standIns.has(id)) return vscode.commands.registerCommand(id, handler);
  if (handlers.has(id)) throw new Error(`command '${id}' already has a handler`);
  handlers.set(id, handler);
  return new vscode.Disposable(() => {
    if (handlers.get(id) === handler) handlers.delete(id);
  });
}

/** The handler the features registered for `id`, if they have. */
export function commandHandler(id: string): Handler | undefined {
  return handlers.get(id);
}
