import type { ScheduledJob } from '@carebridge/service-kit';
import type { CampaignRewards } from './campaign-rewards';

/** Ends campaigns past their end date and grants the active ones' rewards to the next customers of their segments. */
export function campaignRewardsJob(rewards: CampaignRewards, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'campaign-rewards', everyMs: settings.jobIntervalMs, run: (now) => rewards.grant(now) };
}
