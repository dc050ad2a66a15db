/**
 * The user's own templates: `<workspace>/<mentoring.templatesFolder>/<name>.hbs` (default folder
 * `.mentoring/templates`), compiled at run time in the extension host only — never in the webview.
 * A broken template is reported once (with its line) and the built-in template is used instead.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompiledTemplate, compileTemplate } from './compiler';
import { Disposable } from '../util/disposable';

type Compiler = { compileTemplate: typeof compileTemplate };

export const DEFAULT_TEMPLATES_FOLDER = '.mentoring/templates';
const MAX_TEMPLATE_BYTES = 64 * 1024;

export type TemplateName = 'request' | 'followUpLater' | 'followUpReask' | 'followUpReferral' | 'followUpNudge' | 'thanks' | 'sessionAgenda';

interface Entry {
  mtime: number;
  template: CompiledTemplate | null;
  error: string | null;
}

export interface Lookup {
  /** The user's compiled template, or null to use the built-in one. */
  template: CompiledTemplate | null;
  /** Why the user's template is not used (it exists but is broken). */
  error: string | null;
}

export class UserTemplates extends Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly reported = new Set<string>();
  private compiler: Compiler | undefined;

  constructor(
    private readonly compilerPath: string,
    private readonly report: (message: string) => void,
  ) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mentoring.templatesFolder')) this.cache.clear();
    }));
  }

  /** The folder holding the user's templates: an absolute `mentoring.templatesFolder`, or one in the workspace (none without a workspace). */
  folder(): vscode.Uri | undefined {
    const configured = (vscode.workspace.getConfiguration('mentoring').get<string>('templatesFolder') ?? '').trim() || DEFAULT_TEMPLATES_FOLDER;
    // An absolute folder is the person's own, with or without a workspace.
    if (path.isAbsolute(configured)) return vscode.Uri.file(configured);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) return undefined;
    return vscode.Uri.joinPath(root, ...configured.split(/[\\/]+/).filter(Boolean));
  }

  /**
   * Synchronous for the caller (previews render on every keystroke): returns what is cached and
   * refreshes the cache in the background; `load()` awaits the refresh.
   */
  get(name: TemplateName): Lookup {
    void this.load(name);
    const entry = this.cache.get(name);
    return entry ? { template: entry.template, error: entry.error } : { template: null, error: null };
  }

  /** Reads (if changed) and compiles the user's template `name`. */
  async load(name: TemplateName): Promise<Lookup> {
    const folder = this.folder();
    if (!folder) return this.set(name, { mtime: -1, template: null, error: null });
    const uri = vscode.Uri.joinPath(folder, `${name}.hbs`);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return this.set(name, { mtime: -1, template: null, error: null });
    }
    const cached = this.cache.get(name);
    if (cached && cached.mtime === stat.mtime) return cached;
    const shown = vscode.workspace.asRelativePath(uri);
    try {
      if (stat.size > MAX_TEMPLATE_BYTES) throw new Error(vscode.l10n.t('it is larger than {0} kB', MAX_TEMPLATE_BYTES / 1024));
      const source = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
      const template = this.compile(source);
      return this.set(name, { mtime: stat.mtime, template, error: null });
    } catch (e) {
      const message = vscode.l10n.t('Your template {0} has an error: {1} — the built-in template is used instead.', shown, firstLines((e as Error).message));
      if (!this.reported.has(`${name}:${stat.mtime}`)) {
        this.reported.add(`${name}:${stat.mtime}`);
        this.report(message);
      }
      return this.set(name, { mtime: stat.mtime, template: null, error: message });
    }
  }

  private compile(source: string): CompiledTemplate {
    // Loaded on first use: activation never pays for the Handlebars compiler.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded lazily by path
    this.compiler ??= require(this.compilerPath) as Compiler;
    return this.compiler.compileTemplate(source);
  }

  private set(name: string, entry: Entry): Lookup {
    this.cache.set(name, entry);
    return entry;
  }
}

/** Handlebars' parse errors span several lines ("Parse error on line 3:\n…\n---^\nExpecting …"). */
function firstLines(message: string): string {
  return message.split('\n').filter((l) => l.trim() && !/^\s*-*\^$/.test(l)).slice(0, 3).join(' ').slice(0, 300);
}
