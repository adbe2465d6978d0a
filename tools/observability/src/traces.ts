import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@carebridge/local-platform';
import type { TraceFileSpan } from '@carebridge/service-kit';
import { renderTrace, summaryOf, tracesOf } from './trace-tree';

/**
 * `npm run traces`: the traces `npm start` wrote (CAREBRIDGE_TRACES_FILE, by default .data/traces.jsonl).
 *   npm run traces                    the last 20 traces, newest last
 *   npm run traces -- --last 5        the last 5
 *   npm run traces -- <trace id>      one trace as a tree (a prefix of the id is enough)
 */
function main(): void {
  const args = process.argv.slice(2);
  const file = process.env.CAREBRIDGE_TRACES_FILE ?? join(REPOSITORY_ROOT, '.data', 'traces.jsonl');
  if (!existsSync(file)) {
    process.stderr.write(`No traces yet: ${file} does not exist (npm start writes it).\n`);
    process.exit(1);
  }
  const spans = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line): TraceFileSpan[] => {
      try {
        return [JSON.parse(line) as TraceFileSpan];
      } catch {
        return [];
      }
    });
  const traces = tracesOf(spans);
  const wanted = args.find((a) => /^[0-9a-f]{4,32}$/.test(a));
  if (wanted) {
    const id = [...traces.keys()].find((t) => t.startsWith(wanted));
    if (!id) {
      process.stderr.write(`No trace ${wanted} in ${file}.\n`);
      process.exit(1);
    }
    process.stdout.write(`trace ${id}\n${renderTrace(traces.get(id) ?? []).join('\n')}\n`);
    return;
  }
  const last = Number(args[args.indexOf('--last') + 1]) || 20;
  const summaries = [...traces.entries()].map(([id, list]) => summaryOf(id, list)).sort((a, b) => a.startTime.localeCompare(b.startTime));
  for (const s of summaries.slice(-last)) {
    process.stdout.write(`${s.traceId}  ${s.startTime}  ${s.durationMs.toFixed(1).padStart(8)} ms  ${String(s.spans).padStart(4)} spans  ${s.root}  [${s.services.join(', ')}]\n`);
  }
  process.stdout.write(`\n${traces.size} traces in ${file}; one as a tree: npm run traces -- <trace id>\n`);
}

main();
