/** mentoring.draftRequest — the method without the webview: skill, person, a bounded ask → a draft. */
import * as vscode from 'vscode';
import type { DraftInput } from '../domain/drafting';
import { lazy } from '../util/lazy';
import { ORGS, SENIORITIES, type Org, type Seniority } from '../domain/journal';
import type { Deps } from './context';
import { Cancelled, CommandError, guarded } from './errors';
import { Commands } from './ids';

export interface DraftResult {
  attemptId: string;
  text: string;
}

export function registerDraftRequest(context: vscode.ExtensionContext, deps: Deps, defaultSessions: () => number): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      Commands.draftRequest,
      guarded(async (arg): Promise<string> => {
        const input = arg === undefined ? await askDraft(deps, defaultSessions()) : draftArg(deps, arg, defaultSessions());
        let result: DraftResult | undefined;
        await deps.store.change((j) => {
          const r = lazy.drafting().addDraft(j, input, deps.clock());
          if (!r.ok) return r;
          result = { attemptId: r.value.attempt.id, text: r.value.attempt.text };
          return { ok: true, value: r.value.journal };
        });
        if (!result) throw new Error('draft missing');
        deps.reveal?.(result.attemptId);
        if (arg === undefined) {
          const { text } = result;
          void vscode.window.showInformationMessage('Draft saved under Drafts in the Outreach view.', 'Copy Text').then((c) => {
            if (c === 'Copy Text') void vscode.env.clipboard.writeText(text);
          });
        }
        return result.text;
      }),
    ),
  );
}

function draftArg(deps: Deps, arg: unknown, defaultSessions: number): DraftInput {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new CommandError('Expected an argument like { personId, skillId?, sessions?, timeframe?, topics? }.');
  const a = arg as Record<string, unknown>;
  const journal = deps.store.journal;
  if (typeof a.personId !== 'string') throw new CommandError('personId is required: the id of a person in the journal.');
  const person = journal.people.find((p) => p.id === a.personId);
  if (!person) throw new CommandError(`No person has the id "${a.personId}".`);
  const skillId = a.skillId ?? journal.focusSkillId ?? person.skillIds[0];
  if (typeof skillId !== 'string') throw new CommandError('skillId is required: this journal has no focus skill.');
  if (a.sessions !== undefined && typeof a.sessions !== 'number') throw new CommandError('sessions must be a number from 1 to 6.');
  if (a.timeframe !== undefined && typeof a.timeframe !== 'string') throw new CommandError('timeframe must be text.');
  if (a.topics !== undefined && !(Array.isArray(a.topics) && a.topics.every((t) => typeof t === 'string'))) throw new CommandError('topics must be a list of texts.');
  return {
    person: { id: person.id },
    skill: { id: skillId },
    sessions: (a.sessions as number | undefined) ?? defaultSessions,
    timeframe: (a.timeframe as string | undefined) ?? '',
    topics: (a.topics as string[] | undefined) ?? [],
  };
}

const TITLE = 'Draft a Specific Request';

async function askDraft(deps: Deps, defaultSessions: number): Promise<DraftInput> {
  const journal = deps.store.journal;

  const NEW = '$(add) A new skill area…';
  const skillPick = await pick(
    [...journal.skills.map((s) => ({ label: s.name, id: s.id, description: s.id === journal.focusSkillId ? 'focus' : undefined })), { label: NEW }],
    '1/6 · Which ONE skill area do you most want to develop?',
  );
  const skill: DraftInput['skill'] = skillPick.id ? { id: skillPick.id } : { name: await text('1/6 · Name the skill area', 'e.g. Financial acumen', required) };

  const NEW_PERSON = '$(person-add) Someone new…';
  const personPick = await pick(
    [...journal.people.map((p) => ({ label: p.name, id: p.id, description: `${p.org}, ${p.seniority}` })), { label: NEW_PERSON }],
    '2/6 · Who is great at it?',
  );
  let person: DraftInput['person'];
  if (personPick.id) person = { id: personPick.id };
  else {
    const name = await text('2/6 · Their name', 'e.g. Terry', required);
    const org = (await pick(ORGS.map((o) => ({ label: o, id: o, description: o === 'inside' ? 'knows how things are done here' : 'interested only in your success' })), `2/6 · Is ${name} inside or outside your organisation?`)).id as Org;
    const seniority = (await pick(SENIORITIES.map((s) => ({ label: s, id: s })), `2/6 · ${name} is…`)).id as Seniority;
    const evidence = await text(`3/6 · What have you seen ${name} do?`, "e.g. I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.", required);
    person = { name, org, seniority, evidence };
  }
  const sessions = Number(await text('4/6 · How many sessions will you ask for? (1–6)', String(defaultSessions), (v) => (/^[1-6]$/.test(v.trim()) ? undefined : 'A whole number from 1 to 6 — a bounded ask is an easy yes.'), String(defaultSessions)));
  const timeframe = await text('5/6 · Over what time frame?', 'e.g. over the next six weeks', required);
  const topics = (await text('6/6 · Two to five focus topics, separated by ";"', 'e.g. reading our financial reports; turning numbers into a story', (v) => {
    const n = v.split(';').filter((t) => t.trim()).length;
    return n >= 2 && n <= 5 ? undefined : 'Name two to five topics, separated by ";".';
  }))
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
  return { skill, person, sessions, timeframe, topics };
}

function required(v: string): string | undefined {
  return v.trim() ? undefined : 'Please fill this in.';
}

type PickItem = vscode.QuickPickItem & { id?: string };

async function pick(items: PickItem[], placeHolder: string): Promise<PickItem> {
  const picked = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder, ignoreFocusOut: true });
  if (!picked) throw new Cancelled();
  return picked;
}

async function text(prompt: string, placeHolder: string, validate: (v: string) => string | undefined, value?: string): Promise<string> {
  const answer = await vscode.window.showInputBox({ title: TITLE, prompt, placeHolder, value, validateInput: validate, ignoreFocusOut: true });
  if (answer === undefined) throw new Cancelled();
  return answer.trim();
}
