import { randomUUID } from 'node:crypto';
import { inquiryReplied } from '@carebridge/event-contracts';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { people, useCommunication } from '../communication.fixture';

describe('messages sent to a customer: each staff read on the access log (real Postgres)', () => {
  const world = useCommunication();

  it('logs who read a message’s subject and text, under the customer, never the words', async () => {
    const customerId = await world.knownCustomer();
    await world.deliver(inquiryReplied, {
      inquiryId: randomUUID(),
      messageId: randomUUID(),
      customerId,
      channel: 'EMAIL',
      subject: 'Seat on my flight',
      body: 'We have reserved seat 14C for you.',
      contactEmail: null,
      contactName: null,
      repliedAt: world.db.clock.now().toISOString(),
    });
    const seen = await world.run(people.agent, `query($id: ID!) { deliveries(customerId: $id) { subject body } }`, { id: customerId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.deliveries[0].body).toContain('14C');
    const rows = await world.db.dataSource.getRepository(PersonalDataAccess).findBy({ customerId });
    expect(rows.map((row) => [row.accessedBy, row.fields, row.purpose])).toEqual([['agent-ana', ['delivery.body', 'delivery.subject'], 'READ']]);
    expect(JSON.stringify(rows)).not.toContain('14C');
  });
});
