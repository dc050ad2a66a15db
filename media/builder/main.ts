// The Assessment & Request Builder (runs in the webview). Assess → Identify → Ask. It says "ready"
// first; the extension then posts the journal's data. Every edit is posted to the extension, which
// validates it and saves it to the journal; the form's own progress (step, ask, person being typed)
// is kept with setState so it survives hide/show and a window reload.
import type { AskForm, BuilderData, FindingView, PersonForm, PersonRow, Step, ToHost, ToWebview, WebviewState } from '../../src/webview/protocol';
import { debounce, h, icon, replaceChildren } from './dom';
import './main.css';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const STEP_LIST: readonly { id: Step; title: string; hint: string }[] = [
  { id: 'assess', title: 'Assess', hint: 'Rate your skills; pick the ONE area that matters most.' },
  { id: 'identify', title: 'Identify', hint: 'Find people who are great at it.' },
  { id: 'ask', title: 'Ask', hint: 'A short, specific, bounded request.' },
];
const MINUTES = [15, 20, 30, 45, 60, 90];
const SENIORITY_LABELS = { senior: 'Senior to me', peer: 'A peer', junior: 'Junior to me', manager: 'My manager' } as const;

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
const tabs = h('nav', { class: 'steps', 'aria-label': 'Steps' });
const banner = h('div', { class: 'banner', role: 'status' });
const section = h('section', { class: 'step', 'aria-labelledby': 'step-title' });
app.replaceChildren(
  h('header', {}, h('h1', {}, 'Assessment & Request Builder'), h('p', { class: 'lede' }, 'Ask for a few specific sessions with someone great at one thing — not for "a mentor".')),
  tabs,
  banner,
  section,
);

function render(): void {
  renderTabs();
  renderBanner();
  if (!data) {
    replaceChildren(section, h('p', {}, 'Loading…'));
    return;
  }
  if (state.step === 'assess') renderAssess(data);
  else if (state.step === 'identify') renderIdentify(data);
  else renderAsk(data);
}

function go(step: Step): void {
  setState({ step });
  notice = null;
  render();
  (section.querySelector('h2') as HTMLElement | null)?.focus();
  if (step === 'ask') requestPreview.flush();
}

function renderTabs(): void {
  replaceChildren(
    tabs,
    ...STEP_LIST.map((s, i) =>
      h(
        'button',
        { type: 'button', class: 'tab', 'data-key': `tab-${s.id}`, 'aria-current': state.step === s.id ? 'step' : undefined, title: s.hint, onclick: () => go(s.id) },
        h('span', { class: 'num' }, String(i + 1)),
        s.title,
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
  placeholder: 'developing my leadership skills',
  oninput: () => sendAspiration(aspirationInput.value),
  onchange: () => sendAspiration.flush(),
});
const sendAspiration = debounce((text: string) => post({ type: 'setAspiration', text }), 400);

function renderAssess(d: BuilderData): void {
  if (document.activeElement !== aspirationInput) aspirationInput.value = d.aspiration;
  const newSkill = h('input', { id: 'new-skill', 'data-key': 'new-skill', type: 'text', maxlength: 200, list: 'catalogue', placeholder: 'e.g. Financial acumen' });
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
    h('h2', { id: 'step-title', tabindex: -1 }, '1. Assess: where do you want to grow?'),
    h('label', { for: 'aspiration', class: 'field-label' }, 'I am working on …'),
    aspirationInput,
    h('h3', {}, 'Skill areas'),
    h('p', { class: 'hint' }, 'Rate each area: your current level and how important it is to your aspiration (1 = low, 5 = high). The list ranks itself by priority = importance × gap, where gap = 5 − current level; ties go to the more important area, then the one you are weaker in, then by name.'),
    d.skills.length ? skillTable(d) : h('p', { class: 'empty' }, 'No skill areas yet — add your own or start from the common ones below.'),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'new-skill', class: 'sr-only' }, 'New skill area'),
      newSkill,
      h('datalist', { id: 'catalogue' }, ...d.catalogue.map((c) => h('option', { value: c.name }))),
      h('button', { type: 'button', class: 'secondary', 'data-key': 'add-skill', onclick: addNew }, icon('add'), 'Add skill area'),
    ),
    d.catalogue.length
      ? h(
          'div',
          { class: 'chips', role: 'group', 'aria-label': 'Common skill areas' },
          h('span', { class: 'hint' }, 'Common skill areas: '),
          ...d.catalogue.map((c) => h('button', { type: 'button', class: 'chip', 'data-key': `cat-${c.name}`, title: c.hint, 'aria-label': `Add ${c.name}`, onclick: () => post({ type: 'addSkill', name: c.name }) }, icon('add'), c.name)),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      focus
        ? h('p', { class: 'focus-line' }, icon('target'), 'Your focus: ', h('strong', {}, focus.name))
        : h('p', { class: 'hint' }, 'Add a skill area, then choose the one to focus on.'),
      h('button', { type: 'button', 'data-key': 'next-identify', disabled: !focus, onclick: () => go('identify') }, 'Next: who is great at it?', icon('arrow-right')),
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
          const skill = d.skills.find((s) => s.id === skillId);
          if (!skill) return;
          const v = Number((e.target as HTMLSelectElement).value);
          post({ type: 'rateSkill', skillId, current: which === 'current' ? v : skill.current, importance: which === 'importance' ? v : skill.importance });
        },
      },
      ...[1, 2, 3, 4, 5].map((n) => h('option', { value: n, selected: n === value }, String(n))),
    );
  return h(
    'table',
    { class: 'skills' },
    h('caption', { class: 'sr-only' }, 'Skill areas ranked by priority'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Skill area'), h('th', { scope: 'col' }, 'Current level'), h('th', { scope: 'col' }, 'Importance'), h('th', { scope: 'col' }, 'Priority'), h('th', { scope: 'col' }, 'Focus'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Remove')))),
    h(
      'tbody',
      {},
      ...d.skills.map((s) =>
        h(
          'tr',
          { class: s.id === d.focusSkillId ? 'is-focus' : undefined },
          h('td', { class: 'rank' }, String(s.rank)),
          h('th', { scope: 'row' }, s.name, s.tieNote ? h('span', { class: 'tie' }, s.tieNote) : null),
          h('td', {}, levelSelect(s.id, 'current', s.current, `Current level in ${s.name}`)),
          h('td', {}, levelSelect(s.id, 'importance', s.importance, `Importance of ${s.name}`)),
          h('td', { class: 'priority' }, String(s.priority)),
          h('td', {}, h('input', { type: 'radio', name: 'focus', 'data-key': `focus-${s.id}`, 'aria-label': `Focus on ${s.name}`, checked: s.id === d.focusSkillId, onchange: () => post({ type: 'setFocus', skillId: s.id }) })),
          h('td', {}, h('button', { type: 'button', class: 'icon', 'data-key': `remove-${s.id}`, 'aria-label': `Remove ${s.name}`, title: `Remove ${s.name}`, onclick: () => post({ type: 'removeSkill', skillId: s.id }) }, icon('trash'))),
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
    replaceChildren(section, h('h2', { id: 'step-title', tabindex: -1 }, '2. Identify'), h('p', {}, 'First choose the one skill area to focus on.'), h('button', { type: 'button', onclick: () => go('assess') }, icon('arrow-left'), 'Back to Assess'));
    return;
  }
  const people = peopleForFocus(d);
  const others = d.people.filter((p) => !people.includes(p));
  const form = state.person ?? { name: '', org: 'inside', seniority: 'senior', evidence: '' };
  const update = (change: Partial<PersonForm>) => setState({ person: { ...form, ...state.person, ...change } });
  const reuse = h('select', { id: 'reuse', 'data-key': 'reuse' }, h('option', { value: '' }, 'Choose someone…'), ...others.map((p) => h('option', { value: p.id }, p.name)));
  replaceChildren(
    section,
    h('h2', { id: 'step-title', tabindex: -1 }, `2. Identify: who is great at ${focus.name.toLocaleLowerCase()}?`),
    h('p', { class: 'hint' }, 'Think of people you have seen do it well — inside your organisation or outside, senior, peer or junior. What you have seen them do goes into your request.'),
    people.length
      ? h(
          'ul',
          { class: 'people', 'aria-label': `People for ${focus.name}` },
          ...people.map((p) =>
            h(
              'li',
              {},
              h('div', { class: 'who' }, h('strong', {}, p.name), h('span', { class: 'tag' }, p.org), h('span', { class: 'tag' }, SENIORITY_LABELS[p.seniority])),
              p.evidence ? h('p', { class: 'evidence' }, p.evidence) : h('p', { class: 'evidence missing' }, 'What have you seen them do? Edit to add it.'),
              h(
                'div',
                { class: 'row' },
                h('button', { type: 'button', class: 'secondary', 'data-key': `edit-${p.id}`, onclick: () => { setState({ person: { id: p.id, name: p.name, org: p.org, seniority: p.seniority, evidence: p.evidence } }); render(); (section.querySelector('#person-name') as HTMLElement | null)?.focus(); } }, icon('edit'), `Edit ${p.name}`),
                h('button', { type: 'button', 'data-key': `ask-${p.id}`, onclick: () => { setAsk({ personId: p.id, text: null }); go('ask'); } }, `Ask ${p.name}`, icon('arrow-right')),
              ),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'No one yet.'),
    d.coverageHint ? h('p', { class: 'msg info' }, icon('lightbulb'), d.coverageHint) : null,
    others.length
      ? h(
          'div',
          { class: 'row' },
          h('label', { for: 'reuse' }, 'Someone from your journal: '),
          reuse,
          h('button', { type: 'button', class: 'secondary', 'data-key': 'reuse-add', onclick: () => { const p = others.find((o) => o.id === reuse.value); if (p) post({ type: 'savePerson', person: { id: p.id, name: p.name, org: p.org, seniority: p.seniority, evidence: p.evidence } }); } }, icon('add'), 'Add'),
        )
      : null,
    h(
      'form',
      {
        class: 'person-form',
        'aria-label': form.id ? `Edit ${form.name}` : 'Add someone',
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
      h('h3', {}, form.id ? `Edit ${form.name}` : 'Add someone'),
      h('label', { for: 'person-name', class: 'field-label' }, 'Name'),
      h('input', { id: 'person-name', 'data-key': 'person-name', type: 'text', required: true, maxlength: 200, value: form.name, oninput: (e: Event) => update({ name: (e.target as HTMLInputElement).value }) }),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Where are they?'),
        ...(['inside', 'outside'] as const).map((org) =>
          h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'org', value: org, 'data-key': `org-${org}`, checked: form.org === org, onchange: () => update({ org }) }), org === 'inside' ? 'Inside my organisation' : 'Outside my organisation'),
        ),
      ),
      h('label', { for: 'person-seniority', class: 'field-label' }, 'They are'),
      h(
        'select',
        { id: 'person-seniority', 'data-key': 'person-seniority', onchange: (e: Event) => update({ seniority: (e.target as HTMLSelectElement).value as PersonForm['seniority'] }) },
        ...Object.entries(SENIORITY_LABELS).map(([value, label]) => h('option', { value, selected: form.seniority === value }, label)),
      ),
      h('label', { for: 'person-evidence', class: 'field-label' }, 'What have I seen them do?'),
      h('textarea', { id: 'person-evidence', 'data-key': 'person-evidence', rows: 3, maxlength: 20000, placeholder: "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.", value: form.evidence, oninput: (e: Event) => update({ evidence: (e.target as HTMLTextAreaElement).value }) }),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', 'data-key': 'person-save' }, icon('person-add'), form.id ? 'Save changes' : 'Add person'),
        form.id ? h('button', { type: 'button', class: 'secondary', onclick: () => { setState({ person: null }); render(); } }, 'Cancel') : null,
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => go('assess') }, icon('arrow-left'), 'Back'), h('button', { type: 'button', 'data-key': 'next-ask', disabled: people.length === 0, onclick: () => go('ask') }, 'Next: write the request', icon('arrow-right'))),
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
    replaceChildren(section, h('h2', { id: 'step-title', tabindex: -1 }, '3. Ask'), h('p', {}, focus ? `First add someone who is great at ${focus.name.toLocaleLowerCase()}.` : 'First choose the one skill area to focus on.'), h('button', { type: 'button', onclick: () => go(focus ? 'identify' : 'assess') }, icon('arrow-left'), 'Back'));
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
    h('h2', { id: 'step-title', tabindex: -1 }, '3. Ask: a short, specific, bounded request'),
    h(
      'div',
      { class: 'ask-grid' },
      h(
        'div',
        { class: 'ask-form' },
        h('label', { for: 'ask-person', class: 'field-label' }, 'Who'),
        h('select', { id: 'ask-person', 'data-key': 'ask-person', onchange: (e: Event) => setAsk({ personId: (e.target as HTMLSelectElement).value, text: null }) }, ...people.map((x) => h('option', { value: x.id, selected: x.id === a.personId }, x.name))),
        h(
          'div',
          { class: 'row' },
          h('div', {}, h('label', { for: 'ask-sessions', class: 'field-label' }, 'Sessions (1–6)'), h('input', { id: 'ask-sessions', 'data-key': 'ask-sessions', type: 'number', min: 1, max: 6, step: 1, value: a.sessions, oninput: (e: Event) => { const n = Number((e.target as HTMLInputElement).value); if (Number.isInteger(n) && n >= 1 && n <= 6) setAsk({ sessions: n }); } })),
          h('div', {}, h('label', { for: 'ask-minutes', class: 'field-label' }, 'Minutes each'), h('select', { id: 'ask-minutes', 'data-key': 'ask-minutes', onchange: (e: Event) => setAsk({ minutesPerSession: Number((e.target as HTMLSelectElement).value) }) }, ...MINUTES.map((m) => h('option', { value: m, selected: m === a.minutesPerSession }, String(m))))),
        ),
        h('label', { for: 'ask-timeframe', class: 'field-label' }, 'Time frame'),
        h('input', { id: 'ask-timeframe', 'data-key': 'ask-timeframe', type: 'text', maxlength: 500, placeholder: 'over the next six weeks', value: a.timeframe, oninput: (e: Event) => setAsk({ timeframe: (e.target as HTMLInputElement).value }) }),
        h(
          'fieldset',
          { class: 'topics' },
          h('legend', {}, 'Focus topics (2–5)'),
          ...topics.map((t, i) =>
            h(
              'div',
              { class: 'row' },
              h('input', { type: 'text', 'data-key': `topic-${i}`, 'aria-label': `Topic ${i + 1}`, maxlength: 500, placeholder: i === 0 ? 'a high level understanding of our financial reports' : i === 1 ? 'how you turn numbers into a compelling story' : '', value: t, oninput: (e: Event) => { const next = [...state.ask.topics]; while (next.length <= i) next.push(''); next[i] = (e.target as HTMLInputElement).value; setAsk({ topics: next }); } }),
              topics.length > 2 ? h('button', { type: 'button', class: 'icon', 'aria-label': `Remove topic ${i + 1}`, title: 'Remove topic', onclick: () => { setAsk({ topics: state.ask.topics.filter((_, k) => k !== i) }); render(); } }, icon('close')) : null,
            ),
          ),
          topics.length < 5 ? h('button', { type: 'button', class: 'secondary', 'data-key': 'add-topic', onclick: () => { const next = [...state.ask.topics, '']; setAsk({ topics: next }); render(); (section.querySelector(`[data-key="topic-${next.length - 1}"]`) as HTMLElement | null)?.focus(); } }, icon('add'), 'Add topic') : null,
        ),
      ),
      h(
        'div',
        { class: 'ask-preview' },
        h('label', { for: 'preview', class: 'field-label' }, 'Your request (edit freely)'),
        previewArea,
        a.text !== null ? h('button', { type: 'button', class: 'secondary', 'data-key': 'reset-text', onclick: () => { setAsk({ text: null }); previewArea.value = ''; } }, icon('discard'), 'Back to the template') : null,
        p?.templateError ? h('p', { class: 'msg error' }, icon('warning'), p.templateError) : null,
        quality(p),
        h(
          'div',
          { class: 'row actions' },
          h('button', { type: 'button', class: 'secondary', 'data-key': 'copy', onclick: () => post({ type: 'copy', text: currentText() }) }, icon('copy'), 'Copy'),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'open-md', onclick: () => post({ type: 'openMarkdown', text: currentText() }) }, icon('markdown'), 'Open as Markdown'),
          h('button', { type: 'button', class: 'secondary', 'data-key': 'save-draft', disabled: !!d.readOnly, onclick: () => save(false) }, icon('save'), 'Save as draft'),
          h('button', { type: 'button', 'data-key': 'mark-sent', disabled: !!d.readOnly, onclick: () => save(true) }, icon('send'), 'Mark as sent'),
        ),
      ),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => go('identify') }, icon('arrow-left'), 'Back')),
  );
  if (!p) requestPreview();
}

function currentText(): string {
  return state.ask.text ?? preview?.text ?? previewArea.value;
}

function quality(p: typeof preview): HTMLElement {
  if (!p) return h('div', { class: 'quality', id: 'quality' }, h('p', { class: 'hint' }, 'Checking…'));
  const errors = p.findings.filter((f) => f.severity === 'error').length;
  const level = p.score >= 80 && errors === 0 ? 'good' : p.score >= 50 ? 'fair' : 'poor';
  return h(
    'div',
    { class: 'quality', id: 'quality' },
    h('div', { class: `score ${level}` }, h('meter', { min: 0, max: 100, low: 50, high: 80, optimum: 100, value: p.score, 'aria-label': 'Request quality score' }), h('span', { class: 'score-num' }, `${p.score}/100`), h('span', { class: 'reason' }, p.reason)),
    p.findings.length ? h('ul', { class: 'findings', 'aria-label': 'Findings' }, ...p.findings.map(finding)) : null,
  );
}

function finding(f: FindingView): HTMLElement {
  const ic = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info';
  const excerpt = f.end > f.start ? (preview?.text ?? '').slice(f.start, Math.min(f.end, f.start + 60)) : '';
  return h('li', { class: `finding ${f.severity}`, 'data-finding': f.id }, icon(ic), h('div', {}, h('span', { class: 'sr-only' }, `${f.severity}: `), h('strong', {}, f.message), excerpt ? h('q', {}, excerpt) : null, h('span', { class: 'fix' }, f.fix)));
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
      notice = { kind: 'info', text: m.sent ? `Marked as sent to ${m.personName}. It is in the Outreach view under Awaiting reply.` : `Saved as a draft for ${m.personName}. It is in the Outreach view under Drafts.` };
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
