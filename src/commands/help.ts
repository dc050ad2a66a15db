/** mentoring.gettingStarted — the walkthrough, reachable at any time (the view's welcome content shows only while the journal is empty). */
import * as vscode from 'vscode';
import { guarded } from '../shell/errors';
import { Commands, WALKTHROUGH_ID } from '../shell/ids';
import type { Deps } from './deps';
import { registerCommand } from '../shell/commandHandlers';

export function registerHelpCommands(context: vscode.ExtensionContext, _deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.gettingStarted,
      // Takes nothing: from the palette or a view's menu (whatever row is focused) it opens the same walkthrough.
      guarded(async () => {
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
      }),
    ),
  );
}
