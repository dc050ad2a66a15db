/** Export and import of the journal (JSON and a readable Markdown report), and rescue of damaged data. */
import * as vscode from 'vscode';
import { formatProblems, parseJournalText, type Journal } from '../domain/journal';
import { describeCounts, planImport, type ImportMode, type ImportPlan } from '../domain/importPlan';
import { today, uriFrom, type Deps } from './context';
import { Cancelled, CommandError, guarded } from './errors';
import { Commands } from './ids';
import { lazy } from '../util/lazy';

/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type ExportFormat = 'json' | 'markdown' | 'ics';
const FORMATS: readonly ExportFormat[] = ['json', 'markdown', 'ics'];

export function registerJournalFileCommands(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.exportJournal,
      guarded(async (arg) => {
        const { uri, format } = arg === undefined ? await askExportTarget() : exportArg(arg);
        const content = exportContent(context, deps, format);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
        if (arg === undefined) {
          void vscode.window.showInformationMessage(`Journal exported to ${uri.fsPath || uri.toString()}.`, 'Open').then((c) => {
            if (c === 'Open') void vscode.window.showTextDocument(uri);
          });
        }
        return uri;
      }),
    ),
    vscode.commands.registerCommand(
      Commands.importJournal,
      guarded(async (arg) => {
        if (arg !== undefined) {
          const { uri, mode } = importArg(arg);
          const incoming = await readJournalFile(uri);
          const plan = await applyImport(deps, incoming, mode);
          return summary(plan);
        }
        const uri = await askImportSource();
        const incoming = await readJournalFile(uri);
        const mode = await confirmImport(deps, incoming, uri);
        const plan = await applyImport(deps, incoming, mode);
        void vscode.window.showInformationMessage(`Imported ${uri.path.split('/').pop()}: ${summary(plan)}`);
        return summary(plan);
      }),
    ),
    vscode.commands.registerCommand(
      Commands.exportDamagedData,
      guarded(async (arg) => {
        const keys = deps.store.damagedKeys();
        if (keys.length === 0) throw new CommandError('There is no damaged journal data to export.');
        const key = keys[keys.length - 1] as string;
        const uri =
          arg === undefined
            ? await vscode.window.showSaveDialog({ title: 'Export the damaged journal data', defaultUri: defaultUri('mentoring-journal-damaged.json'), filters: { JSON: ['json'] } })
            : uriFrom((arg as { uri?: unknown }).uri);
        if (!uri) throw new Cancelled();
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(deps.store.backup(key), null, 2) + '\n'));
        return uri;
      }),
    ),
  );
}

type CalendarModule = { journalToIcs(journal: Journal, options: { now: Date }): string };

/** The export in `format`; the report and the calendar code are loaded only now. */
function exportContent(context: vscode.ExtensionContext, deps: Deps, format: ExportFormat): string {
  const journal = deps.store.journal;
  if (format === 'json') return journalJson(journal);
  if (format === 'markdown') return lazy.report().journalToMarkdown(journal, { today: today(deps), nudgeAfterDays: deps.nudgeAfterDays() });
  // A bundle of its own (dist/calendar.js, with ical-generator), so the extension's main bundle stays small.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path on first use
  const calendar = require(vscode.Uri.joinPath(context.extensionUri, 'dist', 'calendar.js').fsPath) as CalendarModule;
  return calendar.journalToIcs(journal, { now: deps.clock() });
}

export function journalJson(journal: Journal): string {
  return JSON.stringify(journal, null, 2) + '\n';
}

function exportArg(arg: unknown): { uri: vscode.Uri; format: ExportFormat } {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new CommandError('Expected an argument like { uri, format: "json" | "markdown" | "ics" }.');
  const { uri, format } = arg as Record<string, unknown>;
  if (!FORMATS.includes(format as ExportFormat)) throw new CommandError('format must be "json", "markdown" or "ics".');
  return { uri: uriFrom(uri), format: format as ExportFormat };
}

function importArg(arg: unknown): { uri: vscode.Uri; mode: ImportMode } {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new CommandError('Expected an argument like { uri, mode?: "merge" | "replace" }.');
  const { uri, mode = 'merge' } = arg as Record<string, unknown>;
  if (mode !== 'merge' && mode !== 'replace') throw new CommandError('mode must be "merge" or "replace".');
  return { uri: uriFrom(uri), mode };
}

function defaultUri(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}

async function askExportTarget(): Promise<{ uri: vscode.Uri; format: ExportFormat }> {
  const uri = await vscode.window.showSaveDialog({
    title: 'Export the Mentoring Outreach journal',
    defaultUri: defaultUri('mentoring-journal.json'),
    filters: { 'Journal (JSON)': ['json'], 'Report (Markdown)': ['md'], 'Calendar (iCalendar)': ['ics'] },
  });
  if (!uri) throw new Cancelled();
  return { uri, format: /\.(md|markdown)$/i.test(uri.path) ? 'markdown' : /\.(ics|ical)$/i.test(uri.path) ? 'ics' : 'json' };
}

async function askImportSource(): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Import a Mentoring Outreach journal',
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { 'Journal (JSON)': ['json'] },
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
    if (stat.size > MAX_IMPORT_BYTES) throw new CommandError(`Cannot import ${name}: it is ${(stat.size / 1024 / 1024).toFixed(1)} MB, more than the 5 MB a journal may have. Nothing was changed.`);
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError(`Cannot import ${name}: ${(e as Error).message}. Nothing was changed.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CommandError(`Cannot import ${name}: it is not UTF-8 text. Nothing was changed.`);
  }
  const parsed = parseJournalText(text);
  if (!parsed.ok) {
    if (parsed.newerVersion !== undefined) {
      throw new CommandError(`Cannot import ${name}: it was written by a newer version of Mentoring Outreach (format ${parsed.newerVersion}). Update the extension first. Nothing was changed.`);
    }
    throw new CommandError(`Cannot import ${name}: ${formatProblems(parsed.errors)}. Nothing was changed.`);
  }
  return parsed.journal;
}

async function confirmImport(deps: Deps, incoming: Journal, uri: vscode.Uri): Promise<ImportMode> {
  const current = deps.store.journal;
  const name = uri.path.split('/').pop();
  const merge = planImport(current, incoming, 'merge');
  const replace = planImport(current, incoming, 'replace');
  const isEmpty = current.attempts.length + current.people.length + current.skills.length === 0;
  const lines: string[] = [];
  if (merge.ok) {
    lines.push(`Merge adds ${describeCounts(merge.plan.added)}.`);
    const skipped = describeCounts(merge.plan.skipped);
    if (skipped !== 'nothing') lines.push(`${skipped} with ids already in your journal stay as they are.`);
  } else lines.push(merge.reason);
  if (!isEmpty && replace.ok) {
    const removed = describeCounts(replace.plan.removed);
    lines.push(`Replace makes your journal exactly the file${removed !== 'nothing' ? `, removing ${removed} it does not have` : ''}.`);
  }
  const buttons = isEmpty ? ['Import'] : merge.ok ? ['Merge', 'Replace'] : ['Replace'];
  const answer = await vscode.window.showInformationMessage(`Import ${name}?`, { modal: true, detail: lines.join('\n') }, ...buttons);
  if (answer === 'Replace') return 'replace';
  if (answer === 'Merge' || answer === 'Import') return 'merge';
  throw new Cancelled();
}

/** Plans against the latest journal inside the write queue, so nothing written meanwhile is lost. */
export async function applyImport(deps: Deps, incoming: Journal, mode: ImportMode): Promise<ImportPlan> {
  let plan: ImportPlan | undefined;
  await deps.store.change((current) => {
    const planned = planImport(current, incoming, mode);
    if (!planned.ok) return { ok: false, reason: `${planned.reason}. Nothing was changed.` };
    plan = planned.plan;
    return { ok: true, value: planned.plan.result };
  });
  if (!plan) throw new Error('import plan missing');
  return plan;
}

function summary(plan: ImportPlan): string {
  if (plan.mode === 'replace') {
    const removed = describeCounts(plan.removed);
    return `journal replaced (${describeCounts(plan.added)} new${removed !== 'nothing' ? `, ${removed} removed` : ''}).`;
  }
  const skipped = describeCounts(plan.skipped);
  return `added ${describeCounts(plan.added)}${skipped !== 'nothing' ? `; kept your existing ${skipped}` : ''}.`;
}
