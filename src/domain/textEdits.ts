/**
 * Pure text arithmetic for editors: a region of a document that follows the edits made in and around it,
 * and the one replacement that turns one text into another. No `vscode` (offsets and strings only), so the
 * request diagnostics' bookkeeping is unit-tested in plain Node.
 */

/** A span of a text by UTF-16 offsets: [start, end). */
export interface Region {
  start: number;
  end: number;
}

/** One change of a document-change event (as vscode.TextDocumentContentChangeEvent has it). */
export interface TextChange {
  /** Where the replaced text starts, in the text before the event. */
  rangeOffset: number;
  /** How long the replaced text was. */
  rangeLength: number;
  /** What replaced it. */
  text: string;
}

/** A replacement of `range` (of the old text) by `text`. */
export interface TextReplacement {
  range: Region;
  text: string;
}

/** `region` made to fit a text of `length`: start and end within it, end not before start. */
export function clampRegion(region: Region, length: number): Region {
  const start = Math.min(Math.max(0, region.start), length);
  return { start, end: Math.min(Math.max(start, region.end), length) };
}

/**
 * Moves a tracked region through one change event. Edits before it shift it; edits that touch it
 * (inside it, across an edge, or at an edge — typing at either end) grow or shrink it; edits after it
 * leave it alone. The changes of one event refer to the text before the event and do not overlap, so
 * applying them from the last to the first keeps every offset valid.
 */
export function followEdits(region: Region, changes: readonly TextChange[]): Region {
  let { start, end } = region;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
    const cs = c.rangeOffset;
    const ce = cs + c.rangeLength;
    const delta = c.text.length - c.rangeLength;
    if (ce < start) {
      start += delta;
      end += delta;
    } else if (cs <= end) {
      end = Math.max(end, ce) + delta;
      start = Math.min(start, cs);
    }
  }
  return { start, end: Math.max(start, end) };
}

/**
 * The one replacement that turns `before` into `after`: the span between their common prefix and suffix
 * (never splitting a surrogate pair). Undefined when they are equal.
 */
export function minimalEdit(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(before.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (s > 0 && isHighSurrogate(before.charCodeAt(before.length - s - 1))) s--;
  return { range: { start: p, end: before.length - s }, text: after.slice(p, after.length - s) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
