/**
 * Text helpers for the request check: characters (letters, spaces, closing punctuation), spans, the matches
 * of a pattern, words, and the names, skills and numbers a request is checked for or written with. Several
 * work by hand, over offsets, where a slice or a regular-expression run per word would make a long text cost
 * too much (index.ts: the work stays linear).
 */

import { HAS_LETTER_RE, NUMBER_VALUE, NUMBER_WORDS, SMALL_WORDS, TITLES } from './lexicon';

export interface Span {
  start: number;
  end: number;
}

/**
 * The matches of a global `re` one at a time (from offset `from` on), for loops that may stop early (`lastIndex` is
 * reset when the loop ends, however it ends).
 */
export function* eachMatch(re: RegExp, text: string, from = 0): Generator<RegExpExecArray, void, undefined> {
  re.lastIndex = from;
  try {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const next = re.lastIndex;
      yield m;
      re.lastIndex = m[0].length === 0 ? next + 1 : next;
    }
  } finally {
    re.lastIndex = 0;
  }
}

/** How many of the ascending `sorted` are below `x`. */
export function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A word: letters and digits, maybe joined by ' ’ or - to more ("well-known", "don't"), i.e. a match of
// `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (flag u). checkLength (checker.ts) counts words (and skillNamed looks at their
// parts) by hand, with letterAt, rather than running a regular expression once per word.

/**
 * 1 or 2 (UTF-16 units) if a letter or digit (`[\p{L}\p{N}]`, by code point) starts at `i`, else 0; what words
 * and HAS_LETTER_RE call a letter, looked up in a table for the Basic Multilingual Plane.
 */
export function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return 0; // a lone surrogate
    return HAS_LETTER_RE.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = BMP_LETTER[c]!;
  if (known === 0) known = BMP_LETTER[c] = HAS_LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** Per BMP character: 0 not looked up yet, 1 a letter or digit, 2 not. */
const BMP_LETTER = new Uint8Array(0x10000);

/** ' ’ or - (a word joins letters with these). */
export function isWordJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45;
}

export function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}

export function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

export function firstLine(text: string): Span {
  const start = leadingSpace(text);
  const nl = text.indexOf('\n', start);
  return trimSpan(text, { start, end: nl < 0 ? text.length : nl });
}

export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** /[.!?"'’”)\]\s]/ for one character (a loop over the end of a long sentence runs this, not a regular expression). */
export function isClosingOrSpace(c: number): boolean {
  return isCloser(c) || isRegExpSpace(c);
}

/** /\s/ for one character. */
function isRegExpSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A character that may follow a sentence's ".", "!" or "?": . ! ? " ' ’ ” ) ] */
export function isCloser(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93;
}

/** Whether the first words (up to 60 characters) of `part` appear in `folded` (a folded text), ignoring case and spacing. */
export function containsLoosely(folded: string, part: string): boolean {
  const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const needle = squash(fold(part)).slice(0, 60).trim();
  return needle.length > 0 && squashedIncludes(folded, needle.split(' '));
}

/**
 * Whether squash(text) — every run of characters other than letters and digits made one space, then trimmed —
 * includes `words` joined by single spaces, without building squash(text) (a second copy of a long text, and a
 * replacement per space). The words are letters and digits; the last may end in half a surrogate pair (cut).
 */
function squashedIncludes(text: string, words: readonly string[]): boolean {
  const first = words[0]!;
  const last = words.length - 1;
  /** Whether `word` is at `i` within one run of letters and digits, which ends right after it unless `open`. */
  const wordAt = (word: string, i: number, open: boolean): boolean => {
    if (!text.startsWith(word, i)) return false;
    const end = i + word.length;
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) return letterAt(text, end - 1) === 2; // the cut pair must be a letter too
    return open || (end < text.length && letterAt(text, end) === 0);
  };
  for (let p = text.indexOf(first); p >= 0; p = text.indexOf(first, p + 1)) {
    if (!wordAt(first, p, last === 0)) continue;
    let i = p + first.length;
    let k = 1;
    for (; k <= last; k++) {
      // The space: a run (one or more) of anything but letters and digits.
      const runStart = i;
      while (i < text.length && letterAt(text, i) === 0) i++;
      if (i === runStart || !wordAt(words[k]!, i, k === last)) break;
      i += words[k]!.length;
    }
    if (k > last) return true;
  }
  return false;
}

export function fold(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

/**
 * The greeting uses the person's name: any part of it other than a title — first, middle or last
 * ("Hi Terry", "Dear Dr. Jones", "Hi Terry Jones"), case-insensitive, in any Unicode normal form.
 */
export function nameMatches(written: string, personName: string): boolean {
  const said = new Set(fold(written).split(/[\s.,]+/u).filter(Boolean));
  const parts = fold(personName)
    .split(/[\s.,]+/u)
    .filter((p) => p && !TITLES.has(p));
  if (parts.length === 0) return true;
  return parts.some((p) => said.has(p));
}

/**
 * Whether the text names the skill: at least half (rounded up) of its significant words appear, each
 * matched by its first max(4, length − 3) letters ("negotiation" ~ "negotiating", "speaking" ~ "speak").
 */
export function skillNamed(text: string, skillName: string): boolean {
  return skillNamedIn(fold(text), skillName);
}

/** skillNamed on text already folded. */
export function skillNamedIn(body: string, skillName: string): boolean {
  const tokens = fold(skillName)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !SMALL_WORDS.has(t));
  if (tokens.length === 0) return true;
  const found = tokens.filter((t) => hasPartStartingWith(body, t.slice(0, Math.min(t.length, Math.max(4, t.length - 3)))));
  return found.length >= Math.ceil(tokens.length / 2);
}

/**
 * Whether every significant word of `phrase` (not a small word, not one of `ignore`) is in `body` (folded), each
 * matched as skillNamed matches them (true when it has none); `undefined` when it has more than `maxWords`.
 */
export function wordsAllIn(body: string, phrase: string, ignore: ReadonlySet<string>, maxWords: number): boolean | undefined {
  const tokens = fold(phrase)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !SMALL_WORDS.has(t) && !ignore.has(t));
  if (tokens.length > maxWords) return undefined;
  return tokens.every((t) => hasPartStartingWith(body, t.slice(0, Math.min(t.length, Math.max(4, t.length - 3)))));
}

/**
 * Whether a word part of `body` (a run of letters and digits: words split at ' ’ -) starts with `stem`
 * (letters and digits, maybe cut inside a surrogate pair): found with indexOf rather than by listing the parts.
 */
function hasPartStartingWith(body: string, stem: string): boolean {
  for (let p = body.indexOf(stem); p >= 0; p = body.indexOf(stem, p + 1)) {
    // A part starts here if no letter or digit ends just before…
    if (p > 0) {
      const c = body.charCodeAt(p - 1);
      const before = c >= 0xdc00 && c <= 0xdfff && p > 1 && letterAt(body, p - 2) === 2 ? 2 : letterAt(body, p - 1);
      if (before) continue;
    }
    // …and the part runs at least to the stem's end (the stem's last unit may be half of a pair).
    let i = p;
    let w: number;
    while (i < p + stem.length && (w = letterAt(body, i))) i += w;
    if (i >= p + stem.length) return true;
  }
  return false;
}

export function parseCount(raw: string): { value: number | null; numeric: boolean } {
  const s = raw.toLowerCase().replace(/\s+/gu, ' ').trim();
  const digits = s.match(/\d+/gu);
  if (digits) return { value: Math.max(...digits.map(Number)), numeric: true };
  const parts = s.split(/ (?:or|to) /u).map((p) => NUMBER_VALUE.get(p));
  if (parts.every((p) => p !== undefined)) return { value: Math.max(...(parts as number[])), numeric: true };
  if (s === 'a' || s === 'an' || s === 'a single') return { value: 1, numeric: false };
  if (s.startsWith('a couple')) return { value: 2, numeric: false };
  return { value: null, numeric: false };
}

export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** `n` written like `like`: digits stay digits, "Three" stays capitalised. */
export function styledNumber(n: number, like: string): string {
  if (/\d/u.test(like)) return String(n);
  const w = numberWord(n);
  return /^\p{Lu}/u.test(like) ? w[0]!.toUpperCase() + w.slice(1) : w;
}

export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}
