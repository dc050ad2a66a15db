/**
 * The extension side of the builder, without VS Code: validates every inbound message, applies it to
 * the journal through the store, and posts back data and previews. The panel (builderPanel.ts) wires
 * it to a real webview; unit tests drive it directly.
 */
import { addSkill, peopleFor, rateSkill, removeSkillForUndo, restoreSkill, savePerson, setAspiration, setFocus, type RemovedSkill } from '../domain/assessAndIdentify';
import { addDraft, referrerName, updateDraft } from '../domain/drafting';
import { isTopicCount } from '../domain/ask';
import type { Attempt, Journal } from '../domain/journal';
import { markSent } from '../domain/outreach';
import { allowedActions } from '../domain/actions';
import type { Result } from '../domain/result';
import { CATALOGUE, coverageHint, focusSuggestion, rankSkills, unratedLevels } from '../domain/assessment';
import { checkRequest } from '../domain/requestCheck';
import { rebaseText } from '../domain/rebaseText';
import { sendConcerns, sendsCleanly } from '../domain/sendGate';
import { localDate } from '../domain/dates';
import { storedText, type RequestModel } from '../domain/templates';
import type { JournalStore } from '../storage/journalStore';
import { parseToHost, type AskForm, type BuilderData, type EditingView, type FindingView, type PreviewSource, type ToHost, type ToWebview } from './protocol';

export interface Rendered {
  text: string;
  /** Set when the user's template failed and the built-in one was used. */
  templateError: string | null;
}

export interface BuilderHost {
  store: JournalStore;
  now(): Date;
  defaultSessions(): number;
  render(model: RequestModel): Rendered;
  post(message: ToWebview): void;
  copy(text: string): Promise<void>;
  /**
   * Opens the request's text in an editor: `draftId` is the saved draft the form edits (its editor bound to the
   * journal, as Edit Draft opens it), or null when the form has none — then the text opens read-only.
   */
  openMarkdown(text: string, draftId: string | null): Promise<void>;
  /** A refused or ignored message, for the log. */
  log(message: string): void;
  /** Tells the user (a toast in VS Code). */
  notify(message: string): void;
  reveal?(attemptId: string): void;
  /**
   * Before a request is marked as sent with something to say about it (domain/sendGate.ts): the person's answer
   * to the question (in VS Code, the same modal as Mark as Sent from the tree: "Send Anyway" / "Fix It First").
   * 'cancel' when they closed it.
   */
  confirmSend(journal: Journal, attempt: Attempt): Promise<'send' | 'fix' | 'cancel'>;
  /** A status and a date YYYY-MM-DD as the person reads them (default: as stored). */
  statusLabel?(status: string): string;
  dateLabel?(date: string): string;
  /** The webview's own text in the display language (vscode.l10n), passed through in BuilderData. */
  strings?(): Record<string, string>;
}

/** The preview of a request: its text, how it relates to the form, and its quality check. */
export interface Preview {
  text: string;
  source: PreviewSource;
  /** The template's text for the form as it is now. */
  template: string;
  score: number;
  reason: string;
  findings: FindingView[];
  templateError: string | null;
}

export class BuilderController {
  private ready = false;
  /** The webview has shown the journal's data (its "rendered"). */
  private shown = false;
  /** The attempt the Ask step's form is bound to (its saved draft, or what it sent). */
  private editing: string | null = null;
  /** The skill area removed last, for its Undo. */
  private lastRemoved: RemovedSkill | null = null;
  /** A save (with its question before sending) is under way: a second one is not started. */
  private saving = false;

  constructor(private readonly host: BuilderHost) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** True once the webview has shown the journal's data. */
  get hasRendered(): boolean {
    return this.shown;
  }

  /** Entry point for every message from the webview. Never throws. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseToHost(raw);
    if (!parsed.ok) {
      this.host.log(`Ignored a webview message: ${parsed.reason}`);
      return;
    }
    try {
      await this.handle(parsed.message);
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      this.host.log(`Builder: ${message}`);
      this.host.post({ type: 'error', message });
    }
  }

  /** Posts the current data (after "ready" only; the webview asks for it by saying ready). */
  refresh(): void {
    if (this.ready) this.host.post({ type: 'data', data: this.data() });
  }

  data(): BuilderData {
    const j = this.host.store.journal;
    const ranked = rankSkills(j.skills);
    const taken = new Set(j.skills.map((s) => s.name.toLocaleLowerCase()));
    return {
      aspiration: j.aspiration,
      skills: ranked.map((r) => ({ id: r.skill.id, name: r.skill.name, current: r.skill.current, importance: r.skill.importance, priority: r.priority, rank: r.rank, unrated: unratedLevels(r.skill), tieNote: r.tieNote ?? null })),
      focusSkillId: j.focusSkillId,
      people: j.people.map((p) => ({ id: p.id, name: p.name, org: p.org, seniority: p.seniority, evidence: p.evidence, skillIds: [...p.skillIds] })),
      catalogue: CATALOGUE.filter((c) => !taken.has(c.name.toLocaleLowerCase())).map((c) => ({ name: c.name, hint: c.hint })),
      coverageHint: j.focusSkillId ? coverageHint(peopleFor(j, j.focusSkillId)) : null,
      defaultSessions: this.host.defaultSessions(),
      readOnly: this.host.store.readOnly ?? null,
      editing: this.editingView(j),
      strings: this.host.strings?.() ?? {},
    };
  }

  private editingView(j: Journal): EditingView | null {
    if (this.editing === null) return null;
    const a = j.attempts.find((x) => x.id === this.editing);
    if (!a) return { attemptId: this.editing, status: null, statusLabel: '', personName: '', text: '', ask: { personId: '', sessions: 0, minutesPerSession: 0, timeframe: '', topics: [] }, sentOn: null };
    const sent = [...a.events].reverse().find((e) => e.kind === 'sent');
    const sentDate = sent ? localDate(new Date(sent.at)) : null;
    return {
      attemptId: a.id,
      status: a.status,
      statusLabel: this.host.statusLabel?.(a.status) ?? a.status,
      personName: j.people.find((p) => p.id === a.personId)?.name ?? '',
      text: a.text,
      ask: { personId: a.personId, sessions: a.ask.sessions, minutesPerSession: a.ask.minutesPerSession, timeframe: a.ask.timeframe, topics: [...a.ask.topics] },
      sentOn: sentDate && a.status !== 'draft' ? (this.host.dateLabel?.(sentDate) ?? sentDate) : null,
    };
  }

  private async handle(m: ToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.editing = m.attemptId ?? (m.legacyAsk ? this.savedAs(m.legacyAsk) : null);
        this.refresh();
        return;
      case 'rendered':
        this.shown = true;
        return;
      case 'setAspiration':
        return this.change((j) => setAspiration(j, m.text));
      case 'addSkill':
        return this.changeSkills((j) => map(addSkill(j, m.name), (r) => r.journal));
      case 'rateSkill':
        return this.changeSkills((j) => rateSkill(j, m.skillId, m.current, m.importance));
      case 'removeSkill': {
        let removed: RemovedSkill | undefined;
        await this.changeSkills((j) => map(removeSkillForUndo(j, m.skillId), (r) => ((removed = r.removed), r.journal)));
        if (!removed) return;
        this.lastRemoved = removed;
        this.host.post({ type: 'skillRemoved', skillId: removed.skill.id, name: removed.skill.name });
        return;
      }
      case 'undoRemoveSkill': {
        const removed = this.lastRemoved;
        if (!removed || removed.skill.id !== m.skillId) throw new Error('There is nothing to undo: that skill area was not the one removed last.');
        await this.changeSkills((j) => restoreSkill(j, removed));
        this.lastRemoved = null;
        return;
      }
      case 'setFocus':
        return this.change((j) => setFocus(j, m.skillId));
      case 'savePerson':
        return this.change((j) => map(savePerson(j, m.person), (r) => r.journal));
      case 'preview':
        this.host.post({ type: 'preview', seq: m.seq, ...this.preview(m.ask) });
        return;
      case 'copy':
        await this.host.copy(m.text);
        this.host.notify('Request copied to the clipboard.');
        return;
      case 'openMarkdown':
        await this.host.openMarkdown(m.text, this.draftOfForm(m.attemptId ?? null));
        return;
      case 'newRequest':
        this.editing = null;
        this.refresh();
        return;
      case 'save':
        return this.save(m.ask, m.markSent);
    }
  }

  /**
   * The request text and its quality check. The form drives the template's text; once the person has edited it,
   * the text is theirs: a later change of the form is carried into it where that is safe, otherwise it stays as
   * they wrote it and the preview says so (`detached`). An edited text that equals the template's again follows
   * the form again (`template`).
   */
  preview(ask: AskForm): Preview {
    const j = this.host.store.journal;
    const model = this.model(j, ask);
    const rendered = this.host.render(model);
    const template = rendered.text;
    let text = template;
    let source: PreviewSource = 'template';
    if (ask.text !== null && !sameText(ask.text, template)) {
      text = ask.text;
      source = 'edited';
      if (ask.basis && ask.basis !== template) {
        const carried = rebaseText(ask.basis, template, ask.text);
        if (carried === null) source = 'detached';
        else if (sameText(carried, template)) {
          text = template;
          source = 'template';
        } else {
          text = carried;
          source = 'updated';
        }
      }
    }
    const check = checkRequest(text, {
      personName: model.personName || undefined,
      skillName: model.skill || undefined,
      sessions: ask.sessions,
      timeframe: model.timeframe || undefined,
      topics: model.topics,
      aspiration: model.aspiration || undefined,
      evidence: model.evidence || undefined,
    });
    return {
      text,
      source,
      template,
      score: check.score,
      reason: check.reason,
      findings: check.findings.map((f) => ({ id: f.id, severity: f.severity, message: f.message, fix: f.fix, start: f.range.start, end: f.range.end })),
      templateError: source === 'template' ? rendered.templateError : null,
    };
  }

  private model(j: Journal, ask: AskForm): RequestModel {
    const person = ask.personId ? j.people.find((p) => p.id === ask.personId) : undefined;
    const skill = j.skills.find((s) => s.id === j.focusSkillId);
    return {
      personName: person?.name ?? '',
      aspiration: j.aspiration,
      skill: skill?.name ?? '',
      evidence: person?.evidence ?? '',
      sessions: ask.sessions,
      minutesPerSession: ask.minutesPerSession,
      timeframe: ask.timeframe,
      topics: ask.topics.map((t) => t.trim()).filter(Boolean),
      referredBy: referrerName(j.people, person),
    };
  }

  /**
   * Saves the form: into the draft it edits (never a second draft), or as a new draft. With `send`, marks it as
   * sent — after asking, when the request check finds errors or the person has another open request to the same
   * person for the same skill (domain/sendGate.ts); "Fix It First" saves nothing and says so to the webview.
   */
  private async save(ask: AskForm, send: boolean): Promise<void> {
    if (this.saving) {
      this.host.log('Builder: ignored a save while another one is under way.');
      return;
    }
    this.saving = true;
    try {
      await this.saveNow(ask, send);
    } finally {
      this.saving = false;
    }
  }

  private async saveNow(ask: AskForm, send: boolean): Promise<void> {
    const before = this.host.store.journal;
    const focus = before.focusSkillId;
    if (!focus) throw new Error('Choose the one skill area to focus on first (step 1, Assess).');
    if (!ask.personId) throw new Error('Choose the person to ask (step 2, Identify).');
    const personId = ask.personId;
    const topics = ask.topics.map((t) => t.trim()).filter(Boolean);
    if (!isTopicCount(topics.length)) throw new Error('Name two to five concrete topics for the sessions.'); // the words of ASK_LIMITS.topics
    const text = ask.text ?? this.host.render(this.model(before, ask)).text;
    const target = ask.attemptId ?? null;
    // The draft this form edits, updated; a new draft when it has none (or its draft was deleted meanwhile).
    const write = (j: Journal): Result<{ journal: Journal; attempt: Attempt }> =>
      target !== null && j.attempts.some((a) => a.id === target)
        ? updateDraft(j, target, { personId, skillId: focus, sessions: ask.sessions, minutesPerSession: ask.minutesPerSession, timeframe: ask.timeframe, topics, text })
        : addDraft(j, { skill: { id: focus }, person: { id: personId }, sessions: ask.sessions, minutesPerSession: ask.minutesPerSession, timeframe: ask.timeframe, topics, text }, this.host.now());
    if (send) {
      const draft = write(before);
      if (!draft.ok) throw new Error(draft.reason);
      if (!sendsCleanly(sendConcerns(draft.value.journal, draft.value.attempt))) {
        const answer = await this.host.confirmSend(draft.value.journal, draft.value.attempt);
        if (answer !== 'send') {
          this.host.post({ type: 'sendHeld', fix: answer === 'fix' });
          return;
        }
      }
    }
    let attemptId = '';
    let personName = '';
    await this.host.store.change((j) => {
      const r = write(j);
      if (!r.ok) return r;
      attemptId = r.value.attempt.id;
      personName = r.value.journal.people.find((p) => p.id === r.value.attempt.personId)?.name ?? '';
      return send ? markSent(r.value.journal, attemptId, this.host.now()) : { ok: true, value: r.value.journal };
    });
    this.editing = attemptId;
    this.host.post({ type: 'saved', attemptId, sent: send, personName });
    this.refresh();
    this.host.reveal?.(attemptId);
  }

  /**
   * The saved draft the webview says its form edits, if that is so: the attempt this form is bound to, and still a
   * draft in the journal (a sent request is not edited; a deleted one is gone). Anything else: null, and logged.
   */
  private draftOfForm(attemptId: string | null): string | null {
    if (attemptId === null) return null;
    const attempt = this.host.store.journal.attempts.find((a) => a.id === attemptId);
    if (attemptId !== this.editing || !attempt || !allowedActions(attempt).edit) {
      this.host.log(`Builder: "${attemptId}" is not the draft this form edits; its text opens as unsaved.`);
      return null;
    }
    return attemptId;
  }

  /**
   * A form restored from a version that did not keep the attempt id: the attempt it was saved as — the latest one
   * to the same person about the focus with the same ask (and the same text, if it was edited) — or null.
   */
  private savedAs(ask: AskForm): string | null {
    const j = this.host.store.journal;
    const topics = ask.topics.map((t) => t.trim()).filter(Boolean);
    const match = [...j.attempts].reverse().find(
      (a) =>
        a.personId === ask.personId &&
        a.skillId === j.focusSkillId &&
        a.ask.sessions === ask.sessions &&
        a.ask.minutesPerSession === ask.minutesPerSession &&
        a.ask.timeframe === ask.timeframe.trim() &&
        a.ask.topics.length === topics.length &&
        a.ask.topics.every((t, i) => t === topics[i]) &&
        (ask.text === null || storedText(ask.text) === a.text),
    );
    return match?.id ?? null;
  }

  private async change(fn: (j: Journal) => Result<Journal>): Promise<void> {
    await this.host.store.change(fn);
  }

  /** A change to the skill areas; when it puts another area at the top of the ranking, suggests it as the focus. */
  private async changeSkills(fn: (j: Journal) => Result<Journal>): Promise<void> {
    const before = this.host.store.journal.skills;
    await this.host.store.change(fn);
    const after = this.host.store.journal;
    const suggested = focusSuggestion(before, after.skills, after.focusSkillId);
    if (suggested) this.host.post({ type: 'suggestFocus', skillId: suggested.id, name: suggested.name });
  }
}

/** Two request texts are the same when they differ only in the space around them. */
function sameText(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

function map<T, U>(r: Result<T>, f: (t: T) => U): Result<U> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}
