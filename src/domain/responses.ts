/**
 * Recording the answer to a request: yes (accepted, sessions planned), no (declined), later
 * (deferred to an ask-again date) or a referral (a new person, linked to who suggested them, with a
 * new draft request for the same skill and the same ask).
 *
 * Every refusal leaves the journal exactly as it was; the inputs are never mutated.
 *
 * Events: each answer adds one `response` event (a contact kind) to the attempt, detail "yes",
 * "no", "later: YYYY-MM-DD" or "referral: <name>". The plan made on a yes is kept as
 * `attempt.plan` (see sessions.ts for why that is safe in journal v1).
 */
import { LIMITS, ORGS, SENIORITIES, type Attempt, type Journal, type Org, type Person, type Seniority } from './journal';
import { localDate, shortDate, type ShortDate } from './dates';
import { parseAskAgain } from './dateInput';
import { newDraftAttempt } from './drafting';
import { makeId } from './ids';
import { checkTransition, event, findAttempt, transition } from './outreach';
import { planSessions, type SessionPlanItem } from './sessions';
import { renderRequest, type TemplateOverrides } from './templates';

export { RESPONSE_KINDS as RESPONSES, type ResponseKind } from './actions';
import { RESPONSE_KINDS as RESPONSES, type ResponseKind } from './actions';
import { refuse, type Result } from './result';

export interface ReferralInput {
  name: string;
  /**
   * What the referrer said about their work, written to them ("Terry tells me you rebuilt…"): it goes into the
   * request after "<referrer> suggested I talk to you." Default: none.
   */
  evidence?: string | null;
  /** Inside or outside your organisation. Default (an argument that leaves it out): the referrer's. */
  org?: Org | null;
  /** Default (an argument that leaves it out): "senior". The interactive flow always asks both. */
  seniority?: Seniority | null;
}

export interface ResponseInput {
  attemptId: string;
  response: ResponseKind;
  /** For "later": YYYY-MM-DD after today, or anything parseAskAgain reads ("in 3 weeks", "15 Jan"). */
  askAgainOn?: string | null;
  /** For "referral". */
  referral?: ReferralInput | null;
}

export interface ResponseOutcome {
  journal: Journal;
  /** The answered attempt, as it is now. */
  attempt: Attempt;
  /** For a referral: the new person and their draft request. */
  created?: { person: Person; attempt: Attempt };
}

export interface ResponseOptions {
  /** The user's own templates (request for a referral's draft, sessionAgenda for a yes). */
  templates?: TemplateOverrides;
  signature?: string;
  /** How a date is shown in a refusal (dates.ts `dateDisplay`); default English. */
  dateLabel?: ShortDate;
}

/**
 * Records a response. `now` stamps the events; its local date is "today" for the ask-again date.
 *
 * - yes → accepted; the sessions are planned (topics spread over them, an agenda each) into `attempt.plan`.
 * - no → declined; the method's two questions (LATER_QUESTION, REFERRAL_QUESTION in followUps.ts) are then its
 *   next step until one is sent or the person dismisses them (followUpState.ts, afterNo).
 * - later → deferred until `askAgainOn` (after today).
 * - referral → a new person (referredBy = the person asked; inside or outside and seniority as given) and a draft
 *   attempt for the same skill with the same ask, whose text says who suggested them. The answered attempt: a sent one becomes declined (a referral answers the
 *   request with "not me" — and `sent` → `declined` is the machine's way to stop the reply clock);
 *   one already declined, deferred, accepted or completed keeps its status (the name came up in a
 *   later conversation) and gains the event. A draft (never asked) or withdrawn attempt is refused.
 */
export function recordResponse(
  journal: Journal,
  input: ResponseInput,
  now: Date,
  random: () => number = Math.random,
  options: ResponseOptions = {},
): Result<ResponseOutcome> {
  if (!isInstant(now)) return refuse('The time of the change is not a valid date.');
  if (typeof input !== 'object' || input === null) return refuse('Give the attempt and the response, e.g. { attemptId: "a1", response: "yes" }.');
  const { attemptId, response } = input;
  if (typeof attemptId !== 'string' || !attemptId) return refuse('attemptId must be the id of an outreach attempt.');
  if (!RESPONSES.includes(response)) return refuse(`response must be one of ${RESPONSES.join(', ')} — not "${String(response)}".`);
  if (input.askAgainOn !== undefined && input.askAgainOn !== null && response !== 'later') {
    return refuse(`askAgainOn goes only with the response "later", not "${response}".`);
  }
  if (input.referral !== undefined && input.referral !== null && response !== 'referral') {
    return refuse(`referral goes only with the response "referral", not "${response}".`);
  }
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  const attempt = found.value;
  if (attempt.events.length >= LIMITS.eventsPerAttempt) {
    return refuse(`The attempt already has ${attempt.events.length} events, the most a journal keeps (${LIMITS.eventsPerAttempt}).`);
  }
  const name = personName(journal, attempt);
  const today = localDate(now);

  switch (response) {
    case 'yes': {
      const allowed = canBecome(attempt, 'accepted', name, today, options.dateLabel);
      if (!allowed.ok) return allowed;
      let plan: SessionPlanItem[];
      try {
        plan = planSessions(journal, attempt, options.templates);
      } catch (e) {
        return refuse(`The sessionAgenda template failed: ${(e as Error).message}`);
      }
      const moved = transition(journal, attemptId, 'accepted', now, { eventKind: 'response', detail: 'yes' });
      if (!moved.ok) return moved;
      return done(withAttempt(moved.value, attemptId, (a) => ({ ...a, plan })), attemptId);
    }
    case 'no': {
      const allowed = canBecome(attempt, 'declined', name, today, options.dateLabel);
      if (!allowed.ok) return allowed;
      const moved = transition(journal, attemptId, 'declined', now, { eventKind: 'response', detail: 'no' });
      return moved.ok ? done(moved.value, attemptId) : moved;
    }
    case 'later': {
      const allowed = canBecome(attempt, 'deferred', name, today, options.dateLabel);
      if (!allowed.ok) return allowed;
      if (input.askAgainOn === undefined || input.askAgainOn === null || (typeof input.askAgainOn === 'string' && !input.askAgainOn.trim())) {
        return refuse(`A "later" needs the date to ask ${name} again (e.g. 2027-01-15 or "in 3 weeks").`);
      }
      if (typeof input.askAgainOn !== 'string') return refuse('askAgainOn must be a date YYYY-MM-DD.');
      const date = parseAskAgain(input.askAgainOn, today);
      if (!date.ok) return date;
      const moved = transition(journal, attemptId, 'deferred', now, { eventKind: 'response', detail: `later: ${date.value}`, askAgainOn: date.value });
      return moved.ok ? done(moved.value, attemptId) : moved;
    }
    case 'referral':
      return referral(journal, attempt, input.referral, now, random, options);
  }
}

function referral(
  journal: Journal,
  attempt: Attempt,
  input: ReferralInput | null | undefined,
  now: Date,
  random: () => number,
  options: ResponseOptions,
): Result<ResponseOutcome> {
  const referrer = journal.people.find((p) => p.id === attempt.personId);
  const skill = journal.skills.find((s) => s.id === attempt.skillId);
  if (!referrer) return refuse(`The person of attempt "${attempt.id}" no longer exists.`);
  if (!skill) return refuse(`The skill of attempt "${attempt.id}" no longer exists.`);
  if (attempt.status === 'draft') return refuse(`The request to ${referrer.name} has not been sent yet: mark it as sent before recording an answer.`);
  if (attempt.status === 'withdrawn') return refuse(`The request to ${referrer.name} was withdrawn, so there is no answer to record.`);

  if (typeof input !== 'object' || input === null) return refuse(`A referral needs the name of the person ${referrer.name} recommended.`);
  if (typeof input.name !== 'string' || !input.name.trim()) return refuse(`A referral needs the name of the person ${referrer.name} recommended.`);
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length > LIMITS.name) return refuse(`A name must be at most ${LIMITS.name} characters (this one is ${name.length}).`);
  if (input.evidence !== undefined && input.evidence !== null && typeof input.evidence !== 'string') return refuse('The evidence must be text.');
  // Who suggested them is said by the request itself ("Terry suggested I talk to you."), not by the evidence.
  const evidence = (input.evidence ?? '').trim();
  if (evidence.length > LIMITS.longText) return refuse(`The evidence must be at most ${LIMITS.longText} characters.`);
  const org = input.org ?? referrer.org;
  if (!ORGS.includes(org)) return refuse(`org must be ${ORGS.join(' or ')}.`);
  const seniority = input.seniority ?? 'senior';
  if (!SENIORITIES.includes(seniority)) return refuse(`seniority must be one of ${SENIORITIES.join(', ')}.`);
  if (journal.people.length >= LIMITS.people) return refuse(`The journal already holds ${journal.people.length} people, the most it keeps.`);
  if (journal.attempts.length >= LIMITS.attempts) return refuse(`The journal already holds ${journal.attempts.length} attempts, the most it keeps.`);

  const person: Person = {
    id: makeId('p', new Set(journal.people.map((p) => p.id)), random),
    name,
    org,
    seniority,
    skillIds: [skill.id],
    evidence,
    referredBy: referrer.id,
    sponsor: false,
  };
  const ask = {
    sessions: attempt.ask.sessions,
    minutesPerSession: attempt.ask.minutesPerSession,
    timeframe: attempt.ask.timeframe,
    topics: attempt.ask.topics.slice(),
  };
  let text: string;
  try {
    const model = { personName: name, aspiration: journal.aspiration, skill: skill.name, evidence, referredBy: referrer.name.trim(), ...ask };
    text = renderRequest(options.signature ? { ...model, signature: options.signature } : model, options.templates?.request);
  } catch (e) {
    return refuse(`The request template failed: ${(e as Error).message}`);
  }
  const created = newDraftAttempt(journal, { personId: person.id, skillId: skill.id, ask, text }, now, random, `referred by ${referrer.name}`);

  const detail = `referral: ${name}`;
  let answered: Journal;
  if (attempt.status === 'sent') {
    const moved = transition(journal, attempt.id, 'declined', now, { eventKind: 'response', detail });
    if (!moved.ok) return moved;
    answered = moved.value;
  } else {
    answered = withAttempt(journal, attempt.id, (a) => ({ ...a, events: [...a.events, event('response', now, detail)] }));
  }
  const next: Journal = { ...answered, people: [...answered.people, person], attempts: [...answered.attempts, created] };
  const result = done(next, attempt.id);
  if (!result.ok) return result;
  return { ok: true, value: { ...result.value, created: { person, attempt: created } } };
}

/** The machine's verdict, with a hint for the usual mistakes. */
function canBecome(attempt: Attempt, to: 'accepted' | 'declined' | 'deferred', name: string, today: string, dateLabel: ShortDate = shortDate): Result<true> {
  const verdict = checkTransition(attempt.status, to);
  if (verdict.ok) return { ok: true, value: true };
  if (attempt.status === 'draft') return refuse(`The request to ${name} has not been sent yet: mark it as sent before recording an answer.`);
  if (attempt.status === 'deferred') {
    const on = attempt.askAgainOn ? ` until ${dateLabel(attempt.askAgainOn, today)}` : '';
    return refuse(`The request to ${name} is deferred${on} already: ask again on that date (mark the re-ask as sent), or record their yes or no if they answer before.`);
  }
  if (attempt.status === 'declined' && to === 'deferred') {
    return refuse(`${verdict.reason} To ask ${name} again on a date, draft a new request to them (or record "later" instead of "no" next time).`);
  }
  return verdict;
}

function personName(journal: Journal, attempt: Attempt): string {
  return journal.people.find((p) => p.id === attempt.personId)?.name.trim() || 'this person';
}

function withAttempt(journal: Journal, attemptId: string, change: (a: Attempt) => Attempt): Journal {
  return { ...journal, attempts: journal.attempts.map((a) => (a.id === attemptId ? change(a) : a)) };
}

function done(journal: Journal, attemptId: string): Result<ResponseOutcome> {
  const attempt = journal.attempts.find((a) => a.id === attemptId);
  if (!attempt) return refuse(`No outreach attempt has the id "${attemptId}".`);
  return { ok: true, value: { journal, attempt } };
}


function isInstant(now: unknown): now is Date {
  return now instanceof Date && !Number.isNaN(now.getTime());
}
