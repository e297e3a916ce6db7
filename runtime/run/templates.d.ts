// Handlebars templates are imported as their text (esbuild `text` loader; the vitest plugin in
// vitest.config.ts does the same for tests).
declare module '*.hbs' {
  const text: string;
  export default text;
}
