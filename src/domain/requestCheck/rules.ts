/**
 * The request check's rules: their ids (in the order findings are reported and fixes applied), labels,
 * penalties (SCORING, below) and limits, and the shapes of what the check reports.
 */

import { ASK_LIMITS } from '../ask';

export type Severity = 'error' | 'warning' | 'info';

export interface TextRange {
  /** Offset of the first character (UTF-16 code units). */
  start: number;
  /** Offset just past the last character; `start === end` is an insertion point. */
  end: number;
}

/** A machine-applicable edit: replace `range` with `text` (an empty range inserts). */
export interface Replacement {
  range: TextRange;
  text: string;
}

export const RULE_IDS = [
  'empty',
  'greeting',
  'no-context',
  'skill-not-named',
  'no-evidence',
  'mentor-word',
  'open-ended',
  'no-sessions',
  'too-many-sessions',
  'sessions-mismatch',
  'no-timeframe',
  'few-topics',
  'too-many-topics',
  'placeholder',
  'too-long',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Finding {
  id: RuleId;
  severity: Severity;
  message: string;
  /** A suggested fix in plain words. */
  fix: string;
  /** Where the problem is (for a missing element: the sentence it belongs in). */
  range: TextRange;
  /** Present where a fix can be applied mechanically (it may insert a "[placeholder]" to fill in). */
  replacement?: Replacement;
}

/** What the checker may know about the request from the journal; every field is optional. */
export interface CheckContext {
  /** The person the request is for; the greeting must use their first (or full, or last) name. */
  personName?: string;
  /** The skill area; the text must name it (case-insensitive, ignoring small words and word endings). */
  skillName?: string;
  /** The planned number of sessions (1–6); the text must ask for this many. */
  sessions?: number;
  /**
   * What a quick fix writes when there is no plan (`sessions`): the person's usual number (the
   * `mentoring.defaultSessions` setting). Never a finding of its own. Absent: the method's three.
   */
  defaultSessions?: number;
  /** The following are only used to write better replacements instead of "[placeholders]". */
  timeframe?: string;
  topics?: readonly string[];
  aspiration?: string;
  evidence?: string;
}

export interface CheckResult {
  /** 0–100; see SCORING below. */
  score: number;
  /** One line: why the score is what it is. */
  reason: string;
  /** Sorted by position, then by rule order. */
  findings: Finding[];
  counts: Record<Severity, number>;
  wordCount: number;
}

export interface RuleInfo {
  id: RuleId;
  /** A few words, used in the one-line reason. */
  label: string;
  description: string;
  /** Points deducted from 100 when the rule fires, by the worst severity among its findings. */
  penalty: Partial<Record<Severity, number>>;
  /** Extra points per further finding of the same rule, and their cap. */
  repeat?: { each: number; max: number };
  /** Its warning says a core element of the request is missing (or too vague to count): these compound (SCORING). */
  core?: boolean;
}

export const MAX_WORDS = 200;
/** Beyond this many words (a quarter over the limit) the ask is buried: an error, not a warning. */
export const FAR_TOO_LONG_WORDS = MAX_WORDS * 1.25;
/** A request asks for at most this many sessions (the ask's limit, from domain/ask.ts). */
export const MAX_SESSIONS = ASK_LIMITS.sessions.max;
/** A request names at most this many topics (the ask's limit, from domain/ask.ts). */
export const MAX_TOPICS = ASK_LIMITS.topics.max;
/** With an error, the score is at most this: below 50, "fix first". */
export const MAX_SCORE_WITH_ERRORS = 49;
/** With this many missing core elements or more, the request is too vague to send: the score is capped as for an error. */
export const TOO_VAGUE_GAPS = 3;

/*
 * SCORING
 * 1. Each rule that fired costs its penalty once, at the worst severity among its findings, plus `repeat.each` per
 *    further occurrence up to `repeat.max`. Errors cost 15–25 points, warnings 5–12, an info 3.
 * 2. Missing core elements compound (rules marked `core`, when they fired as a warning): what you are working on,
 *    the skill, what you have seen them do, an exact count, a time frame, two or more topics. One missing costs its
 *    penalty; the second costs twice its penalty, the third three times, and so on (the smallest penalty counted
 *    first). So one gap leaves 88–92, two 64–76.
 * 3. Any error, or TOO_VAGUE_GAPS (3) or more missing core elements, caps the score at MAX_SCORE_WITH_ERRORS (49):
 *    an error is what a reader notices first, and a request missing three parts is too vague to say yes to.
 * The score is clamped to 0–100.
 *
 *   rule               error  warning  info   repeat
 *   empty               100
 *   greeting             15      6                  (error: greets someone else, or nobody: "To whom it may concern";
 *                                                    warning: no name, "Hi there", "Hi [Name]")
 *   no-context                   8    core
 *   skill-not-named             10    core   3      (info: no context given and no skill phrase found)
 *   no-evidence                 12    core
 *   mentor-word          25                  +5/≤10
 *   open-ended           25     10           +5/≤10 (error: "be my mentor", "pick your brain", "ongoing", "weekly" with
 *                                                    no count; warning: "whenever you have time", "any advice")
 *   no-sessions          20      8    core          (warning: a vague count such as "a few sessions" with a time
 *                                                    frame; with none either, nothing bounds the ask: an error)
 *   too-many-sessions    20                         (more than MAX_SESSIONS)
 *   sessions-mismatch            5
 *   no-timeframe                 8    core          (only in the ask or after it; the source's own example has none —
 *                                                    the fixed number of sessions already bounds it)
 *   few-topics           20      8    core          (error: no concrete topic in the ask, or only the skill itself;
 *                                                    warning: one topic)
 *   too-many-topics      20                         (more than MAX_TOPICS)
 *   placeholder          20                  +5/≤10 (an unfilled "[time frame]" or "{{name}}")
 *   too-long             20      8                  (error: more than FAR_TOO_LONG_WORDS)
 *
 * So the source's Terry example (no time frame) scores 92, "Would you be my mentor?" scores 0.
 */
export const REQUEST_RULES: readonly RuleInfo[] = [
  { id: 'empty', label: 'nothing written yet', description: 'The request is empty.', penalty: { error: 100 } },
  {
    id: 'greeting',
    label: 'no greeting by name',
    description:
      'Open with a greeting that uses the person\'s name ("Hi Terry,"). An error if it greets someone else, or nobody in particular ("To whom it may concern").',
    penalty: { error: 15, warning: 6 },
  },
  {
    id: 'no-context',
    label: 'no word on what you are working on',
    description: 'Say what you are working on ("I am working on developing my leadership skills").',
    penalty: { warning: 8 },
    core: true,
  },
  {
    id: 'skill-not-named',
    label: 'the skill area is not named',
    description: 'Name the one skill area you want to develop ("expertise in the area of financial acumen").',
    penalty: { warning: 10, info: 3 },
    core: true,
  },
  {
    id: 'no-evidence',
    label: 'nothing on what you have seen them do',
    description:
      'Say what you have seen the person do that shows their skill ("I\'ve seen you present at…"), or what someone told you they did ("Terry tells me you rebuilt…"). Praise alone ("I\'ve heard great things about you") is not enough.',
    penalty: { warning: 12 },
    core: true,
  },
  {
    id: 'mentor-word',
    label: 'uses the word "mentor"',
    description: 'Never use "mentor", "mentoring", "mentorship" or "mentee": they sound like an open-ended commitment.',
    penalty: { error: 25 },
    repeat: { each: 5, max: 10 },
  },
  {
    id: 'open-ended',
    label: 'an open-ended ask',
    description:
      'Avoid open-ended asks ("be my mentor", "pick your brain", "ongoing", "every Monday" with no end, "whenever you have time", "sometime", "any advice").',
    penalty: { error: 25, warning: 10 },
    repeat: { each: 5, max: 10 },
  },
  {
    id: 'no-sessions',
    label: 'no fixed number of sessions',
    description:
      'Ask for a fixed, small number of sessions ("three sessions", "one 30-minute call"). A time-boxed single meeting ("30 minutes", "a coffee") counts as one. A vague count ("a few sessions") with no time frame either leaves the ask without an end (an error).',
    penalty: { error: 20, warning: 8 },
    core: true,
  },
  {
    id: 'too-many-sessions',
    label: 'too many sessions',
    description: `Ask for at most ${MAX_SESSIONS} sessions; three is a good start.`,
    penalty: { error: 20 },
  },
  {
    id: 'sessions-mismatch',
    label: 'a different number of sessions than planned',
    description: 'The number of sessions in the text differs from the planned number.',
    penalty: { warning: 5 },
  },
  {
    id: 'no-timeframe',
    label: 'no time frame',
    description: 'Give a time frame for the sessions ("over the next six weeks", "this quarter", "by the end of March").',
    penalty: { warning: 8 },
    core: true,
  },
  {
    id: 'few-topics',
    label: 'fewer than two focus topics',
    description: `Name two or three concrete topics in the ask ("focusing on A, B, and C", or a bulleted list), at most ${MAX_TOPICS}. With none, or only the skill itself, the person cannot tell what you want to learn.`,
    penalty: { error: 20, warning: 8 },
    core: true,
  },
  {
    id: 'too-many-topics',
    label: `more than ${MAX_TOPICS} focus topics`,
    description: `Name at most ${MAX_TOPICS} topics — two or three is best: a few sessions cannot cover a whole field.`,
    penalty: { error: 20 },
  },
  {
    id: 'placeholder',
    label: 'an unfilled placeholder',
    description: 'Fill in every "[placeholder]" and "{{field}}" before sending.',
    penalty: { error: 20 },
    repeat: { each: 5, max: 10 },
  },
  {
    id: 'too-long',
    label: `longer than ${MAX_WORDS} words`,
    description: `Keep it short: at most about ${MAX_WORDS} words. Beyond ${FAR_TOO_LONG_WORDS} the ask gets lost (an error).`,
    penalty: { error: 20, warning: 8 },
  },
];

/** Diagnostics beyond this many per rule add nothing but noise (a 20,000-character paste). */
export const MAX_FINDINGS_PER_RULE = 50;

const RULE_BY_ID = new Map(REQUEST_RULES.map((r) => [r.id, r]));
/** Each rule's place in RULE_IDS: the order of findings at one offset, and of fixes inserted at one point. */
export const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
/** Worst first. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function ruleInfo(id: RuleId): RuleInfo {
  const rule = RULE_BY_ID.get(id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}
