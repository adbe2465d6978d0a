import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { inquiryReplied } from '@carebridge/event-contracts';
import { createLogger } from '@carebridge/service-kit';
import nodemailer from 'nodemailer';
import { EmailSender } from '../channel/email-sender';
import { people, useCommunication } from '../communication.fixture';
import { communicationSettings } from '../communication.settings';
import { DeliveryStatus } from '../delivery/delivery.enums';
import { LocalMailCatcher } from '../development-mail/local-mail-catcher';
import { InboundAttachment } from './inbound-attachment.entity';

describe('e-mail through the local SMTP catcher, inbound mail and the webhook (real Postgres, real SMTP)', () => {
  const world = useCommunication();
  let catcher: LocalMailCatcher;
  let port: number;
  const customerMail = () => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const received = async () => (await world.db.outboxEvents()).filter((e) => e.type === 'inbound_message.received');

  beforeAll(async () => {
    catcher = new LocalMailCatcher(world.mailbox, world.inbound, createLogger({ service: 'communication', level: 'silent' }));
    port = await catcher.listen('127.0.0.1', 0);
  });
  afterAll(() => catcher.close());

  it('sends through nodemailer, DKIM-signed, with the delivery as Message-ID and bounce address, readable in developmentMailbox', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const settings = communicationSettings({
      COMMUNICATION_LOCAL_SMTP_PORT: String(port),
      COMMUNICATION_DKIM_DOMAIN: 'carebridge.localhost',
      COMMUNICATION_DKIM_SELECTOR: 'mail2026',
      COMMUNICATION_DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const sender = new EmailSender(settings.email, settings.localMail);
    const deliveryId = randomUUID();
    const receipt = await sender.send({ deliveryId, to: 'Traveller@Example.com', subject: '您好', text: 'Hello', replyTo: world.replyTokens.replyAddress('INQUIRY' as never, randomUUID(), world.db.clock.now()) });
    sender.close();
    expect(receipt.providerMessageId).toBe(`<${deliveryId}@carebridge.localhost>`);

    const box = await world.run(people.agent, `{ developmentMailbox(to: "traveller@example.com") { subject text replyTo messageId envelopeFrom dkimSignature } }`);
    expect(box.errors).toBeUndefined();
    const [mail] = box.data?.developmentMailbox ?? [];
    expect(mail).toMatchObject({ subject: '您好', text: 'Hello\n', messageId: receipt.providerMessageId, envelopeFrom: `bounces+${deliveryId.replace(/-/g, '')}@carebridge.localhost` });
    expect(mail.replyTo).toMatch(/^support\+v1\.i[\w-]{22}\.\d+\.[\w-]{43}@carebridge\.localhost$/);
    expect(mail.dkimSignature).toMatch(/d=carebridge\.localhost; .*s=mail2026/s);
  });

  it('announces a new mail to the support address with the sender matched to the crm customer and the attachments kept', async () => {
    const customerId = await world.knownCustomer({ email: 'mei@example.com' });
    await customerMail().sendMail({
      from: 'Mei <MEI@example.com>',
      to: 'support@carebridge.localhost',
      subject: 'Lost my passport',
      text: 'I left my passport on the plane.',
      attachments: [{ filename: 'boarding-pass.pdf', content: Buffer.from('%PDF-1.4 boarding pass'), contentType: 'application/pdf' }],
    });
    const [event] = (await received()).slice(-1);
    expect(event.data).toMatchObject({ customerId, thread: null, from: { address: 'mei@example.com', name: 'Mei' }, subject: 'Lost my passport', body: 'I left my passport on the plane.' });
    expect(event.data.attachments).toEqual([{ attachmentId: expect.any(String), fileName: 'boarding-pass.pdf', contentType: 'application/pdf', size: 22 }]);
    const stored = await world.db.dataSource.getRepository(InboundAttachment).findOneByOrFail({ id: event.data.attachments[0].attachmentId });
    expect(stored.content?.toString()).toBe('%PDF-1.4 boarding pass');
  });

  it("threads an answer onto its inquiry by the reply address, or by In-Reply-To, with the quoted mail trimmed", async () => {
    const customerId = await world.knownCustomer({ email: 'jun@example.com' });
    const inquiryId = randomUUID();
    await world.deliver(inquiryReplied, { inquiryId, messageId: randomUUID(), customerId, channel: 'EMAIL', subject: 'Baggage allowance', body: 'It is 23 kg.', contactEmail: null, contactName: null, repliedAt: world.db.clock.now().toISOString() });
    await world.dispatch.dispatchDue();
    const sent = world.email.sent[world.email.sent.length - 1];

    await customerMail().sendMail({
      from: 'jun@example.com',
      to: sent.replyTo,
      subject: 'Re: Baggage allowance',
      text: `And for my child?\n\nOn Mon, Nov 2, 2026 at 9:00 AM Carebridge Service <service@carebridge.localhost> wrote:\n> It is 23 kg.\n`,
    });
    expect((await received()).at(-1)?.data).toMatchObject({ customerId, thread: { kind: 'INQUIRY', id: inquiryId }, body: 'And for my child?' });

    await customerMail().sendMail({ from: 'jun@example.com', to: 'support@carebridge.localhost', subject: 'Re: Baggage allowance', inReplyTo: sent.deliveryId && `<${sent.deliveryId}@carebridge.localhost>`, text: 'Thanks!' });
    expect((await received()).at(-1)?.data).toMatchObject({ thread: { kind: 'INQUIRY', id: inquiryId }, body: 'Thanks!' });

    // A forged token threads nothing.
    const forged = String(sent.replyTo).replace(/[\w-]{4}@/, 'AAAA@');
    await customerMail().sendMail({ from: 'jun@example.com', to: forged, subject: 'Hi', text: 'Forged' });
    expect((await received()).at(-1)?.data).toMatchObject({ thread: null, body: 'Forged' });
  });

  it('drops auto-replies and loops, and takes one Message-ID once', async () => {
    const before = (await received()).length;
    await customerMail().sendMail({ from: 'away@example.com', to: 'support@carebridge.localhost', subject: 'Out of office', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await customerMail().sendMail({ from: 'away@example.com', to: 'support@carebridge.localhost', subject: 'Abwesend', text: 'Away.', headers: { 'X-Autoreply': 'yes' } });
    await customerMail().sendMail({ from: 'support@carebridge.localhost', to: 'support@carebridge.localhost', subject: 'Loop', text: 'Loop.' });
    const once = { from: 'kim@example.com', to: 'support@carebridge.localhost', subject: 'Twice', text: 'Sent twice.', messageId: '<same-message@example.com>' };
    await customerMail().sendMail(once);
    await customerMail().sendMail(once);
    expect((await received()).slice(before).map((e) => e.data.subject)).toEqual(['Twice']);
    const outcomes = await world.db.dataSource.query(`SELECT subject, outcome, drop_reason FROM inbound_message WHERE subject IN ('Out of office', 'Abwesend', 'Loop') ORDER BY subject`);
    expect(outcomes).toEqual([
      { subject: 'Abwesend', outcome: 'DROPPED_AUTO_REPLY', drop_reason: 'x-autoreply' },
      { subject: 'Loop', outcome: 'DROPPED_LOOP', drop_reason: 'from an own address' },
      { subject: 'Out of office', outcome: 'DROPPED_AUTO_REPLY', drop_reason: 'Auto-Submitted: auto-replied' },
    ]);
  });

  it('records a delivery status notification at the bounce address as the bounce of its delivery', async () => {
    const customerId = await world.knownCustomer({ email: 'nobody@example.com' });
    await world.deliver(inquiryReplied, { inquiryId: randomUUID(), messageId: randomUUID(), customerId, channel: 'EMAIL', subject: 'Hi', body: 'Hello', contactEmail: null, contactName: null, repliedAt: world.db.clock.now().toISOString() });
    await world.dispatch.dispatchDue();
    const [delivery] = await world.deliveriesOf(customerId);
    const dsn = [
      'From: Mail Delivery System <mailer-daemon@example.com>',
      `To: bounces+${delivery.id.replace(/-/g, '')}@carebridge.localhost`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; nobody@example.com',
      'Action: failed',
      'Status: 5.1.1',
      '--b--',
      '',
    ].join('\r\n');
    await customerMail().sendMail({ envelope: { from: '', to: `bounces+${delivery.id.replace(/-/g, '')}@carebridge.localhost` }, raw: dsn });
    expect((await world.deliveriesOf(customerId))[0]).toMatchObject({ status: DeliveryStatus.BOUNCED, lastError: 'DSN 5.1.1 (permanent)' });
    const failed = (await world.db.outboxEvents()).filter((e) => e.type === 'notification.failed' && e.key === delivery.id);
    expect(failed.map((e) => [e.data.status, e.data.reason])).toEqual([['BOUNCED', 'DSN 5.1.1 (permanent)']]);
  });

  it("takes mail from the provider's webhook for the integration role only", async () => {
    const rawMessage = ['From: Ola <ola@example.com>', 'To: support@carebridge.localhost', 'Subject: Webhook', 'Message-ID: <webhook-1@example.com>', '', 'Arrived by webhook.', ''].join('\r\n');
    const mutation = `mutation($input: ReceiveInboundEmailInput!) { receiveInboundEmail(input: $input) { outcome threadId customerId } }`;
    const refused = await world.run(people.agent, mutation, { input: { rawMessage } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const taken = await world.run(people.integration, mutation, { input: { rawMessage } });
    expect(taken.errors).toBeUndefined();
    expect(taken.data?.receiveInboundEmail).toEqual({ outcome: 'ACCEPTED', threadId: null, customerId: null });
    expect((await received()).at(-1)?.data).toMatchObject({ subject: 'Webhook', body: 'Arrived by webhook.' });
  });
});
