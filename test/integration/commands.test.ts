import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emptyJournal } from '../../src/domain/journal';
import { api, readText, setJournal, snapshot, tempUri, terry, writeFile } from './support';

async function expectRejectedUnchanged(run: () => Thenable<unknown>, reason: RegExp): Promise<void> {
  const a = await api();
  const before = snapshot(a);
  await assert.rejects(Promise.resolve(run()), (e: Error) => {
    assert.match(e.message, reason);
    return true;
  });
  assert.equal(snapshot(a), before, 'the journal did not change');
}

describe('commands with arguments (inside a real extension host)', () => {
  beforeEach(() => setJournal(terry()));
  after(() => setJournal());

  describe('mentoring.importJournal', () => {
    it('replace makes the journal exactly the file', async () => {
      const a = await api();
      assert.deepEqual(a.journal(), terry());
    });

    it('merge adds new records and keeps existing ones', async () => {
      const a = await api();
      const incoming = terry();
      incoming.attempts[0]!.text = 'changed in the file';
      incoming.attempts.push({ ...incoming.attempts[0]!, id: 'a3' });
      const uri = tempUri('merge.json');
      await writeFile(uri, JSON.stringify(incoming));
      const summary = await vscode.commands.executeCommand<string>('mentoring.importJournal', { uri });
      assert.match(summary, /added 1 attempt/);
      assert.equal(a.journal().attempts.find((x) => x.id === 'a1')?.text, 'Hi Terry, …');
      assert.deepEqual(a.journal().attempts.map((x) => x.id), ['a1', 'a2', 'a3']);
    });

    it('accepts a path string as well as a Uri', async () => {
      const uri = tempUri('path.json');
      await writeFile(uri, JSON.stringify(emptyJournal()));
      await vscode.commands.executeCommand('mentoring.importJournal', { uri: uri.fsPath, mode: 'replace' });
      assert.equal((await api()).journal().attempts.length, 0);
    });

    const badFiles: [string, string | Uint8Array, RegExp][] = [
      ['not JSON', '{ this is not json', /not valid JSON/],
      ['not UTF-8', new Uint8Array([0xff, 0xfe, 0xfd]), /not UTF-8|not valid JSON/],
      ['the wrong format', JSON.stringify({ format: 'other', version: 1 }), /not a Mentoring Outreach journal/],
      ['a newer version', JSON.stringify({ ...terry(), version: 2 }), /newer version/],
      ['out-of-range values', JSON.stringify({ ...terry(), skills: [{ ...terry().skills[0], current: 9 }] }), /\$\.skills\[0\]\.current must be 1–5/],
      ['dangling ids', JSON.stringify({ ...terry(), focusSkillId: 'gone' }), /\$\.focusSkillId refers to skill "gone"/],
      ['duplicates', JSON.stringify({ ...terry(), attempts: [terry().attempts[0], terry().attempts[0]] }), /"a1" is used more than once/],
      ['oversized', 'x'.repeat(5 * 1024 * 1024 + 1), /more than the 5 MB/],
    ];
    for (const [name, content, reason] of badFiles) {
      it(`rejects a file with ${name}, naming the problem, and changes nothing`, async () => {
        const uri = tempUri('bad.json');
        await writeFile(uri, content);
        await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.importJournal', { uri, mode: 'replace' }), reason);
      });
    }

    it('rejects a missing file, a bad mode and a bad argument', async () => {
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.importJournal', { uri: tempUri('missing.json') }), /Cannot import/);
      const uri = tempUri('ok.json');
      await writeFile(uri, JSON.stringify(terry()));
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.importJournal', { uri, mode: 'overwrite' }), /mode must be/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.importJournal', { uri: 42 }), /uri must be/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.importJournal', 'nope'), /Expected an argument/);
    });
  });

  describe('mentoring.markSent', () => {
    it('marks a draft as sent', async () => {
      await vscode.commands.executeCommand('mentoring.markSent', { attemptId: 'a1' });
      const a1 = (await api()).journal().attempts.find((x) => x.id === 'a1');
      assert.equal(a1?.status, 'sent');
      assert.equal(a1?.events.at(-1)?.kind, 'sent');
    });

    it('refuses an unknown id, an illegal change and a malformed argument', async () => {
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.markSent', { attemptId: 'zzz' }), /No outreach attempt has the id "zzz"/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.markSent', { attemptId: 'a2' }), /accepted cannot become sent/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.markSent', { attemptId: 7 }), /attemptId must be/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.markSent', [1]), /Expected an argument/);
    });
  });

  describe('mentoring.deleteAttempt', () => {
    it('deletes without asking when given an argument', async () => {
      await vscode.commands.executeCommand('mentoring.deleteAttempt', { attemptId: 'a2' });
      assert.deepEqual((await api()).journal().attempts.map((x) => x.id), ['a1']);
    });

    it('refuses an unknown id', async () => {
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.deleteAttempt', { attemptId: 'zzz' }), /No outreach attempt/);
    });
  });

  describe('mentoring.exportJournal', () => {
    it('exports JSON that imports back to the same journal', async () => {
      const uri = tempUri('export.json');
      await vscode.commands.executeCommand('mentoring.exportJournal', { uri, format: 'json' });
      assert.deepEqual(JSON.parse(await readText(uri)), terry());
      await setJournal();
      await vscode.commands.executeCommand('mentoring.importJournal', { uri, mode: 'replace' });
      assert.deepEqual((await api()).journal(), terry());
    });

    it('exports a readable Markdown report', async () => {
      const uri = tempUri('report.md');
      await vscode.commands.executeCommand('mentoring.exportJournal', { uri, format: 'markdown' });
      const md = await readText(uri);
      assert.match(md, /^# Mentoring Outreach journal/);
      assert.match(md, /#### Terry — Financial acumen/);
      assert.match(md, /## Sponsors/);
    });

    it('exports an iCalendar file of planned sessions and ask-again dates (loaded on first use)', async () => {
      const uri = tempUri('calendar.ics');
      await vscode.commands.executeCommand('mentoring.exportJournal', { uri, format: 'ics' });
      const ics = await readText(uri);
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /PRODID:-\/\/Mentoring Outreach\/\/EN/);
      assert.match(ics, /SUMMARY:Session 2 of 3 with Terry/, 'a2 is accepted with 1 of 3 sessions done');
      assert.match(ics, /END:VCALENDAR\r\n$/);
    });

    it('refuses a bad format or location and writes nothing', async () => {
      const uri = tempUri('never.txt');
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.exportJournal', { uri, format: 'pdf' }), /format must be/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.exportJournal', { uri: 'relative/path.json', format: 'json' }), /uri must be/);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri)));
    });
  });

  describe('mentoring.draftRequest', () => {
    it('saves a draft and returns its text, asking nothing', async () => {
      const text = await vscode.commands.executeCommand<string>('mentoring.draftRequest', { personId: 'p1', skillId: 's1', sessions: 2, timeframe: 'in December', topics: ['reading reports', 'telling the story'] });
      assert.match(text, /^Hi Terry,/);
      assert.match(text, /two 45-minute sessions with me in December, focusing on reading reports and telling the story\?/);
      const drafts = (await api()).journal().attempts.filter((x) => x.status === 'draft');
      assert.equal(drafts.length, 2);
      assert.ok(drafts.some((d) => d.text === text));
    });

    it('refuses an unknown person or skill and a bad session count', async () => {
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.draftRequest', { personId: 'nobody' }), /No person has the id/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.draftRequest', { personId: 'p1', skillId: 'zz' }), /No skill has the id/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.draftRequest', { personId: 'p1', sessions: 9 }), /sessions must be/);
      await expectRejectedUnchanged(() => vscode.commands.executeCommand('mentoring.draftRequest', { personId: 'p1', topics: 'one' }), /topics must be/);
    });
  });
});
