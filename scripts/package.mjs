#!/usr/bin/env node
// `npm run package`: a clean production build, then a .vsix made offline by @vscode/vsce (no dependencies are
// bundled: everything is in dist/). Prints the size and fails if it is over the 250 kB budget.
//   node scripts/package.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = 250 * 1024;
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(REPO, 'dist-vsix', `${manifest.name}-${manifest.version}.vsix`));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

fs.rmSync(path.join(REPO, 'dist'), { recursive: true, force: true });
run(process.execPath, ['esbuild.js', '--production']);
fs.mkdirSync(path.dirname(out), { recursive: true });
// The README's images are relative links in this repository: keep them as they are (no public repository URL).
// (vsce runs vscode:prepublish, a production build, once more: harmless.)
run(process.execPath, [path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out]);
const size = fs.statSync(out).size;
console.log(`${path.relative(process.cwd(), out)}: ${(size / 1024).toFixed(1)} kB (budget ${BUDGET / 1024} kB)`);
if (size > BUDGET) {
  console.error(`The .vsix is over budget by ${((size - BUDGET) / 1024).toFixed(1)} kB.`);
  process.exit(1);
}
