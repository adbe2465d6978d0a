import { customerServiceTermsChanged, type EventData } from '@carebridge/event-contracts';
import { randomUUID } from 'node:crypto';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { CompensationItem } from '../resolution/compensation-item.entity';
import { ApprovalState, CompensationKind } from '../resolution/compensation.enums';
import { ComplaintStatus } from '../status/status.enums';

describe("key accounts' agreed compensation rules on approvals (real Postgres)", () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
    world.db.clock.set('2026-11-02T09:00:00.000Z');
  });
  afterAll(() => world.close());

  type Rule = NonNullable<EventData<typeof customerServiceTermsChanged>['terms']>['compensationRules'][number];
  const rule = (overrides: Partial<Rule>): Rule => ({ category: null, kind: 'REFUND', maxAmount: null, currency: null, maxQuantity: null, preApproved: true, ...overrides });
  const refund = (amount: string, currency = 'EUR') => ({ kind: CompensationKind.REFUND, amount, currency, reason: 'Bag delayed two days.' });

  it("approves what the member's key account agreed in advance, and leaves the rest to a supervisor", async () => {
    const member = await world.learnCustomer();
    await world.deliver(customerServiceTermsChanged, {
      customerId: member,
      keyAccountId: randomUUID(),
      terms: {
        responseTargetMinutes: 120,
        dedicatedContact: null,
        compensationRules: [rule({ category: 'BAGGAGE', maxAmount: '500.00', currency: 'EUR' }), rule({ kind: 'MILES', maxQuantity: 10000, preApproved: false })],
        validUntil: null,
      },
      changedAt: '2026-11-01T00:00:00.000Z',
    });
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, member);
    await world.resolutionPlanning.planResolution(
      {
        complaintId: complaint.id,
        explanation: 'We are sorry for the delay.',
        compensation: [refund('450.00'), refund('600.00'), refund('100.00', 'USD'), { kind: CompensationKind.MILES, quantity: 5000, reason: 'Goodwill.' }],
      },
      people.specialist,
    );
    const items = await world.db.dataSource.getRepository(CompensationItem).find({ where: { complaintId: complaint.id }, order: { position: 'ASC' } });
    expect(items.map((item) => [item.amount ?? item.quantity, item.approval])).toEqual([
      ['450.00', ApprovalState.APPROVED],
      // Above the agreed maximum, in another currency, or under a rule that is not pre-approved: the usual approval.
      ['600.00', ApprovalState.PENDING],
      ['100.00', ApprovalState.PENDING],
      [5000, ApprovalState.PENDING],
    ]);
    expect(items[0]).toMatchObject({ decidedBy: null, decisionNote: "Pre-approved by the key account's agreed terms: REFUND up to 500.00 EUR for BAGGAGE" });
    await expect(world.compensationApproval.decide({ itemId: items[0].id, approve: false, note: 'no' }, people.supervisor)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('applies no rule to a customer without key-account terms', async () => {
    const customer = await world.learnCustomer();
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customer);
    await world.resolutionPlanning.planResolution({ complaintId: complaint.id, explanation: 'Sorry.', compensation: [refund('450.00')] }, people.specialist);
    const [item] = await world.db.dataSource.getRepository(CompensationItem).findBy({ complaintId: complaint.id });
    expect(item.approval).toBe(ApprovalState.PENDING);
  });
});
