import * as assert from 'node:assert/strict';
import type { Journal } from '../../../src/domain/journal';
import { journalToMarkdown, mdText } from '../../../src/domain/report';
import { logAdvocacy } from '../../../src/domain/sponsors';
import { attempt, terryJournal } from '../../support/journals';
import { UNSAFE_CHAR } from '../support/unsafeText';

const OPTIONS = { today: '2026-11-26', nudgeAfterDays: 7 };

/** The text of one `## ` section, up to the next `## ` heading. */
function section(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `no section "${title}"`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

/** Terry (inside, sponsor with two advocacy entries) and Robin (outside, referred by Terry); one attempt per status group used. */
function fullJournal(): Journal {
  const j = terryJournal([
    attempt({
      id: 'a1',
      status: 'accepted',
      sessionsDone: 1,
      events: [
        { at: '2026-11-02T10:00:00.000Z', kind: 'created', detail: '' },
        { at: '2026-11-03T10:00:00.000Z', kind: 'sent', detail: '' },
        { at: '2026-11-05T10:00:00.000Z', kind: 'response', detail: 'yes' },
        { at: '2026-11-19T10:00:00.000Z', kind: 'session', detail: 'Read the P&L together' },
      ],
    }),
    attempt({
      id: 'a2',
      personId: 'p2',
      skillId: 's2',
      status: 'deferred',
      askAgainOn: '2027-01-15',
      text: '',
      events: [
        { at: '2026-11-02T10:00:00.000Z', kind: 'created', detail: '' },
        { at: '2026-11-03T10:00:00.000Z', kind: 'sent', detail: '' },
        { at: '2026-11-10T10:00:00.000Z', kind: 'response', detail: 'no' },
        { at: '2026-11-11T10:00:00.000Z', kind: 'follow-up', detail: 'later', text: 'Hi Robin,\nIs it a busy time?\n\nThanks' },
        { at: '2026-11-12T10:00:00.000Z', kind: 'response', detail: 'later: 2027-01-15' },
      ],
    }),
    attempt({ id: 'a3', personId: 'p2', status: 'draft', text: '' }),
  ]);
  j.people[1]!.skillIds = ['s1', 's2'];
  let next = logAdvocacy(j, 'p1', 'Recommended me for the Q3 planning lead', new Date('2026-11-20T10:00:00Z'));
  assert.ok(next.ok);
  next = logAdvocacy(next.value.journal, 'p1', 'Named me in the leadership review', new Date('2026-11-24T10:00:00Z'));
  assert.ok(next.ok);
  return next.value.journal;
}

describe('Markdown report', () => {
  it('has the aspiration, the assessment, people and attempts with their history', () => {
    const md = journalToMarkdown(terryJournal([attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'sent', detail: 'by e-mail' }] })]), OPTIONS);
    assert.match(md, /^# Mentoring Outreach journal/);
    assert.match(md, /I am working on developing my leadership skills\./);
    // Changed with issue 5: the assessment table gained Priority and Rank columns (before: "| Financial acumen | 2 | 5 | yes |").
    assert.match(md, /\| Financial acumen \| 2 \| 5 \| 15 \| 1 \| yes \|/);
    assert.match(md, /\*\*Terry\*\* \(inside, senior\)/);
    assert.match(md, /### Terry — Financial acumen/);
    assert.match(md, /\| 20 Nov 2026 \| sent \| by e-mail \|/);
  });

  it('has the sections in order: title and date, aspiration, assessment, portfolio, people, attempts, sponsors', () => {
    const md = journalToMarkdown(fullJournal(), OPTIONS);
    assert.match(md, /^# Mentoring Outreach journal\n\n_Exported 26 Nov 2026_\n/);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## Aspiration', '## Skill assessment', '## Portfolio', '## People', '## Outreach attempts', '## Sponsors']);
  });

  it('ranks the assessment table, marks the focus, and names it', () => {
    const j = fullJournal();
    j.skills.push({ id: 's3', name: 'Negotiation', current: 1, importance: 5, notes: '' });
    const s = section(journalToMarkdown(j, OPTIONS), 'Skill assessment');
    assert.match(s, /\| Skill \| Current \(1–5\) \| Importance \(1–5\) \| Priority \(0–20\) \| Rank \| Focus \|/);
    const rows = s.split('\n').filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| Skill'));
    assert.deepEqual(rows, ['| Negotiation | 1 | 5 | 20 | 1 |  |', '| Financial acumen | 2 | 5 | 15 | 2 | yes |', '| Public speaking | 3 | 3 | 6 | 3 |  |']);
    assert.match(s, /Focus: \*\*Financial acumen\*\*/);
    assert.match(section(journalToMarkdown({ ...j, focusSkillId: null }, OPTIONS), 'Skill assessment'), /_No focus area chosen yet\._/);
  });

  it('shows a level not rated yet as "—", not as the placeholder 3 (issue 11, item 11)', () => {
    const j = fullJournal();
    j.skills.push({ id: 's3', name: 'Negotiation', current: 3, importance: 3, notes: '', unrated: ['current', 'importance'] } as (typeof j.skills)[number]);
    j.skills.push({ id: 's4', name: 'Hiring', current: 2, importance: 3, notes: '', unrated: ['importance'] } as (typeof j.skills)[number]);
    const s = section(journalToMarkdown(j, OPTIONS), 'Skill assessment');
    const rows = s.split('\n').filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| Skill'));
    assert.deepEqual(rows.slice(-2), ['| Negotiation | — | — | — | 3 |  |', '| Hiring | 2 | — | — | 4 |  |']);
    assert.match(s, /— not rated yet: such areas rank after every rated one\./);
    assert.doesNotMatch(section(journalToMarkdown(fullJournal(), OPTIONS), 'Skill assessment'), /not rated yet/);
  });

  it('shows the portfolio per skill, the focus first, with warnings', () => {
    const s = section(journalToMarkdown(fullJournal(), OPTIONS), 'Portfolio');
    assert.match(s, /\| Skill \| Identified \| Inside \| Outside \| Asked \| Said yes \| Sponsors \|/);
    assert.match(s, /\| Financial acumen \(focus\) \| 2: Terry, Robin Okafor \| 1 \| 1 \| 1: Terry \| 1: Terry \| 1: Terry \|/);
    assert.match(s, /\| Public speaking \| 1: Robin Okafor \| 0 \| 1 \| 1: Robin Okafor \| 0 \| 0 \|/);
    assert.doesNotMatch(s, /Watch out/, 'two people, inside and outside: no warning');

    const lonely = section(journalToMarkdown(terryJournal(), OPTIONS), 'Portfolio');
    assert.match(lonely, /\*\*Watch out:\*\*\n\n- Only one person for Financial acumen so far \(Terry\): don't rely on one mentor/);
  });

  it('lists people with org, seniority, sponsor, skills, evidence and who referred them', () => {
    const s = section(journalToMarkdown(fullJournal(), OPTIONS), 'People');
    assert.match(s, /- \*\*Terry\*\* \(inside, senior, sponsor\) — Financial acumen\n {2}- Seen: I've seen you present at the All Hands meeting\./);
    assert.match(s, /- \*\*Robin Okafor\*\* \(outside, peer\) — Financial acumen, Public speaking\n {2}- Referred by Terry/);
  });

  it('groups attempts by status with the ask, plan, history and follow-up texts', () => {
    const s = section(journalToMarkdown(fullJournal(), OPTIONS), 'Outreach attempts');
    const groups = s.split('\n').filter((l) => l.startsWith('### '));
    assert.deepEqual(groups, ['### Accepted — sessions in progress (1)', '### Deferred — ask again later (1)', '### Drafts — not sent yet (1)']);
    assert.match(s, /#### Terry — Financial acumen\n\n- Status: accepted \(1\/3 sessions\)/);
    assert.match(s, /- Sessions done: 1 of 3\n {2}- Session 1: reading our financial reports — done\n {2}- Session 2: turning numbers into a story\n {2}- Session 3: open questions and review\n/);
    assert.match(s, /\| 19 Nov 2026 \| session \| Read the P&amp;L together \|/);
    assert.match(s, /#### Robin Okafor — Public speaking\n\n- Status: deferred \(ask again on 15 Jan 2027\)\n- Ask again on: 15 Jan 2027/);
    assert.match(s, /\| 11 Nov 2026 \| follow-up sent \| later \|/);
    assert.match(s, /\*\*Follow-up \(later\) sent 11 Nov 2026:\*\*\n\n> Hi Robin,\n> Is it a busy time\?\n>\n> Thanks\n/);
    assert.match(s, /\*\*Request:\*\*\n\n> Hi Terry, I am working on/);
  });

  it('says drafted for a follow-up not sent yet, and sent once it is; a status is never repeated (issue 11, items 6 and 12)', () => {
    const j = terryJournal([
      attempt({
        id: 'a1',
        status: 'sent',
        events: [
          { at: '2026-11-10T10:00:00.000Z', kind: 'sent', detail: '' },
          { at: '2026-11-20T10:00:00.000Z', kind: 'follow-up-draft', detail: 'nudge', text: 'Hi Terry,\nA first nudge.' },
          { at: '2026-11-20T11:00:00.000Z', kind: 'follow-up', detail: 'nudge', text: 'Hi Terry,\nA first nudge.' },
          { at: '2026-11-25T10:00:00.000Z', kind: 'follow-up-draft', detail: 'nudge', text: 'Hi Terry,\nA second nudge.' },
        ],
      }),
      attempt({ id: 'w1', status: 'withdrawn', personId: 'p2', skillId: 's2' }),
      attempt({ id: 'c1', status: 'completed', sessionsDone: 3 }),
      attempt({ id: 'n1', status: 'declined', events: [{ at: '2026-11-21T10:00:00.000Z', kind: 'response', detail: 'no' }] }),
    ]);
    const s = section(journalToMarkdown(j, OPTIONS), 'Outreach attempts');
    assert.match(s, /\| 20 Nov 2026 \| follow-up drafted \| nudge \|\n\| 20 Nov 2026 \| follow-up sent \| nudge \|\n\| 25 Nov 2026 \| follow-up drafted \| nudge \|/);
    assert.match(s, /\*\*Follow-up \(nudge\) sent 20 Nov 2026:\*\*\n\n> Hi Terry,\n> A first nudge\./);
    assert.match(s, /\*\*Follow-up \(nudge\) drafted 25 Nov 2026, not sent yet:\*\*\n\n> Hi Terry,\n> A second nudge\./);
    assert.equal(s.match(/A first nudge/g)?.length, 1, 'the draft that was sent is quoted once, as sent');
    assert.doesNotMatch(s, /Follow-up \(later\) sent/);
    assert.match(s, /- Status: sent \(followed up 6 days ago · nudge drafted\)/);
    assert.match(s, /- Status: withdrawn\n/);
    assert.match(s, /- Status: completed \(3\/3 sessions done\)/);
    assert.match(s, /- Status: declined \(ask: later\? anyone else\?\)/);
    assert.doesNotMatch(s, /declined \(declined\)|withdrawn \(withdrawn\)|completed \(completed/);
  });

  it('has a Sponsors section with each sponsor and their advocacy log', () => {
    const s = section(journalToMarkdown(fullJournal(), OPTIONS), 'Sponsors');
    assert.match(s, /### Terry \(inside, senior, sponsor\)\n\n\| When \| What they did for me \|\n\|---\|---\|\n\| 20 Nov 2026 \| Recommended me for the Q3 planning lead \|\n\| 24 Nov 2026 \| Named me in the leadership review \|/);
    assert.doesNotMatch(s, /Robin/);

    const j = terryJournal();
    j.people[1]!.sponsor = true;
    j.people[1]!.advocacy = 'not a list';
    const marked = section(journalToMarkdown(j, OPTIONS), 'Sponsors');
    assert.match(marked, /### Robin Okafor \(outside, peer, sponsor\)\n\n_No advocacy logged yet\._/);
    assert.match(section(journalToMarkdown(terryJournal(), OPTIONS), 'Sponsors'), /_No sponsors yet\. Mentors can become sponsors/);
  });

  it('shows hostile text as text: no HTML, no links, no table breaks', () => {
    const j = terryJournal();
    j.people[0]!.name = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) | **bold**';
    const md = journalToMarkdown(j, OPTIONS);
    assert.ok(!md.includes('<img'));
    assert.ok(!/(^|[^\\])\]\(javascript/.test(md), 'no link: its bracket is escaped');
    assert.ok(md.includes('\\[click\\](javascript'), 'the brackets are escaped, so it reads as text');
    assert.equal(mdText('a|b'), 'a\\|b');
    assert.equal(mdText('line1\nline2'), 'line1 line2');
    assert.equal(mdText('<script>'), '&lt;script&gt;');
  });

  it('escapes Markdown metacharacters, leading headings and list markers, and entities', () => {
    assert.equal(mdText('# not a heading'), '\\# not a heading');
    assert.equal(mdText('1. not a list'), '1\\. not a list');
    assert.equal(mdText('- not a list'), '\\- not a list');
    assert.equal(mdText('+ not a list'), '\\+ not a list');
    assert.equal(mdText('*a* _b_ `c` [d] ~e~'), '\\*a\\* \\_b\\_ \\`c\\` \\[d\\] \\~e\\~');
    assert.equal(mdText('&lt;b&gt; &amp;'), '&amp;lt;b&amp;gt; &amp;amp;', 'entities stay as typed');
    assert.equal(mdText('a\r\nb\rc\nd'), 'a b c d');
    assert.equal(mdText('C:\\path'), 'C:\\\\path');
    assert.equal(mdText('==='), '\\===', 'no setext heading underline');
    assert.equal(mdText("I've asked for three 45-minute sessions (on 2 topics)!"), "I've asked for three 45-minute sessions (on 2 topics)!", 'only what would be markup is escaped');
  });

  it('keeps hostile text as text in every section: tables stay intact and nothing is markup', () => {
    const evil = '<b>x</b> | [a](javascript:1) `c` **d**\n# H\n| --- |';
    const j = fullJournal();
    j.aspiration = evil;
    j.skills[0]!.name = evil;
    j.people[0]!.name = evil;
    j.people[0]!.evidence = evil;
    j.attempts[0]!.text = `${evil}\n1. item\n> quote`;
    j.attempts[0]!.ask = { ...j.attempts[0]!.ask, timeframe: evil, topics: [evil] };
    j.attempts[0]!.events.push({ at: '2026-11-25T10:00:00.000Z', kind: 'follow-up', detail: evil, text: evil });
    const logged = logAdvocacy(j, 'p1', evil, new Date('2026-11-25T10:00:00Z'));
    assert.ok(logged.ok);
    const md = journalToMarkdown(logged.value.journal, OPTIONS);
    assert.ok(!/<[a-z/]/i.test(md), 'no HTML tag');
    assert.ok(!/(^|[^\\])\]\(/.test(md), 'no inline link');
    assert.ok(!/(^|[^\\])`/.test(md), 'no unescaped backtick');
    assert.ok(!/(^|[^\\])\*\*d/.test(md), 'no bold from user text');
    const cellsOf = (row: string) => row.replace(/\\\|/g, '').split('|').length - 2;
    let columns = 0;
    for (const line of md.split('\n')) {
      if (/^#{1,6} /.test(line)) assert.doesNotMatch(line, /^#+ (\\#|H)/, `a heading from user text: ${line}`);
      assert.doesNotMatch(line, /^(> )?H$/, 'a user line break became a line');
      assert.doesNotMatch(line, /^(> )?1\. item/, 'a user line became a list item');
      if (!line.startsWith('|')) columns = 0;
      else if (columns === 0) columns = cellsOf(line);
      else assert.equal(cellsOf(line), columns, `a table row has the wrong number of cells: ${line}`);
    }
  });

  it('shows bidirectional overrides and control characters as <U+XXXX> in every section; the journal keeps them', () => {
    const sneaky = 'Terry\u202Egnp.exe\u0000\u000B\u2066x\u2069\u0085';
    const j = fullJournal();
    j.aspiration = sneaky;
    j.skills[0]!.name = sneaky;
    j.people[0]!.name = sneaky;
    j.people[0]!.evidence = sneaky;
    j.attempts[0]!.text = `${sneaky}\nline two \u202D`;
    j.attempts[0]!.ask = { ...j.attempts[0]!.ask, timeframe: sneaky, topics: [sneaky] };
    j.attempts[0]!.events.push({ at: '2026-11-25T10:00:00.000Z', kind: 'follow-up', detail: sneaky, text: sneaky });
    const logged = logAdvocacy(j, 'p1', sneaky, new Date('2026-11-25T10:00:00Z'));
    assert.ok(logged.ok);
    const before = JSON.stringify(logged.value.journal);
    const md = journalToMarkdown(logged.value.journal, OPTIONS);
    assert.doesNotMatch(md, UNSAFE_CHAR);
    assert.ok(md.includes('Terry&lt;U+202E&gt;gnp.exe&lt;U+0000&gt;&lt;U+000B&gt;&lt;U+2066&gt;x&lt;U+2069&gt;&lt;U+0085&gt;'), 'escaped, so it renders as the text <U+202E>');
    assert.equal(mdText('a\u202Eb'), 'a&lt;U+202E&gt;b');
    assert.equal(JSON.stringify(logged.value.journal), before, 'the journal is not changed');
    assert.ok(logged.value.journal.people[0]!.name.includes('\u202E'), 'the stored name keeps the exact text');
  });
});
