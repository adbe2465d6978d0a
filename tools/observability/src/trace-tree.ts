import type { TraceFileSpan } from '@carebridge/service-kit';

export interface TraceSummary {
  traceId: string;
  startTime: string;
  durationMs: number;
  services: string[];
  root: string;
  spans: number;
}

/** The spans of a trace file, by trace, each trace's spans in start order. */
export function tracesOf(spans: TraceFileSpan[]): Map<string, TraceFileSpan[]> {
  const traces = new Map<string, TraceFileSpan[]>();
  for (const span of spans) traces.set(span.traceId, [...(traces.get(span.traceId) ?? []), span]);
  for (const list of traces.values()) list.sort((a, b) => a.startTime.localeCompare(b.startTime));
  return traces;
}

export function summaryOf(traceId: string, spans: TraceFileSpan[]): TraceSummary {
  const ids = new Set(spans.map((s) => s.spanId));
  const roots = spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
  const start = Math.min(...spans.map((s) => Date.parse(s.startTime)));
  const end = Math.max(...spans.map((s) => Date.parse(s.startTime) + s.durationMs));
  return {
    traceId,
    startTime: new Date(start).toISOString(),
    durationMs: Math.round((end - start) * 10) / 10,
    services: [...new Set(spans.map((s) => s.service))],
    root: roots[0] ? `${roots[0].service}: ${roots[0].name}` : '',
    spans: spans.length,
  };
}

/**
 * A trace as an indented tree: each span under its parent with its service, its start relative to
 * the trace's and its duration; spans whose parent is elsewhere (another trace file, not sampled)
 * start a tree of their own; links are shown as `↔ <trace>/<span>`.
 */
export function renderTrace(spans: TraceFileSpan[]): string[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, TraceFileSpan[]>();
  const roots: TraceFileSpan[] = [];
  for (const span of spans) {
    if (span.parentSpanId && ids.has(span.parentSpanId)) children.set(span.parentSpanId, [...(children.get(span.parentSpanId) ?? []), span]);
    else roots.push(span);
  }
  const origin = Math.min(...spans.map((s) => Date.parse(s.startTime)));
  const lines: string[] = [];
  const walk = (span: TraceFileSpan, depth: number) => {
    const offset = (Date.parse(span.startTime) - origin).toFixed(0).padStart(6);
    const error = span.status === 2 ? ' ✗' : '';
    const links = span.links.length ? `  ↔ ${span.links.map((l) => `${l.traceId.slice(0, 8)}/${l.spanId.slice(0, 8)}`).join(' ')}` : '';
    lines.push(`${offset} ms ${'  '.repeat(depth)}[${span.service}] ${span.name} ${span.durationMs.toFixed(1)} ms${error}${links}`);
    for (const child of children.get(span.spanId) ?? []) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return lines;
}
