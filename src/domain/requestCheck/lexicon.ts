/**
 * The request check's lexicon: the words and phrases its rules look for, as word lists and as regular
 * expressions compiled once, at module load. Word boundaries are Unicode-aware: a letter, digit or "_" on
 * either side means "inside a word", so "tormentor" and "émentor" never match "mentor".
 */

import type { Severity } from './rules';

const NB = String.raw`(?<![\p{L}\p{N}_])`;
const NA = String.raw`(?![\p{L}\p{N}_])`;
const AP = `['’]`;
const S = String.raw`\s+`;

/** `src` as a whole-word pattern; global by default (always reset `lastIndex`, see `eachMatch` in text.ts). */
function words(src: string, flags = 'giu'): RegExp {
  return new RegExp(`${NB}(?:${src})${NA}`, flags);
}

export const MENTOR_RE = words(`(mentor(?:s|ed|ing|ship|ships)?|mentees?)`);
/** After "mentoring"/"mentorship": the word can simply go ("three mentoring sessions"). */
export const MENTOR_ADJECTIVE_AFTER_RE = new RegExp(`[ \\t]+(?:sessions?|calls?|meetings?|conversations?|chats?)${NA}`, 'yiu');
/** After "mentoring": a verb with an object; replacing it with "guidance" would not read. */
export const MENTOR_VERB_AFTER_RE = new RegExp(`[ \\t]+(?:me|us|him|her|them|you|someone|people|others)${NA}`, 'yiu');
/** After "mentoring"/"mentorship": a noun it names ("a mentoring programme"); "a guidance programme" would not read. */
export const MENTOR_NOUN_AFTER_RE = new RegExp(`[ \\t]+(?:programs?|programmes?|schemes?|circles?|platforms?|initiatives?|relationships?|roles?)${NA}`, 'yiu');

/** What may follow "sometime" to make it a time frame ("sometime in the next three weeks", "sometime this month"). */
const TIME_FOLLOWS = `in|within|during|over|this|next|before|by|after|between|around|early|late|mid|on|at${S}the${S}(?:end|start)`;

type OpenKind = 'role' | 'role-ing' | 'wing' | 'brain' | 'indefinite' | 'whenever' | 'vague' | 'irregular';

/** `needs`: as in REQUIRED_WORDS (below). */
export const OPEN_ENDED: readonly { re: RegExp; severity: Severity; kind: OpenKind; why: string; needs?: readonly string[] }[] = [
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
        `going${S}forward|from${S}now${S}on|for${S}the${S}long${S}haul`,
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
        // "sometime" and "at some point" alone; "sometime in the next three weeks" has its time frame.
        `(?:sometime|at${S}some${S}point|one${S}of${S}these${S}days|anytime)(?!${S}(?:${TIME_FOLLOWS}))`,
        `when(?:ever)?${S}you${S}(?:get|have)${S}(?:a|the)${S}(?:chance|moment|minute)`,
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
      `on${S}a${S}regular${S}basis|from${S}time${S}to${S}time|every${S}(?:now${S}and${S}then|so${S}often)|once${S}in${S}a${S}while|check${S}in${S}(?:regularly|periodically)|regular${S}(?:check-ins|catch-ups|meetings|sessions|calls|chats)|if${S}you${AP}re${S}ever${S}up${S}for${S}it|if${S}you${S}are${S}ever${S}up${S}for${S}it|talk${S}sometimes`,
    ),
  },
];

/**
 * A recurring meeting ("weekly", "every Monday", "a monthly 1:1", "every two weeks"): without a fixed number of
 * sessions it has no end. With one ("six sessions, one every two weeks") the count bounds it.
 */
export const RECURRING_RE = words(
  [
    `(?:bi-?)?weekly|fortnightly|monthly`,
    `every${S}(?:(?:other|second|two|three|four|couple${S}of)${S})?(?:weeks?|months?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|day|morning|afternoon|sprint)`,
    `(?:once|twice)${S}(?:a|per|each|every)${S}(?:week|month|fortnight|sprint)`,
    `each${S}(?:week|month|sprint)`,
  ].join('|'),
);

export const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
export const NUMBER_VALUE = new Map(NUMBER_WORDS.map((w, i) => [w, i]));
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
const SESSION_NOUN = `(?:sessions?|meetings?|calls?|conversations?|chats?|coffees?|catch-?ups?|check-ins?|lunch(?:es)?|meet-?ups?|one-on-ones?|1:1s?|walk-?throughs?|run-?throughs?|rehearsals?|reviews?|mock${S}interviews?|slots)`;
/** "three sessions", "a 30-minute call", "two or three short meetings", "a coffee", "three of our Friday slots". */
export const SESSIONS_RE = words(
  `(${COUNT})(?![\\s-]*${DURATION_UNIT}${NA})(?:${S}of${S}(?:our|your|the|my))?[\\s-]+(${MODIFIER}{0,2}?)${SESSION_NOUN}`,
);
/** Words allowed between "a" and the noun: "a quick 30-minute call" is an ask, "a hard conversation" a topic. */
export const ASK_MODIFIERS_RE = new RegExp(
  String.raw`^(?:(?:\d{1,3}[\s-]?(?:minutes?|mins?|hours?)|(?:one|half)[\s-]hour|quick|short|brief|single|first|coffee|video|phone|virtual|zoom|focused|informal|one-off|one-to-one|1:1)[\s-]+)*$`,
  'iu',
);
/** "twice", "three times" (only in the ask). */
export const TIMES_RE = words(`(twice|(?:\\d{1,2}|${NUM_WORD})${S}times)`);
/** "30 minutes", "a 45-minute", "half an hour" (only in the ask): a time-boxed single meeting. */
export const DURATION_RE = words(
  `(?:\\d{1,3}|an?|one|two|fifteen|twenty|thirty|forty(?:[\\s-]five)?|sixty|ninety)[\\s-]*${DURATION_UNIT}|half[\\s-]+an[\\s-]+hour|half[\\s-]hour`,
);
/** After a duration: it is the length of each of an unknown number of sessions, or a rate. */
export const DURATION_NOT_COUNT_AFTER_RE = new RegExp(
  String.raw`[\s-]*(?:${MODIFIER}?(?:sessions|meetings|calls|chats|conversations|catch-?ups)${NA}|(?:each|every|a${S}(?:week|month)|per${S}(?:week|month)|weekly|monthly)${NA})`,
  'yiu',
);
/** "grab a coffee", "over coffee" (only in the ask): one meeting. */
export const COFFEE_RE = words(`(?:grab|get|have|for|over)${S}(?:a${S})?coffee`);

/**
 * For some patterns, words that every match contains (in lower case), plain from the pattern: a text with none of
 * them is spared the scan (Checker.mayContain). A long text is scanned about twenty times; these scans are a
 * quarter of that and rarely find anything.
 */
export const REQUIRED_WORDS = new Map<RegExp, readonly string[]>([
  [MENTOR_RE, ['mentor', 'mentee']],
  [TIMES_RE, ['twice', 'times']],
  [DURATION_RE, ['min', 'hour', 'hr']],
  [COFFEE_RE, ['coffee']],
]);

const MONTH = `(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
const PERIOD = `(?:days?|weeks?|months?|quarters?|sprints?|terms?|semesters?|years?)`;
export const TIMEFRAME_RE = words(
  [
    `(?:over|in|within|during|for|across)${S}the${S}(?:next|coming|following)${S}(?:(?:few|couple${S}of|\\d{1,2}|${NUM_WORD})${S})?${PERIOD}`,
    `within${S}(?:a|an|one|a${S}few|\\d{1,2}|${NUM_WORD})${S}${PERIOD}`,
    `(?:this|next|the${S}coming)${S}(?:week|month|quarter|half|year|term|semester|sprint|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday)`,
    `(?:by|before|until|through|in|during|over|at)${S}(?:the${S})?(?:end|start|beginning|middle)${S}of`,
    `(?:by|before|until|till|through|in|during|over|from|after)${S}(?:early${S}|mid[\\s-]?|late${S})?${MONTH}`,
    `(?:early|mid|late)[\\s-]${MONTH}`,
    `(?:by|before|in|during)${S}(?:q[1-4]|h[12])|q[1-4]`,
    `(?:\\d{1,2}|${NUM_WORD}|a${S}few|a${S}couple${S}of)[\\s-]${PERIOD}(?!${S}ago)`,
    `(?:by|before|until|on)${S}(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?(?:${S}of)?${S}${MONTH}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?)`,
    `(?:before|until|till|ahead${S}of)${S}(?:my|our|the)${S}(?:[\\p{L}-]+${S}){0,2}?(?:reviews?|promotion|launch|presentation|deadline|offsite|conference|interview|release|talk|planning|kickoff|kick-off|cycle|exams?|agm|audit|go-live|rollout|handover|move)`,
    `in${S}the${S}new${S}year|after${S}the${S}holidays`,
  ].join('|'),
);

export const ASK_RE = words(
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

/** Past forms of what someone does that shows a skill ("you rebuilt the pipeline", "she says you ran…"). */
const DID = `(?:[\\p{L}]{3,}ed|ran|run|gave|given|wrote|written|built|rebuilt|tell|told|grown|grew|taught|got|made|took|brought|drove|driven|won|kept|held|spoke|spoken|found|met|did|done|led|shook|set|put|sold|bought|thought|caught|stood|cut|saved|turned|helped|managed|shipped)`;
/**
 * Something of theirs a person can have seen, read or heard ("your design doc", "your PR", "your weekly update").
 * "Your work" alone is praise, not something seen: only "your work on…" counts.
 */
const ARTEFACT = [
  `talks?|presentations?|articles?|posts?|blogs?|books?|chapters?|papers?|sessions?|workshops?|keynotes?|podcasts?|newsletters?|threads?`,
  `courses?|demos?|write-?ups?|answers?|reviews?|feedback|comments?|contributions?|track${S}record|docs?|documents?|PRs?|pull${S}requests?`,
  `RFCs?|updates?|dashboards?|models?|audits?|plans?|proposals?|reports?|decks?|slides|videos?|recordings?|webinars?|lectures?|speech(?:es)?`,
  `pitch(?:es)?|analys[ie]s|memos?|guides?|playbooks?|runbooks?|post-?mortems?|retros?|pages?|commits?|librar(?:y|ies)|crates?|series|charts?|diagrams?`,
  `work${S}(?:on|with|in)`,
].join('|');
/** A third person reporting what they did ("Terry tells me you rebuilt…", "Daniel mentioned you wrote…", "told me your reviews were…"). */
const REPORTED = `(?:tells?|told|says?|said|mentioned|mentions|explained)${S}(?:to${S}me${S}|me${S})?(?:that${S})?(?:you(?:${AP}ve|${S}have)?${S}${DID}|(?:you${AP}re|you${S}are|you${S}were)${S}(?:the|very|really|so|a|an)|your${S})`;

/** Evidence that counts anywhere, even inside the ask ("I loved your talk — would you…?"). */
export const EVIDENCE_RE = words(
  [
    // Not "I've heard great things about you", "I have followed your work", "I admire your work": praise, not something seen.
    `I(?:${AP}ve|${S}have)?${S}(?:seen|saw|watched|noticed|read|attended|observed|loved|enjoyed|learned|learnt|benefited|appreciated|listened${S}to|sat${S}in${S}on|been${S}(?:so${S}|really${S}|very${S})?(?:impressed|inspired))`,
    `(?:watched|saw|heard|noticed|observed)${S}(?:you(?!${AP})|how${S}you|the${S}way${S}you)`,
    `(?:followed|admired?|studied)${S}(?:how${S}you|the${S}way${S}you)`,
    `(?:loved|enjoyed|read|watched|liked|heard|attended|listened${S}to|sat${S}in${S}on|used|studied|re-?read)${S}your${S}(?:[\\p{L}\\p{N}'’&-]+${S}){0,3}?(?:${ARTEFACT})`,
    `I${S}(?:was|am)${S}(?:(?:so|really|very)${S})?(?:impressed|struck|inspired)|I${AP}m${S}(?:impressed|inspired)`,
    `(?:you${AP}re|you${S}are)${S}(?:known${S}for|great${S}at|excellent${S}at|so${S}good${S}at|really${S}good${S}at|the${S}person|the${S}go-to)`,
    REPORTED,
    `(?:people|everyone|colleagues)${S}(?:tell|told|say|said)${S}(?:me${S})?(?:that${S})?you`,
    `recommended${S}(?:you|that${S}I${S}(?:ask|talk|speak))`,
  ].join('|'),
  'iu',
);
/**
 * Evidence that counts only outside the ask: "you tell a compelling story", "You got three teams to…", "Your design
 * doc for the search migration is the one people link to". Inside the ask, "how you tell the story" is a topic and
 * "your feedback on my deck" a request, not something you saw.
 */
export const WEAK_EVIDENCE_RE = words(
  [
    `(?:you|you${AP}ve|you${S}have)${S}${DID}`,
    `the${S}way${S}you|how${S}you${S}(?:[\\p{L}]{3,}ed|ran|led|tell|told|run|lead|built|wrote|made|took|brought|drove|got)`,
    `your${S}(?:[\\p{L}\\p{N}'’&-]+${S}){0,3}?(?:${ARTEFACT})`,
  ].join('|'),
  'iu',
);

/** What someone is ("I'm a staff engineer", "I'm the tech lead on…"): a role says what they work on. */
const ROLE = `[\\p{L}-]*(?:er|or|ist|ian|ant|ent|lead|head|manager|student|nurse|postdoc|maintainer|treasurer|intern|graduate|PM|SRE)`;
/** "I'm …ing" that says nothing about the work: how the message itself is meant. */
const NOT_WORK = `(?:wondering|writing${S}to|reaching|hoping${S}(?:you|that)|looking${S}(?:forward|for)|asking|following${S}up|getting${S}in${S}touch|contacting|emailing|messaging|sending|going${S}to${S}ask|coming${S}back|sorry|happy|eager)`;
const BETTER = `get${S}(?:much${S}|a${S}lot${S}|far${S})?better`;

export const CONTEXT_RE = words(
  [
    `I(?:${S}am|${AP}m)${S}(?:currently${S}|now${S}|still${S}|just${S}|also${S}|really${S})?(?:working${S}(?:on|towards?|to|as)|trying${S}to|(?!${NOT_WORK}${NA})[\\p{L}]{2,}ing${NA}|about${S}to|taking${S}(?:on|over)|responsible${S}for|in${S}charge${S}of|new${S}(?:to|in|at|as)|(?:a|an)${S}new|(?:a|an|the)${S}(?:[\\p{L}\\p{N}-]+${S}){0,3}?${ROLE}${NA}|(?:a|an|the)${S}(?:[\\p{L}\\p{N}-]+${S}){1,3}?(?:at|on|in|with|for)|in${S}my${S}(?:first|second|third|final))`,
    `my${S}(?:goal|aim|aspiration|plan|ambition|focus)${S}(?:is|this)`,
    `I(?:${AP}ve|${S}have)${S}(?:just${S}|recently${S})?(?:been${S}asked|taken${S}(?:on|over)|started|become|joined|moved|been${S}promoted|been${S}made|been${S}appointed|been${S}working|set${S}myself)`,
    `as${S}part${S}of${S}my|as${S}I${S}(?:step|move|take|start|join|prepare|grow)`,
    `I${S}(?:really${S})?(?:want|hope|plan|aim|need|try|must)${S}to${S}(?:grow|develop|become|${BETTER}|improve|move|build|learn|step|lead|strengthen|make)`,
    `I(?:${AP}d|${S}would)${S}like${S}to${S}(?:grow|develop|become|${BETTER}|improve|move|build|step|strengthen)`,
    `I(?:${AP}ll|${S}will)${S}(?:soon${S})?be${S}(?:leading|taking|presenting|starting|moving|running|managing|joining|on)`,
    `I${S}(?:recently${S}|just${S})?(?:joined|started|took${S}over|moved${S}(?:into|to)|became|switched)`,
    `I${S}(?:maintain|run|lead|manage|teach|coach|own)${S}(?:a|an|the|our|my)`,
    `in${S}my${S}(?:new${S})?role${S}as`,
    `working${S}(?:on|towards?)`,
  ].join('|'),
  'iu',
);

/** Without a known skill name: a phrase that names some skill area. */
export const SKILL_PHRASE_RE = words(
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

const WH = `(?:how|what|why|when|where|which|whether)${NA}`;
/**
 * What introduces topics. Two only count in the ask, where they are common: "about" ("excited about the conference"
 * is no topic) and "on" ("in March on openings, pauses and Q&A", ", on running the channel, …").
 */
export const TOPIC_MARKER_RE = words(
  [
    `focus(?:ing|ed)?${S}(?:on|around)|about`,
    `(?:sessions?|calls?|meetings?|conversations?|chats?|feedback|advice|input|views?|take|thoughts|perspective|tips|pointers|guidance|help)${S}on`,
    `(?:go|going|talk|talking|walk|walk${S}me|work|working)${S}(?:through|over)|talk(?:ing)?${S}about|discuss(?:ing)?|cover(?:ing)?`,
    `ask${S}(?:you${S})?(?:about|how|what|why|whether)|learn(?:ing)?${S}(?:more${S})?(?:about|how)`,
    `(?:show${S}me|practi[cs]e|understand|see|look(?:ing)?${S}at)(?=${S}${WH})|help${S}(?:me${S})?with`,
    // Not "on Friday", "on Zoom", "on the 14th", "on my calendar".
    `on(?!${S}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|zoom|teams|meet|slack|video|the${S}(?:phone|call|\\d)|site|\\d|my${S}(?:calendar|end)|your${S}(?:calendar|end)|time|board|track|behalf)${NA})`,
    `such${S}as|including|covering|specifically|in${S}particular|especially|topics?(?:${S}like|[ \\t]*:)|areas?${S}like|things${S}like|questions${S}like|for${S}example|e\\.g\\.`,
  ].join('|'),
);
/** Markers that only introduce topics in the ask (see TOPIC_MARKER_RE). */
export const ASK_ONLY_MARKERS = new Set(['about', 'on']);
export const TOPIC_SPLIT_RE = new RegExp(String.raw`\s*(?:[,;&]|${NB}(?:and|or|plus|as\s+well\s+as)${NA})\s*`, 'iu');
export const QUESTION_CONTINUATION_RE = words(`(?:and${S})?(?:how|what|why|when|where|who|which|whether)`, 'yiu');
export const BULLET_LINE_RE = /^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+\S/gmu;
export const BULLET_AT_RE = /[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+(?=\S)/y;
export const HAS_LETTER_RE = /[\p{L}\p{N}]/u;

/** A placeholder left to fill in: `[name]` (not a Markdown link) or `{{name}}`. The one pattern; see hasPlaceholder. */
export const PLACEHOLDER_RE = /\[[^[\]\n]{1,60}\](?!\()|\{\{[^{}\n]{0,60}\}\}/gu;

/** True when the text still holds a placeholder to fill in (the pattern the check's `placeholder` rule uses). */
export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER_RE.lastIndex = 0;
  const found = PLACEHOLDER_RE.test(text);
  PLACEHOLDER_RE.lastIndex = 0;
  return found;
}

export const GREETING_RE = new RegExp(
  String.raw`^[\s\uFEFF]*(hi|hello|hey|yo|dear|greetings|good\s+(?:morning|afternoon|evening)|hiya|howdy|hallo|hola|bonjour)${NA}([^\n,!:;—–\p{Extended_Pictographic}]{0,80})([,!:;—–]|\p{Extended_Pictographic}|\n|$)?`,
  'iu',
);
/** "Terry," alone on the first line. */
export const NAME_LINE_RE = /^[\s\uFEFF]*([\p{L}\p{M}][\p{L}\p{M}\p{N}'’.\- ]{0,60}?)[ \t]*,[ \t]*\r?\n/u;
export const GENERIC_NAMES = new Set([
  'there', 'all', 'everyone', 'everybody', 'team', 'folks', 'friend', 'friends', 'colleague', 'colleagues',
  'sir', 'madam', 'sir or madam', 'sir/madam', 'you', 'guys', "y'all", 'hiring manager', 'to whom it may concern',
]);
/** A form letter's salutation: addressed to nobody in particular (an error, unlike a friendly "Hi there"). */
export const IMPERSONAL_NAMES = new Set(['sir', 'madam', 'sir or madam', 'madam or sir', 'sir/madam', 'hiring manager', 'to whom it may concern']);
export const SMALL_WORDS = new Set(['and', 'of', 'the', 'a', 'an', 'in', 'on', 'for', 'with', 'to', 'at', 'my', 'our', 'your', 'skill', 'skills', 'area', 'areas']);

/** Titles before a name ("Dr. Jones"): not part of the name a greeting must use. */
export const TITLES = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'lady', 'lord', 'rev']);
