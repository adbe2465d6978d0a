import { randomUUID } from 'node:crypto';
import { inboundMessageReceived } from '@carebridge/event-contracts';
import { at, useInquiry } from '../inquiry.fixture';
import { Inquiry, InquiryMessage } from './inquiry.entity';
import { InquiryStatus } from './inquiry.enums';

describe("mail that reached the support address (communication's inbound_message.received)", () => {
  const customerId = randomUUID();
  const world = useInquiry({ customers: [customerId] });
  const mail = (overrides: Partial<Parameters<typeof world.deliver<typeof inboundMessageReceived>>[1]> = {}) => ({
    messageId: randomUUID(),
    channel: 'EMAIL' as const,
    receivedAt: at(0).toISOString(),
    customerId,
    from: { address: 'mei.tanaka@example.jp', name: 'Mei Tanaka' },
    thread: null,
    subject: 'Lost my passport',
    body: 'I left my passport on the plane.',
    attachments: [],
    ...overrides,
  });
  const messagesOf = (inquiryId: string) => world.db.dataSource.getRepository(InquiryMessage).find({ where: { inquiryId }, order: { sentAt: 'ASC', sequence: 'ASC' } });

  it('opens an inquiry on the EMAIL channel for the matched customer, once however often the event comes', async () => {
    const event = mail({ attachments: [{ attachmentId: randomUUID(), fileName: 'photo.jpg', contentType: 'image/jpeg', size: 1024 }] });
    const id = randomUUID();
    await world.deliver(inboundMessageReceived, event, id);
    await world.deliver(inboundMessageReceived, event, id);
    const opened = await world.db.dataSource.getRepository(Inquiry).findBy({ subject: 'Lost my passport' });
    expect(opened).toEqual([expect.objectContaining({ channel: 'EMAIL', customerId, contactEmail: 'mei.tanaka@example.jp', contactName: 'Mei Tanaka', status: InquiryStatus.NEW, recordedBy: 'communication' })]);
    expect((await messagesOf(opened[0].id)).map((m) => [m.direction, m.body])).toEqual([['INBOUND', 'I left my passport on the plane.\n\n[Attachments: photo.jpg (image/jpeg, 1024 bytes)]']]);
  });

  it("adds the customer's answer to the inquiry it threads onto; an answer to a closed one opens a new inquiry", async () => {
    const inquiry = await world.receiveEmail({ customerId });
    await world.reply(inquiry.id);
    await world.deliver(inboundMessageReceived, mail({ thread: { kind: 'INQUIRY', id: inquiry.id }, subject: 'Re: Bag allowance to Tokyo', body: 'And for my child?' }));
    expect((await messagesOf(inquiry.id)).map((m) => m.direction)).toEqual(['INBOUND', 'OUTBOUND', 'INBOUND']);
    expect(await world.db.dataSource.getRepository(Inquiry).findOneByOrFail({ id: inquiry.id })).toMatchObject({ status: InquiryStatus.OPEN });

    await world.db.dataSource.getRepository(Inquiry).update({ id: inquiry.id }, { status: InquiryStatus.CLOSED });
    await world.deliver(inboundMessageReceived, mail({ thread: { kind: 'INQUIRY', id: inquiry.id }, subject: 'Re: Bag allowance to Tokyo', body: 'One more thing.' }));
    expect(await messagesOf(inquiry.id)).toHaveLength(3);
    expect(await world.db.dataSource.getRepository(Inquiry).countBy({ subject: 'Re: Bag allowance to Tokyo' })).toBe(1);
  });

  it('leaves answers about a complaint to the complaint service', async () => {
    const before = await world.db.dataSource.getRepository(Inquiry).count();
    await world.deliver(inboundMessageReceived, mail({ thread: { kind: 'COMPLAINT', id: randomUUID() } }));
    expect(await world.db.dataSource.getRepository(Inquiry).count()).toBe(before);
  });
});
