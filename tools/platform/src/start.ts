// `npm start`: the whole platform on this machine (run-platform.ts), in a process group of its own.
// A Ctrl-C in a terminal signals every process of the terminal's foreground group at once, and
// PostgreSQL would stop under subgraphs still answering requests. Here only this process gets it,
// and it asks the platform to stop in order: the gateway, then the subgraphs (drained), then PostgreSQL.
//   npm start [-- --demo]
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const platform = spawn(process.execPath, [join(__dirname, '..', '..', 'run.js'), join(__dirname, 'run-platform.ts'), ...process.argv.slice(2)], {
  detached: true,
  // stdin stays a pipe: should this process die, the platform sees it end and stops as well.
  stdio: ['pipe', 'inherit', 'inherit'],
});
let asked = false;
const stop = () => {
  if (asked) return void process.stdout.write('Carebridge is stopping (gateway, subgraphs, then PostgreSQL)…\n');
  asked = true;
  platform.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
platform.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
