// The .vsix ships other people's code (bundled by esbuild) and the Codicons font: ThirdPartyNotices.txt must name
// every one of them with its licence. The packages are read from the development build's source maps (the unit ring
// builds first), so a dependency newly bundled without its notice fails here.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('third-party notices', function () {
  this.timeout(20_000); // a child Node process; correctness, not speed

  it('ThirdPartyNotices.txt is what the bundles ship (node scripts/notices.mjs --check)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'notices.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });

  it('names the Codicons licence and the change made to the font, and each bundled package with its licence text', () => {
    const text = fs.readFileSync(path.join(ROOT, 'ThirdPartyNotices.txt'), 'utf8');
    assert.match(text, /@vscode\/codicons [\d.]+ \(CC-BY-4\.0\)/);
    assert.match(text, /creativecommons\.org\/licenses\/by\/4\.0/);
    assert.match(text, /subset to the icons the builder uses/);
    for (const name of ['valibot', 'handlebars']) assert.match(text, new RegExp(`^${name} [\\d.]+ \\(MIT\\)`, 'm'), name);
    assert.match(text, /Permission is hereby granted/);
  });

  it('is packaged in the .vsix (.vscodeignore lets it through)', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes('!ThirdPartyNotices.txt'), '.vscodeignore must include !ThirdPartyNotices.txt');
  });
});
