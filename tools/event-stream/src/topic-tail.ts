import { parseArgs } from 'node:util';
import { SUBGRAPHS } from '@carebridge/config';
import { deadLetterTopic, EVENT_CATALOGUE } from '@carebridge/event-contracts';
import { consumerGroup, type EventTransport } from '@carebridge/messaging';
import { checkedArguments, isoTime, positiveInteger, UsageError } from './cli';
import { eventRecord, eventTime, ndjson } from './ndjson';
import { readTopic, type ReadResult, type StreamPositions } from './topic-reader';

export const TAIL_USAGE =
  'usage: npm run events:tail -- --topic <topic> [--from-beginning | --from <ISO time>] [--type <event type>]... [--follow] [--limit <n>] [--group <name>]';

export interface TailOptions {
  topic: string;
  /** Start at the oldest retained event; without it (and without `from`) only new events, which needs `follow`. */
  fromBeginning: boolean;
  /** Only events that happened at or after this time (ce_time); reads from the beginning. */
  from?: Date;
  /** Only these event types (ce_type). */
  types?: string[];
  follow: boolean;
  /** Stop after printing this many events. */
  limit?: number;
  /**
   * A consumer group of the reader's own: it commits as it reads, so the next run with the same
   * group resumes where this one stopped (a new group starts as --from-beginning, or at the end).
   */
  group?: string;
  signal?: AbortSignal;
  idleMs?: number;
  firstMessageTimeoutMs?: number;
  positions?: StreamPositions;
}

/** Every topic Carebridge has: the event topics of the catalogue and each service's dead-letter topic. */
export function knownTopics(): string[] {
  return [...new Set([...EVENT_CATALOGUE.map((c) => c.topic), ...SUBGRAPHS.map((s) => deadLetterTopic(consumerGroup(s.name)))])];
}

export function parseTailArguments(args: string[]): TailOptions {
  const { values } = checkedArguments(() =>
    parseArgs({
      args,
      options: {
        topic: { type: 'string' },
        'from-beginning': { type: 'boolean', default: false },
        from: { type: 'string' },
        type: { type: 'string', multiple: true },
        follow: { type: 'boolean', short: 'f', default: false },
        limit: { type: 'string' },
        group: { type: 'string' },
      },
    }),
  );
  if (!values.topic) throw new UsageError('--topic is required');
  if (!knownTopics().includes(values.topic)) throw new UsageError(`Unknown topic "${values.topic}"; the topics are:\n  ${knownTopics().join('\n  ')}`);
  const options: TailOptions = {
    topic: values.topic,
    fromBeginning: values['from-beginning'],
    from: isoTime('from', values.from),
    types: values.type?.flatMap((t) => t.split(',')).filter(Boolean),
    follow: values.follow,
    limit: positiveInteger('limit', values.limit),
    group: values.group,
  };
  if (options.group !== undefined) {
    if (!/^[A-Za-z0-9._-]{1,120}$/.test(options.group)) throw new UsageError('--group: letters, digits, dot, dash and underscore, at most 120');
    // A service's own group holds its place in the stream: a reader must never move it.
    if (options.group.startsWith('carebridge.')) throw new UsageError('--group: names starting with carebridge. belong to the services; choose your own (e.g. analysts.complaints)');
  }
  if (!options.fromBeginning && !options.from && !options.follow && !options.group) {
    throw new UsageError('Nothing to show: give --from-beginning or --from <time> for past events, or --follow for new ones');
  }
  return options;
}

/**
 * Prints a topic's events as NDJSON, filtered by time and type on this side. Without `follow`
 * it returns once caught up; the result says how many lines were written.
 */
export async function tailTopic(transport: EventTransport, options: TailOptions, write: (line: string) => void | Promise<void>): Promise<{ printed: number; read: ReadResult }> {
  const types = options.types?.length ? new Set(options.types) : undefined;
  let printed = 0;
  const read = await readTopic(
    transport,
    {
      topic: options.topic,
      start: options.fromBeginning || options.from ? 'beginning' : 'end',
      follow: options.follow,
      groupId: options.group,
      signal: options.signal,
      idleMs: options.idleMs,
      firstMessageTimeoutMs: options.firstMessageTimeoutMs,
      positions: options.positions,
    },
    async (message) => {
      if (types && !types.has(message.headers.ce_type ?? '')) return 'continue';
      if (options.from) {
        const time = eventTime(message);
        if (!time || time < options.from) return 'continue';
      }
      await write(ndjson(eventRecord(message)));
      printed += 1;
      return options.limit !== undefined && printed >= options.limit ? 'stop' : 'continue';
    },
  );
  return { printed, read };
}
