/**
 * Issue 9 (the chain property): any sequence of the commands' domain operations and of the builder
 * webview's messages — with every boundary value (texts at and past their limits, evidence that makes a
 * drafted text too long, attempts one event short of the limit) — leaves a store whose journal the
 * validator accepts, that loads again as the same journal, and that exports and imports back unchanged.
 * Refusals are allowed (that is the point: a refusal changes nothing); a quarantine on the next start is not.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { planImport } from '../../src/domain/importPlan';
import { LIMITS, parseJournal, type Journal } from '../../src/domain/journal';
import { addDraft } from '../../src/domain/drafting';
import { dismissAfterNo, draftFollowUp, markFollowUpSent, recordFollowUp, recordFollowUpDraft, FOLLOW_UP_KINDS } from '../../src/domain/followUps';
import { editDraftText } from '../../src/domain/draftText';
import { deleteAttempt, lastContactDate, markSent } from '../../src/domain/outreach';
import type { Result } from '../../src/domain/result';
import { recordResponse } from '../../src/domain/responses';
import { logSession, markSponsor } from '../../src/domain/sessions';
import { logAdvocacy } from '../../src/domain/sponsors';
import { renderRequest } from '../../src/domain/templates';
import { JournalStore, STORE_KEY } from '../../src/storage/journalStore';
import { BuilderController } from '../../src/webview/builderController';
import { InMemoryMemento } from './support/memento';
import { propertyParams } from './support/arbitraries';
import { attempt, terryJournal } from '../support/journals';

const NOW = new Date('2026-11-26T12:00:00Z');
const L = LIMITS.longText;
const S = LIMITS.shortText;

/** Lengths at the edges of each limit. */
const longArb = fc.constantFrom(0, 1, 100, S, L - 200, L - 1, L, L + 1).map((n) => 'e'.repeat(n));
const shortArb = fc.constantFrom(0, 1, 40, S - 1, S, S + 1).map((n) => 'w'.repeat(n));
const nameArb = fc.constantFrom(1, 20, LIMITS.name, LIMITS.name + 1).map((n) => `N${'a'.repeat(n - 1)}`);
const pick = fc.nat({ max: 50 });

type Op =
  | { op: 'addDraft'; person: number; evidence: string; text: string | null; timeframe: string }
  | { op: 'markSent'; a: number }
  | { op: 'respond'; a: number; response: 'yes' | 'no' | 'later' | 'referral'; evidence: string; name: string }
  | { op: 'followUp'; a: number; kind: (typeof FOLLOW_UP_KINDS)[number]; text: string | null }
  | { op: 'draftFollowUpOnly'; a: number; kind: (typeof FOLLOW_UP_KINDS)[number]; text: string | null }
  | { op: 'markFollowUpSent'; a: number }
  | { op: 'dismiss'; a: number }
  | { op: 'editDraft'; a: number; text: string }
  | { op: 'logSession'; a: number; notes: string }
  | { op: 'delete'; a: number }
  | { op: 'sponsor'; p: number; detail: string }
  | { op: 'importSelf' }
  | { op: 'builder'; message: unknown };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('addDraft' as const), person: pick, evidence: longArb, text: fc.option(longArb, { nil: null }), timeframe: shortArb }),
  fc.record({ op: fc.constant('markSent' as const), a: pick }),
  fc.record({ op: fc.constant('respond' as const), a: pick, response: fc.constantFrom('yes' as const, 'no' as const, 'later' as const, 'referral' as const), evidence: longArb, name: nameArb }),
  fc.record({ op: fc.constant('followUp' as const), a: pick, kind: fc.constantFrom(...FOLLOW_UP_KINDS), text: fc.option(longArb, { nil: null }) }),
  fc.record({ op: fc.constant('draftFollowUpOnly' as const), a: pick, kind: fc.constantFrom(...FOLLOW_UP_KINDS), text: fc.option(longArb, { nil: null }) }),
  fc.record({ op: fc.constant('markFollowUpSent' as const), a: pick }),
  fc.record({ op: fc.constant('dismiss' as const), a: pick }),
  fc.record({ op: fc.constant('editDraft' as const), a: pick, text: longArb }),
  fc.record({ op: fc.constant('logSession' as const), a: pick, notes: longArb }),
  fc.record({ op: fc.constant('delete' as const), a: pick }),
  fc.record({ op: fc.constant('sponsor' as const), p: pick, detail: longArb }),
  fc.record({ op: fc.constant('importSelf' as const) }),
  fc.record({
    op: fc.constant('builder' as const),
    message: fc.oneof(
      fc.record({ type: fc.constant('setAspiration'), text: shortArb }),
      fc.record({ type: fc.constant('addSkill'), name: nameArb }),
      fc.record({ type: fc.constant('removeSkill'), skillId: fc.constantFrom('s1', 's2') }),
      fc.record({ type: fc.constant('undoRemoveSkill'), skillId: fc.constantFrom('s1', 's2') }),
      fc.record({ type: fc.constant('savePerson'), person: fc.record({ name: nameArb, org: fc.constantFrom('inside', 'outside'), seniority: fc.constantFrom('senior', 'peer'), evidence: longArb }) }),
      fc.record({
        type: fc.constant('save'),
        markSent: fc.boolean(),
        ask: fc.record({ personId: fc.constant('p1'), sessions: fc.constantFrom(1, 3, 6), minutesPerSession: fc.constantFrom(5, 45, 480), timeframe: shortArb, topics: fc.constant(['reading reports', 'telling the story']), text: fc.option(longArb, { nil: null }), attemptId: fc.constantFrom(null, 'a1', 'full') }),
      }),
    ),
  }),
);

function at<T>(items: readonly T[], n: number): T | undefined {
  return items.length ? items[n % items.length] : undefined;
}

function apply(j: Journal, op: Op): Result<Journal> {
  const attemptAt = (n: number) => at(j.attempts, n)?.id ?? 'none';
  const unwrap = <T extends { journal: Journal }>(r: Result<T>): Result<Journal> => (r.ok ? { ok: true, value: r.value.journal } : r);
  switch (op.op) {
    case 'addDraft': {
      const person = at(j.people, op.person);
      const withEvidence = person ? { ...j, people: j.people.map((p) => (p === person ? { ...p, evidence: op.evidence } : p)) } : j;
      return unwrap(addDraft(withEvidence, { skill: { id: 's1' }, person: person ? { id: person.id } : { name: 'New', org: 'inside', seniority: 'peer', evidence: op.evidence }, sessions: 3, timeframe: op.timeframe, topics: ['a', 'b'], ...(op.text === null ? {} : { text: op.text }) }, NOW));
    }
    case 'markSent':
      return markSent(j, attemptAt(op.a), NOW);
    case 'respond':
      return unwrap(recordResponse(j, { attemptId: attemptAt(op.a), response: op.response, askAgainOn: op.response === 'later' ? '2027-01-15' : null, referral: op.response === 'referral' ? { name: op.name, evidence: op.evidence } : null }, NOW));
    case 'followUp': {
      const id = attemptAt(op.a);
      const drafted = draftFollowUp(j, id, op.kind, '2026-11-26');
      const text = op.text ?? (drafted.ok ? drafted.value.text : '');
      return unwrap(recordFollowUp(j, id, op.kind, text, NOW));
    }
    case 'draftFollowUpOnly': {
      const id = attemptAt(op.a);
      const drafted = draftFollowUp(j, id, op.kind, '2026-11-26');
      return unwrap(recordFollowUpDraft(j, id, op.kind, op.text ?? (drafted.ok ? drafted.value.text : ''), NOW));
    }
    case 'markFollowUpSent':
      return unwrap(markFollowUpSent(j, attemptAt(op.a), NOW));
    case 'dismiss':
      return unwrap(dismissAfterNo(j, attemptAt(op.a), NOW));
    case 'editDraft':
      return editDraftText(j, attemptAt(op.a), op.text);
    case 'logSession':
      return unwrap(logSession(j, attemptAt(op.a), op.notes, NOW));
    case 'delete':
      return unwrap(deleteAttempt(j, attemptAt(op.a)));
    case 'sponsor': {
      const id = at(j.people, op.p)?.id ?? 'none';
      const marked = markSponsor(j, id, true);
      return marked.ok ? unwrap(logAdvocacy(marked.value.journal, id, op.detail, NOW)) : marked;
    }
    case 'importSelf': {
      const plan = planImport(j, JSON.parse(JSON.stringify(j)) as Journal, 'merge');
      return plan.ok ? { ok: true, value: plan.plan.result } : { ok: false, reason: plan.reason };
    }
    case 'builder':
      throw new Error('builder messages go through the controller');
  }
}

describe('integrity: any sequence of commands and webview messages leaves a journal that loads again (property)', function () {
  this.timeout(300_000);

  it('the stored journal is always valid, equals what the next start loads, and exports and imports back unchanged', async () => {
    // One attempt starts one event short of the limit; Terry's evidence starts near the text limit.
    const events = Array.from({ length: LIMITS.eventsPerAttempt - 1 }, (_, i) => ({ at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), kind: 'note', detail: '' }));
    // One attempt in each state a command acts on, so that most commands apply rather than being refused.
    const sentAt = { at: '2026-11-21T10:00:00.000Z', kind: 'sent', detail: '' };
    const answered = (detail: string) => [attempt({ id: 'x' }).events[0]!, sentAt, { at: '2026-11-22T10:00:00.000Z', kind: 'response', detail }];
    const nudgeDraft = { at: '2026-11-24T10:00:00.000Z', kind: 'follow-up-draft', detail: 'nudge', text: 'Hi Terry, just bringing this back to the top of your inbox.' };
    const start = terryJournal([
      attempt({ id: 'a1' }),
      attempt({ id: 'full', events }),
      attempt({ id: 'sent', status: 'sent', events: [attempt({ id: 'x' }).events[0]!, sentAt] }),
      attempt({ id: 'nudge', status: 'sent', events: [attempt({ id: 'x' }).events[0]!, sentAt, nudgeDraft] }),
      attempt({ id: 'no', status: 'declined', events: answered('no') }),
      attempt({ id: 'yes', status: 'accepted', events: answered('yes') }),
      attempt({ id: 'later', status: 'deferred', askAgainOn: '2026-11-25', events: answered('later: 2026-11-25') }),
    ]);
    const succeeded = new Set<Op['op']>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const memento = new InMemoryMemento({ [STORE_KEY]: { v: 1, data: start } });
        const { store } = await JournalStore.open(memento);
        const controller = new BuilderController({
          store,
          now: () => NOW,
          defaultSessions: () => 3,
          render: (model) => ({ text: renderRequest(model), templateError: null }),
          post: () => undefined,
          copy: async () => undefined,
          openMarkdown: async () => undefined,
          log: () => undefined,
          notify: () => undefined,
          confirmSend: async () => 'send',
        });
        for (const op of ops) {
          if (op.op === 'builder') {
            await controller.receive(op.message);
            continue;
          }
          const contacts = new Map(store.journal.attempts.map((a) => [a.id, [a.status, lastContactDate(a)]]));
          const changed = await store.change((j) => apply(j, op)).then(() => true, () => false);
          if (changed) succeeded.add(op.op);
          if (op.op === 'draftFollowUpOnly' || op.op === 'editDraft') {
            // Drafting (a follow-up, or a draft's text) is never a contact: no attempt changes status or last contact.
            for (const a of store.journal.attempts) assert.deepEqual([a.status, lastContactDate(a)], contacts.get(a.id), `${op.op} changed ${a.id}'s status or last contact`);
          }
        }
        await store.settled();
        const stored = JSON.parse(JSON.stringify(memento.get(STORE_KEY))) as { v: number; data: unknown };
        const loaded = parseJournal(stored.data);
        assert.ok(loaded.ok, `the stored journal would be quarantined: ${JSON.stringify(!loaded.ok && loaded.errors)}`);
        assert.deepStrictEqual(loaded.journal, store.journal, 'memory equals what the next start loads');
        const reimported = planImport(store.journal, JSON.parse(JSON.stringify(store.journal, null, 2)) as Journal, 'replace');
        assert.ok(reimported.ok);
        const back = parseJournal(JSON.parse(JSON.stringify(reimported.plan.result)));
        assert.ok(back.ok);
        assert.deepStrictEqual(back.journal, store.journal, 'export then import is unchanged');
      }),
      propertyParams(150),
    );
    // Not vacuous: every kind of command got through at least once (a refusal changes nothing, so proves little).
    const kinds: Op['op'][] = ['addDraft', 'markSent', 'respond', 'followUp', 'draftFollowUpOnly', 'markFollowUpSent', 'dismiss', 'editDraft', 'logSession', 'delete', 'sponsor', 'importSelf'];
    assert.deepEqual(kinds.filter((k) => !succeeded.has(k)), [], 'kinds of command never applied');
  });
});
