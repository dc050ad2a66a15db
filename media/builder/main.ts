// The webview entry (browser). The Assessment & Request Builder grows here; for now it only
// announces that it is ready, which the extension side waits for before posting state.
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscodeApi = acquireVsCodeApi();
vscodeApi.postMessage({ type: 'ready' });
