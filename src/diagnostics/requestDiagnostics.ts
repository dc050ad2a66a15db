/**
 * Request diagnostics: the request-quality checker's findings (src/domain/requestCheck/) shown as
 * diagnostics, with quick fixes (quickFixes.ts), in the documents it tracks — never in any other document.
 *
 * One service, made in src/features.ts and handed to the commands in their Deps (`deps.diagnostics`).
 * A document is tracked when
 *   - the extension opens a draft in its editor bound to the journal (src/commands/draftDocuments.ts: Edit Draft,
 *     the builder's "Open as Markdown" of its draft, Fix It First), or shows a request not saved yet read-only
 *     (the builder's "Open as Markdown" before it is saved: src/shell/readOnlyTexts.ts, no quick fixes there), or
 *   - the user runs `mentoring.checkRequest` ("Check Request Text", checkCommand.ts) on it. With a non-empty
 *     (primary) selection only the selected text is checked and tracked: that region follows the edits made
 *     in and around it (typing at either edge grows it). With an empty selection the whole document is.
 *     Running the command again re-decides (whole document or the new selection).
 * Diagnostics follow edits (debounced), and the document is forgotten when it closes.
 *
 * Part of the features bundle (src/features.ts): loaded on first use, not at activation.
 */
import * as vscode from 'vscode';
import type { CheckContext, CheckResult, Finding, RuleId, Severity } from '../domain/requestCheck';
import { checkRequest } from '../domain/requestCheck';
import { clampRegion, followEdits, type Region } from '../domain/textEdits';
import { Disposable } from '../util/disposable';
import { DIAGNOSTIC_SOURCE, toRange, type CheckedText } from './checkedText';
import { RequestQuickFixes } from './quickFixes';

export { DIAGNOSTIC_SOURCE } from './checkedText';
export const DIAGNOSTIC_COLLECTION = 'mentoring-requests';
/** Quiet time after the last keystroke before a tracked document is checked again. */
export const DEBOUNCE_MS = 200;
/** A request is at most a few hundred words; beyond this a document is not checked at all. */
export const MAX_CHECKED_CHARS = 200_000;

export interface TrackOptions {
  context?: CheckContext;
  /** Only this part of the document (empty or absent: the whole document). */
  range?: vscode.Range;
}

interface Tracked {
  context: CheckContext;
  region: Region | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  last: CheckedText | undefined;
}

export class RequestDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION));
  private readonly tracked = new Map<string, Tracked>();

  /**
   * `defaultSessions`: the person's usual number of sessions (the setting), read at each check — what a quick fix
   * writes when the request has no plan of its own.
   */
  constructor(
    private readonly log?: vscode.LogOutputChannel,
    private readonly defaultSessions?: () => number,
  ) {
    super();
    this._register({
      dispose: () => {
        for (const t of this.tracked.values()) if (t.timer) clearTimeout(t.timer);
        this.tracked.clear();
      },
    });
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)));
    // VS Code reports a change of language as a close followed at once by an open of the same
    // document: forget a closed document only if it has not come back by the next turn.
    this._register(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const t = this.tracked.get(key(doc));
        if (!t) return;
        if (t.timer) clearTimeout(t.timer);
        t.timer = setTimeout(() => {
          if (this.tracked.get(key(doc)) === t) this.forget(doc.uri);
        }, 0);
      }),
    );
    this._register(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        const t = this.tracked.get(key(doc));
        if (!t) return;
        if (t.timer) clearTimeout(t.timer);
        t.timer = undefined;
        t.last = undefined;
        this.check(doc, t);
      }),
    );
    this._register(
      vscode.languages.registerCodeActionsProvider('*', new RequestQuickFixes((doc) => this.checked(doc)), {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    );
  }

  /**
   * Tracks `doc` (again) and checks it now. An already tracked document keeps its context unless a
   * new one is given; its region is replaced by `options.range` (none: the whole document).
   */
  track(doc: vscode.TextDocument, options: TrackOptions = {}): CheckResult {
    const k = key(doc);
    const before = this.tracked.get(k);
    if (before?.timer) clearTimeout(before.timer);
    const range = options.range && !options.range.isEmpty ? options.range : undefined;
    const t: Tracked = {
      context: options.context ?? before?.context ?? {},
      region: range ? { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) } : undefined,
      timer: undefined,
      last: undefined,
    };
    this.tracked.set(k, t);
    if (!before) this.log?.debug(`Request diagnostics: tracking ${doc.uri.toString(true)}`);
    return this.check(doc, t).result;
  }

  untrack(doc: vscode.TextDocument): void {
    this.forget(doc.uri);
  }

  isTracked(doc: vscode.TextDocument): boolean {
    return this.tracked.has(key(doc));
  }

  /** The check of `doc` as it is now (checked again if it changed since), or undefined when it is not tracked. */
  checked(doc: vscode.TextDocument): CheckedText | undefined {
    const t = this.tracked.get(key(doc));
    if (!t) return undefined;
    if (t.last && t.last.version === doc.version) return t.last;
    if (t.timer) clearTimeout(t.timer);
    t.timer = undefined;
    return this.check(doc, t);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    const t = this.tracked.get(key(e.document));
    if (!t || e.contentChanges.length === 0) return;
    if (t.region) t.region = followEdits(t.region, e.contentChanges);
    if (t.timer) clearTimeout(t.timer);
    const doc = e.document;
    t.timer = setTimeout(() => {
      t.timer = undefined;
      if (this.tracked.get(key(doc)) === t && !doc.isClosed) this.checked(doc);
    }, DEBOUNCE_MS);
  }

  private check(doc: vscode.TextDocument, t: Tracked): CheckedText {
    const full = doc.getText();
    const region = t.region ? clampRegion(t.region, full.length) : { start: 0, end: full.length };
    const text = full.slice(region.start, region.end);
    let result: CheckResult;
    if (text.length > MAX_CHECKED_CHARS) {
      result = tooLong(text.length);
    } else {
      try {
        const usual = this.defaultSessions?.();
        result = checkRequest(text, usual === undefined ? t.context : { defaultSessions: usual, ...t.context });
      } catch (e) {
        // A checker bug must never get in the way of typing: no diagnostics, and a line in the log.
        this.log?.error(`Checking ${doc.uri.toString(true)} failed: ${(e as Error)?.stack ?? String(e)}`);
        result = { score: 0, reason: vscode.l10n.t('The check failed (see the Mentoring Outreach log).'), findings: [], counts: { error: 0, warning: 0, info: 0 }, wordCount: 0 };
      }
    }
    const diagnostics = result.findings.map((f) => toDiagnostic(doc, f, region.start));
    this.collection.set(doc.uri, diagnostics);
    t.last = { version: doc.version, base: region.start, text, result, diagnostics };
    return t.last;
  }

  private forget(uri: vscode.Uri): void {
    const k = uri.toString();
    const t = this.tracked.get(k);
    if (!t) return;
    if (t.timer) clearTimeout(t.timer);
    this.tracked.delete(k);
    this.collection.delete(uri);
    this.log?.debug(`Request diagnostics: no longer tracking ${uri.toString(true)}`);
  }
}

const key = (doc: vscode.TextDocument) => doc.uri.toString();

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
export function formatCount(n: number): string {
  try {
    return n.toLocaleString(vscode.env.language);
  } catch {
    return n.toLocaleString('en');
  }
}
