/**
 * Carrying a change of the drafted text into a text the person has edited — where it is safe. The builder drafts
 * the request from a template; once the person edits it, the text is theirs. When a field of the form changes
 * later (sessions, minutes, time frame, topics, person, evidence), the template's text changes from `base` (what
 * it said when the person's text last agreed with the form) to `next`. Each changed phrase is carried over only
 * if the person's text still reads, around it, exactly as the template wrote it, and only in one place; otherwise
 * nothing is changed and the caller says that the text is now the person's own. Pure: no `vscode` import.
 */

/** Words (letters, digits and the marks inside words such as "I've" or "45-minute"), runs of space, other marks. */
const TOKEN = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|\s+|[^\p{L}\p{N}_\s]/gu;
const WORD = /[\p{L}\p{N}]/u;
/** Above this many cells the word diff is not attempted (the texts differ too much to carry anything over). */
const MAX_DIFF_CELLS = 400_000;

interface Hunk {
  /** Token range in `base` that is replaced. */
  start: number;
  end: number;
  /** What replaces it (from `next`). */
  text: string;
}

/**
 * `edited` with the template's change from `base` to `next` carried over, or null when that cannot be done safely
 * (a changed phrase is no longer in the person's text as the template wrote it, or is there more than once).
 * A phrase the person already changed the same way counts as carried over.
 */
export function rebaseText(base: string, next: string, edited: string): string | null {
  if (base === next) return edited;
  const a = base.match(TOKEN) ?? [];
  const b = next.match(TOKEN) ?? [];
  const hunks = diff(a, b);
  if (hunks === null) return null;
  // Every hunk is located in the edited text first; only then is anything replaced (from the end, so the
  // positions found stay right).
  const edits: { at: number; length: number; text: string }[] = [];
  for (const hunk of hunks) {
    const found = locate(a, hunk, edited);
    if (found === null) return null;
    if (found !== 'applied') edits.push(found);
  }
  edits.sort((x, y) => x.at - y.at);
  for (let i = 1; i < edits.length; i++) {
    const prev = edits[i - 1] as (typeof edits)[number];
    if ((edits[i] as (typeof edits)[number]).at < prev.at + prev.length) return null;
  }
  let out = edited;
  for (const e of [...edits].reverse()) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.length);
  return out;
}

/** The changes from a to b as hunks of a (a word diff: common start and end trimmed, then a longest common subsequence). */
function diff(a: readonly string[], b: readonly string[]): Hunk[] | null {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  if ((A.length + 1) * (B.length + 1) > MAX_DIFF_CELLS) return null;
  // lcs[i][j]: the longest common subsequence of A[i..] and B[j..].
  const w = B.length + 1;
  const lcs = new Uint32Array((A.length + 1) * w);
  for (let i = A.length - 1; i >= 0; i--) {
    for (let j = B.length - 1; j >= 0; j--) {
      lcs[i * w + j] = A[i] === B[j] ? (lcs[(i + 1) * w + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  const close = () => {
    if (open) hunks.push(open);
    open = null;
  };
  while (i < A.length || j < B.length) {
    if (i < A.length && j < B.length && A[i] === B[j]) {
      close();
      i++;
      j++;
    } else if (j < B.length && (i === A.length || (lcs[i * w + j + 1] as number) >= (lcs[(i + 1) * w + j] as number))) {
      open ??= { start: pre + i, end: pre + i, text: '' };
      open.text += B[j];
      j++;
    } else {
      open ??= { start: pre + i, end: pre + i, text: '' };
      open.end = pre + i + 1;
      i++;
    }
  }
  close();
  return hunks;
}

/** Context tried around a changed phrase, in words before and after: the most first. */
const CONTEXTS: readonly [number, number][] = [
  [2, 2],
  [1, 1],
  [0, 2],
  [2, 0],
  [0, 1],
  [1, 0],
];

/**
 * Where the hunk's old phrase (with some of the template's words around it) is in `edited`: exactly once, or
 * 'applied' when only the new phrase is there (the person made the same change), or null.
 */
function locate(a: readonly string[], hunk: Hunk, edited: string): { at: number; length: number; text: string } | 'applied' | null {
  const old = a.slice(hunk.start, hunk.end).join('');
  for (const [before, after] of CONTEXTS) {
    const left = context(a, hunk.start, -1, before);
    const right = context(a, hunk.end, 1, after);
    // Something to recognise: a word at least, and for a pure insertion two words around it.
    if (wordCount(left + old + right) < (old === '' ? 2 : 1)) continue;
    const at = onlyIndex(edited, left + old + right);
    if (at === 'many') return null;
    if (at !== 'none') return { at: at + left.length, length: old.length, text: hunk.text };
    if (onlyIndex(edited, left + hunk.text + right) !== 'none' && (left + right).trim() !== '') return 'applied';
  }
  return null;
}

/** The template's text next to a token position, going back (-1) or forward (1), up to `words` words. */
function context(a: readonly string[], from: number, direction: -1 | 1, words: number): string {
  if (words === 0) return '';
  const parts: string[] = [];
  let seen = 0;
  for (let k = direction < 0 ? from - 1 : from; k >= 0 && k < a.length && seen < words; k += direction) {
    const token = a[k] as string;
    if (WORD.test(token)) seen++;
    parts.push(token);
  }
  return direction < 0 ? parts.reverse().join('') : parts.join('');
}

function wordCount(text: string): number {
  return (text.match(TOKEN) ?? []).filter((t) => WORD.test(t)).length;
}

function onlyIndex(haystack: string, needle: string): number | 'none' | 'many' {
  const first = haystack.indexOf(needle);
  if (first < 0) return 'none';
  return haystack.indexOf(needle, first + 1) >= 0 ? 'many' : first;
}
