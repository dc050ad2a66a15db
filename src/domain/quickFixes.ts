/**
 * What the request check's quick fixes are, without an editor: which findings get an action of their own
 * (one per distinct edit), which one is preferred, the single "fix all" edit, and what each action's title
 * says. Pure (no `vscode`): the request diagnostics (src/diagnostics/) turn these into code actions and look
 * up each title's localised wording by its id.
 */
import type { Finding, Replacement } from './requestCheck';
import { applyFixes, hasPlaceholder } from './requestCheck';
import { minimalEdit, type TextReplacement } from './textEdits';

/** Which wording a quick fix's title has; its `args` fill the wording's {0}, {1}. */
export type FixTitleId =
  | 'replaceWithNamePlaceholder'
  | 'replaceWith'
  | 'insertGreetingWithNamePlaceholder'
  | 'insertGreeting'
  | 'insertNamePlaceholder'
  | 'insertName'
  | 'insertContextPlaceholder'
  | 'insert'
  | 'insertSkillPlaceholder'
  | 'insertEvidencePlaceholder'
  | 'insertSessionsPlaceholder'
  | 'replaceWithSessionsPlaceholder'
  | 'insertTimeframePlaceholder'
  | 'insertTimeframe'
  | 'insertAnotherTopicPlaceholder'
  | 'insertTopicPlaceholders'
  | 'replaceWithTopicPlaceholders'
  | 'replaceAsPlanned'
  | 'insertToFillIn'
  | 'remove';

/** A quick fix's title: the wording's id and what fills it in (already quoted, see `quote`). */
export interface FixTitle {
  id: FixTitleId;
  args: string[];
}

/** “text”, on one line, at most 40 characters. */
export function quote(text: string): string {
  const one = text.replace(/\s+/gu, ' ').trim();
  return `“${one.length > 40 ? `${one.slice(0, 39).trimEnd()}…` : one}”`;
}

/** A short title saying exactly what the quick fix for `f` (which has a replacement) does to `text`. */
export function fixTitle(f: Finding, text: string): FixTitle {
  const r = f.replacement!;
  const old = text.slice(r.range.start, r.range.end);
  const neu = r.text;
  const ph = hasPlaceholder(neu);
  const inserted = neu.replace(/^[\s,]+/u, '');
  const insert = old.trim() === '';
  const t = (id: FixTitleId, ...args: string[]): FixTitle => ({ id, args });
  switch (f.id) {
    case 'greeting':
      if (!insert) return ph ? t('replaceWithNamePlaceholder', quote(old)) : t('replaceWith', quote(old), quote(neu));
      if (/^\s*(?:hi|hello|dear)\b/iu.test(neu)) return ph ? t('insertGreetingWithNamePlaceholder') : t('insertGreeting', quote(neu));
      return ph ? t('insertNamePlaceholder') : t('insertName', quote(neu));
    case 'no-context':
      if (insert) return ph ? t('insertContextPlaceholder') : t('insert', quote(neu));
      break;
    case 'skill-not-named':
      if (insert) return ph ? t('insertSkillPlaceholder') : t('insert', quote(neu));
      break;
    case 'no-evidence':
      if (insert) return ph ? t('insertEvidencePlaceholder') : t('insert', quote(neu));
      break;
    case 'no-sessions':
      if (insert) return ph ? t('insertSessionsPlaceholder') : t('insert', quote(inserted));
      return ph ? t('replaceWithSessionsPlaceholder', quote(old)) : t('replaceWith', quote(old), quote(neu));
    case 'no-timeframe':
      if (insert) return ph ? t('insertTimeframePlaceholder') : t('insertTimeframe', quote(neu));
      break;
    case 'few-topics':
      if (insert) {
        if (!ph) return t('insert', quote(inserted));
        return /\[another topic\]/u.test(neu) ? t('insertAnotherTopicPlaceholder') : t('insertTopicPlaceholders');
      }
      return ph ? t('replaceWithTopicPlaceholders', quote(old)) : t('replaceWith', quote(old), quote(neu));
    case 'too-many-sessions':
    case 'sessions-mismatch':
      return t('replaceAsPlanned', quote(old), quote(neu));
    default:
      break;
  }
  if (insert) return ph ? t('insertToFillIn', quote(inserted)) : t('insert', quote(inserted));
  if (neu === '') return t('remove', quote(old));
  return t('replaceWith', quote(old), quote(neu));
}

/** Two findings whose replacements are the same edit have the same key. */
export function editKey(r: Replacement): string {
  return `${r.range.start}:${r.range.end}:${r.text}`;
}

/** The quick fixes to offer for some findings (by index into `findings`). */
export interface FixChoice {
  /** One per distinct edit, in the order asked for ("too many sessions" and "not as planned" may offer the same one). */
  fixes: number[];
  /** The one of `fixes` to mark preferred, if any. */
  preferred: number | undefined;
}

/**
 * Which of the findings at `indices` get a quick fix of their own: those with a replacement, one per distinct
 * edit. Preferred: the single fix that leaves nothing to fill in ("Remove “mentoring”"). A fix that inserts a
 * "[placeholder]" swaps one finding for another, so it is never the obvious one.
 */
export function chooseFixes(findings: readonly Finding[], indices: readonly number[]): FixChoice {
  const fixes: number[] = [];
  const seen = new Set<number>();
  const edits = new Set<string>();
  for (const i of indices) {
    if (seen.has(i)) continue;
    seen.add(i);
    const r = findings[i]?.replacement;
    if (!r || edits.has(editKey(r))) continue;
    edits.add(editKey(r));
    fixes.push(i);
  }
  const finished = fixes.filter((i) => !hasPlaceholder(findings[i]!.replacement!.text));
  return { fixes, preferred: finished.length === 1 ? finished[0] : undefined };
}

/**
 * The one edit that applies every finding's fix to `text` at once — offered only when there is more than one
 * distinct fix (otherwise the fix itself is all there is). Undefined when there is nothing to offer.
 */
export function fixAllEdit(text: string, findings: readonly Finding[]): TextReplacement | undefined {
  const distinct = new Set(findings.flatMap((f) => (f.replacement ? [editKey(f.replacement)] : [])));
  if (distinct.size <= 1) return undefined;
  return minimalEdit(text, applyFixes(text, findings));
}
