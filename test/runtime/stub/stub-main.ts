// Test entry for the stub process: bundled with esbuild (helpers.ts) and run as
// `node <bundle> __stub <json>`, as the runtime bundle's main will dispatch `__stub`.
import { stubMain } from '../../../runtime/stub/entry.js';
import { loadStubScript } from '../../../runtime/stub/script.js';

if (process.argv[2] === '__stub') void stubMain(process.argv.slice(3), loadStubScript);
