import { randomUUID } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { inquiryReplied } from '@carebridge/event-contracts';
import { ConfigurationError } from '@carebridge/config';
// hoodiecrow-imap: an IMAP4rev1 server in memory, written for testing IMAP clients (no types of its own).
const hoodiecrow = require('hoodiecrow-imap') as (options: object) => ImapTestServer;
import { ImapFlow } from 'imapflow';
import { useCommunication } from '../communication.fixture';
import { communicationSettings, type ImapSettings } from '../communication.settings';
import { deliveredTo, SupportMailboxPolling } from './support-mailbox-polling';

/** What the tests use of hoodiecrow's server: its net.Server and listen/close. */
interface ImapTestServer {
  server: Server;
  listen(port: number, host: string, callback: () => void): void;
  close(callback: () => void): void;
}

const mail = (headers: Record<string, string>, body: string) => `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}\r\n`;

describe('polling the support mailbox over IMAP (real IMAP server, real Postgres)', () => {
  const world = useCommunication();
  let server: ImapTestServer;
  let settings: ImapSettings;
  const received = async () => (await world.db.outboxEvents()).filter((e) => e.type === 'inbound_message.received');
  const provider = () => new ImapFlow({ host: '127.0.0.1', port: settings.port, secure: false, auth: { user: 'testuser', pass: 'testpass' }, logger: false });

  beforeAll(async () => {
    server = hoodiecrow({
      storage: {
        INBOX: {
          messages: [
            { raw: mail({ From: 'Mei <mei@example.com>', To: 'support@carebridge.localhost', Subject: 'Read already', 'Message-ID': '<read@example.com>' }, 'Old.'), flags: ['\\Seen'] },
            { raw: mail({ From: 'Mei <mei@example.com>', To: 'support@carebridge.localhost', Subject: 'Lost my passport', 'Message-ID': '<passport@example.com>' }, 'I left my passport on the plane.') },
          ],
        },
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    settings = communicationSettings({ COMMUNICATION_IMAP_URL: `imap://testuser:testpass@127.0.0.1:${(server.server.address() as AddressInfo).port}`, COMMUNICATION_IMAP_POLL_INTERVAL_MS: '5000' }).imap as ImapSettings;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('takes the unread mails once, marks them read, and threads an answer by the address it was delivered to', async () => {
    const customerId = await world.knownCustomer({ email: 'mei@example.com' });
    const polling = new SupportMailboxPolling(world.inbound, settings);
    expect(await polling.poll()).toEqual({ taken: 1 });
    expect((await received()).map((e) => e.data)).toEqual([expect.objectContaining({ customerId, thread: null, subject: 'Lost my passport', body: 'I left my passport on the plane.' })]);
    expect(await polling.poll()).toEqual({ taken: 0 });

    // The customer answers a reply by Bcc-ing the support mailbox: only Delivered-To names the reply address.
    const inquiryId = randomUUID();
    await world.deliver(inquiryReplied, { inquiryId, messageId: randomUUID(), customerId, channel: 'EMAIL', subject: 'Passport', body: 'We found it.', contactEmail: null, contactName: null, repliedAt: world.db.clock.now().toISOString() });
    await world.dispatch.dispatchDue();
    const replyTo = String(world.email.sent.at(-1)?.replyTo);
    const client = provider();
    await client.connect();
    await client.append('INBOX', mail({ 'Delivered-To': replyTo, From: 'mei@example.com', To: 'friend@example.com', Subject: 'Re: Passport', 'Message-ID': '<thanks@example.com>' }, 'Thank you!'));
    // The same mail delivered twice (a provider's retry) is recorded once.
    await client.append('INBOX', mail({ 'Delivered-To': replyTo, From: 'mei@example.com', To: 'friend@example.com', Subject: 'Re: Passport', 'Message-ID': '<thanks@example.com>' }, 'Thank you!'));
    await client.logout();
    expect(await polling.poll()).toEqual({ taken: 2 });
    expect((await received()).slice(1).map((e) => e.data)).toEqual([expect.objectContaining({ thread: { kind: 'INQUIRY', id: inquiryId }, body: 'Thank you!' })]);

    const check = provider();
    await check.connect();
    await check.mailboxOpen('INBOX');
    expect(await check.search({ seen: false })).toEqual([]);
    await check.logout();
  });

  it('reads the delivery headers, and validates the IMAP settings (off by default)', () => {
    expect(deliveredTo(Buffer.from('Delivered-To: support+v1.x@carebridge.localhost\r\nX-Original-To: <support@carebridge.localhost>\r\n'))).toEqual(['support+v1.x@carebridge.localhost', 'support@carebridge.localhost']);
    expect(deliveredTo(undefined)).toEqual([]);
    expect(communicationSettings({}).imap).toBeNull();
    expect(communicationSettings({ COMMUNICATION_IMAP_URL: 'imaps://support%40example.com:s%3Acret@imap.example.com', COMMUNICATION_IMAP_MAILBOX: 'Support' }).imap).toEqual({
      host: 'imap.example.com',
      port: 993,
      secure: true,
      user: 'support@example.com',
      password: 's:cret',
      mailbox: 'Support',
      pollIntervalMs: 60_000,
    });
    expect(() => communicationSettings({ COMMUNICATION_IMAP_URL: 'imap://imap.example.com' })).toThrow(/COMMUNICATION_IMAP_URL: must name the mailbox user and password/);
    expect(() => communicationSettings({ COMMUNICATION_IMAP_URL: 'pop3://u:p@mail.example.com' })).toThrow(ConfigurationError);
    expect(() => communicationSettings({ COMMUNICATION_IMAP_URL: 'imap://u:p@mail.example.com', COMMUNICATION_IMAP_POLL_INTERVAL_MS: '0' })).toThrow(/COMMUNICATION_IMAP_POLL_INTERVAL_MS/);
  });
});
