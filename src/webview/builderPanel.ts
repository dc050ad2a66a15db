/**
 * The Assessment & Request Builder panel (`mentoring.builder`): one instance, revealed when opened
 * again, restored after a window reload by a serializer. The webview is locked down: CSP
 * `default-src 'none'`, scripts and styles only by a fresh nonce (the built script and styles are inline) or
 * from the webview's own origin, resources only from the built webview folder, no command URIs. All logic is
 * in BuilderController. The HTML carries the journal's data as it is when the panel opens (escaped JSON in a data block, see embed.ts), so the first paint
 * needs no round trip; every later update is a "data" message after the webview's "ready".
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { BuilderController, type BuilderHost } from './builderController';
import type { BuilderStrings } from './builderStrings';
import { INITIAL_DATA_ID, inlineElementText, jsonForScriptElement, type InitialData } from './embed';
import type { Step, ToWebview } from './protocol';
import { Disposable } from '../util/disposable';

export const BUILDER_VIEW_TYPE = 'mentoring.builder';

export type BuilderServices = Omit<BuilderHost, 'post' | 'strings'>;

export class BuilderPanel extends Disposable {
  private static current: BuilderPanel | undefined;

  readonly controller: BuilderController;
  private pendingStep: Step | undefined;

  /** Opens the builder, or reveals the one that is open; `step` jumps to a step. */
  static show(extensionUri: vscode.Uri, services: BuilderServices, step?: Step): BuilderPanel {
    const open = BuilderPanel.current;
    if (open) {
      open.panel.reveal(undefined, false);
      if (step) open.goto(step);
      return open;
    }
    const panel = vscode.window.createWebviewPanel(BUILDER_VIEW_TYPE, vscode.l10n.t('Assessment & Request Builder'), vscode.ViewColumn.Active, options(extensionUri));
    return new BuilderPanel(panel, extensionUri, services, step);
  }

  /** After a window reload: VS Code hands back the panel and the webview's last saved state. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, services: BuilderServices): BuilderPanel {
    BuilderPanel.current?.dispose();
    panel.webview.options = options(extensionUri);
    return new BuilderPanel(panel, extensionUri, services);
  }

  static get instance(): BuilderPanel | undefined {
    return BuilderPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    services: BuilderServices,
    step?: Step,
  ) {
    super();
    BuilderPanel.current = this;
    this._register(panel);
    this.pendingStep = step;
    const strings = builderStrings();
    this.controller = new BuilderController({ ...services, post: (m) => this.post(m), strings: () => strings });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'mentoring.svg');
    panel.webview.html = html(panel.webview, extensionUri, { data: this.controller.data(), step: step ?? null });
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(
      panel.webview.onDidReceiveMessage(async (raw: unknown) => {
        const wasReady = this.controller.isReady;
        await this.controller.receive(raw);
        if (!wasReady && this.controller.isReady && this.pendingStep) {
          this.goto(this.pendingStep);
        }
      }),
    );
    this._register(services.store.onDidChange(() => this.controller.refresh()));
  }

  goto(step: Step): void {
    if (this.controller.isReady) {
      this.pendingStep = undefined;
      this.post({ type: 'goto', step });
    } else this.pendingStep = step;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (BuilderPanel.current === this) BuilderPanel.current = undefined;
    super.dispose(); // the listeners first, the panel last
  }
}

function options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

function nonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/** dist/webview's script and stylesheets, read once per window (the same build for every panel); '' when unreadable. */
let assets: { js: string; css: string; codicons: string } | undefined;
function builtAssets(extensionUri: vscode.Uri): { js: string; css: string; codicons: string } {
  if (!assets) {
    const read = (name: string) => {
      try {
        return fs.readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name).fsPath, 'utf8');
      } catch {
        return ''; // linked instead (see html): the webview reports what is missing
      }
    };
    assets = { js: read('main.js'), css: read('main.css'), codicons: read('codicon.css') };
  }
  return assets;
}

/**
 * The builder's HTML. Its script and styles are inline (nonce elements: the CSP allows nothing else), so the
 * panel is interactive without a request per file; the codicon font is still a file of dist/webview. A file that
 * cannot be inlined safely (see inlineElementText) is linked as before. Relative `url(…)` and source-map
 * references are pointed at dist/webview, where they were relative to.
 */
function html(webview: vscode.Webview, extensionUri: vscode.Uri, initial: InitialData): string {
  const folder = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview')).toString();
  const asset = (name: string) => `${folder}/${name}`;
  const built = builtAssets(extensionUri);
  const mapped = (text: string) => text.replace(/(sourceMappingURL=)([\w.-]+\.map)/g, (_, key: string, map: string) => key + asset(map));
  const rebase = (css: string) => mapped(css).replace(/url\((["']?)\.\//g, (_, quote: string) => `url(${quote}${folder}/`);
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  const style = (name: 'codicon.css' | 'main.css', text: string) => {
    const inline = text === '' ? undefined : inlineElementText('style', rebase(text));
    return inline === undefined ? `<link rel="stylesheet" href="${asset(name)}">` : `<style nonce="${n}">${inline}</style>`;
  };
  const inlineScript = built.js === '' ? undefined : inlineElementText('script', mapped(built.js));
  const script = inlineScript === undefined ? `<script nonce="${n}" src="${asset('main.js')}"></script>` : `<script nonce="${n}">${inlineScript}</script>`;
  // l10n-ignore (markup: its text is localised inside)
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style('codicon.css', built.codicons)}
${style('main.css', built.css)}
<title>${escapeHtml(vscode.l10n.t('Assessment & Request Builder'))}</title>
</head>
<body>
<main id="app" aria-live="polite"><p>${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script type="application/json" id="${INITIAL_DATA_ID}">${jsonForScriptElement(initial)}</script>
${script}
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The webview's own text in the display language: one entry per key of BUILDER_STRINGS, with the
 * same English (test/unit/l10n.test.ts checks it). Each string is a literal here so that
 * `npm run l10n:export` finds it.
 */
export function builderStrings(): BuilderStrings {
  return {
    title: vscode.l10n.t('Assessment & Request Builder'),
    lede: vscode.l10n.t('Ask for a few specific sessions with someone great at one thing — not for "a mentor".'),
    loading: vscode.l10n.t('Loading…'),
    steps: vscode.l10n.t('Steps'),
    stepAssess: vscode.l10n.t('Assess'),
    stepIdentify: vscode.l10n.t('Identify'),
    stepAsk: vscode.l10n.t('Ask'),
    stepAssessHint: vscode.l10n.t('Rate your skills; pick the ONE area that matters most.'),
    stepIdentifyHint: vscode.l10n.t('Find people who are great at it.'),
    stepAskHint: vscode.l10n.t('A short, specific, bounded request.'),
    senioritySenior: vscode.l10n.t('Senior to me'),
    seniorityPeer: vscode.l10n.t('A peer'),
    seniorityJunior: vscode.l10n.t('Junior to me'),
    seniorityManager: vscode.l10n.t('My manager'),
    orgInside: vscode.l10n.t('inside'),
    orgOutside: vscode.l10n.t('outside'),

    assessHeading: vscode.l10n.t('1. Assess: where do you want to grow?'),
    aspirationLabel: vscode.l10n.t('I am working on …'),
    aspirationPlaceholder: vscode.l10n.t('developing my leadership skills'),
    skillAreas: vscode.l10n.t('Skill areas'),
    skillAreasHint: vscode.l10n.t(
      'Rate each area: your current level and how important it is to your aspiration (1 = low, 5 = high). The list ranks itself by priority = importance × gap, where gap = 5 − current level; ties go to the more important area, then the one you are weaker in, then by name.',
    ),
    noSkillAreas: vscode.l10n.t('No skill areas yet — add your own or start from the common ones below.'),
    newSkillArea: vscode.l10n.t('New skill area'),
    newSkillPlaceholder: vscode.l10n.t('e.g. Financial acumen'),
    addSkillArea: vscode.l10n.t('Add skill area'),
    commonSkillAreas: vscode.l10n.t('Common skill areas'),
    commonSkillAreasPrefix: vscode.l10n.t('Common skill areas:'),
    addNamed: vscode.l10n.t('Add {0}'),
    yourFocus: vscode.l10n.t('Your focus:'),
    addSkillThenFocus: vscode.l10n.t('Add a skill area, then choose the one to focus on.'),
    nextIdentify: vscode.l10n.t('Next: who is great at it?'),
    skillsCaption: vscode.l10n.t('Skill areas ranked by priority'),
    columnSkillArea: vscode.l10n.t('Skill area'),
    columnCurrentLevel: vscode.l10n.t('Current level'),
    columnImportance: vscode.l10n.t('Importance'),
    columnPriority: vscode.l10n.t('Priority'),
    columnFocus: vscode.l10n.t('Focus'),
    columnRemove: vscode.l10n.t('Remove'),
    currentLevelIn: vscode.l10n.t('Current level in {0}'),
    importanceOf: vscode.l10n.t('Importance of {0}'),
    focusOn: vscode.l10n.t('Focus on {0}'),
    removeNamed: vscode.l10n.t('Remove {0}'),

    identifyHeading: vscode.l10n.t('2. Identify'),
    identifyHeadingFor: vscode.l10n.t('2. Identify: who is great at {0}?'),
    chooseFocusFirst: vscode.l10n.t('First choose the one skill area to focus on.'),
    backToAssess: vscode.l10n.t('Back to Assess'),
    chooseSomeone: vscode.l10n.t('Choose someone…'),
    identifyHint: vscode.l10n.t(
      'Think of people you have seen do it well — inside your organisation or outside, senior, peer or junior. What you have seen them do goes into your request.',
    ),
    peopleFor: vscode.l10n.t('People for {0}'),
    evidenceMissing: vscode.l10n.t('What have you seen them do? Edit to add it.'),
    editNamed: vscode.l10n.t('Edit {0}'),
    askNamed: vscode.l10n.t('Ask {0}'),
    noOneYet: vscode.l10n.t('No one yet.'),
    someoneFromJournal: vscode.l10n.t('Someone from your journal:'),
    add: vscode.l10n.t('Add'),
    addSomeone: vscode.l10n.t('Add someone'),
    name: vscode.l10n.t('Name'),
    whereAreThey: vscode.l10n.t('Where are they?'),
    insideMyOrganisation: vscode.l10n.t('Inside my organisation'),
    outsideMyOrganisation: vscode.l10n.t('Outside my organisation'),
    theyAre: vscode.l10n.t('They are'),
    whatHaveISeen: vscode.l10n.t('What have I seen them do?'),
    evidencePlaceholder: vscode.l10n.t("I've seen you present at the All Hands meeting, and you tell a compelling story about the financials."),
    saveChanges: vscode.l10n.t('Save changes'),
    addPerson: vscode.l10n.t('Add person'),
    cancel: vscode.l10n.t('Cancel'),
    back: vscode.l10n.t('Back'),
    nextAsk: vscode.l10n.t('Next: write the request'),

    askHeading: vscode.l10n.t('3. Ask'),
    askHeadingFull: vscode.l10n.t('3. Ask: a short, specific, bounded request'),
    addSomeoneFirst: vscode.l10n.t('First add someone who is great at {0}.'),
    who: vscode.l10n.t('Who'),
    sessions: vscode.l10n.t('Sessions (1–6)'),
    minutesEach: vscode.l10n.t('Minutes each'),
    timeFrame: vscode.l10n.t('Time frame'),
    timeFramePlaceholder: vscode.l10n.t('over the next six weeks'),
    focusTopics: vscode.l10n.t('Focus topics (2–5)'),
    topicN: vscode.l10n.t('Topic {0}'),
    topicPlaceholder1: vscode.l10n.t('a high level understanding of our financial reports'),
    topicPlaceholder2: vscode.l10n.t('how you turn numbers into a compelling story'),
    removeTopicN: vscode.l10n.t('Remove topic {0}'),
    removeTopic: vscode.l10n.t('Remove topic'),
    addTopic: vscode.l10n.t('Add topic'),
    yourRequest: vscode.l10n.t('Your request (edit freely)'),
    backToTemplate: vscode.l10n.t('Back to the template'),
    copy: vscode.l10n.t('Copy'),
    openAsMarkdown: vscode.l10n.t('Open as Markdown'),
    saveAsDraft: vscode.l10n.t('Save as draft'),
    markAsSent: vscode.l10n.t('Mark as sent'),
    checking: vscode.l10n.t('Checking…'),
    qualityScore: vscode.l10n.t('Request quality score'),
    findings: vscode.l10n.t('Findings'),
    severityError: vscode.l10n.t('error'),
    severityWarning: vscode.l10n.t('warning'),
    severityInfo: vscode.l10n.t('info'),
    markedAsSent: vscode.l10n.t('Marked as sent to {0}. It is in the Outreach view under Awaiting reply.'),
    savedAsDraft: vscode.l10n.t('Saved as a draft for {0}. It is in the Outreach view under Drafts.'),
    draftSavedElsewhere: vscode.l10n.t('This draft was saved in its editor: the text below is the one saved.'),
    draftSavedElsewhereConflict: vscode.l10n.t('This draft was saved in its editor too. "Save as draft" here would replace that text with the one below.'),
    dismiss: vscode.l10n.t('Dismiss'),
    undo: vscode.l10n.t('Undo'),
    removedNamed: vscode.l10n.t('Removed {0}.'),
    suggestFocus: vscode.l10n.t('{0} now ranks first. Make it your focus?'),
    switchFocusTo: vscode.l10n.t('Switch focus to {0}'),
    emptySkillName: vscode.l10n.t('Type the name of a skill area first, or pick one of the common ones below.'),
    skillExists: vscode.l10n.t('{0} is already in your list.'),
    notRatedYet: vscode.l10n.t('not rated yet'),
    draftSaved: vscode.l10n.t('Editing your saved draft to {0}. Saving again updates it.'),
    draftUnsaved: vscode.l10n.t('Editing your draft to {0}: changes not saved yet.'),
    startNewRequest: vscode.l10n.t('Start a new request'),
    draftChangesNotSaved: vscode.l10n.t('Your changes to the draft to {0} are not saved.'),
    startNewAnyway: vscode.l10n.t('Start new without saving'),
    textIsYours: vscode.l10n.t("You edited the text, and the form's latest change could not be put into it safely: the text is now your own, and the form no longer changes it."),
    redraftFromForm: vscode.l10n.t('Re-draft from the form'),
    keepMyText: vscode.l10n.t('Keep my text'),
    redrafted: vscode.l10n.t('Your text was replaced with a fresh draft from the form.'),
    notSentFixFirst: vscode.l10n.t('Not marked as sent. The findings are under the text: fix them, then mark it as sent.'),
    sentHeading: vscode.l10n.t('3. Ask: the request you sent'),
    sentToOn: vscode.l10n.t('Sent to {0} on {1} · status: {2}'),
    sentTo: vscode.l10n.t('Sent to {0} · status: {1}'),
    sentHint: vscode.l10n.t('It is in the Outreach view: record the answer there when it comes. This is the text you sent; it is not edited here any more.'),
    sentText: vscode.l10n.t('The request as sent'),
  };
}
