/**
 * The readable Markdown report of a journal. Everything the user typed is escaped, so it shows as
 * text in any Markdown renderer — never as markup, links or HTML.
 *
 * Sections, in order: title and date; Aspiration; Skill assessment (a table by rank, the focus
 * marked); Portfolio (per skill area: identified, inside/outside, asked, said yes, sponsors, and the
 * warnings); People; Outreach attempts, grouped by status, each with its ask, request text, session
 * plan, full history and the follow-ups sent; Sponsors, each with their "advocated for me" log.
 */
import { rankSkills, unratedLevels, type RatingLevel } from './assessment';
import { displaySafe } from './displayText';
import type { Attempt, AttemptStatus, Journal, Person } from './journal';
import { describeAttempt, type DueOptions } from './outreach';
import { englishDates, type DateDisplay } from './dates';
import { FOLLOW_UP_DRAFT_EVENT, FOLLOW_UP_SENT_EVENT, pendingFollowUp } from './followUpState';
import { portfolio, portfolioWarnings } from './portfolio';
import { readPlan, spreadTopics } from './sessions';
import { readAdvocacy } from './sponsors';

/**
 * Escapes what Markdown or HTML would read as markup, and only that, so the value renders as the same text
 * inline (in a paragraph, a list item, a heading, a table cell or a quote) and reads naturally in the raw file
 * ("I've", "45-minute" stay as typed). Anywhere: `\` `` ` `` `*` `_` `[` `]` `|` `~` get a backslash and
 * `<` `>` `&` become entities — with `[` escaped, `!`, `(` and `)` cannot form a link or an image. At the start
 * only (where they would begin a heading, a list, a rule or a setext underline): `#` `-` `+` `=` and the dot or
 * parenthesis of a leading number. Line breaks become spaces (a table row and a list item are one line).
 * Bare URLs stay as typed: a GFM renderer may make them clickable, showing the real address.
 * Bidirectional overrides and control characters are first made visible as `<U+202E>` (displaySafe),
 * whose `<` and `>` are then escaped like any other text.
 */
export function mdText(value: string): string {
  return displaySafe(value)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Multi-line text as a block quote, each line escaped; blank lines kept as quote breaks. */
function quote(text: string): string[] {
  return text
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() ? `> ${mdText(line)}` : '>'));
}

/** Status groups, in the order they need attention; each attempt appears under exactly one. */
const STATUS_GROUPS: readonly { status: AttemptStatus; title: string }[] = [
  { status: 'accepted', title: 'Accepted — sessions in progress' },
  { status: 'sent', title: 'Sent — awaiting a reply' },
  { status: 'deferred', title: 'Deferred — ask again later' },
  { status: 'draft', title: 'Drafts — not sent yet' },
  { status: 'completed', title: 'Completed' },
  { status: 'declined', title: 'Declined' },
  { status: 'withdrawn', title: 'Withdrawn' },
];

/**
 * The journal as a Markdown report. Every date in it is written in full with its year (`options.dates`, default
 * English: "22 Dec 2026") — a report is read later, so "22 Dec" alone would not do; the JSON export keeps ISO dates.
 */
export function journalToMarkdown(journal: Journal, given: DueOptions): string {
  const dates = given.dates ?? englishDates;
  const full = (date: string) => dates.full(date);
  const options: ReportOptions = { ...given, dates: { ...dates, short: full }, full };
  const people = new Map(journal.people.map((p) => [p.id, p]));
  const skills = new Map(journal.skills.map((s) => [s.id, s]));
  const out: string[] = ['# Mentoring Outreach journal', '', `_Exported ${full(options.today)}_`, ''];

  out.push('## Aspiration', '', journal.aspiration.trim() ? `I am working on ${mdText(journal.aspiration)}.` : '_Not written yet._', '');

  out.push(...assessmentSection(journal));
  out.push(...portfolioSection(journal));

  out.push('## People', '');
  if (journal.people.length === 0) out.push('_Nobody identified yet._', '');
  for (const p of journal.people) {
    const skillNames = p.skillIds.map((id) => skills.get(id)?.name).filter((n): n is string => !!n);
    const referrer = p.referredBy ? people.get(p.referredBy)?.name : undefined;
    out.push(`- **${mdText(p.name)}** (${personFacts(p)})${skillNames.length ? ` — ${skillNames.map(mdText).join(', ')}` : ''}`);
    if (p.evidence.trim()) out.push(`  - Seen: ${mdText(p.evidence)}`);
    if (referrer) out.push(`  - Referred by ${mdText(referrer)}`);
  }
  if (journal.people.length) out.push('');

  out.push('## Outreach attempts', '');
  if (journal.attempts.length === 0) out.push('_No attempts yet._', '');
  for (const group of STATUS_GROUPS) {
    const attempts = journal.attempts.filter((a) => a.status === group.status);
    if (attempts.length === 0) continue;
    out.push(`### ${group.title} (${attempts.length})`, '');
    for (const a of attempts) out.push(...attemptSection(a, people.get(a.personId)?.name, skills.get(a.skillId)?.name, options));
  }

  out.push(...sponsorsSection(journal, full));
  return out.join('\n');
}

function personFacts(p: Person): string {
  return [p.org, p.seniority, ...(p.sponsor ? ['sponsor'] : [])].join(', ');
}

function assessmentSection(journal: Journal): string[] {
  const out = ['## Skill assessment', ''];
  if (journal.skills.length === 0) return [...out, '_No skills assessed yet._', ''];
  out.push(
    'Priority = importance × (5 − current): what matters most and where you are weakest comes first.',
    '',
    '| Skill | Current (1–5) | Importance (1–5) | Priority (0–20) | Rank | Focus |',
    '|---|---|---|---|---|---|',
  );
  const ranked = rankSkills(journal.skills);
  for (const r of ranked) {
    // A level not rated yet holds a placeholder: shown as "—", never as if the person had chosen it.
    const unrated = unratedLevels(r.skill);
    const cell = (l: RatingLevel) => (unrated.includes(l) ? '—' : String(r.skill[l]));
    out.push(`| ${mdText(r.skill.name)} | ${cell('current')} | ${cell('importance')} | ${r.rated ? r.priority : '—'} | ${r.rank} | ${r.skill.id === journal.focusSkillId ? 'yes' : ''} |`);
  }
  if (ranked.some((r) => !r.rated)) out.push('', '— not rated yet: such areas rank after every rated one.');
  const focus = journal.skills.find((s) => s.id === journal.focusSkillId);
  out.push('', focus ? `Focus: **${mdText(focus.name)}**` : '_No focus area chosen yet._', '');
  return out;
}

function portfolioSection(journal: Journal): string[] {
  const out = ['## Portfolio', ''];
  if (journal.skills.length === 0) return [...out, '_No skill areas yet._', ''];
  const names = (list: readonly Person[]) => (list.length ? `${list.length}: ${list.map((p) => mdText(p.name)).join(', ')}` : '0');
  out.push(
    "Who you have for each area. Don't rely on one mentor: keep some inside your organisation and some outside.",
    '',
    '| Skill | Identified | Inside | Outside | Asked | Said yes | Sponsors |',
    '|---|---|---|---|---|---|---|',
  );
  for (const row of portfolio(journal)) {
    const skill = `${mdText(row.skill.name)}${row.focus ? ' (focus)' : ''}`;
    out.push(`| ${skill} | ${names(row.identified)} | ${row.inside} | ${row.outside} | ${names(row.asked)} | ${names(row.accepted)} | ${names(row.sponsors)} |`);
  }
  out.push('');
  const warnings = portfolioWarnings(journal);
  if (warnings.length) {
    out.push('**Watch out:**', '');
    for (const w of warnings) out.push(`- ${mdText(w)}`);
    out.push('');
  }
  return out;
}

/** Event kinds in the history table, where the stored word would mislead. */
const EVENT_WORDS: ReadonlyMap<string, string> = new Map([
  [FOLLOW_UP_SENT_EVENT, 'follow-up sent'],
  [FOLLOW_UP_DRAFT_EVENT, 'follow-up drafted'],
]);

type ReportOptions = DueOptions & { dates: DateDisplay; full(date: string): string };

// Event dates are their ISO date (`e.at.slice(0, 10)`, the schema and readAdvocacy accept only ISO date-times), written in full.
function attemptSection(a: Attempt, person: string | undefined, skill: string | undefined, options: ReportOptions): string[] {
  const { full } = options;
  const out = [`#### ${mdText(person ?? a.personId)} — ${mdText(skill ?? a.skillId)}`, ''];
  const step = describeAttempt(a, options).nextStep;
  out.push(step === a.status ? `- Status: ${a.status}` : `- Status: ${a.status} (${step})`);
  if (a.status === 'deferred' && a.askAgainOn) out.push(`- Ask again on: ${full(a.askAgainOn)}`);
  out.push(`- Ask: ${a.ask.sessions} session${a.ask.sessions === 1 ? '' : 's'} of ${a.ask.minutesPerSession} minutes${a.ask.timeframe ? `, ${mdText(a.ask.timeframe)}` : ''}`);
  for (const t of a.ask.topics) out.push(`  - ${mdText(t)}`);
  if (a.status === 'accepted' || a.status === 'completed') {
    out.push(`- Sessions done: ${a.sessionsDone} of ${a.ask.sessions}`);
    const plan = readPlan(a)?.map((p) => p.topics) ?? spreadTopics(a.ask.topics, a.ask.sessions);
    plan.forEach((topics, i) => {
      const what = topics.length ? topics.map(mdText).join('; ') : 'open questions and review';
      out.push(`  - Session ${i + 1}: ${what}${i < a.sessionsDone ? ' — done' : ''}`);
    });
  }
  if (a.text.trim()) out.push('', '**Request:**', '', ...quote(a.text));
  if (a.events.length) {
    out.push('', '**History:**', '', '| When | What | Detail |', '|---|---|---|');
    for (const e of a.events) out.push(`| ${full(e.at.slice(0, 10))} | ${mdText(EVENT_WORDS.get(e.kind) ?? e.kind)} | ${mdText(e.detail)} |`);
    // The texts sent, and the follow-up drafted and not sent yet (an older draft was sent, or drafted again).
    const pending = pendingFollowUp(a);
    a.events.forEach((e, i) => {
      const text = typeof e.text === 'string' ? e.text.trim() : '';
      if (!text) return;
      if (e.kind === FOLLOW_UP_DRAFT_EVENT) {
        if (pending?.index !== i) return;
        out.push('', `**Follow-up (${mdText(e.detail)}) drafted ${full(e.at.slice(0, 10))}, not sent yet:**`, '', ...quote(text));
        return;
      }
      const what = e.kind === FOLLOW_UP_SENT_EVENT && e.detail ? `Follow-up (${mdText(e.detail)})` : mdText(e.kind);
      out.push('', `**${what} sent ${full(e.at.slice(0, 10))}:**`, '', ...quote(text));
    });
  }
  out.push('');
  return out;
}

function sponsorsSection(journal: Journal, full: (date: string) => string): string[] {
  const out = ['## Sponsors', ''];
  const sponsors = journal.people.filter((p) => p.sponsor);
  if (sponsors.length === 0) {
    return [...out, '_No sponsors yet. Mentors can become sponsors: when someone speaks up for you, log it._', ''];
  }
  for (const p of sponsors) {
    out.push(`### ${mdText(p.name)} (${personFacts(p)})`, '');
    const log = readAdvocacy(p);
    if (log.length === 0) out.push('_No advocacy logged yet._', '');
    else {
      out.push('| When | What they did for me |', '|---|---|');
      for (const entry of log) out.push(`| ${full(entry.at.slice(0, 10))} | ${mdText(entry.detail)} |`);
      out.push('');
    }
  }
  return out;
}
