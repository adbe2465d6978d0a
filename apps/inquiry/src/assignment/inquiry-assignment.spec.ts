import { at, people, useInquiry } from '../inquiry.fixture';

describe('Assigning inquiries to agents (real Postgres)', () => {
  const customerId = '5b7e3c1a-2f4d-4e6a-8b9c-0d1e2f3a4b5c';
  const { agent, admin } = people;
  const s = useInquiry({ customers: [customerId] });

  describe('assignment', () => {
    it('assigns round robin among available agents within their capacity, and an agent switching on takes waiting inquiries', async () => {
      await s.db.dataSource.query(`UPDATE inquiry SET status = 'CLOSED', next_due_at = NULL WHERE status IN ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')`);
      await s.agents.setAvailability({ available: true, agentId: 'agent-a', capacity: 1 }, admin);
      await s.agents.setAvailability({ available: true, agentId: 'agent-b', capacity: 2 }, admin);
      const first = await s.receiveEmail();
      s.db.clock.set(at(1));
      const second = await s.receiveEmail();
      s.db.clock.set(at(2));
      const third = await s.receiveEmail();
      s.db.clock.set(at(3));
      const fourth = await s.receiveEmail();
      expect([first, second, third, fourth].map((i) => i.assigneeId)).toEqual(['agent-a', 'agent-b', 'agent-b', null]);
      expect(await s.agents.openInquiries('agent-b')).toBe(2);
      s.db.clock.set(at(4));
      await s.agents.setAvailability({ available: true, agentId: 'agent-c' }, admin);
      expect((await s.inquiries.findById(fourth.id))?.assigneeId).toBe('agent-c');
      await s.agents.setAvailability({ available: false, agentId: 'agent-c' }, admin);
      await s.agents.setAvailability({ available: false }, { ...agent, userId: 'agent-b' });
      await expect(s.handling.assign({ inquiryId: fourth.id }, agent)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      const manual = await s.handling.assign({ inquiryId: fourth.id, agentId: 'agent-b' }, agent);
      expect(manual.assigneeId).toBe('agent-b');
      await expect(s.handling.assign({ inquiryId: fourth.id, agentId: 'nobody' }, agent)).rejects.toMatchObject({ extensions: { field: 'input.agentId' } });
      await expect(s.agents.setAvailability({ available: true, agentId: 'agent-a' }, agent)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      await s.db.dataSource.query('UPDATE inquiry_agent SET available = false');
    });
  });
});
