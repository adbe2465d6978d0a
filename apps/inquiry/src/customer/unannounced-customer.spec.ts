import { randomUUID } from 'node:crypto';
import { customerCreated, customerMerged } from '@carebridge/event-contracts';
import { useInquiry } from '../inquiry.fixture';

describe('inquiries for a customer crm has not announced here yet (real Postgres)', () => {
  // The wait is a setting: ten minutes here instead of the default hour.
  const s = useInquiry({ env: { CUSTOMER_REFERENCE_WAIT_MINUTES: '10' } });
  const announce = (customerId: string) => s.deliver(customerCreated, { customerId, tier: 'STANDARD', preferredLanguage: 'en', createdAt: s.db.clock.now().toISOString() });
  const awaited = async () => (await s.customers.awaited()).map((r) => ({ kind: r.recordKind, id: r.recordId, customerId: r.customerId, flagged: Boolean(r.flaggedAt) }));
  const check = () => s.customers.jobs().filter((job) => job.name === 'customer-reference-check')[0].run(s.db.clock.now());
  beforeEach(() => s.db.dataSource.query('DELETE FROM pending_customer_reference'));

  it('receives the inquiry at once under the customer and settles it when customer.created arrives', async () => {
    const customerId = randomUUID();
    const inquiry = await s.receiveEmail({ customerId });
    expect(inquiry.customerId).toBe(customerId);
    expect(await awaited()).toEqual([{ kind: 'inquiry', id: inquiry.id, customerId, flagged: false }]);
    await announce(customerId);
    expect(await awaited()).toEqual([]);
    s.db.clock.advance(60 * 60_000);
    expect(await check()).toBe(0);
    expect((await s.inquiries.findById(inquiry.id))?.priority).toBe('NORMAL');
  });

  it('raises the inquiry to URGENT once the configured wait is over without the customer, with the reason in its history', async () => {
    const customerId = randomUUID();
    const inquiry = await s.receiveEmail({ customerId });
    s.db.clock.advance(9 * 60_000);
    expect(await check()).toBe(0);
    s.db.clock.advance(60_000);
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);
    expect((await s.inquiries.findById(inquiry.id))?.priority).toBe('URGENT');
    const history = await s.inquiries.history(inquiry.id);
    expect(history.map((entry) => [entry.kind, entry.detail])).toContainEqual(['PRIORITY_CHANGED', `Raised to URGENT: crm has not announced customer ${customerId} within 10 minutes`]);
    expect(await awaited()).toEqual([{ kind: 'inquiry', id: inquiry.id, customerId, flagged: true }]);
  });

  it('settles a reference when the id turns out to be a merged profile, and the inquiry follows the survivor', async () => {
    const [survivor, merged] = [randomUUID(), randomUUID()];
    const inquiry = await s.receiveEmail({ customerId: merged });
    await s.deliver(customerMerged, { survivorId: survivor, mergedId: merged, mergedBy: 'crm-1', mergedAt: s.db.clock.now().toISOString() });
    expect(await awaited()).toEqual([]);
    expect((await s.inquiries.findById(inquiry.id))?.customerId).toBe(survivor);
  });
});
