/**
 * The tests' journals — their one home, for the unit and the integration rings alike: the source's example
 * (Terry, financial acumen), its parts to build variants from, and a large journal for scale.
 */
import { emptyJournal, type Attempt, type Journal, type Person, type Skill } from '../../src/domain/journal';

export const TERRY_TEXT =
  "Hi Terry, I am working on developing my leadership skills. I've identified that I need further expertise in the area of financial acumen. I've seen you present at the All Hands meeting, and you tell a compelling story about the financials. Would you be willing to spend three sessions with me focusing on a high level understanding of our financial reports, how you convert those numbers into a compelling story, and what someone at my level needs to be doing in order to develop their financial acumen further?";

export function attempt({ id, ...over }: Partial<Attempt> & { id: string }): Attempt {
  // In the schema's field order (id first), as the store writes an attempt: a journal built from these is canonical.
  return {
    id,
    personId: 'p1',
    skillId: 's1',
    ask: { sessions: 3, minutesPerSession: 45, timeframe: 'over the next six weeks', topics: ['reading our financial reports', 'turning numbers into a story'] },
    text: TERRY_TEXT,
    status: 'draft',
    askAgainOn: null,
    sessionsDone: 0,
    events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }],
    ...over,
  };
}

export const FINANCIAL_ACUMEN: Skill = { id: 's1', name: 'Financial acumen', current: 2, importance: 5, notes: '' };
export const PUBLIC_SPEAKING: Skill = { id: 's2', name: 'Public speaking', current: 3, importance: 3, notes: '' };
export const TERRY: Person = { id: 'p1', name: 'Terry', org: 'inside', seniority: 'senior', skillIds: ['s1'], evidence: "I've seen you present at the All Hands meeting.", referredBy: null, sponsor: false };
/** Referred by Terry, great at public speaking. */
export const ROBIN: Person = { id: 'p2', name: 'Robin Okafor', org: 'outside', seniority: 'peer', skillIds: ['s2'], evidence: '', referredBy: 'p1', sponsor: false };

/**
 * Terry's aspiration and focus (financial acumen) with the given skills, people and attempts (default: none).
 * A fresh copy each time: a test may change its journal without changing the shared parts above.
 */
export function journalWith(parts: Partial<Pick<Journal, 'skills' | 'people' | 'attempts'>>): Journal {
  return structuredClone({
    ...emptyJournal(),
    aspiration: 'developing my leadership skills',
    skills: parts.skills ?? [FINANCIAL_ACUMEN],
    focusSkillId: 's1',
    people: parts.people ?? [TERRY],
    attempts: parts.attempts ?? [],
  });
}

/** The source's example: Terry, financial acumen (and Robin, public speaking), one draft. */
export function terryJournal(attempts: Attempt[] = [attempt({ id: 'a1' })]): Journal {
  return journalWith({ skills: [FINANCIAL_ACUMEN, PUBLIC_SPEAKING], people: [TERRY, ROBIN], attempts });
}

const STATUSES = ['draft', 'sent', 'deferred', 'accepted', 'declined', 'completed', 'withdrawn'] as const;

/** A large, valid journal with every status represented (for the store and tree at scale). */
export function bigJournal(attemptCount: number): Journal {
  const people = Array.from({ length: Math.max(1, Math.ceil(attemptCount / 4)) }, (_, i) => ({
    id: `p${i}`,
    name: `Person ${i}`,
    org: i % 2 ? ('outside' as const) : ('inside' as const),
    seniority: 'senior' as const,
    skillIds: ['s1'],
    evidence: 'Seen presenting.',
    referredBy: null,
    sponsor: false,
  }));
  const attempts = Array.from({ length: attemptCount }, (_, i) => {
    const status = STATUSES[i % STATUSES.length] ?? 'draft';
    const day = String(1 + (i % 28)).padStart(2, '0');
    return attempt({
      id: `a${i}`,
      personId: `p${i % people.length}`,
      status,
      askAgainOn: status === 'deferred' ? `2026-12-${day}` : null,
      sessionsDone: status === 'completed' ? 3 : status === 'accepted' ? 1 : 0,
      events: [
        { at: `2026-10-${day}T09:00:00.000Z`, kind: 'created', detail: '' },
        ...(status === 'draft' ? [] : [{ at: `2026-11-${day}T09:00:00.000Z`, kind: 'sent', detail: '' }]),
      ],
    });
  });
  return { ...terryJournal([]), people, attempts };
}
