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

type Rated = Pick<Skill, 'name' | 'current' | 'importance'> & { unrated?: unknown };

/** The two levels a person rates a skill area on. */
export const RATING_LEVELS = ['current', 'importance'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/**
 * The levels of a skill area the person has not rated yet (the journal's optional `unrated` field: a new area
 * keeps the placeholder 3 for each until it is chosen). Read only when well-formed: anything else in the field
 * counts as rated, as in journals written before the field existed.
 */
export function unratedLevels(skill: object): RatingLevel[] {
  const raw = (skill as { unrated?: unknown }).unrated;
  if (!Array.isArray(raw)) return [];
  return RATING_LEVELS.filter((l) => raw.includes(l));
}

/** True when both levels are the person's own choice (not a placeholder). */
export function isRated(skill: object): boolean {
  return unratedLevels(skill).length === 0;
}

export interface RankedSkill<S extends Rated = Skill> {
  skill: S;
  /** importance × (5 − current), 0–20 (for an area not rated yet: of its placeholder levels, not shown). */
  priority: number;
  /** 1-based, distinct: 1 is the area to develop first. */
  rank: number;
  /** False while a level is not rated yet: such areas come after every rated one, in the order entered. */
  rated: boolean;
  /** Set when another rated area has the same priority: how the tie was broken, in a few plain words. */
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

/**
 * Names compared locale-aware, ignoring case and accents. Made on first use, not when the module loads: making
 * an Intl.Collator loads ICU data (≈10 ms), and this module is part of every window's activation.
 */
let nameCollator: Intl.Collator | undefined;
function collator(): Intl.Collator {
  return (nameCollator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));
}

/**
 * Ranks skill areas, highest priority first. Areas not rated yet (see unratedLevels) come last, in the order they
 * were entered, with no tie notes: their levels are placeholders, not the person's judgement. Ties (same
 * priority) between rated areas are broken by, in order:
 *   1. higher importance (it matters more to your aspiration);
 *   2. lower current level (you are weaker at it) — with equal priority and importance the levels are
 *      necessarily equal too, so this only matters for out-of-range data; kept for a total order;
 *   3. name, alphabetically (locale-aware, ignoring case and accents);
 *   4. the order they were entered.
 * Every entry in a tie group gets a short `tieNote` saying why it is above or below its neighbour.
 * The input is not changed.
 */
export function rankSkills<S extends Rated>(skills: readonly S[]): RankedSkill<S>[] {
  const rows = skills.map((skill, index) => ({ skill, index, rated: isRated(skill), priority: priorityOf(skill), importance: level(skill.importance), current: level(skill.current) }));
  rows.sort(
    (a, b) =>
      Number(b.rated) - Number(a.rated) ||
      (a.rated ? 0 : a.index - b.index) ||
      b.priority - a.priority ||
      b.importance - a.importance ||
      a.current - b.current ||
      collator().compare(a.skill.name, b.skill.name) ||
      a.index - b.index,
  );
  return rows.map((row, i) => {
    const entry: RankedSkill<S> = { skill: row.skill, priority: row.priority, rank: i + 1, rated: row.rated };
    if (!row.rated) return entry;
    const above = rows[i - 1];
    const below = rows[i + 1];
    if (above?.rated && above.priority === row.priority) entry.tieNote = tieNote(row, above, 'below');
    else if (below?.rated && below.priority === row.priority) entry.tieNote = tieNote(row, below, 'above');
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
  const start = `Tied with ${other.skill.name} at ${row.priority}`;
  if (row.importance !== other.importance) return `${start}: matters ${higher ? 'more' : 'less'} to you.`;
  if (row.current !== other.current) return `${start}: you are ${higher ? 'weaker' : 'stronger'} at it.`;
  if (collator().compare(row.skill.name, other.skill.name) !== 0) return `${start}: same ratings, listed by name.`;
  return `${start}: same ratings, listed as entered.`;
}

/**
 * The area the ranking puts first: the top rated area with something left to develop (priority above 0), or
 * null when there is none (no areas, none rated yet, or every rated area mastered).
 */
export function topArea<S extends Rated>(skills: readonly S[]): S | null {
  const top = rankSkills(skills)[0];
  return top && top.rated && top.priority > 0 ? top.skill : null;
}

/**
 * After a change to the skill areas: the area to suggest as the new focus ("Switch focus to …?"), when the top of
 * the ranking is now a different area than before the change and it is not the focus already; otherwise null.
 */
export function focusSuggestion<S extends Rated & { id: string }>(before: readonly S[], after: readonly S[], focusSkillId: string | null): S | null {
  const top = topArea(after);
  if (!top || top.id === focusSkillId) return null;
  return topArea(before)?.id === top.id ? null : top;
}

/**
 * The area to develop first: the top of the ranking, or null when there are no areas, none is rated yet, or
 * none has a gap (every area rated 5 — nothing left to develop).
 */
export function defaultFocus<S extends Rated>(skills: readonly S[]): S | null {
  return topArea(skills);
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
