import { childTraceparent, currentTraceparent, newTraceparent, withTrace } from './trace';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

describe('W3C trace context helpers', () => {
  it('newTraceparent: version 00, random trace and span ids, sampled', () => {
    const a = newTraceparent();
    const b = newTraceparent();
    expect(a).toMatch(TRACEPARENT);
    expect(a.endsWith('-01')).toBe(true);
    expect(TRACEPARENT.exec(a)?.[1]).not.toBe(TRACEPARENT.exec(b)?.[1]);
  });

  it('childTraceparent keeps the trace id and flags and makes a new span id', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
    const child = childTraceparent(parent);
    const [, trace, span, flags] = TRACEPARENT.exec(child) ?? [];
    expect(trace).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span).not.toBe('00f067aa0ba902b7');
    expect(flags).toBe('00');
  });

  it.each([undefined, '', 'garbage', '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'])(
    'childTraceparent(%p) starts a new trace',
    (parent) => {
      const child = childTraceparent(parent);
      expect(child).toMatch(TRACEPARENT);
      if (parent) expect(TRACEPARENT.exec(child)?.[1]).not.toBe(parent.split('-')[1]?.toLowerCase());
    },
  );

  it('withTrace makes a child of the given context current for the work, including across awaits', async () => {
    const parent = newTraceparent();
    expect(currentTraceparent()).toBeUndefined();
    const seen = await withTrace(parent, async () => {
      const before = currentTraceparent();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return [before, currentTraceparent()];
    });
    expect(seen[0]).toBe(seen[1]);
    expect(TRACEPARENT.exec(seen[0] ?? '')?.[1]).toBe(TRACEPARENT.exec(parent)?.[1]);
    expect(seen[0]).not.toBe(parent);
    expect(currentTraceparent()).toBeUndefined();
  });

  it('keeps concurrent traces apart and nests', async () => {
    const [a, b] = [newTraceparent(), newTraceparent()];
    const traceOf = (tp?: string) => TRACEPARENT.exec(tp ?? '')?.[1];
    const run = (tp: string) =>
      withTrace(tp, async () => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        const outer = currentTraceparent();
        const inner = withTrace(outer, () => currentTraceparent());
        return { outer, inner };
      });
    const [ra, rb] = await Promise.all([run(a), run(b)]);
    expect(traceOf(ra.outer)).toBe(traceOf(a));
    expect(traceOf(rb.outer)).toBe(traceOf(b));
    expect(traceOf(ra.inner)).toBe(traceOf(a));
    expect(ra.inner).not.toBe(ra.outer);
  });
});
