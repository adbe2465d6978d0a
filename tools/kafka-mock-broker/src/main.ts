// Developer CLI: builds and starts the mock Kafka cluster, prints its bootstrap servers and runs until
// Ctrl-C. Lines typed on stdin are sent to the broker as commands (`down 1`, `up 1`, `rtt 2 200`, ...).
//   node tools/run.js tools/kafka-mock-broker/src/main.ts [--brokers N] [--partitions N] [--topic NAME]...
import { createInterface } from 'node:readline';
import { startMockKafka, type StartMockKafkaOptions } from './index';

function parseArgs(argv: string[]): StartMockKafkaOptions {
  const topics: string[] = [];
  const options: StartMockKafkaOptions = { topics };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    const count = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} needs a positive whole number`);
      i++;
      return n;
    };
    if (arg === '--brokers') options.brokers = count();
    else if (arg === '--partitions') options.partitions = count();
    else if (arg === '--topic') {
      if (!value) throw new Error('--topic needs a name');
      topics.push(value);
      i++;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: node tools/run.js tools/kafka-mock-broker/src/main.ts [--brokers N] [--partitions N] [--topic NAME]...\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const kafka = await startMockKafka(options);
  process.stdout.write(
    `Mock Kafka cluster up (${kafka.brokers.length} brokers, ids 1..${kafka.brokers.length}).\n` +
      `KAFKA_BROKERS=${kafka.brokers.join(',')}\n` +
      'Commands: down <id> | up <id> | rtt <id> <ms> | error <apiKey> <errorCode> <count> | clear <apiKey> |\n' +
      '          topic <name> <partitions> | leader <topic> <partition> <id> | ping.  Ctrl-C stops.\n',
  );

  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the mock Kafka cluster\n`);
    await kafka.stop();
    clearInterval(keepAlive);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // stdin is optional: when it closes (e.g. started with </dev/null) the cluster keeps running.
  const input = createInterface({ input: process.stdin, terminal: false });
  input.on('line', (line) => {
    if (!line.trim() || stopping) return;
    kafka.command(line).then(
      () => process.stdout.write('OK\n'),
      (error: Error) => process.stdout.write(`${error.message}\n`),
    );
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
