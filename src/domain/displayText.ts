/**
 * Showing stored text safely. The journal keeps exactly what was typed or imported; what is SHOWN
 * (the Markdown report, the .ics export, tree labels) goes through `displaySafe`, so that invisible
 * characters that reorder or hide text cannot make a label or a report say something other than
 * what is stored ("Trojan Source", CVE-2021-42574), and the .ics holds no control character
 * (RFC 5545 §3.3.11 forbids them in TEXT).
 *
 * Each such character is replaced by its code point in the visible notation `<U+202E>` (upper-case
 * hex, at least four digits) — not removed, so the reader sees that something was there and what.
 * Pure: no `vscode` import.
 */

/**
 * What is replaced:
 * - C0 controls U+0000–U+001F except tab, line feed and carriage return (each place that shows text
 *   decides about line breaks: the report turns them into spaces, the .ics escapes them as `\n`);
 * - DEL U+007F and the C1 controls U+0080–U+009F;
 * - the bidirectional embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and isolates
 *   U+2066–U+2069 (LRI, RLI, FSI, PDI): they reorder everything up to the end of the paragraph.
 * Kept on purpose: the marks U+200E (LRM), U+200F (RLM) and U+061C (ALM). They reorder nothing
 * beyond their neighbours, and right-to-left writers need them to type names correctly.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every bidirectional override/isolate and control character (see UNSAFE) shown as `<U+XXXX>`. */
export function displaySafe(text: string): string {
  return text.replace(UNSAFE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
