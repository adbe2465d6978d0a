/** Time, injectable so that deadlines can be tested with a clock the test controls. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock moved by an offset. Services run with it when NODE_ENV=test, so end-to-end
 * tests can move time forward (PUT /test/clock) and watch deadlines pass; never in production.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(time: Date): void {
    this.offsetMs = time.getTime() - Date.now();
  }
}
