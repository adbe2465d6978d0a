import { EVENT_TRACE_HEADER, TRANSPORT_TRACE_HEADER, type TransportMessage } from '@carebridge/messaging';

/** One event as a line of NDJSON: where it sits in the stream, its CloudEvents attributes, its data. */
export interface EventRecord {
  topic: string;
  partition: number | null;
  /** A string, as Kafka offsets are 64-bit. */
  offset: string | null;
  key: string;
  /** When the transport stored it (Kafka: the record timestamp; embedded: the append time). */
  timestamp: string | null;
  id: string | null;
  type: string | null;
  source: string | null;
  /** When it happened (ce_time). */
  time: string | null;
  subject: string | null;
  dataschema: string | null;
  traceparent: string | null;
  /** The value parsed as JSON; null with `rawValue` when it is not JSON. */
  data: unknown;
  rawValue?: string;
}

/** A dead letter: the event, and why and when the consumer group gave up on it. */
export interface DeadLetterRecord extends EventRecord {
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  consumerGroup: string | null;
  error: string | null;
  attempts: number | null;
  failedAt: string | null;
}

export function eventRecord(message: TransportMessage): EventRecord {
  const h = message.headers;
  const record: EventRecord = {
    topic: message.topic,
    partition: message.partition ?? null,
    offset: message.offset ?? null,
    key: message.key,
    timestamp: message.timestamp ?? null,
    id: h.ce_id ?? null,
    type: h.ce_type ?? null,
    source: h.ce_source ?? null,
    time: h.ce_time ?? null,
    subject: h.ce_subject ?? null,
    dataschema: h.ce_dataschema ?? null,
    // The event's own trace context (CloudEvents tracing extension); events recorded before it carried only the transport's.
    traceparent: h[EVENT_TRACE_HEADER] ?? h[TRANSPORT_TRACE_HEADER] ?? null,
    data: null,
  };
  const text = message.value.toString('utf8');
  try {
    record.data = JSON.parse(text);
  } catch {
    record.rawValue = text;
  }
  return record;
}

export function deadLetterRecord(message: TransportMessage): DeadLetterRecord {
  const h = message.headers;
  const { data, rawValue, ...event } = eventRecord(message);
  const integer = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : null);
  return {
    ...event,
    originalTopic: h.dlq_original_topic ?? null,
    originalPartition: integer(h.dlq_original_partition),
    originalOffset: h.dlq_original_offset || null,
    consumerGroup: h.dlq_consumer_group ?? null,
    error: h.dlq_error ?? null,
    attempts: integer(h.dlq_attempts),
    failedAt: h.dlq_failed_at ?? null,
    data,
    ...(rawValue === undefined ? {} : { rawValue }),
  };
}

/** When the event happened: ce_time, or when it was stored if that is missing or unreadable. */
export function eventTime(message: TransportMessage): Date | undefined {
  for (const candidate of [message.headers.ce_time, message.timestamp]) {
    const time = candidate ? new Date(candidate) : undefined;
    if (time && !Number.isNaN(time.getTime())) return time;
  }
  return undefined;
}

export function ndjson(record: object): string {
  return `${JSON.stringify(record)}\n`;
}
