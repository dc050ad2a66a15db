/** Applying the request check's replacements to the text: one, or those of many findings at once. */

import { RULE_ORDER, type Finding, type Replacement, type RuleId } from './rules';

/** Applies one replacement. */
export function applyReplacement(text: string, r: Replacement): string {
  return text.slice(0, r.range.start) + r.text + text.slice(r.range.end);
}

/**
 * Applies the replacements of the given findings (all of them by default, or those whose id is in
 * `ids`). Overlapping edits are skipped (the first in text order wins); several insertions at the
 * same point keep the rules' order (greeting, context, skill, evidence, sessions, time frame, topics).
 */
export function applyFixes(text: string, findings: readonly Finding[], ids?: readonly RuleId[]): string {
  const edits = findings
    .filter((f) => f.replacement && (!ids || ids.includes(f.id)))
    .map((f, i) => ({ r: f.replacement!, order: RULE_ORDER.get(f.id)!, i }))
    .filter(({ r }) => r.range.start >= 0 && r.range.start <= r.range.end && r.range.end <= text.length)
    .sort((a, b) => a.r.range.start - b.r.range.start || a.r.range.end - b.r.range.end || a.order - b.order || a.i - b.i);
  const kept: Replacement[] = [];
  let lastEnd = 0;
  for (const { r } of edits) {
    if (r.range.start < lastEnd) continue;
    kept.push(r);
    lastEnd = r.range.end;
  }
  let out = '';
  let at = 0;
  for (const r of kept) {
    out += text.slice(at, r.range.start) + r.text;
    at = r.range.end;
  }
  return out + text.slice(at);
}
