/**
 * The extension's heavier parts, bundled on their own (dist/features.js) and loaded on first use
 * through src/util/lazy.ts: the request checker, the templates (Handlebars runtime), drafting, answers,
 * sessions, the report and the builder panel. Activation loads none of it, and dist/extension.js stays
 * small.
 */
export * as builderPanel from './webview/builderPanel';
export * as drafting from './domain/drafting';
export * as templates from './domain/templates';
export * as requestCheck from './domain/requestCheck';
export * as assessment from './domain/assessment';
export * as responses from './domain/responses';
export * as followUps from './domain/followUps';
export * as sessions from './domain/sessions';
export * as report from './domain/report';
