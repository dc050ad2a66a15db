import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MentoringTestApi } from '../../src/extension';
import { emptyJournal, type Journal } from '../../src/domain/journal';
import { attempt, journalWith, TERRY } from '../support/journals';

export const EXTENSION_ID = 'careerkit.mentoring-outreach';

export async function api(): Promise<MentoringTestApi> {
  const ext = vscode.extensions.getExtension<MentoringTestApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

let counter = 0;
const created: vscode.Uri[] = [];
/** A fresh file location outside the workspace (so tests never litter it); removed after the run. */
export function tempUri(name: string): vscode.Uri {
  counter++;
  const uri = vscode.Uri.file(path.join(os.tmpdir(), `mentoring-it-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}-${name}`));
  created.push(uri);
  return uri;
}

/** Deletes every file handed out by tempUri (missing ones are fine). */
export async function removeTempFiles(): Promise<void> {
  for (const uri of created.splice(0)) {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}

export async function writeFile(uri: vscode.Uri, content: string | Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Makes the journal exactly `journal` through the public import command. */
export async function setJournal(journal: Journal = emptyJournal()): Promise<void> {
  const uri = tempUri('reset.json');
  await writeFile(uri, JSON.stringify(journal));
  await vscode.commands.executeCommand('mentoring.importJournal', { uri, mode: 'replace' });
}

export function snapshot(a: MentoringTestApi): string {
  return JSON.stringify(a.journal());
}

/** Terry (financial acumen): a draft a1 and an accepted a2 with one of three sessions done. */
export function terry(): Journal {
  return journalWith({
    people: [{ ...TERRY, evidence: "I've seen you present." }],
    attempts: [
      attempt({ id: 'a1', ask: { sessions: 3, minutesPerSession: 45, timeframe: 'over six weeks', topics: ['reports', 'stories'] }, text: 'Hi Terry, …' }),
      attempt({ id: 'a2', ask: { sessions: 3, minutesPerSession: 45, timeframe: '', topics: [] }, text: '', status: 'accepted', sessionsDone: 1, events: [] }),
    ],
  });
}
