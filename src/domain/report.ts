/**
 * The readable Markdown report of a journal. Everything the user typed is escaped, so it shows as
 * text in any Markdown renderer — never as markup, links or HTML.
 */
import type { Attempt, Journal } from './journal';
import { describeAttempt, type DueOptions } from './outreach';

/** Escapes Markdown and HTML metacharacters; line breaks become spaces. */
export function mdText(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&"'=-]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

export function journalToMarkdown(journal: Journal, options: DueOptions): string {
  const people = new Map(journal.people.map((p) => [p.id, p]));
  const skills = new Map(journal.skills.map((s) => [s.id, s]));
  const out: string[] = ['# Mentoring Outreach journal', '', `_Exported ${options.today}_`, ''];

  out.push('## Aspiration', '', journal.aspiration.trim() ? `I am working on ${mdText(journal.aspiration)}.` : '_Not written yet._', '');

  out.push('## Skill assessment', '');
  if (journal.skills.length === 0) out.push('_No skills assessed yet._', '');
  else {
    out.push('| Skill | Current (1–5) | Importance (1–5) | Focus |', '|---|---|---|---|');
    for (const s of journal.skills) {
      out.push(`| ${mdText(s.name)} | ${s.current} | ${s.importance} | ${s.id === journal.focusSkillId ? 'yes' : ''} |`);
    }
    out.push('');
  }

  out.push('## People', '');
  if (journal.people.length === 0) out.push('_Nobody identified yet._', '');
  for (const p of journal.people) {
    const skillNames = p.skillIds.map((id) => skills.get(id)?.name).filter((n): n is string => !!n);
    const referrer = p.referredBy ? people.get(p.referredBy)?.name : undefined;
    const facts = [p.org, p.seniority, ...(p.sponsor ? ['sponsor'] : [])].join(', ');
    out.push(`- **${mdText(p.name)}** (${facts})${skillNames.length ? ` — ${skillNames.map(mdText).join(', ')}` : ''}`);
    if (p.evidence.trim()) out.push(`  - Seen: ${mdText(p.evidence)}`);
    if (referrer) out.push(`  - Referred by ${mdText(referrer)}`);
  }
  if (journal.people.length) out.push('');

  out.push('## Outreach attempts', '');
  if (journal.attempts.length === 0) out.push('_No attempts yet._', '');
  for (const a of journal.attempts) out.push(...attemptSection(a, people.get(a.personId)?.name, skills.get(a.skillId)?.name, options));

  const sponsors = journal.people.filter((p) => p.sponsor);
  if (sponsors.length) {
    out.push('## Sponsors', '');
    for (const p of sponsors) out.push(`- ${mdText(p.name)}`);
    out.push('');
  }
  return out.join('\n');
}

function attemptSection(a: Attempt, person: string | undefined, skill: string | undefined, options: DueOptions): string[] {
  const out = [`### ${mdText(person ?? a.personId)} — ${mdText(skill ?? a.skillId)}`, ''];
  out.push(`- Status: ${a.status} (${describeAttempt(a, options).nextStep})`);
  out.push(`- Ask: ${a.ask.sessions} session${a.ask.sessions === 1 ? '' : 's'} of ${a.ask.minutesPerSession} minutes${a.ask.timeframe ? `, ${mdText(a.ask.timeframe)}` : ''}`);
  for (const t of a.ask.topics) out.push(`  - ${mdText(t)}`);
  if (a.text.trim()) out.push('', ...a.text.split(/\r\n?|\n/).map((line) => `> ${mdText(line)}`));
  if (a.events.length) {
    out.push('', '| When | What | Detail |', '|---|---|---|');
    for (const e of a.events) out.push(`| ${e.at.slice(0, 10)} | ${mdText(e.kind)} | ${mdText(e.detail)} |`);
  }
  out.push('');
  return out;
}
