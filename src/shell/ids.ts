/** Every command the extension registers. The public ones are a contract (DESIGN.md): never rename. */
export const Commands = {
  openBuilder: 'mentoring.openBuilder',
  draftRequest: 'mentoring.draftRequest',
  draftFollowUp: 'mentoring.draftFollowUp',
  recordResponse: 'mentoring.recordResponse',
  logSession: 'mentoring.logSession',
  checkRequest: 'mentoring.checkRequest',
  markSponsor: 'mentoring.markSponsor',
  logAdvocacy: 'mentoring.logAdvocacy',
  markSent: 'mentoring.markSent',
  deleteAttempt: 'mentoring.deleteAttempt',
  exportJournal: 'mentoring.exportJournal',
  importJournal: 'mentoring.importJournal',
  exportDamagedData: 'mentoring.exportDamagedData',
  restoreDamagedData: 'mentoring.restoreDamagedData',
  showDue: 'mentoring.showDue',
  gettingStarted: 'mentoring.gettingStarted',
  editDraft: 'mentoring.editDraft',
  sendByEmail: 'mentoring.sendByEmail',
  markFollowUpSent: 'mentoring.markFollowUpSent',
  dismissAttempt: 'mentoring.dismissAttempt',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** The public commands that take no argument object (every other one has a schema in commands/args.ts). */
export const NO_ARGUMENT_COMMANDS: readonly CommandId[] = [Commands.checkRequest, Commands.showDue, Commands.gettingStarted];

/** The walkthrough (package.json contributes.walkthroughs), as `workbench.action.openWalkthrough` names it. */
export const WALKTHROUGH_ID = 'careerkit.mentoring-outreach#mentoring.method';

/** Registered in ExtensionMode.Test only: `{ text, context? }` → opens a request document (diagnostics tests). */
export const TEST_OPEN_COMMAND = 'mentoring.test.openRequestDocument';

/**
 * Registered in ExtensionMode.Test only: `{ capture?: boolean }` → what Send by Email handed to the mail app since the
 * last call (a list of mailto: URLs); while capturing, nothing is opened.
 */
export const TEST_CAPTURE_EXTERNAL_COMMAND = 'mentoring.test.captureExternal';

/** The commands of the features bundle (every one but showDue): stand-ins until their first use. */
export const FEATURE_COMMANDS: readonly string[] = Object.values(Commands).filter((id) => id !== Commands.showDue);
/** The features bundle's commands that exist in ExtensionMode.Test only. */
export const TEST_COMMANDS: readonly string[] = [TEST_OPEN_COMMAND, TEST_CAPTURE_EXTERNAL_COMMAND];
