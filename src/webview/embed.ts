/**
 * The builder's first data, in its HTML: the webview shows it at once, with no round trip to the extension
 * ("ready" → "data") before its first paint. Kept free of `vscode` so the webview bundle and the unit tests
 * can import it.
 */
import type { BuilderData, Step } from './protocol';

/** The id of the `<script type="application/json">` element that holds it. */
export const INITIAL_DATA_ID = 'initial-data';

/** What the HTML holds: the journal's data when the panel was made, and the step it was opened at (if any). */
export interface InitialData {
  data: BuilderData;
  step: Step | null;
}

/**
 * `value` as JSON that can stand inside a `<script type="application/json">` element: `<`, `>` and `&` (and the
 * line and paragraph separators U+2028/U+2029) are written as `\uXXXX` escapes, so no text of a person's — a
 * `</script>`, a `<!--`, a `<script>` — can end the element, open a comment in it or start markup. `JSON.parse` of
 * the element's text gives `value` back unchanged. Such an element is data, never run: the CSP's nonce rule for
 * scripts is unaffected.
 */
export function jsonForScriptElement(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('not representable as JSON');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The webview's own built script or stylesheet as the content of an inline `<script nonce>` / `<style nonce>`
 * element, so the first paint waits for no request per file (each one a round trip through the webview's service
 * worker and the workbench). Undefined when the text could end the element early or change how the HTML parser
 * reads it (`</script`, `</style`, `<!--`, in any case): the caller then links the file instead. Only our own build
 * output is ever inlined — never a person's text (that goes through jsonForScriptElement).
 */
export function inlineElementText(kind: 'script' | 'style', text: string): string | undefined {
  const unsafe = kind === 'script' ? /<\/script|<!--/i : /<\/style|<!--/i;
  return unsafe.test(text) ? undefined : text;
}
