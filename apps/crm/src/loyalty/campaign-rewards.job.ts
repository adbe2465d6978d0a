import type { ScheduledJob } from '@carebridge/service-kit';
import type { CrmSettings } from '../crm.settings';
import type { CampaignRewards } from './campaign-rewards';

/** Ends campaigns past their end date and grants the active ones' rewards to the next customers of their segments. */
export function campaignRewardsJob(rewards: CampaignRewards, settings: Pick<CrmSettings, 'CRM_JOB_INTERVAL_MS'>): ScheduledJob {
  return { name: 'campaign-rewards', everyMs: settings.CRM_JOB_INTERVAL_MS, run: (now) => rewards.grant(now) };
}
