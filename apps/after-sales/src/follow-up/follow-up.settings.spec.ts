import { ConfigurationError } from '@carebridge/config';
import { followUpSettings } from './follow-up.settings';

describe('followUpSettings', () => {
  it('has the defaults of the contact rules', () => {
    expect(followUpSettings({})).toMatchObject({ delayHours: 48, contactPauseDays: 30, reminderAfterDays: 5, linkTtlDays: 30, detractorMaxNps: 6, lowRatingMax: 2, recoveryTargetHours: 48 });
  });

  it('reads every number and names a bad one', () => {
    expect(followUpSettings({ AFTER_SALES_FOLLOW_UP_DELAY_HOURS: '24', AFTER_SALES_FOLLOW_UP_REMINDER_AFTER_DAYS: '0' })).toMatchObject({ delayHours: 24, reminderAfterDays: 0 });
    expect(() => followUpSettings({ AFTER_SALES_DETRACTOR_MAX_NPS: '11' })).toThrow(/AFTER_SALES_DETRACTOR_MAX_NPS: must be 0 to 10/);
    expect(() => followUpSettings({ AFTER_SALES_SURVEY_LINK_SECRET: 'short' })).toThrow(/AFTER_SALES_SURVEY_LINK_SECRET/);
  });

  it('requires the link secret in production', () => {
    expect(() => followUpSettings({ NODE_ENV: 'production' })).toThrow(ConfigurationError);
    expect(followUpSettings({ NODE_ENV: 'production', AFTER_SALES_SURVEY_LINK_SECRET: 's'.repeat(40) }).linkSecret).toBe('s'.repeat(40));
  });
});
