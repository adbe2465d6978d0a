import type { ScheduledJob } from '@carebridge/service-kit';
import type { LoyaltyLedger } from './loyalty-ledger';

/** Expires what is left of points lots past their expiry date. */
export function pointsExpiryJob(ledger: LoyaltyLedger, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'points-expiry', everyMs: settings.jobIntervalMs, run: (now) => ledger.expirePoints(now) };
}
