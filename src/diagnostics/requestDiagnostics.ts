/**
 * Request diagnostics: the request-quality checker's findings (src/domain/requestCheck/) shown as
 * diagnostics, with quick fixes, in the documents it tracks — never in any other document.
 *
 * A document is tracked when
 *   - the extension opens a request in a Markdown editor (`openRequestDocument`, used by the builder's
 *     "Open as Markdown" and by any command that opens drafted text), or
 *   - the user runs `mentoring.checkRequest` ("Check Request Text") on it. With a non-empty (primary)
 *     selection only the selected text is checked and tracked: that region follows the edits made in
 *     and around it (typing at either edge grows it). With an empty selection the whole document is.
 *     Running the command again re-decides (whole document or the new selection).
 * Diagnostics follow edits (debounced), and the document is forgotten when it closes.
 *
 * Part of the features bundle (src/features.ts): loaded on first use, not at activation.
 */
import * as vscode from 'vscode';
import type { CheckContext, CheckResult, Finding, RuleId, Severity } from '../domain/requestCheck';
import { CommandError, guarded } from '../shell/errors';
import { Commands } from '../shell/ids';
import { applyFixes, checkRequest, hasPlaceholder } from '../domain/requestCheck';

export const DIAGNOSTIC_SOURCE = 'Mentoring Outreach';
export const DIAGNOSTIC_COLLECTION = 'mentoring-requests';
/** The title of the quick fix that applies every fix at once (localised, so read at use, not at load). */
export function fixAllTitle(): string {
  return vscode.l10n.t('Fix all Mentoring Outreach issues');
}
export { TEST_OPEN_COMMAND } from '../shell/ids';
import { TEST_OPEN_COMMAND } from '../shell/ids';
/** Quiet time after the last keystroke before a tracked document is checked again. */
export const DEBOUNCE_MS = 200;
/** A request is at most a few hundred words; beyond this a document is not checked at all. */
export const MAX_CHECKED_CHARS = 200_000;

export interface OpenRequestOptions {
  /** What the journal knows about the request (person, skill, planned sessions…): sharper findings. */
  context?: CheckContext;
  /** Default: the active column. */
  viewColumn?: vscode.ViewColumn;
  /** Default: false (a real tab, not a preview). */
  preview?: boolean;
}

export interface TrackOptions {
  context?: CheckContext;
  /** Only this part of the document (empty or absent: the whole document). */
  range?: vscode.Range;
}

/** What `mentoring.checkRequest` returns. */
export interface CheckRequestResult {
  score: number;
  /** How many findings (diagnostics) there are. */
  findings: number;
  reason: string;
}

export interface RequestDiagnostics extends vscode.Disposable {
  /** Opens `text` in a new untitled Markdown editor, checked and tracked from the start. */
  openRequestDocument(text: string, options?: OpenRequestOptions): Promise<vscode.TextEditor>;
  /**
   * Tracks `doc` (again) and checks it now. An already tracked document keeps its context unless a
   * new one is given; its region is replaced by `options.range` (none: the whole document).
   */
  track(doc: vscode.TextDocument, options?: TrackOptions): CheckResult;
  untrack(doc: vscode.TextDocument): void;
  isTracked(doc: vscode.TextDocument): boolean;
}

let registered: RequestDiagnostics | undefined;

/**
 * Opens a request in a Markdown editor with its diagnostics — the one function every command that
 * shows drafted text should use. (Before registration — never in the running extension — the text is
 * opened untracked.)
 */
export async function openRequestDocument(text: string, options: OpenRequestOptions = {}): Promise<vscode.TextEditor> {
  if (registered) return registered.openRequestDocument(text, options);
  const doc = await untitledMarkdown(text);
  return vscode.window.showTextDocument(doc, { preview: options.preview ?? false, viewColumn: options.viewColumn ?? vscode.ViewColumn.Active });
}

/**
 * A new untitled Markdown document holding `text`. VS Code reuses the name of an untitled document
 * just closed ("Untitled-1") and can then hand back that document's text (seen in code-server when
 * one closes and the next opens within moments): if so, the text is put right before anyone sees it.
 */
async function untitledMarkdown(text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  const lf = (s: string) => s.replace(/\r\n?/gu, '\n');
  if (lf(doc.getText()) !== lf(text)) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  return doc;
}

/** Starts tracking an open document (see `RequestDiagnostics.track`); undefined before registration. */
export function trackRequestDocument(doc: vscode.TextDocument, options?: TrackOptions): CheckResult | undefined {
  return registered?.track(doc, options);
}

interface Region {
  start: number;
  end: number;
}

interface LastCheck {
  version: number;
  /** Offset of the checked text in the document (the region's start, or 0). */
  base: number;
  /** The text that was checked. */
  text: string;
  result: CheckResult;
  /** One per finding, same order. */
  diagnostics: vscode.Diagnostic[];
}

interface Tracked {
  context: CheckContext;
  region: Region | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  last: LastCheck | undefined;
}

export function registerRequestDiagnostics(context: vscode.ExtensionContext, log?: vscode.LogOutputChannel): RequestDiagnostics {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  const tracked = new Map<string, Tracked>();
  const key = (doc: vscode.TextDocument) => doc.uri.toString();

  const check = (doc: vscode.TextDocument, t: Tracked): LastCheck => {
    const full = doc.getText();
    const region = t.region ? clampRegion(t.region, full.length) : { start: 0, end: full.length };
    const text = full.slice(region.start, region.end);
    let result: CheckResult;
    if (text.length > MAX_CHECKED_CHARS) {
      result = tooLong(text.length);
    } else {
      try {
        result = checkRequest(text, t.context);
      } catch (e) {
        // A checker bug must never get in the way of typing: no diagnostics, and a line in the log.
        log?.error(`Checking ${doc.uri.toString(true)} failed: ${(e as Error)?.stack ?? String(e)}`);
        result = { score: 0, reason: vscode.l10n.t('The check failed (see the Mentoring Outreach log).'), findings: [], counts: { error: 0, warning: 0, info: 0 }, wordCount: 0 };
      }
    }
    const diagnostics = result.findings.map((f) => toDiagnostic(doc, f, region.start));
    collection.set(doc.uri, diagnostics);
    t.last = { version: doc.version, base: region.start, text, result, diagnostics };
    return t.last;
  };

  /** The last check if it matches the document as it is now; otherwise checks again (and publishes). */
  const current = (doc: vscode.TextDocument, t: Tracked): LastCheck => {
    if (t.last && t.last.version === doc.version) return t.last;
    if (t.timer) clearTimeout(t.timer);
    t.timer = undefined;
    return check(doc, t);
  };

  const forget = (uri: vscode.Uri) => {
    const k = uri.toString();
    const t = tracked.get(k);
    if (!t) return;
    if (t.timer) clearTimeout(t.timer);
    tracked.delete(k);
    collection.delete(uri);
    log?.debug(`Request diagnostics: no longer tracking ${uri.toString(true)}`);
  };

  const api: RequestDiagnostics = {
    track(doc, options = {}) {
      const k = key(doc);
      const before = tracked.get(k);
      if (before?.timer) clearTimeout(before.timer);
      const range = options.range && !options.range.isEmpty ? options.range : undefined;
      const t: Tracked = {
        context: options.context ?? before?.context ?? {},
        region: range ? { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) } : undefined,
        timer: undefined,
        last: undefined,
      };
      tracked.set(k, t);
      if (!before) log?.debug(`Request diagnostics: tracking ${doc.uri.toString(true)}`);
      return check(doc, t).result;
    },
    untrack: (doc) => forget(doc.uri),
    isTracked: (doc) => tracked.has(key(doc)),
    async openRequestDocument(text, options = {}) {
      const doc = await untitledMarkdown(text);
      api.track(doc, options.context ? { context: options.context } : {});
      return vscode.window.showTextDocument(doc, { preview: options.preview ?? false, viewColumn: options.viewColumn ?? vscode.ViewColumn.Active });
    },
    dispose() {
      for (const t of tracked.values()) if (t.timer) clearTimeout(t.timer);
      tracked.clear();
      collection.dispose();
      if (registered === api) registered = undefined;
    },
  };

  const quickFixes: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, ctx) {
      const t = tracked.get(key(doc));
      if (!t) return undefined;
      if (ctx.only && !ctx.only.intersects(vscode.CodeActionKind.QuickFix)) return undefined;
      const ours = ctx.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) return undefined;
      return codeActions(doc, current(doc, t), ours);
    },
  };

  context.subscriptions.push(
    api,
    vscode.workspace.onDidChangeTextDocument((e) => {
      const t = tracked.get(key(e.document));
      if (!t || e.contentChanges.length === 0) return;
      if (t.region) t.region = followEdits(t.region, e.contentChanges);
      if (t.timer) clearTimeout(t.timer);
      const doc = e.document;
      t.timer = setTimeout(() => {
        t.timer = undefined;
        if (tracked.get(key(doc)) === t && !doc.isClosed) current(doc, t);
      }, DEBOUNCE_MS);
    }),
    // VS Code reports a change of language as a close followed at once by an open of the same
    // document: forget a closed document only if it has not come back by the next turn.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const t = tracked.get(key(doc));
      if (!t) return;
      if (t.timer) clearTimeout(t.timer);
      t.timer = setTimeout(() => {
        if (tracked.get(key(doc)) === t) forget(doc.uri);
      }, 0);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      const t = tracked.get(key(doc));
      if (!t) return;
      if (t.timer) clearTimeout(t.timer);
      t.timer = undefined;
      t.last = undefined;
      check(doc, t);
    }),
    vscode.languages.registerCodeActionsProvider('*', quickFixes, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(
      Commands.checkRequest,
      guarded(async (arg): Promise<CheckRequestResult> => {
        const editor = targetEditor(arg);
        const selection = editor.selection;
        const doc = editor.document;
        const checked = selection.isEmpty ? doc.getText().length : doc.offsetAt(selection.end) - doc.offsetAt(selection.start);
        if (checked > MAX_CHECKED_CHARS) {
          throw new CommandError(
            vscode.l10n.t(
              'Check Request Text: this is {0} characters — far too long for a request. Select the request itself and run the command again.',
              formatCount(checked),
            ),
          );
        }
        const result = api.track(doc, selection.isEmpty ? {} : { range: selection });
        const message = selection.isEmpty
          ? vscode.l10n.t('Request score {0}/100 — {1}', result.score, result.reason)
          : vscode.l10n.t('Request score (selection) {0}/100 — {1}', result.score, result.reason);
        void vscode.window.showInformationMessage(message);
        return { score: result.score, findings: result.findings.length, reason: result.reason };
      }),
    ),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    // Tests run in another bundle (another copy of this module): this is their way to the real one.
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_OPEN_COMMAND, async (arg: { text: string; context?: CheckContext }) => {
        const editor = await api.openRequestDocument(arg.text, arg.context ? { context: arg.context } : {});
        return editor.document.uri;
      }),
    );
  }
  registered = api;
  return api;
}

/**
 * The editor the command works on: the active one. The only argument accepted is the URI VS Code
 * passes when the command is run from an editor's context menu; anything else is refused.
 */
function targetEditor(arg: unknown): vscode.TextEditor {
  if (arg !== undefined && !(arg instanceof vscode.Uri)) {
    throw new CommandError(vscode.l10n.t('Check Request Text takes no argument: it checks the active editor (or its selection, if there is one).'));
  }
  const active = vscode.window.activeTextEditor;
  if (arg === undefined) {
    if (!active) throw new CommandError(vscode.l10n.t('Check Request Text: there is no active editor. Open the request text in an editor (or select it) and run the command again.'));
    return active;
  }
  const uri = arg.toString();
  const editor = active?.document.uri.toString() === uri ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) throw new CommandError(vscode.l10n.t('Check Request Text: {0} is not open in an editor.', arg.toString(true)));
  return editor;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(doc: vscode.TextDocument, f: Finding, base: number): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(doc, base, f.range), `${f.message} ${f.fix}`, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = f.id;
  return d;
}

function toRange(doc: vscode.TextDocument, base: number, r: { start: number; end: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(base + r.start), doc.positionAt(base + r.end));
}

/** Stands in for the checker on a huge document: one note, no score worth the name. */
function tooLong(length: number): CheckResult {
  const finding = {
    id: 'too-long' as RuleId,
    severity: 'info' as Severity,
    message: vscode.l10n.t('This text is {0} characters long, too long to check as a request.', formatCount(length)),
    fix: vscode.l10n.t('Select the request itself and run "Check Request Text".'),
    range: { start: 0, end: 0 },
  };
  return { score: 0, reason: vscode.l10n.t('Too long to check as a request.'), findings: [finding], counts: { error: 0, warning: 0, info: 1 }, wordCount: 0 };
}

/** A count with the display language's digit grouping ("200,000" in English). */
function formatCount(n: number): string {
  try {
    return n.toLocaleString(vscode.env.language);
  } catch {
    return n.toLocaleString('en');
  }
}

function clampRegion(r: Region, length: number): Region {
  const start = Math.min(Math.max(0, r.start), length);
  return { start, end: Math.min(Math.max(start, r.end), length) };
}

/**
 * Moves a tracked region through one change event. Edits before it shift it; edits that touch it
 * (inside it, across an edge, or at an edge — typing at either end) grow or shrink it; edits after it
 * leave it alone. The changes of one event refer to the text before the event and do not overlap, so
 * applying them from the last to the first keeps every offset valid.
 */
export function followEdits(region: Region, changes: readonly { rangeOffset: number; rangeLength: number; text: string }[]): Region {
  let { start, end } = region;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
    const cs = c.rangeOffset;
    const ce = cs + c.rangeLength;
    const delta = c.text.length - c.rangeLength;
    if (ce < start) {
      start += delta;
      end += delta;
    } else if (cs <= end) {
      end = Math.max(end, ce) + delta;
      start = Math.min(start, cs);
    }
  }
  return { start, end: Math.max(start, end) };
}

// ---------------------------------------------------------------------------------------------
// Quick fixes

function codeActions(doc: vscode.TextDocument, last: LastCheck, ours: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const { findings } = last.result;
  const fixes: { action: vscode.CodeAction; finding: Finding }[] = [];
  const done = new Set<number>();
  const edits = new Set<string>();
  for (const d of ours) {
    const i = findingIndex(last, d);
    if (i < 0 || done.has(i)) continue;
    done.add(i);
    const f = findings[i]!;
    // One action per distinct edit ("too many sessions" and "not as planned" may offer the same one).
    if (!f.replacement || edits.has(editKey(f))) continue;
    edits.add(editKey(f));
    const action = new vscode.CodeAction(fixTitle(f, last.text), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [d];
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(doc.uri, toRange(doc, last.base, f.replacement.range), f.replacement.text);
    fixes.push({ action, finding: f });
  }
  // Preferred: the single fix here that leaves nothing to fill in ("Remove “mentoring”"). A fix that
  // inserts a "[placeholder]" swaps one finding for another, so it is never the obvious one.
  const finished = fixes.filter(({ finding }) => !hasPlaceholder(finding.replacement!.text));
  if (finished.length === 1) finished[0]!.action.isPreferred = true;
  const actions = fixes.map(({ action }) => action);

  if (new Set(findings.filter((f) => f.replacement).map(editKey)).size > 1) {
    const edit = minimalEdit(last.text, applyFixes(last.text, findings));
    if (edit) {
      const all = new vscode.CodeAction(fixAllTitle(), vscode.CodeActionKind.QuickFix);
      all.diagnostics = [...ours];
      all.edit = new vscode.WorkspaceEdit();
      all.edit.replace(doc.uri, toRange(doc, last.base, edit.range), edit.text);
      actions.push(all);
    }
  }
  return actions;
}

function editKey(f: Finding): string {
  const r = f.replacement!;
  return `${r.range.start}:${r.range.end}:${r.text}`;
}

/** The finding behind one of our diagnostics: same rule and range, else same rule overlapping it. */
function findingIndex(last: LastCheck, d: vscode.Diagnostic): number {
  const same = last.diagnostics.findIndex((x) => x.code === d.code && x.range.isEqual(d.range));
  if (same >= 0) return same;
  return last.diagnostics.findIndex((x) => x.code === d.code && x.range.intersection(d.range) !== undefined);
}

/** The one replacement that turns `before` into `after`: the span between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): { range: Region; text: string } | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // Never split a surrogate pair.
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0 && isHighSurrogate(before.charCodeAt(before.length - s - 1))) s--;
  return { range: { start: p, end: before.length - s }, text: after.slice(p, after.length - s) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** “text”, on one line, at most 40 characters. */
function q(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return `“${one.length > 40 ? `${one.slice(0, 39).trimEnd()}…` : one}”`;
}

/** A short title saying exactly what the quick fix does. */
export function fixTitle(f: Finding, text: string): string {
  const r = f.replacement!;
  const old = text.slice(r.range.start, r.range.end);
  const neu = r.text;
  const ph = hasPlaceholder(neu);
  const inserted = neu.replace(/^[\s,]+/u, '');
  const insert = old.trim() === '';
  switch (f.id) {
    case 'greeting':
      if (!insert) return ph ? vscode.l10n.t('Replace {0} with a name placeholder', q(old)) : vscode.l10n.t('Replace {0} with {1}', q(old), q(neu));
      if (/^\s*(?:hi|hello|dear)\b/iu.test(neu)) return ph ? vscode.l10n.t('Insert a greeting with a name placeholder') : vscode.l10n.t('Insert the greeting {0}', q(neu));
      return ph ? vscode.l10n.t('Insert a name placeholder in the greeting') : vscode.l10n.t('Insert the name {0}', q(neu));
    case 'no-context':
      if (insert) return ph ? vscode.l10n.t('Insert a placeholder sentence on what you are working on') : vscode.l10n.t('Insert {0}', q(neu));
      break;
    case 'skill-not-named':
      if (insert) return ph ? vscode.l10n.t('Insert a placeholder sentence naming the skill area') : vscode.l10n.t('Insert {0}', q(neu));
      break;
    case 'no-evidence':
      if (insert) return ph ? vscode.l10n.t('Insert a placeholder sentence on what you have seen them do') : vscode.l10n.t('Insert {0}', q(neu));
      break;
    case 'no-sessions':
      if (insert) return ph ? vscode.l10n.t('Insert a session count placeholder') : vscode.l10n.t('Insert {0}', q(inserted));
      return ph ? vscode.l10n.t('Replace {0} with a session count placeholder', q(old)) : vscode.l10n.t('Replace {0} with {1}', q(old), q(neu));
    case 'no-timeframe':
      if (insert) return ph ? vscode.l10n.t('Insert a time-frame placeholder') : vscode.l10n.t('Insert the time frame {0}', q(neu));
      break;
    case 'few-topics':
      if (insert) {
        if (!ph) return vscode.l10n.t('Insert {0}', q(inserted));
        return /\[another topic\]/u.test(neu) ? vscode.l10n.t('Insert a placeholder for another topic') : vscode.l10n.t('Insert focus-topic placeholders');
      }
      return ph ? vscode.l10n.t('Replace {0} with topic placeholders', q(old)) : vscode.l10n.t('Replace {0} with {1}', q(old), q(neu));
    case 'too-many-sessions':
    case 'sessions-mismatch':
      return vscode.l10n.t('Replace {0} with {1}, as planned', q(old), q(neu));
    default:
      break;
  }
  if (insert) return ph ? vscode.l10n.t('Insert {0} (to fill in)', q(inserted)) : vscode.l10n.t('Insert {0}', q(inserted));
  if (neu === '') return vscode.l10n.t('Remove {0}', q(old));
  return vscode.l10n.t('Replace {0} with {1}', q(old), q(neu));
}
