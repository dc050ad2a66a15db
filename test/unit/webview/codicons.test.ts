/**
 * The builder webview ships only the codicons it uses: dist/webview/codicon.css and codicon.ttf, made by
 * esbuild.js from @vscode/codicons, hold exactly the icons in media/builder/icons.ts (the one list; icon() accepts
 * nothing else). Reads the build's output (`node esbuild.js` runs before this ring).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ICON_NAMES } from '../../../media/builder/icons';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const PACKAGE = path.join(ROOT, 'node_modules', '@vscode', 'codicons', 'dist');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** `.codicon-NAME:before { content: "\XXXX" }` rules: name → code point. */
function iconRules(css: string): Map<string, number> {
  const rules = new Map<string, number>();
  for (const m of css.matchAll(/^\.codicon-([a-z0-9-]+):before\s*\{\s*content:\s*"\\([0-9a-fA-F]+)"\s*\}/gm)) rules.set(m[1]!, parseInt(m[2]!, 16));
  return rules;
}

/** The tables of a TrueType font (sfnt), by tag. */
function tables(font: Buffer): Map<string, Buffer> {
  assert.equal(font.readUInt32BE(0), 0x00010000, 'a TrueType font');
  const out = new Map<string, Buffer>();
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++) {
    const rec = 12 + i * 16;
    const offset = font.readUInt32BE(rec + 8);
    out.set(font.toString('latin1', rec, rec + 4), font.subarray(offset, offset + font.readUInt32BE(rec + 12)));
  }
  return out;
}

/** Every code point the font's cmap maps to a glyph other than .notdef (formats 4 and 12). */
function mappedCodePoints(cmap: Buffer): Set<number> {
  const mapped = new Set<number>();
  for (let i = 0, n = cmap.readUInt16BE(2); i < n; i++) {
    const sub = cmap.subarray(cmap.readUInt32BE(4 + i * 8 + 4));
    const format = sub.readUInt16BE(0);
    if (format === 4) {
      const segs = sub.readUInt16BE(6) / 2;
      const ends = 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const rangeOffsets = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const start = sub.readUInt16BE(starts + s * 2);
        const end = sub.readUInt16BE(ends + s * 2);
        const delta = sub.readInt16BE(deltas + s * 2);
        const rangeOffset = sub.readUInt16BE(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph = rangeOffset === 0 ? c : sub.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          if (rangeOffset === 0 || glyph !== 0) glyph = (glyph + delta) & 0xffff;
          if (glyph !== 0) mapped.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0, groups = sub.readUInt32BE(12); g < groups; g++) {
        const at = 16 + g * 12;
        const startGlyph = sub.readUInt32BE(at + 8);
        for (let c = sub.readUInt32BE(at); c <= sub.readUInt32BE(at + 4); c++) if (startGlyph + (c - sub.readUInt32BE(at)) !== 0) mapped.add(c);
      }
    }
  }
  return mapped;
}

describe('codicons shipped with the builder webview', () => {
  const packageRules = iconRules(fs.readFileSync(path.join(PACKAGE, 'codicon.css'), 'utf8'));

  it('icons.ts lists each name once, and @vscode/codicons has every one', () => {
    assert.equal(new Set(ICON_NAMES).size, ICON_NAMES.length);
    for (const name of ICON_NAMES) assert.ok(packageRules.has(name), `@vscode/codicons has no "${name}"`);
  });

  it('the stylesheet has the font, the base .codicon rule and one rule per listed icon, with the package’s code point', () => {
    const css = read('dist/webview/codicon.css');
    assert.match(css, /@font-face\s*\{[^}]*font-family:\s*"codicon";[^}]*src:\s*url\("\.\/codicon\.ttf\?[0-9a-f]+"\)\s*format\("truetype"\)/);
    assert.match(css, /\.codicon\[class\*='codicon-'\]\s*\{[^}]*font:\s*normal normal normal 16px\/1 codicon;/);
    assert.doesNotMatch(css, /url\((?!"\.\/codicon\.ttf)/, 'no resource but the font beside it (font-src is the webview’s own root)');
    const shipped = iconRules(css);
    assert.deepEqual([...shipped.keys()].sort(), [...ICON_NAMES].sort());
    for (const [name, codePoint] of shipped) assert.equal(codePoint, packageRules.get(name), name);
  });

  it('the font maps exactly those icons’ code points, each to a glyph, and no other glyph', () => {
    const font = fs.readFileSync(path.join(ROOT, 'dist/webview/codicon.ttf'));
    const t = tables(font);
    const wanted = new Set(ICON_NAMES.map((name) => packageRules.get(name)!));
    assert.deepEqual([...mappedCodePoints(t.get('cmap')!)].sort((a, b) => a - b), [...wanted].sort((a, b) => a - b));
    assert.ok(t.get('maxp')!.readUInt16BE(4) <= wanted.size + 1, 'glyphs: the icons and .notdef, nothing more');
    assert.ok(font.length < fs.statSync(path.join(PACKAGE, 'codicon.ttf')).size / 10, `${font.length} bytes`);
  });

  it('every codicon class the builder’s sources name is in icons.ts', () => {
    const dir = 'media/builder';
    const names = new Set(ICON_NAMES as readonly string[]);
    for (const file of fs.readdirSync(path.join(ROOT, dir))) {
      if (!/\.(ts|css)$/.test(file)) continue;
      for (const m of read(`${dir}/${file}`).matchAll(/codicon-([a-z0-9][a-z0-9-]*)/g)) {
        assert.ok(names.has(m[1]!), `${dir}/${file} uses codicon-${m[1]}, which is not in icons.ts (so not shipped)`);
      }
    }
  });
});
