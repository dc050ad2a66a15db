/**
 * Renders the request and follow-up texts from Handlebars templates precompiled at build time
 * (esbuild.js), with the runtime only. Output is plain text; callers show it as text, never as HTML.
 */
import Handlebars from 'handlebars/runtime';
import requestSpec from '../templates/request.hbs';
import followUpLaterSpec from '../templates/followUpLater.hbs';
import followUpReferralSpec from '../templates/followUpReferral.hbs';
import followUpNudgeSpec from '../templates/followUpNudge.hbs';
import followUpReaskSpec from '../templates/followUpReask.hbs';
import thanksSpec from '../templates/thanks.hbs';
import sessionAgendaSpec from '../templates/sessionAgenda.hbs';
import { LIMITS } from './journal';

const runtime = Handlebars.create();

const requestTemplate = runtime.template(requestSpec);

export interface RequestModel {
  personName: string;
  aspiration: string;
  skill: string;
  evidence: string;
  sessions: number;
  minutesPerSession?: number;
  timeframe: string;
  topics: readonly string[];
  signature?: string;
  /** The name of who suggested this person (a referral): "Terry suggested I talk to you." */
  referredBy?: string;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

/** What a request template sees: the model, tidied (first name, lower-case skill, topics in words). */
export function requestContext(model: RequestModel): Record<string, unknown> {
  return {
    firstName: model.personName.trim().split(/\s+/)[0] ?? model.personName,
    personName: model.personName.trim(),
    aspiration: stripEndPunctuation(model.aspiration.trim()) || 'developing my career',
    skill: stripEndPunctuation(model.skill.trim()).toLowerCase(),
    evidence: sentence(model.evidence),
    sessions: model.sessions,
    sessionsInWords: NUMBER_WORDS[model.sessions] ?? String(model.sessions),
    plural: model.sessions !== 1,
    minutes: model.minutesPerSession,
    timeframe: stripEndPunctuation(model.timeframe.trim()),
    topics: model.topics.map((t) => stripEndPunctuation(t.trim())).filter(Boolean),
    topicList: listInWords(model.topics.map((t) => stripEndPunctuation(t.trim())).filter(Boolean)),
    signature: model.signature,
    referredBy: model.referredBy?.trim() ?? '',
  };
}

/** A template compiled elsewhere (the user's own, compiled in the extension host). */
export type TemplateFn = (context: object) => string;

/** Renders the request with the built-in template, or with `override` (the user's template). */
export function renderRequest(model: RequestModel, override?: TemplateFn | null): string {
  const context = requestContext(model);
  const text = override ? override(context) : requestTemplate(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return tidy(text);
}

/**
 * The request as every drafting path renders it — the builder, the keyboard flow, the argument form: with
 * the user's template when there is one, and with the built-in one (and the reason) when theirs fails.
 */
export function renderRequestOrFallback(model: RequestModel, override?: TemplateFn | null): { text: string; templateError: string | null } {
  if (!override) return { text: renderRequest(model), templateError: null };
  try {
    return { text: renderRequest(model, override), templateError: null };
  } catch (e) {
    return { text: renderRequest(model), templateError: e instanceof Error ? e.message : String(e) };
  }
}

/** Collapses runs of blank lines and ends with exactly one newline; never longer than a journal text may be. */
export function tidy(text: string): string {
  // A user's template can render millions of characters: cut before any further work on the text.
  const bounded = text.length > 2 * LIMITS.longText ? text.slice(0, 2 * LIMITS.longText) : text;
  return capText(bounded.replace(/\n{3,}/g, '\n\n').trim() + '\n');
}

/** Said at the end of a drafted text that had to be shortened (the check flags it as a placeholder, so it is seen and edited). */
export const SHORTENED_NOTE = `[Shortened here: texts are limited to ${groupThousands(LIMITS.longText)} characters]`;

/** 20000 → "20,000" (as en-US writes it), without toLocaleString: at module load that would set up ICU's number formatting. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * `text` as it can be stored: unchanged when it fits the journal's limit for texts, otherwise cut at a
 * line or word break and ended with SHORTENED_NOTE — the person sees where and why.
 */
export function capText(text: string, max: number = LIMITS.longText): string {
  if (text.length <= max) return text;
  const room = max - SHORTENED_NOTE.length - 3;
  let cut = text.slice(0, room);
  const brk = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  if (brk > room - 500) cut = cut.slice(0, brk);
  // Never leave half of a surrogate pair at the cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}\n\n${SHORTENED_NOTE}\n`;
}

/** An edited text as stored: trimmed and ended with a newline when that still fits the limit. */
export function storedText(text: string): string {
  const t = text.trim();
  return t.length < LIMITS.longText ? `${t}\n` : t;
}

/** "a", "a and b", "a, b, and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'the topics we agree on';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function stripEndPunctuation(s: string): string {
  return s.replace(/[\s.!?,;:]+$/, '');
}

/**
 * A note as a sentence of its own: ends with a full stop and starts with a capital ("runs the finance guild" →
 * "Runs the finance guild."), unless its first word is cased on purpose ("iOS", "eBay").
 */
function sentence(s: string): string {
  let t = s.trim();
  if (!t) return '';
  const first = /^\S+/u.exec(t)?.[0] ?? '';
  if (/^\p{Ll}/u.test(first) && !/\p{Lu}/u.test(first)) t = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

// ---------------------------------------------------------------------------------------------
// Follow-ups, thank-you notes and session agendas (used by followUps.ts, responses.ts, sessions.ts)

/** The built-in templates besides the request; the names match the user's `<name>.hbs` files. */
export type TextTemplateName = 'followUpLater' | 'followUpReask' | 'followUpReferral' | 'followUpNudge' | 'thanks' | 'sessionAgenda';

/** The user's own templates, compiled by the extension (`null`/absent: use the built-in one). */
export type TemplateOverrides = Partial<Record<'request' | TextTemplateName, TemplateFn | null>>;

const textTemplates: Readonly<Record<TextTemplateName, HandlebarsTemplateDelegate>> = {
  followUpLater: runtime.template(followUpLaterSpec),
  followUpReask: runtime.template(followUpReaskSpec),
  followUpReferral: runtime.template(followUpReferralSpec),
  followUpNudge: runtime.template(followUpNudgeSpec),
  thanks: runtime.template(thanksSpec),
  sessionAgenda: runtime.template(sessionAgendaSpec),
};

/** Renders a built-in template (or the user's `override`) with `context`; the text is tidied. */
export function renderText(name: TextTemplateName, context: object, override?: TemplateFn | null): string {
  const text = override
    ? override(context)
    : textTemplates[name](context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return tidy(text);
}
