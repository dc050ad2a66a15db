/**
 * The command-argument schemas (src/commands/args.ts), in plain Node: how a command was invoked is told apart
 * by type (nothing, one of our tree nodes, an argument object), every documented shape is accepted, and
 * null, lists, strings, numbers, unknown keys and wrong fields are refused with a message naming the command
 * and the shape it expects. The same cases inside a real extension host: test/integration/commandArgs.test.ts.
 */
import * as assert from 'node:assert/strict';
import {
  ARG_SCHEMAS,
  ARG_SHAPES,
  fieldExpectation,
  invocationKind,
  isProgrammatic,
  isUriArg,
  parseCommandArg,
  type ArgCommand,
  type ArgKey,
  type ArgOutcome,
  type L10n,
} from '../../../src/commands/args';
import { Commands, NO_ARGUMENT_COMMANDS } from '../../../src/shell/ids';
import type { Person } from '../../../src/domain/journal';
import type { AttemptView } from '../../../src/domain/outreach';
import type { SkillPortfolio } from '../../../src/domain/portfolio';
import { AttemptNode, attemptIdOfNode, EventNode, GroupNode, PersonNode, personIdOfNode, SkillNode, SummaryNode, WarningNode } from '../../../src/views/nodes';
import { format } from '../../../src/webview/builderStrings';

/** vscode.l10n.t in English: fills {0}, {1} … */
const l10n: L10n = { t: ((message: string, ...args: (string | number | boolean)[]) => format(message, args.map(String))) as L10n['t'] };

const parse = (command: ArgCommand, arg: unknown): ArgOutcome<ArgCommand> => parseCommandArg(command, arg, l10n);

function refused(command: ArgCommand, arg: unknown): string {
  const r = parse(command, arg);
  assert.equal(r.kind, 'invalid', `${command} accepted ${JSON.stringify(arg)}`);
  return (r as { message: string }).message;
}

function accepted(command: ArgCommand, arg: unknown): unknown {
  const r = parse(command, arg);
  assert.equal(r.kind, 'argument', `${command} refused ${JSON.stringify(arg)}: ${r.kind === 'invalid' ? r.message : r.kind}`);
  return (r as { arg: unknown }).arg;
}

const ALL = Object.keys(ARG_SCHEMAS) as ArgCommand[];
const attemptView = (id: string) => ({ attempt: { id } }) as unknown as AttemptView;
const person = { id: 'p1', name: 'Terry' } as unknown as Person;
const row = { skill: { id: 's1' } } as unknown as SkillPortfolio;
const NODES = [
  new GroupNode('due', 1),
  new AttemptNode(attemptView('a1')),
  new EventNode('a1', 0, { at: '2026-11-20T10:00:00.000Z', kind: 'created', detail: '' }),
  new SkillNode(row),
  new WarningNode('s1', 0, 'Only one person'),
  new SummaryNode('s1', '1 identified', ''),
  new PersonNode('s1', person, false, false),
];

describe('command arguments by schema (src/commands/args.ts)', () => {
  it('has one schema and one shape for every public command that takes an argument object', () => {
    const withArgs = Object.values(Commands).filter((c) => !NO_ARGUMENT_COMMANDS.includes(c));
    assert.deepEqual([...ALL].sort(), [...withArgs].sort());
    assert.deepEqual(Object.keys(ARG_SHAPES).sort(), [...ALL].sort());
    for (const command of ALL) {
      // The shape shown in messages lists exactly the schema's keys.
      const topLevel = ARG_SHAPES[command].slice(1, -1).replace(/\{[^{}]*\}/g, '');
      const shown = topLevel.split(',').map((part) => /^\s*(\w+)/.exec(part)?.[1]);
      assert.deepEqual(shown.sort(), Object.keys(ARG_SCHEMAS[command].entries).sort(), command);
    }
  });

  it('tells the invocation apart by type only: nothing, a tree node, or an argument', () => {
    assert.equal(invocationKind(undefined), 'none');
    for (const node of NODES) assert.equal(invocationKind(node), 'tree', node.nodeType);
    // A look-alike of a tree node is an argument like any other (and refused: nodeType is no key of any command).
    for (const fake of [{ nodeType: 'attempt', view: { attempt: { id: 'a1' } } }, { nodeType: 'person', person: { id: 'p1' } }]) {
      assert.equal(invocationKind(fake), 'argument');
      for (const command of ALL) assert.match(refused(command, fake), /Unknown keys? "nodeType"/);
    }
    for (const arg of [null, [], 'a1', 7, true, {}]) assert.equal(isProgrammatic(arg), true, JSON.stringify(arg));
    assert.equal(isProgrammatic(undefined), false);
    assert.equal(isProgrammatic(NODES[1]), false);
  });

  it('passes no argument and every tree node through to the command (interactive, or the node it was run on)', () => {
    for (const command of ALL) {
      assert.deepEqual(parse(command, undefined), { kind: 'none' });
      for (const node of NODES) {
        const r = parse(command, node);
        assert.equal(r.kind, 'tree', `${command} with a ${node.nodeType} node`);
        assert.equal((r as { node: unknown }).node, node);
      }
    }
    assert.deepEqual(NODES.map(attemptIdOfNode), [undefined, 'a1', 'a1', undefined, undefined, undefined, undefined]);
    assert.deepEqual(NODES.map(personIdOfNode), [undefined, undefined, undefined, undefined, undefined, undefined, 'p1']);
  });

  it('refuses null, lists, strings, numbers and booleans, naming the command and the shape it expects', () => {
    for (const command of ALL) {
      for (const [arg, got] of [
        [null, 'null'],
        [[], 'a list'],
        [[{ attemptId: 'a1' }], 'a list'],
        ['a1', 'a string'],
        [42, 'a number'],
        [false, 'true or false'],
      ] as const) {
        assert.equal(refused(command, arg), `${command}: Expected an argument like ${ARG_SHAPES[command]}, or no argument to be asked — got ${got}.`);
      }
    }
    assert.equal(
      refused('mentoring.exportJournal', null),
      'mentoring.exportJournal: Expected an argument like { uri, format: "json" | "markdown" | "ics" }, or no argument to be asked — got null.',
    );
  });

  it('refuses unknown keys, naming them', () => {
    assert.equal(refused('mentoring.markSent', { attemptId: 'a1', force: true }), 'mentoring.markSent: Unknown key "force". Expected an argument like { attemptId }.');
    assert.equal(
      refused('mentoring.exportJournal', { uri: '/tmp/j.json', format: 'json', overwrite: true, pretty: 2 }),
      'mentoring.exportJournal: Unknown keys "overwrite", "pretty". Expected an argument like { uri, format: "json" | "markdown" | "ics" }.',
    );
    // A typo says both: the unknown key, and the field it left out.
    assert.equal(
      refused('mentoring.markSent', { attemptID: 'a1' }),
      'mentoring.markSent: Unknown key "attemptID". attemptId is required: the id of an outreach attempt (a non-empty string). Expected an argument like { attemptId }.',
    );
    assert.match(refused('mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: { name: 'Sam', email: 'x' } }), /referral must be like \{ name: "Sam Lee", evidence\?: "…", org\?: "inside" \| "outside", seniority\?: "senior" \| …\}/);
    assert.match(refused('mentoring.exportDamagedData', { uri: '/tmp/x.json', which: 'k' }), /^mentoring\.exportDamagedData: Unknown key "which"/);
  });

  it('checks each field, naming it and what it must be', () => {
    const cases: [ArgCommand, unknown, string][] = [
      ['mentoring.markSent', { attemptId: 7 }, 'attemptId must be the id of an outreach attempt (a non-empty string).'],
      ['mentoring.markSent', { attemptId: '' }, 'attemptId must be the id of an outreach attempt (a non-empty string).'],
      ['mentoring.markSent', { attemptId: 'x'.repeat(65) }, 'attemptId must be the id of an outreach attempt (a non-empty string).'],
      ['mentoring.markSent', {}, 'attemptId is required: the id of an outreach attempt (a non-empty string).'],
      ['mentoring.exportJournal', { uri: '/tmp/j.json', format: 'pdf' }, 'format must be one of "json", "markdown", "ics".'],
      ['mentoring.exportJournal', { uri: 'relative/path.json', format: 'json' }, 'uri must be a file URI or an absolute path.'],
      ['mentoring.exportJournal', { format: 'json' }, 'uri is required: a file URI or an absolute path.'],
      ['mentoring.importJournal', { uri: 42 }, 'uri must be a file URI or an absolute path.'],
      ['mentoring.importJournal', { uri: '/tmp/j.json', mode: 'overwrite' }, 'mode must be one of "merge", "replace".'],
      ['mentoring.openBuilder', { step: 'later' }, 'step must be one of "assess", "identify", "ask".'],
      ['mentoring.draftFollowUp', { attemptId: 'a1', kind: 'hello' }, 'kind must be one of "later", "referral", "nudge", "thanks".'],
      ['mentoring.draftFollowUp', { kind: 'nudge' }, 'attemptId is required: the id of an outreach attempt (a non-empty string).'],
      ['mentoring.recordResponse', { attemptId: 'a1', response: 'maybe' }, 'response must be one of "yes", "no", "later", "referral".'],
      ['mentoring.recordResponse', { attemptId: 'a1', response: 'later', askAgainOn: 20270115 }, 'askAgainOn must be a date YYYY-MM-DD.'],
      ['mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: 'Sam' }, 'referral must be like { name: "Sam Lee", evidence?: "…", org?: "inside" | "outside", seniority?: "senior" | …}.'],
      ['mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: { name: 'Sam', org: 'elsewhere' } }, 'referral must be like { name: "Sam Lee", evidence?: "…", org?: "inside" | "outside", seniority?: "senior" | …}.'],
      ['mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: { name: 'Sam', seniority: 'boss' } }, 'referral must be like { name: "Sam Lee", evidence?: "…", org?: "inside" | "outside", seniority?: "senior" | …}.'],
      ['mentoring.markFollowUpSent', { attemptId: '' }, 'attemptId must be the id of an outreach attempt (a non-empty string).'],
      ['mentoring.dismissAttempt', {}, 'attemptId is required: the id of an outreach attempt (a non-empty string).'],
      ['mentoring.logSession', { attemptId: 'a1', notes: 42 }, 'notes must be text.'],
      ['mentoring.draftRequest', { personId: 'p1', sessions: '3' }, 'sessions must be a number from 1 to 6.'],
      ['mentoring.draftRequest', { personId: 'p1', minutesPerSession: '45' }, 'minutesPerSession must be a number of minutes from 5 to 480.'],
      ['mentoring.draftRequest', { personId: 'p1', topics: 'one' }, 'topics must be a list of texts.'],
      ['mentoring.draftRequest', { personId: 'p1', topics: ['a', 2] }, 'topics must be a list of texts.'],
      ['mentoring.draftRequest', { personId: 'p1', timeframe: 6 }, 'timeframe must be text.'],
      ['mentoring.draftRequest', { personId: 'p1', skillId: 1 }, 'skillId must be the id of a skill area in the journal (a non-empty string).'],
      ['mentoring.draftRequest', { sessions: 3 }, 'personId is required: the id of a person in the journal (a non-empty string).'],
      ['mentoring.markSponsor', { personId: 'p1', sponsor: 'yes' }, 'sponsor must be true or false.'],
      ['mentoring.logAdvocacy', { personId: 'p1' }, 'detail is required: text: what they did for you.'],
      ['mentoring.exportDamagedData', {}, 'uri is required: a file URI or an absolute path.'],
    ];
    for (const [command, arg, problem] of cases) {
      assert.equal(refused(command, arg), `${command}: ${problem} Expected an argument like ${ARG_SHAPES[command]}.`);
    }
    // Several wrong fields: each is named once.
    assert.equal(
      refused('mentoring.exportJournal', { uri: 3, format: 'pdf' }),
      'mentoring.exportJournal: uri must be a file URI or an absolute path. format must be one of "json", "markdown", "ics". Expected an argument like { uri, format: "json" | "markdown" | "ics" }.',
    );
  });

  it('accepts every documented shape (README, "Commands")', () => {
    const uri = { scheme: 'file', path: '/tmp/journal.json' };
    assert.deepEqual(accepted('mentoring.openBuilder', {}), {});
    for (const step of ['assess', 'identify', 'ask']) assert.deepEqual(accepted('mentoring.openBuilder', { step }), { step });
    assert.deepEqual(accepted('mentoring.draftRequest', { personId: 'p1' }), { personId: 'p1' });
    const draft = { personId: 'p1', skillId: 's1', sessions: 3, minutesPerSession: 30, timeframe: 'this quarter', topics: ['reading reports', 'telling the story'] };
    assert.deepEqual(accepted('mentoring.draftRequest', draft), draft);
    for (const kind of ['later', 'referral', 'nudge', 'thanks']) assert.deepEqual(accepted('mentoring.draftFollowUp', { attemptId: 'a1', kind }), { attemptId: 'a1', kind });
    assert.deepEqual(accepted('mentoring.recordResponse', { attemptId: 'a1', response: 'yes' }), { attemptId: 'a1', response: 'yes' });
    assert.deepEqual(accepted('mentoring.recordResponse', { attemptId: 'a1', response: 'later', askAgainOn: '2027-01-15' }), { attemptId: 'a1', response: 'later', askAgainOn: '2027-01-15' });
    assert.deepEqual(accepted('mentoring.recordResponse', { attemptId: 'a1', response: 'no', askAgainOn: null, referral: null }), { attemptId: 'a1', response: 'no', askAgainOn: null, referral: null });
    assert.deepEqual(accepted('mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: { name: 'Sam Lee', evidence: 'Runs the budget.' } }), {
      attemptId: 'a1',
      response: 'referral',
      referral: { name: 'Sam Lee', evidence: 'Runs the budget.' },
    });
    for (const command of ['mentoring.markSent', 'mentoring.deleteAttempt', 'mentoring.logSession', 'mentoring.editDraft', 'mentoring.sendByEmail'] as const) assert.deepEqual(accepted(command, { attemptId: 'a1' }), { attemptId: 'a1' });
    const full = { name: 'Marcus Chen', evidence: 'Terry tells me you rebuilt the month-end close.', org: 'outside', seniority: 'peer' };
    assert.deepEqual(accepted('mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: full }), { attemptId: 'a1', response: 'referral', referral: full });
    const nulls = { name: 'Marcus Chen', evidence: null, org: null, seniority: null };
    assert.deepEqual(accepted('mentoring.recordResponse', { attemptId: 'a1', response: 'referral', referral: nulls }), { attemptId: 'a1', response: 'referral', referral: nulls });
    for (const command of ['mentoring.markFollowUpSent', 'mentoring.dismissAttempt'] as const) assert.deepEqual(accepted(command, { attemptId: 'a1' }), { attemptId: 'a1' });
    assert.deepEqual(accepted('mentoring.logSession', { attemptId: 'a1', notes: 'P&L' }), { attemptId: 'a1', notes: 'P&L' });
    for (const format of ['json', 'markdown', 'ics']) {
      for (const u of [uri, '/tmp/journal.json', 'file:///tmp/journal.json', 'C:\\Users\\me\\journal.json']) {
        assert.deepEqual(accepted('mentoring.exportJournal', { uri: u, format }), { uri: u, format });
      }
    }
    assert.deepEqual(accepted('mentoring.importJournal', { uri }), { uri });
    for (const mode of ['merge', 'replace']) assert.deepEqual(accepted('mentoring.importJournal', { uri, mode }), { uri, mode });
    assert.deepEqual(accepted('mentoring.markSponsor', { personId: 'p1' }), { personId: 'p1' });
    assert.deepEqual(accepted('mentoring.markSponsor', { personId: 'p1', sponsor: false }), { personId: 'p1', sponsor: false });
    assert.deepEqual(accepted('mentoring.logAdvocacy', { personId: 'p1', detail: 'Recommended me.' }), { personId: 'p1', detail: 'Recommended me.' });
    assert.deepEqual(accepted('mentoring.exportDamagedData', { uri }), { uri });
    // A class instance with the right fields (a vscode.Uri is one) is fine as a uri.
    class FakeUri {
      readonly scheme = 'file';
      readonly path = '/tmp/journal.json';
    }
    const instance = new FakeUri();
    assert.equal((accepted('mentoring.importJournal', { uri: instance }) as { uri: unknown }).uri, instance);
  });

  it('accepts as a uri only absolute paths, URI strings and { scheme, path }', () => {
    for (const ok of ['/a', 'C:/a', 'c:\\a', 'file:///a', 'untitled:x', { scheme: 'file', path: '/a' }]) assert.equal(isUriArg(ok), true, JSON.stringify(ok));
    for (const bad of ['', 'a/b', './a', 'x'.repeat(4096), 42, null, undefined, {}, { scheme: 'file' }, { path: '/a' }, ['/a']]) assert.equal(isUriArg(bad), false, JSON.stringify(bad));
  });

  it('has a description for every key of every schema', () => {
    const keys = new Set(ALL.flatMap((c) => Object.keys(ARG_SCHEMAS[c].entries))) as Set<ArgKey>;
    for (const key of keys) assert.ok(fieldExpectation(key, l10n).length > 0, key);
  });
});
