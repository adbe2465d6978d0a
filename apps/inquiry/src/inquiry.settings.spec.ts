import { inquirySettings } from './inquiry.settings';

describe('inquiry settings', () => {
  it('defaults to a first reply within 5 minutes, three rings of 6 s and always-open hours', () => {
    const settings = inquirySettings({});
    expect(settings).toMatchObject({ responseTargets: { firstReplyMinutes: 5, phoneRings: 3, ringSeconds: 6, replyMinutes: 60 }, agentCapacity: 5, slaMonitorIntervalMs: 30_000 });
    expect(settings.calendar.isAlwaysOpen).toBe(true);
  });

  it('names the variable, the rule and the value when a setting is wrong', () => {
    expect(() => inquirySettings({ INQUIRY_BUSINESS_HOURS: 'weekdays', INQUIRY_RING_SECONDS: '0', INQUIRY_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /INQUIRY_RING_SECONDS: must be greater than 0 \(got "0"\)[\s\S]*INQUIRY_TIME_ZONE: must be an IANA time zone[\s\S]*INQUIRY_BUSINESS_HOURS: must be ALWAYS/,
    );
  });
});
