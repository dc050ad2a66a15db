/**
 * checkRequest: each rule's check over one request. The work stays linear in the text's length (index.ts).
 */

import { DEFAULT_SESSIONS, isSessionCount } from '../ask';
import {
  ASK_MODIFIERS_RE,
  ASK_ONLY_MARKERS,
  BULLET_AT_RE,
  BULLET_LINE_RE,
  COFFEE_RE,
  DURATION_NOT_COUNT_AFTER_RE,
  DURATION_RE,
  MENTOR_ADJECTIVE_AFTER_RE,
  MENTOR_NOUN_AFTER_RE,
  MENTOR_RE,
  MENTOR_VERB_AFTER_RE,
  OPEN_ENDED,
  PLACEHOLDER_RE,
  QUESTION_CONTINUATION_RE,
  RECURRING_RE,
  REQUIRED_WORDS,
  SESSIONS_RE,
  TIMEFRAME_RE,
  TIMES_RE,
  TITLES,
  TOPIC_MARKER_RE,
} from './lexicon';
import {
  FAR_TOO_LONG_WORDS,
  MAX_FINDINGS_PER_RULE,
  MAX_SESSIONS,
  MAX_TOPICS,
  MAX_WORDS,
  type CheckContext,
  type CheckResult,
  type Finding,
  type Replacement,
  type RuleId,
} from './rules';
import { finish } from './score';
import { findGreeting, isTopic, splitSentences, TopicSplit, type Greeting, type Sentence, type Sentences } from './sentences';
import {
  containsLoosely,
  eachMatch,
  firstLine,
  fold,
  isClosingOrSpace,
  isSpace,
  isWordJoiner,
  joinWords,
  leadingSpace,
  letterAt,
  nameMatches,
  numberWord,
  parseCount,
  skillNamedIn,
  styledNumber,
  trimSpan,
  wordsAllIn,
  type Span,
} from './text';

// Quick fixes: a fix never writes a "[placeholder]" (that would be a new error). Where the journal does not say, the
// one default is the method's own count, "three sessions" ("three is a good start"). Where there is no sound default
// (a time frame: the person's schedule; the topics; what you saw; what you are working on; the person's name), a
// finding says what to write in its `fix` and offers no replacement.

/** Words that name no topic ("frontend stuff", "everything", "leadership in general"). */
const VAGUE_TOPIC_WORDS = new Set(['stuff', 'things', 'thing', 'everything', 'anything', 'general', 'topics', 'topic', 'it', 'this', 'that', 'them', 'lot', 'bit', 'some', 'more']);
/** A single topic of at most this many words that all name the skill is the skill itself, not a topic. */
const SKILL_RESTATED_MAX_WORDS = 3;

interface Count extends Span {
  /** The number itself (for replacing it). */
  num: Span;
  /** null: vague ("a few"). */
  value: number | null;
  numeric: boolean;
  /** Written as "twice" or "three times" (and `num` spans the whole of it). */
  times?: true;
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
  /** The ask's sentence index, or -1: topics and the time frame belong to the ask and what follows it. */
  private readonly askIndex: number;
  /** What open-ended replacements already put in, so the same words are not offered twice. */
  private offers = { sessions: false, timeframe: false, topics: false };
  private countsCache: Count[] | undefined;
  private contextCache: Sentence | null | undefined;
  private foldedCache: string | undefined;
  private beforeAskCache: string | undefined;
  private timeframeCache: boolean | undefined;
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
    this.askIndex = ask;
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

  /**
   * Offset just before the ask's closing punctuation ("…with me|?"), where a missing count, time frame or topics are
   * inserted; undefined without an ask, or when the ask still holds a placeholder: it stands for what is missing, and
   * "over the next six weeks over [time frame]" would not read.
   */
  private askInsertPoint(): number | undefined {
    if (!this.ask || this.sentences.hasPlaceholder(this.askIndex)) return undefined;
    let end = this.ask.end;
    while (end > this.ask.start && isClosingOrSpace(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  private firstBodyStart(): number {
    return this.sentences.starts[0] ?? this.greeting.bodyStart;
  }

  /** The planned number of sessions, else the person's usual number, else the method's "three is a good start". */
  private sessionCount(): number {
    return this.ctx.sessions ?? this.ctx.defaultSessions ?? DEFAULT_SESSIONS;
  }

  private sessionsPhrase(): string {
    const n = this.sessionCount();
    return `${numberWord(n)} session${n === 1 ? '' : 's'}`;
  }

  /** The planned time frame, or undefined: a time frame has no default. */
  private timeframePhrase(): string | undefined {
    return this.ctx.timeframe;
  }

  /** The planned topics, or undefined: topics have no default. */
  private topicsPhrase(): string | undefined {
    const topics = this.ctx.topics;
    return topics && topics.length >= 2 ? joinWords(topics) : undefined;
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
    if (g.impersonal && g.generic) {
      this.add({
        id: 'greeting',
        severity: 'error',
        message: want
          ? `The request is addressed to nobody in particular, not to ${want}: it reads like a form letter.`
          : 'The request is addressed to nobody in particular: it reads like a form letter.',
        fix: `Greet the person by name: "Dear ${nameText},".`,
        range: { start: g.generic.start, end: g.generic.end },
        ...(first === undefined
          ? {}
          : { replacement: { range: { start: g.generic.start, end: g.generic.end }, text: g.word ? first : `Dear ${first}` } }),
      });
      return;
    }
    if ((!g.word && !g.name) || (g.nameOnly && want && !nameMatches(this.slice(g.name!), want))) {
      const at = leadingSpace(this.text);
      this.add({
        id: 'greeting',
        severity: 'warning',
        message: want ? `The request does not open by greeting ${want} by name.` : 'The request does not open with a greeting by name.',
        fix: `Start with "Hi ${nameText},".`,
        range: firstLine(this.text),
        ...(first === undefined ? {} : { replacement: { range: { start: at, end: at }, text: `Hi ${first},\n\n` } }),
      });
      return;
    }
    if (!g.name) {
      const where = g.generic ?? g.word!;
      let replacement: Replacement | undefined;
      if (first !== undefined) {
        replacement = g.generic
          ? { range: { start: g.generic.start, end: g.generic.end }, text: first }
          : { range: { start: g.word!.end, end: g.word!.end }, text: ` ${first}` };
      }
      this.add({
        id: 'greeting',
        severity: 'warning',
        message: want ? `The greeting does not use ${want}'s name.` : 'The greeting does not use the person\'s name.',
        fix: `Greet them by name: "Hi ${nameText},".`,
        range: { start: where.start, end: where.end },
        ...(replacement ? { replacement } : {}),
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
      ...(this.ctx.aspiration === undefined ? {} : { replacement: { range: { start: at, end: at }, text: `I am working on ${this.ctx.aspiration}. ` } }),
    });
  }

  private checkSkill(): void {
    const skill = this.ctx.skillName;
    if (skill !== undefined ? skillNamedIn(this.folded(), skill) : this.sentences.firstWithSkillPhrase() >= 0) return;
    const contextSentence = this.contextSentence();
    const insertAt = contextSentence ? contextSentence.end : this.firstBodyStart();
    const sentence = `I've identified that I need further expertise in the area of ${skill !== undefined ? skill.toLowerCase() : 'financial acumen'}.`;
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
      ...(skill === undefined ? {} : { replacement: { range: { start: insertAt, end: insertAt }, text: contextSentence ? ` ${sentence}` : `${sentence} ` } }),
    });
  }

  private checkEvidence(): void {
    for (let k = 0; k < this.sentences.length; k++) if (this.sentences.hasEvidence(k)) return;
    if (this.ctx.evidence && containsLoosely(this.folded(), this.ctx.evidence)) return;
    const ev = this.ctx.evidence;
    const at = this.ask?.start;
    this.add({
      id: 'no-evidence',
      severity: 'warning',
      message: 'The request does not say what you have seen this person do.',
      fix: 'Add what shows their skill, for example: "I\'ve seen you present at the All Hands meeting, and you tell a compelling story about the financials." (or what someone told you they did: "Terry tells me you rebuilt…").',
      range: this.anchor(),
      ...(at === undefined || ev === undefined ? {} : { replacement: { range: { start: at, end: at }, text: `${/[.!?]$/.test(ev) ? ev : `${ev}.`} ` } }),
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
        MENTOR_NOUN_AFTER_RE.lastIndex = end;
        if (MENTOR_ADJECTIVE_AFTER_RE.test(this.text)) {
          let after = end;
          while (this.text[after] === ' ' || this.text[after] === '\t') after++;
          replacement = { range: { start, end: after }, text: '' };
        } else if (!MENTOR_VERB_AFTER_RE.test(this.text) && !MENTOR_NOUN_AFTER_RE.test(this.text)) {
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
          case 'role-ing':
            // Only an ask for the role reads as an ask for sessions: "would you be my mentor" → "would you spend three
            // sessions with me"; not a compliment ("you would be a great mentor") or "be your mentee".
            if (this.asksForRole(m.index, m[0])) {
              text = `${rule.kind === 'role' ? 'spend' : 'spending'} ${this.sessionsPhrase()} with me`;
              this.offers.sessions = true;
            }
            fix = 'Ask for a fixed number of sessions instead of a role.';
            break;
          case 'brain': {
            const topics = this.topicsPhrase();
            if (topics !== undefined) {
              text = `ask you about ${topics}`;
              this.offers.topics = true;
            }
            fix = 'Say which topics you want to ask about.';
            break;
          }
          case 'whenever':
            text = this.timeframePhrase();
            if (text !== undefined) this.offers.timeframe = true;
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

  /** Whether the role phrase at `index` is what the ask asks for ("would you be my mentor?", "mentoring me"). */
  private asksForRole(index: number, phrase: string): boolean {
    const k = this.sentences.indexAt(index);
    if (k < 0 || !this.sentences.isAsk(k)) return false;
    return !/mentee|\byour\b/iu.test(phrase);
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
      counts.push({ start: m.index, end: m.index + m[0].length, num: { start: m.index, end: m.index + raw.length }, value, numeric: true, times: true });
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
      this.checkRecurring();
      const vague = counts[0];
      if (vague) {
        // "A few sessions over the next month" is bounded by its time frame; "a few sessions at some point" by nothing.
        const bounded = this.hasTimeframe();
        this.add({
          id: 'no-sessions',
          severity: bounded ? 'warning' : 'error',
          message: bounded
            ? 'The request does not say exactly how many sessions.'
            : 'The request says neither exactly how many sessions nor by when: the ask has no end.',
          fix: 'Say exactly how many: "three sessions" is a good start.',
          range: { start: vague.start, end: vague.end },
          replacement: { range: vague.num, text: numberWord(this.sessionCount()) },
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
        severity: 'error',
        message: `${tooMany.value} sessions is a big commitment to ask of a busy person.`,
        fix: `Ask for at most ${numberWord(MAX_SESSIONS)} — three is a good start; you can always ask for more later.`,
        range: { start: tooMany.start, end: tooMany.end },
        replacement: { range: tooMany.num, text: this.countText(tooMany, this.sessionCount()) },
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
          replacement: { range: c.num, text: this.countText(c, n) },
        });
      }
    }
  }

  /** `n` in place of the count `c`, written the same way: "Three" for "Four", "twice" or "four times" for "three times". */
  private countText(c: Count, n: number): string {
    const raw = this.slice(c.num);
    if (!c.times) return styledNumber(n, raw);
    const text = n === 1 ? 'once' : n === 2 ? 'twice' : `${styledNumber(n, raw.replace(/^twice/iu, 'two'))} times`;
    return /^\p{Lu}/u.test(raw) ? text[0]!.toUpperCase() + text.slice(1) : text;
  }

  /**
   * With no fixed count, a recurring meeting ("weekly", "every Monday", "a monthly 1:1") in the ask or after it has
   * no end. (With a count, "six sessions, one every two weeks", the count bounds it.)
   */
  private checkRecurring(): void {
    if (this.askIndex < 0) return;
    for (const m of eachMatch(RECURRING_RE, this.text, this.ask!.start)) {
      if (this.isFull('open-ended')) break;
      this.add({
        id: 'open-ended',
        severity: 'error',
        message: 'This phrase asks for a recurring meeting with no end.',
        fix: 'Ask for a fixed number of sessions (three is a good start) within a time frame instead.',
        range: { start: m.index, end: m.index + m[0].length },
      });
    }
  }

  /** "spend some time with me" → "spend three sessions with me". */
  private replaceSomeTime(): Replacement | undefined {
    if (!this.ask) return undefined;
    const m = /(?<![\p{L}])(?:some|a\s+little(?:\s+bit\s+of)?|a\s+bit\s+of)(?:\s+of\s+your)?\s+time(?![\p{L}])/iu.exec(this.slice(this.ask));
    if (!m) return undefined;
    const start = this.ask.start + m.index;
    return { range: { start, end: start + m[0].length }, text: this.sessionsPhrase() };
  }

  /** The time frame of the sessions: in the ask or after it ("I'm joining the rotation next month" is no time frame). */
  private hasTimeframe(): boolean {
    if (this.timeframeCache === undefined) {
      TIMEFRAME_RE.lastIndex = this.ask?.start ?? 0;
      this.timeframeCache = TIMEFRAME_RE.test(this.text);
      TIMEFRAME_RE.lastIndex = 0;
    }
    return this.timeframeCache;
  }

  private checkTimeframe(): void {
    if (this.hasTimeframe()) return;
    let at: number | undefined;
    const count = this.findCounts().find((c) => c.value !== null);
    if (count && !this.sentences.hasPlaceholder(this.askIndex)) {
      const m = /^\s+with\s+(?:me|us)(?![\p{L}])/iu.exec(this.text.slice(count.end, count.end + 40));
      at = m ? count.end + m[0].length : count.end;
    } else {
      at = this.askInsertPoint();
    }
    const timeframe = this.timeframePhrase();
    const offer = !this.offers.timeframe && at !== undefined && timeframe !== undefined;
    this.add({
      id: 'no-timeframe',
      severity: 'warning',
      message: 'The request gives no time frame.',
      fix: 'Add one: "over the next six weeks", "this quarter", "by the end of March".',
      range: this.anchor(),
      ...(offer ? { replacement: { range: { start: at!, end: at! }, text: ` ${timeframe}` } } : {}),
    });
  }

  /**
   * The topics: a list after a marker ("focusing on A, B, and C") or a bulleted list, in the ask or after it — a list
   * in what you saw them do ("including calming the channel, updating…") names no topic. Two to MAX_TOPICS are
   * enough; one is a warning; none (or only the skill itself, or only placeholders) is an error.
   */
  private checkTopics(): void {
    const sentences = this.sentences;
    const askIndex = this.askIndex;
    const from = this.ask?.start ?? 0;
    const bullets = this.countBullets(from);
    if (bullets > MAX_TOPICS) return this.tooManyTopics(this.anchor());
    if (bullets >= 2) return;

    // Each marker's topics are the pieces of the rest of its sentence (its "tail"), split at commas, "and" and the
    // like. A long sentence can hold thousands of markers: `split` would scan the rest of the sentence for every one
    // of them, so the pieces are found once per sentence (TopicSplit) and every marker takes those after it.
    let best: { items: string[]; tailEnd: number; tailStart: number; sentence: number } | undefined;
    let split: TopicSplit | undefined;
    let continuation: string[] | undefined;
    for (const m of eachMatch(TOPIC_MARKER_RE, this.text, from)) {
      const markerEnd = m.index + m[0].length;
      const sentence = sentences.indexAt(m.index);
      if (sentence < 0 || sentence < askIndex) continue;
      const isAsk = sentences.isAsk(sentence);
      // "about" and "on" are everywhere ("excited about"); they only introduce topics in the ask. What you saw them do
      // after the ask ("P.S. I loved your talk on A, B and C") names no topic either.
      if ((ASK_ONLY_MARKERS.has(m[0].toLowerCase()) && !isAsk) || (!isAsk && sentences.hasEvidence(sentence))) continue;
      const sentenceEnd = sentences.ends[sentence]!;
      if (split?.sentence !== sentence) {
        let end = sentenceEnd;
        let c: number;
        // The sentence's closing punctuation goes, but not a "]": it closes a placeholder ("…and [topic 3]?").
        while (end > sentences.starts[sentence]! && ((isClosingOrSpace((c = this.text.charCodeAt(end - 1))) && c !== 93) || c === 58)) end--;
        split = new TopicSplit(this.text, sentence, markerEnd, end);
        continuation = undefined;
      }
      // Past the last word of the sentence, the tail is empty (and ends at the marker).
      const tailEnd = Math.max(markerEnd, split.end);
      const items = split.itemsFrom(markerEnd, MAX_TOPICS + 1);
      // "…focusing on our reports? How you tell the story? And what I should do next?" (the source's own punctuation).
      if (this.text[sentenceEnd - 1] === '?' && items.length <= MAX_TOPICS) {
        continuation ??= this.questionContinuation(sentence);
        items.push(...continuation.slice(0, MAX_TOPICS + 1 - items.length));
      }
      if (items.length > MAX_TOPICS) return this.tooManyTopics({ start: sentences.starts[sentence]!, end: sentenceEnd });
      if (items.length >= 2) return;
      if (!best || items.length > best.items.length) best = { items, tailStart: markerEnd, tailEnd, sentence };
    }

    const one = best?.items.length === 1 ? best.items[0]! : undefined;
    const fallback = one !== undefined && /^\s*the topics we agree on\s*$/iu.test(one);
    const restated = one !== undefined && !fallback && this.restatesSkill(one);
    const none = one === undefined || fallback || restated;
    const topics = this.topicsPhrase();
    let replacement: Replacement | undefined;
    if (best && fallback && topics !== undefined) {
      replacement = { range: trimSpan(this.text, { start: best.tailStart, end: best.tailEnd }), text: topics };
    } else if (one === undefined && !this.offers.topics && topics !== undefined) {
      const at = this.askInsertPoint();
      if (at !== undefined) replacement = { range: { start: at, end: at }, text: `, focusing on ${topics}` };
    }
    this.add({
      id: 'few-topics',
      severity: none ? 'error' : 'warning',
      message: restated
        ? 'The only topic the request names is the skill itself: the person cannot tell what you want to learn about it.'
        : none
          ? 'The request does not name any concrete topic: the person cannot tell what the sessions are for.'
          : 'The request names only one focus topic.',
      fix: 'Name two or three topics: "focusing on reading our financial reports, turning numbers into a story, and what I should do next".',
      range: best ? { start: sentences.starts[best.sentence]!, end: sentences.ends[best.sentence]! } : this.anchor(),
      ...(replacement ? { replacement } : {}),
    });
  }

  private tooManyTopics(range: Span): void {
    this.add({
      id: 'too-many-topics',
      severity: 'error',
      message: `The request names more than ${numberWord(MAX_TOPICS)} topics: more than a few sessions can cover, and more than one skill.`,
      fix: 'Keep the two or three that matter most; you can ask about the rest later.',
      range,
    });
  }

  /**
   * How many bullet lines (with a topic, not just a placeholder) the first bulleted list from `from` on has, counted
   * up to MAX_TOPICS + 1. The list ends at the first line that is neither a bullet nor blank.
   */
  private countBullets(from: number): number {
    const text = this.text;
    let n = 0;
    let lineEnd = -1;
    for (const m of eachMatch(BULLET_LINE_RE, text, from)) {
      if (lineEnd >= 0) {
        let i = lineEnd;
        while (i < m.index && isSpace(text.charCodeAt(i))) i++;
        if (i < m.index) break;
      }
      const nl = text.indexOf('\n', m.index);
      lineEnd = nl < 0 ? text.length : nl;
      BULLET_AT_RE.lastIndex = m.index;
      const itemStart = BULLET_AT_RE.test(text) ? BULLET_AT_RE.lastIndex : m.index;
      if (isTopic(text.slice(itemStart, lineEnd)) && ++n > MAX_TOPICS) break;
    }
    BULLET_AT_RE.lastIndex = 0;
    return n;
  }

  /**
   * Whether a single topic is only the skill again ("to talk about negotiation" for Negotiation; without a known
   * skill, "two calls about hiring" after "I'm getting better at hiring"), or names nothing ("frontend stuff",
   * "everything"): a few words, each in the skill's name (or, without one, already said before the ask).
   */
  private restatesSkill(topic: string): boolean {
    // With the skill known, its name alone decides; else what was said before the ask stands in for it.
    const skill = this.ctx.skillName;
    const body = skill !== undefined ? fold(skill) : (this.beforeAskCache ??= fold(this.text.slice(0, this.ask?.start ?? 0)));
    return wordsAllIn(body, topic, VAGUE_TOPIC_WORDS, SKILL_RESTATED_MAX_WORDS) === true;
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
    // Words (see "A word" in text.ts), counted by hand: a long text has hundreds of thousands, a regular-expression run each.
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
      const far = count > FAR_TOO_LONG_WORDS;
      this.add({
        id: 'too-long',
        severity: far ? 'error' : 'warning',
        message: far
          ? `The request is ${count} words long: the ask is buried, and busy people say yes to short requests.`
          : `The request is ${count} words long; busy people say yes to short requests.`,
        fix: `Cut it to at most ${MAX_WORDS} words: what you are working on, the skill, what you saw, and the ask.`,
        range: trimSpan(this.text, { start: overStart, end: this.text.length }),
      });
    }
    return count;
  }
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
  if (isSessionCount(c.sessions)) out.sessions = c.sessions;
  if (isSessionCount(c.defaultSessions)) out.defaultSessions = c.defaultSessions;
  if (Array.isArray(c.topics)) {
    const topics = c.topics.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
    if (topics.length) out.topics = topics;
  }
  return out;
}
