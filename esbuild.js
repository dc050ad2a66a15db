// Builds the extension (node/cjs, `vscode` external), the webview entry (browser), and the test and
// benchmark bundles. Handlebars templates are precompiled here, so only `handlebars/runtime` ships.
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified extension + webview, no source maps
//   node esbuild.js --watch       rebuild on change
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const Handlebars = require('handlebars');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** `import spec from './x.hbs'` → the precompiled template spec (an object), checked at build time. */
const handlebarsPlugin = {
  name: 'handlebars-precompile',
  setup(build) {
    build.onLoad({ filter: /\.hbs$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (source.includes('{{{')) {
        return { errors: [{ text: `${path.basename(args.path)} uses {{{ }}} (unescaped output), which is not allowed` }] };
      }
      try {
        // Our templates produce plain text (an e-mail, a Markdown document), never HTML: HTML-escaping would put
        // "&amp;" into a person's message. Output is only ever shown as text (textContent, a text document).
        const spec = Handlebars.precompile(source, { noEscape: true, strict: false, knownHelpersOnly: true, data: false });
        return { contents: `module.exports = ${spec};`, loader: 'js' };
      } catch (e) {
        return { errors: [{ text: `${path.basename(args.path)}: ${e.message}` }] };
      }
    });
  },
};

/** Fails the build if anything under src/domain imports vscode. */
const pureDomainPlugin = {
  name: 'pure-domain',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => {
      if (args.importer.includes(`${path.sep}src${path.sep}domain${path.sep}`)) {
        return { errors: [{ text: `src/domain must not import vscode (imported by ${path.relative(__dirname, args.importer)})` }] };
      }
      return undefined;
    });
  },
};

/**
 * `import * as vscode from 'vscode'` is bundled as `const vscode = require('vscode')`, and the same for Node's
 * built-in modules (`node:fs`, …). Otherwise esbuild's CommonJS interop wraps each such `require` in `__toESM`,
 * which copies the whole namespace (a getter per member) once per importing module — at load time, in every
 * window's activation — and puts a getter call in front of every `vscode.…` access. Only namespace imports are
 * rewritten (types are erased either way); the pure-domain check still sees the require.
 */
const EXTERNAL_NAMESPACE_IMPORT = /^import \* as (\w+) from '(vscode|node:[\w/]+)';$/gm;
const externalNamespacePlugin = {
  name: 'external-namespace-require',
  setup(build) {
    build.onLoad({ filter: /\.ts$/, namespace: 'file' }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      const contents = source.replace(EXTERNAL_NAMESPACE_IMPORT, "const $1 = require('$2');");
      return contents === source ? undefined : { contents, loader: 'ts' };
    });
  },
};

const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      if (!watch) return;
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

function listFiles(dir, pattern) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => pattern.test(f));
}

const common = {
  bundle: true,
  logLevel: 'warning',
  plugins: [handlebarsPlugin, pureDomainPlugin, externalNamespacePlugin, problemMatcherPlugin],
  legalComments: 'none',
};

/** Where dist/extension.js publishes its modules for dist/features.js (read by the shims below). */
const SHARED_GLOBAL = "globalThis[Symbol.for('careerkit.mentoring-outreach.sharedModules')]";

/**
 * The activation bundle's entry: src/extension.ts, plus a table of the module instances it holds, so the
 * features bundle can use those very instances (one TreeNode class, one StoreRefusal, one store module)
 * instead of copies of its own.
 */
function activationEntry(shared) {
  const lines = shared.map((file, i) => `import * as m${i} from './${file}';`);
  lines.push(`${SHARED_GLOBAL} = { ${shared.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`);
  lines.push(`export * from './src/extension';`);
  return lines.join('\n');
}

/** The project's own modules in the activation bundle (found by bundling src/extension.ts once, in memory). */
async function activationModules() {
  const probe = await esbuild.build({ ...common, entryPoints: ['src/extension.ts'], platform: 'node', format: 'cjs', external: ['vscode'], write: false, metafile: true, outfile: 'probe.js' });
  return Object.keys(probe.metafile.inputs).filter((f) => f.startsWith('src/') && f.endsWith('.ts')).sort();
}

/**
 * In the features bundle, a module that the activation bundle holds is not bundled again: the import is
 * answered with the activation bundle's instance of it (published by activationEntry).
 */
function sharedWithActivationPlugin(shared) {
  const set = new Set(shared);
  return {
    name: 'shared-with-activation-bundle',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'inner' || args.namespace === 'shared') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const file = path.relative(__dirname, resolved.path).split(path.sep).join('/');
        return set.has(file) ? { path: file, namespace: 'shared' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
        contents: `module.exports = ${SHARED_GLOBAL}[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The request check (src/domain/requestCheck, its lexicon of ~40 Unicode regular expressions) is a bundle of its own,
 * dist/requestCheck.js, required the first time a text is checked — not when the features load (building those
 * expressions and compiling the check is a third of what loading the features costs, and opening the builder or
 * running most commands checks no text). In the features bundle, an import of the check's public API is answered
 * by this stand-in: each export is a getter that loads the bundle on first access. The check is pure, so its own
 * copy of what it imports (src/domain/ask.ts) is harmless. main() checks that the names match the real bundle.
 */
const REQUEST_CHECK_INDEX = path.join(__dirname, 'src', 'domain', 'requestCheck', 'index.ts');
const REQUEST_CHECK_EXPORTS = [
  'MAX_FINDINGS_PER_RULE', 'MAX_SCORE_WITH_ERRORS', 'MAX_SESSIONS', 'MAX_WORDS', 'REQUEST_RULES', 'RULE_IDS', 'ruleInfo',
  'hasPlaceholder', 'skillNamed', 'checkRequest', 'applyFixes', 'applyReplacement',
];
const lazyRequestCheckPlugin = {
  name: 'lazy-request-check',
  setup(build) {
    build.onResolve({ filter: /requestCheck$/ }, async (args) => {
      if (args.pluginData === 'inner') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
      return resolved.path === REQUEST_CHECK_INDEX ? { path: 'requestCheck', namespace: 'lazy-chunk' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, () => ({
      contents: [
        `let chunk;`,
        `const load = () => (chunk ??= require(require('node:path').join(__dirname, 'requestCheck.js')));`,
        ...REQUEST_CHECK_EXPORTS.map((name) => `Object.defineProperty(module.exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`),
      ].join('\n'),
      loader: 'js',
    }));
  },
};

const builds = (shared) => [
  // The extension itself: what activation needs (the store, the views, the status bar), nothing more.
  {
    ...common,
    stdin: { contents: activationEntry(shared), resolveDir: __dirname, sourcefile: 'src/extension.entry.ts', loader: 'ts' },
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
  },
  // Loaded on first use only, never at activation: every command and what it needs (src/features.ts).
  {
    ...common,
    plugins: [sharedWithActivationPlugin(shared), lazyRequestCheckPlugin, ...common.plugins],
    entryPoints: { features: 'src/features.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  },
  // Also on first use, each on its own: the Handlebars compiler for users' own templates, the iCalendar
  // export (ical-generator) and the request check (see lazyRequestCheckPlugin).
  {
    ...common,
    entryPoints: { templateCompiler: 'src/templating/compiler.ts', calendar: 'src/domain/calendar.ts', requestCheck: 'src/domain/requestCheck/index.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  },
  // The webview's script and styles (browser).
  {
    ...common,
    entryPoints: { main: 'media/builder/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  },
];

// Tests and benchmarks are not shipped: always with source maps, never minified.
const testBuilds = [];
if (!production || process.argv.includes('--tests')) {
  const testCommon = { ...common, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', outbase: '.', outdir: 'out' };
  testBuilds.push(
    { ...testCommon, entryPoints: [...listFiles('test/unit', /\.test\.ts$/), ...listFiles('bench', /\.ts$/)], external: ['vscode', 'mocha'] },
    {
      ...testCommon,
      entryPoints: [...listFiles('test/integration', /\.ts$/)],
      external: ['vscode', 'mocha'],
    },
  );
}

/**
 * The codicon font and its stylesheet for the webview, served from dist/webview (its only resource root): made
 * from the installed @vscode/codicons, with only the icons named in media/builder/icons.ts (the one list; icon()
 * accepts nothing else). The stylesheet keeps the package's header, its @font-face (pointing at the subset) and
 * its base `.codicon` rule, then one rule per icon; the font keeps only those icons' glyphs (subset-font, the
 * WebAssembly build of HarfBuzz's hb-subset). A name the package lacks, or a stylesheet of another shape, fails
 * the build.
 */
async function writeCodiconSubset(names) {
  const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const css = fs.readFileSync(path.join(from, 'codicon.css'), 'utf8');
  const header = /^\/\*[\s\S]*?\*\//.exec(css);
  const fontFace = /@font-face\s*\{[^}]*\}/.exec(css);
  const base = /\.codicon\[class\*='codicon-'\]\s*\{[^}]*\}/.exec(css);
  if (!header || !fontFace || !base) throw new Error('@vscode/codicons/dist/codicon.css has changed shape: its header, @font-face or base .codicon rule was not found');
  const src = /src:\s*url\("\.\/codicon\.ttf(?:\?[^"]*)?"\)\s*format\("truetype"\)/;
  if (!src.test(fontFace[0])) throw new Error('@vscode/codicons/dist/codicon.css: the @font-face src is not ./codicon.ttf');
  if (!Array.isArray(names) || names.length === 0) throw new Error('media/builder/icons.ts exports no ICON_NAMES');
  const rules = names.map((name) => {
    const rule = new RegExp(`^\\.codicon-${name.replace(/[^a-z0-9-]/g, '\\$&')}:before\\s*\\{\\s*content:\\s*"\\\\([0-9a-fA-F]{4,6})"\\s*\\}`, 'm').exec(css);
    if (!rule) throw new Error(`media/builder/icons.ts names "${name}", which @vscode/codicons does not have`);
    return { text: rule[0], codePoint: parseInt(rule[1], 16) };
  });
  const subsetFont = require('subset-font');
  const font = await subsetFont(fs.readFileSync(path.join(from, 'codicon.ttf')), String.fromCodePoint(...rules.map((r) => r.codePoint)), { targetFormat: 'sfnt' });
  const version = require('node:crypto').createHash('sha256').update(font).digest('hex').slice(0, 16);
  const face = fontFace[0].replace(src, `src: url("./codicon.ttf?${version}") format("truetype")`);
  const note = `/* Made by esbuild.js from @vscode/codicons: only the icons in media/builder/icons.ts. */`;
  fs.mkdirSync('dist/webview', { recursive: true });
  fs.writeFileSync('dist/webview/codicon.ttf', font);
  fs.writeFileSync('dist/webview/codicon.css', [header[0], note, face, base[0], rules.map((r) => r.text).join('\n')].join('\n\n') + '\n');
}

/**
 * Compiles media/builder/icons.ts in memory and writes the codicon subset from its ICON_NAMES; with --watch,
 * again whenever the list changes.
 */
const codiconBuild = {
  entryPoints: ['media/builder/icons.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
  plugins: [
    {
      name: 'codicon-subset',
      setup(build) {
        build.onEnd(async (result) => {
          if (result.errors.length > 0 || !result.outputFiles?.[0]) return undefined;
          try {
            const mod = { exports: {} };
            new Function('module', 'exports', result.outputFiles[0].text)(mod, mod.exports);
            await writeCodiconSubset(mod.exports.ICON_NAMES);
            return undefined;
          } catch (e) {
            return { errors: [{ text: `codicon subset: ${e.message ?? e}` }] };
          }
        });
      },
    },
    problemMatcherPlugin,
  ],
};

async function main() {
  // A production build starts from an empty dist/, so no stale file (a source map, an old bundle) is shipped.
  if (production && !watch) fs.rmSync('dist', { recursive: true, force: true });
  const shared = await activationModules();
  const contexts = await Promise.all([...builds(shared), codiconBuild, ...testBuilds].map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  const meta = results[0].metafile;
  if (meta) fs.writeFileSync('dist/extension.meta.json', JSON.stringify(meta));
  // The features bundle's stand-in for the request check must offer exactly what the real bundle exports.
  const real = Object.keys(require(path.join(__dirname, 'dist', 'requestCheck.js'))).sort();
  const offered = [...REQUEST_CHECK_EXPORTS].sort();
  if (JSON.stringify(real) !== JSON.stringify(offered)) {
    throw new Error(`esbuild.js REQUEST_CHECK_EXPORTS (${offered.join(', ')}) differ from what src/domain/requestCheck/index.ts exports (${real.join(', ')})`);
  }
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
