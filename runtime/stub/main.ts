// Entry of dist/gump-stub.cjs: the stub agent process alone (`node gump-stub.cjs __stub <json>`,
// the same command line as the runtime bundle's `__stub`). A separate, small bundle because the
// stub adapter starts one such process per attempt and loading the whole runtime bundle was most
// of its cost (issue 10). The adapter falls back to the runtime bundle when this file is absent.
import { stubMain } from './entry.js';

if (process.argv[2] === '__stub') void stubMain(process.argv.slice(3));
else {
  process.stderr.write('usage: node gump-stub.cjs __stub <json>\n');
  process.exitCode = 2;
}
