import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { tracing } from '@opentelemetry/sdk-node';
import { createLogger } from './logger';
import { startTelemetry, stopTelemetry } from './telemetry';
import { TraceFileExporter, type TraceFileSpan } from './trace-file-exporter';

/** The process's tracing as startTelemetry sets it up, with the development file exporter and the trace ids in log lines. */
describe('telemetry', () => {
  const folder = mkdtempSync(join(tmpdir(), 'carebridge-telemetry-'));
  const file = join(folder, 'traces.jsonl');
  const memory = new tracing.InMemorySpanExporter();
  const toFile = new tracing.SimpleSpanProcessor(new TraceFileExporter(file));

  beforeAll(() => {
    startTelemetry({ serviceName: 'crm', env: {}, spanProcessors: [new tracing.SimpleSpanProcessor(memory), toFile] });
  });
  afterAll(async () => {
    await stopTelemetry();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes finished spans as JSON lines with their service, parent and links', async () => {
    const tracer = trace.getTracer('test');
    const { parent, child } = tracer.startActiveSpan('POST /graphql', (outer) => {
      const inner = tracer.startSpan('outbox write complaint.registered', { links: [{ context: outer.spanContext() }] });
      inner.end();
      outer.end();
      return { parent: outer.spanContext(), child: inner.spanContext() };
    });
    // A span is exported once the resource's attributes are known (they are detected as the process starts).
    await toFile.forceFlush();
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as TraceFileSpan);
    const written = lines.find((l) => l.spanId === child.spanId);
    expect(written).toMatchObject({ traceId: parent.traceId, parentSpanId: parent.spanId, name: 'outbox write complaint.registered', service: 'crm', links: [{ traceId: parent.traceId, spanId: parent.spanId }] });
    expect(typeof written?.durationMs).toBe('number');
    expect(memory.getFinishedSpans().map((s) => s.name)).toEqual(expect.arrayContaining(['POST /graphql', 'outbox write complaint.registered']));
  });

  it('puts the trace and span ids of the active span into every log line', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      service: 'crm',
      level: 'info',
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    });
    const ids = trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', trace_id: ids.traceId, span_id: ids.spanId, trace_flags: '01' });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('starts once per process', () => {
    expect(startTelemetry({ serviceName: 'other', env: {} })).toBe(startTelemetry({ serviceName: 'again', env: {} }));
  });
});
