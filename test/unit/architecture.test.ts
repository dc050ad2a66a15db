/**
 * Imports run one way (docs/architecture.md): app (src/*.ts) → features (commands, diagnostics, webview,
 * templating, ui) → shell → views, storage → domain. No folder imports one above it, type-only imports
 * included, no folders import each other round in a cycle, and no files do either (inside one folder too, as
 * in domain/requestCheck/). A new import that breaks this fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');

/** The layer of each folder of src/ (a file directly in src/ is the app). */
const RANK: Readonly<Record<string, number>> = {
  domain: 0,
  templates: 0,
  util: 0,
  storage: 1,
  views: 1,
  shell: 2,
  commands: 3,
  diagnostics: 3,
  webview: 3,
  templating: 3,
  ui: 3,
  '(app)': 4,
};

function folderOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? '(app)' : (rel[0] as string);
}

/** Every relative import of every source file: [from file, to file]. */
function imports(): [string, string][] {
  const out: [string, string][] = [];
  for (const rel of fs.readdirSync(SRC, { recursive: true }).map(String)) {
    if (!rel.endsWith('.ts')) continue;
    const file = path.join(SRC, rel);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)) {
      out.push([file, path.resolve(path.dirname(file), m[1] as string)]);
    }
  }
  return out;
}

/** The source file an import names: `x.ts`, or `x/index.ts` for a folder; undefined for anything else (a template). */
function sourceFile(to: string): string | undefined {
  return [`${to}.ts`, path.join(to, 'index.ts')].find((f) => fs.existsSync(f));
}

describe('architecture: imports run one way', () => {
  const edges = imports().map(([from, to]) => ({ from, to, a: folderOf(from), b: folderOf(to) }));

  it('finds the imports (the scan works)', () => {
    assert.ok(edges.length > 100, `${edges.length} imports`);
    assert.ok(edges.some((e) => e.a === 'commands' && e.b === 'domain'));
  });

  it('every folder of src/ has a layer', () => {
    const folders = new Set(edges.flatMap((e) => [e.a, e.b]));
    assert.deepEqual([...folders].filter((f) => RANK[f] === undefined), []);
  });

  it('no folder imports one in a layer above it', () => {
    const up = edges.filter((e) => e.a !== e.b && (RANK[e.b] ?? 0) > (RANK[e.a] ?? 0));
    assert.deepEqual(
      up.map((e) => `${path.relative(ROOT, e.from)} → ${path.relative(ROOT, e.to)}`),
      [],
      'imports that run upwards',
    );
  });

  it('no folders import each other round in a cycle', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) if (e.a !== e.b) (graph.get(e.a) ?? graph.set(e.a, new Set()).get(e.a))!.add(e.b);
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      for (const next of graph.get(node) ?? []) {
        const at = trail.indexOf(next);
        if (at >= 0) cycles.push([...trail.slice(at), next].join(' → '));
        else visit(next, [...trail, next]);
      }
    };
    for (const start of graph.keys()) visit(start, [start]);
    assert.deepEqual(cycles, []);
  });

  it('every import names a file (the file scan below reads the paths right)', () => {
    const missing = edges.filter((e) => !sourceFile(e.to) && !fs.existsSync(e.to));
    assert.deepEqual(missing.map((e) => `${path.relative(ROOT, e.from)} → ${path.relative(ROOT, e.to)}`), []);
  });

  it('no files import each other round in a cycle, inside one folder included', () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) {
      const to = sourceFile(e.to);
      if (to) (graph.get(e.from) ?? graph.set(e.from, []).get(e.from))!.push(to);
    }
    // Depth first: an import of a file still open (on the trail) closes a cycle.
    const open = new Set<string>();
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      open.add(file);
      for (const next of graph.get(file) ?? []) {
        if (open.has(next)) cycles.push([...trail.slice(trail.indexOf(next)), next].map((f) => path.relative(SRC, f)).join(' → '));
        else if (!done.has(next)) visit(next, [...trail, next]);
      }
      open.delete(file);
      done.add(file);
    };
    for (const file of graph.keys()) if (!done.has(file)) visit(file, [file]);
    assert.deepEqual(cycles, []);
  });
});
