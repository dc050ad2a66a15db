/**
 * Sponsors: someone who speaks up for you, not only advises. mentoring.markSponsor moves a person to
 * (or from) the sponsor stage; mentoring.logAdvocacy records that they advocated for you. Both work
 * from the Portfolio view, the palette, and with an argument ({ personId, … }), which asks nothing.
 */
import * as vscode from 'vscode';
import { logAdvocacy } from '../domain/sponsors';
import { personIdOfNode } from '../views/nodes';
import { invocation, type Deps } from './deps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { markSponsor } from '../domain/sessions';
import { orgLabel, seniorityLabel } from '../views/labels';
import { registerCommand } from '../shell/commandHandlers';

export function registerSponsorCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.markSponsor,
      guarded(async (arg) => {
        const how = invocation(Commands.markSponsor, arg);
        const personId =
          how.kind === 'argument' ? how.arg.personId : (how.kind === 'tree' ? personIdOfNode(how.node) : undefined) ?? (await pickPerson(deps, vscode.l10n.t('Mark as Potential Sponsor')));
        const current = deps.store.journal.people.find((p) => p.id === personId);
        // With an argument: sponsor (default true) says which way; from the view or the palette it toggles.
        const sponsor = how.kind === 'argument' ? (how.arg.sponsor ?? true) : !current?.sponsor;
        await deps.store.change((j) => {
          const r = markSponsor(j, personId, sponsor);
          return r.ok ? { ok: true, value: r.value.journal } : r;
        });
        return { personId, sponsor };
      }),
    ),
    registerCommand(
      Commands.logAdvocacy,
      guarded(async (arg) => {
        const how = invocation(Commands.logAdvocacy, arg);
        const programmatic = how.kind === 'argument';
        const personId = how.kind === 'argument' ? how.arg.personId : (how.kind === 'tree' ? personIdOfNode(how.node) : undefined) ?? (await pickPerson(deps, vscode.l10n.t('Log Advocacy')));
        let detail: string;
        if (how.kind === 'argument') detail = how.arg.detail;
        else {
          const name = deps.store.journal.people.find((p) => p.id === personId)?.name ?? vscode.l10n.t('they');
          const answer = await vscode.window.showInputBox({
            title: vscode.l10n.t('What did {0} do for you?', name),
            prompt: vscode.l10n.t('e.g. "Recommended me for the Q3 planning lead in the staff meeting"'),
            ignoreFocusOut: true,
            validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A few words, please.')),
          });
          if (answer === undefined) throw new Cancelled();
          detail = answer;
        }
        await deps.store.change((j) => {
          const r = logAdvocacy(j, personId, detail, deps.clock());
          return r.ok ? { ok: true, value: r.value.journal } : r;
        });
        if (!programmatic) void vscode.window.showInformationMessage(vscode.l10n.t('Noted. Tell them what came of it — sponsors like to know.'));
        return { personId };
      }),
    ),
  );
}

async function pickPerson(deps: Deps, title: string): Promise<string> {
  const people = deps.store.journal.people;
  if (people.length === 0) throw new CommandError(vscode.l10n.t('{0}: there is no one in your journal yet.', title));
  const picked = await vscode.window.showQuickPick(
    people.map((p) => ({ label: p.name, description: [orgLabel(p.org), seniorityLabel(p.seniority), ...(p.sponsor ? [vscode.l10n.t('sponsor')] : [])].join(' · '), id: p.id })),
    { title, placeHolder: vscode.l10n.t('Who?'), ignoreFocusOut: true },
  );
  if (!picked) throw new Cancelled();
  return picked.id;
}
