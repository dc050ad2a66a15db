/**
 * The Assessment & Request Builder panel (`mentoring.builder`): one instance, revealed when opened
 * again, restored after a window reload by a serializer. The webview is locked down: CSP
 * `default-src 'none'`, scripts only by a fresh nonce, styles from the webview's own origin, resources
 * only from the built webview folder, no command URIs. All logic is in BuilderController.
 */
import * as vscode from 'vscode';
import { BuilderController, type BuilderHost } from './builderController';
import type { Step, ToWebview } from './protocol';

export const BUILDER_VIEW_TYPE = 'mentoring.builder';

export type BuilderServices = Omit<BuilderHost, 'post'>;

export class BuilderPanel implements vscode.Disposable {
  private static current: BuilderPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  readonly controller: BuilderController;
  private pendingStep: Step | undefined;

  /** Opens the builder, or reveals the one that is open; `step` jumps to a step. */
  static show(extensionUri: vscode.Uri, services: BuilderServices, step?: Step): BuilderPanel {
    const open = BuilderPanel.current;
    if (open) {
      open.panel.reveal(undefined, false);
      if (step) open.goto(step);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(BUILDER_VIEW_TYPE, 'Assessment & Request Builder', vscode.ViewColumn.Active, options(extensionUri));
    return new BuilderPanel(panel, extensionUri, services, step);
  }

  /** After a window reload: VS Code hands back the panel and the webview's last saved state. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, services: BuilderServices): BuilderPanel {
    BuilderPanel.current?.dispose();
    panel.webview.options = options(extensionUri);
    return new BuilderPanel(panel, extensionUri, services);
  }

  static get instance(): BuilderPanel | undefined {
    return BuilderPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    services: BuilderServices,
    step?: Step,
  ) {
    BuilderPanel.current = this;
    this.pendingStep = step;
    this.controller = new BuilderController({ ...services, post: (m) => this.post(m) });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'mentoring.svg');
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(async (raw: unknown) => {
        const wasReady = this.controller.isReady;
        await this.controller.receive(raw);
        if (!wasReady && this.controller.isReady && this.pendingStep) {
          this.goto(this.pendingStep);
        }
      }),
      services.store.onDidChange(() => this.controller.refresh()),
    );
  }

  goto(step: Step): void {
    if (this.controller.isReady) {
      this.pendingStep = undefined;
      this.post({ type: 'goto', step });
    } else this.pendingStep = step;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (BuilderPanel.current === this) BuilderPanel.current = undefined;
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
  }
}

function options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

function nonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}">
<link rel="stylesheet" href="${asset('main.css')}">
<title>Assessment &amp; Request Builder</title>
</head>
<body>
<main id="app" aria-live="polite"><p>Loading…</p></main>
<script nonce="${n}" src="${asset('main.js')}"></script>
</body>
</html>`;
}
