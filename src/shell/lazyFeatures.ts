/**
 * The one lazy loader. dist/features.js (src/features.ts: every command, the builder, diagnostics, sync,
 * import and export) is required the first time a person uses any of it — never at activation. Until
 * then each of its commands is a stand-in: the first call loads the bundle (which registers the real
 * commands in the stand-ins' place) and runs the real command with the same arguments.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Features, FeaturesBundle, ShellDeps } from './featuresApi';
import { Disposable } from '../util/disposable';

export class LazyFeatures extends Disposable {
  private features: Features | undefined;
  private standIns: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly shell: ShellDeps,
    commandIds: readonly string[],
  ) {
    super();
    this._register({ dispose: () => this.dropStandIns() });
    this.standIns = commandIds.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        this.load();
        return vscode.commands.executeCommand(id, ...args);
      }),
    );
  }

  /** True once the bundle has been loaded. */
  get loaded(): boolean {
    return this.features !== undefined;
  }

  /** The features, loading them now if they are not yet. */
  load(): Features {
    if (this.features) return this.features;
    this.dropStandIns();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy loading by path, see above
    const bundle = require(path.join(__dirname, 'features.js')) as FeaturesBundle;
    this.features = bundle.start(this.context, this.shell);
    return this.features;
  }

  private dropStandIns(): void {
    for (const d of this.standIns.splice(0)) d.dispose();
  }
}
