/**
 * The request check's quick fixes as code actions, for the documents the request diagnostics track (and only
 * for the diagnostics they published). What to offer and what each title says is decided in the domain
 * (domain/quickFixes.ts); here it becomes workspace edits and localised titles.
 */
import * as vscode from 'vscode';
import { chooseFixes, fixAllEdit, fixTitle, type FixTitle, type FixTitleId } from '../domain/quickFixes';
import { DIAGNOSTIC_SOURCE, toRange, type CheckedText } from './checkedText';
import { TEXT_SCHEME } from '../shell/readOnlyTexts';

/** The title of the quick fix that applies every fix at once (localised, so read at use, not at load). */
export function fixAllTitle(): string {
  return vscode.l10n.t('Fix all Mentoring Outreach issues');
}

export class RequestQuickFixes implements vscode.CodeActionProvider {
  /** `checked` gives a tracked document's check as it is now; undefined for a document that is not tracked. */
  constructor(private readonly checked: (doc: vscode.TextDocument) => CheckedText | undefined) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, ctx: vscode.CodeActionContext): vscode.CodeAction[] | undefined {
    if (ctx.only && !ctx.only.intersects(vscode.CodeActionKind.QuickFix)) return undefined;
    const ours = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return undefined;
    // A text shown read-only (shell/readOnlyTexts.ts) shows its findings, but nothing can edit it.
    if (doc.uri.scheme === TEXT_SCHEME) return undefined;
    const last = this.checked(doc);
    if (!last) return undefined;
    return codeActions(doc, last, ours);
  }
}

function codeActions(doc: vscode.TextDocument, last: CheckedText, ours: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const { findings } = last.result;
  const diagnosticOf = new Map<number, vscode.Diagnostic>();
  const indices: number[] = [];
  for (const d of ours) {
    const i = findingIndex(last, d);
    if (i < 0) continue;
    indices.push(i);
    if (!diagnosticOf.has(i)) diagnosticOf.set(i, d);
  }
  const choice = chooseFixes(findings, indices);
  const actions = choice.fixes.map((i) => {
    const f = findings[i]!;
    const action = new vscode.CodeAction(titleText(fixTitle(f, last.text)), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnosticOf.get(i)!];
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(doc.uri, toRange(doc, last.base, f.replacement!.range), f.replacement!.text);
    if (i === choice.preferred) action.isPreferred = true;
    return action;
  });
  const edit = fixAllEdit(last.text, findings);
  if (edit) {
    const all = new vscode.CodeAction(fixAllTitle(), vscode.CodeActionKind.QuickFix);
    all.diagnostics = [...ours];
    all.edit = new vscode.WorkspaceEdit();
    all.edit.replace(doc.uri, toRange(doc, last.base, edit.range), edit.text);
    actions.push(all);
  }
  return actions;
}

/** The finding behind one of our diagnostics: same rule and range, else same rule overlapping it. */
function findingIndex(last: CheckedText, d: vscode.Diagnostic): number {
  const same = last.diagnostics.findIndex((x) => x.code === d.code && x.range.isEqual(d.range));
  if (same >= 0) return same;
  return last.diagnostics.findIndex((x) => x.code === d.code && x.range.intersection(d.range) !== undefined);
}

/** Each title's wording (localised); the domain chose which, and what fills it in. */
const TITLES: Readonly<Record<FixTitleId, (a: readonly string[]) => string>> = {
  replaceWithNamePlaceholder: (a) => vscode.l10n.t('Replace {0} with a name placeholder', a[0]!),
  replaceWith: (a) => vscode.l10n.t('Replace {0} with {1}', a[0]!, a[1]!),
  insertGreetingWithNamePlaceholder: () => vscode.l10n.t('Insert a greeting with a name placeholder'),
  insertGreeting: (a) => vscode.l10n.t('Insert the greeting {0}', a[0]!),
  insertNamePlaceholder: () => vscode.l10n.t('Insert a name placeholder in the greeting'),
  insertName: (a) => vscode.l10n.t('Insert the name {0}', a[0]!),
  insertContextPlaceholder: () => vscode.l10n.t('Insert a placeholder sentence on what you are working on'),
  insert: (a) => vscode.l10n.t('Insert {0}', a[0]!),
  insertSkillPlaceholder: () => vscode.l10n.t('Insert a placeholder sentence naming the skill area'),
  insertEvidencePlaceholder: () => vscode.l10n.t('Insert a placeholder sentence on what you have seen them do'),
  insertSessionsPlaceholder: () => vscode.l10n.t('Insert a session count placeholder'),
  replaceWithSessionsPlaceholder: (a) => vscode.l10n.t('Replace {0} with a session count placeholder', a[0]!),
  insertTimeframePlaceholder: () => vscode.l10n.t('Insert a time-frame placeholder'),
  insertTimeframe: (a) => vscode.l10n.t('Insert the time frame {0}', a[0]!),
  insertAnotherTopicPlaceholder: () => vscode.l10n.t('Insert a placeholder for another topic'),
  insertTopicPlaceholders: () => vscode.l10n.t('Insert focus-topic placeholders'),
  replaceWithTopicPlaceholders: (a) => vscode.l10n.t('Replace {0} with topic placeholders', a[0]!),
  replaceAsPlanned: (a) => vscode.l10n.t('Replace {0} with {1}, as planned', a[0]!, a[1]!),
  insertToFillIn: (a) => vscode.l10n.t('Insert {0} (to fill in)', a[0]!),
  remove: (a) => vscode.l10n.t('Remove {0}', a[0]!),
};

/** A quick fix's title in the display language. */
export function titleText(title: FixTitle): string {
  return TITLES[title.id](title.args);
}
