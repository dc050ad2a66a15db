/**
 * Step 1 of the method, "Assess": a starter catalogue of skill areas, the ranking of the user's own
 * areas by priority, the default focus, and a gentle hint about who could help with the focus skill.
 * Pure: no `vscode` import.
 */
import type { Person, Skill } from './journal';

export interface SkillArea {
  name: string;
  /** One line on what the area covers, shown as a tooltip. */
  hint: string;
}

/** Common skill areas to start from; the user can add any other. */
export const CATALOGUE: readonly SkillArea[] = [
  { name: 'Financial acumen', hint: 'Reading budgets and financial reports, and telling the story behind the numbers.' },
  { name: 'Public speaking', hint: 'Presenting with clarity and presence, from a team meeting to the all-hands.' },
  { name: 'Leadership', hint: 'Setting direction, building trust and helping a team do its best work.' },
  { name: 'Negotiation', hint: 'Reaching agreements that work for both sides — on scope, resources or pay.' },
  { name: 'System design', hint: 'Shaping software systems: trade-offs, scale, reliability and how they evolve.' },
  { name: 'Writing', hint: 'Documents, proposals and e-mails that people read and act on.' },
  { name: 'Stakeholder management', hint: 'Knowing who cares about your work and what they need, and keeping them with you.' },
  { name: 'Giving feedback', hint: 'Saying the hard things kindly and specifically, so people can act on them.' },
  { name: 'Strategic thinking', hint: 'Seeing the bigger picture and choosing where to focus — and what to stop.' },
  { name: 'Data analysis', hint: 'Asking good questions of data and turning the answers into decisions.' },
  { name: 'Project management', hint: 'Planning, tracking and landing work on time with the people involved.' },
  { name: 'Influencing without authority', hint: "Getting buy-in from people who don't report to you." },
  { name: 'Networking', hint: 'Building relationships across and outside your organisation before you need them.' },
];

/** Levels are 1–5, so the gap (5 − current) is 0–4 and the priority 0–20. */
export const MAX_LEVEL = 5;
export const MAX_PRIORITY = 20;

type Rated = Pick<Skill, 'name' | 'current' | 'importance'>;

export interface RankedSkill<S extends Rated = Skill> {
  skill: S;
  /** importance × (5 − current), 0–20. */
  priority: number;
  /** 1-based, distinct: 1 is the area to develop first. */
  rank: number;
  /** Set when another area has the same priority: how the tie was broken, in plain words. */
  tieNote?: string;
}

function level(n: number): number {
  if (!Number.isFinite(n)) return 1;
  return Math.min(MAX_LEVEL, Math.max(1, Math.round(n)));
}

/**
 * priority = importance × gap, where gap = 5 − current (both levels 1–5, so 0–20): an area that
 * matters a lot and where you are weak comes first; one you have mastered (current 5) scores 0.
 * Out-of-range levels (which validation never lets in) are clamped to 1–5.
 */
export function priorityOf(skill: Pick<Skill, 'current' | 'importance'>): number {
  return level(skill.importance) * (MAX_LEVEL - level(skill.current));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Ranks skill areas, highest priority first. Ties (same priority) are broken by, in order:
 *   1. higher importance (it matters more to your aspiration);
 *   2. lower current level (you are weaker at it) — with equal priority and importance the levels are
 *      necessarily equal too, so this only matters for out-of-range data; kept for a total order;
 *   3. name, alphabetically (locale-aware, ignoring case and accents);
 *   4. the order they were entered.
 * Every entry in a tie group gets a `tieNote` saying why it is above or below its neighbour.
 * The input is not changed.
 */
export function rankSkills<S extends Rated>(skills: readonly S[]): RankedSkill<S>[] {
  const rows = skills.map((skill, index) => ({ skill, index, priority: priorityOf(skill), importance: level(skill.importance), current: level(skill.current) }));
  rows.sort(
    (a, b) =>
      b.priority - a.priority ||
      b.importance - a.importance ||
      a.current - b.current ||
      collator.compare(a.skill.name, b.skill.name) ||
      a.index - b.index,
  );
  return rows.map((row, i) => {
    const entry: RankedSkill<S> = { skill: row.skill, priority: row.priority, rank: i + 1 };
    const above = rows[i - 1];
    const below = rows[i + 1];
    if (above && above.priority === row.priority) entry.tieNote = tieNote(row, above, 'below');
    else if (below && below.priority === row.priority) entry.tieNote = tieNote(row, below, 'above');
    return entry;
  });
}

interface Row {
  skill: Rated;
  priority: number;
  importance: number;
  current: number;
}

function tieNote(row: Row, other: Row, position: 'above' | 'below'): string {
  const higher = position === 'above';
  const start = `Tied with ${other.skill.name} at priority ${row.priority}; ranked ${higher ? 'higher' : 'lower'}`;
  if (row.importance !== other.importance) {
    return `${start} because it matters ${higher ? 'more' : 'less'} to you (importance ${row.importance} vs ${other.importance}).`;
  }
  if (row.current !== other.current) {
    return `${start} because you rated yourself ${higher ? 'lower' : 'higher'} at it (${row.current} vs ${other.current}).`;
  }
  if (collator.compare(row.skill.name, other.skill.name) !== 0) {
    return `${start} only because of the alphabet: same importance and same level.`;
  }
  return `${start} because it was entered ${higher ? 'first' : 'later'}: everything else is equal.`;
}

/**
 * The area to develop first: the top of the ranking, or null when there are no areas or none has a
 * gap (every area rated 5 — nothing left to develop).
 */
export function defaultFocus<S extends Rated>(skills: readonly S[]): S | null {
  const top = rankSkills(skills)[0];
  return top && top.priority > 0 ? top.skill : null;
}

/**
 * A gentle nudge about who could help with the focus skill, given the people identified for it:
 * nobody yet; only one person; or everyone on one side of the organisation. The source's advice:
 * have more than one, inside ("how things are done around here") and outside (no stake but your
 * success). Null when there are two or more people, inside and outside.
 */
export function coverageHint(people: readonly Pick<Person, 'org'>[]): string | null {
  if (people.length === 0) return 'No one yet — who is great at this?';
  const inside = people.filter((p) => p.org === 'inside').length;
  const outside = people.length - inside;
  if (people.length === 1) {
    return inside
      ? 'Only one person so far, and inside your organisation: who else is great at this? Someone outside has no stake but your success.'
      : 'Only one person so far, and outside your organisation: who else is great at this? Someone inside knows how things are done around here.';
  }
  if (outside === 0) return 'Everyone is inside your organisation: someone outside has no stake but your success.';
  if (inside === 0) return 'Everyone is outside your organisation: someone inside knows how things are done around here.';
  return null;
}
