/**
 * Settings Sync of the journal: the sync envelope, the stamps of local changes, and the
 * deterministic merge of two machines' states. Pure: no `vscode` import. The rules are documented
 * in docs/sync.md; in short:
 *
 * - Records: every skill, person and attempt (by id) and one "profile" record (aspiration,
 *   focusSkillId and any unknown top-level fields). Record keys: `skill:<id>`, `person:<id>`,
 *   `attempt:<id>`, `profile`.
 * - Newest change wins per record (stamps are canonical `toISOString()` times, so comparing the
 *   strings compares the times). A record without a stamp (it predates sync) is older than any
 *   stamped change. Equal stamps: the version whose canonical JSON sorts last wins.
 * - The events of an attempt are unioned over its versions since the record's latest deletion
 *   (deduplicated by at + kind + detail); versions from before it belong to the deleted record.
 * - A deletion is a tombstone (record key → time). Between a change and a tombstone the newer one
 *   wins; at equal times the deletion wins.
 * - References always resolve: a record that a surviving record refers to is resurrected (its
 *   newest known version, stamped 1 ms after its tombstone) rather than the referring record being
 *   dropped — nothing the user entered is lost.
 */
import { emptyJournal, formatProblems, JOURNAL_FORMAT, JOURNAL_VERSION, LIMITS, parseJournal, type Attempt, type Journal, type JournalEvent } from './journal';

export const SYNC_VERSION = 1;
export const PROFILE_KEY = 'profile';

export type RecordKind = 'skill' | 'person' | 'attempt';

/** What a machine writes to the synced globalState key (and keeps locally). */
export interface SyncState {
  v: typeof SYNC_VERSION;
  journal: Journal;
  /** Record key → time of its last change (canonical ISO, `Date.prototype.toISOString`). Present records only. */
  stamps: Record<string, string>;
  /**
   * Record key → time it was last deleted (never `profile`). Kept for a record created again with
   * the same id, to tell its versions from the deleted record's; dropped only by pruneTombstones.
   */
  tombstones: Record<string, string>;
}

export interface SyncMerge {
  state: SyncState;
  /** The merged journal (the same object as `local.journal` when nothing changed). */
  journal: Journal;
  /** True when `journal` differs from `local.journal` (the store should be written). */
  changed: boolean;
  /**
   * Record keys brought back although deleted, because a surviving record refers to them (sorted);
   * the extension may tell the user, e.g. "Kept Robin: a request on another machine refers to them".
   */
  resurrected: string[];
  /** Set when the merge could not produce a valid journal (e.g. the union exceeds LIMITS); local is returned unchanged. */
  problem?: string;
}

export interface ParseSyncOptions {
  /** When given, a state with a stamp or tombstone more than `maxFutureMs` after `now` is refused. */
  now?: Date;
  /** Default one day. */
  maxFutureMs?: number;
}

/** Limits of the envelope itself (the journal has its own, see LIMITS). */
export const SYNC_LIMITS = {
  stamps: LIMITS.skills + LIMITS.people + LIMITS.attempts + 1,
  tombstones: 100_000,
  futureMs: 24 * 60 * 60 * 1000,
} as const;

const KINDS = [
  { kind: 'skill', list: 'skills' },
  { kind: 'person', list: 'people' },
  { kind: 'attempt', list: 'attempts' },
] as const;

/** Top-level journal fields that are not part of the profile record. */
const NOT_PROFILE = new Set(['format', 'version', 'skills', 'people', 'attempts']);

const RECORD_KEY = /^(skill|person|attempt):[A-Za-z0-9_-]{1,64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Rec = Record<string, unknown> & { id: string };

export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

export function emptySyncState(): SyncState {
  return {
    v: SYNC_VERSION,
    journal: emptyJournal(),
    stamps: {},
    tombstones: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Local changes

/**
 * Records a local change: every record of `next` that is new or differs from `prev` is stamped
 * `now`, every record of `prev` missing from `next` gets a tombstone. A stamp is always later than
 * anything this machine knew about the record (its previous stamp and tombstone), and a tombstone
 * is never earlier than the stamp of the version it deletes — so a local change beats every version
 * this machine has seen even when its clock is behind another machine's.
 * The returned state holds `next` as its journal. Throws a RangeError when `now` is not a valid date.
 */
export function diffStamps(prev: Journal, next: Journal, now: Date, state: SyncState): SyncState {
  const t = now.toISOString();
  const stamps: Record<string, string> = { ...state.stamps };
  const tombstones: Record<string, string> = { ...state.tombstones };
  for (const { kind, list } of KINDS) {
    const before = new Map<string, Rec>((prev[list] as Rec[]).map((r) => [r.id, r]));
    const after = new Set<string>();
    for (const rec of next[list] as Rec[]) {
      after.add(rec.id);
      const old = before.get(rec.id);
      if (old !== rec && (old === undefined || canonical(old) !== canonical(rec))) {
        const key = recordKey(kind, rec.id);
        stamps[key] = later(t, stamps[key], tombstones[key]);
      }
    }
    for (const id of before.keys()) {
      if (after.has(id)) continue;
      const key = recordKey(kind, id);
      tombstones[key] = maxTime(t, stamps[key], tombstones[key]);
      delete stamps[key];
    }
  }
  if (canonical(profileOf(prev)) !== canonical(profileOf(next))) stamps[PROFILE_KEY] = later(t, stamps[PROFILE_KEY]);
  return normalize(next, stamps, tombstones);
}

/** Drops tombstones older than `olderThan`. A machine that was offline longer may bring such a record back. */
export function pruneTombstones(state: SyncState, olderThan: Date): SyncState {
  const limit = olderThan.toISOString();
  const tombstones: Record<string, string> = {};
  for (const key of Object.keys(state.tombstones).sort()) {
    const at = state.tombstones[key];
    if (at !== undefined && at >= limit) tombstones[key] = at;
  }
  return { ...state, tombstones };
}

// ---------------------------------------------------------------------------------------------
// Merge

interface Version {
  rec: Rec;
  stamp: string;
  /** canonical(rec), computed when first needed. */
  canon?: string;
}

function canonOf(v: Version): string {
  v.canon ??= canonical(v.rec);
  return v.canon;
}

/**
 * Merges the state of this machine (`local`) with another machine's (`remote`, already checked by
 * parseSyncState). Deterministic: the merged content does not depend on which side is local; only
 * the order of records does (local's order, then records new from remote in remote's order).
 * merge(a, a) is a. The result always passes parseJournal.
 */
export function mergeSync(local: SyncState, remote: SyncState): SyncMerge {
  const sides = [local, remote];

  // Tombstones: the latest per key.
  const tomb = new Map<string, string>();
  for (const side of sides) {
    for (const key of Object.keys(side.tombstones)) {
      const at = side.tombstones[key];
      if (at === undefined) continue;
      const seen = tomb.get(key);
      if (seen === undefined || at > seen) tomb.set(key, at);
    }
  }

  // Every version of every record; the order in which keys are first seen is the output order.
  const versions = new Map<string, Version[]>();
  const order: Record<RecordKind, string[]> = { skill: [], person: [], attempt: [] };
  for (const side of sides) {
    for (const { kind, list } of KINDS) {
      for (const rec of side.journal[list] as Rec[]) {
        const key = recordKey(kind, rec.id);
        let vs = versions.get(key);
        if (!vs) {
          vs = [];
          versions.set(key, vs);
          order[kind].push(key);
        }
        vs.push({ rec, stamp: side.stamps[key] ?? '' });
      }
    }
  }

  // A version is alive when it is newer than the record's latest tombstone (a tie goes to the
  // deletion); versions from before it belong to the deleted record, even if the id was used again.
  // The newest alive version wins, attempts with the union of the alive versions' events. A record
  // with no alive version is deleted; its newest version is kept aside in case it must be resurrected.
  const best = new Map<string, Version>();
  const live = new Set<string>();
  for (const [key, vs] of versions) {
    const deletedAt = tomb.get(key);
    const alive = deletedAt === undefined ? vs : vs.filter((v) => v.stamp > deletedAt);
    const pool = alive.length > 0 ? alive : vs;
    let winner = pool[0] as Version;
    for (const v of pool.slice(1)) if (newer(v, winner)) winner = v;
    if (key.startsWith('attempt:')) {
      const losers = pool.filter((v) => v !== winner && v.rec !== winner.rec).map((v) => v.rec as unknown as Attempt);
      const events = unionEvents(winner.rec as unknown as Attempt, losers);
      if (events !== (winner.rec as unknown as Attempt).events) winner = { ...winner, rec: { ...winner.rec, events } };
    }
    best.set(key, winner);
    if (alive.length > 0) live.add(key);
  }

  // The profile: newest wins, no tombstones.
  const [localProfile, remoteProfile] = sides.map((s): Version => ({ rec: profileOf(s.journal) as Rec, stamp: s.stamps[PROFILE_KEY] ?? '' })) as [Version, Version];
  const profile = newer(remoteProfile, localProfile) ? remoteProfile : localProfile;

  // References must resolve: resurrect what a live record (or the profile) refers to.
  const resurrected = new Set<string>();
  const pending: string[] = [];
  const need = (key: string) => {
    if (live.has(key) || !best.has(key)) return; // not known anywhere: the final check reports it
    live.add(key);
    resurrected.add(key);
    pending.push(key);
  };
  const focus = profile.rec.focusSkillId;
  if (typeof focus === 'string') need(recordKey('skill', focus));
  pending.push(...live);
  while (pending.length > 0) {
    const key = pending.pop() as string;
    const rec = best.get(key)?.rec;
    if (!rec) continue;
    for (const ref of referencesOf(key, rec)) need(ref);
  }

  // The merged state.
  const stamps: Record<string, string> = {};
  const tombstones: Record<string, string> = {};
  const profileStamp = profile.stamp;
  if (profileStamp) stamps[PROFILE_KEY] = profileStamp;
  for (const key of versions.keys()) {
    if (!live.has(key)) continue;
    const v = best.get(key) as Version;
    const stamp = resurrected.has(key) ? later('', v.stamp, tomb.get(key)) : v.stamp;
    if (stamp) stamps[key] = stamp;
  }
  for (const [key, at] of tomb) tombstones[key] = at;

  const pick = (kind: RecordKind) => order[kind].filter((key) => live.has(key)).map((key) => (best.get(key) as Version).rec);
  const lists = { skills: pick('skill'), people: pick('person'), attempts: pick('attempt') };

  // Unchanged: the same records in the same order, each the local object or equal to it.
  const sameList = (list: 'skills' | 'people' | 'attempts') => {
    const mine = local.journal[list] as Rec[];
    const out = lists[list];
    return out.length === mine.length && out.every((r, i) => r === mine[i] || canonical(r) === canonical(mine[i]));
  };
  const sameProfile = profile === localProfile || canonOf(profile) === canonOf(localProfile);
  const changed = !(sameProfile && sameList('skills') && sameList('people') && sameList('attempts'));
  let journal = local.journal;
  if (changed) {
    const checked = parseJournal({ ...profile.rec, format: JOURNAL_FORMAT, version: JOURNAL_VERSION, ...lists });
    if (!checked.ok) {
      return { state: local, journal: local.journal, changed: false, resurrected: [], problem: `The merged journal would not be valid: ${formatProblems(checked.errors)}` };
    }
    journal = checked.journal;
  }
  return { state: normalize(journal, stamps, tombstones), journal, changed, resurrected: [...resurrected].sort() };
}

/** Newer stamp first; at equal stamps, the version whose canonical JSON sorts last (deterministic). */
function newer(a: Version, b: Version): boolean {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp;
  return a.rec !== b.rec && canonOf(a) > canonOf(b);
}

function referencesOf(key: string, rec: Rec): string[] {
  if (key.startsWith('attempt:')) {
    const a = rec as unknown as Attempt;
    return [recordKey('person', a.personId), recordKey('skill', a.skillId)];
  }
  if (key.startsWith('person:')) {
    const p = rec as Rec & { skillIds: string[]; referredBy: string | null };
    const refs = p.skillIds.map((s) => recordKey('skill', s));
    if (p.referredBy !== null) refs.push(recordKey('person', p.referredBy));
    return refs;
  }
  return [];
}

const eventKey = (e: JournalEvent) => JSON.stringify([e.at, e.kind, e.detail]);

/**
 * The winner's events, plus those of the other versions it does not have (by at + kind + detail).
 * When something is added the result is sorted by time (then at, kind, detail), so it depends only
 * on the set of events; when nothing is, the winner's own list is returned as it is. Over the
 * per-attempt limit, the oldest of the added events are left out.
 */
function unionEvents(winner: Attempt, others: readonly Attempt[]): JournalEvent[] {
  const seen = new Set(winner.events.map(eventKey));
  let extra: JournalEvent[] = [];
  for (const other of others) {
    for (const e of other.events) {
      const k = eventKey(e);
      if (seen.has(k)) continue;
      seen.add(k);
      extra.push(e);
    }
  }
  if (extra.length === 0) return winner.events;
  const room = LIMITS.eventsPerAttempt - winner.events.length;
  if (extra.length > room) extra = extra.sort(compareEvents).slice(extra.length - Math.max(0, room));
  return [...winner.events, ...extra].sort(compareEvents);
}

function compareEvents(a: JournalEvent, b: JournalEvent): number {
  return Date.parse(a.at) - Date.parse(b.at) || cmp(a.at, b.at) || cmp(a.kind, b.kind) || cmp(a.detail, b.detail) || cmp(canonical(a), canonical(b));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Checking what another machine wrote

/**
 * Checks a value read from globalState (written by another machine, or by a newer version of the
 * extension): the envelope, the journal (parseJournal), every record key and time. Never throws.
 * The result is normalised: stamps only for live records, tombstones only for absent ones.
 */
export function parseSyncState(input: unknown, options: ParseSyncOptions = {}): SyncState | { error: string } {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'The synced journal is not an object.' };
    const raw = input as Record<string, unknown>;
    if (typeof raw.v === 'number' && raw.v > SYNC_VERSION) return { error: `The synced journal was written by a newer version of Mentoring Outreach (sync format ${raw.v}); update the extension.` };
    if (raw.v !== SYNC_VERSION) return { error: `The synced journal has no valid sync format version (v must be ${SYNC_VERSION}).` };
    const parsed = parseJournal(raw.journal);
    if (!parsed.ok) {
      if (parsed.newerVersion !== undefined) return { error: `The synced journal was written by a newer version of Mentoring Outreach (format ${parsed.newerVersion}); update the extension.` };
      return { error: `The synced journal is not valid: ${formatProblems(parsed.errors)}.` };
    }
    const stamps = readTimes(raw.stamps, 'stamps', true, SYNC_LIMITS.stamps);
    if (typeof stamps === 'string') return { error: stamps };
    const tombstones = readTimes(raw.tombstones, 'tombstones', false, SYNC_LIMITS.tombstones);
    if (typeof tombstones === 'string') return { error: tombstones };
    if (options.now !== undefined) {
      const limit = new Date(options.now.getTime() + (options.maxFutureMs ?? SYNC_LIMITS.futureMs));
      if (Number.isNaN(limit.getTime())) return { error: 'The time to check the synced journal against is not a valid date.' };
      const bound = limit.toISOString();
      for (const [what, times] of [['stamps', stamps], ['tombstones', tombstones]] as const) {
        for (const key of Object.keys(times)) {
          if ((times[key] as string) > bound) return { error: `The synced journal's ${what}["${key}"] is ${times[key]}, in the future: the clock of the machine that wrote it is wrong.` };
        }
      }
    }
    return normalize(parsed.journal, stamps, tombstones);
  } catch (e) {
    return { error: `The synced journal could not be read (${(e as Error).message}).` };
  }
}

/** True when `input` (a synced value) was written by a newer version of the extension: it must not be overwritten. */
export function isNewerSyncState(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const raw = input as Record<string, unknown>;
  if (typeof raw.v === 'number' && raw.v > SYNC_VERSION) return true;
  const journal = raw.journal;
  if (typeof journal !== 'object' || journal === null) return false;
  const version = (journal as Record<string, unknown>).version;
  return typeof version === 'number' && version > JOURNAL_VERSION;
}

function readTimes(value: unknown, what: string, allowProfile: boolean, max: number): Record<string, string> | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `The synced journal's ${what} must be an object.`;
  const keys = Object.keys(value);
  if (keys.length > max) return `The synced journal has ${keys.length} ${what}, more than ${max}.`;
  const out: Record<string, string> = {};
  for (const key of keys) {
    if (!(RECORD_KEY.test(key) || (allowProfile && key === PROFILE_KEY))) return `The synced journal's ${what} has a key ${JSON.stringify(key.slice(0, 80))}, which is not a record key.`;
    const at: unknown = (value as Record<string, unknown>)[key];
    if (!isStamp(at)) return `The synced journal's ${what}["${key}"] is not a time like 2026-11-26T10:00:00.000Z.`;
    out[key] = at;
  }
  return out;
}

/** A canonical ISO time as `Date.prototype.toISOString` writes it (so string order is time order). */
export function isStamp(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) return false;
  const d = new Date(value);
  return !Number.isNaN(d.getTime()) && d.toISOString() === value;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Stamps only for records the journal has (and the profile); tombstones for records it lacks, and
 * for records it has only when they were (re-)created after the deletion (stamp newer than the
 * tombstone). Keys sorted.
 */
function normalize(journal: Journal, stamps: Record<string, string>, tombstones: Record<string, string>): SyncState {
  const present = new Set<string>([PROFILE_KEY]);
  for (const { kind, list } of KINDS) for (const rec of journal[list] as Rec[]) present.add(recordKey(kind, rec.id));
  const outStamps: Record<string, string> = {};
  const outTombs: Record<string, string> = {};
  for (const key of Object.keys(stamps).sort()) {
    const at = stamps[key];
    if (at !== undefined && present.has(key)) outStamps[key] = at;
  }
  for (const key of Object.keys(tombstones).sort()) {
    const at = tombstones[key];
    if (at === undefined) continue;
    if (!present.has(key) || (outStamps[key] ?? '') > at) outTombs[key] = at;
  }
  return { v: SYNC_VERSION, journal, stamps: outStamps, tombstones: outTombs };
}

/** The profile record: every top-level field except the format, the version and the three lists. */
function profileOf(journal: Journal): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(journal)) if (!NOT_PROFILE.has(key)) out[key] = journal[key];
  return out;
}

/** The latest of the times given (missing ones ignored). */
function maxTime(t: string, ...others: (string | undefined)[]): string {
  let out = t;
  for (const o of others) if (o !== undefined && o > out) out = o;
  return out;
}

/** `t`, or 1 ms after the latest of `others` when that is not earlier than `t`. */
function later(t: string, ...others: (string | undefined)[]): string {
  let prior = '';
  for (const o of others) if (o !== undefined && o > prior) prior = o;
  if (prior === '' || prior < t) return t;
  return new Date(Date.parse(prior) + 1).toISOString();
}

/** JSON with object keys sorted (undefined members left out, as JSON.stringify does). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = obj[key];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      parts.push(`${JSON.stringify(key)}:${canonical(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
