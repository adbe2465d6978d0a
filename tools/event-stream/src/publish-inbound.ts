import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkedArguments, runCommand, stderrLogger, UsageError } from './cli';
import { connectEventStream } from './event-transport';
import { inboundMessages, PUBLISH_INBOUND_USAGE } from './inbound-events';

/**
 * `npm run events:publish -- events.json`: an example producer of an inbound stream — for the
 * reservation system's bookings, what its adapter does (docs/services/after-sales.md shows the
 * same with plain kafkajs). Prints one NDJSON line per published event.
 */
runCommand(PUBLISH_INBOUND_USAGE, async (_signal, write) => {
  const { values, positionals } = checkedArguments(() => parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', default: false } } }));
  if (values.help) {
    process.stdout.write(`${PUBLISH_INBOUND_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('name one JSON file of events');
  const [file] = positionals;
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const messages = inboundMessages(entries, { file, now: new Date() });
  const { transport, close } = connectEventStream(process.env, stderrLogger);
  try {
    await transport.publish(messages);
  } finally {
    await close();
  }
  for (const message of messages) await write(`${JSON.stringify({ topic: message.topic, key: message.key, type: message.headers.ce_type, id: message.headers.ce_id })}\n`);
  process.stderr.write(`published ${messages.length} event${messages.length === 1 ? '' : 's'}\n`);
  return 0;
});
