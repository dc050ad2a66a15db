/** What a person is told when the stored journal could not be used as it was at startup. */
import * as vscode from 'vscode';
import { describeDamage, type LoadOutcome } from '../storage/journalStore';
import { Commands } from './ids';

export function reportLoad(outcome: LoadOutcome): void {
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
