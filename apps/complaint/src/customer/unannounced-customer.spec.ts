import { randomUUID } from 'node:crypto';
import { customerCreated, customerErased } from '@carebridge/event-contracts';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { Complaint } from '../complaint/complaint.entity';

describe('complaints for a customer crm has not announced here yet (real Postgres)', () => {
  let world: ComplaintWorld;
  const announce = (customerId: string) => world.deliver(customerCreated, { customerId, tier: 'STANDARD', preferredLanguage: 'en', createdAt: world.db.clock.now().toISOString() });
  const awaited = async () => (await world.customers.awaited()).map((r) => ({ kind: r.recordKind, id: r.recordId, customerId: r.customerId, flagged: Boolean(r.flaggedAt) }));
  const check = () => world.customers.jobs().filter((job) => job.name === 'customer-reference-check')[0].run(world.db.clock.now());
  const complaint = (id: string) => world.db.dataSource.getRepository(Complaint).findOneByOrFail({ id });

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());
  beforeEach(() => world.db.dataSource.query('DELETE FROM pending_customer_reference'));

  it('registers the complaint at once and settles it when customer.created arrives', async () => {
    const customerId = randomUUID();
    const registered = await world.register(customerId);
    expect(registered).toMatchObject({ customerId, status: 'REGISTERED' });
    expect(await awaited()).toEqual([{ kind: 'complaint', id: registered.id, customerId, flagged: false }]);

    await announce(customerId);
    expect(await awaited()).toEqual([]);
    world.db.clock.advance(24 * 60 * 60_000);
    expect(await check()).toBe(0);
    expect((await complaint(registered.id)).escalatedToRole).toBeNull();
  });

  it('escalates the complaint to a supervisor once the wait is over without the customer, once, and not before', async () => {
    const customerId = randomUUID();
    const registered = await world.register(customerId);
    world.db.clock.advance(59 * 60_000);
    expect(await check()).toBe(0);
    world.db.clock.advance(60_000);
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);

    const flagged = await complaint(registered.id);
    expect(flagged).toMatchObject({ customerId, escalatedToRole: 'supervisor' });
    const last = (await world.history.forComplaint(registered.id, {})).edges.at(-1)?.node;
    expect(last).toMatchObject({ action: 'ESCALATED', actorId: 'system', reason: 'crm has not announced the customer within 60 minutes' });
    expect(await awaited()).toEqual([{ kind: 'complaint', id: registered.id, customerId, flagged: true }]);

    // Late after all: the reference is settled, the complaint stays with the supervisor who was asked.
    await announce(customerId);
    expect(await awaited()).toEqual([]);
  });

  it('still refuses an erased customer', async () => {
    const erased = await world.learnCustomer();
    await world.deliver(customerErased, { customerId: erased, erasedAt: '2026-11-01T00:00:00.000Z' });
    await expect(world.register(erased)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
    expect(await awaited()).toEqual([]);
  });
});
