/**
 * Just enough of the `vscode` API to load and activate the extension in plain Node, for benchmarks.
 * Every call is a cheap no-op or records what it was given. Members not written out here are filled in
 * on first use by no-op stand-ins (see `autoStub`), so the benchmark keeps running as the extension starts
 * using more of the API; `autoStubbed` lists them, and bench/micro.ts prints the list.
 */
import Module from 'node:module';

class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  dispose(): void {
    this.fn();
  }
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
}

class EventEmitter<T> {
  private listeners: ((v: T) => void)[] = [];
  event = (l: (v: T) => void) => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(v: T): void {
    for (const l of this.listeners) l(v);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  iconPath?: unknown;
  accessibilityInformation?: unknown;
  constructor(
    public label: string,
    public collapsibleState = 0,
  ) {}
}

class ThemeIcon {
  constructor(
    public id: string,
    public color?: unknown,
  ) {}
}
class ThemeColor {
  constructor(public id: string) {}
}

class Uri {
  constructor(
    public scheme: string,
    public path: string,
  ) {}
  static file(p: string) {
    return new Uri('file', p);
  }
  static parse(s: string) {
    return new Uri(s.split(':')[0] ?? 'file', s);
  }
  static from(c: { scheme: string; path?: string }) {
    return new Uri(c.scheme, c.path ?? '');
  }
  static joinPath(base: Uri, ...segments: string[]) {
    return new Uri(base.scheme, [base.path.replace(/\/+$/, ''), ...segments].join('/'));
  }
  get fsPath() {
    return this.path;
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
}

/** Names of API members that were filled in by `autoStub`, in order of first use. */
export const autoStubbed: string[] = [];

/**
 * `known`, plus a no-op stand-in for every member it lacks: the stand-in can be called or constructed
 * (returning another stand-in) and read from (`createOutputChannel(…).appendLine(…)`, `.dispose()` work).
 * `then` and `__…` (e.g. `__esModule`) stay undefined, so a stand-in is never mistaken for a promise or an ES module.
 * A bundler copies the top-level names once at `require('vscode')`, so namespaces are listed below, even if empty.
 */
function autoStub<T extends object>(known: T, name: string): T {
  return new Proxy(known, {
    get(target, prop, receiver) {
      if (prop in target || typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' || prop.startsWith('__')) {
        return Reflect.get(target, prop, receiver);
      }
      const member = `${name}.${prop}`;
      if (!autoStubbed.includes(member)) autoStubbed.push(member);
      const standIn = autoStub(function standIn() {
        return autoStub({}, `${member}()`);
      }, member);
      Reflect.set(target, prop, standIn);
      return standIn;
    },
  });
}

export const registered: string[] = [];

export const vscodeStub = autoStub(
  {
    Disposable,
    EventEmitter,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    Uri,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    CodeActionKind: { QuickFix: { value: 'quickfix' }, Empty: { value: '' } },
    // Like VS Code without a translation: the English message with {n} filled in.
    l10n: autoStub(
      {
        t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)]))),
      },
      'l10n',
    ),
    window: autoStub(
      {
        createTreeView: () => ({ dispose() {}, visible: false, badge: undefined, message: undefined, reveal: async () => undefined }),
        showWarningMessage: async () => undefined,
        showInformationMessage: async () => undefined,
        showErrorMessage: async () => undefined,
      },
      'window',
    ),
    commands: autoStub(
      {
        registerCommand: (id: string) => {
          registered.push(id);
          return new Disposable();
        },
        executeCommand: async () => undefined,
      },
      'commands',
    ),
    workspace: autoStub(
      {
        getConfiguration: () => ({ get: () => undefined }),
        onDidChangeConfiguration: () => new Disposable(),
        workspaceFolders: undefined,
      },
      'workspace',
    ),
    env: autoStub({ clipboard: { writeText: async () => undefined } }, 'env'),
    ...Object.fromEntries(['languages', 'extensions', 'authentication', 'tasks', 'debug', 'scm', 'tests'].map((ns) => [ns, autoStub({}, ns)])),
  },
  'vscode',
);

/** Makes `require('vscode')` return the stub from now on. */
export function installVscodeStub(): void {
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscodeStub;
    return original.call(this, request, ...rest);
  };
}

/** The parts of an ExtensionContext the benchmarks need; `extensionPath` is the extension's folder. */
export function fakeContext(memento: unknown, extensionPath = '/ext') {
  const extensionUri = Uri.file(extensionPath);
  return { subscriptions: [] as { dispose(): void }[], workspaceState: memento, globalState: memento, extensionUri, extensionPath };
}
