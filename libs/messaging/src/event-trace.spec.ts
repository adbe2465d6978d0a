import { SpanKind } from '@opentelemetry/api';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { Registry } from 'prom-client';
import { deadLetterTopic } from '@carebridge/event-contracts';
import {
  BOTH_TRANSPORTS,
  freshGroup,
  freshTopic,
  openServiceTestDatabase,
  randomSuffix,
  Recorder,
  recordEffect,
  Subscriptions,
  testContract,
  type TransportHarness,
  waitFor,
} from '@carebridge/testing';
import { consumerGroup, EventConsumer, onEvent } from './consumer';
import { MessagingMetrics } from './metrics';
import { Outbox, OutboxRelay } from './outbox';
import { messagingTracer } from './trace';

/**
 * One trace across the event hop: the request that writes an event, its outbox write, the relay's
 * publish (linked, a batch mixes traces) and the consumer's handler (the write's child, linked to
 * the publish); and the messaging series on /metrics for the same run.
 */
// One SDK for the file: the OpenTelemetry API takes one global registration per process.
const spans = new tracing.InMemorySpanExporter();
const sdk = new NodeSDK({ spanProcessors: [new tracing.SimpleSpanProcessor(spans)], instrumentations: [] });
beforeAll(() => sdk.start());
afterAll(() => sdk.shutdown());

describe.each(BOTH_TRANSPORTS)('event trace and metrics: %s', (_kind, createHarness) => {
  let harness: TransportHarness;
  const subscriptions = new Subscriptions();
  const stops: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await subscriptions.stopAll();
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await harness?.close();
  });

  async function pipeline(handle?: (seq: number) => void) {
    const db = await openServiceTestDatabase('trace');
    stops.push(() => db.close());
    const topic = freshTopic('traced');
    const contract = testContract(topic);
    const registry = new Registry();
    const metrics = new MessagingMetrics(registry);
    const outbox = new Outbox('test-producer', () => new Date());
    const relayTransport = harness.transport('relay');
    const consumerTransport = harness.transport('consumer');
    stops.push(() => relayTransport.close(), () => consumerTransport.close());
    const relay = new OutboxRelay({ dataSource: db.dataSource, transport: relayTransport, pollIntervalMs: 50, metrics });
    metrics.watchOutbox(relay);
    const service = `svc_${randomSuffix()}`;
    const consumer = new EventConsumer({
      service,
      dataSource: db.dataSource,
      transport: consumerTransport,
      handlers: [
        onEvent(contract, async (event, manager) => {
          handle?.(event.data.seq);
          await recordEffect(manager, event);
        }),
      ],
      maxAttempts: 2,
      retryBackoffMs: 10,
      metrics,
    });
    metrics.watchConsumerLag(consumerTransport, consumerGroup(service), [topic]);
    await relay.start();
    stops.push(() => relay.stop());
    await consumer.start();
    stops.push(() => consumer.stop());
    const write = (seq: number) =>
      messagingTracer().startActiveSpan('request', async (span) => {
        try {
          return await db.dataSource.transaction((manager) => outbox.publish(manager, contract, { ticketId: 'ticket-t', seq }));
        } finally {
          span.end();
        }
      });
    const value = async (name: string, labels: Record<string, string> = {}) => {
      const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
      return metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
    };
    return { db, topic, service, write, value };
  }

  it('the consumer continues the trace of the request that wrote the event, linked to the publish', async () => {
    const p = await pipeline();
    const eventId = await p.write(1);
    await waitFor(async () => (await p.db.effects()).length === 1, 'the event applied');
    await waitFor(() => spans.getFinishedSpans().some((s) => s.name === 'ticket.noted process' && s.attributes['messaging.message.id'] === eventId), 'the consumer span');

    const finished = spans.getFinishedSpans();
    const write = finished.find((s) => s.name === 'outbox write ticket.noted' && s.attributes['messaging.message.id'] === eventId);
    const request = finished.find((s) => s.name === 'request' && s.spanContext().spanId === write?.parentSpanContext?.spanId);
    const handled = finished.find((s) => s.name === 'ticket.noted process' && s.attributes['messaging.message.id'] === eventId);
    const publish = finished.find((s) => s.name === 'outbox relay publish' && s.links.some((l) => l.context.spanId === write?.spanContext().spanId));
    expect(request).toBeDefined();
    expect(write?.kind).toBe(SpanKind.PRODUCER);
    expect(write?.spanContext().traceId).toBe(request?.spanContext().traceId);
    expect(handled?.kind).toBe(SpanKind.CONSUMER);
    expect(handled?.spanContext().traceId).toBe(request?.spanContext().traceId);
    expect(handled?.parentSpanContext?.spanId).toBe(write?.spanContext().spanId);
    expect(handled?.attributes).toMatchObject({ 'messaging.consumer.group.name': consumerGroup(p.service), 'messaging.destination.name': p.topic, 'cloudevents.event_type': 'ticket.noted' });
    // The publish is a root of its own (a batch mixes traces), linked to the write; the handler links to it.
    expect(publish?.parentSpanContext).toBeUndefined();
    expect(handled?.links.map((l) => l.context.spanId)).toEqual([publish?.spanContext().spanId]);

    expect(await p.value('carebridge_outbox_published_total')).toBe(1);
    expect(await p.value('carebridge_consumer_events_handled_total', { group: consumerGroup(p.service), event_type: 'ticket.noted' })).toBe(1);
    expect(await p.value('carebridge_outbox_pending_events')).toBe(0);
    await waitFor(async () => (await p.value('carebridge_consumer_lag_messages', { group: consumerGroup(p.service), topic: p.topic })) === 0, 'no lag');
  });

  it('counts handler failures and dead letters per group', async () => {
    const p = await pipeline((seq) => {
      if (seq === 7) throw new Error('cannot apply');
    });
    const dlq = new Recorder();
    await subscriptions.subscribe(harness.transport('dlq'), { groupId: freshGroup('dlq'), topics: [deadLetterTopic(consumerGroup(p.service))], fromBeginning: true, handle: dlq.handler('dlq') });
    await p.write(7);
    await p.write(8);
    await waitFor(async () => dlq.count === 1 && (await p.db.effects()).length === 1, 'one dead letter, one effect');
    const group = consumerGroup(p.service);
    expect(await p.value('carebridge_consumer_handler_failures_total', { group, event_type: 'ticket.noted' })).toBe(2);
    expect(await p.value('carebridge_consumer_dead_letters_total', { group })).toBe(1);
    const failed = spans.getFinishedSpans().filter((s) => s.name === 'ticket.noted process' && s.status.code === 2);
    expect(failed.length).toBeGreaterThanOrEqual(2);
  });
});
