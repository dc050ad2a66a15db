import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('the domain is pure', () => {
  it('no file under src/domain (sub-folders included) imports vscode', () => {
    const dir = path.resolve(__dirname, '../../../../src/domain');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 5, `expected domain files in ${dir}`);
    for (const f of files) {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.doesNotMatch(source, /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/, `${f} imports vscode`);
    }
  });
});
