// Preloaded by bench/runtime.mjs (`node --import`) into the process that runs `gump run`: counts the
// child processes it starts (ChildProcess#spawn underlies spawn, execFile and exec) and writes the
// number to the file named by GUMP_BENCH_SPAWNS when the process exits.
import { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const file = process.env.GUMP_BENCH_SPAWNS;
if (file) {
  let count = 0;
  const spawn = ChildProcess.prototype.spawn;
  ChildProcess.prototype.spawn = function (...args) {
    count++;
    return spawn.apply(this, args);
  };
  process.on('exit', () => writeFileSync(file, String(count)));
}
