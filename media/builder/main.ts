// The Assessment & Request Builder (runs in the webview). Assess → Identify → Ask. It says "ready"
// first; the extension then posts the journal's data. Every edit is posted to the extension, which
// validates it and saves it to the journal; the form's own progress (step, ask, person being typed)
// is kept with setState so it survives hide/show and a window reload.
import type { AskForm, BuilderData, FindingView, PersonForm, PersonRow, Step, ToHost, ToWebview, WebviewState } from '../../src/webview/protocol';
import { BUILDER_STRINGS, format, type BuilderStringKey } from '../../src/webview/builderStrings';
import { debounce, h, icon, keepFocus, replaceChildren } from './dom';
import { MINUTE_CHOICES } from '../../src/domain/ask';
import './main.css';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const STEP_LIST: readonly { id: Step; titleKey: BuilderStringKey; hintKey: BuilderStringKey }[] = [
  { id: 'assess', titleKey: 'stepAssess', hintKey: 'stepAssessHint' },
  { id: 'identify', titleKey: 'stepIdentify', hintKey: 'stepIdentifyHint' },
  { id: 'ask', titleKey: 'stepAsk', hintKey: 'stepAskHint' },
];
const SENIORITY_LABELS = { senior: 'senioritySenior', peer: 'seniorityPeer', junior: 'seniorityJunior', manager: 'seniorityManager' } as const satisfies Record<PersonForm['seniority'], BuilderStringKey>;

/**
 * Our text in the display language: the extension sends the translations with its data; until then
 * (and for any key it did not send) the English of builderStrings.ts. `{0}` … are filled from `args`.
 */
function s(key: BuilderStringKey, ...args: (string | number)[]): string {
  const translated = data?.strings[key];
  return format(typeof translated === 'string' ? translated : BUILDER_STRINGS[key], args);
}

/**
 * A skill area's name inside a sentence: English writes it in lower case ("who is great at financial
 * acumen?"); other languages (German capitalises nouns) keep it as typed. The page's lang is the
 * display language (set by the extension).
 */
function inSentence(name: string): string {
  const lang = document.documentElement.lang || 'en';
  return lang.toLowerCase().startsWith('en') ? name.toLocaleLowerCase() : name;
}

function post(message: ToHost): void {
  vscode.postMessage(message);
}

// ---------------------------------------------------------------------------------------------
// State

let data: BuilderData | null = null;
let state: WebviewState = restore(vscode.getState());
let preview: Extract<ToWebview, { type: 'preview' }> | null = null;
let seq = 0;
let notice: { kind: 'info' | 'error'; text: string } | null = null;

function blankAsk(sessions = 3): AskForm {
  return { personId: null, sessions, minutesPerSession: 45, timeframe: '', topics: ['', ''], text: null };
}

/** The saved state is ours, but check its shape anyway: a bad one is replaced, never trusted. */
function restore(raw: unknown): WebviewState {
  const fallback: WebviewState = { step: 'assess', ask: blankAsk(), person: null };
  if (typeof raw !== 'object' || raw === null) return fallback;
  const r = raw as Partial<WebviewState>;
  const step = STEP_LIST.some((s) => s.id === r.step) ? (r.step as Step) : 'assess';
  const a = r.ask as Partial<AskForm> | undefined;
  const ask: AskForm =
    a && typeof a === 'object'
      ? {
          personId: typeof a.personId === 'string' ? a.personId : null,
          sessions: Number.isInteger(a.sessions) && (a.sessions as number) >= 1 && (a.sessions as number) <= 6 ? (a.sessions as number) : 3,
          minutesPerSession: typeof a.minutesPerSession === 'number' ? a.minutesPerSession : 45,
          timeframe: typeof a.timeframe === 'string' ? a.timeframe : '',
          topics: Array.isArray(a.topics) ? a.topics.filter((t): t is string => typeof t === 'string').slice(0, 5) : ['', ''],
          text: typeof a.text === 'string' ? a.text : null,
        }
      : fallback.ask;
  const p = r.person as Partial<PersonForm> | null | undefined;
  const person: PersonForm | null =
    p && typeof p === 'object' && typeof p.name === 'string'
      ? { ...(typeof p.id === 'string' ? { id: p.id } : {}), name: p.name, org: p.org === 'outside' ? 'outside' : 'inside', seniority: p.seniority && p.seniority in SENIORITY_LABELS ? p.seniority : 'senior', evidence: typeof p.evidence === 'string' ? p.evidence : '' }
      : null;
  return { step, ask, person };
}

const saveState = debounce(() => vscode.setState(state), 100);
function setState(change: Partial<WebviewState>): void {
  state = { ...state, ...change };
  saveState();
}
function setAsk(change: Partial<AskForm>): void {
  setState({ ask: { ...state.ask, ...change } });
  requestPreview();
}

const requestPreview = debounce(() => {
  if (!data) return;
  post({ type: 'preview', seq: ++seq, ask: askToSend() });
}, 120);

function askToSend(): AskForm {
  return { ...state.ask, topics: state.ask.topics.map((t) => t.trim()).filter(Boolean).slice(0, 10) };
}

// ---------------------------------------------------------------------------------------------
// Skeleton (built once; sections are re-rendered in place, keeping focus)

const app = document.getElementById('app') as HTMLElement;
const header = h('header', {});
const tabs = h('nav', { class: 'steps' });
const banner = h('div', { class: 'banner', role: 'status' });
const section = h('section', { class: 'step', 'aria-labelledby': 'step-title' });
app.replaceChildren(header, tabs, banner, section);

function render(): void {
  // replaceChildren keeps the focus in a section, but not on an element that is kept rather than rebuilt (the
  // preview): it is blurred as soon as the section's new content that takes it in is built, before
  // replaceChildren runs — so someone typing in it would lose the focus at every preview. Keep it over the render.
  const restoreFocus = keepFocus(app);
  renderHeader();
  renderTabs();
  renderBanner();
  if (!data) replaceChildren(section, h('p', {}, s('loading')));
  else if (state.step === 'assess') renderAssess(data);
  else if (state.step === 'identify') renderIdentify(data);
  else renderAsk(data);
  restoreFocus();
}

function go(step: Step): void {
  setState({ step });
  notice = null;
  render();
  (section.querySelector('h2') as HTMLElement | null)?.focus();
  if (step === 'ask') requestPreview.flush();
}

function renderHeader(): void {
  replaceChildren(header, h('h1', {}, s('title')), h('p', { class: 'lede' }, s('lede')));
}

function renderTabs(): void {
  tabs.setAttribute('aria-label', s('steps'));
  replaceChildren(
    tabs,
    ...STEP_LIST.map((step, i) =>
      h(
        'button',
        { type: 'button', class: 'tab', 'data-key': `tab-${step.id}`, 'aria-current': state.step === step.id ? 'step' : undefined, title: s(step.hintKey), onclick: () => go(step.id) },
        h('span', { class: 'num' }, String(i + 1)),
        s(step.titleKey),
      ),
    ),
  );
}

function renderBanner(): void {
  const items: Node[] = [];
  if (data?.readOnly) items.push(h('p', { class: 'msg error' }, icon('lock'), data.readOnly));
  if (notice) items.push(h('p', { class: `msg ${notice.kind}` }, icon(notice.kind === 'error' ? 'error' : 'check'), notice.text));
  replaceChildren(banner, ...items);
}

function focusSkill(d: BuilderData) {
  return d.skills.find((s) => s.id === d.focusSkillId) ?? null;
}
function peopleForFocus(d: BuilderData): PersonRow[] {
  return d.focusSkillId ? d.people.filter((p) => p.skillIds.includes(d.focusSkillId as string)) : [];
}

// ---------------------------------------------------------------------------------------------
// Step 1: Assess

const aspirationInput = h('input', {
  id: 'aspiration',
  'data-key': 'aspiration',
  type: 'text',
  maxlength: 500,
  oninput: () => sendAspiration(aspirationInput.value),
  onchange: () => sendAspiration.flush(),
});
const sendAspiration = debounce((text: string) => post({ type: 'setAspiration', text }), 400);

function renderAssess(d: BuilderData): void {
  if (document.activeElement !== aspirationInput) aspirationInput.value = d.aspiration;
  aspirationInput.placeholder = s('aspirationPlaceholder');
  const newSkill = h('input', { id: 'new-skill', 'data-key': 'new-skill', type: 'text', maxlength: 200, list: 'catalogue', placeholder: s('newSkillPlaceholder') });
  const addNew = () => {
    const name = newSkill.value.trim();
    if (!name) return;
    post({ type: 'addSkill', name });
    newSkill.value = '';
  };
  newSkill.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addNew();
    }
  });
  const focus = focusSkill(d);
  replaceChildren(
    section,
    h('h2', { id: 'step-title', tabindex: -1 }, s('assessHeading')),
    h('label', { for: 'aspiration', class: 'field-label' }, s('aspirationLabel')),
    aspirationInput,
    h('h3', {}, s('skillAreas')),
    h('p', { class: 'hint' }, s('skillAreasHint')),
    d.skills.length ? skillTable(d) : h('p', { class: 'empty' }, s('noSkillAreas')),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'new-skill', class: 'sr-only' }, s('newSkillArea')),
      newSkill,
      h('datalist', { id: 'catalogue' }, ...d.catalogue.map((c) => h('option', { value: c.name }))),
      h('button', { type: 'button', class: 'secondary', 'data-key': 'add-skill', onclick: addNew }, icon('add'), s('addSkillArea')),
    ),
    d.catalogue.length
      ? h(
          'div',
          { class: 'chips', role: 'group', 'aria-label': s('commonSkillAreas') },
          h('span', { class: 'hint' }, `${s('commonSkillAreasPrefix')} `),
          ...d.catalogue.map((c) => h('button', { type: 'button', class: 'chip', 'data-key': `cat-${c.name}`, title: c.hint, 'aria-label': s('addNamed', c.name), onclick: () => post({ type: 'addSkill', name: c.name }) }, icon('add'), c.name)),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      focus
        ? h('p', { class: 'focus-line' }, icon('target'), `${s('yourFocus')} `, h('strong', {}, focus.name))
        : h('p', { class: 'hint' }, s('addSkillThenFocus')),
      h('button', { type: 'button', 'data-key': 'next-identify', disabled: !focus, onclick: () => go('identify') }, s('nextIdentify'), icon('arrow-right')),
    ),
  );
}

function skillTable(d: BuilderData): HTMLElement {
  const levelSelect = (skillId: string, which: 'current' | 'importance', value: number, label: string) =>
    h(
      'select',
      {
        'data-key': `${which}-${skillId}`,
        'aria-label': label,
        onchange: (e: Event) => {
          // Both ratings as the row shows them now: the data of the last render may be older than a
          // change the person made a moment ago in the other select (its update still on its way).
          const row = (e.target as HTMLElement).closest('tr');
          const shown = (w: 'current' | 'importance') => Number(row?.querySelector<HTMLSelectElement>(`select[data-key="${w}-${CSS.escape(skillId)}"]`)?.value);
          const current = shown('current');
          const importance = shown('importance');
          if (!Number.isInteger(current) || !Number.isInteger(importance)) return;
          post({ type: 'rateSkill', skillId, current, importance });
        },
      },
      ...[1, 2, 3, 4, 5].map((n) => h('option', { value: n, selected: n === value }, String(n))),
    );
  return h(
    'table',
    { class: 'skills' },
    h('caption', { class: 'sr-only' }, s('skillsCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, s('columnSkillArea')),
        h('th', { scope: 'col' }, s('columnCurrentLevel')),
        h('th', { scope: 'col' }, s('columnImportance')),
        h('th', { scope: 'col' }, s('columnPriority')),
        h('th', { scope: 'col' }, s('columnFocus')),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, s('columnRemove'))),
      ),
    ),
    h(
      'tbody',
      {},
      ...d.skills.map((sk) =>
        h(
          'tr',
          { class: sk.id === d.focusSkillId ? 'is-focus' : undefined },
          h('td', { class: 'rank' }, String(sk.rank)),
          h('th', { scope: 'row' }, sk.name, sk.tieNote ? h('span', { class: 'tie' }, sk.tieNote) : null),
          h('td', {}, levelSelect(sk.id, 'current', sk.current, s('currentLevelIn', sk.name))),
          h('td', {}, levelSelect(sk.id, 'importance', sk.importance, s('importanceOf', sk.name))),
          h('td', { class: 'priority' }, String(sk.priority)),
          h('td', {}, h('input', { type: 'radio', name: 'focus', 'data-key': `focus-${sk.id}`, 'aria-label': s('focusOn', sk.name), checked: sk.id === d.focusSkillId, onchange: () => post({ type: 'setFocus', skillId: sk.id }) })),
          h('td', {}, h('button', { type: 'button', class: 'icon', 'data-key': `remove-${sk.id}`, 'aria-label': s('removeNamed', sk.name), title: s('removeNamed', sk.name), onclick: () => post({ type: 'removeSkill', skillId: sk.id }) }, icon('trash'))),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: Identify

function renderIdentify(d: BuilderData): void {
  const focus = focusSkill(d);
  if (!focus) {
    replaceChildren(section, h('h2', { id: 'step-title', tabindex: -1 }, s('identifyHeading')), h('p', {}, s('chooseFocusFirst')), h('button', { type: 'button', onclick: () => go('assess') }, icon('arrow-left'), s('backToAssess')));
    return;
  }
  const people = peopleForFocus(d);
  const others = d.people.filter((p) => !people.includes(p));
  const form = state.person ?? { name: '', org: 'inside', seniority: 'senior', evidence: '' };
  const update = (change: Partial<PersonForm>) => setState({ person: { ...form, ...state.person, ...change } });
  const reuse = h('select', { id: 'reuse', 'data-key': 'reuse' }, h('option', { value: '' }, s('chooseSomeone')), ...others.map((p) => h('option', { value: p.id }, p.name)));
  replaceChildren(
    section,
    h('h2', { id: 'step-title', tabindex: -1 }, s('identifyHeadingFor', inSentence(focus.name))),
    h('p', { class: 'hint' }, s('identifyHint')),
    people.length
      ? h(
          'ul',
          { class: 'people', 'aria-label': s('peopleFor', focus.name) },
          ...people.map((p) =>
            h(
              'li',
              {},
              h('div', { class: 'who' }, h('strong', {}, p.name), h('span', { class: 'tag' }, s(p.org === 'inside' ? 'orgInside' : 'orgOutside')), h('span', { class: 'tag' }, s(SENIORITY_LABELS[p.seniority]))),
              p.evidence ? h('p', { class: 'evidence' }, p.evidence) : h('p', { class: 'evidence missing' }, s('evidenceMissing')),
              h(
                'div',
                { class: 'row' },
                h('button', { type: 'button', class: 'secondary', 'data-key': `edit-${p.id}`, onclick: () => { setState({ person: { id: p.id, name: p.name, org: p.org, seniority: p.seniority, evidence: p.evidence } }); render(); (section.querySelector('#person-name') as HTMLElement | null)?.focus(); } }, icon('edit'), s('editNamed', p.name)),
                h('button', { type: 'button', 'data-key': `ask-${p.id}`, onclick: () => { setAsk({ personId: p.id, text: null }); go('ask'); } }, s('askNamed', p.name), icon('arrow-right')),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, s('noOneYet')),
    d.coverageHint ? h('p', { class: 'msg info' }, icon('lightbulb'), d.coverageHint) : null,
    others.length
      ? h(
          'div',
          { class: 'row' },
          h('label', { for: 'reuse' }, `${s('someoneFromJournal')} `),
          reuse,
          h('button', { type: 'button', class: 'secondary', 'data-key': 'reuse-add', onclick: () => { const p = others.find((o) => o.id === reuse.value); if (p) post({ type: 'savePerson', person: { id: p.id, name: p.name, org: p.org, seniority: p.seniority, evidence: p.evidence } }); } }, icon('add'), s('add')),
        )
      : null,
    h(
      'form',
      {
        class: 'person-form',
        'aria-label': form.id ? s('editNamed', form.name) : s('addSomeone'),
        onsubmit: (e: Event) => {
          e.preventDefault();
          const p = state.person ?? form;
          if (!p.name.trim()) {
            (section.querySelector('#person-name') as HTMLElement | null)?.focus();
            return;
          }
          post({ type: 'savePerson', person: p });
          setState({ person: null });
          render();
        },
      },
      h('h3', {}, form.id ? s('editNamed', form.name) : s('addSomeone')),
      h('label', { for: 'person-name', class: 'field-label' }, s('name')),
      h('input', { id: 'person-name', 'data-key': 'person-name', type: 'text', required: true, maxlength: 200, value: form.name, oninput: (e: Event) => update({ name: (e.target as HTMLInputElement).value }) }),
      h(
        'fieldset',
        {},
        h('legend', {}, s('whereAreThey')),
        ...(['inside', 'outside'] as const).map((org) =>
          h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'org', value: org, 'data-key': `org-${org}`, checked: form.org === org, onchange: () => update({ org }) }), org === 'inside' ? s('insideMyOrganisation') : s('outsideMyOrganisation')),
        ),
      ),
      h('label', { for: 'person-seniority', class: 'field-label' }, s('theyAre')),
      h(
        'select',
        { id: 'person-seniority', 'data-key': 'person-seniority', onchange: (e: Event) => update({ seniority: (e.target as HTMLSelectElement).value as PersonForm['seniority'] }) },
        ...Object.entries(SENIORITY_LABELS).map(([value, label]) => h('option', { value, selected: form.seniority === value }, s(label))),
      ),
      h('label', { for: 'person-evidence', class: 'field-label' }, s('whatHaveISeen')),
      h('textarea', { id: 'person-evidence', 'data-key': 'person-evidence', rows: 3, maxlength: 20000, placeholder: s('evidencePlaceholder'), value: form.evidence, oninput: (e: Event) => update({ evidence: (e.target as HTMLTextAreaElement).value }) }),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', 'data-key': 'person-save' }, icon('person-add'), form.id ? s('saveChanges') : s('addPerson')),
        form.id ? h('button', { type: 'button', class: 'secondary', onclick: () => { setState({ person: null }); render(); } }, s('cancel')) : null,
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => go('assess') }, icon('arrow-left'), s('back')), h('button', { type: 'button', 'data-key': 'next-ask', disabled: people.length === 0, onclick: () => go('ask') }, s('nextAsk'), icon('arrow-right'))),
  );
}

// ---------------------------------------------------------------------------------------------
// Step 3: Ask

const previewArea = h('textarea', {
  id: 'preview',
  'data-key': 'preview',
  rows: 14,
  maxlength: 20000,
  spellcheck: true,
  oninput: () => setAsk({ text: previewArea.value }),
});

function renderAsk(d: BuilderData): void {
  const focus = focusSkill(d);
  const people = peopleForFocus(d);
  if (!focus || people.length === 0) {
    replaceChildren(section, h('h2', { id: 'step-title', tabindex: -1 }, s('askHeading')), h('p', {}, focus ? s('addSomeoneFirst', inSentence(focus.name)) : s('chooseFocusFirst')), h('button', { type: 'button', onclick: () => go(focus ? 'identify' : 'assess') }, icon('arrow-left'), s('back')));
    return;
  }
  const ask = state.ask;
  if (!ask.personId || !people.some((p) => p.id === ask.personId)) setState({ ask: { ...ask, personId: people[0]?.id ?? null } });
  const a = state.ask;
  const topics = a.topics.length ? a.topics : ['', ''];
  const p = preview;
  if (p && document.activeElement !== previewArea) previewArea.value = p.text;
  replaceChildren(
    section,
    h('h2', { id: 'step-title', tabindex: -1 }, s('askHeadingFull')),
    h(
      'div',
      { class: 'ask-grid' },
      h(
        'div',
        { class: 'ask-form' },
        h('label', { for: 'ask-person', class: 'field-label' }, s('who')),
        h('select', { id: 'ask-person', 'data-key': 'ask-person', onchange: (e: Event) => setAsk({ personId: (e.target as HTMLSelectElement).value, text: null }) }, ...people.map((x) => h('option', { value: x.id, selected: x.id === a.personId }, x.name))),
        h(
          'div',
          { class: 'row' },
          h('div', {}, h('label', { for: 'ask-sessions', class: 'field-label' }, s('sessions')), h('input', { id: 'ask-sessions', 'data-key': 'ask-sessions', type: 'number', min: 1, max: 6, step: 1, value: a.sessions, oninput: (e: Event) => { const n = Number((e.target as HTMLInputElement).value); if (Number.isInteger(n) && n >= 1 && n <= 6) setAsk({ sessions: n }); } })),
          h('div', {}, h('label', { for: 'ask-minutes', class: 'field-label' }, s('minutesEach')), h('select', { id: 'ask-minutes', 'data-key': 'ask-minutes', onchange: (e: Event) => setAsk({ minutesPerSession: Number((e.target as HTMLSelectElement).value) }) }, ...MINUTE_CHOICES.map((m) => h('option', { value: m, selected: m === a.minutesPerSession }, String(m))))),
        ),
        h('label', { for: 'ask-timeframe', class: 'field-label' }, s('timeFrame')),
        h('input', { id: 'ask-timeframe', 'data-key': 'ask-timeframe', type: 'text', maxlength: 500, placeholder: s('timeFramePlaceholder'), value: a.timeframe, oninput: (e: Event) => setAsk({ timeframe: (e.target as HTMLInputElement).value }) }),
        h(
          'fieldset',
          { class: 'topics' },
          h('legend', {}, s('focusTopics')),
          ...topics.map((t, i) =>
            h(
              'div',
              { class: 'row' },
              h('input', { type: 'text', 'data-key': `topic-${i}`, 'aria-label': s('topicN', i + 1), maxlength: 500, placeholder: i === 0 ? s('topicPlaceholder1') : i === 1 ? s('topicPlaceholder2') : '', value: t, oninput: (e: Event) => { const next = [...state.ask.topics]; while (next.length <= i) next.push(''); next[i] = (e.target as HTMLInputElement).value; setAsk({ topics: next }); } }),
              topics.length > 2 ? h('button', { type: 'button', class: 'icon', 'aria-label': s('removeTopicN', i + 1), title: s('removeTopic'), onclick: () => { setAsk({ topics: state.ask.topics.filter((_, k) => k !== i) }); render(); } }, icon('close')) : null,
            ),
          ),
          topics.length < 5 ? h('button', { type: 'button', class: 'secondary', 'data-key': 'add-topic', onclick: () => { const next = [...state.ask.topics, '']; setAsk({ topics: next }); render(); (section.querySelector(`[data-key="topic-${next.length - 1}"]`) as HTMLElement | null)?.focus(); } }, icon('add'), s('addTopic')) : null,
        ),
      ),
      h(
        'div',
        { class: 'ask-preview' },
        h('label', { for: 'preview', class: 'field-label' }, s('yourRequest')),
        previewArea,
        a.text !== null ? h('button', { type: 'button', class: 'secondary', 'data-key': 'reset-text', onclick: () => { setAsk({ text: null }); previewArea.value = ''; } }, icon('discard'), s('backToTemplate')) : null,
        p?.templateError ? h('p', { class: 'msg error' }, icon('warning'), p.templateError) : null,
        quality(p),
        h(
          'div',
          { class: 'row actions' },
          h('button', { type: 'button', class: 'secondary', 'data-key': 'copy', onclick: () => post({ type: 'copy', text: currentText() }) }, icon('copy'), s('copy')),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'open-md', onclick: () => post({ type: 'openMarkdown', text: currentText() }) }, icon('markdown'), s('openAsMarkdown')),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'save-draft', disabled: !!d.readOnly, onclick: () => save(false) }, icon('save'), s('saveAsDraft')),
          h('button', { type: 'button', 'data-key': 'mark-sent', disabled: !!d.readOnly, onclick: () => save(true) }, icon('send'), s('markAsSent')),
        ),
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => go('identify') }, icon('arrow-left'), s('back'))),
  );
  if (!p) requestPreview();
}

function currentText(): string {
  return state.ask.text ?? preview?.text ?? previewArea.value;
}

function quality(p: typeof preview): HTMLElement {
  if (!p) return h('div', { class: 'quality', id: 'quality' }, h('p', { class: 'hint' }, s('checking')));
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  const level = p.score >= 80 && errors === 0 ? 'good' : p.score >= 50 ? 'fair' : 'poor';
  return h(
    'div',
    { class: 'quality', id: 'quality' },
    h('div', { class: `score ${level}` }, h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: p.score, 'aria-label': s('qualityScore') }), h('span', { class: 'score-num' }, `${p.score}/100`), h('span', { class: 'reason' }, p.reason)),
    p.findings.length ? h('ul', { class: 'findings', 'aria-label': s('findings') }, ...p.findings.map(finding)) : null,
  );
}

function finding(f: FindingView): HTMLElement {
  const ic = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info';
  const excerpt = f.end > f.start ? (preview?.text ?? '').slice(f.start, Math.min(f.end, f.start + 60)) : '';
  return h('li', { class: `finding ${f.severity}`, 'data-finding': f.id }, icon(ic), h('div', {}, h('span', { class: 'sr-only' }, `${s(f.severity === 'error' ? 'severityError' : f.severity === 'warning' ? 'severityWarning' : 'severityInfo')}: `), h('strong', {}, f.message), excerpt ? h('q', {}, excerpt) : null, h('span', { class: 'fix' }, f.fix)));
}

function save(markSent: boolean): void {
  requestPreview.flush();
  post({ type: 'save', ask: askToSend(), markSent });
}

// ---------------------------------------------------------------------------------------------
// Messages from the extension

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as ToWebview;
  if (typeof m !== 'object' || m === null) return;
  switch (m.type) {
    case 'data': {
      const first = data === null;
      data = m.data;
      if (first && state.ask.sessions === 3 && state.ask.personId === null) state.ask.sessions = m.data.defaultSessions;
      render();
      if (state.step === 'ask') requestPreview();
      break;
    }
    case 'goto':
      go(m.step);
      break;
    case 'preview':
      if (m.seq !== seq) return; // a newer one is on its way
      preview = m;
      if (state.step === 'ask' && data) render();
      break;
    case 'saved':
      notice = { kind: 'info', text: m.sent ? s('markedAsSent', m.personName) : s('savedAsDraft', m.personName) };
      renderBanner();
      break;
    case 'error':
      notice = { kind: 'error', text: m.message };
      renderBanner();
      break;
  }
});

render();
post({ type: 'ready' });
