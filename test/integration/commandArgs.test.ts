/**
 * Command arguments by schema (src/commands/args.ts) inside a real extension host: how a command was invoked
 * is told by type — no argument, one of the views' own nodes (what VS Code hands a command run from a view,
 * including a view-title "…" menu while an item is focused), or an argument object checked field by field.
 * The views' nodes come from the extension itself (MentoringTestApi.treeNodes): a look-alike built here is an
 * argument like any other, and refused.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MentoringTestApi } from '../../src/extension';
import { api, readText, setJournal, snapshot, tempUri, terry } from './support';
import { attempt, journalWith } from '../support/journals';

/** Every public command that takes an argument object, with the shape its messages show. */
const SHAPES: Record<string, string> = {
  'mentoring.openBuilder': '{ step?: "assess" | "identify" | "ask" }',
  'mentoring.draftRequest': '{ personId, skillId?, sessions?, minutesPerSession?, timeframe?, topics? }',
  'mentoring.draftFollowUp': '{ attemptId, kind: "later" | "referral" | "nudge" | "thanks" }',
  'mentoring.recordResponse':
    '{ attemptId, response: "yes" | "no" | "later" | "referral", askAgainOn?, referral?: { name, evidence?, org?: "inside" | "outside", seniority?: "senior" | "peer" | "junior" | "manager" } }',
  'mentoring.markSent': '{ attemptId }',
  'mentoring.logSession': '{ attemptId, notes? }',
  'mentoring.deleteAttempt': '{ attemptId }',
  'mentoring.exportJournal': '{ uri, format: "json" | "markdown" | "ics" }',
  'mentoring.importJournal': '{ uri, mode?: "merge" | "replace" }',
  'mentoring.markSponsor': '{ personId, sponsor?: boolean }',
  'mentoring.logAdvocacy': '{ personId, detail }',
  'mentoring.exportDamagedData': '{ uri, key? }',
  'mentoring.restoreDamagedData': '{ key?, mode?: "merge" | "replace" }',
  'mentoring.editDraft': '{ attemptId }',
  'mentoring.sendByEmail': '{ attemptId }',
  'mentoring.markFollowUpSent': '{ attemptId }',
  'mentoring.dismissAttempt': '{ attemptId }',
};

const run = (command: string, arg?: unknown) => Promise.resolve(vscode.commands.executeCommand(command, arg));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rejectsUnchanged(command: string, arg: unknown, expected: RegExp | string): Promise<void> {
  const a = await api();
  const before = snapshot(a);
  await assert.rejects(run(command, arg), (e: Error) => {
    if (typeof expected === 'string') assert.equal(e.message, expected);
    else assert.match(e.message, expected);
    return true;
  });
  assert.equal(snapshot(a), before, `${command}(${JSON.stringify(arg)}) changed the journal`);
}

type Node = { nodeType: string; group?: string; person?: { id: string } };
const nodes = (a: MentoringTestApi, view: 'outreach' | 'portfolio', parent?: unknown) => a.treeNodes(view, parent) as unknown as Node[];

/** The Outreach view's row of attempt a1 (a draft) and the group it is in. */
function draftRow(a: MentoringTestApi): { group: Node; attempt: Node } {
  const group = nodes(a, 'outreach').find((n) => n.group === 'drafts');
  assert.ok(group, 'the Drafts group');
  const [attempt] = nodes(a, 'outreach', group);
  assert.equal(attempt?.nodeType, 'attempt');
  return { group, attempt };
}

/** Runs `command` with `arg` and expects it to wait for a person (a dialog or a quick input), then closes that. */
async function opensInteractive(command: string, arg: unknown): Promise<void> {
  let settled = false;
  const result = run(command, arg).finally(() => {
    settled = true;
  });
  // Refused "at once" (the old defect) settles in milliseconds; a dialog waits.
  const deadline = Date.now() + 800;
  while (!settled && Date.now() < deadline) await sleep(100);
  if (settled) assert.fail(`${command} did not wait for the person: it ended with ${await result.then(String, (e: Error) => e.message)}`);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  assert.equal(await result, undefined, `${command}: closing the dialog is a cancel`);
}

describe('command arguments by schema (inside a real extension host)', () => {
  beforeEach(() => setJournal(terry()));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setJournal();
  });

  it('exportJournal(null): a clear message naming the command and the shape, and a rejected promise', async () => {
    await rejectsUnchanged(
      'mentoring.exportJournal',
      null,
      'mentoring.exportJournal: Expected an argument like { uri, format: "json" | "markdown" | "ics" }, or no argument to be asked — got null.',
    );
  });

  it('refuses null, lists, strings, numbers and unknown keys for every command, changing nothing', async () => {
    for (const [command, shape] of Object.entries(SHAPES)) {
      for (const [arg, got] of [
        [null, 'null'],
        [[], 'a list'],
        [[{ attemptId: 'a1' }], 'a list'],
        ['a1', 'a string'],
        [42, 'a number'],
      ] as const) {
        await rejectsUnchanged(command, arg, `${command}: Expected an argument like ${shape}, or no argument to be asked — got ${got}.`);
      }
      await rejectsUnchanged(command, { bogus: 1, extra: true }, new RegExp(`^${command.replace('.', '\\.')}: Unknown keys "bogus", "extra"\\..* Expected an argument like `));
    }
    // A typo names the key it did not know, and the one it missed.
    await rejectsUnchanged('mentoring.markSent', { attemptID: 'a1' }, 'mentoring.markSent: Unknown key "attemptID". attemptId is required: the id of an outreach attempt (a non-empty string). Expected an argument like { attemptId }.');
    // A look-alike of a tree node is no tree node: refused, a1 stays a draft.
    await rejectsUnchanged('mentoring.markSent', { nodeType: 'attempt', view: { attempt: { id: 'a1' } } }, /^mentoring\.markSent: Unknown keys "nodeType", "view"\./);
    await rejectsUnchanged('mentoring.exportJournal', { uri: vscode.Uri.file('/tmp/x.json'), format: 'json', pretty: true }, /Unknown key "pretty"/);
  });

  it('still accepts every documented argument shape (README, "Commands")', async () => {
    const a = await api();
    assert.deepEqual(await run('mentoring.openBuilder', {}), { step: null, visible: true });
    assert.deepEqual(await run('mentoring.openBuilder', { step: 'identify' }), { step: 'identify', visible: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const text = (await run('mentoring.draftRequest', { personId: 'p1', skillId: 's1', sessions: 2, minutesPerSession: 30, timeframe: 'in December', topics: ['reading reports', 'telling the story'] })) as string;
    assert.match(text, /two 30-minute sessions/);
    assert.match((await run('mentoring.draftRequest', { personId: 'p1' })) as string, /^Hi Terry/);

    await run('mentoring.markSent', { attemptId: 'a1' });
    assert.equal(a.journal().attempts.find((x) => x.id === 'a1')?.status, 'sent');
    assert.deepEqual(await run('mentoring.recordResponse', { attemptId: 'a1', response: 'yes', askAgainOn: null, referral: null }), { attemptId: 'a1', status: 'accepted' });
    assert.match((await run('mentoring.draftFollowUp', { attemptId: 'a1', kind: 'thanks' })) as string, /Terry/);
    assert.deepEqual(await run('mentoring.markFollowUpSent', { attemptId: 'a1' }), { attemptId: 'a1', status: 'accepted', kind: 'thanks' });
    assert.deepEqual(await run('mentoring.logSession', { attemptId: 'a2', notes: 'Went through the P&L.' }), { sessionsDone: 2, completed: false });
    assert.deepEqual(await run('mentoring.logSession', { attemptId: 'a2' }), { sessionsDone: 3, completed: true });

    assert.deepEqual(await run('mentoring.markSponsor', { personId: 'p1' }), { personId: 'p1', sponsor: true });
    assert.deepEqual(await run('mentoring.markSponsor', { personId: 'p1', sponsor: false }), { personId: 'p1', sponsor: false });
    assert.deepEqual(await run('mentoring.logAdvocacy', { personId: 'p1', detail: 'Recommended me for the planning lead.' }), { personId: 'p1' });

    // uri: a vscode.Uri, its JSON form, a URI string or an absolute path.
    const json = tempUri('shapes.json');
    assert.equal(((await run('mentoring.exportJournal', { uri: json, format: 'json' })) as vscode.Uri).toString(), json.toString());
    const md = tempUri('shapes.md');
    await run('mentoring.exportJournal', { uri: md.fsPath, format: 'markdown' });
    assert.match(await readText(md), /Terry/);
    const ics = tempUri('shapes.ics');
    await run('mentoring.exportJournal', { uri: ics.toString(), format: 'ics' });
    assert.match(await readText(ics), /BEGIN:VCALENDAR/);
    const again = tempUri('shapes-again.json');
    await run('mentoring.exportJournal', { uri: again.toJSON() as unknown, format: 'json' });
    assert.equal(await readText(again), await readText(json));

    const exported = a.journal();
    await run('mentoring.deleteAttempt', { attemptId: 'a2' });
    assert.equal(a.journal().attempts.some((x) => x.id === 'a2'), false);
    assert.match((await run('mentoring.importJournal', { uri: json.fsPath, mode: 'replace' })) as string, /^journal replaced/);
    assert.deepEqual(a.journal(), exported);
    assert.equal((await run('mentoring.importJournal', { uri: json })) as string, `added nothing; kept your existing ${exported.attempts.length} attempts, 1 person, 1 skill.`);
    assert.deepEqual(a.journal(), exported);

    // { uri } reaches the damaged-data export (there is none here, which is its own refusal).
    await rejectsUnchanged('mentoring.exportDamagedData', { uri: tempUri('damaged.json') }, /There is no damaged journal data/);
  });

  it("takes the Outreach view's own nodes: an attempt's row, or one of its history events, asking nothing more", async () => {
    // A request the send gate has nothing to say about (a good text, no other open request to Terry): no question.
    const clean = () => journalWith({ attempts: [attempt({ id: 'a1' })] });
    await setJournal(clean());
    const a = await api();
    const { attempt: row } = draftRow(a);
    assert.equal(await run('mentoring.markSent', row), undefined);
    assert.equal(a.journal().attempts.find((x) => x.id === 'a1')?.status, 'sent');

    await setJournal(clean());
    const [event] = nodes(a, 'outreach', draftRow(a).attempt);
    assert.equal(event?.nodeType, 'event');
    await run('mentoring.markSent', event);
    assert.equal(a.journal().attempts.find((x) => x.id === 'a1')?.status, 'sent');

    // Refusals from a view are shown, not thrown at the view (the draft is sent already).
    const before = snapshot(a);
    assert.equal(await run('mentoring.markSent', event), undefined);
    assert.equal(snapshot(a), before);
  });

  it("takes the Portfolio view's person rows: Mark as Potential Sponsor toggles that person", async () => {
    const a = await api();
    const [skill] = nodes(a, 'portfolio');
    const person = nodes(a, 'portfolio', skill).find((n) => n.nodeType === 'person');
    assert.equal(person?.person?.id, 'p1');
    assert.deepEqual(await run('mentoring.markSponsor', person), { personId: 'p1', sponsor: true });
    assert.deepEqual(await run('mentoring.markSponsor', person), { personId: 'p1', sponsor: false });
  });

  it("from a view's … menu (its focused node, or none) the commands open their interactive flow", async function () {
    // Native file dialogs (desktop VS Code) cannot be closed from here; code-server's are quick inputs.
    if (vscode.env.uiKind !== vscode.UIKind.Web) this.skip();
    this.timeout(60_000);
    const a = await api();
    const before = snapshot(a);
    const { group, attempt } = draftRow(a);
    const [skill] = nodes(a, 'portfolio');
    for (const focused of [undefined, group, attempt, skill]) {
      await opensInteractive('mentoring.exportJournal', focused); // the save dialog
      await opensInteractive('mentoring.importJournal', focused); // the open dialog
      await opensInteractive('mentoring.draftRequest', focused); // the seven steps
    }
    assert.equal(snapshot(a), before);
    assert.deepEqual(await run('mentoring.openBuilder', skill), { step: null, visible: true });
    assert.deepEqual(await run('mentoring.openBuilder', group), { step: null, visible: true });
  });
});
