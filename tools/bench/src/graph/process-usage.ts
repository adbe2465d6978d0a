import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE']).toString().trim()) || 4096;

interface Stat {
  /** CPU ms in user and kernel mode, with that of children already exited and waited for (Postgres' ended backends). */
  cpuMs: number;
  /** Resident memory (RSS). */
  rssBytes: number;
  /** Resident memory as its proportional share (PSS), so that memory shared between processes (Postgres' shared buffers) counts once. */
  memoryBytes: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    const rssBytes = Number(fields[21]) * PAGE_BYTES;
    return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, rssBytes, memoryBytes: proportionalMemory(pid) ?? rssBytes };
  } catch {
    return undefined; // the process has ended
  }
}

function proportionalMemory(pid: number): number | undefined {
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return pss ? Number(pss[1]) * 1024 : undefined;
  } catch {
    return undefined; // an older kernel, or not ours to read: RSS instead
  }
}

function children(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (listed) found.push(...listed.split(' ').map(Number));
    }
  } catch {
    // ended meanwhile
  }
  return found;
}

/** A process the benchmark accounts for, with its children when it is a server made of several (Postgres). */
export interface WatchedProcess {
  name: string;
  pid: () => number | undefined;
  withChildren?: boolean;
}

export type Usage = Map<string, Stat>;

/** CPU time so far and memory now, per watched process (summed over its children). */
export function usage(processes: WatchedProcess[]): Usage {
  const result: Usage = new Map();
  for (const watched of processes) {
    const root = watched.pid();
    if (!root) continue;
    const pids = [root];
    // A child ending between two snapshots loses what it used since the first; Postgres backends live as long as their pooled connection.
    if (watched.withChildren) for (let i = 0; i < pids.length; i += 1) pids.push(...children(pids[i]));
    const total = { cpuMs: 0, rssBytes: 0, memoryBytes: 0 };
    for (const pid of pids) {
      const s = stat(pid);
      if (!s) continue;
      total.cpuMs += s.cpuMs;
      total.rssBytes += s.rssBytes;
      total.memoryBytes += s.memoryBytes;
    }
    result.set(watched.name, total);
  }
  return result;
}

/** CPU ms each process used between two snapshots. */
export function cpuBetween(before: Usage, after: Usage): Map<string, number> {
  const used = new Map<string, number>();
  for (const [name, end] of after) used.set(name, end.cpuMs - (before.get(name)?.cpuMs ?? end.cpuMs));
  return used;
}

export interface Memory {
  rssBytes: number;
  pssBytes: number;
}

/** The highest memory (RSS and PSS, each on its own) of each process while `work` runs, sampled every `everyMs`. */
export async function peakMemoryDuring<T>(processes: WatchedProcess[], work: () => Promise<T>, peaks: Map<string, Memory>, everyMs = 250): Promise<T> {
  const sample = () => {
    for (const [name, s] of usage(processes)) {
      const peak = peaks.get(name);
      peaks.set(name, { rssBytes: Math.max(peak?.rssBytes ?? 0, s.rssBytes), pssBytes: Math.max(peak?.pssBytes ?? 0, s.memoryBytes) });
    }
  };
  const timer = setInterval(sample, everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    sample();
  }
}
