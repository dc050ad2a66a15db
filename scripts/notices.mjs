// ThirdPartyNotices.txt: the licences of the code and the font the .vsix ships from other people.
//
// Which packages are shipped is read from the bundles themselves — the source maps of a development build
// (`node esbuild.js`) name every file esbuild took from node_modules — so a new dependency cannot be shipped without
// its notice: the unit ring runs `node scripts/notices.mjs --check`, which fails when the file is out of date.
// The webview's icon font is made from @vscode/codicons (CC BY 4.0), subset to the icons the builder uses: its
// attribution says so, as the licence asks.
//
//   node scripts/notices.mjs          rewrite ThirdPartyNotices.txt
//   node scripts/notices.mjs --check  exit 1 (and say why) when it is not what the bundles need
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'ThirdPartyNotices.txt');
const RULE = '-'.repeat(78);

/** The packages (name → the bundles that contain them) read from dist's source maps. */
export function shippedPackages(dist = path.join(REPO, 'dist')) {
  const maps = fs.readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.js.map'));
  if (maps.length === 0) throw new Error(`No source maps in ${dist}: run a development build first (node esbuild.js).`);
  const found = new Map();
  for (const map of maps) {
    const { sources } = JSON.parse(fs.readFileSync(path.join(dist, map), 'utf8'));
    for (const source of sources) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
      if (!m) continue;
      const bundles = found.get(m[1]) ?? new Set();
      bundles.add(map.replace(/\.map$/, '').split(path.sep).join('/'));
      found.set(m[1], bundles);
    }
  }
  return found;
}

function packageInfo(name) {
  const dir = path.join(REPO, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = fs.readdirSync(dir).find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f));
  if (!licenceFile) throw new Error(`${name} has no LICENSE file to ship with it.`);
  const url = pkg.homepage ?? (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url) ?? '';
  return { name, version: pkg.version, license: pkg.license, url: url.replace(/^git\+/, ''), text: fs.readFileSync(path.join(dir, licenceFile), 'utf8').replace(/^\uFEFF/, '').trim() };
}

/** The whole file's text. */
export function notices() {
  const shipped = shippedPackages();
  const parts = [
    'Mentoring Outreach ships the following third-party material. Each keeps its own licence, given below.',
    '',
  ];
  for (const name of [...shipped.keys()].sort()) {
    const p = packageInfo(name);
    parts.push(RULE, `${p.name} ${p.version} (${p.license}) — ${p.url}`, `Bundled in: ${[...shipped.get(name)].sort().join(', ')}`, RULE, '', p.text, '');
  }
  const codicons = packageInfo('@vscode/codicons');
  parts.push(
    RULE,
    `${codicons.name} ${codicons.version} (${codicons.license}) — https://github.com/microsoft/vscode-codicons`,
    'Shipped as: dist/webview/codicon.ttf and dist/webview/codicon.css',
    RULE,
    '',
    'The icons of the request builder are the Codicons by Microsoft Corporation, licensed under the Creative Commons',
    'Attribution 4.0 International licence (https://creativecommons.org/licenses/by/4.0/legalcode).',
    'Changes: the font was subset to the icons the builder uses (media/builder/icons.ts) and the stylesheet reduced',
    'to those icons. The icons are provided "as is", without warranties of any kind.',
    '',
  );
  return parts.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = notices();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (current !== text) {
      console.error('ThirdPartyNotices.txt is not what the bundles ship: run `node scripts/notices.mjs` and commit it.');
      process.exit(1);
    }
    console.log(`ThirdPartyNotices.txt is current (${[...shippedPackages().keys()].join(', ')}, @vscode/codicons).`);
  } else {
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${path.relative(REPO, OUT)} (${text.length} characters)`);
  }
}
