import { randomUUID } from 'node:crypto';
import { type EventContract, type EventData, dataSchemaUri } from '@carebridge/event-contracts';
import { EVENT_TRACE_HEADER, TRANSPORT_TRACE_HEADER } from './trace';
import type { TransportMessage } from './transport';

/** An event as a consumer receives it: the CloudEvents attributes and the validated data. */
export interface ReceivedEvent<C extends EventContract = EventContract> {
  id: string;
  type: string;
  version: number;
  source: string;
  time: Date;
  subject: string;
  data: EventData<C>;
  /**
   * The encrypted fields that could not be opened because their customer was erased: `data` holds
   * placeholders there (`[erased]`, null, [] or nothing). Absent when every field was readable.
   */
  unreadable?: string[];
  /** The trace context of the outbox write that recorded the event (CloudEvents `traceparent` extension). */
  traceparent?: string;
  /** The trace context of the hop that delivered it (the relay's publish, or Kafka's send). */
  transportTraceparent?: string;
  topic: string;
  partition?: number;
  offset?: string;
}

export class MalformedEventError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedEventError';
  }
}

/** CloudEvents 1.0, Kafka binary content mode: attributes in `ce_*` headers, data as the value. */
export function encodeEvent<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  options: { source: string; time: Date; id?: string; traceparent?: string },
): TransportMessage {
  const key = contract.key(data);
  const headers: Record<string, string> = {
    ce_id: options.id ?? randomUUID(),
    ce_source: `/carebridge/${options.source}`,
    ce_type: contract.type,
    ce_specversion: '1.0',
    ce_time: options.time.toISOString(),
    ce_subject: key,
    ce_dataschema: dataSchemaUri(contract),
    'content-type': 'application/json',
  };
  if (options.traceparent) headers[EVENT_TRACE_HEADER] = options.traceparent;
  return { topic: contract.topic, key, headers, value: Buffer.from(JSON.stringify(data)) };
}

/** Reads the envelope; the data is validated later against the consumer's own contract. */
export function decodeEnvelope(message: TransportMessage): Omit<ReceivedEvent, 'data'> & { rawData: unknown } {
  const h = message.headers;
  for (const name of ['ce_id', 'ce_type', 'ce_source', 'ce_specversion', 'ce_time', 'ce_dataschema']) {
    if (!h[name]) throw new MalformedEventError(`header ${name} is missing`);
  }
  if (h.ce_specversion !== '1.0') throw new MalformedEventError(`unsupported CloudEvents specversion ${h.ce_specversion}`);
  const version = /:v(\d+)$/.exec(h.ce_dataschema);
  if (!version) throw new MalformedEventError(`ce_dataschema "${h.ce_dataschema}" names no version`);
  let rawData: unknown;
  try {
    rawData = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new MalformedEventError('message value is not JSON');
  }
  return {
    id: h.ce_id,
    type: h.ce_type,
    version: Number(version[1]),
    source: h.ce_source,
    time: new Date(h.ce_time),
    subject: h.ce_subject ?? message.key,
    // Events recorded before the extension header carried their cause's context as `traceparent` only.
    traceparent: h[EVENT_TRACE_HEADER] ?? h[TRANSPORT_TRACE_HEADER],
    transportTraceparent: h[TRANSPORT_TRACE_HEADER],
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    rawData,
  };
}
