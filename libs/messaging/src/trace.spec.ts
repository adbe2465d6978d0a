import { ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { contextOf, linkTo, messagingTracer, traceparentOf } from './trace';

describe('trace context of events (OpenTelemetry API)', () => {
  it('without a registered SDK nothing is traced and nothing is carried', () => {
    expect(traceparentOf()).toBeUndefined();
    expect(linkTo(undefined)).toBeUndefined();
    expect(contextOf(undefined)).toBe(ROOT_CONTEXT);
  });

  describe('with the SDK', () => {
    const spans = new tracing.InMemorySpanExporter();
    const sdk = new NodeSDK({ spanProcessors: [new tracing.SimpleSpanProcessor(spans)], instrumentations: [] });
    beforeAll(() => sdk.start());
    afterAll(() => sdk.shutdown());

    it('traceparentOf writes the active span as W3C traceparent; contextOf and linkTo read it back', () => {
      const written = messagingTracer().startActiveSpan('request', (span) => {
        const value = traceparentOf();
        span.end();
        return { value, ids: span.spanContext() };
      });
      expect(written.value).toBe(`00-${written.ids.traceId}-${written.ids.spanId}-01`);
      expect(trace.getSpanContext(contextOf(written.value))).toMatchObject({ traceId: written.ids.traceId, spanId: written.ids.spanId, isRemote: true });
      expect(linkTo(written.value)?.context).toMatchObject({ traceId: written.ids.traceId, spanId: written.ids.spanId });
      expect(linkTo('garbage')).toBeUndefined();
      expect(traceparentOf(context.active())).toBeUndefined();
    });
  });
});
