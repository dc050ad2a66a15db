import * as assert from 'node:assert/strict';
import { journalToMarkdown, mdText } from '../../../src/domain/report';
import { attempt, terryJournal } from '../support/journals';

describe('Markdown report', () => {
  it('has the aspiration, the assessment, people and attempts with their history', () => {
    const md = journalToMarkdown(terryJournal([attempt({ id: 'a1', status: 'sent', events: [{ at: '2026-11-20T10:00:00.000Z', kind: 'sent', detail: 'by e-mail' }] })]), {
      today: '2026-11-26',
      nudgeAfterDays: 7,
    });
    assert.match(md, /^# Mentoring Outreach journal/);
    assert.match(md, /I am working on developing my leadership skills\./);
    assert.match(md, /\| Financial acumen \| 2 \| 5 \| yes \|/);
    assert.match(md, /\*\*Terry\*\* \(inside, senior\)/);
    assert.match(md, /### Terry — Financial acumen/);
    assert.match(md, /\| 2026-11-20 \| sent \| by e\\-mail \|/);
  });

  it('shows hostile text as text: no HTML, no links, no table breaks', () => {
    const j = terryJournal();
    j.people[0]!.name = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) | **bold**';
    const md = journalToMarkdown(j, { today: '2026-11-26', nudgeAfterDays: 7 });
    assert.ok(!md.includes('<img'));
    assert.ok(!md.includes('](javascript'));
    assert.equal(mdText('a|b'), 'a\\|b');
    assert.equal(mdText('line1\nline2'), 'line1 line2');
    assert.equal(mdText('<script>'), '&lt;script&gt;');
  });
});
