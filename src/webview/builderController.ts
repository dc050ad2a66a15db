/**
 * The extension side of the builder, without VS Code: validates every inbound message, applies it to
 * the journal through the store, and posts back data and previews. The panel (builderPanel.ts) wires
 * it to a real webview; unit tests drive it directly.
 */
import { addSkill, peopleFor, rateSkill, removeSkill, savePerson, setAspiration, setFocus } from '../domain/assessAndIdentify';
import { addDraft } from '../domain/drafting';
import { isTopicCount } from '../domain/ask';
import type { Journal } from '../domain/journal';
import { markSent } from '../domain/outreach';
import type { Result } from '../domain/result';
import { CATALOGUE, coverageHint, rankSkills } from '../domain/assessment';
import { checkRequest } from '../domain/requestCheck';
import type { RequestModel } from '../domain/templates';
import type { JournalStore } from '../storage/journalStore';
import { parseToHost, type AskForm, type BuilderData, type ToHost, type ToWebview } from './protocol';

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
  openMarkdown(text: string): Promise<void>;
  /** A refused or ignored message, for the log. */
  log(message: string): void;
  /** Tells the user (a toast in VS Code). */
  notify(message: string): void;
  reveal?(attemptId: string): void;
  /** The webview's own text in the display language (vscode.l10n), passed through in BuilderData. */
  strings?(): Record<string, string>;
}

export class BuilderController {
  private ready = false;

  constructor(private readonly host: BuilderHost) {}

  get isReady(): boolean {
    return this.ready;
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
      skills: ranked.map((r) => ({ id: r.skill.id, name: r.skill.name, current: r.skill.current, importance: r.skill.importance, priority: r.priority, rank: r.rank, tieNote: r.tieNote ?? null })),
      focusSkillId: j.focusSkillId,
      people: j.people.map((p) => ({ id: p.id, name: p.name, org: p.org, seniority: p.seniority, evidence: p.evidence, skillIds: [...p.skillIds] })),
      catalogue: CATALOGUE.filter((c) => !taken.has(c.name.toLocaleLowerCase())).map((c) => ({ name: c.name, hint: c.hint })),
      coverageHint: j.focusSkillId ? coverageHint(peopleFor(j, j.focusSkillId)) : null,
      defaultSessions: this.host.defaultSessions(),
      readOnly: this.host.store.readOnly ?? null,
      strings: this.host.strings?.() ?? {},
    };
  }

  private async handle(m: ToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.refresh();
        return;
      case 'setAspiration':
        return this.change((j) => setAspiration(j, m.text));
      case 'addSkill':
        return this.change((j) => map(addSkill(j, m.name), (r) => r.journal));
      case 'rateSkill':
        return this.change((j) => rateSkill(j, m.skillId, m.current, m.importance));
      case 'removeSkill':
        return this.change((j) => removeSkill(j, m.skillId));
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
        await this.host.openMarkdown(m.text);
        return;
      case 'save':
        return this.save(m.ask, m.markSent);
    }
  }

  /** The request text (the user's edit, or the template) and its quality check. */
  preview(ask: AskForm): { text: string; score: number; reason: string; findings: { id: string; severity: 'error' | 'warning' | 'info'; message: string; fix: string; start: number; end: number }[]; templateError: string | null } {
    const j = this.host.store.journal;
    const model = this.model(j, ask);
    const rendered = ask.text !== null ? { text: ask.text, templateError: null } : this.host.render(model);
    const check = checkRequest(rendered.text, {
      personName: model.personName || undefined,
      skillName: model.skill || undefined,
      sessions: ask.sessions,
      timeframe: model.timeframe || undefined,
      topics: model.topics,
      aspiration: model.aspiration || undefined,
      evidence: model.evidence || undefined,
    });
    return {
      text: rendered.text,
      score: check.score,
      reason: check.reason,
      findings: check.findings.map((f) => ({ id: f.id, severity: f.severity, message: f.message, fix: f.fix, start: f.range.start, end: f.range.end })),
      templateError: rendered.templateError,
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
    };
  }

  private async save(ask: AskForm, send: boolean): Promise<void> {
    const before = this.host.store.journal;
    const focus = before.focusSkillId;
    if (!focus) throw new Error('Choose the one skill area to focus on first (step 1, Assess).');
    if (!ask.personId) throw new Error('Choose the person to ask (step 2, Identify).');
    const topics = ask.topics.map((t) => t.trim()).filter(Boolean);
    if (!isTopicCount(topics.length)) throw new Error('Name two to five concrete topics for the sessions.'); // the words of ASK_LIMITS.topics
    const text = ask.text ?? this.host.render(this.model(before, ask)).text;
    let attemptId = '';
    let personName = '';
    await this.host.store.change((j) => {
      const r = addDraft(j, { skill: { id: focus }, person: { id: ask.personId ?? '' }, sessions: ask.sessions, minutesPerSession: ask.minutesPerSession, timeframe: ask.timeframe, topics, text }, this.host.now());
      if (!r.ok) return r;
      attemptId = r.value.attempt.id;
      personName = r.value.journal.people.find((p) => p.id === r.value.attempt.personId)?.name ?? '';
      return send ? markSent(r.value.journal, attemptId, this.host.now()) : { ok: true, value: r.value.journal };
    });
    this.host.post({ type: 'saved', attemptId, sent: send, personName });
    this.host.reveal?.(attemptId);
  }

  private async change(fn: (j: Journal) => Result<Journal>): Promise<void> {
    await this.host.store.change(fn);
  }
}

function map<T, U>(r: Result<T>, f: (t: T) => U): Result<U> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}
