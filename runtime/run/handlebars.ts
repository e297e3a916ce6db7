// Handlebars' runtime build, the only part the runtime bundle carries: templates arrive precompiled
// (scripts/precompile-hbs.mjs), so the compiler (about 200 KB) stays out of gump-runtime.mjs.

import type HandlebarsApi from 'handlebars';
// `handlebars/runtime` is the same API without compile(); its own declarations are unusable.
import runtime from 'handlebars/runtime';

export const Handlebars = runtime as typeof HandlebarsApi;
export type Hbs = typeof HandlebarsApi;
