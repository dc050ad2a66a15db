/**
 * Every character displaySafe (src/domain/displayText.ts) must never let through to the report, the .ics or a
 * tree label: bidirectional embeddings/overrides/isolates, and control characters except tab, LF and CR.
 * Written out independently of the implementation on purpose.
 */
// eslint-disable-next-line no-control-regex -- control characters are the point
export const UNSAFE_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
