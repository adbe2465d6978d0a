import type { TraceFileSpan } from '@carebridge/service-kit';
import { renderTrace, summaryOf, tracesOf } from './trace-tree';

const span = (over: Partial<TraceFileSpan>): TraceFileSpan => ({
  traceId: 't1',
  spanId: 's',
  name: 'span',
  kind: 0,
  service: 'gateway',
  startTime: '2026-12-01T10:00:00.000Z',
  durationMs: 10,
  status: 0,
  attributes: {},
  links: [],
  ...over,
});

describe('trace tree of the development trace file', () => {
  const spans = [
    span({ spanId: 'b', parentSpanId: 'a', name: 'POST', service: 'crm', startTime: '2026-12-01T10:00:00.005Z', durationMs: 4 }),
    span({ spanId: 'a', name: 'POST /graphql', durationMs: 20 }),
    span({ spanId: 'c', parentSpanId: 'b', name: 'customer.created process', service: 'complaint', startTime: '2026-12-01T10:00:00.030Z', durationMs: 2, status: 2, links: [{ traceId: 'feedbeef00', spanId: 'cafe0000aa' }] }),
    span({ traceId: 't2', spanId: 'x', name: 'outbox relay publish', service: 'crm' }),
  ];

  it('groups spans by trace and orders each trace by start', () => {
    const traces = tracesOf(spans);
    expect([...traces.keys()]).toEqual(['t1', 't2']);
    expect(traces.get('t1')?.map((s) => s.spanId)).toEqual(['a', 'b', 'c']);
  });

  it('summarises a trace: its span from start to the last end, its services, its root', () => {
    expect(summaryOf('t1', tracesOf(spans).get('t1') ?? [])).toEqual({
      traceId: 't1',
      startTime: '2026-12-01T10:00:00.000Z',
      durationMs: 32,
      services: ['gateway', 'crm', 'complaint'],
      root: 'gateway: POST /graphql',
      spans: 3,
    });
  });

  it('renders children under their parents, with failures and links', () => {
    expect(renderTrace(tracesOf(spans).get('t1') ?? [])).toEqual([
      '     0 ms [gateway] POST /graphql 20.0 ms',
      '     5 ms   [crm] POST 4.0 ms',
      '    30 ms     [complaint] customer.created process 2.0 ms ✗  ↔ feedbeef/cafe0000',
    ]);
  });
});
