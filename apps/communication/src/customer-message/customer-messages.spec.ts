import { randomUUID } from 'node:crypto';
import { developmentLinkSecret, SignedLinks } from '@carebridge/auth';
import { complaintFeedbackGiven, complaintRegistered, complaintResolved, couponIssued, customerErased, followUpSurveySent, inquiryReplied } from '@carebridge/event-contracts';
import { ERASED_PLACEHOLDER } from '@carebridge/known-customers';
import { SendFailure } from '../channel/channel';
import { people, useCommunication } from '../communication.fixture';
import { Delivery } from '../delivery/delivery.entity';
import { DeliveryStatus } from '../delivery/delivery.enums';

describe('telling customers (real Postgres)', () => {
  const world = useCommunication();
  const at = () => world.db.clock.now().toISOString();
  const reply = (customerId: string | null, inquiryId = randomUUID(), extra: Partial<{ contactEmail: string | null; contactName: string | null }> = {}) => ({
    inquiryId,
    messageId: randomUUID(),
    customerId,
    channel: 'EMAIL' as const,
    subject: 'Seat on my flight',
    body: 'We have reserved seat 14C for you.',
    contactEmail: null,
    contactName: null,
    repliedAt: at(),
    ...extra,
  });

  it("sends an inquiry reply in the customer's language, by name, with a reply address of the inquiry; a redelivered event sends nothing twice", async () => {
    const customerId = await world.knownCustomer({ name: '王芳', preferredLanguage: 'zh-CN' });
    const eventId = randomUUID();
    const data = reply(customerId);
    await world.deliver(inquiryReplied, data, eventId);
    await world.deliver(inquiryReplied, data, eventId);
    expect(await world.deliveriesOf(customerId)).toEqual([expect.objectContaining({ status: DeliveryStatus.QUEUED, templateKey: 'inquiry.reply', locale: 'zh-CN', threadId: data.inquiryId })]);

    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(world.email.sent).toHaveLength(1);
    const [mail] = world.email.sent;
    expect(mail.subject).toBe('回复：Seat on my flight');
    expect(mail.text).toContain('尊敬的王芳：');
    expect(mail.text).toContain('We have reserved seat 14C for you.');
    expect(world.replyTokens.caseOf(mail.replyTo as string, world.db.clock.now())).toEqual({ kind: 'INQUIRY', id: data.inquiryId });
    const [delivery] = await world.deliveriesOf(customerId);
    expect(delivery).toMatchObject({ status: DeliveryStatus.SENT, attempts: 1, sentAt: world.db.clock.now() });
    const sent = (await world.db.outboxEvents()).filter((e) => e.type === 'notification.sent' && e.key === delivery.id);
    expect(sent).toEqual([expect.objectContaining({ data: expect.objectContaining({ customerId, templateKey: 'inquiry.reply', channel: 'EMAIL', attempts: 1 }) })]);
    expect(JSON.stringify(sent)).not.toContain('@');

    // The next mail on the same inquiry refers to the first, so the customer's mail program threads them.
    await world.deliver(inquiryReplied, { ...reply(customerId, data.inquiryId), body: 'And your meal is vegetarian.' });
    await world.dispatch.dispatchDue();
    expect(world.email.sent[1].references).toEqual([delivery.providerMessageId]);
  });

  it('writes to the address of an inquiry whose customer crm does not know, in English', async () => {
    await world.deliver(inquiryReplied, reply(null, randomUUID(), { contactEmail: 'Guest@Example.com', contactName: 'Pat Guest' }));
    await world.dispatch.dispatchDue();
    expect(world.email.sent.at(-1)).toMatchObject({ to: 'guest@example.com', subject: 'Re: Seat on my flight' });
    expect(world.email.sent.at(-1)?.text).toMatch(/^Dear Pat Guest,/);
  });

  it("tells a complaint's registration number and deadline, its feedback and its resolution once each, whatever is redelivered", async () => {
    const customerId = await world.knownCustomer({ name: 'Alex Doe' });
    const complaintId = randomUUID();
    const registered = { complaintId, registrationNumber: 'C-2026-000777', customerId, channel: 'EMAIL', category: 'DELAY', urgency: 'MEDIUM' as const, registeredBy: 'agent-ana', registeredAt: at(), feedbackDueAt: '2026-11-03T09:00:00.000Z' };
    const feedback = { complaintId, customerId, givenBy: 'specialist-sam', givenAt: at(), feedbackDueAt: registered.feedbackDueAt, withinDeadline: true };
    const resolved = {
      complaintId,
      registrationNumber: registered.registrationNumber,
      customerId,
      resolvedBy: 'specialist-sam',
      resolvedAt: at(),
      rootCause: 'crew scheduling',
      compensation: [{ itemId: randomUUID(), kind: 'REFUND' as const, amount: '120.00', currency: 'EUR', quantity: null, description: 'for the delay', reason: 'internal: goodwill above policy' }],
    };
    const ids = { registered: randomUUID(), feedback: randomUUID(), resolved: randomUUID() };
    for (let round = 0; round < 2; round++) {
      await world.deliver(complaintRegistered, registered, ids.registered);
      await world.deliver(complaintFeedbackGiven, feedback, ids.feedback);
      await world.deliver(complaintResolved, resolved, ids.resolved);
    }
    await world.dispatch.dispatchDue();
    const order = ['complaint.registered', 'complaint.feedback', 'complaint.resolution'];
    const deliveries = (await world.deliveriesOf(customerId)).sort((a, b) => order.indexOf(a.templateKey) - order.indexOf(b.templateKey));
    expect(deliveries.map((d) => [d.templateKey, d.status])).toEqual(order.map((key) => [key, 'SENT']));
    expect(deliveries[0].body).toContain('C-2026-000777');
    expect(deliveries[0].body).toContain('Nov 3, 2026');
    expect(deliveries[1].subject).toBe('An update on your complaint C-2026-000777');
    expect(deliveries[2].body).toContain('- Refund: 120.00 EUR (for the delay)');
    expect(deliveries[2].body).not.toContain('internal');
    expect(deliveries[2].body).not.toContain('crew scheduling');
  });

  it('sends marketing only with consent; service messages go out without it', async () => {
    const optedOut = await world.knownCustomer({ marketingConsent: false });
    const consenting = await world.knownCustomer({ marketingConsent: true });
    const coupon = (customerId: string) => ({ couponId: randomUUID(), customerId, valueType: 'PERCENTAGE' as const, value: '10', currency: null, validUntil: '2026-12-31T00:00:00.000Z', source: 'CAMPAIGN' as const, issuedAt: at() });
    await world.deliver(couponIssued, coupon(optedOut));
    await world.deliver(couponIssued, coupon(consenting));
    await world.deliver(inquiryReplied, reply(optedOut));
    expect((await world.deliveriesOf(optedOut)).map((d) => d.templateKey)).toEqual(['inquiry.reply']);
    expect((await world.deliveriesOf(consenting)).map((d) => [d.templateKey, d.purpose])).toEqual([['coupon.campaign', 'MARKETING']]);

    // An opt-out of e-mail marketing alone, recorded by staff, wins over crm's yes for every channel.
    const set = await world.run(people.agent, `mutation($input: SetChannelConsentInput!) { setCustomerChannelConsent(input: $input) { purpose channel granted statedBy } }`, {
      input: { customerId: consenting, purpose: 'MARKETING', channel: 'EMAIL', granted: false },
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setCustomerChannelConsent).toEqual(expect.arrayContaining([{ purpose: 'MARKETING', channel: 'EMAIL', granted: false, statedBy: 'agent-ana' }]));
    await world.deliver(couponIssued, coupon(consenting));
    expect(await world.deliveriesOf(consenting)).toHaveLength(1);
  });

  it("sends a survey's link in the customer's language, once per survey and once for its reminder; a follow-up refusal stops it, a marketing refusal does not", async () => {
    const customerId = await world.knownCustomer({ name: '陈静', preferredLanguage: 'zh-CN', marketingConsent: false });
    const refusing = await world.knownCustomer({ followUpConsent: false });
    const survey = (customer: string, reminder = false) => ({
      surveyId: randomUUID(),
      tripId: randomUUID(),
      customerId: customer,
      components: ['FLIGHT' as const],
      reminder,
      sentAt: at(),
      linkExpiresAt: '2026-12-02T09:00:00.000Z',
    });
    const sent = survey(customerId);
    const eventId = randomUUID();
    await world.deliver(followUpSurveySent, sent, eventId);
    await world.deliver(followUpSurveySent, sent, eventId);
    world.db.clock.advance(60_000);
    await world.deliver(followUpSurveySent, { ...sent, reminder: true, sentAt: at() });
    await world.deliver(followUpSurveySent, survey(refusing));
    expect(await world.deliveriesOf(refusing)).toEqual([]);
    const deliveries = await world.deliveriesOf(customerId);
    expect(deliveries.map((d) => [d.templateKey, d.purpose, d.locale])).toEqual([
      ['survey.invitation', 'FOLLOW_UP', 'zh-CN'],
      ['survey.reminder', 'FOLLOW_UP', 'zh-CN'],
    ]);
    expect(deliveries[0].subject).toBe('您的旅程如何？');
    expect(deliveries[0].body).toContain('尊敬的陈静：');

    // The link is the one after-sales' verifier takes: its purpose, its (development) secret, the survey and the expiry the event states.
    const link = new URL(deliveries[0].body.match(/https?:\/\/\S+/)?.[0] ?? '');
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost:4000/survey');
    const checked = new SignedLinks('followup-survey', developmentLinkSecret('followup-survey')).check(link.searchParams.get('token') ?? '', world.db.clock.now());
    expect(checked).toEqual({ valid: true, subject: sent.surveyId, expiresAt: new Date(sent.linkExpiresAt) });
    expect(deliveries[1].body).toContain(link.toString());
    // Nothing of the link leaves on an event, and staff read the message without the token.
    const token = link.searchParams.get('token') as string;
    expect(JSON.stringify(await world.db.outboxEvents())).not.toContain(token);
    const seen = await world.run(people.agent, `query($id: ID!) { deliveries(customerId: $id) { templateKey body } }`, { id: customerId });
    expect(seen.errors).toBeUndefined();
    expect(JSON.stringify(seen.data)).not.toContain(token);
    expect(seen.data?.deliveries.find((d: { templateKey: string }) => d.templateKey === 'survey.invitation').body).toContain('http://localhost:4000/survey?token=…');
  });

  it('retries a failed send with a doubling wait, and gives up after the last attempt with notification.failed', async () => {
    const customerId = await world.knownCustomer();
    await world.dispatch.dispatchDue();
    world.email.failures = [new SendFailure('SMTP 451', false), new SendFailure('SMTP ECONNREFUSED', false)];
    await world.deliver(inquiryReplied, reply(customerId));
    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [first] = await world.deliveriesOf(customerId);
    expect(first).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: 'SMTP 451', nextAttemptAt: new Date(world.db.clock.now().getTime() + 1000) });
    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    world.db.clock.advance(1000);
    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await world.deliveriesOf(customerId))[0].nextAttemptAt).toEqual(new Date(world.db.clock.now().getTime() + 2000));
    world.db.clock.advance(2000);
    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 1, retried: 0, failed: 0 });

    // A refused address is not tried again.
    world.email.failures = [new SendFailure('SMTP 550', true)];
    await world.deliver(inquiryReplied, reply(customerId));
    expect(await world.dispatch.dispatchDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = (await world.deliveriesOf(customerId))[1];
    expect(failed).toMatchObject({ status: DeliveryStatus.FAILED, attempts: 1, lastError: 'SMTP 550' });
    expect((await world.db.outboxEvents()).filter((e) => e.key === failed.id).map((e) => [e.type, e.data.status, e.data.reason])).toEqual([['notification.failed', 'FAILED', 'SMTP 550']]);
  });

  it('texts a customer who has no e-mail address, and records a customer with no address at all as failed', async () => {
    const texted = await world.knownCustomer({ email: null, phone: '+8613800000000' });
    const unreachable = await world.knownCustomer({ email: null, phone: null });
    await world.deliver(inquiryReplied, reply(texted));
    await world.deliver(inquiryReplied, reply(unreachable));
    await world.dispatch.dispatchDue();
    expect(world.sms.sent.at(-1)).toMatchObject({ to: '+8613800000000', subject: 'Re: Seat on my flight' });
    expect(await world.deliveriesOf(unreachable)).toEqual([expect.objectContaining({ status: DeliveryStatus.FAILED, attempts: 0, lastError: 'no address' })]);
  });

  it("records a provider's delivery report for the integration role, and NOT_FOUND for a message it does not know", async () => {
    const customerId = await world.knownCustomer({ email: null, phone: '+8613900000000' });
    await world.deliver(inquiryReplied, reply(customerId));
    await world.dispatch.dispatchDue();
    const [sent] = await world.deliveriesOf(customerId);
    const report = `mutation($input: ReportDeliveryStatusInput!) { reportDeliveryStatus(input: $input) { status lastError } }`;
    const refused = await world.run(people.agent, report, { input: { providerMessageId: sent.providerMessageId, status: 'DELIVERED' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const delivered = await world.run(people.integration, report, { input: { providerMessageId: sent.providerMessageId, status: 'DELIVERED' } });
    expect(delivered.data?.reportDeliveryStatus).toEqual({ status: 'DELIVERED', lastError: null });
    // A later report on a settled delivery changes nothing.
    const late = await world.run(people.integration, report, { input: { providerMessageId: sent.providerMessageId, status: 'FAILED', reason: 'Twilio 30003' } });
    expect(late.data?.reportDeliveryStatus).toEqual({ status: 'DELIVERED', lastError: null });
    const unknown = await world.run(people.integration, report, { input: { providerMessageId: 'SM-unknown', status: 'DELIVERED' } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await world.run(people.integration, report, { input: { providerMessageId: 'x', status: 'LOST' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("anonymises the customer's contact and messages on erasure, and nothing more goes to them", async () => {
    const customerId = await world.knownCustomer({ name: 'Erin Erased' });
    await world.deliver(inquiryReplied, reply(customerId));
    await world.deliver(customerErased, { customerId, erasedAt: at() });
    const [delivery] = await world.deliveriesOf(customerId);
    expect(delivery).toMatchObject({ address: null, subject: ERASED_PLACEHOLDER, body: ERASED_PLACEHOLDER });
    const contacts = await world.db.dataSource.query(`SELECT name, email FROM customer_contact WHERE customer_id = $1`, [customerId]);
    expect(contacts).toEqual([{ name: null, email: null }]);
    await world.deliver(inquiryReplied, reply(customerId));
    expect(await world.db.dataSource.getRepository(Delivery).countBy({ customerId })).toBe(1);
  });
});
