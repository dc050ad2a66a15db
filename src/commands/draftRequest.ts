/**
 * mentoring.draftRequest — the whole method without the webview, from the keyboard: a seven-step quick
 * input (skill area, person, sessions, minutes, time frame, topics, review) with Back on every step and
 * the request's quality check shown before anything is saved. With an argument it asks nothing.
 */
import * as vscode from 'vscode';
import type { DraftInput, NewPerson } from '../domain/drafting';
import { LIMITS, ORGS, SENIORITIES, type Org, type Person, type Seniority, type Skill } from '../domain/journal';
import type { CheckResult, Severity } from '../domain/requestCheck';
import type { RequestModel } from '../domain/templates';
import { MultiStepInput, type Step, type Validator } from '../ui/multiStepInput';
import { addDraft, referrerName } from '../domain/drafting';
import { ASK_LIMITS, DEFAULT_MINUTES, MINUTE_CHOICES } from '../domain/ask';
import { CATALOGUE, rankSkills } from '../domain/assessment';
import { checkRequest } from '../domain/requestCheck';
import { renderRequestOrFallback, type TemplateFn } from '../domain/templates';
import type { ArgOf } from './args';
import { invocation, userTemplates, type Deps } from './deps';
import { Cancelled, CommandError, guarded } from '../shell/errors';
import { orgLabel, seniorityLabel } from '../views/labels';
import { Commands } from '../shell/ids';
import { registerCommand } from '../shell/commandHandlers';

export interface DraftResult {
  attemptId: string;
  text: string;
}

export function registerDraftRequest(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    registerCommand(
      Commands.draftRequest,
      guarded(async (arg): Promise<string> => {
        const how = invocation(Commands.draftRequest, arg);
        // From the view's title menu (a tree node) as from the palette: the seven steps.
        if (how.kind !== 'argument') return draftInteractively(deps, deps.defaultSessions());
        // The user's own request template, as in the builder and the keyboard flow.
        const template = (await userTemplates(deps, ['request'])).request;
        const result = await saveDraft(deps, draftArg(deps, how.arg, deps.defaultSessions()), template);
        deps.reveal?.(result.attemptId);
        return result.text;
      }),
    ),
  );
}

/** Saves the draft through the store's write queue; a refusal (e.g. the person was deleted meanwhile) throws. */
async function saveDraft(deps: Deps, input: DraftInput, template?: TemplateFn | null): Promise<DraftResult> {
  let result: DraftResult | undefined;
  let templateError: string | null = null;
  await deps.store.change((j) => {
    const r = addDraft(j, input, deps.clock(), Math.random, template);
    if (!r.ok) return r;
    result = { attemptId: r.value.attempt.id, text: r.value.attempt.text };
    templateError = r.value.templateError;
    return { ok: true, value: r.value.journal };
  });
  if (!result) throw new Error('draft missing');
  if (templateError) warnTemplateFailed(templateError);
  return result;
}

function warnTemplateFailed(message: string): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('Your request template failed: {0} — the built-in template is used instead.', message));
}

// ---------------------------------------------------------------------------------------------------------------
// With an argument: { personId, skillId?, sessions?, minutesPerSession?, timeframe?, topics? }

/** The schema checked each field's type (args.ts); the ids, the ranges and the topics are checked here and in the domain. */
function draftArg(deps: Deps, a: ArgOf<'mentoring.draftRequest'>, defaultSessions: number): DraftInput {
  const journal = deps.store.journal;
  const person = journal.people.find((p) => p.id === a.personId);
  if (!person) throw new CommandError(vscode.l10n.t('No person has the id "{0}".', a.personId));
  const skillId = a.skillId ?? journal.focusSkillId ?? person.skillIds[0];
  if (skillId === undefined) throw new CommandError(vscode.l10n.t('skillId is required: this journal has no focus skill.'));
  const topics = (a.topics ?? []).map((t) => t.trim()).filter(Boolean);
  // None (a skeleton to finish later) or two to five, as everywhere else; one or six-plus is refused.
  if (topics.length > 0) {
    const problem = topicsProblem(topics);
    if (problem) throw new CommandError(vscode.l10n.t('topics: {0}', problem));
  }
  const input: DraftInput = {
    person: { id: person.id },
    skill: { id: skillId },
    sessions: a.sessions ?? defaultSessions,
    timeframe: a.timeframe ?? '',
    topics,
  };
  if (a.minutesPerSession !== undefined) input.minutesPerSession = a.minutesPerSession;
  return input;
}

// ---------------------------------------------------------------------------------------------------------------
// From the palette: seven steps

const TOTAL_STEPS = 7;
export { MINUTE_CHOICES } from '../domain/ask';

/** "three sessions" — spelled out, as the request says it. */
function sessionsInWords(n: number): string {
  switch (n) {
    case 1:
      return vscode.l10n.t('one session');
    case 2:
      return vscode.l10n.t('two sessions');
    case 3:
      return vscode.l10n.t('three sessions');
    case 4:
      return vscode.l10n.t('four sessions');
    case 5:
      return vscode.l10n.t('five sessions');
    case 6:
      return vscode.l10n.t('six sessions');
    default:
      return vscode.l10n.t('{0} sessions', n);
  }
}

interface Flow {
  /** An existing skill's id, or the name of a new one (picked from the catalogue or typed). */
  skill?: { id: string } | { name: string };
  /** "Add a skill area…" was picked: its name is asked next. */
  typingSkill: boolean;
  skillName: string;
  personId?: string;
  /** "Someone new…" was picked: name, org, seniority and evidence are asked next. */
  newPerson: boolean;
  person: { name: string; org?: Org; seniority?: Seniority; evidence: string };
  sessions: number;
  minutes: number;
  timeframe: string;
  topicsText: string;
  /** Set by the last step once the draft is saved. */
  saved?: DraftResult;
  copied: boolean;
}

type Item<V> = vscode.QuickPickItem & { value?: V };

const sep = <V>(label: string): Item<V> => ({ label, kind: vscode.QuickPickItemKind.Separator });

async function draftInteractively(deps: Deps, defaultSessions: number): Promise<string> {
  if (deps.store.readOnly) throw new CommandError(deps.store.readOnly);
  const state: Flow = {
    typingSkill: false,
    skillName: '',
    newPerson: false,
    person: { name: '', evidence: '' },
    sessions: defaultSessions,
    minutes: DEFAULT_MINUTES,
    timeframe: '',
    topicsText: '',
    copied: false,
  };
  const wizard = new MultiStepInput({ title: vscode.l10n.t('Draft a Specific Request'), totalSteps: TOTAL_STEPS });
  const done = await wizard.run(steps(deps, defaultSessions), state);
  const saved = state.saved;
  if (!done || !saved) throw new Cancelled();

  deps.reveal?.(saved.attemptId);
  if (state.copied) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Draft saved under Drafts in the Outreach view, and copied to the clipboard.'));
  } else {
    const copyText = vscode.l10n.t('Copy Text');
    void vscode.window.showInformationMessage(vscode.l10n.t('Draft saved under Drafts in the Outreach view.'), copyText).then((c) => {
      if (c === copyText) void vscode.env.clipboard.writeText(saved.text);
    });
  }
  return saved.text;
}

function steps(deps: Deps, defaultSessions: number): Step<Flow>[] {
  const journal = () => deps.store.journal;
  const skillName = (s: Flow) => ('id' in (s.skill ?? {}) ? (journal().skills.find((k) => k.id === (s.skill as { id: string }).id)?.name ?? '') : s.skillName);
  const personName = (s: Flow) => (s.newPerson ? s.person.name : (journal().people.find((p) => p.id === s.personId)?.name ?? ''));

  return [
    // 1 — the ONE skill area: the focus first, then the others by priority, then common areas to add.
    {
      number: 1,
      run: async (ui, s) => {
        const j = journal();
                const ranked = rankSkills(j.skills);
        const focus = ranked.filter((r) => r.skill.id === j.focusSkillId);
        const ordered = [...focus, ...ranked.filter((r) => r.skill.id !== j.focusSkillId)];
        const items: Item<{ id: string } | { name: string } | 'type'>[] = [];
        if (ordered.length) items.push(sep(vscode.l10n.t('Your skill areas')));
        for (const r of ordered) {
          const isFocus = r.skill.id === j.focusSkillId;
          const rating = vscode.l10n.t('priority {0} (importance {1}/5, your level {2}/5)', r.priority, r.skill.importance, r.skill.current);
          items.push({
            label: isFocus ? `$(star-full) ${r.skill.name}` : r.skill.name,
            description: isFocus ? vscode.l10n.t('your focus · {0}', rating) : rating,
            value: { id: r.skill.id },
          });
        }
        const have = new Set(j.skills.map((k) => k.name.toLowerCase()));
        const common = CATALOGUE.filter((c) => !have.has(c.name.toLowerCase()));
        if (common.length) items.push(sep(vscode.l10n.t('Add a common skill area')));
        for (const c of common) items.push({ label: `$(add) ${c.name}`, detail: c.hint, value: { name: c.name } });
        items.push(sep(''), { label: `$(edit) ${vscode.l10n.t('Add another skill area…')}`, description: vscode.l10n.t('type its name'), value: 'type' });
        const active = items.find((it) => sameSkill(it.value, s.skill, s.typingSkill)) ?? items.find((it) => it.value !== undefined);
        const picked = await ui.pick({ placeholder: vscode.l10n.t('Which ONE skill area do you most want to develop? Type to filter.'), items, active, matchOnDescription: true });
        s.typingSkill = picked.value === 'type';
        if (picked.value && picked.value !== 'type') {
          s.skill = picked.value;
          if ('name' in picked.value) s.skillName = picked.value.name;
        }
      },
    },
    {
      number: 1,
      when: (s) => s.typingSkill,
      run: async (ui, s) => {
        const name = await ui.input({
          prompt: vscode.l10n.t('Name the skill area you want to develop'),
          placeholder: vscode.l10n.t('e.g. Financial acumen'),
          value: s.skillName,
          validate: lengthBetween(1, LIMITS.name, vscode.l10n.t('Name the skill area.')),
          onDidChange: (v) => (s.skillName = v),
        });
        const existing = journal().skills.find((k) => k.name.toLowerCase() === name.toLowerCase());
        s.skillName = existing?.name ?? name;
        s.skill = existing ? { id: existing.id } : { name };
      },
    },

    // 2 — the person: those already linked to the skill first, or someone new.
    {
      number: 2,
      run: async (ui, s) => {
        const j = journal();
        const skillId = s.skill && 'id' in s.skill ? s.skill.id : undefined;
        const linked = skillId ? j.people.filter((p) => p.skillIds.includes(skillId)) : [];
        const others = j.people.filter((p) => !linked.includes(p));
        const skill = skillName(s);
        const items: Item<string>[] = [];
        if (linked.length) items.push(sep(vscode.l10n.t('Great at {0}', skill)), ...linked.map(personItem));
        if (others.length) items.push(sep(linked.length ? vscode.l10n.t('Others you know') : vscode.l10n.t('People in your journal')), ...others.map(personItem));
        if (items.length) items.push(sep(''));
        const someoneNew: Item<string> = { label: `$(person-add) ${vscode.l10n.t('Someone new…')}`, description: vscode.l10n.t('inside or outside your organisation') };
        items.push(someoneNew);
        const active = s.newPerson ? someoneNew : (items.find((it) => it.value !== undefined && it.value === s.personId) ?? items.find((it) => it.kind !== vscode.QuickPickItemKind.Separator));
        const picked = await ui.pick({ placeholder: vscode.l10n.t('Who is great at {0}? Type to filter.', skill), items, active, matchOnDescription: true });
        s.newPerson = picked.value === undefined;
        s.personId = picked.value;
      },
    },
    {
      number: 2,
      when: (s) => s.newPerson,
      run: async (ui, s) => {
        s.person.name = await ui.input({
          prompt: vscode.l10n.t('Who is great at {0}? Their name', skillName(s)),
          placeholder: vscode.l10n.t('e.g. Terry Lindqvist'),
          value: s.person.name,
          validate: lengthBetween(1, LIMITS.name, vscode.l10n.t('Type their name.')),
          onDidChange: (v) => (s.person.name = v),
        });
      },
    },
    {
      number: 2,
      when: (s) => s.newPerson,
      run: async (ui, s) => {
        const items: Item<Org>[] = ORGS.map((o) => ({
          label: o === 'inside' ? vscode.l10n.t('Inside my organisation') : vscode.l10n.t('Outside my organisation'),
          description: o === 'inside' ? vscode.l10n.t('knows how things are done around here') : vscode.l10n.t('interested only in your success'),
          value: o,
        }));
        const picked = await ui.pick({ placeholder: vscode.l10n.t('Is {0} inside or outside your organisation?', s.person.name), items, active: items.find((i) => i.value === s.person.org) });
        s.person.org = picked.value;
      },
    },
    {
      number: 2,
      when: (s) => s.newPerson,
      run: async (ui, s) => {
        const about: Record<Seniority, { label: string; description: string }> = {
          senior: { label: vscode.l10n.t('Senior'), description: vscode.l10n.t('more senior than you') },
          peer: { label: vscode.l10n.t('Peer'), description: vscode.l10n.t('at your level') },
          junior: { label: vscode.l10n.t('Junior'), description: vscode.l10n.t('more junior, with the skill you want') },
          manager: { label: vscode.l10n.t('Manager'), description: vscode.l10n.t('your own manager') },
        };
        const items: Item<Seniority>[] = SENIORITIES.map((x) => ({ ...about[x], value: x }));
        const picked = await ui.pick({ placeholder: vscode.l10n.t('{0} is…', s.person.name), items, active: items.find((i) => i.value === s.person.seniority) });
        s.person.seniority = picked.value;
      },
    },
    {
      number: 2,
      when: (s) => s.newPerson,
      run: async (ui, s) => {
        s.person.evidence = await ui.input({
          prompt: vscode.l10n.t('What have you seen {0} do? It goes into your request, in your words to them.', s.person.name),
          placeholder: vscode.l10n.t("e.g. I've seen you present at the All Hands meeting, and you tell a compelling story about the financials."),
          value: s.person.evidence,
          validate: lengthBetween(1, LIMITS.longText, vscode.l10n.t('Say what you have seen them do — it shows why you are asking them.')),
          onDidChange: (v) => (s.person.evidence = v),
        });
      },
    },

    // 3 — how many sessions
    {
      number: 3,
      run: async (ui, s) => {
        const items: Item<number>[] = [1, 2, 3, 4, 5, 6].map((n) => ({
          label: sessionsInWords(n),
          description: [n === defaultSessions ? vscode.l10n.t('your default') : '', n === 3 ? vscode.l10n.t('a good start') : ''].filter(Boolean).join(' · ') || undefined,
          value: n,
        }));
        const picked = await ui.pick({ placeholder: vscode.l10n.t('How many sessions will you ask {0} for? A small, fixed number is an easy yes.', personName(s)), items, active: items.find((i) => i.value === s.sessions) });
        s.sessions = picked.value ?? defaultSessions;
      },
    },

    // 4 — how long each
    {
      number: 4,
      run: async (ui, s) => {
        const items: Item<number>[] = MINUTE_CHOICES.map((m) => ({ label: vscode.l10n.t('{0} minutes', m), description: m === DEFAULT_MINUTES ? vscode.l10n.t('the usual') : undefined, value: m }));
        const picked = await ui.pick({ placeholder: vscode.l10n.t('How long is each session?'), items, active: items.find((i) => i.value === s.minutes) });
        s.minutes = picked.value ?? DEFAULT_MINUTES;
      },
    },

    // 5 — over what time frame
    {
      number: 5,
      run: async (ui, s) => {
        s.timeframe = await ui.input({
          prompt: vscode.l10n.t('Over what time frame? It completes "… {0} with me ___, focusing on …"', sessionsInWords(s.sessions)),
          placeholder: vscode.l10n.t('e.g. over the next six weeks, this quarter, before the end of March'),
          value: s.timeframe,
          validate: lengthBetween(1, LIMITS.shortText, vscode.l10n.t('Give a time frame, e.g. "over the next six weeks" — it keeps the ask bounded.')),
          onDidChange: (v) => (s.timeframe = v),
        });
      },
    },

    // 6 — two to five topics
    {
      number: 6,
      run: async (ui, s) => {
        s.topicsText = await ui.input({
          prompt: vscode.l10n.t('Two to five concrete topics for the sessions, separated by ";"'),
          placeholder: vscode.l10n.t('e.g. reading our financial reports; turning the numbers into a story; what to do next at my level'),
          value: s.topicsText,
          validate: (v) => topicsProblem(splitTopics(v), v),
          onDidChange: (v) => (s.topicsText = v),
        });
      },
    },

    // 7 — review: the quality check of the rendered request, then save
    {
      number: 7,
      run: async (ui, s) => {
        const draft = await review(deps, s);
        const check = draft.check;
        // The text itself, read before anything is saved: beside, read-only, the focus stays here.
        const preview = await deps.texts.show(draft.input.text ?? '', vscode.l10n.t('Request to {0} (preview)', draft.personName || vscode.l10n.t('them')), { beside: true });
        type Action = 'save' | 'copy' | 'back';
        const save: Item<Action> = { label: `$(save) ${vscode.l10n.t('Save draft')}`, description: vscode.l10n.t('the text shown beside, under Drafts in the Outreach view'), value: 'save' };
        const copy: Item<Action> = { label: `$(copy) ${vscode.l10n.t('Save draft and copy')}`, description: vscode.l10n.t('the text goes to the clipboard'), value: 'copy' };
        const back: Item<Action> = { label: `$(arrow-left) ${vscode.l10n.t('Back')}`, description: vscode.l10n.t('change an answer — Back again goes further'), value: 'back' };
        const findings: Item<Action>[] = check.findings.length
          ? check.findings.map((f) => ({ label: `${ICONS[f.severity]} ${f.message}`, detail: f.fix }))
          : [{ label: `$(pass) ${vscode.l10n.t('Nothing to fix')}`, detail: vscode.l10n.t('Specific, bounded and personal.') }];
        const items = [save, copy, back, sep<Action>(vscode.l10n.t('Quality check: {0}', counts(check))), ...findings];
        let picked: Item<Action>;
        try {
          picked = await ui.pick({
            title: vscode.l10n.t('Score {0}/100 — {1} · {2}, {3}', check.score, verdict(check), draft.personName, draft.skillName),
            placeholder: vscode.l10n.t('Score {0}/100 — {1}', check.score, check.reason),
            items,
            active: save,
            accept: async (item) => {
              if (item.value === 'back') return true;
              if (item.value === undefined) return false; // a finding: there to read
              try {
                s.saved = await saveDraft(deps, draft.input);
              } catch (e) {
                // Nothing typed is lost: the wizard stays open, and Back leads to the step to change.
                void vscode.window.showErrorMessage(vscode.l10n.t('The draft was not saved: {0}', (e as Error).message));
                return false;
              }
              if (item.value === 'copy') {
                await vscode.env.clipboard.writeText(s.saved.text);
                s.copied = true;
              }
              return true;
            },
          });
        } finally {
          await preview.close();
        }
        if (picked.value === 'back') ui.back();
      },
    },
  ];
}

const ICONS: Record<Severity, string> = { error: '$(error)', warning: '$(warning)', info: '$(info)' };

function counts(check: CheckResult): string {
  const { error, warning, info } = check.counts;
  const parts: string[] = [];
  if (error > 0) parts.push(error === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', error));
  if (warning > 0) parts.push(warning === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warning));
  if (info > 0) parts.push(info === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', info));
  return parts.join(', ') || vscode.l10n.t('no findings');
}

function verdict(check: CheckResult): string {
  if (check.counts.error > 0) return vscode.l10n.t('fix first');
  if (check.counts.warning === 0) return vscode.l10n.t('ready to send');
  return check.score >= 90 ? vscode.l10n.t('nearly ready') : vscode.l10n.t('could be more specific');
}

/** The request as it will be saved (the user's own template if they have one) and its quality check. */
async function review(deps: Deps, s: Flow): Promise<{ input: DraftInput; check: CheckResult; personName: string; skillName: string }> {
  const j = deps.store.journal;
  const skill: Skill | undefined = s.skill && 'id' in s.skill ? j.skills.find((k) => k.id === (s.skill as { id: string }).id) : undefined;
  const existing: Person | undefined = s.newPerson ? undefined : j.people.find((p) => p.id === s.personId);
  const skillName = skill?.name ?? s.skillName;
  const person: NewPerson | undefined = s.newPerson ? { name: s.person.name, org: s.person.org ?? 'inside', seniority: s.person.seniority ?? 'peer', evidence: s.person.evidence } : undefined;
  const model: RequestModel = {
    personName: existing?.name ?? person?.name ?? '',
    aspiration: j.aspiration,
    skill: skillName,
    evidence: existing?.evidence ?? person?.evidence ?? '',
    sessions: s.sessions,
    minutesPerSession: s.minutes,
    timeframe: s.timeframe,
    topics: splitTopics(s.topicsText),
    // A new person typed here was suggested by nobody the flow knows of; an existing one may be a referral.
    referredBy: referrerName(j.people, existing),
  };
  const text = await render(deps, model);
  const check = checkRequest(text, {
    personName: model.personName || undefined,
    skillName: skillName || undefined,
    sessions: model.sessions,
    timeframe: model.timeframe || undefined,
    topics: model.topics,
    aspiration: model.aspiration || undefined,
    evidence: model.evidence || undefined,
  });
  const input: DraftInput = {
    // An id that has gone meanwhile (deleted in the builder) is refused by addDraft with its reason.
    skill: s.skill ?? { name: s.skillName },
    person: existing ? { id: existing.id } : (person ?? { id: s.personId ?? '' }),
    sessions: s.sessions,
    minutesPerSession: s.minutes,
    timeframe: s.timeframe,
    topics: model.topics,
    // What was checked is what is saved (the user's template may differ from the built-in one).
    text,
  };
  return { input, check, personName: model.personName, skillName };
}

async function render(deps: Deps, model: RequestModel): Promise<string> {
  let override;
  try {
    override = (await userTemplates(deps, ['request'])).request;
  } catch {
    override = undefined;
  }
  const { text, templateError } = renderRequestOrFallback(model, override);
  if (templateError) warnTemplateFailed(templateError);
  return text;
}

function personItem(p: Person): Item<string> {
  return { label: p.name, description: `${orgLabel(p.org)}, ${seniorityLabel(p.seniority)}`, detail: p.evidence || undefined, value: p.id };
}

function sameSkill(value: unknown, skill: Flow['skill'], typing: boolean): boolean {
  if (typing) return value === 'type';
  if (!skill || typeof value !== 'object' || value === null) return false;
  if ('id' in skill) return 'id' in value && value.id === skill.id;
  return 'name' in value && value.name === skill.name;
}

function lengthBetween(min: number, max: number, emptyMessage: string): Validator {
  return (v) => {
    const t = v.trim();
    if (t.length < min) return emptyMessage;
    if (t.length > max) return vscode.l10n.t('Too long: {0} characters, at most {1}.', t.length, max);
    return undefined;
  };
}

export function splitTopics(text: string): string[] {
  return text
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Why these topics will not do (two to five, each short, none twice), or undefined. */
export function topicsProblem(topics: readonly string[], raw?: string): string | undefined {
  if (topics.length === 0) return vscode.l10n.t('Name two to five topics, separated by ";" — e.g. reading our financial reports; turning the numbers into a story.');
  if (topics.length === 1) {
    return raw?.includes(',') ? vscode.l10n.t('One topic so far: separate topics with ";" (a comma stays inside a topic).') : vscode.l10n.t('One topic so far: add at least one more, after a ";".');
  }
  // The words say ASK_LIMITS.topics.max (five).
  if (topics.length > ASK_LIMITS.topics.max) return vscode.l10n.t('{0} topics: keep it to five at most — a focused ask is an easy yes.', topics.length);
  const long = topics.find((t) => t.length > LIMITS.shortText);
  if (long) return vscode.l10n.t('A topic is too long ({0} characters, at most {1}).', long.length, LIMITS.shortText);
  const seen = new Set<string>();
  for (const t of topics) {
    const key = t.toLowerCase();
    if (seen.has(key)) return vscode.l10n.t('"{0}" is listed twice.', t);
    seen.add(key);
  }
  return undefined;
}

