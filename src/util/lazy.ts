/**
 * Heavy modules (the request checker, the templates, the builder) are loaded on first use, not at
 * activation. esbuild turns a `require()` of one of our ES modules into a lazy initialiser inside the
 * same bundle, so the module's code runs only when a command first needs it.
 */
import type * as BuilderPanelModule from '../webview/builderPanel';
import type * as DraftingModule from '../domain/drafting';
import type * as TemplatesModule from '../domain/templates';
import type * as RequestCheckModule from '../domain/requestCheck';
import type * as ResponsesModule from '../domain/responses';
import type * as FollowUpsModule from '../domain/followUps';
import type * as SessionsModule from '../domain/sessions';

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading, see above */
export const lazy = {
  builderPanel: () => require('../webview/builderPanel') as typeof BuilderPanelModule,
  drafting: () => require('../domain/drafting') as typeof DraftingModule,
  templates: () => require('../domain/templates') as typeof TemplatesModule,
  requestCheck: () => require('../domain/requestCheck') as typeof RequestCheckModule,
  responses: () => require('../domain/responses') as typeof ResponsesModule,
  followUps: () => require('../domain/followUps') as typeof FollowUpsModule,
  sessions: () => require('../domain/sessions') as typeof SessionsModule,
};
/* eslint-enable @typescript-eslint/no-require-imports */
