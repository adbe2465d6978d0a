import { customerServiceTermsChanged } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { type ComplaintWorld, openComplaint } from '../complaint.fixture';
import { Urgency } from '../urgency/urgency.enums';

describe('key-account service terms on members’ complaint deadlines (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  const terms = (customerId: string, minutes: number | null, changedAt: string, validUntil: string | null = null) => ({
    customerId,
    keyAccountId: minutes ? randomUUID() : null,
    terms: minutes ? { responseTargetMinutes: minutes, dedicatedContact: null, compensationRules: [], validUntil } : null,
    changedAt,
  });

  it('makes a member’s feedback due by the agreed response time when it is shorter, only while the terms apply', async () => {
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const member = await world.learnCustomer();
    await world.deliver(customerServiceTermsChanged, terms(member, 120, '2026-11-01T00:00:00.000Z'));
    // An older statement that arrives late changes nothing.
    await world.deliver(customerServiceTermsChanged, terms(member, null, '2026-10-01T00:00:00.000Z'));
    const complaint = await world.register(member, { urgency: Urgency.MEDIUM });
    expect(complaint.feedbackDueAt).toEqual(new Date('2026-11-02T11:00:00.000Z'));

    // Longer than the urgency's target: the urgency's (24 h) stays.
    const slow = await world.learnCustomer();
    await world.deliver(customerServiceTermsChanged, terms(slow, 48 * 60, '2026-11-01T00:00:00.000Z'));
    expect((await world.register(slow)).feedbackDueAt).toEqual(new Date('2026-11-03T09:00:00.000Z'));

    // Lapsed terms, or a customer who left the account, get the usual deadline.
    const lapsed = await world.learnCustomer();
    await world.deliver(customerServiceTermsChanged, terms(lapsed, 60, '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'));
    expect((await world.register(lapsed)).feedbackDueAt).toEqual(new Date('2026-11-03T09:00:00.000Z'));
    await world.deliver(customerServiceTermsChanged, terms(member, null, '2026-11-02T08:00:00.000Z'));
    expect((await world.register(member)).feedbackDueAt).toEqual(new Date('2026-11-03T09:00:00.000Z'));
  });
});
