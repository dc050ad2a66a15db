/**
 * The parts of a request: the greeting, the sentences of the body with what each holds (a question, ask
 * words, evidence, a placeholder), and the topics that follow a marker in one sentence.
 */

import {
  ASK_RE,
  BULLET_AT_RE,
  CONTEXT_RE,
  EVIDENCE_RE,
  GENERIC_NAMES,
  GREETING_RE,
  IMPERSONAL_NAMES,
  NAME_LINE_RE,
  PLACEHOLDER_RE,
  SKILL_PHRASE_RE,
  TOPIC_SPLIT_RE,
  WEAK_EVIDENCE_RE,
} from './lexicon';
import { countBelow, isCloser, isSpace, letterAt, trimSpan, type Span } from './text';

export interface Sentence extends Span {
  index: number;
}

export interface Greeting {
  /** Where the body (the first sentence) may begin. */
  bodyStart: number;
  /** The greeting word ("Hi"), if any. */
  word?: Span;
  /** The name as written, if any (not a generic "there"). */
  name?: Span;
  /** A generic stand-in for a name ("there", "all", "[Name]"). */
  generic?: Span;
  /** The stand-in is a form letter's ("To whom it may concern", "Dear Sir or Madam"): addressed to nobody. */
  impersonal?: boolean;
  /** The first line is just "Name," with no greeting word. */
  nameOnly?: boolean;
}

/** A character BULLET_AT_RE can start with once past its leading spaces: - * • · – or a digit. */
function mayStartBullet(c: number): boolean {
  return c === 45 || c === 42 || c === 0x2022 || c === 0xb7 || c === 0x2013 || (c >= 48 && c <= 57);
}

/**
 * Sentences from `from` on: they end at ".", "!" or "?" followed by a space, at a blank line, and
 * around bullet lines. A single line break inside a paragraph (hard-wrapped text) does not end one.
 */
export function splitSentences(text: string, from: number): Sentences {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let start = -1;
  let bullet = false;
  const push = (end: number) => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    while (end > s && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > s) {
      starts.push(s);
      ends.push(end);
    }
    start = -1;
  };
  // Past the leading spaces (skipped already), BULLET_AT_RE needs a bullet character: the regular expression only
  // runs where one is (mayStartBullet), not at every sentence and line.
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (start < 0) {
      if (isSpace(c)) continue;
      start = i;
      BULLET_AT_RE.lastIndex = i;
      bullet = mayStartBullet(c) && BULLET_AT_RE.test(text);
      if (bullet) {
        i = BULLET_AT_RE.lastIndex - 1;
        continue;
      }
    }
    if (c === 10) {
      let j = i + 1;
      let d = 0;
      while (j < n && ((d = text.charCodeAt(j)) === 32 || d === 9 || d === 13)) j++;
      BULLET_AT_RE.lastIndex = j;
      if (j >= n || d === 10 || bullet || (mayStartBullet(d) && BULLET_AT_RE.test(text))) push(i);
      continue;
    }
    if (c === 46 || c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && isCloser(text.charCodeAt(j))) j++;
      if (j >= n || isSpace(text.charCodeAt(j))) {
        push(j);
        i = j - 1;
      }
    }
  }
  if (start >= 0) push(n);
  return new Sentences(text, starts, ends);
}

// What a sentence has, as bits of Sentences.flags.
const QUESTION = 1;
/** A match of ASK_RE ("would you"); the sentence is the ask if it has this or is a question. */
const ASK_WORDS = 2;
const EVIDENCE = 4;

const ASK_SCAN_RE = new RegExp(ASK_RE.source, 'giu');
const EVIDENCE_SCAN_RE = new RegExp(EVIDENCE_RE.source, 'giu');
const WEAK_EVIDENCE_SCAN_RE = new RegExp(WEAK_EVIDENCE_RE.source, 'giu');
const CONTEXT_SCAN_RE = new RegExp(CONTEXT_RE.source, 'giu');
const SKILL_SCAN_RE = new RegExp(SKILL_PHRASE_RE.source, 'giu');

/**
 * The sentences of the body, as offsets and bits: a long text has hundreds of thousands of sentences, and an
 * object, a slice and a few regular-expression runs for each would cost more than the rest of the check.
 */
export class Sentences {
  private readonly flags: Uint8Array;
  /**
   * Per sentence, whether it holds an unfilled placeholder ("I've seen you [what you have seen them do]."): 0 not
   * asked yet, 1 no, 2 yes. Such a sentence stands for what is still to be written, so it counts as no evidence,
   * context or skill phrase. Asked only of the sentences that would count (a text of placeholders has many).
   */
  private readonly placeholders: Uint8Array;
  /** The first placeholder at or after `from` starts at `at` (-1: none): what the last search found, reused. */
  private nextPlaceholder = { from: -1, at: -1 };

  constructor(
    private readonly text: string,
    readonly starts: readonly number[],
    readonly ends: readonly number[],
  ) {
    const flags = (this.flags = new Uint8Array(starts.length));
    this.placeholders = new Uint8Array(starts.length);
    for (let k = 0; k < starts.length; k++) {
      // /\?["'’”)\]]*$/u: a "?" before nothing but closing quotes and brackets.
      let e = ends[k]!;
      let c: number;
      while (e > starts[k]! && ((c = text.charCodeAt(e - 1)) === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93)) e--;
      if (e > starts[k]! && text.charCodeAt(e - 1) === 63) flags[k] = QUESTION;
    }
    for (let k = this.next(ASK_SCAN_RE, ASK_RE, 0); k >= 0; k = this.next(ASK_SCAN_RE, ASK_RE, k + 1)) flags[k]! |= ASK_WORDS;
    for (let k = this.next(EVIDENCE_SCAN_RE, EVIDENCE_RE, 0); k >= 0; k = this.next(EVIDENCE_SCAN_RE, EVIDENCE_RE, k + 1)) {
      if (!this.hasPlaceholder(k)) flags[k]! |= EVIDENCE;
    }
    // Weaker evidence only counts outside the ask.
    for (let k = this.next(WEAK_EVIDENCE_SCAN_RE, WEAK_EVIDENCE_RE, 0); k >= 0; k = this.next(WEAK_EVIDENCE_SCAN_RE, WEAK_EVIDENCE_RE, k + 1)) {
      if (!this.isAsk(k) && !this.hasPlaceholder(k)) flags[k]! |= EVIDENCE;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  get(k: number): Sentence | undefined {
    if (k < 0 || k >= this.starts.length) return undefined;
    return { start: this.starts[k]!, end: this.ends[k]!, index: k };
  }

  isQuestion(k: number): boolean {
    return (this.flags[k]! & QUESTION) !== 0;
  }

  /** The sentence reads as an ask: a question, or "would you…", "I'd love…". */
  isAsk(k: number): boolean {
    return (this.flags[k]! & (QUESTION | ASK_WORDS)) !== 0;
  }

  hasAskWords(k: number): boolean {
    return (this.flags[k]! & ASK_WORDS) !== 0;
  }

  hasEvidence(k: number): boolean {
    return (this.flags[k]! & EVIDENCE) !== 0;
  }

  hasPlaceholder(k: number): boolean {
    if (k < 0 || k >= this.starts.length) return false;
    if (this.placeholders[k] === 0) {
      const start = this.starts[k]!;
      // The sentences are asked about in order, each pass once: a search that found the next placeholder far ahead
      // answers for every sentence before it, so the text is scanned about once per pass.
      const near = this.nextPlaceholder;
      if (!(near.from >= 0 && near.from <= start && (near.at < 0 || near.at >= start))) {
        PLACEHOLDER_RE.lastIndex = start;
        const m = PLACEHOLDER_RE.exec(this.text);
        PLACEHOLDER_RE.lastIndex = 0;
        this.nextPlaceholder = { from: start, at: m ? m.index : -1 };
      }
      const at = this.nextPlaceholder.at;
      this.placeholders[k] = at >= 0 && at < this.ends[k]! ? 2 : 1;
    }
    return this.placeholders[k] === 2;
  }

  /** The index of the sentence that contains `offset`, or -1. */
  indexAt(offset: number): number {
    const k = this.firstEndingAfter(0, offset);
    return k < this.starts.length && this.starts[k]! <= offset ? k : -1;
  }

  /** The first sentence from `k` on that ends after `offset` (the one containing it, or the next). */
  private firstEndingAfter(k: number, offset: number): number {
    let lo = k;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The first sentence from `k` on whose text has a match of `test` (non-global; `scan` is its global twin), or -1:
   * what `test.test(text.slice(start, end))` says for each sentence in turn, with one scan of the text instead of
   * a slice and a run per sentence. Sound for patterns whose lookarounds are the word boundaries at either end, or
   * look ahead inside the match at what it goes on with (ASK_RE, EVIDENCE_RE, WEAK_EVIDENCE_RE, CONTEXT_RE,
   * SKILL_PHRASE_RE): a sentence is bordered by spaces (or by its greeting's
   * punctuation), where a word boundary sees the same in the text as in the sentence alone. So where the scan finds
   * no match, no sentence has one, and a match inside a sentence is one of the sentence alone; a match that spills
   * over a sentence's end (its `\s+` across a blank line) is settled by testing that sentence alone.
   */
  next(scan: RegExp, test: RegExp, k: number): number {
    const { text, starts, ends } = this;
    try {
      while (k < starts.length) {
        scan.lastIndex = starts[k]!;
        const m = scan.exec(text);
        if (!m) return -1;
        k = this.firstEndingAfter(k, m.index);
        if (k >= starts.length) return -1;
        if (m.index < starts[k]!) continue; // between sentences: scan again from the next one
        if (m.index + m[0].length <= ends[k]!) return k;
        if (test.test(text.slice(starts[k]!, ends[k]!))) return k;
        k++;
      }
      return -1;
    } finally {
      scan.lastIndex = 0;
    }
  }

  /** The first sentence with a match of CONTEXT_RE ("I am working on…") and no placeholder, or -1. */
  firstWithContext(): number {
    return this.firstWithout(CONTEXT_SCAN_RE, CONTEXT_RE);
  }

  /** The first sentence with a match of SKILL_PHRASE_RE ("in the area of…") and no placeholder, or -1. */
  firstWithSkillPhrase(): number {
    return this.firstWithout(SKILL_SCAN_RE, SKILL_PHRASE_RE);
  }

  private firstWithout(scan: RegExp, test: RegExp): number {
    let k = this.next(scan, test, 0);
    while (k >= 0 && this.hasPlaceholder(k)) k = this.next(scan, test, k + 1);
    return k;
  }
}

export function findGreeting(text: string): Greeting {
  const m = GREETING_RE.exec(text);
  if (m) {
    const wordStart = m.index + Math.max(0, m[0].search(/[^\s\uFEFF]/u));
    const word = { start: wordStart, end: wordStart + m[1]!.length };
    const raw = m[2]!;
    const terminator = m[3];
    // Without a "," (or line end) within 80 characters, or with more than four words, it is no name.
    if (terminator === undefined) return { bodyStart: word.end, word };
    const name = trimSpan(text, { start: word.end, end: word.end + raw.length });
    const nameText = text.slice(name.start, name.end);
    if (nameText.split(/\s+/u).length > 4) return { bodyStart: word.end, word };
    const bodyStart = word.end + raw.length + (terminator === '\n' ? 0 : terminator.length);
    if (name.end === name.start) return { bodyStart, word };
    const lower = nameText.toLowerCase();
    // "Hi [Name]," and "Hi {{personName}}": the name is still to be filled in.
    if (GENERIC_NAMES.has(lower) || isPlaceholder(nameText)) return { bodyStart, word, generic: name, ...(IMPERSONAL_NAMES.has(lower) ? { impersonal: true } : {}) };
    return { bodyStart, word, name };
  }
  const line = NAME_LINE_RE.exec(text);
  if (line) {
    const start = line.index + line[0].indexOf(line[1]!);
    const name = { start, end: start + line[1]!.length };
    const nameText = line[1]!;
    const bodyStart = line.index + line[0].length;
    if (IMPERSONAL_NAMES.has(nameText.toLowerCase())) return { bodyStart, generic: name, impersonal: true, nameOnly: true };
    if (GENERIC_NAMES.has(nameText.toLowerCase()) || nameText.split(/\s+/u).length > 4) return { bodyStart: 0 };
    return { bodyStart, name, nameOnly: true };
  }
  return { bodyStart: 0 };
}

/** The whole of `s` (trimmed) is one placeholder. */
function isPlaceholder(s: string): boolean {
  const t = s.trim();
  PLACEHOLDER_RE.lastIndex = 0;
  const m = PLACEHOLDER_RE.exec(t);
  PLACEHOLDER_RE.lastIndex = 0;
  return m !== null && m.index === 0 && m[0].length === t.length;
}

const TOPIC_SPLIT_GLOBAL_RE = new RegExp(TOPIC_SPLIT_RE.source, 'giu');
const PLACEHOLDER_AT_RE = new RegExp(PLACEHOLDER_RE.source, 'uy');

/**
 * A piece of a list is a topic if it has a letter or digit outside placeholders ("[topic 1]" is none). Looked for
 * from the start, stopping at the first: a piece is usually the rest of a long sentence, and a topic starts early.
 */
export function isTopic(piece: string): boolean {
  for (let i = 0; i < piece.length; ) {
    const c = piece.charCodeAt(i);
    if (c === 91 || (c === 123 && piece.charCodeAt(i + 1) === 123)) {
      PLACEHOLDER_AT_RE.lastIndex = i;
      if (PLACEHOLDER_AT_RE.test(piece)) {
        i = PLACEHOLDER_AT_RE.lastIndex;
        continue;
      }
    }
    const w = letterAt(piece, i);
    if (w) return true;
    i++;
  }
  return false;
}

/**
 * The topics in the tails of one sentence: what `text.slice(markerEnd, end).split(TOPIC_SPLIT_RE)` keeps (the
 * pieces with a letter or digit outside placeholders) for each marker of the sentence, without splitting the rest of the sentence again
 * for every marker. All tails of a sentence end at `end`; the first one starts at `from` and is split once, lazily
 * (only as far as asked). Splitting scans left to right, so a later marker's tail has the same separators as the
 * first tail after the marker, and its first piece is the rest of the piece the marker ends in — unless the marker
 * ends inside a separator ("such as| well as"), when that tail is split on its own (once per sentence at most:
 * every marker before it had fewer than two topics).
 */
export class TopicSplit {
  private readonly tail: string;
  /** Separators found so far, relative to `from`: starts and ends. Piece i ends at separator i (or the tail's end). */
  private readonly sepStart: number[] = [];
  private readonly sepEnd: number[] = [];
  /** Indices of the pieces found so far that are topics (isTopic). */
  private readonly lettered: number[] = [];
  /** Where the search for the next separator resumes; -1 when the whole tail is split. */
  private resume = 0;

  constructor(
    text: string,
    readonly sentence: number,
    private readonly from: number,
    readonly end: number,
  ) {
    this.tail = text.slice(from, Math.max(from, end));
  }

  /**
   * The topics of the tail that starts at `markerEnd` (in the sentence, at or after `from`), cut at `limit` (all the
   * caller needs: two to know there are enough, one more than the most allowed to know there are too many).
   */
  itemsFrom(markerEnd: number, limit: number): string[] {
    if (markerEnd >= this.end) return [];
    const r = markerEnd - this.from;
    // Split until the separators before r are known, and the one after it if there is one.
    while (this.resume >= 0 && (this.sepStart.length === 0 || this.sepStart[this.sepStart.length - 1]! < r)) this.splitOne();
    const j = countBelow(this.sepStart, r); // r is in piece j, or inside separator j - 1
    if (j > 0 && this.sepEnd[j - 1]! > r) {
      return this.tail.slice(r).split(TOPIC_SPLIT_RE).filter(isTopic).slice(0, limit);
    }
    const pieceEnd = j < this.sepStart.length ? this.sepStart[j]! : this.tail.length;
    const items: string[] = [];
    if (isTopic(this.tail.slice(r, pieceEnd))) items.push(this.tail.slice(r, pieceEnd));
    // Find topic pieces after piece j until there are `limit`.
    let k = countBelow(this.lettered, j + 1);
    while (items.length < limit) {
      while (this.resume >= 0 && k >= this.lettered.length) this.splitOne();
      if (k >= this.lettered.length) break;
      items.push(this.piece(this.lettered[k++]!));
    }
    return items;
  }

  private piece(i: number): string {
    return this.tail.slice(i === 0 ? 0 : this.sepEnd[i - 1]!, i < this.sepStart.length ? this.sepStart[i]! : this.tail.length);
  }

  /** Finds the next separator (or the end of the tail) and notes whether the piece before it has a letter. */
  private splitOne(): void {
    const re = TOPIC_SPLIT_GLOBAL_RE;
    re.lastIndex = this.resume;
    const m = re.exec(this.tail);
    re.lastIndex = 0;
    const start = this.resume;
    const index = this.sepStart.length;
    if (m) {
      this.sepStart.push(m.index);
      this.sepEnd.push(m.index + m[0].length);
      this.resume = m.index + m[0].length;
    } else {
      this.resume = -1;
    }
    if (isTopic(this.tail.slice(start, m ? m.index : this.tail.length))) this.lettered.push(index);
  }
}
