/** Export and import of the journal (JSON and a readable Markdown report), and rescue of damaged data. */
import * as vscode from 'vscode';
import { formatProblems, parseJournalText, type Journal } from '../domain/journal';
import { describeCounts, planImport, type ImportMode, type ImportPlan } from '../domain/importPlan';
import type { ExportFormat } from './args';
import { checkedArg, invocation, today, uriFrom, type Deps } from './deps';
import { backupCounts, backupTime, salvageJournal } from '../domain/salvage';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { journalToMarkdown } from '../domain/report';
import { dates, dateTimeLabel } from '../views/labels';
import { registerCommand } from '../shell/commandHandlers';

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function registerJournalFileCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.exportJournal,
      guarded(async (arg) => {
        const how = invocation(Commands.exportJournal, arg);
        // From the view's title menu (a tree node) as from the palette: the save dialog.
        const { uri, format } = how.kind === 'argument' ? { uri: uriFrom(how.arg.uri), format: how.arg.format } : await askExportTarget();
        const content = exportContent(context, deps, format);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
        if (how.kind !== 'argument') {
          const open = vscode.l10n.t('Open');
          void vscode.window.showInformationMessage(vscode.l10n.t('Journal exported to {0}.', uri.fsPath || uri.toString()), open).then((c) => {
            if (c === open) void vscode.window.showTextDocument(uri);
          });
        }
        return uri;
      }),
    ),
    registerCommand(
      Commands.importJournal,
      guarded(async (arg) => {
        const how = invocation(Commands.importJournal, arg);
        if (how.kind === 'argument') {
          const incoming = await readJournalFile(uriFrom(how.arg.uri));
          const plan = await applyImport(deps, incoming, how.arg.mode ?? 'merge');
          return summary(plan);
        }
        // From the view's title menu (a tree node) as from the palette: the open dialog, then Merge / Replace.
        const uri = await askImportSource();
        const incoming = await readJournalFile(uri);
        const mode = await confirmImport(deps, incoming, uri.path.split('/').pop() ?? '');
        const plan = await applyImport(deps, incoming, mode);
        void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}: {1}', uri.path.split('/').pop() ?? '', summary(plan)));
        return summary(plan);
      }),
    ),
    registerCommand(
      Commands.exportDamagedData,
      guarded(checkedArg(Commands.exportDamagedData, async (arg) => {
        const key = arg ? namedBackup(deps, arg.key) : await pickBackup(deps, vscode.l10n.t('Export which damaged journal?'));
        const uri = arg
          ? uriFrom(arg.uri)
          : await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export the damaged journal data'), defaultUri: defaultUri('mentoring-journal-damaged.json'), filters: { JSON: ['json'] } });
        if (!uri) throw new Cancelled();
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(deps.store.backup(key), null, 2) + '\n'));
        return uri;
      })),
    ),
    registerCommand(
      Commands.restoreDamagedData,
      guarded(checkedArg(Commands.restoreDamagedData, async (arg) => {
        const key = arg ? namedBackup(deps, arg.key) : await pickBackup(deps, vscode.l10n.t('Restore which damaged journal?'));
        const salvage = salvageJournal(deps.store.backup(key));
        if (!salvage.ok) throw new CommandError(vscode.l10n.t('This damaged journal cannot be restored: {0}. Export it to a file to look at it.', salvage.reason));
        const repairs = salvage.repairs.length === 0 ? [] : [vscode.l10n.t('To make it valid: {0}', salvage.repairs.slice(0, 5).join('; ') + (salvage.repairs.length > 5 ? ` (+${salvage.repairs.length - 5})` : ''))];
        const mode = arg ? (arg.mode ?? 'merge') : await confirmImport(deps, salvage.journal, vscode.l10n.t('the damaged journal'), repairs);
        const plan = await applyImport(deps, salvage.journal, mode);
        if (!arg) void vscode.window.showInformationMessage(vscode.l10n.t('Restored the damaged journal: {0}', summary(plan)));
        return { summary: summary(plan), repairs: salvage.repairs };
      })),
    ),
  );
}

/** The damaged journal named by an argument's `key` (the newest without one); an unknown key is refused. */
function namedBackup(deps: Deps, key: string | undefined): string {
  const keys = deps.store.damagedKeys();
  if (keys.length === 0) throw new CommandError(vscode.l10n.t('There is no damaged journal data.'));
  if (key === undefined) return keys[keys.length - 1] as string;
  if (!keys.includes(key)) throw new CommandError(vscode.l10n.t('No damaged journal is kept under {0}; there are: {1}.', JSON.stringify(key), keys.join(', ')));
  return key;
}

/** Every damaged journal set aside, newest first, with its date and what it holds; one is picked (or the only one). */
async function pickBackup(deps: Deps, title: string): Promise<string> {
  const keys = deps.store.damagedKeys();
  if (keys.length === 0) throw new CommandError(vscode.l10n.t('There is no damaged journal data.'));
  if (keys.length === 1) return keys[0] as string;
  const items = [...keys].reverse().map((key) => {
    const when = backupTime(key);
    const c = backupCounts(deps.store.backup(key));
    return {
      key,
      label: when ? dateTimeLabel(when) : key,
      description: vscode.l10n.t('{0} attempts, {1} people, {2} skill areas', c.attempts, c.people, c.skills),
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Set aside at startup because it failed validation; newest first') });
  if (!picked) throw new Cancelled();
  return picked.key;
}

type CalendarModule = { journalToIcs(journal: Journal, options: { now: Date }): string };

/** The export in `format`; the report and the calendar code are loaded only now. */
function exportContent(context: vscode.ExtensionContext, deps: Deps, format: ExportFormat): string {
  const journal = deps.store.journal;
  if (format === 'json') return journalJson(journal);
  if (format === 'markdown') return journalToMarkdown(journal, { today: today(deps), nudgeAfterDays: deps.nudgeAfterDays(), dates: dates() });
  // A bundle of its own (dist/calendar.js, with ical-generator), so the extension's main bundle stays small.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path on first use
  const calendar = require(vscode.Uri.joinPath(context.extensionUri, 'dist', 'calendar.js').fsPath) as CalendarModule;
  return calendar.journalToIcs(journal, { now: deps.clock() });
}

export function journalJson(journal: Journal): string {
  return JSON.stringify(journal, null, 2) + '\n';
}

function defaultUri(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}

async function askExportTarget(): Promise<{ uri: vscode.Uri; format: ExportFormat }> {
  const uri = await vscode.window.showSaveDialog({
    // The file name's extension decides the format: said in the title and in each filter's name.
    title: vscode.l10n.t('Export the Mentoring Outreach journal — the file name picks the format: .json, .md or .ics'),
    defaultUri: defaultUri('mentoring-journal.json'),
    filters: {
      [vscode.l10n.t('Journal to import again (.json)')]: ['json'],
      [vscode.l10n.t('Readable report (.md)')]: ['md'],
      [vscode.l10n.t('Calendar of sessions and ask-again dates (.ics)')]: ['ics'],
    },
  });
  if (!uri) throw new Cancelled();
  return { uri, format: /\.(md|markdown)$/i.test(uri.path) ? 'markdown' : /\.(ics|ical)$/i.test(uri.path) ? 'ics' : 'json' };
}

async function askImportSource(): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import a Mentoring Outreach journal'),
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { [vscode.l10n.t('Journal (JSON)')]: ['json'] },
  });
  if (!picked?.[0]) throw new Cancelled();
  return picked[0];
}

/** Reads and fully validates a journal file. Throws a CommandError naming the first problems. */
export async function readJournalFile(uri: vscode.Uri): Promise<Journal> {
  const name = uri.path.split('/').pop() ?? uri.toString();
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_IMPORT_BYTES) throw new CommandError(vscode.l10n.t('Cannot import {0}: it is {1} MB, more than the 5 MB a journal may have. Nothing was changed.', name, (stat.size / 1024 / 1024).toFixed(1)));
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError(vscode.l10n.t('Cannot import {0}: {1}. Nothing was changed.', name, (e as Error).message));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CommandError(vscode.l10n.t('Cannot import {0}: it is not UTF-8 text. Nothing was changed.', name));
  }
  const parsed = parseJournalText(text);
  if (!parsed.ok) {
    if (parsed.newerVersion !== undefined) {
      throw new CommandError(vscode.l10n.t('Cannot import {0}: it was written by a newer version of Mentoring Outreach (format {1}). Update the extension first. Nothing was changed.', name, parsed.newerVersion));
    }
    throw new CommandError(vscode.l10n.t('Cannot import {0}: {1}. Nothing was changed.', name, formatProblems(parsed.errors)));
  }
  return parsed.journal;
}

async function confirmImport(deps: Deps, incoming: Journal, name: string, notes: readonly string[] = []): Promise<ImportMode> {
  const current = deps.store.journal;
  const merge = planImport(current, incoming, 'merge');
  const replace = planImport(current, incoming, 'replace');
  const isEmpty = current.attempts.length + current.people.length + current.skills.length === 0;
  const lines: string[] = [...notes];
  if (merge.ok) {
    lines.push(vscode.l10n.t('Merge adds {0}.', describeCounts(merge.plan.added)));
    const renamed = describeCounts(merge.plan.renamed);
    if (renamed !== 'nothing') lines.push(vscode.l10n.t('{0} get a new id to avoid a clash with different records of yours that use the same id.', renamed));
    const skipped = describeCounts(merge.plan.skipped);
    if (skipped !== 'nothing') lines.push(vscode.l10n.t('{0} already in your journal stay as they are.', skipped));
  } else lines.push(merge.reason);
  if (!isEmpty && replace.ok) {
    const removed = describeCounts(replace.plan.removed);
    lines.push(
      removed !== 'nothing'
        ? vscode.l10n.t('Replace makes your journal exactly the file, removing {0} it does not have.', removed)
        : vscode.l10n.t('Replace makes your journal exactly the file.'),
    );
  }
  const importButton = vscode.l10n.t('Import');
  const mergeButton = vscode.l10n.t('Merge');
  const replaceButton = vscode.l10n.t('Replace');
  const buttons = isEmpty ? [importButton] : merge.ok ? [mergeButton, replaceButton] : [replaceButton];
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Import {0}?', name), { modal: true, detail: lines.join('\n') }, ...buttons);
  if (answer === replaceButton) return 'replace';
  if (answer === mergeButton || answer === importButton) return 'merge';
  throw new Cancelled();
}

/** Plans against the latest journal inside the write queue, so nothing written meanwhile is lost. */
export async function applyImport(deps: Deps, incoming: Journal, mode: ImportMode): Promise<ImportPlan> {
  let plan: ImportPlan | undefined;
  await deps.store.change((current) => {
    const planned = planImport(current, incoming, mode);
    if (!planned.ok) return { ok: false, reason: vscode.l10n.t('{0}. Nothing was changed.', planned.reason) };
    plan = planned.plan;
    return { ok: true, value: planned.plan.result };
  });
  if (!plan) throw new Error('import plan missing');
  return plan;
}

function summary(plan: ImportPlan): string {
  if (plan.mode === 'replace') {
    const removed = describeCounts(plan.removed);
    return removed !== 'nothing'
      ? vscode.l10n.t('journal replaced ({0} new, {1} removed).', describeCounts(plan.added), removed)
      : vscode.l10n.t('journal replaced ({0} new).', describeCounts(plan.added));
  }
  const skipped = describeCounts(plan.skipped);
  const added =
    skipped !== 'nothing'
      ? vscode.l10n.t('added {0}; kept your existing {1}.', describeCounts(plan.added), skipped)
      : vscode.l10n.t('added {0}.', describeCounts(plan.added));
  const renamed = describeCounts(plan.renamed);
  return renamed !== 'nothing' ? `${added} ${vscode.l10n.t('{0} renamed to avoid a clash.', renamed)}` : added;
}
