import { people, useInquiry } from '../inquiry.fixture';

describe("an inquiry's contact details: masked per role, unmasked reads on the access log (real Postgres)", () => {
  const customerId = '3e4f5a6b-0000-4000-8000-000000000001';
  const s = useInquiry({ customers: [customerId] });
  const analyst = { userId: 'analyst-al', roles: ['analyst' as const] };
  const query = `query($id: ID!) { inquiry(id: $id) { contactName contactEmail contactPhone } }`;
  const log = `{ inquiryPersonalDataAccessLog(first: 10) { edges { node { customerId accessedBy fields purpose } } } }`;

  it('logs an agent’s unmasked read under the customer, or the inquiry while none is linked; a masked read logs nothing', async () => {
    // The name the customer gave is free text: withheld from an analyst like the conversation (personal-text.ts).
    const linked = await s.receiveEmail({ customerId, contact: { name: 'Mei Tanaka', email: 'mei.tanaka@example.jp', phone: '+81 90 1234 5678' } });
    const anonymous = await s.receiveEmail({ contact: { name: 'Jo Doe', phone: '+44 20 7946 0958' } });

    const masked = await s.run(analyst, query, { id: linked.id });
    expect(masked.data?.inquiry).toEqual({ contactName: '***', contactEmail: 'm***@example.jp', contactPhone: '+*********678' });
    expect((await s.run(people.admin, log)).data?.inquiryPersonalDataAccessLog.edges).toEqual([]);

    expect((await s.run(people.agent, query, { id: linked.id })).data?.inquiry).toEqual({ contactName: 'Mei Tanaka', contactEmail: 'mei.tanaka@example.jp', contactPhone: '+819012345678' });
    await s.run(people.agent, query, { id: anonymous.id });
    const entries = (await s.run(people.admin, log)).data?.inquiryPersonalDataAccessLog.edges.map((e: any) => e.node);
    expect(entries).toEqual(
      expect.arrayContaining([
        { customerId, accessedBy: 'agent-ana', fields: ['inquiry.contactEmail', 'inquiry.contactName', 'inquiry.contactPhone'], purpose: 'READ' },
        { customerId: anonymous.id, accessedBy: 'agent-ana', fields: ['inquiry.contactName', 'inquiry.contactPhone'], purpose: 'READ' },
      ]),
    );
    expect(entries).toHaveLength(2);
    expect((await s.run(people.agent, log)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe("an inquiry's conversation: withheld from roles without need, unmasked reads on the access log (real Postgres)", () => {
  const customerId = '3e4f5a6b-0000-4000-8000-000000000002';
  const s = useInquiry({ customers: [customerId] });
  const trainer = { userId: 'trainer-tia', roles: ['trainer' as const] };
  const query = `query($id: ID!) { inquiry(id: $id) { channel messages { direction authorName body } } }`;
  const log = `{ inquiryPersonalDataAccessLog(first: 10) { edges { node { customerId accessedBy fields } } } }`;

  it('shows a trainer the shape of the conversation without its words, and logs the agent’s read', async () => {
    const inquiry = await s.receiveEmail({ customerId, message: 'My passport number is X1234567, please help.', contact: { name: 'Mei Tanaka' } });
    const masked = await s.run(trainer, query, { id: inquiry.id });
    expect(masked.errors).toBeUndefined();
    expect(masked.data?.inquiry.messages).toEqual([{ direction: 'INBOUND', authorName: '***', body: '***' }]);
    expect(JSON.stringify(masked.data)).not.toMatch(/X1234567|Mei/);
    expect((await s.run(people.admin, log)).data?.inquiryPersonalDataAccessLog.edges).toEqual([]);

    const read = await s.run(people.agent, query, { id: inquiry.id });
    expect(read.data?.inquiry.messages[0].body).toBe('My passport number is X1234567, please help.');
    expect((await s.run(people.admin, log)).data?.inquiryPersonalDataAccessLog.edges.map((e: any) => e.node)).toEqual([
      { customerId, accessedBy: 'agent-ana', fields: ['inquiry.messages'] },
    ]);
  });
});
