/**
 * Saved drafts as files: `mentoring-draft:/<attemptId>/<name>.md` is the text of the draft attempt `attemptId`,
 * so an editor can be BOUND to it — reading gives the journal's text; saving (Ctrl+S) writes back to the journal
 * through the store (its change(), the journal's limits and the validation gate); when the journal changes
 * meanwhile (the builder saved, an import, Mark as Sent) the editor is told, as for a file changed on disk.
 * No untitled copies, so nothing asks "Do you want to save…?" for text the journal already holds.
 *
 * Only a draft can be saved (domain/draftText.ts, which asks allowedActions): once an attempt is sent its file is
 * read-only, and a save is refused with a clear message, changing nothing; a deleted attempt's file is gone.
 * The rest of the name is for the tab only: any `<name>` works, the attempt id decides.
 *
 * Registered at activation (src/extension.ts), so an editor VS Code restores after a reload finds its file;
 * the live request check on these editors comes with the features (commands/draftDocuments.ts).
 */
import * as vscode from 'vscode';
import { allowedActions } from '../domain/actions';
import { draftEditProblem, editDraftText, type DraftEditProblem } from '../domain/draftText';
import type { Attempt, Journal } from '../domain/journal';
import { StoreRefusal, type JournalStore } from '../storage/journalStore';
import { Disposable } from '../util/disposable';
import { statusLabel } from '../views/labels';
import { tabFileName } from './readOnlyTexts';

export const DRAFT_SCHEME = 'mentoring-draft';

/** The file of the draft `attempt` (its person's name in the tab). */
export function draftUri(journal: Journal, attempt: Attempt): vscode.Uri {
  const person = journal.people.find((p) => p.id === attempt.personId)?.name ?? '';
  const name = tabFileName(person ? vscode.l10n.t('Request to {0}', person) : vscode.l10n.t('Request'));
  return vscode.Uri.from({ scheme: DRAFT_SCHEME, path: `/${attempt.id}/${name}.md` });
}

/** The attempt a draft file stands for; undefined for anything else (another scheme, a folder). */
export function draftAttemptId(uri: vscode.Uri): string | undefined {
  if (uri.scheme !== DRAFT_SCHEME) return undefined;
  const parts = uri.path.split('/');
  return parts.length === 3 && parts[0] === '' && parts[1] && parts[2] ? parts[1] : undefined;
}

interface Served {
  /** Every URI handed out for this attempt (the name part may differ): each is told of changes. */
  uris: Set<string>;
  text: string;
  editable: boolean;
  mtime: number;
}

export class DraftFileSystem extends Disposable implements vscode.FileSystemProvider {
  private readonly changes = this._register(new vscode.EventEmitter<vscode.FileChangeEvent[]>());
  readonly onDidChangeFile = this.changes.event;
  /** What each file served so far held, to tell its editors when the journal changes. */
  private readonly served = new Map<string, Served>();
  private lastMtime = 0;

  constructor(private readonly store: JournalStore) {
    super();
    this._register(this.store.onDidChange((journal) => this.journalChanged(journal)));
  }

  watch(): vscode.Disposable {
    // Every change is reported (journalChanged): there is nothing to start or stop.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || (draftAttemptId(uri) === undefined && /^\/[^/]+\/?$/.test(uri.path))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    const attempt = this.attemptOf(uri);
    const served = this.serve(uri, attempt);
    const created = attempt.events.find((e) => e.kind === 'created')?.at;
    return {
      type: vscode.FileType.File,
      ctime: created ? Date.parse(created) : 0,
      mtime: served.mtime,
      size: new TextEncoder().encode(attempt.text).byteLength,
      ...(served.editable ? {} : { permissions: vscode.FilePermission.Readonly }),
    };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const attempt = this.attemptOf(uri);
    this.serve(uri, attempt);
    return new TextEncoder().encode(attempt.text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const id = this.idOf(uri);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('The text is not valid UTF-8. Nothing was saved.'));
    }
    const problem = draftEditProblem(this.store.journal, id, text);
    if (problem) throw this.refusal(id, problem);
    // Known before the store fires its event, so that event is not taken for a change made elsewhere.
    const before = this.served.get(id);
    const after: Served = { uris: before?.uris ?? new Set(), text, editable: true, mtime: this.nextMtime() };
    after.uris.add(uri.toString());
    this.served.set(id, after);
    try {
      await this.store.change((j) => editDraftText(j, id, text));
    } catch (e) {
      if (before) this.served.set(id, before);
      else this.served.delete(id);
      // The store words its own refusals (read-only, the format's limits); anything else is a failure to write.
      throw vscode.FileSystemError.NoPermissions(e instanceof StoreRefusal ? e.message : vscode.l10n.t('The journal could not be written: {0}', (e as Error).message));
    }
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const journal = this.store.journal;
    if (uri.path === '/') return journal.attempts.filter((a) => a.status === 'draft').map((a) => [a.id, vscode.FileType.Directory]);
    const attempt = journal.attempts.find((a) => `/${a.id}` === uri.path.replace(/\/$/, ''));
    if (!attempt) throw vscode.FileSystemError.FileNotFound(uri);
    return [[draftUri(journal, attempt).path.split('/')[2]!, vscode.FileType.File]];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Drafts are made in the Mentoring Outreach builder or with "Draft a Specific Request…".'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Delete a draft from the Outreach view ("Delete Outreach Attempt").'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('A draft cannot be renamed or moved.'));
  }

  private idOf(uri: vscode.Uri): string {
    const id = draftAttemptId(uri);
    if (id === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return id;
  }

  private attemptOf(uri: vscode.Uri): Attempt {
    const id = this.idOf(uri);
    const attempt = this.store.journal.attempts.find((a) => a.id === id);
    if (!attempt) throw vscode.FileSystemError.FileNotFound(vscode.l10n.t('The outreach attempt "{0}" no longer exists (was it deleted?).', id));
    return attempt;
  }

  private serve(uri: vscode.Uri, attempt: Attempt): Served {
    let s = this.served.get(attempt.id);
    if (!s) {
      s = { uris: new Set(), text: attempt.text, editable: this.editable(attempt), mtime: this.nextMtime() };
      this.served.set(attempt.id, s);
    }
    s.uris.add(uri.toString());
    return s;
  }

  private editable(attempt: Attempt): boolean {
    return !this.store.readOnly && allowedActions(attempt).edit;
  }

  /** Tells the editors of every file served whose attempt changed (its text or whether it is a draft) or went. */
  private journalChanged(journal: Journal): void {
    const events: vscode.FileChangeEvent[] = [];
    for (const [id, s] of this.served) {
      const attempt = journal.attempts.find((a) => a.id === id);
      if (!attempt) {
        this.served.delete(id);
        for (const u of s.uris) events.push({ type: vscode.FileChangeType.Deleted, uri: vscode.Uri.parse(u, true) });
        continue;
      }
      const editable = this.editable(attempt);
      if (attempt.text === s.text && editable === s.editable) continue;
      s.text = attempt.text;
      s.editable = editable;
      s.mtime = this.nextMtime();
      for (const u of s.uris) events.push({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(u, true) });
    }
    if (events.length > 0) this.changes.fire(events);
  }

  /** A modification time later than every one handed out before (two changes within a millisecond differ too). */
  private nextMtime(): number {
    this.lastMtime = Math.max(Date.now(), this.lastMtime + 1);
    return this.lastMtime;
  }

  private refusal(id: string, p: DraftEditProblem): vscode.FileSystemError {
    switch (p.kind) {
      case 'missing':
        return vscode.FileSystemError.FileNotFound(vscode.l10n.t('The outreach attempt "{0}" no longer exists (was it deleted?). Nothing was saved.', id));
      case 'not-draft':
        return vscode.FileSystemError.NoPermissions(
          vscode.l10n.t('This request is {0} already: only a draft can be edited, and a sent request stays as it was sent. Nothing was saved.', statusLabel(p.status)),
        );
      case 'too-long':
        return vscode.FileSystemError.NoPermissions(
          vscode.l10n.t('The draft is {0} characters long; the journal keeps at most {1}. Shorten it and save again — nothing was saved.', count(p.length), count(p.max)),
        );
    }
  }
}

/** A count with the display language's digit grouping ("20,000" in English). */
function count(n: number): string {
  try {
    return n.toLocaleString(vscode.env.language);
  } catch {
    return n.toLocaleString('en');
  }
}
