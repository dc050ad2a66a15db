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
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
