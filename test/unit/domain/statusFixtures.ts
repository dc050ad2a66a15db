/** Journals with Terry's attempt "a1" in each status, valid per parseJournal (for the response/follow-up/session tests). */
import { STATUSES, type AttemptStatus, type Journal, type JournalEvent } from '../../../src/domain/journal';
import { attempt, terryJournal } from '../../support/journals';

export const NOW = new Date('2026-11-26T12:00:00Z');
export const SENT_AT = '2026-11-17T10:00:00.000Z';

export function inStatus(status: AttemptStatus, over: Parameters<typeof attempt>[0] = { id: 'a1' }): Journal {
  const events: JournalEvent[] = [{ at: '2026-11-10T10:00:00.000Z', kind: 'created', detail: '' }];
  if (status !== 'draft') events.push({ at: SENT_AT, kind: 'sent', detail: '' });
  return terryJournal([
    attempt({
      status,
      askAgainOn: status === 'deferred' ? '2026-12-15' : null,
      sessionsDone: status === 'completed' ? 3 : status === 'accepted' ? 1 : 0,
      events,
      ...over,
    }),
  ]);
}

export const ALL_STATUSES: readonly AttemptStatus[] = STATUSES;

/** A deep snapshot, to show that a refusal (or a success) changed nothing in its input. */
export function snapshot(value: unknown): string {
  return JSON.stringify(value);
}
