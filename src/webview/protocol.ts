/**
 * The one protocol between the builder webview and the extension, for both directions.
 * Types are shared by both sides; inbound messages (webview → extension) are validated at run time
 * with `parseToHost` before they touch any state. Kept free of `vscode` so the webview bundle and the
 * unit tests can import it.
 */
import * as v from 'valibot';
import { ASK_LIMITS } from '../domain/ask';
import { LIMITS, ORGS, SENIORITIES, type AttemptStatus, type Org, type Seniority } from '../domain/journal';

import type { Step } from './steps';
export { isStep, STEPS, type Step } from './steps';

/** A message larger than this (as JSON) is dropped unread. */
export const MAX_MESSAGE_CHARS = 64 * 1024;

/** The ask as the user fills it in; `text` is set when they edited the preview by hand. */
export interface AskForm {
  personId: string | null;
  sessions: number;
  minutesPerSession: number;
  timeframe: string;
  topics: string[];
  text: string | null;
  /** The draft in the journal this form edits (set by its first save); null for a request not saved yet. */
  attemptId?: string | null;
  /**
   * With `text`: the template's text when the person's text last agreed with the form. A later change of the form
   * is carried into their text from it where that is safe (domain/rebaseText.ts).
   */
  basis?: string | null;
}

export interface PersonForm {
  /** Absent for someone new. */
  id?: string;
  name: string;
  org: Org;
  seniority: Seniority;
  evidence: string;
}

// ---------------------------------------------------------------------------------------------
// webview → extension

export type ToHost =
  /**
   * The webview is ready for data. `attemptId`: the draft its restored form edits; `legacyAsk`: a form restored
   * from a version that did not keep the attempt id (the host finds the attempt it was saved as, if any).
   */
  | { type: 'ready'; attemptId?: string | null; legacyAsk?: AskForm }
  /** The webview shows the journal's data for the first time (the builder is usable): tests and the bench wait for it. */
  | { type: 'rendered' }
  | { type: 'setAspiration'; text: string }
  | { type: 'addSkill'; name: string }
  /** One level, or both: a level left out keeps its value (and stays "not rated yet" if it was). */
  | { type: 'rateSkill'; skillId: string; current?: number; importance?: number }
  | { type: 'removeSkill'; skillId: string }
  /** Puts back the skill area removed last (its Undo). */
  | { type: 'undoRemoveSkill'; skillId: string }
  /** The form starts a new request: it no longer edits the draft or shows the request it was bound to. */
  | { type: 'newRequest' }
  | { type: 'setFocus'; skillId: string }
  | { type: 'savePerson'; person: PersonForm }
  | { type: 'preview'; seq: number; ask: AskForm }
  | { type: 'copy'; text: string }
  /**
   * The request's text in an editor. `attemptId`: the saved draft the form edits — its editor bound to the journal
   * opens (the form's text in it, if the form has changed it); without one the text opens read-only.
   */
  | { type: 'openMarkdown'; text: string; attemptId?: string | null }
  | { type: 'save'; ask: AskForm; markSent: boolean };

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const shortText = v.pipe(v.string(), v.maxLength(LIMITS.shortText));
const longText = v.pipe(v.string(), v.maxLength(LIMITS.longText));
const name = v.pipe(v.string(), v.maxLength(LIMITS.name));
const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5));

const AskFormSchema = v.strictObject({
  personId: v.nullable(id),
  sessions: v.pipe(v.number(), v.integer(), v.minValue(ASK_LIMITS.sessions.min), v.maxValue(ASK_LIMITS.sessions.max)),
  minutesPerSession: v.pipe(v.number(), v.integer(), v.minValue(ASK_LIMITS.minutes.min), v.maxValue(ASK_LIMITS.minutes.max)),
  timeframe: shortText,
  topics: v.pipe(v.array(shortText), v.maxLength(LIMITS.topics)),
  text: v.nullable(longText),
  attemptId: v.optional(v.nullable(id)),
  basis: v.optional(v.nullable(longText)),
});

const ToHostSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready'), attemptId: v.optional(v.nullable(id)), legacyAsk: v.optional(AskFormSchema) }),
  v.strictObject({ type: v.literal('rendered') }),
  v.strictObject({ type: v.literal('setAspiration'), text: shortText }),
  v.strictObject({ type: v.literal('addSkill'), name }),
  v.pipe(
    v.strictObject({ type: v.literal('rateSkill'), skillId: id, current: v.optional(level), importance: v.optional(level) }),
    v.check((m) => m.current !== undefined || m.importance !== undefined, 'rates nothing: give current, importance or both'),
  ),
  v.strictObject({ type: v.literal('removeSkill'), skillId: id }),
  v.strictObject({ type: v.literal('undoRemoveSkill'), skillId: id }),
  v.strictObject({ type: v.literal('newRequest') }),
  v.strictObject({ type: v.literal('setFocus'), skillId: id }),
  v.strictObject({
    type: v.literal('savePerson'),
    person: v.strictObject({ id: v.optional(id), name, org: v.picklist(ORGS), seniority: v.picklist(SENIORITIES), evidence: longText }),
  }),
  v.strictObject({ type: v.literal('preview'), seq: v.pipe(v.number(), v.integer(), v.minValue(0)), ask: AskFormSchema }),
  v.strictObject({ type: v.literal('copy'), text: longText }),
  v.strictObject({ type: v.literal('openMarkdown'), text: longText, attemptId: v.optional(v.nullable(id)) }),
  v.strictObject({ type: v.literal('save'), ask: AskFormSchema, markSent: v.boolean() }),
]);

export type Parsed = { ok: true; message: ToHost } | { ok: false; reason: string };

/** Validates one inbound message. Anything unknown, malformed or oversized is refused with a reason. */
export function parseToHost(raw: unknown): Parsed {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, reason: 'message is not serialisable' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, reason: `message of ${size} characters exceeds ${MAX_MESSAGE_CHARS}` };
  const result = v.safeParse(ToHostSchema, raw);
  if (result.success) return { ok: true, message: result.output as ToHost };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 40) : '?';
  return { ok: false, reason: `bad "${type}" message${path ? ` at ${path}` : ''}: ${issue.message}` };
}

// ---------------------------------------------------------------------------------------------
// extension → webview

export interface SkillRow {
  id: string;
  name: string;
  current: number;
  importance: number;
  priority: number;
  rank: number;
  /** The levels not rated yet (their numbers are placeholders): such an area is ranked last and shows no priority. */
  unrated: ('current' | 'importance')[];
  tieNote: string | null;
}

export interface PersonRow {
  id: string;
  name: string;
  org: Org;
  seniority: Seniority;
  evidence: string;
  skillIds: string[];
}

export interface BuilderData {
  aspiration: string;
  /** Ranked, highest priority first. */
  skills: SkillRow[];
  focusSkillId: string | null;
  people: PersonRow[];
  /** Starter skill areas not yet in the journal. */
  catalogue: { name: string; hint: string }[];
  coverageHint: string | null;
  defaultSessions: number;
  /** Set when the journal cannot be changed (e.g. saved by a newer version). */
  readOnly: string | null;
  /** The attempt the Ask step's form is bound to (its saved draft, or the request it sent), if any. */
  editing: EditingView | null;
  /**
   * The webview's own text in the display language, by key (see builderStrings.ts); a key that is
   * missing is shown in English.
   */
  strings: Record<string, string>;
}

/** The attempt the form is bound to, as the Ask step shows it. */
export interface EditingView {
  attemptId: string;
  /** Its status now; null when it is no longer in the journal (deleted). */
  status: AttemptStatus | null;
  /** The status in the display language ("sent", "declined" …). */
  statusLabel: string;
  personName: string;
  /** The text as saved (and sent). */
  text: string;
  /** The ask as saved: with the text, what the form is compared with to know whether it has unsaved changes. */
  ask: { personId: string; sessions: number; minutesPerSession: number; timeframe: string; topics: string[] };
  /** When it was marked as sent, for showing ("26 Nov"); null while a draft. */
  sentOn: string | null;
}

/**
 * How the previewed text relates to the form: `template` — it is the template's text (the form drives it);
 * `edited` — the person's own text, and the form has not changed since it agreed with it; `updated` — the
 * person's text with the form's change carried over; `detached` — the form changed but the change could not be
 * carried into the person's text safely: it is their own now (one action re-drafts it from the form).
 */
export type PreviewSource = 'template' | 'edited' | 'updated' | 'detached';

export interface FindingView {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix: string;
  start: number;
  end: number;
}

export type ToWebview =
  | { type: 'data'; data: BuilderData }
  | { type: 'goto'; step: Step }
  | { type: 'preview'; seq: number; text: string; score: number; reason: string; findings: FindingView[]; templateError: string | null; source: PreviewSource; template: string }
  | { type: 'saved'; attemptId: string; sent: boolean; personName: string }
  /** Mark as sent was held: the person chose "Fix It First" (`fix`) or closed the question. Nothing was saved. */
  | { type: 'sendHeld'; fix: boolean }
  /** A skill area was removed: the webview offers Undo. */
  | { type: 'skillRemoved'; skillId: string; name: string }
  /** The top of the ranking changed and is not the focus: "Switch focus to …?". */
  | { type: 'suggestFocus'; skillId: string; name: string }
  | { type: 'error'; message: string };

/** What the webview keeps with setState (and the panel serializer restores after a reload). */
export interface WebviewState {
  step: Step;
  ask: AskForm;
  /** The person form being typed on the Identify step. */
  person: PersonForm | null;
  /**
   * The bound draft's text as the form last saw it saved (null: not known yet). When the journal's text differs
   * (the draft was saved in its editor, or synced), the form takes it unless the form has changes of its own.
   */
  savedText?: string | null;
}
