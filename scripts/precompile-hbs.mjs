// Handlebars templates (runtime/run/templates/*.hbs) compiled at build time: a module exporting the
// template specification, so the runtime bundle carries only Handlebars' small runtime, not its
// compiler. Used by the esbuild build (scripts/build.mjs) and by the vitest plugin alike.
import Handlebars from 'handlebars';

/** The module text for one template. `noEscape`: the templates write Markdown, not HTML. */
export function precompiledModule(text) {
  return `export default (${Handlebars.precompile(text, { noEscape: true, strict: false })});\n`;
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
