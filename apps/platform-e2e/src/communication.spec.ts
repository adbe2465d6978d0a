import { randomUUID } from 'node:crypto';
import { complaintSlaBreached, TOPICS } from '@carebridge/event-contracts';
import { freePort, testPostgresUrl } from '@carebridge/local-platform';
import { EmbeddedTransport, encodeEvent, type TransportMessage } from '@carebridge/messaging';
import { eventually, type GraphQLClient, type PlatformUnderTest, startPlatformUnderTest } from '@carebridge/testing';
import nodemailer from 'nodemailer';

const MAILBOX = `query($to: String) { developmentMailbox(to: $to, first: 50) { subject text replyTo messageId envelopeFrom } }`;
const INBOX = `query { myUnreadNotificationCount myNotifications { id kind title subjectType subjectId readAt } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const complaintMutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { id status compensation { id approval } } }`;

describe('customer communication through the gateway and the local SMTP catcher (A-2.3)', () => {
  let platform: PlatformUnderTest;
  let smtpPort: number;
  let agent: GraphQLClient;
  let specialist: GraphQLClient;
  let supervisor: GraphQLClient;
  let crmManager: GraphQLClient;

  beforeAll(async () => {
    smtpPort = await freePort();
    platform = await startPlatformUnderTest({
      COMMUNICATION_LOCAL_SMTP_PORT: String(smtpPort),
      COMMUNICATION_DISPATCH_INTERVAL_MS: '250',
      COMPLAINT_APPROVAL_THRESHOLD: '200.00',
      COMPLAINT_APPROVAL_CURRENCY: 'EUR',
    });
    agent = platform.as('agent', 'agent-ana');
    specialist = platform.as('complaint_specialist', 'spec-sam');
    supervisor = platform.as('supervisor', 'sup-sue');
    crmManager = platform.as('crm_manager', 'crm-cora');
    await supervisor.data(`mutation($input: SetComplaintHandlerInput!) { setComplaintHandler(input: $input) { userId } }`, {
      input: { userId: 'spec-sam', name: 'Sam Specialist', department: 'Customer Relations' },
    });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** A crm customer, once communication knows how to reach them (their consents arrive after their contact). */
  async function customer(fullName: string, email: string, extra: Record<string, unknown> = {}): Promise<string> {
    const { createCustomer } = await agent.data(CREATE_CUSTOMER, { input: { fullName, email, preferredLanguage: 'en', tier: 'STANDARD', marketingConsent: false, ...extra } });
    await eventually(async () => {
      const { customerMessageConsents } = await agent.data(`query($id: ID!) { customerMessageConsents(customerId: $id) { purpose } }`, { id: createCustomer.id });
      if (!customerMessageConsents.length) throw new Error('communication does not know the customer yet');
    });
    return createCustomer.id;
  }

  const mailsTo = async (address: string): Promise<{ subject: string; text: string; replyTo: string | null; messageId: string }[]> => (await agent.data(MAILBOX, { to: address })).developmentMailbox;
  const mailArrives = (address: string, subject: RegExp) =>
    eventually(async () => {
      const found = (await mailsTo(address)).find((m) => subject.test(m.subject));
      if (!found) throw new Error(`no mail "${subject}" to ${address} yet`);
      return found;
    }, 20_000);

  it("delivers an inquiry reply in the customer's language, and threads their e-mail answer back onto the inquiry", async () => {
    const customerId = await customer('王芳', 'wang.fang@example.cn', { preferredLanguage: 'zh-CN' });
    const received = await eventually(
      async () =>
        (
          await agent.data(`mutation($input: ReceiveInquiryInput!) { receiveInquiry(input: $input) { id } }`, {
            input: { channel: 'EMAIL', category: 'BAGGAGE', subject: '行李额度', message: '去东京可以托运几件行李？', customerId },
          })
        ).receiveInquiry,
    );
    await agent.data(`mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { id } }`, { input: { inquiryId: received.id, body: '您可以托运两件 23 公斤的行李。' } });

    const mail = await mailArrives('wang.fang@example.cn', /^回复：行李额度$/);
    expect(mail.text).toContain('尊敬的王芳：');
    expect(mail.text).toContain('您可以托运两件 23 公斤的行李。');
    expect(mail.replyTo).toMatch(/^support\+v1\.i[\w-]{22}\.\d+\.[\w-]{43}@carebridge\.localhost$/);

    const customerMailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await customerMailer.sendMail({
      from: '王芳 <wang.fang@example.cn>',
      to: mail.replyTo as string,
      subject: 'Re: 回复：行李额度',
      inReplyTo: mail.messageId,
      references: [mail.messageId],
      text: `那儿童呢？\n\nOn Mon, 2 Nov 2026 at 09:00, Carebridge Service <service@carebridge.localhost> wrote:\n> 您可以托运两件 23 公斤的行李。\n`,
    });
    const messages = await eventually(async () => {
      const { inquiry } = await agent.data(`query($id: ID!) { inquiry(id: $id) { status messages { direction body } } }`, { id: received.id });
      if (inquiry.messages.length < 3) throw new Error('the answer has not arrived yet');
      return inquiry;
    }, 20_000);
    expect(messages.status).toBe('OPEN');
    expect(messages.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['INBOUND', '去东京可以托运几件行李？'],
      ['OUTBOUND', '您可以托运两件 23 公斤的行李。'],
      ['INBOUND', '那儿童呢？'],
    ]);
  });

  it("tells a complaint's registration, feedback and resolution once each, even when the events are delivered again; a supervisor sees the approval waiting", async () => {
    const customerId = await customer('Alex Doe', 'alex.doe@example.com');
    const register = complaintMutation('registerComplaint', 'RegisterComplaintInput');
    const complaint = await eventually(
      async () =>
        (
          await agent.data(register, {
            input: { customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My suitcase did not arrive.', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), peopleInvolved: [], attachments: [] },
          })
        ).registerComplaint,
    );
    const id = complaint.id;
    await specialist.data(complaintMutation('assignComplaint', 'AssignComplaintInput'), { input: { complaintId: id, assigneeId: 'spec-sam' } });
    await specialist.data(complaintMutation('startComplaintWork', 'StartComplaintWorkInput'), { input: { complaintId: id } });
    const planned = (
      await specialist.data(complaintMutation('planComplaintResolution', 'PlanComplaintResolutionInput'), {
        input: { complaintId: id, explanation: 'The bag is on its way.', compensation: [{ kind: 'REFUND', amount: '250.00', currency: 'EUR', description: 'clothes bought', reason: 'receipts' }] },
      })
    ).planComplaintResolution;

    const waiting = await eventually(async () => {
      const inbox = await supervisor.data(INBOX);
      const found = inbox.myNotifications.find((n: { kind: string; subjectId: string }) => n.kind === 'COMPENSATION_APPROVAL_WAITING' && n.subjectId === id);
      // The list and the count are two fields read one after the other: wait until both have it.
      if (!found || inbox.myUnreadNotificationCount < 1) throw new Error('no approval in the inbox yet');
      return { inbox, found };
    });
    expect(waiting.found).toMatchObject({ subjectType: 'Complaint', readAt: null, title: expect.stringMatching(/^Approval waiting: complaint /) });
    expect(waiting.inbox.myUnreadNotificationCount).toBeGreaterThanOrEqual(1);
    expect((await agent.data(INBOX)).myNotifications.some((n: { subjectId: string }) => n.subjectId === id)).toBe(false);
    const marked = await supervisor.data(`mutation($ids: [ID!]!) { markNotificationsRead(input: { ids: $ids }) { readAt } }`, { ids: [waiting.found.id] });
    expect(marked.markNotificationsRead[0].readAt).toEqual(expect.any(String));

    await specialist.data(complaintMutation('giveComplaintFeedback', 'GiveComplaintFeedbackInput'), {
      input: { complaintId: id, channel: 'EMAIL', sentTo: 'alex.doe@example.com', actionsTaken: 'Found the bag.', nextSteps: 'Courier tomorrow.' },
    });
    await supervisor.data(`mutation($input: DecideCompensationInput!) { decideCompensation(input: $input) { id } }`, { input: { itemId: planned.compensation[0].id, approve: true, note: 'Receipts seen' } });
    await specialist.data(complaintMutation('resolveComplaint', 'ResolveComplaintInput'), { input: { complaintId: id } });
    const resolution = await mailArrives('alex.doe@example.com', /is resolved$/);
    expect(resolution.text).toContain('- Refund: 250.00 EUR (clothes bought)');
    expect(resolution.text).not.toContain('receipts');

    // The complaint's events are delivered to communication again, as after a consumer restart; then one more event on the same key shows they were handled.
    const events = new EmbeddedTransport({ url: eventsDatabaseUrl(platform), partitions: 4, pollIntervalMs: 50, batchSize: 100 });
    try {
      const again = await eventsOf(events, TOPICS.complaint, id, ['complaint.feedback_given', 'complaint.resolved']);
      await events.publish(again);
      await events.publish([
        encodeEvent(complaintSlaBreached, { complaintId: id, customerId, deadline: 'FEEDBACK', urgency: 'MEDIUM', dueAt: new Date().toISOString(), breachedAt: new Date().toISOString(), assigneeId: 'spec-sam' }, { source: 'complaint', time: new Date() }),
      ]);
    } finally {
      await events.close();
    }
    await eventually(async () => {
      const { myNotifications } = await specialist.data(INBOX);
      if (!myNotifications.some((n: { kind: string; subjectId: string }) => n.kind === 'COMPLAINT_SLA_BREACHED' && n.subjectId === id)) throw new Error('not handled yet');
    });
    await platform.runJob('communication', 'delivery-dispatch');
    const subjects = (await mailsTo('alex.doe@example.com')).map((m) => m.subject).sort();
    expect(subjects).toHaveLength(3);
    expect(subjects.filter((s) => /is registered$/.test(s))).toHaveLength(1);
    expect(subjects.filter((s) => /^An update on your complaint/.test(s))).toHaveLength(1);
    expect(subjects.filter((s) => /is resolved$/.test(s))).toHaveLength(1);
  });

  it("sends a campaign's coupon only to customers who consented to marketing", async () => {
    const optedOut = await customer('Olga Out', 'olga.out@example.com', { marketingConsent: false, tags: ['winter-campaign'] });
    await customer('Carl In', 'carl.in@example.com', { marketingConsent: true, tags: ['winter-campaign'] });
    const { createCampaign } = await crmManager.data(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: {
        name: 'Winter',
        segment: { tags: ['winter-campaign'], requireMarketingConsent: false },
        rewardCoupon: { valueType: 'PERCENTAGE', value: '10', validDays: 30 },
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    await crmManager.data(`mutation($input: LaunchCampaignInput!) { launchCampaign(input: $input) { id } }`, { input: { campaignId: createCampaign.id } });
    await platform.runJob('crm', 'campaign-rewards');
    await mailArrives('carl.in@example.com', /^A coupon for your next trip$/);

    // A coupon granted by hand is a service message: when it reaches the opted-out customer, the campaign's coupon event before it was handled.
    await crmManager.data(`mutation($input: IssueCouponInput!) { issueCoupon(input: $input) { id } }`, {
      input: { customerId: optedOut, valueType: 'AMOUNT', value: '20.00', currency: 'EUR', validUntil: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await mailArrives('olga.out@example.com', /^A coupon for you$/);
    expect((await mailsTo('olga.out@example.com')).map((m) => m.subject)).toEqual(['A coupon for you']);
  });

  it("mails the post-trip survey's link in the customer's language, and the link alone answers the survey through the gateway", async () => {
    const customerId = await customer('张伟', 'zhang.wei@example.cn', { preferredLanguage: 'zh-CN' });
    const reservationSystem = platform.as('integration', 'reservation-system');
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await eventually(() =>
      reservationSystem.data(`mutation($input: ImportBookingsInput!) { importBookings(input: $input) { imported } }`, {
        input: {
          bookings: [
            {
              bookingReference: 'SRV318',
              customerId,
              status: 'COMPLETED',
              changedAt: daysAgo(2),
              segments: [
                { kind: 'FLIGHT', carrier: 'CA', flightNumber: '931', origin: 'PEK', destination: 'FRA', departureAt: daysAgo(8), arrivalAt: daysAgo(7.6) },
                { kind: 'FLIGHT', carrier: 'CA', flightNumber: '932', origin: 'FRA', destination: 'PEK', departureAt: daysAgo(4), arrivalAt: daysAgo(3.6) },
              ],
            },
          ],
        },
      }),
    );
    const survey = await eventually(async () => {
      const { followUpSurveys } = await platform.as('after_sales', 'as-alex').data(`query($id: ID!) { followUpSurveys(filter: { customerId: $id }) { edges { node { id status } } } }`, { id: customerId });
      if (!followUpSurveys.edges.length) throw new Error('no survey yet');
      return followUpSurveys.edges[0].node;
    });
    expect((await platform.runJob('after-sales', 'follow-up-surveys')).result.sent).toBeGreaterThanOrEqual(1);

    const invitation = await mailArrives('zhang.wei@example.cn', /^您的旅程如何？$/);
    expect(invitation.text).toContain('尊敬的张伟：');
    const link = new URL(invitation.text.match(/https?:\/\/\S+/)?.[0] ?? '');
    const answered = await platform.anonymous().data(`mutation($input: AnswerFollowUpSurveyInput!) { answerFollowUpSurvey(input: $input) { surveyId } }`, {
      input: { token: link.searchParams.get('token'), nps: 9, ratings: [{ component: 'FLIGHT', score: 5 }] },
    });
    expect(answered.answerFollowUpSurvey.surveyId).toBe(survey.id);
    // Once per survey: running the job again sends nothing more.
    await platform.runJob('after-sales', 'follow-up-surveys');
    await platform.runJob('communication', 'delivery-dispatch');
    expect((await mailsTo('zhang.wei@example.cn')).filter((m) => /旅程/.test(m.subject))).toHaveLength(1);
  });

  // Moves the platform's clock: the last test of the file.
  it("tells the assignee that a complaint's deadline is at risk, and the customer's e-mail answer ends the complaint's wait on them", async () => {
    const customerId = await customer('Maria Rossi', 'maria.rossi@example.it');
    const fields = `id createdAt waitingOnCustomer deadlines { kind dueAt state } conversation { direction body }`;
    const registered = await eventually(
      async () =>
        (
          await agent.data(`mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id createdAt deadlines { kind dueAt state } } }`, {
            input: { customerId, channel: 'EMAIL', category: 'BAGGAGE', urgency: 'MEDIUM', description: 'My pram was damaged.', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), peopleInvolved: [], attachments: [] },
          })
        ).registerComplaint,
    );
    const id = registered.id;
    await specialist.data(complaintMutation('assignComplaint', 'AssignComplaintInput'), { input: { complaintId: id, assigneeId: 'spec-sam' } });
    await specialist.data(complaintMutation('startComplaintWork', 'StartComplaintWorkInput'), { input: { complaintId: id } });

    // In the last tenth of the feedback time the monitor warns once; the assignee finds it in their inbox.
    const created = Date.parse(registered.createdAt);
    const due = Date.parse(registered.deadlines.find((d: { kind: string }) => d.kind === 'FEEDBACK').dueAt);
    await platform.setTime(new Date(due - (due - created) / 10));
    expect((await platform.runJob('complaint', 'sla-monitor')).result.atRisk).toBeGreaterThanOrEqual(1);
    const warning = await eventually(async () => {
      const found = (await specialist.data(INBOX)).myNotifications.find((n: { kind: string; subjectId: string }) => n.kind === 'COMPLAINT_SLA_AT_RISK' && n.subjectId === id);
      if (!found) throw new Error('no warning in the inbox yet');
      return found;
    });
    expect(warning).toMatchObject({ subjectType: 'Complaint', readAt: null, title: expect.stringMatching(/^Deadline at risk: complaint /) });
    expect((await platform.runJob('complaint', 'sla-monitor')).result.atRisk).toBeUndefined();

    // The specialist waits on the customer; the customer answers the registration mail.
    await specialist.data(`mutation($input: SetComplaintWaitingInput!) { setComplaintWaiting(input: $input) { id waitingOnCustomer } }`, { input: { complaintId: id, waiting: true, note: 'Asked for photos of the pram' } });
    const mail = await mailArrives('maria.rossi@example.it', /is registered$/);
    expect(mail.replyTo).toMatch(/^support\+v1\.c[\w-]{22}\.\d+\.[\w-]{43}@carebridge\.localhost$/);
    const customerMailer = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await customerMailer.sendMail({ from: 'Maria Rossi <maria.rossi@example.it>', to: mail.replyTo as string, subject: `Re: ${mail.subject}`, inReplyTo: mail.messageId, text: 'Here are the photos of the pram.' });
    const answered = await eventually(async () => {
      const { complaint } = await specialist.data(`query($id: ID!) { complaint(id: $id) { ${fields} } }`, { id });
      if (complaint.waitingOnCustomer) throw new Error('still waiting on the customer');
      return complaint;
    }, 20_000);
    expect(answered.conversation.map((m: { direction: string; body: string }) => [m.direction, m.body])).toContainEqual(['INBOUND', 'Here are the photos of the pram.']);
  });
});

/** The platform's event log database (the embedded transport's). */
function eventsDatabaseUrl(platform: PlatformUnderTest): string {
  const url = new URL(testPostgresUrl());
  url.pathname = `/${platform.subgraphs.get('communication')?.options.env.EVENTS_DATABASE_NAME}`;
  return url.toString();
}

/** The messages of the given types about one aggregate, read from the beginning of the topic by a group of its own. */
async function eventsOf(transport: EmbeddedTransport, topic: string, key: string, types: string[]): Promise<TransportMessage[]> {
  const found: TransportMessage[] = [];
  const subscription = await transport.subscribe({
    groupId: `e2e-replay-${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    handle: async (message) => {
      if (message.key === key && types.includes(message.headers.ce_type)) found.push({ topic: message.topic, key: message.key, headers: message.headers, value: message.value });
    },
  });
  try {
    await eventually(async () => {
      if (found.length < types.length) throw new Error('not read yet');
    });
  } finally {
    await subscription.stop();
  }
  return found;
}
