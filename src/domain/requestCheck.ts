/**
 * The request-quality checker: finds what makes a request for help open-ended or vague, where it is
 * in the text, and how to fix it. The source's rule of thumb: never say "mentor"; ask for a fixed,
 * small number of sessions on concrete topics within a time frame; say what you are working on, which
 * skill, and what you have seen the person do; greet them by name; keep it short.
 *
 * Pure and synchronous: no `vscode` import, no I/O. Every regular expression is compiled once, at
 * module load; a typical request is checked in a few hundredths of a millisecond.
 *
 * The work must stay linear in the text's length: a user template can render millions of characters,
 * and the check runs in the extension host. So no rescanning the rest of the text per sentence or per
 * match, and no object or slice per sentence (test/unit/domain/requestCheckScale.test.ts counts the
 * work; bench/ times a million characters).
 *
 * Ranges are UTF-16 code-unit offsets into the text (what `String.prototype.slice` and VS Code's
 * `TextDocument.positionAt` use). Messages may quote `context` values (the person's name, the skill)
 * but never echo the request text itself; callers must still show every string as text, never HTML.
 */

import { ASK_LIMITS } from './ask';

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
}

/*
 * SCORING
 * score = 100 − Σ penalty over the rules that fired (each rule counted once, at the worst severity
 * among its findings, plus `repeat.each` per further occurrence up to `repeat.max`), clamped to 0–100.
 * Errors cost 15–25 points, warnings 5–12, an info 3:
 *
 *   rule               error  warning  info   repeat
 *   empty               100
 *   greeting             15      6                  (error: greets someone else; warning: no name)
 *   no-context                   8
 *   skill-not-named             10       3          (info: no context given and no skill phrase found)
 *   no-evidence                 12
 *   mentor-word          25                  +5/≤10
 *   open-ended           25     10           +5/≤10 (error: "be my mentor", "pick your brain", "ongoing";
 *                                                    warning: "whenever you have time", "any advice")
 *   no-sessions          20      8                  (warning: a vague count such as "a few sessions")
 *   too-many-sessions           10
 *   sessions-mismatch            5
 *   no-timeframe                 8                  (a warning: the source's own example has none —
 *                                                    the fixed number of sessions already bounds it)
 *   few-topics                   8
 *   placeholder          20                  +5/≤10 (an unfilled "[time frame]" or "{{name}}")
 *   too-long                     8
 *
 * So the source's Terry example (no time frame) scores 92, "Would you be my mentor?" scores 0.
 */
export const REQUEST_RULES: readonly RuleInfo[] = [
  { id: 'empty', label: 'nothing written yet', description: 'The request is empty.', penalty: { error: 100 } },
  {
    id: 'greeting',
    label: 'no greeting by name',
    description: 'Open with a greeting that uses the person\'s name ("Hi Terry,"). An error if it greets someone else.',
    penalty: { error: 15, warning: 6 },
  },
  {
    id: 'no-context',
    label: 'no word on what you are working on',
    description: 'Say what you are working on ("I am working on developing my leadership skills").',
    penalty: { warning: 8 },
  },
  {
    id: 'skill-not-named',
    label: 'the skill area is not named',
    description: 'Name the one skill area you want to develop ("expertise in the area of financial acumen").',
    penalty: { warning: 10, info: 3 },
  },
  {
    id: 'no-evidence',
    label: 'nothing on what you have seen them do',
    description: 'Say what you have seen the person do that shows their skill ("I\'ve seen you present at…").',
    penalty: { warning: 12 },
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
    description: 'Avoid open-ended asks ("be my mentor", "pick your brain", "ongoing", "whenever you have time", "any advice").',
    penalty: { error: 25, warning: 10 },
    repeat: { each: 5, max: 10 },
  },
  {
    id: 'no-sessions',
    label: 'no fixed number of sessions',
    description:
      'Ask for a fixed, small number of sessions ("three sessions", "one 30-minute call"). A time-boxed single meeting ("30 minutes", "a coffee") counts as one.',
    penalty: { error: 20, warning: 8 },
  },
  { id: 'too-many-sessions', label: 'too many sessions', description: 'Ask for at most six sessions; three is a good start.', penalty: { warning: 10 } },
  {
    id: 'sessions-mismatch',
    label: 'a different number of sessions than planned',
    description: 'The number of sessions in the text differs from the planned number.',
    penalty: { warning: 5 },
  },
  {
    id: 'no-timeframe',
    label: 'no time frame',
    description: 'Give a time frame ("over the next six weeks", "this quarter", "by the end of March").',
    penalty: { warning: 8 },
  },
  {
    id: 'few-topics',
    label: 'fewer than two focus topics',
    description: 'Name two or three concrete topics ("focusing on A, B, and C", or a bulleted list).',
    penalty: { warning: 8 },
  },
  {
    id: 'placeholder',
    label: 'an unfilled placeholder',
    description: 'Fill in every "[placeholder]" and "{{field}}" before sending.',
    penalty: { error: 20 },
    repeat: { each: 5, max: 10 },
  },
  { id: 'too-long', label: 'longer than 200 words', description: 'Keep it short: at most about 200 words.', penalty: { warning: 8 } },
];

export const MAX_WORDS = 200;
/** A request asks for at most this many sessions (the ask's limit, from domain/ask.ts). */
export const MAX_SESSIONS = ASK_LIMITS.sessions.max;
/** Diagnostics beyond this many per rule add nothing but noise (a 20,000-character paste). */
export const MAX_FINDINGS_PER_RULE = 50;

const RULE_BY_ID = new Map(REQUEST_RULES.map((r) => [r.id, r]));
const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function ruleInfo(id: RuleId): RuleInfo {
  const rule = RULE_BY_ID.get(id);
  if (!rule) throw new Error(`Unknown rule ${id}`);
  return rule;
}

// ---------------------------------------------------------------------------------------------
// Patterns (compiled once). Word boundaries are Unicode-aware: a letter, digit or "_" on either
// side means "inside a word", so "tormentor" and "émentor" never match "mentor".

const NB = String.raw`(?<![\p{L}\p{N}_])`;
const NA = String.raw`(?![\p{L}\p{N}_])`;
const AP = `['’]`;
const S = String.raw`\s+`;

/** `src` as a whole-word pattern; global by default (always reset `lastIndex`, see `eachMatch`). */
function words(src: string, flags = 'giu'): RegExp {
  return new RegExp(`${NB}(?:${src})${NA}`, flags);
}

const MENTOR_RE = words(`(mentor(?:s|ed|ing|ship|ships)?|mentees?)`);
/** After "mentoring"/"mentorship": the word can simply go ("three mentoring sessions"). */
const MENTOR_ADJECTIVE_AFTER_RE = new RegExp(`[ \\t]+(?:sessions?|calls?|meetings?|conversations?|chats?)${NA}`, 'yiu');
/** After "mentoring": a verb with an object; replacing it with "guidance" would not read. */
const MENTOR_VERB_AFTER_RE = new RegExp(`[ \\t]+(?:me|us|him|her|them|you|someone|people|others)${NA}`, 'yiu');

type OpenKind = 'role' | 'role-ing' | 'wing' | 'brain' | 'indefinite' | 'whenever' | 'vague' | 'irregular';

/** `needs`: as in REQUIRED_WORDS (below). */
const OPEN_ENDED: readonly { re: RegExp; severity: Severity; kind: OpenKind; why: string; needs?: readonly string[] }[] = [
  {
    kind: 'role',
    severity: 'error',
    why: 'asks for a role with no end',
    needs: ['mentor', 'mentee'],
    re: words(`(?:be(?:come)?|act${S}as|serve${S}as)${S}(?:my|a|an|your)${S}(?:[\\p{L}-]+${S})?(?:mentor|mentee)(?:${S}(?:to|for)${S}me)?|mentor${S}me`),
  },
  {
    kind: 'role-ing',
    severity: 'error',
    why: 'asks for a role with no end',
    needs: ['mentor', 'mentee'],
    re: words(`mentoring${S}me|being${S}(?:my|a|an|your)${S}(?:[\\p{L}-]+${S})?(?:mentor|mentee)(?:${S}(?:to|for)${S}me)?`),
  },
  {
    kind: 'wing',
    severity: 'error',
    why: 'asks for a role with no end',
    needs: ['wing', 'mentor'],
    re: words(`take${S}me${S}under${S}your${S}wing|(?:have|had)${S}you${S}as${S}(?:my|a)${S}mentor`),
  },
  { kind: 'brain', severity: 'error', why: 'is an open-ended ask with no topic', needs: ['brain'], re: words(`pick${S}your${S}brains?`) },
  {
    kind: 'indefinite',
    severity: 'error',
    why: 'sounds like a commitment with no end',
    re: words(
      [
        `(?:on${S}an${S})?ongoing${S}(?:basis|relationship|mentorship|mentoring|support|guidance|advice|sessions?|meetings?|calls?|chats?|conversations?|check-ins?|catch-ups?|arrangement|commitment)`,
        `long[\\s-]term${S}(?:relationship|basis|arrangement|mentor(?:ing|ship)?|commitment|support|guidance|coaching)`,
        `indefinitely`,
        `for${S}the${S}foreseeable${S}future`,
        `as${S}long${S}as${S}(?:it${S}takes|you${S}like|you${S}want|needed)`,
        `no${S}end${S}date`,
        `open[\\s-]ended`,
      ].join('|'),
    ),
  },
  {
    kind: 'whenever',
    severity: 'warning',
    why: 'leaves the time frame open',
    re: words(
      [
        `whenever${S}(?:you${S}(?:have|get|find)${S}(?:some${S}|the${S}|a${S})?(?:spare${S}|free${S})?(?:time|chance|moment|minute)|you${AP}re${S}free|you${S}are${S}free|you${S}can|works(?:${S}for${S}you)?|suits(?:${S}you)?|is${S}convenient(?:${S}for${S}you)?)`,
        `when${S}you${S}have${S}(?:some${S})?(?:spare${S}|free${S})?time`,
        `at${S}your${S}leisure`,
      ].join('|'),
    ),
  },
  {
    kind: 'vague',
    severity: 'warning',
    why: 'is vague: ask about specific topics',
    re: words(`any${S}(?:advice|tips|pointers|guidance|suggestions|wisdom)|general${S}(?:career${S})?(?:advice|guidance)|career${S}advice`),
  },
  {
    kind: 'irregular',
    severity: 'warning',
    why: 'has no end: ask for a fixed number of sessions',
    re: words(
      `on${S}a${S}regular${S}basis|from${S}time${S}to${S}time|every${S}(?:now${S}and${S}then|so${S}often)|once${S}in${S}a${S}while|check${S}in${S}(?:regularly|periodically)|regular${S}(?:check-ins|catch-ups|meetings|sessions|calls|chats)`,
    ),
  },
];

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const NUMBER_VALUE = new Map(NUMBER_WORDS.map((w, i) => [w, i]));
const NUM_WORD = `(?:${NUMBER_WORDS.slice(1).join('|')})`;
/** Group 1: the count. Longest alternatives first ("a couple of" before "a"). */
const COUNT = [
  String.raw`\d{1,3}(?:\s*(?:-|–|to|or)\s*\d{1,3})?`,
  `${NUM_WORD}(?:${S}(?:or|to)${S}${NUM_WORD})?`,
  `a${S}couple(?:${S}of)?`,
  `a${S}single`,
  `a${S}few`,
  `a${S}number${S}of`,
  `several|multiple|some|many|a|an`,
].join('|');
const DURATION_UNIT = `(?:minutes?|mins?|hours?|hrs?)`;
const MODIFIER = String.raw`(?:[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*[\s-]+)`;
const SESSION_NOUN = `(?:sessions?|meetings?|calls?|conversations?|chats?|coffees?|catch-?ups?|check-ins?|lunch(?:es)?|meet-?ups?|one-on-ones?|1:1s?|walk-?throughs?|run-?throughs?|rehearsals?|reviews?|mock${S}interviews?)`;
/** "three sessions", "a 30-minute call", "two or three short meetings", "a coffee". */
const SESSIONS_RE = words(`(${COUNT})(?![\\s-]*${DURATION_UNIT}${NA})[\\s-]+(${MODIFIER}{0,2}?)${SESSION_NOUN}`);
/** Words allowed between "a" and the noun: "a quick 30-minute call" is an ask, "a hard conversation" a topic. */
const ASK_MODIFIERS_RE = new RegExp(
  String.raw`^(?:(?:\d{1,3}[\s-]?(?:minutes?|mins?|hours?)|(?:one|half)[\s-]hour|quick|short|brief|single|first|coffee|video|phone|virtual|zoom|focused|informal|one-off|one-to-one|1:1)[\s-]+)*$`,
  'iu',
);
/** "twice", "three times" (only in the ask). */
const TIMES_RE = words(`(twice|(?:\\d{1,2}|${NUM_WORD})${S}times)`);
/** "30 minutes", "a 45-minute", "half an hour" (only in the ask): a time-boxed single meeting. */
const DURATION_RE = words(
  `(?:\\d{1,3}|an?|one|two|fifteen|twenty|thirty|forty(?:[\\s-]five)?|sixty|ninety)[\\s-]*${DURATION_UNIT}|half[\\s-]+an[\\s-]+hour|half[\\s-]hour`,
);
/** After a duration: it is the length of each of an unknown number of sessions, or a rate. */
const DURATION_NOT_COUNT_AFTER_RE = new RegExp(
  String.raw`[\s-]*(?:${MODIFIER}?(?:sessions|meetings|calls|chats|conversations|catch-?ups)${NA}|(?:each|every|a${S}(?:week|month)|per${S}(?:week|month)|weekly|monthly)${NA})`,
  'yiu',
);
/** "grab a coffee", "over coffee" (only in the ask): one meeting. */
const COFFEE_RE = words(`(?:grab|get|have|for|over)${S}(?:a${S})?coffee`);

/**
 * For some patterns, words that every match contains (in lower case), plain from the pattern: a text with none of
 * them is spared the scan (Checker.mayContain). A long text is scanned about twenty times; these scans are a
 * quarter of that and rarely find anything.
 */
const REQUIRED_WORDS = new Map<RegExp, readonly string[]>([
  [MENTOR_RE, ['mentor', 'mentee']],
  [TIMES_RE, ['twice', 'times']],
  [DURATION_RE, ['min', 'hour', 'hr']],
  [COFFEE_RE, ['coffee']],
]);

const MONTH = `(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
const PERIOD = `(?:days?|weeks?|months?|quarters?|sprints?|terms?|semesters?|years?)`;
const TIMEFRAME_RE = words(
  [
    `(?:over|in|within|during|for|across)${S}the${S}(?:next|coming|following)${S}(?:(?:few|couple${S}of|\\d{1,2}|${NUM_WORD})${S})?${PERIOD}`,
    `within${S}(?:a|an|one|a${S}few|\\d{1,2}|${NUM_WORD})${S}${PERIOD}`,
    `(?:this|next|the${S}coming)${S}(?:week|month|quarter|half|year|term|semester|sprint|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday)`,
    `(?:by|before|until|through|in|during|over|at)${S}(?:the${S})?(?:end|start|beginning|middle)${S}of`,
    `(?:by|before|until|till|through|in|during|over|from|after)${S}(?:early${S}|mid[\\s-]?|late${S})?${MONTH}`,
    `(?:early|mid|late)[\\s-]${MONTH}`,
    `(?:by|before|in|during)${S}(?:q[1-4]|h[12])|q[1-4]`,
    `(?:\\d{1,2}|${NUM_WORD}|a${S}few|a${S}couple${S}of)[\\s-]${PERIOD}(?!${S}ago)`,
    `weekly|bi-?weekly|fortnightly|monthly|every${S}(?:other${S}|two${S}|couple${S}of${S})?weeks?|once${S}a${S}(?:week|month)|each${S}week`,
    `(?:by|before|until|on)${S}(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?(?:${S}of)?${S}${MONTH}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?)`,
    `before${S}(?:my|our|the)${S}(?:[\\p{L}-]+${S}){0,2}?(?:review|promotion|launch|presentation|deadline|offsite|conference|interview|release|talk|planning|kickoff|kick-off|cycle)`,
    `in${S}the${S}new${S}year|after${S}the${S}holidays`,
  ].join('|'),
);

const ASK_RE = words(
  [
    `(?:would|could|can|will|might|may)${S}(?:you|I|we)`,
    `are${S}you${S}(?:willing|open|able|available|up${S}for|interested)`,
    `would${S}it${S}be${S}possible`,
    `I${AP}d${S}(?:love|like|welcome|appreciate|be${S}grateful)`,
    `I${S}would${S}(?:love|like|welcome|appreciate|be${S}grateful)`,
    `(?:do|would)${S}you${S}(?:have|mind)`,
    `is${S}there${S}any${S}chance`,
    `I${S}(?:was|am)${S}wondering|I${AP}m${S}wondering`,
  ].join('|'),
  'iu',
);

/** Evidence that counts anywhere, even inside the ask ("I loved your talk — would you…?"). */
const EVIDENCE_RE = words(
  [
    `I(?:${AP}ve|${S}have)?${S}(?:seen|saw|watched|heard|noticed|read|admired?|followed|attended|observed|loved|enjoyed|learned|learnt|benefited|appreciated|been${S}impressed)`,
    `I${S}(?:was|am)${S}(?:impressed|struck|inspired)|I${AP}m${S}(?:impressed|inspired)`,
    `your${S}(?:recent${S})?(?:talk|presentation|article|post|blog|book|paper|work|session|workshop|keynote|podcast|newsletter|thread|course|demo|writing|approach|answer|review|feedback|comments?|contributions?|track${S}record)`,
    `(?:you${AP}re|you${S}are)${S}(?:known${S}for|great${S}at|excellent${S}at|so${S}good${S}at|really${S}good${S}at|the${S}person|the${S}go-to)`,
    `(?:people|everyone|colleagues)${S}(?:tell|told|say|said)${S}(?:me${S})?(?:that${S})?you`,
    `recommended${S}(?:you|that${S}I${S}(?:ask|talk|speak))`,
  ].join('|'),
  'iu',
);
/**
 * Evidence that counts only outside the ask: "you tell a compelling story", "You got three teams to…".
 * Inside the ask, "how you tell the story" is a topic, not something you saw.
 */
const WEAK_EVIDENCE_RE = words(
  [
    `(?:you|you${AP}ve|you${S}have)${S}(?:[\\p{L}]{3,}ed|ran|run|gave|given|wrote|written|built|tell|told|grown|grew|taught|got|made|took|brought|drove|driven|won|kept|held|spoke|spoken|found|met|did|done|led|shook|set|put|sold|bought|thought|caught|stood)`,
    `the${S}way${S}you|how${S}you${S}(?:[\\p{L}]{3,}ed|ran|led|tell|told|run|lead|built|wrote|made|took|brought|drove|got)`,
  ].join('|'),
  'iu',
);

const CONTEXT_RE = words(
  [
    `I(?:${S}am|${AP}m)${S}(?:currently${S}|now${S})?(?:working${S}(?:on|towards?|to)|trying${S}to|developing|preparing|building|learning|leading|aiming|moving|about${S}to|starting|taking${S}on|transitioning|stepping|growing|focusing${S}on|looking${S}to|hoping${S}to|responsible${S}for|in${S}charge${S}of|new${S}to|a${S}new|an?${S}[\\p{L}-]+${S}(?:at|on|in|with))`,
    `my${S}(?:goal|aim|aspiration|plan|ambition|focus)${S}(?:is|this)`,
    `I(?:${AP}ve|${S}have)${S}(?:been${S}asked|taken${S}on|just${S}started|recently|started|been${S}promoted|been${S}working|set${S}myself)`,
    `as${S}part${S}of${S}my`,
    `I${S}(?:want|hope|plan|aim|need)${S}to${S}(?:grow|develop|become|get${S}better|improve|move|build|learn|step|lead|strengthen)`,
    `I(?:${AP}d|${S}would)${S}like${S}to${S}(?:grow|develop|become|get${S}better|improve|move|build|step|strengthen)`,
    `I(?:${AP}ll|${S}will)${S}(?:soon${S})?be${S}(?:leading|taking|presenting|starting|moving|running|managing)`,
    `I${S}recently${S}(?:joined|started|took|moved)`,
    `in${S}my${S}(?:new${S})?role${S}as`,
  ].join('|'),
  'iu',
);

/** Without a known skill name: a phrase that names some skill area. */
const SKILL_PHRASE_RE = words(
  [
    `in${S}the${S}areas?${S}of`,
    `expertise${S}(?:in|on|with)`,
    `(?:improve|improving|develop|developing|build|building|grow|growing|strengthen|strengthening|sharpen|sharpening|working${S}on|work${S}on)${S}(?:my|our|how)`,
    `better${S}at|(?:stronger|more${S}confident|more${S}skilled)${S}(?:at|in|with)`,
    `(?:learn|learning)${S}(?:more${S})?(?:about|how)`,
    `skills?${S}(?:in|at|with)`,
    `my${S}[\\p{L}-]+(?:${S}[\\p{L}-]+)?${S}skills`,
    `(?:gap|gaps)${S}in`,
    `need${S}(?:further|more)${S}(?:expertise|experience|practice|help|depth)${S}(?:in|with|on)`,
  ].join('|'),
  'iu',
);

const TOPIC_MARKER_RE = words(
  `focus(?:ing|ed)?${S}(?:on|around)|about|(?:sessions?|calls?|meetings?|conversations?|chats?|feedback|advice|input|views?|take|thoughts|perspective)${S}on|(?:go|going|talk|talking|walk${S}me)${S}through|talk(?:ing)?${S}about|discuss(?:ing)?|cover(?:ing)?|ask${S}(?:you${S})?(?:about|how|what|why|whether)|learn(?:ing)?${S}(?:more${S})?(?:about|how)|such${S}as|including|covering|specifically|in${S}particular|especially|topics?(?:${S}like)?|areas?${S}like|things${S}like|questions${S}like|for${S}example|e\\.g\\.`,
);
const TOPIC_SPLIT_RE = new RegExp(String.raw`\s*(?:[,;&]|${NB}(?:and|or|plus|as\s+well\s+as)${NA})\s*`, 'iu');
const QUESTION_CONTINUATION_RE = words(`(?:and${S})?(?:how|what|why|when|where|who|which|whether)`, 'yiu');
const BULLET_LINE_RE = /^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+\S/gmu;
const BULLET_AT_RE = /[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+(?=\S)/y;
const HAS_LETTER_RE = /[\p{L}\p{N}]/u;

/** A placeholder left to fill in: `[name]` (not a Markdown link) or `{{name}}`. The one pattern; see hasPlaceholder. */
const PLACEHOLDER_RE = /\[[^[\]\n]{1,60}\](?!\()|\{\{[^{}\n]{0,60}\}\}/gu;

/** True when the text still holds a placeholder to fill in (the pattern the check's `placeholder` rule uses). */
export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER_RE.lastIndex = 0;
  const found = PLACEHOLDER_RE.test(text);
  PLACEHOLDER_RE.lastIndex = 0;
  return found;
}
// A word: letters and digits, maybe joined by ' ’ or - to more ("well-known", "don't"), i.e. a match of
// `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (flag u). checkLength counts words (and skillNamed looks at their parts)
// by hand, with letterAt, rather than running a regular expression once per word.

const GREETING_RE = new RegExp(
  String.raw`^[\s\uFEFF]*(hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|hiya|howdy|hallo|hola|bonjour)${NA}([^\n,!:;—–]{0,80})([,!:;—–]|\n|$)?`,
  'iu',
);
/** "Terry," alone on the first line. */
const NAME_LINE_RE = /^[\s\uFEFF]*([\p{L}\p{M}][\p{L}\p{M}\p{N}'’.\- ]{0,60}?)[ \t]*,[ \t]*\r?\n/u;
const GENERIC_NAMES = new Set([
  'there', 'all', 'everyone', 'everybody', 'team', 'folks', 'friend', 'friends', 'colleague', 'colleagues',
  'sir', 'madam', 'sir or madam', 'sir/madam', 'you', 'guys', "y'all", 'hiring manager', 'to whom it may concern',
]);
const SMALL_WORDS = new Set(['and', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'with', 'to', 'at', 'my', 'our', 'your', 'skill', 'skills', 'area', 'areas']);

// ---------------------------------------------------------------------------------------------
// The check

interface Span {
  start: number;
  end: number;
}

interface Sentence extends Span {
  index: number;
  ask: boolean;
  evidence: boolean;
  question: boolean;
}

interface Greeting {
  /** Where the body (the first sentence) may begin. */
  bodyStart: number;
  /** The greeting word ("Hi"), if any. */
  word?: Span;
  /** The name as written, if any (not a generic "there"). */
  name?: Span;
  /** A generic stand-in for a name ("there", "all"). */
  generic?: Span;
  /** The first line is just "Name," with no greeting word. */
  nameOnly?: boolean;
}

interface Count extends Span {
  /** The number itself (for replacing it). */
  num: Span;
  /** null: vague ("a few"). */
  value: number | null;
  numeric: boolean;
}

export function checkRequest(text: string, context: CheckContext = {}): CheckResult {
  const input = typeof text === 'string' ? text : '';
  const ctx = cleanContext(context);
  if (input.trim() === '') {
    const findings: Finding[] = [
      {
        id: 'empty',
        severity: 'error',
        message: 'The request is empty.',
        fix: 'Write a short request: what you are working on, the skill, what you have seen them do, and a few sessions on specific topics.',
        range: { start: 0, end: input.length },
      },
    ];
    return finish(findings, 0);
  }
  return new Checker(input, ctx).run();
}

class Checker {
  private readonly findings: Finding[] = [];
  private readonly perRule = new Map<RuleId, number>();
  private readonly greeting: Greeting;
  private readonly sentences: Sentences;
  private readonly ask: Sentence | undefined;
  /** What open-ended replacements already put in, so the same placeholder is not offered twice. */
  private offers = { sessions: false, timeframe: false, topics: false };
  private countsCache: Count[] | undefined;
  private contextCache: Sentence | null | undefined;
  private foldedCache: string | undefined;
  private lowerCache: string | null | undefined;

  constructor(
    private readonly text: string,
    private readonly ctx: CheckContext,
  ) {
    this.greeting = findGreeting(text);
    this.sentences = splitSentences(text, this.greeting.bodyStart);
    const sentences = this.sentences;
    let ask = -1;
    // The first question with ask words, else the first sentence with ask words, else the first question.
    for (let k = 0; k < sentences.length && ask < 0; k++) if (sentences.isQuestion(k) && sentences.hasAskWords(k)) ask = k;
    for (let k = 0; k < sentences.length && ask < 0; k++) if (sentences.isAsk(k)) ask = k;
    this.ask = sentences.get(ask);
  }

  run(): CheckResult {
    this.checkGreeting();
    this.checkContext();
    this.checkSkill();
    this.checkEvidence();
    this.checkMentorWord();
    this.checkOpenEnded();
    this.checkSessions();
    this.checkTimeframe();
    this.checkTopics();
    this.checkPlaceholders();
    const wordCount = this.checkLength();
    return finish(this.findings, wordCount);
  }

  // --- helpers

  /** The text folded (see `fold`), once. */
  private folded(): string {
    return (this.foldedCache ??= fold(this.text));
  }

  private slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private add(finding: Finding): void {
    const n = this.perRule.get(finding.id) ?? 0;
    this.perRule.set(finding.id, n + 1);
    if (n < MAX_FINDINGS_PER_RULE) this.findings.push(finding);
  }

  /**
   * Whether the text has one of `words` (lower case), so a pattern that needs one (REQUIRED_WORDS) may match. The
   * i flag matches the same letters as toLowerCase, but for "ſ" (matched as "s"): a text with one always may.
   */
  private mayContain(words: readonly string[] | undefined): boolean {
    if (!words) return true;
    if (this.lowerCache === undefined) this.lowerCache = this.text.includes('ſ') ? null : this.text.toLowerCase();
    const lower = this.lowerCache;
    return lower === null || words.some((w) => lower.includes(w));
  }

  /** Whether further findings of rule `id` would be dropped (so scanning on for them is wasted). */
  private isFull(id: RuleId): boolean {
    return (this.perRule.get(id) ?? 0) >= MAX_FINDINGS_PER_RULE;
  }

  /** Where a missing element is reported: the ask, else the first sentence, else the first line. */
  private anchor(): Span {
    const s = this.ask ?? this.sentences.get(0);
    if (s) return { start: s.start, end: s.end };
    return firstLine(this.text);
  }

  /** Offset just before the ask's closing punctuation ("…with me|?"). */
  private askInsertPoint(): number | undefined {
    if (!this.ask) return undefined;
    let end = this.ask.end;
    while (end > this.ask.start && isClosingOrSpace(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  private firstBodyStart(): number {
    return this.sentences.starts[0] ?? this.greeting.bodyStart;
  }

  private sessionsPhrase(): string {
    const n = this.ctx.sessions;
    return n === undefined ? '[N sessions]' : `${numberWord(n)} session${n === 1 ? '' : 's'}`;
  }

  private timeframePhrase(): string {
    return this.ctx.timeframe ?? '[time frame]';
  }

  private topicsPhrase(): string {
    const topics = this.ctx.topics;
    return topics && topics.length >= 2 ? joinWords(topics) : '[topic 1], [topic 2], and [topic 3]';
  }

  private firstName(): string | undefined {
    const name = this.ctx.personName;
    if (name === undefined) return undefined;
    const words = name.split(/\s+/u);
    return words.find((w) => !TITLES.has(fold(w).replace(/\.$/u, ''))) ?? words[0];
  }

  // --- rules

  private checkGreeting(): void {
    const g = this.greeting;
    const want = this.ctx.personName;
    const first = this.firstName();
    const nameText = first ?? '[name]';
    if ((!g.word && !g.name) || (g.nameOnly && want && !nameMatches(this.slice(g.name!), want))) {
      const at = leadingSpace(this.text);
      this.add({
        id: 'greeting',
        severity: 'warning',
        message: want ? `The request does not open by greeting ${want} by name.` : 'The request does not open with a greeting by name.',
        fix: `Start with "Hi ${nameText},".`,
        range: firstLine(this.text),
        replacement: { range: { start: at, end: at }, text: `Hi ${nameText},\n\n` },
      });
      return;
    }
    if (!g.name) {
      const where = g.generic ?? g.word!;
      this.add({
        id: 'greeting',
        severity: 'warning',
        message: want ? `The greeting does not use ${want}'s name.` : 'The greeting does not use the person\'s name.',
        fix: `Greet them by name: "Hi ${nameText},".`,
        range: { start: where.start, end: where.end },
        replacement: g.generic
          ? { range: { start: g.generic.start, end: g.generic.end }, text: nameText }
          : { range: { start: g.word!.end, end: g.word!.end }, text: ` ${nameText}` },
      });
      return;
    }
    if (want && !nameMatches(this.slice(g.name), want)) {
      this.add({
        id: 'greeting',
        severity: 'error',
        message: `The greeting does not use ${want}'s name — is this text meant for someone else?`,
        fix: `Greet ${want} by name: "Hi ${first ?? want},".`,
        range: { start: g.name.start, end: g.name.end },
        replacement: { range: { start: g.name.start, end: g.name.end }, text: first ?? want },
      });
    }
  }

  private checkContext(): void {
    if (this.contextSentence() !== undefined) return;
    const at = this.firstBodyStart();
    const first = this.sentences.get(0);
    this.add({
      id: 'no-context',
      severity: 'warning',
      message: 'The request does not say what you are working on.',
      fix: 'Add a sentence such as "I am working on developing my leadership skills."',
      range: first ? { start: first.start, end: first.end } : this.anchor(),
      replacement: { range: { start: at, end: at }, text: `I am working on ${this.ctx.aspiration ?? '[what you are working on]'}. ` },
    });
  }

  private checkSkill(): void {
    const skill = this.ctx.skillName;
    if (skill !== undefined ? skillNamedIn(this.folded(), skill) : SKILL_PHRASE_RE.test(this.text)) return;
    const contextSentence = this.contextSentence();
    const insertAt = contextSentence ? contextSentence.end : this.firstBodyStart();
    const sentence = `I've identified that I need further expertise in the area of ${skill !== undefined ? skill.toLowerCase() : '[skill area]'}.`;
    const first = contextSentence ?? this.sentences.get(0);
    this.add({
      id: 'skill-not-named',
      severity: skill !== undefined ? 'warning' : 'info',
      message:
        skill !== undefined
          ? `The request does not name the skill area (${skill}).`
          : 'The request may not name the skill area you want to develop.',
      fix: `Name it, for example: "${sentence}"`,
      range: first ? { start: first.start, end: first.end } : this.anchor(),
      replacement: { range: { start: insertAt, end: insertAt }, text: contextSentence ? ` ${sentence}` : `${sentence} ` },
    });
  }

  private checkEvidence(): void {
    for (let k = 0; k < this.sentences.length; k++) if (this.sentences.hasEvidence(k)) return;
    if (this.ctx.evidence && containsLoosely(this.folded(), this.ctx.evidence)) return;
    const ev = this.ctx.evidence;
    const sentence = ev ? (/[.!?]$/.test(ev) ? ev : `${ev}.`) : "I've seen you [what you have seen them do].";
    const at = this.ask?.start;
    this.add({
      id: 'no-evidence',
      severity: 'warning',
      message: 'The request does not say what you have seen this person do.',
      fix: 'Add what shows their skill, for example: "I\'ve seen you present at the All Hands meeting, and you tell a compelling story about the financials."',
      range: this.anchor(),
      ...(at === undefined ? {} : { replacement: { range: { start: at, end: at }, text: `${sentence} ` } }),
    });
  }

  private checkMentorWord(): void {
    if (!this.mayContain(REQUIRED_WORDS.get(MENTOR_RE))) return;
    for (const m of eachMatch(MENTOR_RE, this.text)) {
      if (this.isFull('mentor-word')) break;
      const word = m[1]!;
      const start = m.index;
      const end = start + word.length;
      const lower = word.toLowerCase();
      let replacement: Replacement | undefined;
      if (lower === 'mentoring' || lower === 'mentorship' || lower === 'mentorships') {
        MENTOR_ADJECTIVE_AFTER_RE.lastIndex = end;
        MENTOR_VERB_AFTER_RE.lastIndex = end;
        if (MENTOR_ADJECTIVE_AFTER_RE.test(this.text)) {
          let after = end;
          while (this.text[after] === ' ' || this.text[after] === '\t') after++;
          replacement = { range: { start, end: after }, text: '' };
        } else if (!MENTOR_VERB_AFTER_RE.test(this.text)) {
          replacement = { range: { start, end }, text: /^\p{Lu}/u.test(word) ? 'Guidance' : 'guidance' };
        }
      }
      this.add({
        id: 'mentor-word',
        severity: 'error',
        message: `"${word}" makes the request sound like an open-ended commitment.`,
        fix: replacement
          ? replacement.text
            ? 'Replace it with "guidance" — or better, say exactly what you want to learn.'
            : 'Remove the word: "three sessions" says it all.'
          : 'Leave the word out: ask for a few sessions on specific topics instead of a role.',
        range: { start, end },
        ...(replacement ? { replacement } : {}),
      });
    }
  }

  private checkOpenEnded(): void {
    for (const rule of OPEN_ENDED) {
      // Once the rule has all the findings it keeps, a match only counts for the replacement it offers (which the
      // later rules then leave alone), and one match is enough for that.
      const offers = rule.kind === 'role' || rule.kind === 'role-ing' || rule.kind === 'brain' || rule.kind === 'whenever';
      if ((this.isFull('open-ended') && !offers) || !this.mayContain(rule.needs)) continue;
      for (const m of eachMatch(rule.re, this.text)) {
        const range = { start: m.index, end: m.index + m[0].length };
        let text: string | undefined;
        let fix: string;
        switch (rule.kind) {
          case 'role':
            text = `spend ${this.sessionsPhrase()} with me`;
            this.offers.sessions = true;
            fix = 'Ask for a fixed number of sessions instead of a role.';
            break;
          case 'role-ing':
            text = `spending ${this.sessionsPhrase()} with me`;
            this.offers.sessions = true;
            fix = 'Ask for a fixed number of sessions instead of a role.';
            break;
          case 'brain':
            text = `ask you about ${this.topicsPhrase()}`;
            this.offers.topics = true;
            fix = 'Say which topics you want to ask about.';
            break;
          case 'whenever':
            text = this.timeframePhrase();
            this.offers.timeframe = true;
            fix = 'Give a time frame such as "over the next six weeks".';
            break;
          case 'wing':
          case 'indefinite':
            fix = 'Ask for a fixed number of sessions within a time frame instead.';
            break;
          case 'vague':
            fix = 'Name the two or three topics you want their view on.';
            break;
          case 'irregular':
            fix = 'Ask for a fixed number of sessions (three is a good start) within a time frame.';
            break;
        }
        this.add({
          id: 'open-ended',
          severity: rule.severity,
          message: `This phrase ${rule.why}.`,
          fix,
          range,
          ...(text === undefined ? {} : { replacement: { range, text } }),
        });
        if (this.isFull('open-ended')) break;
      }
    }
  }

  private findCounts(): Count[] {
    this.countsCache ??= this.scanCounts();
    return this.countsCache;
  }

  private scanCounts(): Count[] {
    const counts: Count[] = [];
    const sentences = this.sentences;
    const inAsk = (i: number) => {
      const k = sentences.indexAt(i);
      return k >= 0 && sentences.isAsk(k);
    };
    const inEvidence = (i: number) => {
      const k = sentences.indexAt(i);
      return k >= 0 && sentences.hasEvidence(k) && !sentences.isAsk(k);
    };
    // parseCount by the words as written (a long text can say "three sessions" thousands of times).
    const parsedCounts = new Map<string, { value: number | null; numeric: boolean }>();
    for (const m of eachMatch(SESSIONS_RE, this.text)) {
      const raw = m[1]!;
      let parsed = parsedCounts.get(raw);
      if (!parsed) parsedCounts.set(raw, (parsed = parseCount(raw)));
      // "a meeting" / "some sessions" only in the ask; "three sessions" anywhere but in what you saw them do.
      if (!parsed.numeric && !inAsk(m.index)) continue;
      if (parsed.value === 1 && !parsed.numeric && !ASK_MODIFIERS_RE.test(m[2]!)) continue;
      if (inEvidence(m.index)) continue;
      counts.push({ start: m.index, end: m.index + m[0].length, num: { start: m.index, end: m.index + raw.length }, ...parsed });
    }
    // The rest only counts in the ask (if there is one), and needs words the text may not have.
    const scan = (re: RegExp) => (this.ask && this.mayContain(REQUIRED_WORDS.get(re)) ? eachMatch(re, this.text) : []);
    for (const m of scan(TIMES_RE)) {
      if (!inAsk(m.index)) continue;
      const raw = m[1]!;
      const value = raw.toLowerCase() === 'twice' ? 2 : parseCount(raw.split(/\s+/u)[0]!).value;
      counts.push({ start: m.index, end: m.index + m[0].length, num: { start: m.index, end: m.index + raw.length }, value, numeric: true });
    }
    for (const re of [DURATION_RE, COFFEE_RE]) {
      for (const m of scan(re)) {
        if (!inAsk(m.index)) continue;
        const end = m.index + m[0].length;
        if (re === DURATION_RE) {
          DURATION_NOT_COUNT_AFTER_RE.lastIndex = end;
          if (DURATION_NOT_COUNT_AFTER_RE.test(this.text)) continue;
        }
        counts.push({ start: m.index, end, num: { start: m.index, end }, value: 1, numeric: false });
      }
    }
    return counts.sort((a, b) => a.start - b.start);
  }

  private checkSessions(): void {
    const counts = this.findCounts();
    const definite = counts.filter((c) => c.value !== null);
    if (definite.length === 0) {
      const vague = counts[0];
      if (vague) {
        const n = this.ctx.sessions;
        this.add({
          id: 'no-sessions',
          severity: 'warning',
          message: 'The request does not say exactly how many sessions.',
          fix: 'Say exactly how many: "three sessions" is a good start.',
          range: { start: vague.start, end: vague.end },
          replacement: { range: vague.num, text: n === undefined ? '[N]' : numberWord(n) },
        });
        return;
      }
      const at = this.askInsertPoint();
      const offer = !this.offers.sessions && at !== undefined;
      this.add({
        id: 'no-sessions',
        severity: 'error',
        message: 'The request does not ask for a fixed number of sessions.',
        fix: 'Ask for a small, fixed number: "Would you be willing to spend three sessions with me…?"',
        range: this.anchor(),
        ...(offer
          ? { replacement: this.replaceSomeTime() ?? { range: { start: at, end: at }, text: ` for ${this.sessionsPhrase()}` } }
          : {}),
      });
      return;
    }
    const tooMany = definite.find((c) => c.value! > MAX_SESSIONS);
    const n = this.ctx.sessions;
    if (tooMany) {
      this.add({
        id: 'too-many-sessions',
        severity: 'warning',
        message: `${tooMany.value} sessions is a big commitment to ask of a busy person.`,
        fix: 'Ask for at most six — three is a good start; you can always ask for more later.',
        range: { start: tooMany.start, end: tooMany.end },
        ...(n === undefined ? {} : { replacement: { range: tooMany.num, text: styledNumber(n, this.slice(tooMany.num)) } }),
      });
    }
    if (n !== undefined) {
      const explicit = definite.filter((c) => c.numeric);
      if (explicit.length > 0 && !explicit.some((c) => c.value === n)) {
        const c = explicit[0]!;
        this.add({
          id: 'sessions-mismatch',
          severity: 'warning',
          message: `The text asks for ${c.value} session${c.value === 1 ? '' : 's'}, but the plan says ${n}.`,
          fix: `Make them agree: ask for ${numberWord(n)} session${n === 1 ? '' : 's'}, or change the plan.`,
          range: { start: c.start, end: c.end },
          replacement: { range: c.num, text: styledNumber(n, this.slice(c.num)) },
        });
      }
    }
  }

  /** "spend some time with me" → "spend [N sessions] with me". */
  private replaceSomeTime(): Replacement | undefined {
    if (!this.ask) return undefined;
    const m = /(?<![\p{L}])(?:some|a\s+little(?:\s+bit\s+of)?|a\s+bit\s+of)(?:\s+of\s+your)?\s+time(?![\p{L}])/iu.exec(this.slice(this.ask));
    if (!m) return undefined;
    const start = this.ask.start + m.index;
    return { range: { start, end: start + m[0].length }, text: this.sessionsPhrase() };
  }

  private checkTimeframe(): void {
    TIMEFRAME_RE.lastIndex = 0;
    if (TIMEFRAME_RE.test(this.text)) return;
    let at: number | undefined;
    const count = this.findCounts().find((c) => c.value !== null);
    if (count) {
      const m = /^\s+with\s+(?:me|us)(?![\p{L}])/iu.exec(this.text.slice(count.end, count.end + 40));
      at = m ? count.end + m[0].length : count.end;
    } else {
      at = this.askInsertPoint();
    }
    const offer = !this.offers.timeframe && at !== undefined;
    this.add({
      id: 'no-timeframe',
      severity: 'warning',
      message: 'The request gives no time frame.',
      fix: 'Add one: "over the next six weeks", "this quarter", "by the end of March".',
      range: this.anchor(),
      ...(offer ? { replacement: { range: { start: at!, end: at! }, text: ` ${this.timeframePhrase()}` } } : {}),
    });
  }

  private checkTopics(): void {
    BULLET_LINE_RE.lastIndex = 0;
    let bullets = 0;
    while (BULLET_LINE_RE.exec(this.text) && bullets < 2) bullets++;
    if (bullets >= 2) return;

    // Each marker's topics are the pieces of the rest of its sentence (its "tail"), split at commas, "and" and the
    // like. A long sentence can hold thousands of markers: `split` would scan the rest of the sentence for every one
    // of them, so the pieces are found once per sentence (TopicSplit) and every marker takes those after it.
    const sentences = this.sentences;
    let best: { items: string[]; tailEnd: number; tailStart: number; sentence: number } | undefined;
    let split: TopicSplit | undefined;
    let continuation: string[] | undefined;
    for (const m of eachMatch(TOPIC_MARKER_RE, this.text)) {
      const markerEnd = m.index + m[0].length;
      const sentence = sentences.indexAt(m.index);
      // "about" is everywhere ("excited about"); it only introduces topics in the ask.
      if (sentence < 0 || (m[0].toLowerCase() === 'about' && !sentences.isAsk(sentence))) continue;
      const sentenceEnd = sentences.ends[sentence]!;
      if (split?.sentence !== sentence) {
        let end = sentenceEnd;
        let c: number;
        while (end > sentences.starts[sentence]! && (isClosingOrSpace((c = this.text.charCodeAt(end - 1))) || c === 58)) end--;
        split = new TopicSplit(this.text, sentence, markerEnd, end);
        continuation = undefined;
      }
      // Past the last word of the sentence, the tail is empty (and ends at the marker).
      const tailEnd = Math.max(markerEnd, split.end);
      const items = split.itemsFrom(markerEnd);
      // "…focusing on our reports? How you tell the story? And what I should do next?" (the source's own punctuation).
      if (this.text[sentenceEnd - 1] === '?' && items.length < 10) {
        continuation ??= this.questionContinuation(sentence);
        items.push(...continuation.slice(0, 10 - items.length));
      }
      if (!best || items.length > best.items.length) best = { items, tailStart: markerEnd, tailEnd, sentence };
      if (items.length >= 2) return;
    }

    const fallback = best && best.items.length === 1 && /^\s*the topics we agree on\s*$/iu.test(best.items[0]!);
    let replacement: Replacement | undefined;
    if (best && best.items.length === 1) {
      replacement = fallback
        ? { range: trimSpan(this.text, { start: best.tailStart, end: best.tailEnd }), text: this.topicsPhrase() }
        : { range: { start: best.tailEnd, end: best.tailEnd }, text: ' and [another topic]' };
    } else if (!this.offers.topics) {
      const at = this.askInsertPoint();
      if (at !== undefined) replacement = { range: { start: at, end: at }, text: `, focusing on ${this.topicsPhrase()}` };
    }
    this.add({
      id: 'few-topics',
      severity: 'warning',
      message:
        best && best.items.length === 1 && !fallback
          ? 'The request names only one focus topic.'
          : 'The request does not name two or more concrete topics.',
      fix: 'Name two or three topics: "focusing on reading our financial reports, turning numbers into a story, and what I should do next".',
      range: best ? { start: sentences.starts[best.sentence]!, end: sentences.ends[best.sentence]! } : this.anchor(),
      ...(replacement ? { replacement } : {}),
    });
  }

  /** The sentences right after sentence `k` that continue its question ("How you tell the story?"), at most 10. */
  private questionContinuation(k: number): string[] {
    const { starts, ends } = this.sentences;
    const out: string[] = [];
    for (let i = k + 1; i < starts.length && out.length < 10; i++) {
      QUESTION_CONTINUATION_RE.lastIndex = starts[i]!;
      if (!QUESTION_CONTINUATION_RE.test(this.text) || this.sentences.hasAskWords(i)) break;
      out.push(this.text.slice(starts[i], ends[i]));
    }
    return out;
  }

  /** The first sentence that says what you are working on. */
  private contextSentence(): Sentence | undefined {
    if (this.contextCache === undefined) this.contextCache = this.sentences.get(this.sentences.firstWithContext()) ?? null;
    return this.contextCache ?? undefined;
  }

  private checkPlaceholders(): void {
    for (const m of eachMatch(PLACEHOLDER_RE, this.text)) {
      if (this.isFull('placeholder')) break;
      this.add({
        id: 'placeholder',
        severity: 'error',
        message: 'This placeholder has not been filled in.',
        fix: 'Replace it with the real words before sending.',
        range: { start: m.index, end: m.index + m[0].length },
      });
    }
  }

  private checkLength(): number {
    // Words (see above), counted by hand: a long text has hundreds of thousands, a regular-expression run each.
    const text = this.text;
    let count = 0;
    let overStart = -1;
    let w: number;
    for (let i = 0; i < text.length; ) {
      if (!(w = letterAt(text, i))) {
        i++;
        continue;
      }
      if (++count === MAX_WORDS + 1) overStart = i;
      do i += w;
      while ((w = letterAt(text, i)));
      // ['’-] between letters joins ("well-known", "don't").
      while (isWordJoiner(text.charCodeAt(i)) && (w = letterAt(text, i + 1))) {
        i += 1;
        do i += w;
        while ((w = letterAt(text, i)));
      }
    }
    if (count > MAX_WORDS) {
      this.add({
        id: 'too-long',
        severity: 'warning',
        message: `The request is ${count} words long; busy people say yes to short requests.`,
        fix: `Cut it to at most ${MAX_WORDS} words: what you are working on, the skill, what you saw, and the ask.`,
        range: trimSpan(this.text, { start: overStart, end: this.text.length }),
      });
    }
    return count;
  }
}

// ---------------------------------------------------------------------------------------------
// Scoring and the one-line reason

function finish(found: Finding[], wordCount: number): CheckResult {
  const findings = [...found].sort(
    (a, b) =>
      a.range.start - b.range.start ||
      RULE_ORDER.get(a.id)! - RULE_ORDER.get(b.id)! ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.range.end - b.range.end,
  );
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<RuleId, { worst: Severity; n: number }>();
  for (const f of findings) {
    counts[f.severity]++;
    const seen = byRule.get(f.id);
    if (!seen) byRule.set(f.id, { worst: f.severity, n: 1 });
    else {
      seen.n++;
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[seen.worst]) seen.worst = f.severity;
    }
  }
  let penalty = 0;
  for (const [id, { worst, n }] of byRule) {
    const rule = ruleInfo(id);
    penalty += rule.penalty[worst] ?? 0;
    if (rule.repeat && n > 1) penalty += Math.min(rule.repeat.max, (n - 1) * rule.repeat.each);
  }
  const score = Math.max(0, Math.min(100, 100 - penalty));
  return { score, reason: reasonFor(score, byRule), findings, counts, wordCount };
}

function reasonFor(score: number, byRule: Map<RuleId, { worst: Severity }>): string {
  if (byRule.has('empty')) return 'Nothing to check yet — write the request first.';
  const ids = [...byRule.keys()].sort((a, b) => RULE_ORDER.get(a)! - RULE_ORDER.get(b)!);
  const list = (sev: Severity) => {
    const labels = ids.filter((id) => byRule.get(id)!.worst === sev).map((id) => ruleInfo(id).label);
    const shown = labels.slice(0, 3).join('; ');
    return labels.length > 3 ? `${shown}; and ${labels.length - 3} more` : shown;
  };
  const errors = list('error');
  const warnings = list('warning');
  const infos = list('info');
  if (errors) return `Fix first: ${errors}.`;
  if (warnings) return score >= 90 ? `Nearly ready; consider: ${warnings}.` : `Could be more specific: ${warnings}.`;
  if (infos) return `Ready to send (check: ${infos}).`;
  return 'Specific, bounded and personal: ready to send.';
}

// ---------------------------------------------------------------------------------------------
// Applying fixes

/** Applies one replacement. */
export function applyReplacement(text: string, r: Replacement): string {
  return text.slice(0, r.range.start) + r.text + text.slice(r.range.end);
}

/**
 * Applies the replacements of the given findings (all of them by default, or those whose id is in
 * `ids`). Overlapping edits are skipped (the first in text order wins); several insertions at the
 * same point keep the rules' order (greeting, context, skill, evidence, sessions, time frame, topics).
 */
export function applyFixes(text: string, findings: readonly Finding[], ids?: readonly RuleId[]): string {
  const edits = findings
    .filter((f) => f.replacement && (!ids || ids.includes(f.id)))
    .map((f, i) => ({ r: f.replacement!, order: RULE_ORDER.get(f.id)!, i }))
    .filter(({ r }) => r.range.start >= 0 && r.range.start <= r.range.end && r.range.end <= text.length)
    .sort((a, b) => a.r.range.start - b.r.range.start || a.r.range.end - b.r.range.end || a.order - b.order || a.i - b.i);
  const kept: Replacement[] = [];
  let lastEnd = 0;
  for (const { r } of edits) {
    if (r.range.start < lastEnd) continue;
    kept.push(r);
    lastEnd = r.range.end;
  }
  let out = '';
  let at = 0;
  for (const r of kept) {
    out += text.slice(at, r.range.start) + r.text;
    at = r.range.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/**
 * The matches of a global `re` one at a time, for loops that may stop early (`lastIndex` is reset when the loop
 * ends, however it ends).
 */
function* eachMatch(re: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  re.lastIndex = 0;
  try {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const next = re.lastIndex;
      yield m;
      re.lastIndex = m[0].length === 0 ? next + 1 : next;
    }
  } finally {
    re.lastIndex = 0;
  }
}

const TOPIC_SPLIT_GLOBAL_RE = new RegExp(TOPIC_SPLIT_RE.source, 'giu');

/**
 * The topics in the tails of one sentence: what `text.slice(markerEnd, end).split(TOPIC_SPLIT_RE)` keeps (the
 * pieces with a letter or digit) for each marker of the sentence, without splitting the rest of the sentence again
 * for every marker. All tails of a sentence end at `end`; the first one starts at `from` and is split once, lazily
 * (only as far as asked). Splitting scans left to right, so a later marker's tail has the same separators as the
 * first tail after the marker, and its first piece is the rest of the piece the marker ends in — unless the marker
 * ends inside a separator ("such as| well as"), when that tail is split on its own (once per sentence at most:
 * every marker before it had fewer than two topics).
 */
class TopicSplit {
  private readonly tail: string;
  /** Separators found so far, relative to `from`: starts and ends. Piece i ends at separator i (or the tail's end). */
  private readonly sepStart: number[] = [];
  private readonly sepEnd: number[] = [];
  /** Indices of the pieces found so far that have a letter or digit. */
  private readonly lettered: number[] = [];
  /** Where the search for the next separator resumes; -1 when the whole tail is split. */
  private resume = 0;

  constructor(
    text: string,
    readonly sentence: number,
    private readonly from: number,
    readonly end: number,
  ) {
    this.tail = text.slice(from, Math.max(from, end));
  }

  /** The topics of the tail that starts at `markerEnd` (in the sentence, at or after `from`), maybe cut at two (all the caller needs). */
  itemsFrom(markerEnd: number): string[] {
    if (markerEnd >= this.end) return [];
    const r = markerEnd - this.from;
    // Split until the separators before r are known, and the one after it if there is one.
    while (this.resume >= 0 && (this.sepStart.length === 0 || this.sepStart[this.sepStart.length - 1]! < r)) this.splitOne();
    const j = countBelow(this.sepStart, r); // r is in piece j, or inside separator j - 1
    if (j > 0 && this.sepEnd[j - 1]! > r) {
      return this.tail.slice(r).split(TOPIC_SPLIT_RE).filter((t) => HAS_LETTER_RE.test(t));
    }
    const pieceEnd = j < this.sepStart.length ? this.sepStart[j]! : this.tail.length;
    const items: string[] = [];
    if (HAS_LETTER_RE.test(this.tail.slice(r, pieceEnd))) items.push(this.tail.slice(r, pieceEnd));
    // Two topics are all the caller needs: find lettered pieces after piece j until there are two.
    let k = countBelow(this.lettered, j + 1);
    while (items.length < 2) {
      while (this.resume >= 0 && k >= this.lettered.length) this.splitOne();
      if (k >= this.lettered.length) break;
      items.push(this.piece(this.lettered[k++]!));
    }
    return items;
  }

  private piece(i: number): string {
    return this.tail.slice(i === 0 ? 0 : this.sepEnd[i - 1]!, i < this.sepStart.length ? this.sepStart[i]! : this.tail.length);
  }

  /** Finds the next separator (or the end of the tail) and notes whether the piece before it has a letter. */
  private splitOne(): void {
    const re = TOPIC_SPLIT_GLOBAL_RE;
    re.lastIndex = this.resume;
    const m = re.exec(this.tail);
    re.lastIndex = 0;
    const start = this.resume;
    const index = this.sepStart.length;
    if (m) {
      this.sepStart.push(m.index);
      this.sepEnd.push(m.index + m[0].length);
      this.resume = m.index + m[0].length;
    } else {
      this.resume = -1;
    }
    if (HAS_LETTER_RE.test(this.tail.slice(start, m ? m.index : this.tail.length))) this.lettered.push(index);
  }
}

/** How many of the ascending `sorted` are below `x`. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cleanContext(context: CheckContext | undefined): CheckContext {
  const c = context ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().normalize('NFC') : undefined);
  const out: CheckContext = {};
  const personName = str(c.personName);
  const skillName = str(c.skillName);
  const timeframe = str(c.timeframe)?.replace(/[\s.!?,;:]+$/u, '');
  const aspiration = str(c.aspiration)?.replace(/[\s.!?,;:]+$/u, '');
  const evidence = str(c.evidence);
  if (personName) out.personName = personName;
  if (skillName) out.skillName = skillName;
  if (timeframe) out.timeframe = timeframe;
  if (aspiration) out.aspiration = aspiration;
  if (evidence) out.evidence = evidence;
  if (typeof c.sessions === 'number' && Number.isInteger(c.sessions) && c.sessions >= 1 && c.sessions <= 12) out.sessions = c.sessions;
  if (Array.isArray(c.topics)) {
    const topics = c.topics.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
    if (topics.length) out.topics = topics;
  }
  return out;
}

/**
 * 1 or 2 (UTF-16 units) if a letter or digit (`[\p{L}\p{N}]`, by code point) starts at `i`, else 0; what words
 * and HAS_LETTER_RE call a letter, looked up in a table for the Basic Multilingual Plane.
 */
function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return 0; // a lone surrogate
    return HAS_LETTER_RE.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = BMP_LETTER[c]!;
  if (known === 0) known = BMP_LETTER[c] = HAS_LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** Per BMP character: 0 not looked up yet, 1 a letter or digit, 2 not. */
const BMP_LETTER = new Uint8Array(0x10000);

/** ' ’ or - (a word joins letters with these). */
function isWordJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}

function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function firstLine(text: string): Span {
  const start = leadingSpace(text);
  const nl = text.indexOf('\n', start);
  return trimSpan(text, { start, end: nl < 0 ? text.length : nl });
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** /[.!?"'’”)\]\s]/ for one character (a loop over the end of a long sentence runs this, not a regular expression). */
function isClosingOrSpace(c: number): boolean {
  return isCloser(c) || isRegExpSpace(c);
}

/** /\s/ for one character. */
function isRegExpSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A character that may follow a sentence's ".", "!" or "?": . ! ? " ' ’ ” ) ] */
function isCloser(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93;
}

/** A character BULLET_AT_RE can start with once past its leading spaces: - * • · – or a digit. */
function mayStartBullet(c: number): boolean {
  return c === 45 || c === 42 || c === 0x2022 || c === 0xb7 || c === 0x2013 || (c >= 48 && c <= 57);
}

/**
 * Sentences from `from` on: they end at ".", "!" or "?" followed by a space, at a blank line, and
 * around bullet lines. A single line break inside a paragraph (hard-wrapped text) does not end one.
 */
function splitSentences(text: string, from: number): Sentences {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let start = -1;
  let bullet = false;
  const push = (end: number) => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    while (end > s && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > s) {
      starts.push(s);
      ends.push(end);
    }
    start = -1;
  };
  // Past the leading spaces (skipped already), BULLET_AT_RE needs a bullet character: the regular expression only
  // runs where one is (mayStartBullet), not at every sentence and line.
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (start < 0) {
      if (isSpace(c)) continue;
      start = i;
      BULLET_AT_RE.lastIndex = i;
      bullet = mayStartBullet(c) && BULLET_AT_RE.test(text);
      if (bullet) {
        i = BULLET_AT_RE.lastIndex - 1;
        continue;
      }
    }
    if (c === 10) {
      let j = i + 1;
      let d = 0;
      while (j < n && ((d = text.charCodeAt(j)) === 32 || d === 9 || d === 13)) j++;
      BULLET_AT_RE.lastIndex = j;
      if (j >= n || d === 10 || bullet || (mayStartBullet(d) && BULLET_AT_RE.test(text))) push(i);
      continue;
    }
    if (c === 46 || c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && isCloser(text.charCodeAt(j))) j++;
      if (j >= n || isSpace(text.charCodeAt(j))) {
        push(j);
        i = j - 1;
      }
    }
  }
  if (start >= 0) push(n);
  return new Sentences(text, starts, ends);
}

// What a sentence has, as bits of Sentences.flags.
const QUESTION = 1;
/** A match of ASK_RE ("would you"); the sentence is the ask if it has this or is a question. */
const ASK_WORDS = 2;
const EVIDENCE = 4;

const ASK_SCAN_RE = new RegExp(ASK_RE.source, 'giu');
const EVIDENCE_SCAN_RE = new RegExp(EVIDENCE_RE.source, 'giu');
const WEAK_EVIDENCE_SCAN_RE = new RegExp(WEAK_EVIDENCE_RE.source, 'giu');
const CONTEXT_SCAN_RE = new RegExp(CONTEXT_RE.source, 'giu');

/**
 * The sentences of the body, as offsets and bits: a long text has hundreds of thousands of sentences, and an
 * object, a slice and a few regular-expression runs for each would cost more than the rest of the check.
 */
class Sentences {
  private readonly flags: Uint8Array;

  constructor(
    private readonly text: string,
    readonly starts: readonly number[],
    readonly ends: readonly number[],
  ) {
    const flags = (this.flags = new Uint8Array(starts.length));
    for (let k = 0; k < starts.length; k++) {
      // /\?["'’”)\]]*$/u: a "?" before nothing but closing quotes and brackets.
      let e = ends[k]!;
      let c: number;
      while (e > starts[k]! && ((c = text.charCodeAt(e - 1)) === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93)) e--;
      if (e > starts[k]! && text.charCodeAt(e - 1) === 63) flags[k] = QUESTION;
    }
    for (let k = this.next(ASK_SCAN_RE, ASK_RE, 0); k >= 0; k = this.next(ASK_SCAN_RE, ASK_RE, k + 1)) flags[k]! |= ASK_WORDS;
    for (let k = this.next(EVIDENCE_SCAN_RE, EVIDENCE_RE, 0); k >= 0; k = this.next(EVIDENCE_SCAN_RE, EVIDENCE_RE, k + 1)) flags[k]! |= EVIDENCE;
    // Weaker evidence only counts outside the ask.
    for (let k = this.next(WEAK_EVIDENCE_SCAN_RE, WEAK_EVIDENCE_RE, 0); k >= 0; k = this.next(WEAK_EVIDENCE_SCAN_RE, WEAK_EVIDENCE_RE, k + 1)) {
      if (!this.isAsk(k)) flags[k]! |= EVIDENCE;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  get(k: number): Sentence | undefined {
    if (k < 0 || k >= this.starts.length) return undefined;
    return { start: this.starts[k]!, end: this.ends[k]!, index: k, question: this.isQuestion(k), ask: this.isAsk(k), evidence: this.hasEvidence(k) };
  }

  isQuestion(k: number): boolean {
    return (this.flags[k]! & QUESTION) !== 0;
  }

  /** The sentence reads as an ask: a question, or "would you…", "I'd love…". */
  isAsk(k: number): boolean {
    return (this.flags[k]! & (QUESTION | ASK_WORDS)) !== 0;
  }

  hasAskWords(k: number): boolean {
    return (this.flags[k]! & ASK_WORDS) !== 0;
  }

  hasEvidence(k: number): boolean {
    return (this.flags[k]! & EVIDENCE) !== 0;
  }

  /** The index of the sentence that contains `offset`, or -1. */
  indexAt(offset: number): number {
    const k = this.firstEndingAfter(0, offset);
    return k < this.starts.length && this.starts[k]! <= offset ? k : -1;
  }

  /** The first sentence from `k` on that ends after `offset` (the one containing it, or the next). */
  private firstEndingAfter(k: number, offset: number): number {
    let lo = k;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The first sentence from `k` on whose text has a match of `test` (non-global; `scan` is its global twin), or -1:
   * what `test.test(text.slice(start, end))` says for each sentence in turn, with one scan of the text instead of
   * a slice and a run per sentence. Sound for patterns whose only lookarounds are the word boundaries at either end
   * (ASK_RE, EVIDENCE_RE, WEAK_EVIDENCE_RE, CONTEXT_RE): a sentence is bordered by spaces (or by its greeting's
   * punctuation), where a word boundary sees the same in the text as in the sentence alone. So where the scan finds
   * no match, no sentence has one, and a match inside a sentence is one of the sentence alone; a match that spills
   * over a sentence's end (its `\s+` across a blank line) is settled by testing that sentence alone.
   */
  next(scan: RegExp, test: RegExp, k: number): number {
    const { text, starts, ends } = this;
    try {
      while (k < starts.length) {
        scan.lastIndex = starts[k]!;
        const m = scan.exec(text);
        if (!m) return -1;
        k = this.firstEndingAfter(k, m.index);
        if (k >= starts.length) return -1;
        if (m.index < starts[k]!) continue; // between sentences: scan again from the next one
        if (m.index + m[0].length <= ends[k]!) return k;
        if (test.test(text.slice(starts[k]!, ends[k]!))) return k;
        k++;
      }
      return -1;
    } finally {
      scan.lastIndex = 0;
    }
  }

  /** The first sentence with a match of CONTEXT_RE ("I am working on…"), or -1. */
  firstWithContext(): number {
    return this.next(CONTEXT_SCAN_RE, CONTEXT_RE, 0);
  }
}

function findGreeting(text: string): Greeting {
  const m = GREETING_RE.exec(text);
  if (m) {
    const wordStart = m.index + Math.max(0, m[0].search(/[^\s\uFEFF]/u));
    const word = { start: wordStart, end: wordStart + m[1]!.length };
    const raw = m[2]!;
    const terminator = m[3];
    // Without a "," (or line end) within 80 characters, or with more than four words, it is no name.
    if (terminator === undefined) return { bodyStart: word.end, word };
    const name = trimSpan(text, { start: word.end, end: word.end + raw.length });
    const nameText = text.slice(name.start, name.end);
    if (nameText.split(/\s+/u).length > 4) return { bodyStart: word.end, word };
    const bodyStart = word.end + raw.length + (terminator === '\n' ? 0 : terminator.length);
    if (name.end === name.start) return { bodyStart, word };
    if (GENERIC_NAMES.has(nameText.toLowerCase())) return { bodyStart, word, generic: name };
    return { bodyStart, word, name };
  }
  const line = NAME_LINE_RE.exec(text);
  if (line) {
    const start = line.index + line[0].indexOf(line[1]!);
    const name = { start, end: start + line[1]!.length };
    const nameText = line[1]!;
    if (GENERIC_NAMES.has(nameText.toLowerCase()) || nameText.split(/\s+/u).length > 4) return { bodyStart: 0 };
    return { bodyStart: line.index + line[0].length, name, nameOnly: true };
  }
  return { bodyStart: 0 };
}

/** Whether the first words (up to 60 characters) of `part` appear in `folded` (a folded text), ignoring case and spacing. */
function containsLoosely(folded: string, part: string): boolean {
  const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const needle = squash(fold(part)).slice(0, 60).trim();
  return needle.length > 0 && squashedIncludes(folded, needle.split(' '));
}

/**
 * Whether squash(text) — every run of characters other than letters and digits made one space, then trimmed —
 * includes `words` joined by single spaces, without building squash(text) (a second copy of a long text, and a
 * replacement per space). The words are letters and digits; the last may end in half a surrogate pair (cut).
 */
function squashedIncludes(text: string, words: readonly string[]): boolean {
  const first = words[0]!;
  const last = words.length - 1;
  /** Whether `word` is at `i` within one run of letters and digits, which ends right after it unless `open`. */
  const wordAt = (word: string, i: number, open: boolean): boolean => {
    if (!text.startsWith(word, i)) return false;
    const end = i + word.length;
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) return letterAt(text, end - 1) === 2; // the cut pair must be a letter too
    return open || (end < text.length && letterAt(text, end) === 0);
  };
  for (let p = text.indexOf(first); p >= 0; p = text.indexOf(first, p + 1)) {
    if (!wordAt(first, p, last === 0)) continue;
    let i = p + first.length;
    let k = 1;
    for (; k <= last; k++) {
      // The space: a run (one or more) of anything but letters and digits.
      const runStart = i;
      while (i < text.length && letterAt(text, i) === 0) i++;
      if (i === runStart || !wordAt(words[k]!, i, k === last)) break;
      i += words[k]!.length;
    }
    if (k > last) return true;
  }
  return false;
}

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

const TITLES = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'lady', 'lord', 'rev']);

/**
 * The greeting uses the person's name: any part of it other than a title — first, middle or last
 * ("Hi Terry", "Dear Dr. Jones", "Hi Terry Jones"), case-insensitive, in any Unicode normal form.
 */
function nameMatches(written: string, personName: string): boolean {
  const said = new Set(fold(written).split(/[\s.,]+/u).filter(Boolean));
  const parts = fold(personName)
    .split(/[\s.,]+/u)
    .filter((p) => p && !TITLES.has(p));
  if (parts.length === 0) return true;
  return parts.some((p) => said.has(p));
}

/**
 * Whether the text names the skill: at least half (rounded up) of its significant words appear, each
 * matched by its first max(4, length − 3) letters ("negotiation" ~ "negotiating", "speaking" ~ "speak").
 */
export function skillNamed(text: string, skillName: string): boolean {
  return skillNamedIn(fold(text), skillName);
}

/** skillNamed on text already folded. */
function skillNamedIn(body: string, skillName: string): boolean {
  const tokens = fold(skillName)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !SMALL_WORDS.has(t));
  if (tokens.length === 0) return true;
  const found = tokens.filter((t) => hasPartStartingWith(body, t.slice(0, Math.min(t.length, Math.max(4, t.length - 3)))));
  return found.length >= Math.ceil(tokens.length / 2);
}

/**
 * Whether a word part of `body` (a run of letters and digits: words split at ' ’ -) starts with `stem`
 * (letters and digits, maybe cut inside a surrogate pair): found with indexOf rather than by listing the parts.
 */
function hasPartStartingWith(body: string, stem: string): boolean {
  for (let p = body.indexOf(stem); p >= 0; p = body.indexOf(stem, p + 1)) {
    // A part starts here if no letter or digit ends just before…
    if (p > 0) {
      const c = body.charCodeAt(p - 1);
      const before = c >= 0xdc00 && c <= 0xdfff && p > 1 && letterAt(body, p - 2) === 2 ? 2 : letterAt(body, p - 1);
      if (before) continue;
    }
    // …and the part runs at least to the stem's end (the stem's last unit may be half of a pair).
    let i = p;
    let w: number;
    while (i < p + stem.length && (w = letterAt(body, i))) i += w;
    if (i >= p + stem.length) return true;
  }
  return false;
}

function parseCount(raw: string): { value: number | null; numeric: boolean } {
  const s = raw.toLowerCase().replace(/\s+/gu, ' ').trim();
  const digits = s.match(/\d+/gu);
  if (digits) return { value: Math.max(...digits.map(Number)), numeric: true };
  const parts = s.split(/ (?:or|to) /u).map((p) => NUMBER_VALUE.get(p));
  if (parts.every((p) => p !== undefined)) return { value: Math.max(...(parts as number[])), numeric: true };
  if (s === 'a' || s === 'an' || s === 'a single') return { value: 1, numeric: false };
  if (s.startsWith('a couple')) return { value: 2, numeric: false };
  return { value: null, numeric: false };
}

function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** `n` written like `like`: digits stay digits, "Three" stays capitalised. */
function styledNumber(n: number, like: string): string {
  if (/\d/u.test(like)) return String(n);
  const w = numberWord(n);
  return /^\p{Lu}/u.test(like) ? w[0]!.toUpperCase() + w.slice(1) : w;
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}
