/**
 * Step 5 of the method, "Keep several": who you have for each skill area — identified, asked, said
 * yes, inside or outside your organisation, sponsors — and plain-words warnings when the focus area
 * leans on nobody, on one person, or on one side of the organisation.
 *
 * The source: "you don't have to rely on just one", and it is "extremely valuable to have mentors
 * inside the organization" (how things are done around here) "and mentors outside the organization"
 * (whose only interest is your success). Pure: no `vscode` import; inputs are never changed.
 */
import { rankSkills } from './assessment';
import type { AttemptStatus, Journal, Person, Skill } from './journal';

/** Statuses that mean the request reached the person (everything but a draft). */
const ASKED: ReadonlySet<AttemptStatus> = new Set(['sent', 'accepted', 'deferred', 'declined', 'completed', 'withdrawn']);
/** Statuses that mean the person said yes. */
const ACCEPTED: ReadonlySet<AttemptStatus> = new Set(['accepted', 'completed']);

export interface SkillPortfolio {
  skill: Skill;
  /** True for the journal's focus area. */
  focus: boolean;
  /** From rankSkills: 1 is the area to develop first. */
  rank: number;
  /** importance × (5 − current), 0–20. */
  priority: number;
  /**
   * People identified for the area: their `skillIds` include it — or they were asked about it (an
   * attempt for the area names them), which only differs for hand-edited or imported data.
   * In journal order.
   */
  identified: Person[];
  /** Identified people who have an attempt for this area that is not a draft. */
  asked: Person[];
  /** Identified people with an accepted or completed attempt for this area. */
  accepted: Person[];
  /** Of the identified: how many are inside / outside the organisation. */
  inside: number;
  outside: number;
  /** Identified people marked as sponsors. */
  sponsors: Person[];
  /** Plain-words warnings (only the focus area gets them: you develop one area at a time). */
  warnings: string[];
}

/** Every skill area's portfolio: the focus area first, then the others by rank. */
export function portfolio(journal: Journal): SkillPortfolio[] {
  const ranked = rankSkills(journal.skills);
  const askedFor = new Map<string, Set<string>>();
  const acceptedFor = new Map<string, Set<string>>();
  const attemptedFor = new Map<string, Set<string>>();
  for (const a of journal.attempts) {
    add(attemptedFor, a.skillId, a.personId);
    if (ASKED.has(a.status)) add(askedFor, a.skillId, a.personId);
    if (ACCEPTED.has(a.status)) add(acceptedFor, a.skillId, a.personId);
  }
  const rows = ranked.map(({ skill, rank, priority }): SkillPortfolio => {
    const attempted = attemptedFor.get(skill.id);
    const identified = journal.people.filter((p) => p.skillIds.includes(skill.id) || (attempted?.has(p.id) ?? false));
    const asked = identified.filter((p) => askedFor.get(skill.id)?.has(p.id) ?? false);
    const accepted = identified.filter((p) => acceptedFor.get(skill.id)?.has(p.id) ?? false);
    const inside = identified.filter((p) => p.org === 'inside').length;
    const focus = skill.id === journal.focusSkillId;
    const row: SkillPortfolio = {
      skill,
      focus,
      rank,
      priority,
      identified,
      asked,
      accepted,
      inside,
      outside: identified.length - inside,
      sponsors: identified.filter((p) => p.sponsor),
      warnings: [],
    };
    if (focus) row.warnings = coverageWarnings(row);
    return row;
  });
  // Stable sort: the focus area moves to the top, the rest keep their rank order.
  return rows.sort((a, b) => Number(b.focus) - Number(a.focus));
}

/**
 * The warnings of the whole journal, most important first: no focus area chosen (when there are
 * areas to choose from), then the focus area's coverage warnings. Empty when all is well.
 */
export function portfolioWarnings(journal: Journal): string[] {
  if (journal.skills.length === 0) return [];
  const focus = portfolio(journal).find((row) => row.focus);
  if (!focus) {
    return ['No focus area chosen yet: pick the one skill area that matters most for your aspiration, and find people who are great at it.'];
  }
  return focus.warnings;
}

/**
 * The focus area's coverage, in the method's words: nobody yet; only one person ("don't rely on one
 * mentor"); or everyone on one side of the organisation ("keep some inside and some outside").
 */
export function coverageWarnings(row: Pick<SkillPortfolio, 'skill' | 'identified' | 'inside' | 'outside'>): string[] {
  const area = row.skill.name;
  const n = row.identified.length;
  if (n === 0) {
    return [`No one yet for your focus area, ${area}: who have you seen do it well? Note what you saw them do — that is what makes your request specific.`];
  }
  const only = row.identified[0];
  if (n === 1 && only) {
    const other =
      only.org === 'inside'
        ? 'ideally someone outside your organisation, whose only interest is your success'
        : 'ideally someone inside your organisation, who knows how things are done around here';
    return [`Only one person for ${area} so far (${only.name}): don't rely on one mentor — find someone else too, ${other}.`];
  }
  if (row.outside === 0) {
    return [`Everyone you have for ${area} is inside your organisation: keep some inside and some outside — someone outside has no stake but your success.`];
  }
  if (row.inside === 0) {
    return [`Everyone you have for ${area} is outside your organisation: keep some inside and some outside — someone inside knows how things are done around here.`];
  }
  return [];
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
