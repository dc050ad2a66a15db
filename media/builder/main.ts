// The Assessment & Request Builder (runs in the webview). Assess → Identify → Ask. It says "ready"
// first; the extension then posts the journal's data. Every edit is posted to the extension, which
// validates it and saves it to the journal; the form's own progress (step, ask, person being typed)
// is kept with setState so it survives hide/show and a window reload. The Ask step's form knows the
// draft it edits (its attempt id): saving updates that draft; once it is sent, the step shows what was
// sent — also after a reload, when the form is reconciled with the journal (the data's `editing`).
import type { AskForm, BuilderData, EditingView, FindingView, PersonForm, PersonRow, Step, ToHost, ToWebview, WebviewState } from '../../src/webview/protocol';
import { BUILDER_STRINGS, format, type BuilderStringKey } from '../../src/webview/builderStrings';
import { INITIAL_DATA_ID, type InitialData } from '../../src/webview/embed';
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

/** Messages that are a person's next action: they end the offers of the last one (an Undo, a suggestion, a notice). */
const ACTIONS: ReadonlySet<ToHost['type']> = new Set(['setAspiration', 'addSkill', 'rateSkill', 'removeSkill', 'setFocus', 'savePerson', 'save', 'newRequest']);

function post(message: ToHost): void {
  if (ACTIONS.has(message.type)) clearTray();
  vscode.postMessage(message);
}

// ---------------------------------------------------------------------------------------------
// State

let data: BuilderData | null = null;
/** A form saved by a version that did not keep its attempt id: the extension is asked which attempt it was. */
let legacy = false;
/**
 * This webview's first load since its panel opened: nothing saved with setState yet. Only then is the data in the
 * HTML current — when a hidden panel is shown again (or comes back after a reload) its HTML is the one from when it
 * opened, so the webview waits for the extension's data as before.
 */
const firstLoad = vscode.getState() == null;
let state: WebviewState = restore(vscode.getState());
let preview: Extract<ToWebview, { type: 'preview' }> | null = null;
let seq = 0;
/** A save is under way (with its question before sending): the save buttons wait. */
let saving = false;
/** The inline message under "Add skill area" (an empty or a known name). */
let addSkillMessage: string | null = null;

// The tray: messages over the bottom of the page, so that they never move what is under the pointer.
type Action = { label: string; key: string; primary?: boolean; run: () => void };
let notice: { kind: 'info' | 'error' | 'warning'; text: string; actions?: Action[] } | null = null;
/** The last removal or replaced text, with its Undo; it goes after a few seconds or at the next action. */
let undo: { text: string; key: string; run: () => void } | null = null;
let undoTimer: ReturnType<typeof setTimeout> | undefined;
/** "Switch focus to …?" after the top of the ranking changed. */
let suggestion: { skillId: string; name: string } | null = null;
const UNDO_MS = 10_000;

function blankAsk(sessions = 3): AskForm {
  return { personId: null, sessions, minutesPerSession: 45, timeframe: '', topics: ['', ''], text: null, attemptId: null, basis: null };
}

/** The saved state is ours, but check its shape anyway: a bad one is replaced, never trusted. */
function restore(raw: unknown): WebviewState {
  const fallback: WebviewState = { step: 'assess', ask: blankAsk(), person: null };
  if (typeof raw !== 'object' || raw === null) return fallback;
  const r = raw as Partial<WebviewState>;
  const step = STEP_LIST.some((s) => s.id === r.step) ? (r.step as Step) : 'assess';
  const a = r.ask as Partial<AskForm> | undefined;
  legacy = !!a && typeof a === 'object' && !('attemptId' in a);
  const ask: AskForm =
    a && typeof a === 'object'
      ? {
          personId: typeof a.personId === 'string' ? a.personId : null,
          sessions: Number.isInteger(a.sessions) && (a.sessions as number) >= 1 && (a.sessions as number) <= 6 ? (a.sessions as number) : 3,
          minutesPerSession: typeof a.minutesPerSession === 'number' ? a.minutesPerSession : 45,
          timeframe: typeof a.timeframe === 'string' ? a.timeframe : '',
          topics: Array.isArray(a.topics) ? a.topics.filter((t): t is string => typeof t === 'string').slice(0, 5) : ['', ''],
          text: typeof a.text === 'string' ? a.text : null,
          attemptId: typeof a.attemptId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(a.attemptId) ? a.attemptId : null,
          basis: typeof a.basis === 'string' && typeof a.text === 'string' ? a.basis : null,
        }
      : fallback.ask;
  const p = r.person as Partial<PersonForm> | null | undefined;
  const person: PersonForm | null =
    p && typeof p === 'object' && typeof p.name === 'string'
      ? { ...(typeof p.id === 'string' ? { id: p.id } : {}), name: p.name, org: p.org === 'outside' ? 'outside' : 'inside', seniority: p.seniority && p.seniority in SENIORITY_LABELS ? p.seniority : 'senior', evidence: typeof p.evidence === 'string' ? p.evidence : '' }
      : null;
  const savedText = typeof r.savedText === 'string' && ask.attemptId !== null ? r.savedText : null;
  return { step, ask, person, savedText };
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
  const a = state.ask;
  // A message has a size limit (MAX_MESSAGE_CHARS): with two very long texts the basis is left out (the form's
  // later changes are then not carried into the text; the text stays the person's own).
  const basis = a.basis && JSON.stringify([a.text, a.basis]).length <= 40_000 ? a.basis : null;
  return { ...a, basis, topics: a.topics.map((t) => t.trim()).filter(Boolean).slice(0, 10) };
}

// ---------------------------------------------------------------------------------------------
// Skeleton (built once; sections are re-rendered in place, keeping focus)

const app = document.getElementById('app') as HTMLElement;
const header = h('header', {});
const tabs = h('nav', { class: 'steps' });
const banner = h('div', { class: 'banner', role: 'status' });
const section = h('section', { class: 'step', 'aria-labelledby': 'step-title' });
const tray = h('div', { class: 'tray', role: 'status', 'aria-live': 'polite' });
app.replaceChildren(header, tabs, banner, section, tray);

function render(): void {
  // replaceChildren keeps the focus in a section, but not on an element that is kept rather than rebuilt (the
  // preview): it is blurred as soon as the section's new content that takes it in is built, before
  // replaceChildren runs — so someone typing in it would lose the focus at every preview. Keep it over the render.
  const restoreFocus = keepFocus(app);
  renderHeader();
  renderTabs();
  renderBanner();
  renderTray();
  if (!data) replaceChildren(section, h('p', {}, s('loading')));
  else if (state.step === 'assess') renderAssess(data);
  else if (state.step === 'identify') renderIdentify(data);
  else renderAsk(data);
  restoreFocus();
}

function go(step: Step): void {
  setState({ step });
  clearTray();
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

/** What stays while the journal is read-only (in the page's flow: it is there from the start and does not move). */
function renderBanner(): void {
  replaceChildren(banner, data?.readOnly ? h('p', { class: 'msg error' }, icon('lock'), data.readOnly) : null);
}

/**
 * The tray over the bottom of the page: the last notice, an Undo, a focus suggestion. Over the page rather than
 * in it, so a message never pushes the table under the pointer onto another row's button.
 */
function renderTray(): void {
  const items: HTMLElement[] = [];
  const close = (what: () => void, key: string) => h('button', { type: 'button', class: 'icon', 'data-key': key, 'aria-label': s('dismiss'), title: s('dismiss'), onclick: () => { what(); renderTray(); } }, icon('close'));
  if (notice) {
    const n = notice;
    const ic = n.kind === 'error' ? 'error' : n.kind === 'warning' ? 'warning' : 'check';
    items.push(
      h('div', { class: `msg ${n.kind}` }, icon(ic), h('span', { class: 'msg-text' }, n.text), ...(n.actions ?? []).map(actionButton), close(() => (notice = null), 'notice-close')),
    );
  }
  if (undo) {
    const u = undo;
    items.push(h('div', { class: 'msg info' }, icon('info'), h('span', { class: 'msg-text' }, u.text), h('button', { type: 'button', class: 'secondary', 'data-key': u.key, onclick: () => { clearUndo(); u.run(); renderTray(); } }, icon('discard'), s('undo')), close(clearUndo, 'undo-close')));
  }
  if (suggestion && data) {
    const sg = suggestion;
    items.push(
      h(
        'div',
        { class: 'msg info' },
        icon('lightbulb'),
        h('span', { class: 'msg-text' }, s('suggestFocus', sg.name)),
        h('button', { type: 'button', 'data-key': 'switch-focus', onclick: () => post({ type: 'setFocus', skillId: sg.skillId }) }, icon('target'), s('switchFocusTo', sg.name)),
        close(() => (suggestion = null), 'suggestion-close'),
      ),
    );
  }
  replaceChildren(tray, ...items);
  document.body.classList.toggle('has-tray', items.length > 0);
}

function actionButton(a: Action): HTMLElement {
  return h('button', { type: 'button', class: a.primary ? undefined : 'secondary', 'data-key': a.key, onclick: () => { notice = null; a.run(); renderTray(); } }, a.label);
}

function say(kind: 'info' | 'error' | 'warning', text: string, actions?: Action[]): void {
  notice = { kind, text, ...(actions ? { actions } : {}) };
  renderTray();
}

function offerUndo(text: string, key: string, run: () => void): void {
  clearUndo();
  undo = { text, key, run };
  undoTimer = setTimeout(() => {
    // Not while the person is on its button: they are about to press it.
    if (tray.contains(document.activeElement)) return;
    undo = null;
    renderTray();
  }, UNDO_MS);
}

function clearUndo(): void {
  clearTimeout(undoTimer);
  undo = null;
}

/** The person's next action ends the offers of the last one. */
function clearTray(): void {
  notice = null;
  suggestion = null;
  clearUndo();
  renderTray();
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

/** The "New skill area" field: kept across renders (a render must not lose what is being typed). */
let addNewSkill: () => void = () => undefined;
const newSkillInput = h('input', {
  id: 'new-skill',
  'data-key': 'new-skill',
  type: 'text',
  maxlength: 200,
  list: 'catalogue',
  oninput: () => {
    if (!addSkillMessage) return;
    addSkillMessage = null;
    render();
  },
  onkeydown: (e: Event) => {
    if ((e as KeyboardEvent).key !== 'Enter') return;
    e.preventDefault();
    addNewSkill();
  },
});

function renderAssess(d: BuilderData): void {
  if (document.activeElement !== aspirationInput) aspirationInput.value = d.aspiration;
  aspirationInput.placeholder = s('aspirationPlaceholder');
  const newSkill = newSkillInput;
  newSkill.placeholder = s('newSkillPlaceholder');
  if (addSkillMessage) {
    newSkill.setAttribute('aria-invalid', 'true');
    newSkill.setAttribute('aria-describedby', 'new-skill-msg');
  } else {
    newSkill.removeAttribute('aria-invalid');
    newSkill.removeAttribute('aria-describedby');
  }
  const addNew = () => {
    const name = newSkill.value.replace(/\s+/g, ' ').trim();
    const known = d.skills.find((k) => k.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    addSkillMessage = !name ? s('emptySkillName') : known ? s('skillExists', known.name) : null;
    if (addSkillMessage) {
      render();
      (section.querySelector('#new-skill') as HTMLElement | null)?.focus();
      return;
    }
    post({ type: 'addSkill', name });
    newSkill.value = '';
  };
  addNewSkill = addNew;
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
    addSkillMessage ? h('p', { id: 'new-skill-msg', class: 'field-msg' }, icon('warning'), addSkillMessage) : null,
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
  // Each select rates its own level: a new area's levels are "not rated yet" (–) until the person picks them.
  const levelSelect = (sk: BuilderData['skills'][number], which: 'current' | 'importance', label: string) => {
    const unrated = sk.unrated.includes(which);
    return h(
      'select',
      {
        'data-key': `${which}-${sk.id}`,
        'aria-label': label,
        'aria-describedby': sk.unrated.length ? `priority-${sk.id}` : undefined,
        onchange: (e: Event) => {
          const n = Number((e.target as HTMLSelectElement).value);
          if (Number.isInteger(n) && n >= 1 && n <= 5) post({ type: 'rateSkill', skillId: sk.id, [which]: n });
        },
      },
      unrated ? h('option', { value: '', selected: true, disabled: true }, '–') : null,
      ...[1, 2, 3, 4, 5].map((n) => h('option', { value: n, selected: !unrated && n === sk[which] }, String(n))),
    );
  };
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
      ...d.skills.map((sk) => {
        const rated = sk.unrated.length === 0;
        return h(
          'tr',
          { class: [sk.id === d.focusSkillId ? 'is-focus' : '', rated ? '' : 'unrated'].filter(Boolean).join(' ') || undefined, 'data-skill': sk.id },
          h('td', { class: 'rank' }, rated ? String(sk.rank) : ''),
          h('th', { scope: 'row' }, sk.name, sk.tieNote ? h('span', { class: 'tie' }, sk.tieNote) : null),
          h('td', {}, levelSelect(sk, 'current', s('currentLevelIn', sk.name))),
          h('td', {}, levelSelect(sk, 'importance', s('importanceOf', sk.name))),
          h('td', { class: rated ? 'priority' : 'priority not-rated', id: `priority-${sk.id}` }, rated ? String(sk.priority) : s('notRatedYet')),
          h('td', {}, h('input', { type: 'radio', name: 'focus', 'data-key': `focus-${sk.id}`, 'aria-label': s('focusOn', sk.name), checked: sk.id === d.focusSkillId, onchange: () => post({ type: 'setFocus', skillId: sk.id }) })),
          h('td', {}, h('button', { type: 'button', class: 'icon', 'data-key': `remove-${sk.id}`, 'aria-label': s('removeNamed', sk.name), title: s('removeNamed', sk.name), onclick: () => post({ type: 'removeSkill', skillId: sk.id }) }, icon('trash'))),
        );
      }),
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
                h('button', { type: 'button', 'data-key': `ask-${p.id}`, onclick: () => { askPerson(p.id); go('ask'); } }, s('askNamed', p.name), icon('arrow-right')),
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
  oninput: () => {
    // The first keystroke makes the text the person's own; the template's text at that moment is its basis
    // (a later change of the form is carried into it from there, where that is safe).
    const mine = state.ask.text === null ? { text: previewArea.value, basis: preview?.template ?? null } : { text: previewArea.value };
    setAsk(mine);
  },
});

/** The attempt the form is bound to, when the data describes that one (not an older binding). */
function bound(d: BuilderData): EditingView | null {
  const e = d.editing;
  return e && state.ask.attemptId && e.attemptId === state.ask.attemptId ? e : null;
}

/** The form starts a new request: nothing of the request it edited or sent is kept. */
function startNewRequest(personId: string | null = null): void {
  setState({ ask: { ...blankAsk(data?.defaultSessions ?? 3), personId } });
  preview = null;
  previewArea.value = '';
  post({ type: 'newRequest' });
  render();
  requestPreview();
}

/**
 * "Ask Terry" from Identify: the form's person. A new request when the form shows one already sent, or edits a
 * saved draft to someone else with nothing unsaved (the saved draft stays as it is).
 */
function askPerson(personId: string): void {
  const b = data ? bound(data) : null;
  if (b && (b.status !== 'draft' || (b.ask.personId !== personId && !unsaved(b)))) startNewRequest(personId);
  else setAsk({ personId });
}

/** True when the form differs from the draft it edits as saved. */
function unsaved(e: EditingView): boolean {
  const a = state.ask;
  const topics = a.topics.map((t) => t.trim()).filter(Boolean);
  return (
    a.personId !== e.ask.personId ||
    a.sessions !== e.ask.sessions ||
    a.minutesPerSession !== e.ask.minutesPerSession ||
    a.timeframe.trim() !== e.ask.timeframe ||
    topics.join('\n') !== e.ask.topics.join('\n') ||
    currentText().trim() !== e.text.trim()
  );
}

/** Replaces the person's text with the template's (re-draft from the form), with an Undo. */
function redraft(): void {
  const before = { text: state.ask.text, basis: state.ask.basis ?? null };
  setAsk({ text: null, basis: null });
  if (preview) previewArea.value = preview.template;
  render();
  offerUndo(s('redrafted'), 'undo-redraft', () => {
    setAsk(before);
    if (before.text !== null) previewArea.value = before.text;
    render();
  });
}

function renderAsk(d: BuilderData): void {
  const b = bound(d);
  if (b && b.status !== null && b.status !== 'draft') {
    renderSent(b);
    return;
  }
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
  const draft = b && b.status === 'draft' ? b : null;
  const changed = draft ? unsaved(draft) : false;
  replaceChildren(
    section,
    h('h2', { id: 'step-title', tabindex: -1 }, s('askHeadingFull')),
    draft
      ? h(
          'div',
          { class: 'draft-line' },
          icon(changed ? 'circle-filled' : 'check'),
          h('span', {}, changed ? s('draftUnsaved', draft.personName) : s('draftSaved', draft.personName)),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'new-request', onclick: () => newRequestFromDraft(draft) }, icon('add'), s('startNewRequest')),
        )
      : null,
    h(
      'div',
      { class: 'ask-grid' },
      h(
        'div',
        { class: 'ask-form' },
        h('label', { for: 'ask-person', class: 'field-label' }, s('who')),
        h('select', { id: 'ask-person', 'data-key': 'ask-person', onchange: (e: Event) => setAsk({ personId: (e.target as HTMLSelectElement).value }) }, ...people.map((x) => h('option', { value: x.id, selected: x.id === a.personId }, x.name))),
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
        p?.source === 'detached'
          ? h(
              'div',
              { class: 'msg warning detached' },
              icon('warning'),
              h(
                'div',
                { class: 'msg-text' },
                h('p', {}, s('textIsYours')),
                h(
                  'div',
                  { class: 'row' },
                  h('button', { type: 'button', class: 'secondary', 'data-key': 'redraft', onclick: redraft }, icon('refresh'), s('redraftFromForm')),
                  h('button', { type: 'button', class: 'secondary', 'data-key': 'keep-text', onclick: () => setAsk({ basis: p.template }) }, s('keepMyText')),
                ),
              ),
            )
          : a.text !== null && p?.source !== 'template'
            ? h('button', { type: 'button', class: 'secondary', 'data-key': 'reset-text', onclick: redraft }, icon('discard'), s('backToTemplate'))
            : null,
        p?.templateError ? h('p', { class: 'msg error' }, icon('warning'), p.templateError) : null,
        quality(p),
        h(
          'div',
          { class: 'row actions' },
          h('button', { type: 'button', class: 'secondary', 'data-key': 'copy', onclick: () => post({ type: 'copy', text: currentText() }) }, icon('copy'), s('copy')),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'open-md', onclick: () => post({ type: 'openMarkdown', text: currentText(), attemptId: draft?.attemptId ?? null }) }, icon('markdown'), s('openAsMarkdown')),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'save-draft', disabled: !!d.readOnly || saving, onclick: () => save(false) }, icon('save'), s('saveAsDraft')),
          h('button', { type: 'button', 'data-key': 'mark-sent', disabled: !!d.readOnly || saving, onclick: () => save(true) }, icon('send'), s('markAsSent')),
        ),
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => go('identify') }, icon('arrow-left'), s('back'))),
  );
  if (!p) requestPreview();
}

/** "Start a new request" while editing a draft: at once if it is saved, else after saying what would be lost. */
function newRequestFromDraft(draft: EditingView): void {
  if (!unsaved(draft)) {
    startNewRequest();
    return;
  }
  say('warning', s('draftChangesNotSaved', draft.personName), [
    { label: s('saveAsDraft'), key: 'unsaved-save', primary: true, run: () => save(false) },
    { label: s('startNewAnyway'), key: 'unsaved-discard', run: () => startNewRequest() },
  ]);
}

/** The Ask step once the request was marked as sent: what was sent, read-only, and a way to start the next one. */
function renderSent(b: EditingView): void {
  replaceChildren(
    section,
    h('h2', { id: 'step-title', tabindex: -1 }, s('sentHeading')),
    h('p', { class: 'sent-line' }, icon('send'), b.sentOn ? s('sentToOn', b.personName, b.sentOn, b.statusLabel) : s('sentTo', b.personName, b.statusLabel)),
    h('p', { class: 'hint' }, s('sentHint')),
    h('label', { for: 'sent-text', class: 'field-label' }, s('sentText')),
    h('textarea', { id: 'sent-text', 'data-key': 'sent-text', class: 'sent-text', rows: 12, readonly: true, value: b.text }),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', 'data-key': 'new-request', onclick: () => { startNewRequest(); (section.querySelector('#ask-person') as HTMLElement | null)?.focus(); } }, icon('add'), s('startNewRequest')),
      h('button', { type: 'button', class: 'secondary', 'data-key': 'copy', onclick: () => post({ type: 'copy', text: b.text }) }, icon('copy'), s('copy')),
    ),
  );
}

function currentText(): string {
  return state.ask.text ?? preview?.text ?? previewArea.value;
}

function quality(p: typeof preview): HTMLElement {
  if (!p) return h('div', { class: 'quality', id: 'quality' }, h('p', { class: 'hint' }, s('checking')));
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  const level = p.score >= 80 && errors === 0 ? 'good' : p.score >= 50 ? 'fair' : 'poor';
  // The number is in the text colour (readable in every theme); the level's colour is on its icon.
  const ic = level === 'good' ? 'pass-filled' : level === 'fair' ? 'warning' : 'error';
  return h(
    'div',
    { class: 'quality', id: 'quality' },
    h('div', { class: `score ${level}` }, h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: p.score, 'aria-label': s('qualityScore') }), icon(ic), h('span', { class: 'score-num' }, `${p.score}/100`), h('span', { class: 'reason' }, p.reason)),
    p.findings.length ? h('ul', { class: 'findings', 'aria-label': s('findings') }, ...p.findings.map(finding)) : null,
  );
}

function finding(f: FindingView): HTMLElement {
  const ic = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info';
  const excerpt = f.end > f.start ? (preview?.text ?? '').slice(f.start, Math.min(f.end, f.start + 60)) : '';
  return h('li', { class: `finding ${f.severity}`, 'data-finding': f.id }, icon(ic), h('div', {}, h('span', { class: 'sr-only' }, `${s(f.severity === 'error' ? 'severityError' : f.severity === 'warning' ? 'severityWarning' : 'severityInfo')}: `), h('strong', {}, f.message), excerpt ? h('q', {}, excerpt) : null, h('span', { class: 'fix' }, f.fix)));
}

function save(markSent: boolean): void {
  if (saving) return;
  requestPreview.flush();
  saving = true;
  post({ type: 'save', ask: askToSend(), markSent });
  render();
}

/** After "Fix It First": back in the text, at the first error, with the findings in view. */
function backToTheText(): void {
  if (state.step !== 'ask') go('ask');
  const first = preview?.findings.find((f) => f.severity === 'error');
  section.querySelector('#quality')?.scrollIntoView({ block: 'nearest' });
  previewArea.focus();
  if (first && first.end > first.start) previewArea.setSelectionRange(first.start, first.end);
}

// ---------------------------------------------------------------------------------------------
// Messages from the extension

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as ToWebview;
  if (typeof m !== 'object' || m === null) return;
  switch (m.type) {
    case 'data':
      receiveData(m.data);
      break;
    case 'goto':
      go(m.step);
      break;
    case 'preview': {
      if (m.seq !== seq) return; // a newer one is on its way
      preview = m;
      const a = state.ask;
      // The text follows the form again (it equals the template's), or the form's change was carried into it.
      if (m.source === 'template' && a.text !== null) setState({ ask: { ...a, text: null, basis: null } });
      else if (m.source === 'updated') setState({ ask: { ...a, text: m.text, basis: m.template } });
      else if (m.source === 'edited' && !a.basis) setState({ ask: { ...a, basis: m.template } });
      if (state.step === 'ask' && data) render();
      break;
    }
    case 'saved':
      saving = false;
      setState({ ask: { ...state.ask, attemptId: m.attemptId } });
      say('info', m.sent ? s('markedAsSent', m.personName) : s('savedAsDraft', m.personName));
      if (data) render();
      if (m.sent) (section.querySelector('h2') as HTMLElement | null)?.focus();
      break;
    case 'sendHeld':
      saving = false;
      render();
      if (m.fix) {
        say('warning', s('notSentFixFirst'));
        backToTheText();
      }
      break;
    case 'skillRemoved': {
      const lost = !document.activeElement || document.activeElement === document.body;
      offerUndo(s('removedNamed', m.name), 'undo-remove', () => post({ type: 'undoRemoveSkill', skillId: m.skillId }));
      renderTray();
      // The row's button is gone: the focus goes to the Undo rather than to the top of the page.
      if (lost) (tray.querySelector('[data-key="undo-remove"]') as HTMLElement | null)?.focus();
      break;
    }
    case 'suggestFocus':
      suggestion = { skillId: m.skillId, name: m.name };
      renderTray();
      break;
    case 'error':
      saving = false;
      say('error', m.message);
      if (data && state.step === 'ask') render();
      break;
  }
});

/** The journal's data, from the HTML (the first paint) or from the extension (every update). */
function receiveData(d: BuilderData): void {
  const first = data === null;
  data = d;
  if (first && state.ask.sessions === 3 && state.ask.personId === null) state.ask.sessions = d.defaultSessions;
  reconcile(d);
  render();
  if (first) post({ type: 'rendered' });
  if (state.step === 'ask') requestPreview();
}

/** The data the extension put in the HTML (embed.ts); null when there is none or it is not what it should be. */
function initialData(): InitialData | null {
  const text = document.getElementById(INITIAL_DATA_ID)?.textContent;
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<InitialData> | null;
    if (typeof v !== 'object' || v === null || typeof v.data !== 'object' || v.data === null || !Array.isArray(v.data.skills)) return null;
    return { data: v.data, step: STEP_LIST.some((x) => x.id === v.step) ? (v.step as Step) : null };
  } catch {
    return null;
  }
}

/**
 * The form and the journal agree: a form restored from an older version takes the attempt it was saved as; a
 * form whose draft was deleted starts afresh (a sent one is shown as sent by renderAsk).
 */
function reconcile(d: BuilderData): void {
  const e = d.editing;
  if (legacy) {
    legacy = false;
    if (e && e.status !== null && state.ask.attemptId === null) setState({ ask: { ...state.ask, attemptId: e.attemptId } });
  }
  if (e && e.status === null && e.attemptId === state.ask.attemptId) {
    setState({ ask: { ...blankAsk(d.defaultSessions), personId: state.ask.personId }, savedText: null });
    preview = null;
    previewArea.value = '';
    post({ type: 'newRequest' });
    return;
  }
  followSavedDraft(e);
}

/**
 * The bound draft was saved somewhere else (its editor: Open as Markdown, Edit Draft; or another machine): the form
 * takes the saved text, so a later "Save as draft" here never puts back the old one. When the form has changes of
 * its own as well, it keeps them and says that saving here would replace the text saved elsewhere.
 */
function followSavedDraft(e: BuilderData['editing']): void {
  if (!e || e.status !== 'draft' || e.attemptId !== state.ask.attemptId) {
    if (state.savedText != null) setState({ savedText: null });
    return;
  }
  const before = state.savedText;
  if (before === e.text) return;
  setState({ savedText: e.text });
  if (before == null) return; // the first sight of it: nothing to compare with
  const form = currentText();
  if (sameText(form, e.text)) return; // the form's own save
  if (sameText(form, before)) {
    setState({ ask: { ...state.ask, text: e.text, basis: null } });
    previewArea.value = e.text;
    say('info', s('draftSavedElsewhere'));
  } else {
    say('warning', s('draftSavedElsewhereConflict'));
  }
}

function sameText(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

// The first paint shows the journal's data from the HTML when it is current (see firstLoad); "ready" then asks for
// the data again all the same, which also binds the extension to this form, and brings anything that changed since.
const initial = firstLoad ? initialData() : null;
if (initial) {
  if (initial.step) state.step = initial.step;
  vscode.setState(state); // a later load of this webview (shown again, a reload) waits for the extension's data
  receiveData(initial.data);
} else render();
post({ type: 'ready', attemptId: state.ask.attemptId ?? null, ...(legacy ? { legacyAsk: askToSend() } : {}) });
