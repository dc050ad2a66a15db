/** Creating a draft request: the skill and person (existing or new) and a bounded ask. */
import { LIMITS, ORGS, SENIORITIES, type Attempt, type Journal, type Org, type Person, type Seniority, type Skill } from './journal';
import { event } from './outreach';
import { renderRequestOrFallback, storedText, type TemplateFn } from './templates';
import { makeId } from './ids';
import { ASK_LIMITS, DEFAULT_MINUTES, isSessionCount, isSessionMinutes } from './ask';
import { refuse, type Result } from './result';
import { editDraft } from './draftText';

export interface NewPerson {
  name: string;
  org: Org;
  seniority: Seniority;
  evidence: string;
}

export interface DraftInput {
  skill: { id: string } | { name: string };
  person: { id: string } | NewPerson;
  sessions: number;
  minutesPerSession?: number;
  timeframe: string;
  topics: readonly string[];
  /** The request as the user edited it; when absent or blank the template renders it. */
  text?: string;
}


/**
 * Who suggested `person` (a referral), by name, for the request's "Terry suggested I talk to you."; undefined when
 * nobody did, or when the referrer is no longer in the journal. Every drafting path (the builder, the keyboard
 * flow, the argument form, the referral answer) renders the request with it.
 */
export function referrerName(people: readonly Person[], person: Pick<Person, 'referredBy'> | undefined): string | undefined {
  const id = person?.referredBy;
  if (!id) return undefined;
  return people.find((p) => p.id === id)?.name.trim() || undefined;
}

/**
 * Adds a draft request. Without `input.text` it is rendered from the ask with `template` (the user's own request
 * template) or the built-in one; `templateError` says why the user's template was not used.
 */
export function addDraft(
  journal: Journal,
  input: DraftInput,
  now: Date,
  random: () => number = Math.random,
  template?: TemplateFn | null,
): Result<{ journal: Journal; attempt: Attempt; templateError: string | null }> {
  const problem = checkAsk(input);
  if (problem) return { ok: false, reason: problem };

  let skills = journal.skills;
  let skill: Skill | undefined;
  if ('id' in input.skill) {
    const id = input.skill.id;
    skill = skills.find((s) => s.id === id);
    if (!skill) return { ok: false, reason: `No skill has the id "${id}".` };
  } else {
    const name = input.skill.name.trim();
    if (!name || name.length > LIMITS.name) return { ok: false, reason: `A skill name must be 1–${LIMITS.name} characters.` };
    skill = skills.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!skill) {
      skill = { id: makeId('s', new Set(skills.map((s) => s.id)), random), name, current: 2, importance: 4, notes: '' };
      skills = [...skills, skill];
    }
  }

  let people = journal.people;
  let person: Person | undefined;
  if ('id' in input.person) {
    const id = input.person.id;
    person = people.find((p) => p.id === id);
    if (!person) return { ok: false, reason: `No person has the id "${id}".` };
  } else {
    const p = input.person;
    if (!p.name.trim() || p.name.length > LIMITS.name) return { ok: false, reason: `A name must be 1–${LIMITS.name} characters.` };
    if (!ORGS.includes(p.org)) return { ok: false, reason: `org must be ${ORGS.join(' or ')}.` };
    if (!SENIORITIES.includes(p.seniority)) return { ok: false, reason: `seniority must be one of ${SENIORITIES.join(', ')}.` };
    if (p.evidence.length > LIMITS.longText) return { ok: false, reason: `The evidence must be at most ${LIMITS.longText} characters.` };
    person = {
      id: makeId('p', new Set(people.map((x) => x.id)), random),
      name: p.name.trim(),
      org: p.org,
      seniority: p.seniority,
      skillIds: [skill.id],
      evidence: p.evidence.trim(),
      referredBy: null,
      sponsor: false,
    };
    people = [...people, person];
  }
  if (!person.skillIds.includes(skill.id)) {
    const updated: Person = { ...person, skillIds: [...person.skillIds, skill.id] };
    people = people.map((x) => (x.id === updated.id ? updated : x));
    person = updated;
  }

  const ask = {
    sessions: input.sessions,
    minutesPerSession: input.minutesPerSession ?? DEFAULT_MINUTES,
    timeframe: input.timeframe.trim(),
    topics: input.topics.map((t) => t.trim()).filter(Boolean),
  };
  const edited = input.text?.trim() ? storedText(input.text) : undefined;
  const rendered = edited !== undefined ? { text: edited, templateError: null } : renderRequestOrFallback({
    personName: person.name,
    aspiration: journal.aspiration,
    skill: skill.name,
    evidence: person.evidence,
    sessions: ask.sessions,
    minutesPerSession: ask.minutesPerSession,
    timeframe: ask.timeframe,
    topics: ask.topics,
    referredBy: referrerName(people, person),
  }, template);
  const attempt = newDraftAttempt(journal, { personId: person.id, skillId: skill.id, ask, text: rendered.text }, now, random);
  return {
    ok: true,
    value: {
      journal: { ...journal, skills, people, focusSkillId: journal.focusSkillId ?? skill.id, attempts: [...journal.attempts, attempt] },
      attempt,
      templateError: rendered.templateError,
    },
  };
}

/** A new draft attempt with a fresh id and its `created` event (not yet in the journal). */
export function newDraftAttempt(
  journal: Journal,
  fields: Pick<Attempt, 'personId' | 'skillId' | 'ask' | 'text'>,
  now: Date,
  random: () => number = Math.random,
  createdDetail = '',
): Attempt {
  return {
    id: makeId('a', new Set(journal.attempts.map((a) => a.id)), random),
    ...fields,
    status: 'draft',
    askAgainOn: null,
    sessionsDone: 0,
    events: [event('created', now, createdDetail)],
  };
}

function checkAsk(input: DraftInput): string | undefined {
  if (!isSessionCount(input.sessions)) return `sessions must be a whole number from ${ASK_LIMITS.sessions.min} to ${ASK_LIMITS.sessions.max}.`;
  const m = input.minutesPerSession;
  if (m !== undefined && !isSessionMinutes(m)) return `minutesPerSession must be a whole number from ${ASK_LIMITS.minutes.min} to ${ASK_LIMITS.minutes.max}.`;
  if (typeof input.timeframe !== 'string' || input.timeframe.length > LIMITS.shortText) return `timeframe must be text of at most ${LIMITS.shortText} characters.`;
  if (!Array.isArray(input.topics) || input.topics.length > LIMITS.topics) return `topics must be a list of at most ${LIMITS.topics} items.`;
  if (input.topics.some((t) => typeof t !== 'string' || t.length > LIMITS.shortText)) return `each topic must be text of at most ${LIMITS.shortText} characters.`;
  if (input.text !== undefined && (typeof input.text !== 'string' || input.text.length > LIMITS.longText)) return `the request text must be at most ${LIMITS.longText} characters.`;
  return undefined;
}

/** A saved draft's new content: who, which skill, the ask and the text (as the person sees it, never blank). */
export interface DraftUpdate {
  personId: string;
  skillId: string;
  sessions: number;
  minutesPerSession: number;
  timeframe: string;
  topics: readonly string[];
  text: string;
}

/**
 * Saves new content into a draft that is already in the journal (the builder's "Save as draft" a second time):
 * the same attempt, its id, history and any fields it has kept; never a second draft. Refused when the attempt
 * is not a draft any more (it was sent: a new request starts afresh) or a person or skill is unknown.
 */
export function updateDraft(journal: Journal, attemptId: string, input: DraftUpdate): Result<{ journal: Journal; attempt: Attempt }> {
  const problem = checkAsk({ ...input, skill: { id: input.skillId }, person: { id: input.personId } });
  if (problem) return { ok: false, reason: problem };
  const current = journal.attempts.find((a) => a.id === attemptId);
  if (!current) return refuse(`No outreach attempt has the id "${attemptId}".`);
  const skill = journal.skills.find((s) => s.id === input.skillId);
  if (!skill) return { ok: false, reason: `No skill has the id "${input.skillId}".` };
  const person = journal.people.find((p) => p.id === input.personId);
  if (!person) return { ok: false, reason: `No person has the id "${input.personId}".` };
  if (!input.text.trim()) return { ok: false, reason: 'The request text is empty.' };
  const ask = { ...current.ask, sessions: input.sessions, minutesPerSession: input.minutesPerSession, timeframe: input.timeframe.trim(), topics: input.topics.map((t) => t.trim()).filter(Boolean) };
  // Which attempt may change (a draft, and only within the journal's limit) is the rule of draftText.ts.
  const edited = editDraft(journal, attemptId, { personId: person.id, skillId: skill.id, ask, text: storedText(input.text) });
  if (!edited.ok) return edited;
  const people = person.skillIds.includes(skill.id) ? journal.people : journal.people.map((p) => (p.id === person.id ? { ...p, skillIds: [...p.skillIds, skill.id] } : p));
  return { ok: true, value: { journal: { ...edited.value.journal, people }, attempt: edited.value.attempt } };
}
