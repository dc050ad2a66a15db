/**
 * Localisation: the manifest's %keys% (package.nls.json, package.nls.de.json), the extension's strings
 * bundle (l10n/bundle.l10n.json, exported from the vscode.l10n.t calls by `npm run l10n:export`) and its
 * German translation, the builder webview's strings, and a scan for user-visible text that bypasses
 * vscode.l10n.t. VS Code's display language needs a language pack, which an offline test cannot
 * install: so the proof that German is shipped is that every key has a German text with the same
 * placeholders, and that the code asks vscode.l10n for every string it shows.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILDER_STRINGS, format } from '../../src/webview/builderStrings';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file)) as unknown;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => f.endsWith('.ts'));
}

/** Every string value in a JSON document, with its path. */
function strings(value: unknown, at = ''): { at: string; value: string }[] {
  if (typeof value === 'string') return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

/** The {0}, {1} … of a message, sorted (a translation may reorder them). */
function placeholders(message: string): string[] {
  return (message.match(/\{\d+\}/g) ?? []).sort();
}

/** Unescapes the inside of a '…' or "…" literal (the escapes our sources use). */
function unescape(inner: string): string {
  return inner.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c.startsWith('u')) return String.fromCodePoint(parseInt(c.replace(/[u{}]/g, ''), 16));
    return c;
  });
}

const LITERAL = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`;

/** The messages of every `l10n.t('…')` in `text`, and the calls whose message is not a plain literal. */
function l10nCalls(text: string): { messages: string[]; notLiteral: string[] } {
  const messages: string[] = [];
  const notLiteral: string[] = [];
  const re = new RegExp(String.raw`\bl10n\.t\(\s*(${LITERAL})?`, 'g');
  for (const m of text.matchAll(re)) {
    if (m[1]) messages.push(unescape(m[1].slice(1, -1)));
    else notLiteral.push(text.slice(m.index, m.index + 60).split('\n')[0]!);
  }
  return { messages, notLiteral };
}

describe('localisation', () => {
  describe('package.json and package.nls*.json', () => {
    const pkg = readJson('package.json') as Record<string, unknown>;
    const used = new Set(strings(pkg).flatMap(({ value }) => (/^%([\w.-]+)%$/.exec(value) ? [value.slice(1, -1)] : [])));

    it('declares the l10n folder', () => {
      assert.equal(pkg.l10n, './l10n');
    });

    for (const file of ['package.nls.json', 'package.nls.de.json']) {
      it(`${file} has every %key% of package.json, and no other`, () => {
        const nls = readJson(file) as Record<string, unknown>;
        const keys = new Set(Object.keys(nls));
        assert.deepEqual([...used].filter((k) => !keys.has(k)), [], 'keys used in package.json but missing here');
        assert.deepEqual([...keys].filter((k) => !used.has(k)), [], 'keys here that package.json does not use');
        for (const [k, v] of Object.entries(nls)) assert.ok(typeof v === 'string' && v.trim(), `${file}: ${k} is empty`);
      });
    }

    it('leaves no user-visible text of contributes in English only', () => {
      const visible = /(^|\.)(displayName|description|title|category|name|contextualTitle|contents|markdownDescription)$/;
      const c = pkg.contributes as Record<string, unknown>;
      const bare = strings({ displayName: pkg.displayName, description: pkg.description, contributes: c })
        .filter(({ at, value }) => visible.test(at) && !/^%[\w.-]+%$/.test(value))
        .map(({ at, value }) => `${at}: ${value}`);
      assert.deepEqual(bare, []);
    });

    it('keeps the German command links and settings references working', () => {
      const en = readJson('package.nls.json') as Record<string, string>;
      const de = readJson('package.nls.de.json') as Record<string, string>;
      const refs = (s: string) => (s.match(/\(command:[^)]+\)|#mentoring\.[\w.]+#|`[^`]+`/g) ?? []).sort();
      for (const key of Object.keys(en)) assert.deepEqual(refs(de[key] ?? ''), refs(en[key]!), key);
    });
  });

  describe('l10n/bundle.l10n.json and its German translation', () => {
    const en = readJson('l10n/bundle.l10n.json') as Record<string, unknown>;
    const de = readJson('l10n/bundle.l10n.de.json') as Record<string, unknown>;

    it('is the export of every vscode.l10n.t message in src (npm run l10n:export)', () => {
      const messages = new Set<string>();
      const notLiteral: string[] = [];
      for (const file of sourceFiles('src')) {
        const calls = l10nCalls(read(file));
        calls.messages.forEach((m) => messages.add(m));
        notLiteral.push(...calls.notLiteral.map((c) => `${file}: ${c}`));
      }
      assert.deepEqual(notLiteral, [], 'l10n.t needs a plain string literal as its message, or the export cannot find it');
      assert.ok(messages.size > 300, `only ${messages.size} messages found`);
      assert.deepEqual([...messages].filter((m) => !(m in en)), [], 'messages missing from the bundle: run npm run l10n:export');
      assert.deepEqual(Object.keys(en).filter((k) => !messages.has(k)), [], 'stale messages in the bundle: run npm run l10n:export');
    });

    it('has a German text for every message, with the same placeholders, and nothing else', () => {
      assert.deepEqual(Object.keys(en).filter((k) => !(k in de)), [], 'untranslated');
      assert.deepEqual(Object.keys(de).filter((k) => !(k in en)), [], 'translations of messages that no longer exist');
      for (const [k, v] of Object.entries(de)) {
        assert.ok(typeof v === 'string' && v.trim(), `empty translation of ${JSON.stringify(k)}`);
        assert.deepEqual(placeholders(v), placeholders(k), `placeholders of ${JSON.stringify(k)}`);
      }
    });

    it('is really translated (not the English copied)', () => {
      const same = Object.entries(de).filter(([k, v]) => k === v && /[a-z]{3,} [a-z]{3,}/.test(k));
      assert.deepEqual(same, []);
    });
  });

  describe('the builder webview', () => {
    const panel = read('src/webview/builderPanel.ts');
    const main = read('media/builder/main.ts');
    const body = panel.slice(panel.indexOf('export function builderStrings('));

    it('gets every one of its strings from the host, with the same English', () => {
      const sent = new Map<string, string>();
      for (const m of body.matchAll(new RegExp(String.raw`(\w+): vscode\.l10n\.t\(\s*(${LITERAL})`, 'g'))) {
        sent.set(m[1]!, unescape(m[2]!.slice(1, -1)));
      }
      assert.deepEqual(Object.fromEntries(sent), { ...BUILDER_STRINGS });
    });

    it('uses every key, and shows no text of its own', () => {
      const unused = Object.keys(BUILDER_STRINGS).filter((k) => !main.includes(`'${k}'`));
      assert.deepEqual(unused, []);
      const bare = [...main.matchAll(/'(aria-label|placeholder|title)':?\s*[:]?\s*('[^']*[A-Za-z]{2}[^']*'|`[^`]*`)/g), ...main.matchAll(/\b(placeholder|title):\s*('[^']*[A-Za-z]{2}[^']*'|`[^`]*`)/g)].map((m) => m[0]);
      assert.deepEqual(bare, []);
      const children = [...main.matchAll(/\bh\([^()]*?\}\s*,\s*('[^']*[A-Za-z]{2}[^']*')/g)].map((m) => m[1]);
      assert.deepEqual(children, [], 'text passed to h() as a literal');
    });

    it('formats placeholders as vscode.l10n.t does', () => {
      assert.equal(format('Add {0}', ['Financial acumen']), 'Add Financial acumen');
      assert.equal(format('{1} before {0}', ['a', 'b']), 'b before a');
      assert.equal(format('{ step } and {2}', ['x']), '{ step } and {2}');
    });
  });

  describe('no user-visible literal bypasses vscode.l10n.t', () => {
    /** Text a person would read: a capitalised word, or two words. `${…}` and `$(icon)` do not count. */
    const isText = (literal: string) => {
      const bare = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, ' ').replace(/\$\([\w-]+\)/g, ' ');
      return /[A-Z][a-z]+/.test(bare) || /[a-z]{2,}\s+[a-z]{2,}/.test(bare);
    };
    const ANY = String.raw`(${LITERAL}|\`(?:[^\`\\]|\\.)*\`)`;
    const patterns: { what: string; re: RegExp }[] = [
      { what: 'a message', re: new RegExp(String.raw`\bshow(?:Information|Warning|Error)Message\(\s*${ANY}`, 'g') },
      { what: 'a command error', re: new RegExp(String.raw`\bnew CommandError\(\s*${ANY}`, 'g') },
      { what: 'a tree item', re: new RegExp(String.raw`\bnew vscode\.TreeItem\(\s*${ANY}`, 'g') },
      { what: 'a panel title', re: new RegExp(String.raw`\bcreateWebviewPanel\([^,]+,\s*${ANY}`, 'g') },
      { what: 'a quick pick separator', re: new RegExp(String.raw`\bsep(?:<\w+>)?\(\s*${ANY}`, 'g') },
      { what: 'a pick title', re: new RegExp(String.raw`\bpick(?:Attempt|Person)\(\s*deps,\s*${ANY}`, 'g') },
      {
        what: 'a prompt, title, label, description, detail or tooltip',
        re: new RegExp(String.raw`\b(?:title|prompt|placeHolder|placeholder|label|description|detail|tooltip)\s*:\s*${ANY}`, 'g'),
      },
      { what: 'a status bar or tree item property', re: new RegExp(String.raw`(?:\.(?:text|tooltip|description|message)|\bitem\.name)\s*=\s*${ANY}`, 'g') },
      { what: 'a validation message', re: new RegExp(String.raw`\?\s*undefined\s*:\s*${ANY}`, 'g') },
      { what: 'a returned message', re: new RegExp(String.raw`\breturn\s+${ANY}`, 'g') },
    ];
    const files = [
      ...sourceFiles('src/commands'),
      ...sourceFiles('src/views'),
      ...sourceFiles('src/diagnostics'),
      ...sourceFiles('src/ui'),
      'src/extension.ts',
      'src/webview/builderPanel.ts',
      'src/templating/userTemplates.ts',
    ];

    for (const file of files) {
      it(file, () => {
        // Comments are not shown to anyone: blanked, keeping the line numbers.
        const text = read(file)
          .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
          .replace(/^\s*\/\/.*$/gm, '');
        const lines = read(file).split('\n');
        const found: string[] = [];
        for (const { what, re } of patterns) {
          for (const m of text.matchAll(re)) {
            const literal = m[1]!;
            const line = text.slice(0, m.index).split('\n').length;
            // A deliberate exception says why, on its line or the line before: "l10n-ignore (…)".
            if (!isText(literal) || /l10n-ignore/.test(`${lines[line - 2] ?? ''}\n${lines[line - 1] ?? ''}`)) continue;
            found.push(`${file}:${line}: ${what}: ${literal}`);
          }
        }
        assert.deepEqual(found, []);
      });
    }

    it('would catch an unwrapped message (the scan itself works)', () => {
      const sample = "void vscode.window.showInformationMessage('Draft saved.');\nthrow new CommandError(`No person has the id ${id}.`);\nconst x = { placeHolder: 'Who?' };";
      const hits = patterns.flatMap(({ re }) => [...sample.matchAll(re)].map((m) => m[1]!)).filter(isText);
      assert.equal(hits.length, 3);
      const fine = "vscode.window.showInformationMessage(vscode.l10n.t('Draft saved.'));\nconst y = { label: `$(save) ${vscode.l10n.t('Save draft')}` };";
      assert.equal(patterns.flatMap(({ re }) => [...fine.matchAll(re)].map((m) => m[1]!)).filter(isText).length, 0);
    });
  });
});
