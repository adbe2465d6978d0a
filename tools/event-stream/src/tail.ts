import { runCommand, stderrLogger } from './cli';
import { connectEventStream } from './event-transport';
import { parseTailArguments, TAIL_USAGE, tailTopic } from './topic-tail';

/**
 * `npm run events:tail`: a topic's events as NDJSON, one per line, on Kafka or the embedded log
 * (the same environment as the services: KAFKA_BROKERS, or DATABASE_URL).
 *   npm run events:tail -- --topic carebridge.complaint.complaint --from-beginning --type complaint.registered
 *   npm run events:tail -- --topic carebridge.crm.customer --from 2026-11-01T00:00:00Z --limit 100
 *   npm run events:tail -- --topic carebridge.crm.customer --follow        (new events until Ctrl-C)
 */
runCommand(TAIL_USAGE, async (signal, write) => {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${TAIL_USAGE}\n`);
    return 0;
  }
  const options = parseTailArguments(process.argv.slice(2));
  const { transport, positions, close } = connectEventStream(process.env, stderrLogger);
  try {
    const { printed } = await tailTopic(transport, { ...options, signal, positions }, write);
    if (process.stderr.isTTY) process.stderr.write(`${printed} event${printed === 1 ? '' : 's'} from ${options.topic}\n`);
    return 0;
  } finally {
    await close();
  }
});
