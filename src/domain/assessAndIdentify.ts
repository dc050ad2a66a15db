/**
 * The journal edits the Assessment & Request Builder makes as the user goes: the aspiration, the
 * skill areas and their ratings, the focus, and the people for the focus area. Each returns the new
 * journal or a reason, and never changes anything on refusal.
 */
import { LIMITS, ORGS, SENIORITIES, type Journal, type Org, type Person, type Seniority, type Skill } from './journal';
import { makeId } from './ids';
import { ok, refuse, type Result } from './result';


export function setAspiration(journal: Journal, text: string): Result<Journal> {
  const aspiration = text.replace(/\s+/g, ' ').trim();
  if (aspiration.length > LIMITS.shortText) return refuse(`The aspiration must be at most ${LIMITS.shortText} characters.`);
  if (aspiration === journal.aspiration) return ok(journal);
  return ok({ ...journal, aspiration });
}

/** Adds a skill area (unrated: 3 and 3) unless one of that name exists; the first skill becomes the focus. */
export function addSkill(journal: Journal, name: string, random: () => number = Math.random): Result<{ journal: Journal; skill: Skill }> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > LIMITS.name) return refuse(`A skill area needs a name of 1–${LIMITS.name} characters.`);
  const existing = journal.skills.find((s) => s.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
  if (existing) return ok({ journal, skill: existing });
  if (journal.skills.length >= LIMITS.skills) return refuse(`A journal holds at most ${LIMITS.skills} skill areas.`);
  const skill: Skill = { id: makeId('s', new Set(journal.skills.map((s) => s.id)), random), name: clean, current: 3, importance: 3, notes: '' };
  return ok({ journal: { ...journal, skills: [...journal.skills, skill], focusSkillId: journal.focusSkillId ?? skill.id }, skill });
}

export function rateSkill(journal: Journal, skillId: string, current: number, importance: number): Result<Journal> {
  const skill = journal.skills.find((s) => s.id === skillId);
  if (!skill) return refuse(`No skill area has the id "${skillId}".`);
  for (const [label, n] of [['current level', current], ['importance', importance]] as const) {
    if (!Number.isInteger(n) || n < 1 || n > 5) return refuse(`The ${label} must be a whole number from 1 to 5.`);
  }
  if (skill.current === current && skill.importance === importance) return ok(journal);
  return ok({ ...journal, skills: journal.skills.map((s) => (s.id === skillId ? { ...s, current, importance } : s)) });
}

/** Removes a skill area no attempt uses; people keep their other skills. */
export function removeSkill(journal: Journal, skillId: string): Result<Journal> {
  if (!journal.skills.some((s) => s.id === skillId)) return refuse(`No skill area has the id "${skillId}".`);
  const used = journal.attempts.filter((a) => a.skillId === skillId).length;
  if (used > 0) return refuse(`This skill area has ${used} outreach attempt${used === 1 ? '' : 's'}; delete ${used === 1 ? 'it' : 'them'} first.`);
  const skills = journal.skills.filter((s) => s.id !== skillId);
  const people = journal.people.map((p) => (p.skillIds.includes(skillId) ? { ...p, skillIds: p.skillIds.filter((x) => x !== skillId) } : p));
  const focusSkillId = journal.focusSkillId === skillId ? null : journal.focusSkillId;
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
