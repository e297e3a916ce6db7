#!/usr/bin/env node
// Entry point of the `gump` bin: loads the bundled CLI built by `npm run build` (run by `prepare`).
import '../dist/gump.mjs';
