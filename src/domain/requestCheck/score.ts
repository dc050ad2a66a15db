/**
 * The request check's result: the findings in order (by position, then rule, then severity), the score
 * (SCORING in rules.ts) and the one-line reason.
 */

import { MAX_SCORE_WITH_ERRORS, RULE_ORDER, TOO_VAGUE_GAPS, ruleInfo, SEVERITY_ORDER, type CheckResult, type Finding, type RuleId, type Severity } from './rules';

export function finish(found: Finding[], wordCount: number): CheckResult {
  const findings = [...found].sort(
    (a, b) =>
      a.range.start - b.range.start ||
      RULE_ORDER.get(a.id)! - RULE_ORDER.get(b.id)! ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.range.end - b.range.end,
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<RuleId, { worst: Severity; n: number }>();
  for (const f of findings) {
    counts[f.severity]++;
    const seen = byRule.get(f.id);
    if (!seen) byRule.set(f.id, { worst: f.severity, n: 1 });
    else {
      seen.n++;
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[seen.worst]) seen.worst = f.severity;
    }
  }
  let penalty = 0;
  /** The penalties of the missing core elements (core rules that fired as a warning). */
  const gaps: number[] = [];
  for (const [id, { worst, n }] of byRule) {
    const rule = ruleInfo(id);
    const points = rule.penalty[worst] ?? 0;
    if (rule.core && worst === 'warning') gaps.push(points);
    else penalty += points;
    if (rule.repeat && n > 1) penalty += Math.min(rule.repeat.max, (n - 1) * rule.repeat.each);
  }
  // The k-th missing core element costs k times its penalty, the smallest counted first.
  gaps.sort((a, b) => a - b);
  gaps.forEach((points, i) => (penalty += points * (i + 1)));
  let score = Math.max(0, Math.min(100, 100 - penalty));
  if (counts.error > 0 || gaps.length >= TOO_VAGUE_GAPS) score = Math.min(score, MAX_SCORE_WITH_ERRORS);
  return { score, reason: reasonFor(score, byRule, gaps.length), findings, counts, wordCount };
}

function reasonFor(score: number, byRule: Map<RuleId, { worst: Severity }>, gaps: number): string {
  if (byRule.has('empty')) return 'Nothing to check yet — write the request first.';
  const ids = [...byRule.keys()].sort((a, b) => RULE_ORDER.get(a)! - RULE_ORDER.get(b)!);
  const list = (sev: Severity) => {
    const labels = ids.filter((id) => byRule.get(id)!.worst === sev).map((id) => ruleInfo(id).label);
    const shown = labels.slice(0, 3).join('; ');
    return labels.length > 3 ? `${shown}; and ${labels.length - 3} more` : shown;
  };
  const errors = list('error');
  const warnings = list('warning');
  const infos = list('info');
  if (errors) return `Fix first: ${errors}.`;
  if (warnings) {
    if (score >= 90) return `Nearly ready; consider: ${warnings}.`;
    if (gaps >= TOO_VAGUE_GAPS) return `Too vague to send yet — ${gaps} parts missing: ${warnings}.`;
    return `Could be more specific: ${warnings}.`;
  }
  if (infos) return `Ready to send (check: ${infos}).`;
  return 'Specific, bounded and personal: ready to send.';
}
