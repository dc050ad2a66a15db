/**
 * Heavy modules (the request checker, the templates, the builder, …) are loaded on first use, not at
 * activation: they live in their own bundle, dist/features.js (entry src/features.ts), required by
 * path the first time a command needs one of them. Only types are imported here.
 */
import * as path from 'node:path';
import type * as Features from '../features';

let features: typeof Features | undefined;

/** dist/features.js, next to dist/extension.js (this code is bundled into the latter). */
function load(): typeof Features {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy loading by path, see above
  features ??= require(path.join(__dirname, 'features.js')) as typeof Features;
  return features;
}

export const lazy = {
  builderPanel: () => load().builderPanel,
  drafting: () => load().drafting,
  templates: () => load().templates,
  requestCheck: () => load().requestCheck,
  assessment: () => load().assessment,
  responses: () => load().responses,
  followUps: () => load().followUps,
  sessions: () => load().sessions,
  report: () => load().report,
};
