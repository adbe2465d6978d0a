// A Kafka-protocol broker for tests: librdkafka's mock cluster hosted by a tiny C program
// (src/mock-broker.c), compiled on first use against Debian's librdkafka-dev.
//
//   const kafka = await startMockKafka({ topics: ['orders'] });
//   new Kafka({ brokers: kafka.brokers, ... });
//   await kafka.brokerDown(1); await kafka.brokerUp(1);
//   await kafka.stop();
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface MockKafka {
  /** Bootstrap addresses, e.g. ['127.0.0.1:39231', ...]. */
  brokers: string[];
  /** Sends a fault-injection command (see README.md); rejects when the broker answers ERR. */
  command(line: string): Promise<void>;
  brokerDown(id: number): Promise<void>;
  brokerUp(id: number): Promise<void>;
  /** Ends the broker process; resolves once it has exited. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartMockKafkaOptions {
  /** Number of brokers, ids 1..N (default 3). */
  brokers?: number;
  /** Partitions of the topics created up front (default 4; auto-created topics always get 4). */
  partitions?: number;
  /** Topics to create before the broker reports ready. */
  topics?: string[];
}

const PACKAGE_DIR = path.resolve(__dirname, '..');
const SOURCE = path.join(PACKAGE_DIR, 'src', 'mock-broker.c');
const BUILD_DIR = path.join(PACKAGE_DIR, 'build');
const BINARY = path.join(BUILD_DIR, 'mock-kafka-broker');
const INSTALL_HINT =
  'install it with `apt-get install librdkafka-dev` (or run tools/kafka-mock-broker/install.sh)';
const START_TIMEOUT_MS = 15_000;
const COMMAND_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;

function isFresh(): boolean {
  try {
    return statSync(BINARY).mtimeMs >= statSync(SOURCE).mtimeMs;
  } catch {
    return false;
  }
}

function findCompiler(): string | undefined {
  for (const candidate of [process.env.CC, 'cc', 'gcc', 'clang']) {
    if (!candidate) continue;
    const probe = spawnSync(candidate, ['--version'], { stdio: 'ignore' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return undefined;
}

function rdkafkaFlags(): { cflags: string[]; libs: string[] } {
  const cflags = spawnSync('pkg-config', ['--cflags', 'rdkafka'], { encoding: 'utf8' });
  const libs = spawnSync('pkg-config', ['--libs', 'rdkafka'], { encoding: 'utf8' });
  if (cflags.status === 0 && libs.status === 0) {
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    return { cflags: words(cflags.stdout), libs: words(libs.stdout) };
  }
  return { cflags: [], libs: ['-lrdkafka'] };
}

/** Whether the broker can run here: either already built, or a compiler and librdkafka-dev are present. */
export function mockBrokerAvailability(): { available: boolean; reason?: string } {
  if (isFresh()) {
    // Built already: it runs unless librdkafka was removed since.
    const probe = spawnSync(BINARY, ['--help'], { stdio: 'ignore', timeout: 5000 });
    if (!probe.error && probe.status === 0) return { available: true };
  }
  const compiler = findCompiler();
  if (!compiler) {
    return { available: false, reason: 'no C compiler (cc/gcc) found: install it with `apt-get install gcc`' };
  }
  const { cflags } = rdkafkaFlags();
  const header = spawnSync(compiler, [...cflags, '-E', '-x', 'c', '-', '-o', '/dev/null'], {
    input: '#include <librdkafka/rdkafka.h>\n#include <librdkafka/rdkafka_mock.h>\n',
    encoding: 'utf8',
  });
  if (header.status !== 0) {
    return { available: false, reason: `librdkafka headers (librdkafka/rdkafka_mock.h) not found: ${INSTALL_HINT}` };
  }
  const lib = spawnSync(compiler, ['-print-file-name=librdkafka.so'], { encoding: 'utf8' });
  if (lib.status !== 0 || !path.isAbsolute(lib.stdout.trim())) {
    // Not a definite no (pkg-config may point elsewhere), so only when pkg-config knows nothing either.
    const pc = spawnSync('pkg-config', ['--exists', 'rdkafka']);
    if (pc.status !== 0) return { available: false, reason: `librdkafka library not found: ${INSTALL_HINT}` };
  }
  return { available: true };
}

function run(file: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error && typeof error.code !== 'number') resolve({ code: -1, output: `${error.message}\n${output}` });
      else resolve({ code: error ? Number(error.code) : 0, output });
    });
  });
}

/**
 * Compiles src/mock-broker.c into build/mock-kafka-broker when the binary is missing or older than the
 * source, and returns the binary's path. Concurrent callers (two test processes) are safe: each compiles
 * to its own temporary file and renames it into place atomically.
 */
export async function ensureMockBrokerBuilt(): Promise<string> {
  if (isFresh()) return BINARY;
  const compiler = findCompiler();
  if (!compiler) {
    throw new Error(
      'kafka-mock-broker: no C compiler (cc/gcc) found; install one with `apt-get install gcc` ' +
        '(tools/kafka-mock-broker/install.sh installs everything the broker needs)',
    );
  }
  await fs.mkdir(BUILD_DIR, { recursive: true });
  const tmp = path.join(BUILD_DIR, `.mock-kafka-broker.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const { cflags, libs } = rdkafkaFlags();
  try {
    const { code, output } = await run(compiler, ['-O2', '-Wall', ...cflags, '-o', tmp, SOURCE, ...libs]);
    if (code !== 0) {
      const missing =
        /rdkafka(_mock)?\.h/.test(output) && /no such file|not found/i.test(output)
          ? `librdkafka headers not found: ${INSTALL_HINT}\n`
          : /cannot find -lrdkafka|lrdkafka.*not found/i.test(output)
            ? `librdkafka library not found: ${INSTALL_HINT}\n`
            : '';
      throw new Error(`kafka-mock-broker: compiling ${path.relative(process.cwd(), SOURCE)} failed\n${missing}${output}`);
    }
    await fs.rename(tmp, BINARY);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  return BINARY;
}

// Brokers still running when this process exits are killed, so none outlives a crashed test run.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  running.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

/** Builds (when needed) and starts a mock Kafka cluster; resolves once it accepts connections. */
export async function startMockKafka(options: StartMockKafkaOptions = {}): Promise<MockKafka> {
  const binary = await ensureMockBrokerBuilt();
  const args: string[] = [];
  if (options.brokers !== undefined) args.push('--brokers', String(options.brokers));
  if (options.partitions !== undefined) args.push('--partitions', String(options.partitions));
  for (const topic of options.topics ?? []) args.push('--topic', topic);

  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  track(child);
  const { stdin, stdout, stderr } = child;

  // Idle, the broker must not keep Node alive (a forgotten stop() must not hang Jest); while a start,
  // command or stop is pending it must, or a script awaiting the answer could exit under it.
  let holds = 0;
  const streams = [stdin, stdout, stderr] as unknown as { ref(): void; unref(): void }[];
  const hold = () => {
    if (holds++ === 0) {
      child.ref();
      for (const s of streams) s.ref();
    }
  };
  const release = () => {
    if (--holds === 0) {
      child.unref();
      for (const s of streams) s.unref();
    }
  };

  let stderrTail = '';
  stderr.setEncoding('utf8');
  stderr.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  stdin.on('error', () => {
    /* EPIPE after the broker died: reported through `exit` */
  });

  let exited = false;
  let exitDescription = '';
  const exitPromise = new Promise<void>((resolve) => {
    const done = (description: string) => {
      if (exited) return;
      exited = true;
      exitDescription = description;
      running.delete(child);
      resolve();
    };
    // `close` (not `exit`): by then stderr has been read to the end, for the error message.
    child.once('close', (code, signal) => done(signal ? `signal ${signal}` : `code ${code}`));
    child.on('error', (error) => {
      if (child.pid === undefined) done(`could not start ${binary}: ${error.message}`); // spawn failed
    });
  });
  const deathMessage = () =>
    `kafka-mock-broker exited (${exitDescription})${stderrTail ? `:\n${stderrTail.trim()}` : ''}`;

  type Pending = { resolve: (line: string) => void; reject: (error: Error) => void };
  const pending: Pending[] = [];
  const lines = createInterface({ input: stdout, crlfDelay: Infinity });
  lines.on('line', (line) => pending.shift()?.resolve(line));
  void exitPromise.then(() => {
    for (const p of pending.splice(0)) p.reject(new Error(deathMessage()));
  });
  // After a timed-out answer, a late one would be taken for the next command's: refuse further commands.
  let lostTrack = false;
  const nextLine = (timeoutMs: number, what: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = pending.indexOf(entry);
        if (index >= 0) pending.splice(index, 1);
        lostTrack = true;
        reject(new Error(`kafka-mock-broker: no answer to ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry: Pending = {
        resolve: (line) => (clearTimeout(timer), resolve(line)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      pending.push(entry);
      if (exited) entry.reject(new Error(deathMessage()));
    });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exited) return;
      hold();
      try {
        stdin.end(); // EOF: the broker shuts down cleanly
        const timedOut = (ms: number) =>
          new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), ms);
            void exitPromise.then(() => (clearTimeout(timer), resolve(false)));
          });
        if (await timedOut(STOP_GRACE_MS)) {
          child.kill('SIGTERM');
          if (await timedOut(STOP_GRACE_MS)) child.kill('SIGKILL');
        }
        await exitPromise;
      } finally {
        release();
      }
    })();
    return stopping;
  };

  hold();
  let bootstrap: string;
  try {
    bootstrap = await nextLine(START_TIMEOUT_MS, 'startup');
  } catch (error) {
    await stop();
    throw error;
  } finally {
    release();
  }
  const match = /^BOOTSTRAP (\S+)$/.exec(bootstrap);
  if (!match) {
    await stop();
    throw new Error(`kafka-mock-broker: unexpected first line ${JSON.stringify(bootstrap)}`);
  }

  // Commands are answered in order, one line each; chaining them keeps lines from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  const command = (line: string): Promise<void> => {
    const text = line.trim();
    if (!text || /[\r\n]/.test(text)) {
      return Promise.reject(new Error(`kafka-mock-broker: invalid command ${JSON.stringify(line)}`));
    }
    const result = queue.then(async () => {
      if (exited || stopping) throw new Error(`kafka-mock-broker: command "${text}" after the broker stopped`);
      if (lostTrack) throw new Error(`kafka-mock-broker: command "${text}" after an earlier one timed out`);
      hold();
      try {
        const answer = nextLine(COMMAND_TIMEOUT_MS, `"${text}"`);
        stdin.write(`${text}\n`);
        const reply = await answer;
        if (reply === 'OK') return;
        throw new Error(`kafka-mock-broker: "${text}" failed: ${reply.replace(/^ERR /, '')}`);
      } finally {
        release();
      }
    });
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    brokers: match[1].split(','),
    command,
    brokerDown: (id) => command(`down ${id}`),
    brokerUp: (id) => command(`up ${id}`),
    stop,
  };
}

