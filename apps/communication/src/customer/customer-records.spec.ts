import { randomUUID } from 'node:crypto';
import { customerMerged, inquiryReplied } from '@carebridge/event-contracts';
import { useCommunication } from '../communication.fixture';
import { communicationSettings } from '../communication.settings';

describe("communication's customer records (real Postgres)", () => {
  const world = useCommunication();

  it("exports the contact, consents, messages and mail of a customer, and follows a merge to the survivor", async () => {
    const merged = await world.knownCustomer({ name: 'Kim Old', email: 'kim.old@example.com' });
    const survivor = await world.knownCustomer({ name: 'Kim New', email: 'kim@example.com' });
    await world.deliver(inquiryReplied, { inquiryId: randomUUID(), messageId: randomUUID(), customerId: merged, channel: 'EMAIL', subject: 'Hi', body: 'Hello', contactEmail: null, contactName: null, repliedAt: world.db.clock.now().toISOString() });
    await world.deliver(customerMerged, { survivorId: survivor, mergedId: merged, mergedBy: 'crm-cora', mergedAt: world.db.clock.now().toISOString() });

    const part = await world.db.dataSource.transaction((manager) => world.customers.collect(manager, survivor));
    const sections = part as unknown as Record<string, { customerId?: string; name?: string; templateKey?: string }[]>;
    expect(sections.contacts.map((c) => c.name).sort()).toEqual(['Kim New', 'Kim Old']);
    expect(sections.consents).toHaveLength(4);
    expect(sections.deliveries.map((d) => [d.customerId, d.templateKey])).toEqual([[survivor, 'inquiry.reply']]);
    // The survivor is written to at its own newest address.
    expect((await world.contacts.of(world.db.dataSource.manager, survivor))?.email).toBe('kim@example.com');
  });

  it('refuses to start in production without an SMTP server, a reply-token secret and the survey-link secret, and a partial DKIM key', () => {
    expect(() => communicationSettings({ NODE_ENV: 'production' })).toThrow(
      /COMMUNICATION_SMTP_URL: must be set in production[\s\S]*COMMUNICATION_REPLY_TOKEN_SECRET: must be set in production[\s\S]*COMMUNICATION_SURVEY_LINK_SECRET: must be set in production/,
    );
    expect(() => communicationSettings({ COMMUNICATION_REPLY_TOKEN_SECRET: 'too short' })).toThrow(/COMMUNICATION_REPLY_TOKEN_SECRET/);
    expect(() => communicationSettings({ COMMUNICATION_DKIM_DOMAIN: 'example.com' })).toThrow(/set all three or none/);
    expect(communicationSettings({ NODE_ENV: 'production', COMMUNICATION_SMTP_URL: 'smtp://mail.example.com:587', COMMUNICATION_REPLY_TOKEN_SECRET: 'x'.repeat(32), COMMUNICATION_STATUS_LINK_SECRET: 'y'.repeat(32), COMMUNICATION_SURVEY_LINK_SECRET: 'z'.repeat(32), COMMUNICATION_SURVEY_PAGE_URL: 'https://travel.example.com/survey' }).localMail.enabled).toBe(false);
  });
});
