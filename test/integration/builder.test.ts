import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Journal } from '../../src/domain/journal';
import { journalWith } from '../support/journals';
import { api, setJournal, snapshot, tempUri, writeFile } from './support';

function builderTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mentoring.builder'));
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ASK = {
  personId: 'p1',
  sessions: 3,
  minutesPerSession: 45,
  timeframe: 'over the next six weeks',
  topics: ['a high level understanding of our financial reports', 'how you convert those numbers into a compelling story'],
  text: null,
};

function terry(): Journal {
  return journalWith({});
}

describe('Assessment & Request Builder (inside a real extension host)', () => {
  before(() => setJournal(terry()));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setJournal();
  });

  it('opens one panel, and reveals it (never a second copy) when opened again', async () => {
    await vscode.commands.executeCommand('mentoring.openBuilder');
    await until('the builder tab', () => builderTabs().length === 1);
    await vscode.commands.executeCommand('mentoring.openBuilder', { step: 'ask' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(builderTabs().length, 1);
    assert.equal(builderTabs()[0]?.label, 'Assessment & Request Builder');
  });

  it('refuses a bad step argument and changes nothing', async () => {
    const a = await api();
    const before = snapshot(a);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.openBuilder', { step: 'later' })), /step must be one of "assess", "identify", "ask"/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mentoring.openBuilder', 'ask')), /Expected an argument like \{ step/);
    assert.equal(snapshot(a), before);
    assert.equal(builderTabs().length, 1);
  });

  it('saves each step to the journal through the protocol handler, and the draft lands in the store', async () => {
    const a = await api();
    await vscode.commands.executeCommand('mentoring.openBuilder');
    assert.equal(await a.builderMessage({ type: 'setAspiration', text: 'developing my leadership skills' }), true);
    await a.builderMessage({ type: 'rateSkill', skillId: 's1', current: 1, importance: 5 });
    await a.builderMessage({ type: 'savePerson', person: { name: 'Amara Okafor', org: 'outside', seniority: 'peer', evidence: 'I read your article on cash flow.' } });
    await a.builderMessage({ type: 'save', ask: ASK, markSent: false });
    const j = a.journal();
    assert.equal(j.skills[0]?.current, 1);
    assert.ok(j.people.some((p) => p.name === 'Amara Okafor' && p.skillIds.includes('s1')));
    assert.equal(j.attempts.length, 1);
    assert.equal(j.attempts[0]?.status, 'draft');
    assert.match(j.attempts[0]?.text ?? '', /^Hi Terry,[\s\S]*three 45-minute sessions with me over the next six weeks/);
  });

  it('ignores a malformed or unknown message: nothing changes, nothing runs', async () => {
    const a = await api();
    const before = snapshot(a);
    for (const m of [{ type: 'runCommand', command: 'workbench.action.closeWindow' }, { type: 'save', ask: { ...ASK, sessions: 99 }, markSent: true }, { type: 'setFocus', skillId: 's1', extra: 1 }, 'ready']) {
      await a.builderMessage(m);
    }
    assert.equal(snapshot(a), before);
  });

  it("uses the user's request template from .mentoring/templates, and falls back with a line number when it is broken", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test workspace is open');
    const dir = tempUri('templates');
    await vscode.workspace.getConfiguration('mentoring').update('templatesFolder', dir.fsPath, vscode.ConfigurationTarget.Workspace);
    try {
      const a = await api();
      await writeFile(vscode.Uri.joinPath(dir, 'request.hbs'), 'Dear {{personName}} — {{sessions}} x {{minutes}} min on {{skill}}: {{topicList}}.');
      await vscode.commands.executeCommand('mentoring.openBuilder');
      await a.builderMessage({ type: 'save', ask: ASK, markSent: false });
      assert.equal(a.journal().attempts.at(-1)?.text, 'Dear Terry — 3 x 45 min on financial acumen: a high level understanding of our financial reports and how you convert those numbers into a compelling story.\n');

      await writeFile(vscode.Uri.joinPath(dir, 'request.hbs'), 'Hi {{firstName}},\n\n{{#if skill}}\nno end of block\n');
      await new Promise((r) => setTimeout(r, 1100)); // a new mtime
      await writeFile(vscode.Uri.joinPath(dir, 'request.hbs'), 'Hi {{firstName}},\n\n{{#if skill}}\nno end of block\n');
      await vscode.commands.executeCommand('mentoring.openBuilder');
      await a.builderMessage({ type: 'save', ask: ASK, markSent: false });
      assert.match(a.journal().attempts.at(-1)?.text ?? '', /^Hi Terry,\n\nI am working on/, 'the built-in template was used');
    } finally {
      await vscode.workspace.getConfiguration('mentoring').update('templatesFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
