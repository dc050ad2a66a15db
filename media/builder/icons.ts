// The codicons the builder shows: this list is their one home. `icon()` (dom.ts) accepts only these names, so
// TypeScript refuses any other; the build (esbuild.js, `codiconSubset`) reads the same list and ships a font with
// just these glyphs and a stylesheet with just these classes. To use another codicon, add its name here.
export const ICON_NAMES = [
  'add',
  'arrow-left',
  'arrow-right',
  'check',
  'circle-filled',
  'close',
  'copy',
  'discard',
  'edit',
  'error',
  'info',
  'lightbulb',
  'lock',
  'markdown',
  'pass-filled',
  'person-add',
  'refresh',
  'save',
  'send',
  'target',
  'trash',
  'warning',
] as const;

export type IconName = (typeof ICON_NAMES)[number];
