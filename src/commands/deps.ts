/**
 * What every command family is given (Deps) and the helpers they share: how a command was invoked, picking
 * an attempt, the user's templates, names and short texts for messages.
 */
import * as vscode from 'vscode';
import { localDate } from '../domain/dates';
import type { Attempt, Journal } from '../domain/journal';
import { groupAttempts, GROUPS, type AttemptView } from '../domain/outreach';
import { attemptIdOfNode } from '../views/nodes';
import { groupLabel, nextStepLabel } from '../views/labels';
import { parseCommandArg, type ArgCommand, type ArgOf, type Invocation } from './args';
import { Cancelled, CommandError } from '../shell/errors';
import type { TemplateOverrides } from '../domain/templates';
import type { TemplateName, UserTemplates } from '../templating/userTemplates';
import type { ShellDeps } from '../shell/featuresApi';
import type { RequestDiagnostics } from '../diagnostics/requestDiagnostics';
import type { DraftDocuments } from './draftDocuments';

/**
 * What every command family needs, and the one argument besides the context that each `registerX(context,
 * deps)` takes: the shell's store, clock, settings and view (ShellDeps), and what the features bundle adds.
 * Built once, in features.ts.
 */
export interface Deps extends ShellDeps {
  /** The user's own templates (compiled on demand). */
  templates: UserTemplates;
  /** The extension's output channel. */
  log: vscode.LogOutputChannel;
  /** The request check as diagnostics with quick fixes: opens request text in a checked editor, tracks documents. */
  diagnostics: RequestDiagnostics;
  /** Saved drafts in editors bound to the journal (Ctrl+S saves to it), with the live check. */
  drafts: DraftDocuments;
  /** Hands a mailto: URL to the person's mail app (through VS Code); resolves true when one opened. */
  openExternal(href: string): Promise<boolean>;
}

/** The user's templates for `names`, loaded (or reloaded if changed) now. */
export async function userTemplates(deps: Deps, names: readonly TemplateName[]): Promise<TemplateOverrides> {
  const out: TemplateOverrides = {};
  for (const name of names) {
    const lookup = await deps.templates.load(name);
    if (lookup.template) out[name] = lookup.template;
  }
  return out;
}

export function today(deps: Deps): string {
  return localDate(deps.clock());
}

/**
 * How `command` was invoked — nothing, one of our tree nodes, or a valid argument object (args.ts). A bad
 * argument throws a CommandError that names the command and the shape it expects.
 */
export function invocation<C extends ArgCommand>(command: C, arg: unknown): Invocation<C> {
  const outcome = parseCommandArg(command, arg, vscode.l10n);
  if (outcome.kind === 'invalid') throw new CommandError(outcome.message);
  return outcome;
}

/**
 * Runs `handler` with `command`'s argument checked by its schema first (a bad one throws, as above): the
 * handler gets the valid argument object, or undefined for no argument and for a tree node (interactive).
 */
export function checkedArg<C extends ArgCommand, R>(command: C, handler: (arg: ArgOf<C> | undefined) => Promise<R>): (arg: unknown) => Promise<R> {
  return (arg) => {
    const how = invocation(command, arg);
    return handler(how.kind === 'argument' ? how.arg : undefined);
  };
}

/** The attempt a command was pointed at: its argument's attemptId, or the tree item's attempt; undefined → ask. */
export function attemptIdOf(how: Invocation<ArgCommand>): string | undefined {
  if (how.kind === 'tree') return attemptIdOfNode(how.node);
  if (how.kind === 'argument' && 'attemptId' in how.arg) return how.arg.attemptId;
  return undefined;
}

/** Asks the user to pick an attempt, optionally only those matching `filter`. */
export async function pickAttempt(deps: Deps, title: string, filter: (v: AttemptView) => boolean = () => true): Promise<string> {
  const todayDate = today(deps);
  const grouped = groupAttempts(deps.store.journal, { today: todayDate, nudgeAfterDays: deps.nudgeAfterDays() });
  const items: (vscode.QuickPickItem & { id?: string })[] = [];
  for (const group of GROUPS) {
    const views = grouped[group].filter(filter);
    if (views.length === 0) continue;
    items.push({ label: groupLabel(group), kind: vscode.QuickPickItemKind.Separator });
    for (const v of views) {
      items.push({ label: v.person?.name ?? v.attempt.personId, description: v.skill?.name ?? v.attempt.skillId, detail: nextStepLabel(v.step, todayDate, v.drafted, v.attempt.status), id: v.attempt.id });
    }
  }
  if (items.length === 0) throw new CommandError(vscode.l10n.t('{0}: there is no outreach attempt this applies to.', title));
  // ignoreFocusOut like every other prompt here: run from the palette while a webview (the builder) has the focus,
  // VS Code gives the webview the focus back a moment after the palette closes — possibly after this pick opened,
  // which would close it at once (microsoft/vscode#93950).
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Pick an outreach attempt'), matchOnDescription: true, ignoreFocusOut: true });
  if (!picked?.id) throw new Cancelled();
  return picked.id;
}

/** A file location from an argument: a vscode.Uri, a URI string, or an absolute path. */
export function uriFrom(value: unknown, name = 'uri'): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'object' && value !== null && 'scheme' in value && 'path' in value) {
    try {
      return vscode.Uri.from(value as { scheme: string; path: string });
    } catch {
      throw new CommandError(vscode.l10n.t('{0} is not a valid URI.', name));
    }
  }
  if (typeof value === 'string' && value.length > 0 && value.length < 4096) {
    if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) return vscode.Uri.file(value);
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return vscode.Uri.parse(value, true);
  }
  throw new CommandError(vscode.l10n.t('{0} must be a file URI or an absolute path.', name));
}

export function attemptOf(journal: Journal, attemptId: string): Attempt {
  const attempt = journal.attempts.find((a) => a.id === attemptId);
  if (!attempt) throw new CommandError(vscode.l10n.t('No outreach attempt has the id "{0}".', attemptId));
  return attempt;
}

export function personName(journal: Journal, attempt: Attempt): string {
  return journal.people.find((p) => p.id === attempt.personId)?.name ?? vscode.l10n.t('them');
}

export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
