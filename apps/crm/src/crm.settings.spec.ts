import { ConfigurationError } from '@carebridge/config';
import { type CrmSettings, crmSettings } from './crm.settings';

describe('crm settings', () => {
  it('has the documented defaults', () => {
    expect(crmSettings({})).toEqual({
      verifyAfterDays: 365,
      complaintFollowUpDays: 3,
      followUpLeadDays: 7,
      loyalty: { pointsExpiryMonths: 24, tierPoints: [5000, 20000, 50000] },
      compensationCouponValidDays: 365,
      dataExports: { partsDueMinutes: 60, retentionDays: 30 },
      jobIntervalMs: 60000,
    });
  });

  it.each<[string, string, (settings: CrmSettings) => unknown, unknown]>([
    ['CRM_VERIFY_AFTER_DAYS', '180', (s) => s.verifyAfterDays, 180],
    ['CRM_COMPLAINT_FOLLOW_UP_DAYS', '2', (s) => s.complaintFollowUpDays, 2],
    ['CRM_FOLLOW_UP_LEAD_DAYS', '5', (s) => s.followUpLeadDays, 5],
    ['CRM_POINTS_EXPIRY_MONTHS', '12', (s) => s.loyalty.pointsExpiryMonths, 12],
    ['CRM_TIER_POINTS', '1000,5000,20000', (s) => s.loyalty.tierPoints, [1000, 5000, 20000]],
    ['CRM_COMPENSATION_COUPON_VALID_DAYS', '90', (s) => s.compensationCouponValidDays, 90],
    ['CRM_EXPORT_PARTS_DUE_MINUTES', '15', (s) => s.dataExports.partsDueMinutes, 15],
    ['CRM_EXPORT_RETENTION_DAYS', '7', (s) => s.dataExports.retentionDays, 7],
    ['CRM_JOB_INTERVAL_MS', '5000', (s) => s.jobIntervalMs, 5000],
  ])('reads %s into its setting', (name, value, read, expected) => {
    expect(read(crmSettings({ [name]: value }))).toEqual(expected);
  });

  it('refuses a bad value, naming the variable and the rule', () => {
    expect(() => crmSettings({ CRM_VERIFY_AFTER_DAYS: '0' })).toThrow(/CRM_VERIFY_AFTER_DAYS: must be greater than 0 \(got "0"\)/);
    expect(() => crmSettings({ CRM_TIER_POINTS: '5000,400,50000' })).toThrow(ConfigurationError);
    expect(() => crmSettings({ CRM_TIER_POINTS: 'many' })).toThrow(/CRM_TIER_POINTS: must be three whole numbers/);
  });
});
