import { InquiryChannel } from '../channel/channel.enums';
import { at, people, useInquiry } from '../inquiry.fixture';

describe('Receiving inquiries on every channel (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('written channels: first reply within 5 minutes (A-3.1.1)', () => {
    it('records the inquiry with its conversation and due time, and a reply in time meets the target', async () => {
      const inquiry = await s.receiveEmail();
      expect(inquiry).toMatchObject({ status: 'NEW', contactEmail: 'mei.tanaka@example.jp', receivedAt: at(0), firstResponseDueAt: at(300), nextDueAt: at(300) });
      s.db.clock.set(at(240));
      const answered = await s.reply(inquiry.id);
      expect(answered).toMatchObject({ status: 'WAITING_ON_CUSTOMER', firstRespondedAt: at(240), firstRespondedBy: 'agent-ana', nextDueAt: null });
      const messages = await s.inquiries.messages(inquiry.id);
      expect(messages.map((m) => [m.direction, m.authorId, m.authorName])).toEqual([
        ['INBOUND', null, 'Mei Tanaka'],
        ['OUTBOUND', 'agent-ana', 'Ana Agent'],
      ]);
      const all = await s.eventsOf(inquiry.id);
      expect(all.map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.replied', 'inquiry.first_responded']);
      // Only inquiry.replied carries the contact: the communication service sends the reply with it.
      expect(all[1].data).toMatchObject({ contactEmail: 'mei.tanaka@example.jp', contactName: 'Mei Tanaka', body: 'You may check in two bags of 23 kg.' });
      const events = all.filter((e) => e.type !== 'inquiry.replied');
      expect(events[0].data).toMatchObject({ channel: 'EMAIL', firstResponseDueAt: at(300).toISOString(), customerId: null });
      expect(events[1].data).toMatchObject({ firstResponseSeconds: 240, withinTarget: true });
      expect(JSON.stringify(events)).not.toContain('Tanaka');
    });

    it('a late first reply records the breach once, and the monitor does not emit it again', async () => {
      const inquiry = await s.receiveEmail({ channel: InquiryChannel.CHAT });
      s.db.clock.set(at(301));
      await s.reply(inquiry.id);
      s.db.clock.set(at(900));
      expect((await s.deadlines.run(s.db.clock.now())).breached).toBe(0);
      const events = (await s.eventsOf(inquiry.id)).filter((e) => e.type !== 'inquiry.replied');
      expect(events.map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.sla_breached', 'inquiry.first_responded']);
      expect(events[1].data).toMatchObject({ target: 'FIRST_RESPONSE', dueAt: at(300).toISOString(), channel: 'CHAT' });
      expect(events[2].data).toMatchObject({ withinTarget: false, firstResponseSeconds: 301 });
    });

    it('the monitor records an unanswered inquiry past its due time exactly once', async () => {
      const inquiry = await s.receiveEmail({ channel: InquiryChannel.WEB_FORM });
      s.db.clock.set(at(299));
      await s.deadlines.run(s.db.clock.now());
      // In the last quarter of its time (INQUIRY_AT_RISK_PERCENT) it is at risk, not yet breached.
      expect((await s.eventsOf(inquiry.id)).map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.sla_at_risk']);
      s.db.clock.set(at(301));
      await s.deadlines.run(s.db.clock.now());
      await s.deadlines.run(s.db.clock.now());
      await Promise.all([s.deadlines.run(s.db.clock.now()), s.deadlines.run(s.db.clock.now())]);
      s.db.clock.set(at(400));
      await s.reply(inquiry.id);
      expect((await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.sla_breached')).toHaveLength(1);
      expect((await s.inquiries.history(inquiry.id)).filter((h) => h.kind === 'SLA_BREACHED')).toHaveLength(1);
    });

    it('warns once that the running target is at risk, and not of a target already met', async () => {
      const inquiry = await s.receiveEmail();
      s.db.clock.set(at(200));
      await s.deadlines.run(s.db.clock.now());
      expect((await s.eventsOf(inquiry.id)).map((e) => e.type)).toEqual(['inquiry.received']);
      s.db.clock.set(at(230));
      await Promise.all([s.deadlines.run(s.db.clock.now()), s.deadlines.run(s.db.clock.now())]);
      await s.deadlines.run(s.db.clock.now());
      const warnings = (await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.sla_at_risk');
      expect(warnings).toHaveLength(1);
      expect(warnings[0].data).toMatchObject({ inquiryId: inquiry.id, target: 'FIRST_RESPONSE', dueAt: at(300).toISOString(), detectedAt: at(230).toISOString(), channel: 'EMAIL' });
      const answered = await s.receiveEmail(); // at 230 s: due at 530 s, at risk from 455 s
      s.db.clock.set(at(480));
      await s.reply(answered.id);
      await s.deadlines.run(s.db.clock.now());
      expect((await s.eventsOf(answered.id)).filter((e) => e.type === 'inquiry.sla_at_risk')).toEqual([]);
    });

    it('a later reply is due from the customer’s message: time waiting on the customer does not count', async () => {
      const inquiry = await s.receiveEmail();
      await s.reply(inquiry.id);
      // The customer takes three hours to answer; the reply target runs from their message.
      s.db.clock.set(at(3 * 3600));
      const open = await s.intake.recordCustomerMessage({ inquiryId: inquiry.id, body: 'And a folding bike?' } as any);
      expect(open).toMatchObject({ status: 'OPEN', replyDueAt: at(3 * 3600 + 3600), nextDueAt: at(3 * 3600 + 3600) });
      s.db.clock.set(at(3 * 3600 + 3599));
      await s.deadlines.run(s.db.clock.now());
      s.db.clock.set(at(3 * 3600 + 3601));
      await s.deadlines.run(s.db.clock.now());
      await s.deadlines.run(s.db.clock.now());
      const breaches = (await s.eventsOf(inquiry.id)).filter((e) => e.type === 'inquiry.sla_breached');
      expect(breaches.map((e) => e.data.target)).toEqual(['REPLY']);
      const answered = await s.reply(inquiry.id, 'A folded bike counts as one bag.');
      expect(answered).toMatchObject({ status: 'WAITING_ON_CUSTOMER', replyDueAt: null });
    });
  });

  describe('calls: answered within three rings of 6 s (A-3.1.1)', () => {
    it('a call answered after 12 s took two rings and met the target', async () => {
      const inquiry = await s.receiveCall(customerId, at(-12), at(0));
      expect(inquiry).toMatchObject({ status: 'OPEN', receivedAt: at(-12), firstResponseDueAt: at(6), firstRespondedAt: at(0), customerId });
      const events = await s.eventsOf(inquiry.id);
      expect(events.map((e) => e.type)).toEqual(['inquiry.received', 'inquiry.first_responded']);
      expect(events[1].data).toMatchObject({ firstResponseSeconds: 12, withinTarget: true, customerId });
    });

    it('a call answered after the fourth ring breached the target, emitted once', async () => {
      const inquiry = await s.receiveCall(customerId, at(-30));
      s.db.clock.set(at(-5));
      const answered = await s.intake.answerCall({ inquiryId: inquiry.id, answeredAt: at(-6) }, agent);
      expect(answered.firstRespondedAt).toEqual(at(-6));
      await s.deadlines.run(s.db.clock.now());
      const types = (await s.eventsOf(inquiry.id)).map((e) => e.type);
      expect(types).toEqual(['inquiry.received', 'inquiry.sla_breached', 'inquiry.first_responded']);
      await expect(s.intake.answerCall({ inquiryId: inquiry.id }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    });

    it('refuses a call without ring time, an answer before the ring and times in the future, writing nothing', async () => {
      const before = await s.counts();
      const bad = [
        [{ channel: 'PHONE', category: 'OTHER', subject: 'x', customerId }, 'input.call'],
        [{ channel: 'PHONE', category: 'OTHER', subject: 'x', customerId, call: { ringStartedAt: at(0), answeredAt: at(-1) } }, 'input.call.answeredAt'],
        [{ channel: 'PHONE', category: 'OTHER', subject: 'x', customerId, call: { ringStartedAt: at(3600) } }, 'input.call.ringStartedAt'],
        [{ channel: 'EMAIL', category: 'OTHER', subject: 'x', customerId }, 'input.message'],
        [{ channel: 'CHAT', category: 'OTHER', subject: 'x', message: 'hi' }, 'input.contact'],
      ] as const;
      for (const [input, field] of bad) {
        await expect(s.intake.receive(input as any, agent)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      }
      expect(await s.counts()).toEqual(before);
    });
  });
});
