import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '@carebridge/config';
import { deadLetterTopic, legacyDeadLetterTopic } from '@carebridge/event-contracts';
import { consumerGroup, type EventTransport, REPLAYED_FOR_GROUP_HEADER, type TransportMessage } from '@carebridge/messaging';
import { checkedArguments, positiveInteger, UsageError } from './cli';
import { deadLetterRecord, ndjson } from './ndjson';
import { readTopic, type StreamPositions } from './topic-reader';

export const DEAD_LETTERS_USAGE = [
  'usage: npm run events:dead-letters -- list --service <service> [--limit <n>]',
  '       npm run events:dead-letters -- replay --service <service> (--id <ce_id>... | --all)',
].join('\n');

/** Where a service's consumer group puts the events it gave up on. */
export function deadLetterTopicOf(service: string): string {
  return deadLetterTopic(consumerGroup(service));
}

/** Every topic that may hold a service's dead letters: the legacy name (older first), then today's. */
export function deadLetterTopicsOf(service: string): string[] {
  return [legacyDeadLetterTopic(consumerGroup(service)), deadLetterTopicOf(service)];
}

/** The topics to read: on Kafka a legacy topic that does not exist (any more) is left out rather than waited on. */
async function topicsToRead(service: string, positions: StreamPositions | undefined): Promise<string[]> {
  const [legacy, current] = deadLetterTopicsOf(service);
  if (positions && !(await positions.positions(legacy, undefined))) return [current];
  return [legacy, current];
}

/** The consumer group whose committed position says which dead letters `replay --all` has replayed. */
export function replayGroupOf(service: string): string {
  return `${consumerGroup(service)}.dead-letter-replay`;
}

export type DeadLetterCommand =
  | { command: 'list'; service: string; limit?: number }
  | { command: 'replay'; service: string; ids: string[]; all: boolean };

export function parseDeadLetterArguments(args: string[]): DeadLetterCommand {
  const { values, positionals } = checkedArguments(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        service: { type: 'string' },
        limit: { type: 'string' },
        id: { type: 'string', multiple: true },
        all: { type: 'boolean', default: false },
      },
    }),
  );
  const [command, ...extra] = positionals;
  if (command !== 'list' && command !== 'replay') throw new UsageError(command ? `Unknown command "${command}"` : 'Say list or replay');
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  const services = SUBGRAPHS.map((s) => s.name);
  if (!values.service) throw new UsageError(`--service is required (one of ${services.join(', ')})`);
  if (!services.includes(values.service)) throw new UsageError(`Unknown service "${values.service}" (one of ${services.join(', ')})`);
  if (command === 'list') {
    if (values.id || values.all) throw new UsageError('--id and --all are for replay');
    return { command, service: values.service, limit: positiveInteger('limit', values.limit) };
  }
  if (values.limit) throw new UsageError('--limit is for list');
  const ids = values.id?.flatMap((id) => id.split(',')).filter(Boolean) ?? [];
  if (!ids.length && !values.all) throw new UsageError('Say which dead letters to replay: --id <ce_id> (repeatable) or --all');
  if (ids.length && values.all) throw new UsageError('Give --id or --all, not both');
  return { command, service: values.service, ids, all: values.all };
}

/** Prints every dead letter of the service, oldest first, as NDJSON; changes nothing. */
export async function listDeadLetters(
  transport: EventTransport,
  options: { service: string; limit?: number; signal?: AbortSignal; positions?: StreamPositions },
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  let printed = 0;
  for (const topic of await topicsToRead(options.service, options.positions)) {
    if (options.limit !== undefined && printed >= options.limit) break;
    await readTopic(transport, { topic, start: 'beginning', follow: false, signal: options.signal, positions: options.positions }, async (message) => {
      await write(ndjson(deadLetterRecord(message)));
      printed += 1;
      return options.limit !== undefined && printed >= options.limit ? 'stop' : 'continue';
    });
  }
  return printed;
}

/**
 * The event as it was before it failed: its original topic, key, value and headers (the same
 * ce_id), without the dlq_* headers, marked for the one consumer group whose dead letter it was:
 * the other groups on that topic skip it, so a replay neither applies an event twice nor doubles
 * another group's dead letters. Undefined when the dead letter does not say where it came from.
 */
export function replayMessage(deadLetter: TransportMessage): TransportMessage | undefined {
  const topic = deadLetter.headers.dlq_original_topic;
  const group = deadLetter.headers.dlq_consumer_group;
  if (!topic || !group) return undefined;
  const headers = Object.fromEntries(Object.entries(deadLetter.headers).filter(([name]) => !name.startsWith('dlq_')));
  return { topic, key: deadLetter.key, value: deadLetter.value, headers: { ...headers, [REPLAYED_FOR_GROUP_HEADER]: group } };
}

export interface ReplayResult {
  replayed: number;
  /** Requested ids with no dead letter. */
  missing: string[];
  /** Dead letters that could not be replayed (no original topic). */
  skipped: number;
}

/**
 * Re-publishes dead letters to their original topics. `all` replays each dead letter once: it
 * reads through the group `<group>.dead-letter-replay`, which commits after each re-publish, so a
 * second run replays only dead letters that arrived since. `ids` replays the latest dead letter
 * of each given event id whether or not it was replayed before (consumers de-duplicate on ce_id)
 * and leaves that group where it is.
 */
export async function replayDeadLetters(
  transport: EventTransport,
  options: {
    service: string;
    ids?: string[];
    all?: boolean;
    signal?: AbortSignal;
    idleMs?: number;
    firstMessageTimeoutMs?: number;
    positions?: StreamPositions;
  },
  write: (line: string) => void | Promise<void>,
): Promise<ReplayResult> {
  const topics = await topicsToRead(options.service, options.positions);
  const result: ReplayResult = { replayed: 0, missing: [], skipped: 0 };
  const replay = async (deadLetter: TransportMessage) => {
    const message = replayMessage(deadLetter);
    if (!message) {
      result.skipped += 1;
      process.stderr.write(`skipped dead letter ${deadLetter.topic}/${deadLetter.partition}/${deadLetter.offset}: it has no dlq_original_topic or dlq_consumer_group header\n`);
      return;
    }
    await transport.publish([message]);
    result.replayed += 1;
    await write(ndjson({ replayedTo: message.topic, ...deadLetterRecord(deadLetter) }));
  };

  if (options.all) {
    for (const topic of topics) {
      await readTopic(
        transport,
        {
          topic,
          start: 'beginning',
          follow: false,
          groupId: replayGroupOf(options.service),
          signal: options.signal,
          idleMs: options.idleMs,
          firstMessageTimeoutMs: options.firstMessageTimeoutMs,
          positions: options.positions,
        },
        replay,
      );
    }
    return result;
  }

  const wanted = new Set(options.ids ?? []);
  const latest = new Map<string, TransportMessage>();
  for (const topic of topics) {
    await readTopic(transport, { topic, start: 'beginning', follow: false, signal: options.signal, positions: options.positions }, (message) => {
      const id = message.headers.ce_id;
      if (id && wanted.has(id)) latest.set(id, message);
    });
  }
  for (const id of wanted) {
    const deadLetter = latest.get(id);
    if (deadLetter) await replay(deadLetter);
    else result.missing.push(id);
  }
  return result;
}
