/**
 * The store's gate: a changed journal is checked against the same rules as an import before it is
 * written, incrementally — only the records that are new objects are checked again, because every
 * journal the store holds is deep-frozen, so a record that is the same object as before is the same
 * valid record. The result equals `parseJournal(next)` (a property test proves it) and is frozen.
 * Pure: no `vscode` import.
 */
import * as v from 'valibot';
import {
  AttemptSchema,
  checkReferences,
  issuePath,
  JournalTopSchema,
  LIMITS,
  PersonSchema,
  sanitize,
  SkillSchema,
  TOO_DEEP,
  type Journal,
  type JournalProblem,
} from './journal';

export type ChangeCheck = { ok: true; journal: Journal } | { ok: false; errors: JournalProblem[] };

const LISTS = [
  { key: 'skills', schema: SkillSchema },
  { key: 'people', schema: PersonSchema },
  { key: 'attempts', schema: AttemptSchema },
] as const;

/**
 * Checks `next`, which a change made from the valid, frozen journal `prev`. Returns the journal to
 * store (normalised exactly as parseJournal would, and deep-frozen) or the problems, with JSON paths.
 */
export function checkJournalChange(prev: Journal, next: unknown, maxErrors = 20): ChangeCheck {
  const errors: JournalProblem[] = [];
  if (typeof next !== 'object' || next === null || Array.isArray(next)) return { ok: false, errors: [{ path: '$', reason: 'must be a journal object' }] };
  const nextRec = next as Record<string, unknown>;

  // The journal's own fields (the lists only by length), with unknown fields sanitised as on import.
  const top: Record<string, unknown> = {};
  const reserved: JournalProblem[] = [];
  for (const key of Object.keys(nextRec)) {
    if (key === 'skills' || key === 'people' || key === 'attempts') continue;
    const value = sanitize({ [key]: nextRec[key] }, 0, [], reserved);
    if (value === TOO_DEEP) return { ok: false, errors: [{ path: `$.${key}`, reason: 'is nested too deeply' }] };
    if (Object.hasOwn(value as object, key)) top[key] = (value as Record<string, unknown>)[key];
  }
  if (reserved.length > 0) return { ok: false, errors: reserved.slice(0, maxErrors) };
  // A list that is an array within its limit passes JournalTopSchema as is: it is checked as [] (the schema
  // would only copy all its items), and the list itself is used below. Any other value goes to the schema,
  // so its problems are reported exactly as before.
  const lists: Record<string, unknown> = {};
  const asIs: Record<string, unknown[]> = {};
  for (const { key } of LISTS) {
    const list = nextRec[key];
    if (Array.isArray(list) && list.length <= LIMITS[key]) {
      asIs[key] = list;
      lists[key] = [];
    } else lists[key] = list;
  }
  const checkedTop = v.safeParse(JournalTopSchema, { ...top, ...lists }, { abortEarly: false });
  if (!checkedTop.success) {
    return { ok: false, errors: checkedTop.issues.slice(0, maxErrors).map((issue) => ({ path: issuePath(issue), reason: issue.message })) };
  }

  // Each record that is not, as an object, the record of the same id in `prev` is checked again.
  const out: Record<string, unknown[]> = {};
  for (const { key, schema } of LISTS) {
    const prevList: readonly { id: string }[] = prev[key];
    // Built only when a record is not at its old index (most changes replace one record in place).
    let before: Map<string, unknown> | undefined;
    const items = asIs[key] ?? (checkedTop.output[key] as unknown[]);
    // The same (frozen) list as before: nothing in it changed, and it stays the same object, so whatever keeps
    // work per list (the Outreach view's rows are reused only while people and skills are the same lists) keeps it.
    if (items === prevList && Object.isFrozen(items)) {
      out[key] = items;
      continue;
    }
    const result: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item !== undefined && prevList[i] === item && Object.isFrozen(item)) {
        result[i] = item;
        continue;
      }
      const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && Object.isFrozen(item) && !before) {
        before = new Map<string, unknown>();
        for (const rec of prevList) before.set(rec.id, rec);
      }
      if (typeof id === 'string' && before?.get(id) === item && Object.isFrozen(item)) {
        result[i] = item;
        continue;
      }
      const clean = sanitize(item, 2, [key, i], errors);
      if (clean === TOO_DEEP) {
        errors.push({ path: `$.${key}[${i}]`, reason: 'is nested too deeply' });
      } else {
        const parsed = v.safeParse(schema, clean, { abortEarly: false });
        if (parsed.success) result[i] = parsed.output;
        else for (const issue of parsed.issues) errors.push({ path: `$.${key}[${i}]${issuePath(issue).slice(1)}`, reason: issue.message });
      }
      if (errors.length >= maxErrors) return { ok: false, errors: errors.slice(0, maxErrors) };
    }
    // Every record the same as before, in the same places (a list copied, not changed): the old list again.
    out[key] = result.length === prevList.length && result.every((item, i) => item === prevList[i]) ? (prevList as unknown[]) : result;
  }
  if (errors.length > 0) return { ok: false, errors };

  // Rebuild in the order parseJournal gives its output: its schema's fields first, then unknown ones.
  const o = checkedTop.output as Record<string, unknown>;
  const journal = {
    format: o.format,
    version: o.version,
    aspiration: o.aspiration,
    skills: out.skills,
    focusSkillId: o.focusSkillId,
    people: out.people,
    attempts: out.attempts,
  } as unknown as Journal;
  for (const key of Object.keys(o)) if (!Object.hasOwn(journal, key)) (journal as Record<string, unknown>)[key] = o[key];

  const refs = checkReferences(journal, maxErrors);
  if (refs.length > 0) return { ok: false, errors: refs };
  return { ok: true, journal: deepFreeze(journal) };
}

/**
 * Freezes `value` and everything in it, stopping at objects already frozen (by the store's rule,
 * everything inside a frozen record is frozen too), so freezing a changed journal costs only the change.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
