import * as assert from 'node:assert/strict';
import { compileTemplate } from '../../../src/templating/compiler';
import { requestContext } from '../../../src/domain/templates';

const MODEL = { personName: 'Terry Jones', aspiration: 'developing my leadership skills', skill: 'Financial acumen', evidence: '', sessions: 3, minutesPerSession: 45, timeframe: 'over six weeks', topics: ['reports', 'stories'] };

describe("users' own templates (compiled in the extension host)", () => {
  it('renders the request context as plain text', () => {
    const t = compileTemplate('Hi {{firstName}}: {{sessionsInWords}} sessions on {{skill}} {{timeframe}} — {{#each topics}}[{{this}}]{{/each}}');
    assert.equal(t(requestContext(MODEL)), 'Hi Terry: three sessions on financial acumen over six weeks — [reports][stories]');
  });

  it('reports a syntax error with its line', () => {
    assert.throws(() => compileTemplate('Hi {{firstName}},\n\n{{#if skill}}\nno end'), /line \d/);
    assert.throws(() => compileTemplate('line one\n{{{evidence}}}'), /Triple braces.*line 2/);
  });

  it('refuses helpers it does not know, and denies prototype access', () => {
    assert.throws(() => compileTemplate('{{customHelper firstName}}'), /unknown helper customHelper/);
    const t = compileTemplate('[{{constructor}}][{{__proto__}}][{{firstName.constructor}}]');
    assert.equal(t(requestContext(MODEL)), '[][][]');
  });

  it('keeps hostile input inert: nothing in a value is evaluated', () => {
    const t = compileTemplate('{{evidence}}');
    assert.equal(t(requestContext({ ...MODEL, evidence: '{{constructor.constructor "alert(1)"}} <script>x</script>' })), '{{constructor.constructor "alert(1)"}} <script>x</script>.');
  });
});
