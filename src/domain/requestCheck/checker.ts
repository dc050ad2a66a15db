/**
 * checkRequest: each rule's check over one request. The work stays linear in the text's length (index.ts).
 */

import {
  ASK_MODIFIERS_RE,
  BULLET_LINE_RE,
  COFFEE_RE,
  DURATION_NOT_COUNT_AFTER_RE,
  DURATION_RE,
  MENTOR_ADJECTIVE_AFTER_RE,
  MENTOR_RE,
  MENTOR_VERB_AFTER_RE,
  OPEN_ENDED,
  PLACEHOLDER_RE,
  QUESTION_CONTINUATION_RE,
  REQUIRED_WORDS,
  SESSIONS_RE,
  SKILL_PHRASE_RE,
  TIMEFRAME_RE,
  TIMES_RE,
  TITLES,
  TOPIC_MARKER_RE,
} from './lexicon';
import { MAX_FINDINGS_PER_RULE, MAX_SESSIONS, MAX_WORDS, type CheckContext, type CheckResult, type Finding, type Replacement, type RuleId } from './rules';
import { finish } from './score';
import { findGreeting, splitSentences, TopicSplit, type Greeting, type Sentence, type Sentences } from './sentences';
import {
  containsLoosely,
  eachMatch,
  firstLine,
  fold,
  isClosingOrSpace,
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
  type Span,
} from './text';

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
