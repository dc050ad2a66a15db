/**
 * The request-quality checker: finds what makes a request for help open-ended or vague, where it is
 * in the text, and how to fix it. The source's rule of thumb: never say "mentor"; ask for a fixed,
 * small number of sessions on concrete topics within a time frame; say what you are working on, which
 * skill, and what you have seen the person do; greet them by name; keep it short.
 *
 * Pure and synchronous: no `vscode` import, no I/O. Every regular expression is compiled once, at
 * module load; a typical request is checked in a few hundredths of a millisecond.
 *
 * The work must stay linear in the text's length: a user template can render millions of characters,
 * and the check runs in the extension host. So no rescanning the rest of the text per sentence or per
 * match, and no object or slice per sentence (test/unit/domain/requestCheckScale.test.ts counts the
 * work; bench/ times a million characters).
 *
 * Ranges are UTF-16 code-unit offsets into the text (what `String.prototype.slice` and VS Code's
 * `TextDocument.positionAt` use). Messages may quote `context` values (the person's name, the skill)
 * but never echo the request text itself; callers must still show every string as text, never HTML.
 */

// The check, in modules that each import only those listed before them:
//   rules.ts      the rules (ids, labels, penalties: SCORING), the limits, the shapes of what the check reports
//   lexicon.ts    the word lists and the regular expressions
//   text.ts       characters, spans, matches, words; names, skills and numbers
//   sentences.ts  the greeting, the sentences and what each holds, the topics after a marker
//   score.ts      the findings in order, the score and its one-line reason
//   fixes.ts      applying the findings' replacements
//   checker.ts    checkRequest: each rule's check
// This file is the public API; what it does not export is internal to the check.

export type { CheckContext, CheckResult, Finding, Replacement, RuleId, RuleInfo, Severity, TextRange } from './rules';
export { MAX_FINDINGS_PER_RULE, MAX_SCORE_WITH_ERRORS, MAX_SESSIONS, MAX_WORDS, REQUEST_RULES, RULE_IDS, ruleInfo } from './rules';
export { hasPlaceholder } from './lexicon';
export { skillNamed } from './text';
export { checkRequest } from './checker';
export { applyFixes, applyReplacement } from './fixes';
