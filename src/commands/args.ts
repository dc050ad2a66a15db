/**
 * Every public command's argument, by schema (DESIGN.md, "Public contract"). How a command was invoked is
 * known by type, never guessed from the argument's shape:
 *   - nothing (`undefined`) → interactive: the palette, a keybinding without args, a welcome-view link, or a
 *     view-title ("…") menu while nothing in the view is focused;
 *   - one of our tree nodes (`instanceof TreeNode`, src/views/nodes.ts) → run from a view: an item's menu, or a
 *     view-title menu while an item is focused (VS Code hands view-title commands the view's focused element);
 *   - anything else → an argument from a program (keybinding args, a command link, another extension, a test),
 *     validated field by field against the command's schema. `null`, lists, strings, numbers and unknown keys
 *     are refused with a message that names the command and the shape it expects.
 * No `vscode` at run time, so it is unit-tested in plain Node: messages go through the `l10n` passed in
 * (vscode.l10n in the extension), and `uri` values are checked here but turned into a vscode.Uri by the caller.
 */
import {
  array,
  boolean,
  custom,
  maxLength,
  minLength,
  nullable,
  number,
  object,
  optional,
  picklist,
  pipe,
  safeParse,
  strictObject,
  string,
  type InferOutput,
  type ObjectEntries,
  type ObjectSchema,
} from 'valibot';
// A type only, erased from the bundle — and how `npm run l10n:export` finds the l10n.t messages of this file.
import type { l10n } from 'vscode';
import type { ImportMode } from '../domain/importPlan';
import { FOLLOW_UP_KINDS, RESPONSE_KINDS } from '../domain/actions';
import { ASK_LIMITS } from '../domain/ask';
import { ORGS, SENIORITIES } from '../domain/journal';
import { STEPS } from '../webview/steps';
import { TreeNode } from '../views/nodes';

/** The part of vscode.l10n used here. */
export type L10n = Pick<typeof l10n, 't'>;

export { FOLLOW_UP_KINDS, RESPONSE_KINDS } from '../domain/actions';
export const EXPORT_FORMATS = ['json', 'markdown', 'ics'] as const;
export const IMPORT_MODES = ['merge', 'replace'] as const satisfies readonly ImportMode[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file location as a program may give it: a vscode.Uri (or its JSON form), a URI string, or an absolute path. */
export type UriArg = string | { scheme: string; path: string };

export function isUriArg(value: unknown): value is UriArg {
  if (typeof value === 'string') {
    return value.length > 0 && value.length < 4096 && (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || /^[a-z][a-z0-9+.-]*:/i.test(value));
  }
  if (typeof value !== 'object' || value === null) return false;
  const { scheme, path } = value as { scheme?: unknown; path?: unknown };
  return typeof scheme === 'string' && typeof path === 'string';
}

const id = pipe(string(), minLength(1), maxLength(64));
const uri = custom<UriArg>(isUriArg);

/** One schema per command that takes an argument object; its keys are all the keys it accepts. */
export const ARG_SCHEMAS = {
  'mentoring.openBuilder': object({ step: optional(picklist(STEPS)) }),
  'mentoring.draftRequest': object({
    personId: id,
    skillId: optional(id),
    sessions: optional(number()),
    minutesPerSession: optional(number()),
    timeframe: optional(string()),
    topics: optional(array(string())),
  }),
  'mentoring.draftFollowUp': object({ attemptId: id, kind: picklist(FOLLOW_UP_KINDS) }),
  'mentoring.recordResponse': object({
    attemptId: id,
    response: picklist(RESPONSE_KINDS),
    askAgainOn: optional(nullable(string())),
    referral: optional(
      nullable(
        strictObject({
          name: string(),
          evidence: optional(nullable(string())),
          org: optional(nullable(picklist(ORGS))),
          seniority: optional(nullable(picklist(SENIORITIES))),
        }),
      ),
    ),
  }),
  'mentoring.markSent': object({ attemptId: id }),
  'mentoring.logSession': object({ attemptId: id, notes: optional(string()) }),
  'mentoring.deleteAttempt': object({ attemptId: id }),
  'mentoring.exportJournal': object({ uri, format: picklist(EXPORT_FORMATS) }),
  'mentoring.importJournal': object({ uri, mode: optional(picklist(IMPORT_MODES)) }),
  'mentoring.markSponsor': object({ personId: id, sponsor: optional(boolean()) }),
  'mentoring.logAdvocacy': object({ personId: id, detail: string() }),
  'mentoring.exportDamagedData': object({ uri, key: optional(pipe(string(), minLength(1), maxLength(200))) }),
  'mentoring.restoreDamagedData': object({ key: optional(pipe(string(), minLength(1), maxLength(200))), mode: optional(picklist(IMPORT_MODES)) }),
  'mentoring.editDraft': object({ attemptId: id }),
  'mentoring.sendByEmail': object({ attemptId: id }),
  'mentoring.markFollowUpSent': object({ attemptId: id }),
  'mentoring.dismissAttempt': object({ attemptId: id }),
} as const satisfies Record<string, ObjectSchema<ObjectEntries, undefined>>;

export type ArgCommand = keyof typeof ARG_SCHEMAS;
export type ArgOf<C extends ArgCommand> = InferOutput<(typeof ARG_SCHEMAS)[C]>;
/** Every key some command accepts. */
export type ArgKey = { [C in ArgCommand]: keyof (typeof ARG_SCHEMAS)[C]['entries'] }[ArgCommand];

/** The shape each command expects, as shown in messages (and in the README's Commands table). */
export const ARG_SHAPES: Readonly<Record<ArgCommand, string>> = {
  'mentoring.openBuilder': '{ step?: "assess" | "identify" | "ask" }',
  'mentoring.draftRequest': '{ personId, skillId?, sessions?, minutesPerSession?, timeframe?, topics? }',
  'mentoring.draftFollowUp': '{ attemptId, kind: "later" | "referral" | "nudge" | "thanks" }',
  'mentoring.recordResponse':
    '{ attemptId, response: "yes" | "no" | "later" | "referral", askAgainOn?, referral?: { name, evidence?, org?: "inside" | "outside", seniority?: "senior" | "peer" | "junior" | "manager" } }',
  'mentoring.markSent': '{ attemptId }',
  'mentoring.logSession': '{ attemptId, notes? }',
  'mentoring.deleteAttempt': '{ attemptId }',
  'mentoring.exportJournal': '{ uri, format: "json" | "markdown" | "ics" }',
  'mentoring.importJournal': '{ uri, mode?: "merge" | "replace" }',
  'mentoring.markSponsor': '{ personId, sponsor?: boolean }',
  'mentoring.logAdvocacy': '{ personId, detail }',
  'mentoring.exportDamagedData': '{ uri, key? }',
  'mentoring.restoreDamagedData': '{ key?, mode?: "merge" | "replace" }',
  'mentoring.editDraft': '{ attemptId }',
  'mentoring.sendByEmail': '{ attemptId }',
  'mentoring.markFollowUpSent': '{ attemptId }',
  'mentoring.dismissAttempt': '{ attemptId }',
};

/** How a command was invoked. */
export type Invocation<C extends ArgCommand> =
  /** No argument: ask for everything. */
  | { kind: 'none' }
  /** From one of our views: the element it was run on (an item's menu) or the view's focused element (its title menu). */
  | { kind: 'tree'; node: TreeNode }
  /** A program's argument, valid for the command's schema. */
  | { kind: 'argument'; arg: ArgOf<C> };

export type ArgOutcome<C extends ArgCommand> = Invocation<C> | { kind: 'invalid'; message: string };

import { invocationKind } from '../shell/invocation';

export { invocationKind, isProgrammatic } from '../shell/invocation';

/** Reads `command`'s argument: how it was invoked, or why the argument is refused (changing nothing). */
export function parseCommandArg<C extends ArgCommand>(command: C, arg: unknown, l10n: L10n): ArgOutcome<C> {
  const kind = invocationKind(arg);
  if (kind === 'none') return { kind: 'none' };
  if (arg instanceof TreeNode) return { kind: 'tree', node: arg };
  const shape = ARG_SHAPES[command];
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
    return { kind: 'invalid', message: l10n.t('{0}: Expected an argument like {1}, or no argument to be asked — got {2}.', command, shape, describe(arg, l10n)) };
  }
  const schema = ARG_SCHEMAS[command];
  const problems: string[] = [];
  const unknown = Object.keys(arg).filter((key) => !Object.hasOwn(schema.entries, key));
  if (unknown.length === 1) problems.push(l10n.t('Unknown key {0}.', quoted(unknown)));
  else if (unknown.length > 1) problems.push(l10n.t('Unknown keys {0}.', quoted(unknown)));
  const parsed = safeParse(schema, arg);
  if (!parsed.success) {
    const fields = new Set<ArgKey>();
    // The first step of an issue's path is always one of the schema's own keys (unknown keys are not parsed).
    for (const issue of parsed.issues) {
      const key = issue.path?.[0]?.key;
      if (typeof key === 'string' && Object.hasOwn(schema.entries, key)) fields.add(key as ArgKey);
    }
    for (const field of fields) problems.push(fieldProblem(field, (arg as Record<string, unknown>)[field] === undefined, l10n));
  }
  if (problems.length > 0 || !parsed.success) {
    return { kind: 'invalid', message: l10n.t('{0}: {1} Expected an argument like {2}.', command, problems.join(' '), shape) };
  }
  return { kind: 'argument', arg: parsed.output as ArgOf<C> };
}

function quoted(keys: readonly string[]): string {
  return keys.map((k) => JSON.stringify(k)).join(', ');
}

function describe(value: unknown, l10n: L10n): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return l10n.t('a list');
  switch (typeof value) {
    case 'string':
      return l10n.t('a string');
    case 'number':
    case 'bigint':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('true or false');
    default:
      return l10n.t('a value of type {0}', typeof value);
  }
}

function oneOf(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** What a field must be, in a sentence: "format must be one of …" or "attemptId is required: …". */
function fieldProblem(field: ArgKey, missing: boolean, l10n: L10n): string {
  const what = fieldExpectation(field, l10n);
  return missing ? l10n.t('{0} is required: {1}.', field, what) : l10n.t('{0} must be {1}.', field, what);
}

/** What a field must be, e.g. "one of "json", "markdown", "ics"" (exported for the unit tests). */
export function fieldExpectation(field: ArgKey, l10n: L10n): string {
  switch (field) {
    case 'attemptId':
      return l10n.t('the id of an outreach attempt (a non-empty string)');
    case 'personId':
      return l10n.t('the id of a person in the journal (a non-empty string)');
    case 'skillId':
      return l10n.t('the id of a skill area in the journal (a non-empty string)');
    case 'sessions':
      return l10n.t('a number from {0} to {1}', ASK_LIMITS.sessions.min, ASK_LIMITS.sessions.max);
    case 'minutesPerSession':
      return l10n.t('a number of minutes from {0} to {1}', ASK_LIMITS.minutes.min, ASK_LIMITS.minutes.max);
    case 'topics':
      return l10n.t('a list of texts');
    case 'timeframe':
    case 'notes':
      return l10n.t('text');
    case 'detail':
      return l10n.t('text: what they did for you');
    case 'sponsor':
      return l10n.t('true or false');
    case 'uri':
      return l10n.t('a file URI or an absolute path');
    case 'askAgainOn':
      return l10n.t('a date YYYY-MM-DD');
    case 'referral':
      return l10n.t('like {0}', '{ name: "Sam Lee", evidence?: "…", org?: "inside" | "outside", seniority?: "senior" | …}');
    case 'step':
      return l10n.t('one of {0}', oneOf(STEPS));
    case 'kind':
      return l10n.t('one of {0}', oneOf(FOLLOW_UP_KINDS));
    case 'response':
      return l10n.t('one of {0}', oneOf(RESPONSE_KINDS));
    case 'format':
      return l10n.t('one of {0}', oneOf(EXPORT_FORMATS));
    case 'mode':
      return l10n.t('one of {0}', oneOf(IMPORT_MODES));
    case 'key':
      return l10n.t('the key of a damaged journal set aside (see Export Damaged Journal Data…)');
  }
}
