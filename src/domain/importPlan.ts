/**
 * What an import will do, before it does it. `merge` adds records whose ids are new and keeps every
 * existing one; `replace` makes the journal exactly the file.
 */
import type { Journal } from './journal';
import { parseJournal, formatProblems } from './journal';

export type ImportMode = 'merge' | 'replace';

export interface Counts {
  skills: number;
  people: number;
  attempts: number;
}

export interface ImportPlan {
  mode: ImportMode;
  /** The journal as it will be after the import (already validated). */
  result: Journal;
  added: Counts;
  /** Merge: records in the file whose ids already exist (the existing ones are kept). */
  skipped: Counts;
  /** Replace: records in the current journal that the file does not have. */
  removed: Counts;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

export function planImport(current: Journal, incoming: Journal, mode: ImportMode): PlanResult {
  const zero = (): Counts => ({ skills: 0, people: 0, attempts: 0 });
  if (mode === 'replace') {
    const removed = zero();
    const added = zero();
    for (const key of ['skills', 'people', 'attempts'] as const) {
      const inFile = new Set(incoming[key].map((r) => r.id));
      const inJournal = new Set(current[key].map((r) => r.id));
      removed[key] = current[key].filter((r) => !inFile.has(r.id)).length;
      added[key] = incoming[key].filter((r) => !inJournal.has(r.id)).length;
    }
    return { ok: true, plan: { mode, result: incoming, added, skipped: zero(), removed } };
  }

  const added = zero();
  const skipped = zero();
  // Fields of the file this version does not know are kept (nothing is lost); the journal's own win.
  const known = new Set(['format', 'version', 'aspiration', 'skills', 'focusSkillId', 'people', 'attempts']);
  const unknown = Object.fromEntries(Object.entries(incoming).filter(([k]) => !known.has(k)));
  const merged: Journal = { ...unknown, ...current };
  for (const key of ['skills', 'people', 'attempts'] as const) {
    const existing = new Set(current[key].map((r) => r.id));
    const fresh = incoming[key].filter((r) => !existing.has(r.id));
    added[key] = fresh.length;
    skipped[key] = incoming[key].length - fresh.length;
    // The spread keeps each array's element type; the cast only unifies the three keys.
    (merged as Record<string, unknown>)[key] = [...current[key], ...fresh];
  }
  if (merged.aspiration.trim() === '') merged.aspiration = incoming.aspiration;
  if (merged.focusSkillId === null) merged.focusSkillId = incoming.focusSkillId;

  // The union must itself be a valid journal (limits, references); otherwise nothing changes.
  const checked = parseJournal(merged);
  if (!checked.ok) return { ok: false, reason: `The merged journal would not be valid: ${formatProblems(checked.errors)}` };
  return { ok: true, plan: { mode, result: checked.journal, added, skipped, removed: zero() } };
}

export function describeCounts(c: Counts): string {
  const parts: string[] = [];
  if (c.attempts) parts.push(`${c.attempts} attempt${c.attempts === 1 ? '' : 's'}`);
  if (c.people) parts.push(`${c.people} ${c.people === 1 ? 'person' : 'people'}`);
  if (c.skills) parts.push(`${c.skills} skill${c.skills === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
