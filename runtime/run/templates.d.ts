// Handlebars templates are imported precompiled (scripts/precompile-hbs.mjs: the esbuild plugin of
// scripts/build.mjs and the vitest plugin in vitest.config.ts): a template specification.
declare module '*.hbs' {
  const spec: TemplateSpecification;
  export default spec;
}
