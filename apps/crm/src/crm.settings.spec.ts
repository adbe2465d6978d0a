import { ConfigurationError } from '@carebridge/config';
import { crmSettings } from './crm.settings';

describe('crm settings', () => {
  it('has the documented defaults', () => {
    expect(crmSettings({})).toEqual({
      CRM_VERIFY_AFTER_DAYS: 365,
      CRM_COMPLAINT_FOLLOW_UP_DAYS: 3,
      CRM_EXPORT_PARTS_DUE_MINUTES: 60,
      CRM_EXPORT_RETENTION_DAYS: 30,
      CRM_POINTS_EXPIRY_MONTHS: 24,
      CRM_COMPENSATION_COUPON_VALID_DAYS: 365,
      CRM_FOLLOW_UP_LEAD_DAYS: 7,
      CRM_TIER_POINTS: [5000, 20000, 50000],
      CRM_JOB_INTERVAL_MS: 60000,
    });
  });

  it('refuses a bad value, naming the variable and the rule', () => {
    expect(() => crmSettings({ CRM_VERIFY_AFTER_DAYS: '0' })).toThrow(/CRM_VERIFY_AFTER_DAYS: must be greater than 0 \(got "0"\)/);
    expect(() => crmSettings({ CRM_TIER_POINTS: '5000,400,50000' })).toThrow(ConfigurationError);
    expect(() => crmSettings({ CRM_TIER_POINTS: 'many' })).toThrow(/CRM_TIER_POINTS: must be three whole numbers/);
  });
});
