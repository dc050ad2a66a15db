/**
 * The journal edits the Assessment & Request Builder makes as the user goes: the aspiration, the
 * skill areas and their ratings, the focus, and the people for the focus area. Each returns the new
 * journal or a reason, and never changes anything on refusal.
 */
import { LIMITS, ORGS, SENIORITIES, type Journal, type Org, type Person, type Seniority, type Skill } from './journal';
import { makeId } from './ids';
import { RATING_LEVELS, unratedLevels, type RatingLevel } from './assessment';
import { ok, refuse, type Result } from './result';


export function setAspiration(journal: Journal, text: string): Result<Journal> {
  const aspiration = text.replace(/\s+/g, ' ').trim();
  if (aspiration.length > LIMITS.shortText) return refuse(`The aspiration must be at most ${LIMITS.shortText} characters.`);
  if (aspiration === journal.aspiration) return ok(journal);
  return ok({ ...journal, aspiration });
}

/**
 * Adds a skill area, not rated yet (`unrated`: both levels, which hold the placeholder 3 so that older versions
 * read a valid journal), unless one of that name exists; the first skill becomes the focus.
 */
export function addSkill(journal: Journal, name: string, random: () => number = Math.random): Result<{ journal: Journal; skill: Skill }> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > LIMITS.name) return refuse(`A skill area needs a name of 1–${LIMITS.name} characters.`);
  const existing = journal.skills.find((s) => s.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
  if (existing) return ok({ journal, skill: existing });
  if (journal.skills.length >= LIMITS.skills) return refuse(`A journal holds at most ${LIMITS.skills} skill areas.`);
  const skill: Skill = { id: makeId('s', new Set(journal.skills.map((s) => s.id)), random), name: clean, current: 3, importance: 3, notes: '', unrated: [...RATING_LEVELS] };
  return ok({ journal: { ...journal, skills: [...journal.skills, skill], focusSkillId: journal.focusSkillId ?? skill.id }, skill });
}

/**
 * Rates a skill area: the current level, the importance, or both (a level left undefined keeps its value). A level
 * rated is no longer "not rated yet"; the `unrated` field goes once both are rated.
 */
export function rateSkill(journal: Journal, skillId: string, current: number | undefined, importance: number | undefined): Result<Journal> {
  const skill = journal.skills.find((s) => s.id === skillId);
  if (!skill) return refuse(`No skill area has the id "${skillId}".`);
  for (const [label, n] of [['current level', current], ['importance', importance]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 5)) return refuse(`The ${label} must be a whole number from 1 to 5.`);
  }
  const given: Partial<Record<RatingLevel, number>> = { ...(current !== undefined ? { current } : {}), ...(importance !== undefined ? { importance } : {}) };
  const before = unratedLevels(skill);
  const still = before.filter((l) => given[l] === undefined);
  const next: Skill = { ...skill, ...given };
  if (still.length > 0) next.unrated = still;
  else delete next.unrated;
  if (next.current === skill.current && next.importance === skill.importance && still.length === before.length) return ok(journal);
  return ok({ ...journal, skills: journal.skills.map((s) => (s.id === skillId ? next : s)) });
}

/** What removing a skill area took away: enough to put it back exactly (restoreSkill). */
export interface RemovedSkill {
  skill: Skill;
  /** Its place in the list. */
  index: number;
  /** The people it was taken from, each with the skill's place in their list. */
  people: { personId: string; index: number }[];
  /** Whether it was the focus. */
  wasFocus: boolean;
}

/** Removes a skill area no attempt uses; people keep their other skills. */
export function removeSkill(journal: Journal, skillId: string): Result<Journal> {
  const r = removeSkillForUndo(journal, skillId);
  return r.ok ? ok(r.value.journal) : r;
}

/** removeSkill, also returning what was removed, for an Undo (restoreSkill). */
export function removeSkillForUndo(journal: Journal, skillId: string): Result<{ journal: Journal; removed: RemovedSkill }> {
  const index = journal.skills.findIndex((s) => s.id === skillId);
  const skill = journal.skills[index];
  if (!skill) return refuse(`No skill area has the id "${skillId}".`);
  const used = journal.attempts.filter((a) => a.skillId === skillId).length;
  if (used > 0) return refuse(`This skill area has ${used} outreach attempt${used === 1 ? '' : 's'}; delete ${used === 1 ? 'it' : 'them'} first.`);
  const skills = journal.skills.filter((s) => s.id !== skillId);
  const fromPeople: RemovedSkill['people'] = [];
  const people = journal.people.map((p) => {
    const at = p.skillIds.indexOf(skillId);
    if (at < 0) return p;
    fromPeople.push({ personId: p.id, index: at });
    return { ...p, skillIds: p.skillIds.filter((x) => x !== skillId) };
  });
  const wasFocus = journal.focusSkillId === skillId;
  const focusSkillId = wasFocus ? null : journal.focusSkillId;
  return ok({ journal: { ...journal, skills, people, focusSkillId }, removed: { skill, index, people: fromPeople, wasFocus } });
}

/**
 * Undoes removeSkillForUndo: the area back in its place, for the people who still exist, and as the focus if it
 * was the focus and no other has been chosen since. Refused when an area of that id or name is there again.
 */
export function restoreSkill(journal: Journal, removed: RemovedSkill): Result<Journal> {
  const { skill } = removed;
  if (journal.skills.some((s) => s.id === skill.id || s.name.toLocaleLowerCase() === skill.name.toLocaleLowerCase())) {
    return refuse(`${skill.name} is in the list already.`);
  }
  if (journal.skills.length >= LIMITS.skills) return refuse(`A journal holds at most ${LIMITS.skills} skill areas.`);
  const skills = [...journal.skills];
  skills.splice(Math.min(Math.max(removed.index, 0), skills.length), 0, skill);
  const people = journal.people.map((p) => {
    const was = removed.people.find((x) => x.personId === p.id);
    if (!was || p.skillIds.includes(skill.id)) return p;
    const skillIds = [...p.skillIds];
    skillIds.splice(Math.min(Math.max(was.index, 0), skillIds.length), 0, skill.id);
    return { ...p, skillIds };
  });
  const focusSkillId = removed.wasFocus && journal.focusSkillId === null ? skill.id : journal.focusSkillId;
  return ok({ ...journal, skills, people, focusSkillId });
}

export function setFocus(journal: Journal, skillId: string): Result<Journal> {
  if (!journal.skills.some((s) => s.id === skillId)) return refuse(`No skill area has the id "${skillId}".`);
  return ok(journal.focusSkillId === skillId ? journal : { ...journal, focusSkillId: skillId });
}

export interface PersonInput {
  id?: string;
  name: string;
  org: Org;
  seniority: Seniority;
  evidence: string;
}

/**
 * Adds someone new, or updates someone in the journal, as a person for the focus skill area (the focus
 * is added to their skills). A new person whose name matches someone already there is that person.
 */
export function savePerson(journal: Journal, input: PersonInput, random: () => number = Math.random): Result<{ journal: Journal; person: Person }> {
  const focus = journal.focusSkillId;
  if (!focus) return refuse('Choose the one skill area to focus on first.');
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!name || name.length > LIMITS.name) return refuse(`A name must be 1–${LIMITS.name} characters.`);
  if (!ORGS.includes(input.org)) return refuse(`Inside or outside: org must be ${ORGS.join(' or ')}.`);
  if (!SENIORITIES.includes(input.seniority)) return refuse(`seniority must be one of ${SENIORITIES.join(', ')}.`);
  const evidence = input.evidence.trim();
  if (evidence.length > LIMITS.longText) return refuse(`What you have seen them do must be at most ${LIMITS.longText} characters.`);

  const existing =
    input.id !== undefined ? journal.people.find((p) => p.id === input.id) : journal.people.find((p) => p.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (input.id !== undefined && !existing) return refuse(`No person has the id "${input.id}".`);
  if (existing) {
    const person: Person = {
      ...existing,
      name,
      org: input.org,
      seniority: input.seniority,
      evidence: evidence || existing.evidence,
      skillIds: existing.skillIds.includes(focus) ? existing.skillIds : [...existing.skillIds, focus],
    };
    return ok({ journal: { ...journal, people: journal.people.map((p) => (p.id === person.id ? person : p)) }, person });
  }
  if (journal.people.length >= LIMITS.people) return refuse(`A journal holds at most ${LIMITS.people} people.`);
  const person: Person = {
    id: makeId('p', new Set(journal.people.map((p) => p.id)), random),
    name,
    org: input.org,
    seniority: input.seniority,
    skillIds: [focus],
    evidence,
    referredBy: null,
    sponsor: false,
  };
  return ok({ journal: { ...journal, people: [...journal.people, person] }, person });
}

/** People who are great at a skill area, in the order they were added. */
export function peopleFor(journal: Journal, skillId: string | null): Person[] {
  return skillId ? journal.people.filter((p) => p.skillIds.includes(skillId)) : [];
}
