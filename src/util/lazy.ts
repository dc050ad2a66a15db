/**
 * Heavy modules (the request checker, the templates, the builder) are loaded on first use, not at
 * activation. esbuild turns a `require()` of one of our ES modules into a lazy initialiser inside the
 * same bundle, so the module's code runs only when a command first needs it.
 */
import type * as BuilderPanelModule from '../webview/builderPanel';
import type * as DraftingModule from '../domain/drafting';
import type * as TemplatesModule from '../domain/templates';

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
export const lazy = {
  builderPanel: () => require('../webview/builderPanel') as typeof BuilderPanelModule,
  drafting: () => require('../domain/drafting') as typeof DraftingModule,
  templates: () => require('../domain/templates') as typeof TemplatesModule,
};
/* eslint-enable @typescript-eslint/no-require-imports */
