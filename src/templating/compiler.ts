/**
 * The Handlebars compiler, for the user's own templates only. Bundled on its own
 * (dist/templateCompiler.js) and loaded the first time a user template exists, so the extension's
 * activation never pays for it; the built-in templates are precompiled at build time.
 */
import Handlebars from 'handlebars';

export type CompiledTemplate = (context: object) => string;

/**
 * Compiles a user template for plain-text output. Throws with Handlebars' message (which names the
 * line) when it does not parse. Only the built-in helpers are allowed, and prototype access stays
 * denied when it runs.
 */
export function compileTemplate(source: string): CompiledTemplate {
  if (source.includes('{{{')) throw new Error('Triple braces {{{ }}} are not allowed: use {{ }}.' + lineOf(source, source.indexOf('{{{')));
  const env = Handlebars.create();
  const options = { noEscape: true, strict: false, knownHelpersOnly: true };
  // compile() is lazy: precompile now so a syntax error ("Parse error on line N: …") or an unknown
  // helper is reported at once, not on first use.
  env.precompile(source, options);
  const template = env.compile(source, options);
  return (context) => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

function lineOf(source: string, index: number): string {
  return ` (line ${source.slice(0, index).split('\n').length})`;
}
