// Handlebars templates (runtime/run/templates/*.hbs) compiled at build time: a module exporting the
// template specification, so the runtime bundle carries only Handlebars' small runtime, not its
// compiler. Used by the esbuild build (scripts/build.mjs) and by the vitest plugin alike.
import Handlebars from 'handlebars';
import { transformSync } from 'esbuild';

/**
 * The module text for one template. `noEscape`: the templates write Markdown, not HTML. Minified:
 * Handlebars' precompiled output is mostly whitespace, and it lands in the runtime bundle.
 */
export function precompiledModule(text) {
  const module = `export default (${Handlebars.precompile(text, { noEscape: true, strict: false })});\n`;
  return transformSync(module, { minify: true, format: 'esm' }).code;
}

/** An esbuild plugin loading `.hbs` files as precompiled templates. */
export const hbsPlugin = {
  name: 'gump-hbs',
  setup(build) {
    build.onLoad({ filter: /\.hbs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: precompiledModule(await readFile(args.path, 'utf8')), loader: 'js' };
    });
  },
};
