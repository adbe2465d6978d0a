import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmSettings } from '../crm.settings';
import type { LoyaltyLedger } from './loyalty-ledger';

/** Expires what is left of points lots past their expiry date. */
export function pointsExpiryJob(ledger: LoyaltyLedger, settings: Pick<CrmSettings, 'CRM_JOB_INTERVAL_MS'>): ScheduledJob {
  return { name: 'points-expiry', everyMs: settings.CRM_JOB_INTERVAL_MS, run: (now) => ledger.expirePoints(now) };
}
