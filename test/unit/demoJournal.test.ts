import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJournalText } from '../../src/domain/journal';
import { groupAttempts } from '../../src/domain/outreach';

describe('demo/journal.json (used by npm start)', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'demo', 'journal.json'), 'utf8');

  it('is a valid v1 journal', () => {
    const parsed = parseJournalText(text);
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors));
  });

  it('shows every group of the Outreach tree on its demo date', () => {
    const parsed = parseJournalText(text);
    assert.ok(parsed.ok);
    const groups = groupAttempts(parsed.journal, { today: '2026-11-26', nudgeAfterDays: 7 });
    assert.deepEqual(
      Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.length])),
      { due: 2, afterNo: 0, awaiting: 0, later: 0, drafts: 1, inProgress: 1, closed: 0 },
    );
  });
});
