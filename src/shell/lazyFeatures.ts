/**
 * The one lazy loader. dist/features.js (src/features.ts: every command, the builder, diagnostics, sync,
 * import and export) is required the first time a person uses any of it — never at activation. Each of its
 * commands is registered here once, as a stand-in, and stays registered: the first call loads the bundle (whose
 * command modules put their handlers into commandHandlers.ts rather than registering again), and every call runs
 * the features' handler with the same arguments.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Features, FeaturesBundle, ShellDeps } from './featuresApi';
import { clearCommandHandlers, commandHandler, forgetHandlers, useStandIns } from './commandHandlers';
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
    useStandIns(commandIds);
    this.standIns = commandIds.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        this.load();
        const handler = commandHandler(id);
        if (!handler) throw new Error(`Mentoring Outreach: the command '${id}' did not load`);
        return handler(...args);
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
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy loading by path, see above
    const bundle = require(path.join(__dirname, 'features.js')) as FeaturesBundle;
    try {
      this.features = bundle.start(this.context, this.shell);
    } catch (e) {
      // The next use tries again and reports this error again, not "already has a handler".
      forgetHandlers();
      throw e;
    }
    return this.features;
  }

  private dropStandIns(): void {
    for (const d of this.standIns.splice(0)) d.dispose();
    clearCommandHandlers();
  }
}
