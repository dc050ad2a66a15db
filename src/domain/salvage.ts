/**
 * Bringing back what a damaged journal holds. A journal set aside at startup (it failed validation)
 * is repaired as little as possible until it is valid: a text past its limit is shortened, a list past
 * its limit keeps its newest entries, a reference to something missing is dropped, and only a record
 * that cannot be mended otherwise is left out. Every repair is listed, so the person can see what
 * changed before anything is restored. Pure: no `vscode` import.
 */
import { JOURNAL_FORMAT, JOURNAL_VERSION, parseJournal, type Journal, type JournalProblem } from './journal';

export type Salvage = { ok: true; journal: Journal; repairs: string[] } | { ok: false; reason: string };

/** What a backup holds at a glance: its lists' lengths, when they are lists. */
export interface BackupCounts {
  skills: number;
  people: number;
  attempts: number;
}

/** The data inside a stored value: the `{ v, data }` envelope's data, or the value itself. */
export function backupData(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'data' in raw && 'v' in raw) return (raw as { data: unknown }).data;
  return raw;
}

export function backupCounts(raw: unknown): BackupCounts {
  const data = backupData(raw);
  const len = (key: string) => {
    const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
    return Array.isArray(list) ? list.length : 0;
  };
  return { skills: len('skills'), people: len('people'), attempts: len('attempts') };
}

/** The time in a backup key's stamp (`…damaged.2026-11-26T12-00-00-000Z`), or undefined. */
export function backupTime(key: string): Date | undefined {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(key);
  if (!m) return undefined;
  const t = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

const MAX_ROUNDS = 25;

/** Repairs `raw` (a stored value or a journal) into a valid journal, saying what was repaired. */
export function salvageJournal(raw: unknown): Salvage {
  const data = backupData(raw);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'it holds no journal (not an object)' };
  // Work on a plain deep copy; the backup itself is never changed.
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, reason: `it cannot be read (${(e as Error).message})` };
  }
  const repairs: string[] = [];
  if (doc.format !== JOURNAL_FORMAT || doc.version !== JOURNAL_VERSION) {
    if (typeof doc.version === 'number' && doc.version > JOURNAL_VERSION) return { ok: false, reason: `it was written by a newer version (format ${doc.version}); update the extension` };
    doc = { ...doc, format: JOURNAL_FORMAT, version: JOURNAL_VERSION };
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = parseJournal(doc, { maxErrors: 10_000 });
    if (parsed.ok) return { ok: true, journal: parsed.journal, repairs };
    if (parsed.newerVersion !== undefined) return { ok: false, reason: `it was written by a newer version (format ${parsed.newerVersion}); update the extension` };
    const before = repairs.length;
    repair(doc, parsed.errors, repairs);
    if (repairs.length === before) return { ok: false, reason: `it could not be mended (${parsed.errors[0]?.path ?? '$'} ${parsed.errors[0]?.reason ?? ''})` };
  }
  return { ok: false, reason: 'it could not be mended in a reasonable number of steps' };
}

type Token = string | number;

function parsePath(path: string): Token[] {
  const out: Token[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path.slice(1))) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

function walk(doc: unknown, tokens: readonly Token[]): unknown {
  let at: unknown = doc;
  for (const t of tokens) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[t as string];
  }
  return at;
}

const LISTS = new Set(['skills', 'people', 'attempts']);

/** One round: mends what each problem points at. Removals run last, from the highest index down. */
function repair(doc: Record<string, unknown>, errors: readonly JournalProblem[], repairs: string[]): void {
  const removals = new Map<string, { list: unknown[]; index: number; why: string; path: string }>();
  const remove = (tokens: Token[], why: string, path: string) => {
    const list = walk(doc, tokens.slice(0, -1));
    const index = tokens[tokens.length - 1];
    if (!Array.isArray(list) || typeof index !== 'number') return false;
    removals.set(path, { list, index, why, path });
    return true;
  };
  for (const problem of errors) {
    const tokens = parsePath(problem.path);
    const field = tokens[tokens.length - 1];
    const parent = walk(doc, tokens.slice(0, -1));
    const value = walk(doc, tokens);
    const limit = /at most (\d+)/.exec(problem.reason);
    // A person's optional contact address that is not one (or too long to be one): left out, the person kept.
    if (field === 'email' && tokens[0] === 'people' && tokens.length === 3) {
      // One repair however many rules it broke (too long and not an address).
      if (typeof parent === 'object' && parent !== null && 'email' in parent) {
        delete (parent as Record<string, unknown>).email;
        repairs.push(`${problem.path}: left out (${problem.reason})`);
      }
      continue;
    }
    if (typeof value === 'string' && limit) {
      const max = Number(limit[1]);
      (parent as Record<string, unknown>)[field as string] = value.slice(0, max);
      repairs.push(`${problem.path}: shortened to ${max} characters`);
      continue;
    }
    if (Array.isArray(value) && limit) {
      const max = Number(limit[1]);
      // Events: keep the newest; the journal's lists: keep the first.
      const kept = field === 'events' ? value.slice(value.length - max) : value.slice(0, max);
      (parent as Record<string, unknown>)[field as string] = kept;
      repairs.push(`${problem.path}: kept ${max} of ${value.length} entries`);
      continue;
    }
    if (/refers to|is used more than once|cannot refer/.test(problem.reason)) {
      if (field === 'focusSkillId' || field === 'referredBy') {
        (parent as Record<string, unknown>)[field] = null;
        repairs.push(`${problem.path}: cleared (${problem.reason})`);
        continue;
      }
      if (typeof field === 'number' && tokens[tokens.length - 2] === 'skillIds') {
        if (remove(tokens, problem.reason, problem.path)) continue;
      }
    }
    // Anything else inside a record: leave the record out. At the top level: drop the field (its default applies).
    if (tokens.length >= 2 && LISTS.has(String(tokens[0])) && typeof tokens[1] === 'number') {
      remove(tokens.slice(0, 2), problem.reason, `$.${String(tokens[0])}[${tokens[1]}]`);
    } else if (tokens.length === 1 && typeof field === 'string' && field !== 'format' && field !== 'version') {
      delete doc[field];
      repairs.push(`${problem.path}: left out (${problem.reason})`);
    }
  }
  const byList = [...removals.values()].sort((a, b) => b.index - a.index);
  for (const r of byList) {
    r.list.splice(r.index, 1);
    repairs.push(`${r.path}: left out (${r.why})`);
  }
}
