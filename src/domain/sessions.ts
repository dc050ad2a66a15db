/**
 * After a yes: the session plan (the ask's topics spread over its sessions, an agenda for each),
 * logging sessions until the attempt is completed, and marking people as sponsors.
 *
 * Where the plan lives: `attempt.plan`, an array `[{ n, topics, agenda }]` — one entry per session.
 * Journal v1 has no field for it, but every record is a loose object (`v.looseObject` in
 * journal.ts): unknown fields survive parseJournal, storage, export and import unchanged. Because
 * the schema does not check `plan`, it is read back through `readPlan`, which accepts it only when
 * it has exactly the right shape (one entry per session asked for) and otherwise recomputes it.
 */
import { referrerName } from './drafting';
import { LIMITS, type Attempt, type Journal, type Person } from './journal';
import { event, findAttempt, transition } from './outreach';
import { renderText, requestContext, type TemplateOverrides } from './templates';
import { refuse, type Result } from './result';

export interface SessionPlanItem {
  /** 1-based session number. */
  n: number;
  topics: string[];
  /** Plain text rendered from sessionAgenda.hbs. */
  agenda: string;
}

/**
 * Spreads topics over the sessions, in order. More topics than sessions: consecutive groups, the
 * earlier sessions taking one extra (5 over 3 → 2, 2, 1). Fewer: one topic per session, and the
 * remaining sessions are left for review and open questions (2 over 3 → a, b, —).
 */
export function spreadTopics(topics: readonly string[], sessions: number): string[][] {
  const n = Math.max(1, Math.floor(sessions));
  const clean = topics.map((t) => t.trim()).filter(Boolean);
  const out: string[][] = [];
  const base = Math.floor(clean.length / n);
  const extra = clean.length % n;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const size = base + (i < extra ? 1 : 0);
    out.push(clean.slice(at, at + size));
    at += size;
  }
  return out;
}

/** What every attempt-based template sees: the request's context (first name, skill, ask in words). */
export function askContext(journal: Journal, attempt: Attempt): Record<string, unknown> {
  const person = journal.people.find((p) => p.id === attempt.personId);
  const skill = journal.skills.find((s) => s.id === attempt.skillId);
  return requestContext({
    personName: person?.name.trim() || 'there',
    aspiration: journal.aspiration,
    skill: skill?.name ?? 'this skill',
    evidence: person?.evidence ?? '',
    sessions: attempt.ask.sessions,
    minutesPerSession: attempt.ask.minutesPerSession,
    timeframe: attempt.ask.timeframe,
    topics: attempt.ask.topics,
    referredBy: referrerName(journal.people, person),
  });
}

/** Plans the attempt's sessions: topics spread over them and an agenda for each. */
export function planSessions(journal: Journal, attempt: Attempt, templates: TemplateOverrides = {}): SessionPlanItem[] {
  const base = askContext(journal, attempt);
  const groups = spreadTopics(attempt.ask.topics, attempt.ask.sessions);
  return groups.map((topics, i) => {
    const context = { ...base, n: i + 1, total: groups.length, topics, first: i === 0, last: i === groups.length - 1 };
    return { n: i + 1, topics, agenda: renderText('sessionAgenda', context, templates.sessionAgenda) };
  });
}

/** The stored plan when it is well-formed for this attempt; otherwise null. */
export function readPlan(attempt: Attempt): SessionPlanItem[] | null {
  const plan = attempt.plan;
  if (!Array.isArray(plan) || plan.length !== attempt.ask.sessions) return null;
  const out: SessionPlanItem[] = [];
  for (let i = 0; i < plan.length; i++) {
    const item: unknown = plan[i];
    if (typeof item !== 'object' || item === null) return null;
    const { n, topics, agenda } = item as Record<string, unknown>;
    if (n !== i + 1 || typeof agenda !== 'string' || agenda.length > LIMITS.longText) return null;
    if (!Array.isArray(topics) || topics.length > LIMITS.topics || !topics.every((t) => typeof t === 'string' && t.length <= LIMITS.shortText)) return null;
    out.push({ n: i + 1, topics: topics.slice() as string[], agenda });
  }
  return out;
}

/** The attempt's plan: the stored one, or one computed now (for attempts accepted before plans existed). */
export function sessionPlan(journal: Journal, attemptId: string, templates: TemplateOverrides = {}): Result<SessionPlanItem[]> {
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  return { ok: true, value: readPlan(found.value) ?? planSessions(journal, found.value, templates) };
}

export interface LoggedSession {
  journal: Journal;
  attempt: Attempt;
  /** True when this was the last session: the attempt is now completed (offer the thank-you). */
  completed: boolean;
  /** The next session's plan, or null when completed. */
  next: SessionPlanItem | null;
}

/**
 * Logs one session of an accepted attempt: sessionsDone + 1 and a `session` event with the notes.
 * The last of the N sessions also moves the attempt to `completed` (a `completed` event follows).
 */
export function logSession(journal: Journal, attemptId: string, notes: string | undefined, now: Date, templates: TemplateOverrides = {}): Result<LoggedSession> {
  if (!isInstant(now)) return refuse('The time of the change is not a valid date.');
  if (notes !== undefined && notes !== null && typeof notes !== 'string') return refuse('The session notes must be text.');
  const text = (notes ?? '').trim();
  if (text.length > LIMITS.longText) return refuse(`The session notes must be at most ${LIMITS.longText} characters (they are ${text.length}); shorten them and log again.`);
  const found = findAttempt(journal, attemptId);
  if (!found.ok) return found;
  const attempt = found.value;
  if (attempt.status !== 'accepted') {
    const why = attempt.status === 'completed' ? 'all its sessions are logged already' : 'sessions are logged only after a yes';
    return refuse(`The attempt is ${attempt.status}: ${why}.`);
  }
  const done = Math.min(attempt.sessionsDone + 1, attempt.ask.sessions);
  const completed = done >= attempt.ask.sessions;
  if (attempt.events.length + (completed ? 2 : 1) > LIMITS.eventsPerAttempt) {
    return refuse(`The attempt already has ${attempt.events.length} events, the most a journal keeps (${LIMITS.eventsPerAttempt}).`);
  }
  const logged: Attempt = { ...attempt, sessionsDone: done, events: [...attempt.events, event('session', now, text)] };
  let next = replace(journal, logged);
  if (completed) {
    const moved = transition(next, attemptId, 'completed', now);
    if (!moved.ok) return moved;
    next = moved.value;
  }
  const updated = next.attempts.find((a) => a.id === attemptId) ?? logged;
  const plan = completed ? null : readPlan(updated) ?? planSessions(journal, updated, templates);
  return { ok: true, value: { journal: next, attempt: updated, completed, next: plan?.[done] ?? null } };
}

/** Marks (or unmarks) a person as a sponsor: someone who speaks up for you, not only advises. */
export function markSponsor(journal: Journal, personId: string, sponsor: boolean): Result<{ journal: Journal; person: Person }> {
  if (typeof sponsor !== 'boolean') return refuse('sponsor must be true or false.');
  const person = journal.people.find((p) => p.id === personId);
  if (!person) return refuse(`No person has the id "${String(personId)}".`);
  if (person.sponsor === sponsor) return { ok: true, value: { journal, person } };
  const updated: Person = { ...person, sponsor };
  return { ok: true, value: { journal: { ...journal, people: journal.people.map((p) => (p.id === personId ? updated : p)) }, person: updated } };
}

function replace(journal: Journal, next: Attempt): Journal {
  return { ...journal, attempts: journal.attempts.map((a) => (a.id === next.id ? next : a)) };
}


function isInstant(now: unknown): now is Date {
  return now instanceof Date && !Number.isNaN(now.getTime());
}
