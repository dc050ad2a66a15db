/**
 * What an import will do, before it does it. `merge` adds records whose ids are new and keeps every
 * existing one; `replace` makes the journal exactly the file.
 */
import type { Journal } from './journal';
import { parseJournal, formatProblems } from './journal';
import { makeId } from './ids';

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
  /** Merge: records of the file that are already in the journal (the journal's version is kept). */
  skipped: Counts;
  /**
   * Merge: records of the file whose id is taken by a *different* record of the journal; they are
   * added under a fresh id, with every reference to them in the file remapped (counted in `added` too).
   */
  renamed: Counts;
  /** Replace: records in the current journal that the file does not have. */
  removed: Counts;
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

const zero = (): Counts => ({ skills: 0, people: 0, attempts: 0 });

/**
 * Merge matches records by identity, not by id alone: a record of the file is the journal's record
 * when the id is the same *and* it is the same thing — a skill or person of the same name (case and
 * spacing aside), an attempt for the same person and skill created at the same time. Such a record is
 * kept as the journal has it. A record whose id is taken by a different record (Alex is "p1" in the
 * file, Terry is "p1" here) is added under a fresh id, and the file's references to it follow.
 */
export function planImport(current: Journal, incoming: Journal, mode: ImportMode, random: () => number = Math.random): PlanResult {
  if (mode === 'replace') {
    const removed = zero();
    const added = zero();
    for (const key of ['skills', 'people', 'attempts'] as const) {
      const inFile = new Set(incoming[key].map((r) => r.id));
      const inJournal = new Set(current[key].map((r) => r.id));
      removed[key] = current[key].filter((r) => !inFile.has(r.id)).length;
      added[key] = incoming[key].filter((r) => !inJournal.has(r.id)).length;
    }
    return { ok: true, plan: { mode, result: incoming, added, skipped: zero(), renamed: zero(), removed } };
  }

  const added = zero();
  const skipped = zero();
  const renamed = zero();
  const taken = {
    skills: new Set([...current.skills, ...incoming.skills].map((r) => r.id)),
    people: new Set([...current.people, ...incoming.people].map((r) => r.id)),
    attempts: new Set([...current.attempts, ...incoming.attempts].map((r) => r.id)),
  };
  const prefix = { skills: 's', people: 'p', attempts: 'a' } as const;
  /** File id → id in the merged journal, per list; `same` marks records the journal already has. */
  const ids = { skills: new Map<string, string>(), people: new Map<string, string>(), attempts: new Map<string, string>() };
  const same = { skills: new Set<string>(), people: new Set<string>(), attempts: new Set<string>() };
  const decide = <K extends 'skills' | 'people' | 'attempts'>(key: K, isSame: (mine: Journal[K][number], theirs: Journal[K][number]) => boolean) => {
    const mine = new Map<string, Journal[K][number]>(current[key].map((r) => [r.id, r] as [string, Journal[K][number]]));
    for (const rec of incoming[key] as Journal[K][number][]) {
      const existing = mine.get(rec.id);
      if (existing === undefined) ids[key].set(rec.id, rec.id);
      else if (isSame(existing, rec)) {
        ids[key].set(rec.id, rec.id);
        same[key].add(rec.id);
      } else {
        const fresh = makeId(prefix[key], taken[key], random);
        taken[key].add(fresh);
        ids[key].set(rec.id, fresh);
        renamed[key]++;
      }
    }
  };
  const mapped = (map: Map<string, string>, id: string) => map.get(id) ?? id;

  decide('skills', (a, b) => sameName(a.name, b.name));
  decide('people', (a, b) => sameName(a.name, b.name));
  decide('attempts', (a, b) => a.personId === mapped(ids.people, b.personId) && a.skillId === mapped(ids.skills, b.skillId) && a.events[0]?.at === b.events[0]?.at);

  const skills = incoming.skills.filter((r) => !same.skills.has(r.id)).map((r) => ({ ...r, id: mapped(ids.skills, r.id) }));
  const people = incoming.people
    .filter((r) => !same.people.has(r.id))
    .map((r) => ({
      ...r,
      id: mapped(ids.people, r.id),
      skillIds: r.skillIds.map((s) => mapped(ids.skills, s)),
      referredBy: r.referredBy === null ? null : mapped(ids.people, r.referredBy),
    }));
  const attempts = incoming.attempts
    .filter((r) => !same.attempts.has(r.id))
    .map((r) => ({ ...r, id: mapped(ids.attempts, r.id), personId: mapped(ids.people, r.personId), skillId: mapped(ids.skills, r.skillId) }));
  for (const key of ['skills', 'people', 'attempts'] as const) {
    skipped[key] = same[key].size;
    added[key] = incoming[key].length - same[key].size;
  }

  // Fields of the file this version does not know are kept (nothing is lost); the journal's own win.
  const known = new Set(['format', 'version', 'aspiration', 'skills', 'focusSkillId', 'people', 'attempts']);
  const unknown = Object.fromEntries(Object.entries(incoming).filter(([k]) => !known.has(k)));
  const merged: Journal = {
    ...unknown,
    ...current,
    skills: [...current.skills, ...skills],
    people: [...current.people, ...people],
    attempts: [...current.attempts, ...attempts],
  };
  if (merged.aspiration.trim() === '') merged.aspiration = incoming.aspiration;
  if (merged.focusSkillId === null && incoming.focusSkillId !== null) merged.focusSkillId = mapped(ids.skills, incoming.focusSkillId);

  // The union must itself be a valid journal (limits, references); otherwise nothing changes.
  const checked = parseJournal(merged);
  if (!checked.ok) return { ok: false, reason: `The merged journal would not be valid: ${formatProblems(checked.errors)}` };
  return { ok: true, plan: { mode, result: checked.journal, added, skipped, renamed, removed: zero() } };
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-US');
  return norm(a) === norm(b);
}

export function describeCounts(c: Counts): string {
  const parts: string[] = [];
  if (c.attempts) parts.push(`${c.attempts} attempt${c.attempts === 1 ? '' : 's'}`);
  if (c.people) parts.push(`${c.people} ${c.people === 1 ? 'person' : 'people'}`);
  if (c.skills) parts.push(`${c.skills} skill${c.skills === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
