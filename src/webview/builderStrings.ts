/**
 * The builder webview's own text, in English. The webview has no vscode.l10n: the extension sends the
 * translations with the builder's data (BuilderData.strings, built with vscode.l10n.t in
 * builderPanel.ts — one entry per key here, same English text, checked by test/unit/l10n.test.ts), and
 * the webview looks each one up by key, falling back to the English below (before the first data
 * message arrives, or for a key an older host did not send). `{0}`, `{1}` … are filled in by `format`.
 * Kept free of `vscode` so the webview bundle and the unit tests can import it.
 */
export const BUILDER_STRINGS = {
  title: 'Assessment & Request Builder',
  lede: 'Ask for a few specific sessions with someone great at one thing — not for "a mentor".',
  loading: 'Loading…',
  steps: 'Steps',
  stepAssess: 'Assess',
  stepIdentify: 'Identify',
  stepAsk: 'Ask',
  stepAssessHint: 'Rate your skills; pick the ONE area that matters most.',
  stepIdentifyHint: 'Find people who are great at it.',
  stepAskHint: 'A short, specific, bounded request.',
  senioritySenior: 'Senior to me',
  seniorityPeer: 'A peer',
  seniorityJunior: 'Junior to me',
  seniorityManager: 'My manager',
  orgInside: 'inside',
  orgOutside: 'outside',

  assessHeading: '1. Assess: where do you want to grow?',
  aspirationLabel: 'I am working on …',
  aspirationPlaceholder: 'developing my leadership skills',
  skillAreas: 'Skill areas',
  skillAreasHint:
    'Rate each area: your current level and how important it is to your aspiration (1 = low, 5 = high). The list ranks itself by priority = importance × gap, where gap = 5 − current level; ties go to the more important area, then the one you are weaker in, then by name.',
  noSkillAreas: 'No skill areas yet — add your own or start from the common ones below.',
  newSkillArea: 'New skill area',
  newSkillPlaceholder: 'e.g. Financial acumen',
  addSkillArea: 'Add skill area',
  commonSkillAreas: 'Common skill areas',
  commonSkillAreasPrefix: 'Common skill areas:',
  addNamed: 'Add {0}',
  yourFocus: 'Your focus:',
  addSkillThenFocus: 'Add a skill area, then choose the one to focus on.',
  nextIdentify: 'Next: who is great at it?',
  skillsCaption: 'Skill areas ranked by priority',
  columnSkillArea: 'Skill area',
  columnCurrentLevel: 'Current level',
  columnImportance: 'Importance',
  columnPriority: 'Priority',
  columnFocus: 'Focus',
  columnRemove: 'Remove',
  currentLevelIn: 'Current level in {0}',
  importanceOf: 'Importance of {0}',
  focusOn: 'Focus on {0}',
  removeNamed: 'Remove {0}',

  identifyHeading: '2. Identify',
  identifyHeadingFor: '2. Identify: who is great at {0}?',
  chooseFocusFirst: 'First choose the one skill area to focus on.',
  backToAssess: 'Back to Assess',
  chooseSomeone: 'Choose someone…',
  identifyHint:
    'Think of people you have seen do it well — inside your organisation or outside, senior, peer or junior. What you have seen them do goes into your request.',
  peopleFor: 'People for {0}',
  evidenceMissing: 'What have you seen them do? Edit to add it.',
  editNamed: 'Edit {0}',
  askNamed: 'Ask {0}',
  noOneYet: 'No one yet.',
  someoneFromJournal: 'Someone from your journal:',
  add: 'Add',
  addSomeone: 'Add someone',
  name: 'Name',
  whereAreThey: 'Where are they?',
  insideMyOrganisation: 'Inside my organisation',
  outsideMyOrganisation: 'Outside my organisation',
  theyAre: 'They are',
  whatHaveISeen: 'What have I seen them do?',
  evidencePlaceholder: "I've seen you present at the All Hands meeting, and you tell a compelling story about the financials.",
  saveChanges: 'Save changes',
  addPerson: 'Add person',
  cancel: 'Cancel',
  back: 'Back',
  nextAsk: 'Next: write the request',

  askHeading: '3. Ask',
  askHeadingFull: '3. Ask: a short, specific, bounded request',
  addSomeoneFirst: 'First add someone who is great at {0}.',
  who: 'Who',
  sessions: 'Sessions (1–6)',
  minutesEach: 'Minutes each',
  timeFrame: 'Time frame',
  timeFramePlaceholder: 'over the next six weeks',
  focusTopics: 'Focus topics (2–5)',
  topicN: 'Topic {0}',
  topicPlaceholder1: 'a high level understanding of our financial reports',
  topicPlaceholder2: 'how you turn numbers into a compelling story',
  removeTopicN: 'Remove topic {0}',
  removeTopic: 'Remove topic',
  addTopic: 'Add topic',
  yourRequest: 'Your request (edit freely)',
  backToTemplate: 'Back to the template',
  copy: 'Copy',
  openAsMarkdown: 'Open as Markdown',
  saveAsDraft: 'Save as draft',
  markAsSent: 'Mark as sent',
  checking: 'Checking…',
  qualityScore: 'Request quality score',
  findings: 'Findings',
  severityError: 'error',
  severityWarning: 'warning',
  severityInfo: 'info',
  markedAsSent: 'Marked as sent to {0}. It is in the Outreach view under Awaiting reply.',
  savedAsDraft: 'Saved as a draft for {0}. It is in the Outreach view under Drafts.',
  dismiss: 'Dismiss',
  undo: 'Undo',
  removedNamed: 'Removed {0}.',
  suggestFocus: '{0} now ranks first. Make it your focus?',
  switchFocusTo: 'Switch focus to {0}',
  emptySkillName: 'Type the name of a skill area first, or pick one of the common ones below.',
  skillExists: '{0} is already in your list.',
  notRatedYet: 'not rated yet',
  draftSaved: 'Editing your saved draft to {0}. Saving again updates it.',
  draftUnsaved: 'Editing your draft to {0}: changes not saved yet.',
  startNewRequest: 'Start a new request',
  draftChangesNotSaved: 'Your changes to the draft to {0} are not saved.',
  startNewAnyway: 'Start new without saving',
  textIsYours: "You edited the text, and the form's latest change could not be put into it safely: the text is now your own, and the form no longer changes it.",
  redraftFromForm: 'Re-draft from the form',
  keepMyText: 'Keep my text',
  redrafted: 'Your text was replaced with a fresh draft from the form.',
  notSentFixFirst: 'Not marked as sent. The findings are under the text: fix them, then mark it as sent.',
  sentHeading: '3. Ask: the request you sent',
  sentToOn: 'Sent to {0} on {1} · status: {2}',
  sentTo: 'Sent to {0} · status: {1}',
  sentHint: 'It is in the Outreach view: record the answer there when it comes. This is the text you sent; it is not edited here any more.',
  sentText: 'The request as sent',
} as const;

export type BuilderStringKey = keyof typeof BUILDER_STRINGS;

/** What the extension sends: every key, translated. */
export type BuilderStrings = Record<BuilderStringKey, string>;

/** Fills `{0}`, `{1}` … with `args` (as vscode.l10n.t does); other braces stay as they are. */
export function format(template: string, args: readonly (string | number)[]): string {
  if (args.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (match, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? match : String(value);
  });
}
