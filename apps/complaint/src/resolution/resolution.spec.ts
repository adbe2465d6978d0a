import { BadUserInputError, ConflictError, ForbiddenError } from '@carebridge/domain';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';
import { CompensationItem } from './compensation-item.entity';

const specialist = people.specialist;
const supervisor = people.supervisor;

describe('resolution plans, compensation and approvals (real Postgres)', () => {
  let world: ComplaintWorld;
  let customerId: string;

  beforeAll(async () => {
    world = await openComplaint({ COMPLAINT_APPROVAL_THRESHOLD: '200.00', COMPLAINT_APPROVAL_CURRENCY: 'EUR', COMPLAINT_EXCHANGE_RATES: 'USD=0.90' });
    customerId = await world.learnCustomer();
  });
  afterAll(() => world.close());

  const plan = (complaintId: string, compensation: any[]) =>
    world.resolutionPlanning.planResolution({ complaintId, explanation: 'We are sorry: the flight was cancelled at short notice.', compensation }, specialist);
  const itemsOf = (complaintId: string) => world.compensation.compensationOf(complaintId);

  it('needs no approval up to the threshold, and a supervisor above it', async () => {
    const complaint = await world.complaintIn(ComplaintStatus.FEEDBACK_GIVEN, customerId);
    await plan(complaint.id, [
      { kind: 'VOUCHER', amount: '50', currency: 'EUR', reason: 'Meal on the next trip' },
      { kind: 'LOYALTY_POINTS', quantity: 10000, reason: 'Goodwill' },
      { kind: 'REFUND', amount: '250.00', currency: 'EUR', reason: 'Unused hotel night' },
    ]);
    const items = await itemsOf(complaint.id);
    expect(items.map((i) => [i.kind, i.amount, i.assessedValue, i.approval])).toEqual([
      ['VOUCHER', '50.00', '50.00', 'NOT_REQUIRED'],
      ['LOYALTY_POINTS', null, '100.00', 'NOT_REQUIRED'],
      ['REFUND', '250.00', '250.00', 'PENDING'],
    ]);
    await expect(world.resolution.resolve({ complaintId: complaint.id }, specialist)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', pendingItems: [items[2].id] },
    });
    // Not by a specialist, not by who proposed it.
    await expect(world.compensationApproval.decide({ itemId: items[2].id, approve: true }, specialist)).rejects.toThrow(ForbiddenError);
    await expect(world.compensationApproval.decide({ itemId: items[2].id, approve: true }, { ...specialist, roles: ['supervisor'] })).rejects.toThrow(ForbiddenError);
    const approved = await world.compensationApproval.decide({ itemId: items[2].id, approve: true, note: 'Hotel invoice checked' }, supervisor);
    expect(approved).toMatchObject({ approval: 'APPROVED', decidedBy: 'sup-sue', decidedByName: 'Sue Supervisor', decisionNote: 'Hotel invoice checked' });
    await expect(world.compensationApproval.decide({ itemId: items[2].id, approve: false, note: 'changed my mind' }, supervisor)).rejects.toThrow(ConflictError);

    const resolved = await world.resolution.resolve({ complaintId: complaint.id }, specialist);
    expect(resolved.status).toBe('RESOLVED');
    const event = (await world.db.outboxEvents()).find((e) => e.type === 'complaint.resolved' && e.key === complaint.id);
    expect(event?.data.compensation.map((c: any) => [c.kind, c.amount, c.currency, c.quantity])).toEqual([
      ['VOUCHER', '50.00', 'EUR', null],
      ['LOYALTY_POINTS', null, null, 10000],
      ['REFUND', '250.00', 'EUR', null],
    ]);
    expect(event?.data.compensation[2].itemId).toBe(items[2].id);
    // The customer's timeline names what was granted, without the reasons.
    const entry = (await world.db.outboxEvents()).find((e) => e.type === 'complaint.customer_timeline_entry' && e.data.entryId === event?.headers.ce_id);
    expect(entry?.data.summary).toBe(`Complaint ${complaint.registrationNumber} resolved; compensation: VOUCHER 50.00 EUR, LOYALTY_POINTS 10000, REFUND 250.00 EUR`);
    const history = (await world.history.forComplaint(complaint.id, {})).edges.map((e) => e.node);
    expect(history.find((h) => h.action === 'COMPENSATION_APPROVED')).toMatchObject({ actorId: 'sup-sue', reason: 'Hotel invoice checked' });
  });

  it('asks for approval when small items add up over the threshold, or an amount cannot be valued', async () => {
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    await plan(complaint.id, [
      { kind: 'REFUND', amount: '150.00', currency: 'EUR', reason: 'Part one' },
      { kind: 'REFUND', amount: '150.00', currency: 'EUR', reason: 'Part two' },
      { kind: 'VOUCHER', amount: '100.00', currency: 'USD', reason: 'Dollar voucher' },
      { kind: 'SERVICE_GESTURE', description: 'Lounge access', reason: 'Next flight' },
      { kind: 'REFUND', amount: '10.00', currency: 'JPY', reason: 'No rate for yen' },
    ]);
    const items = await itemsOf(complaint.id);
    expect(items.map((i) => [i.reason, i.assessedValue, i.approval])).toEqual([
      ['Part one', '150.00', 'NOT_REQUIRED'],
      ['Part two', '150.00', 'PENDING'],
      ['Dollar voucher', '90.00', 'PENDING'],
      ['Next flight', '0.00', 'PENDING'],
      ['No rate for yen', null, 'PENDING'],
    ]);
  });

  it('grants what was approved, leaves out what was rejected, and never grants an item twice across a reopening', async () => {
    const complaint = await world.complaintIn(ComplaintStatus.FEEDBACK_GIVEN, customerId);
    await plan(complaint.id, [
      { kind: 'MILES', quantity: 2000, reason: 'Delay' },
      { kind: 'REFUND', amount: '900.00', currency: 'EUR', reason: 'Whole ticket' },
    ]);
    const [, big] = await itemsOf(complaint.id);
    await expect(world.compensationApproval.decide({ itemId: big.id, approve: false }, supervisor)).rejects.toMatchObject({ extensions: { field: 'input.note' } });
    await world.compensationApproval.decide({ itemId: big.id, approve: false, note: 'The flight operated; only the delay counts' }, supervisor);
    await world.resolution.resolve({ complaintId: complaint.id }, specialist);
    world.db.clock.advance(3_600_000);
    await world.reopening.reopen({ complaintId: complaint.id, reason: 'Customer disagrees' }, specialist);
    await world.work.startWork({ complaintId: complaint.id }, specialist);
    await plan(complaint.id, [{ kind: 'VOUCHER', amount: '40.00', currency: 'EUR', reason: 'Second look' }]);
    await world.feedback.giveFeedback({ complaintId: complaint.id, channel: 'EMAIL' as any, actionsTaken: 'Reviewed.', nextSteps: 'Voucher.' }, specialist);
    await world.resolution.resolve({ complaintId: complaint.id }, specialist);
    const resolvedEvents = (await world.db.outboxEvents()).filter((e) => e.type === 'complaint.resolved' && e.key === complaint.id);
    expect(resolvedEvents.map((e) => e.data.compensation.map((c: any) => c.kind))).toEqual([['MILES'], ['VOUCHER']]);
    const items = await itemsOf(complaint.id);
    expect(items.map((i) => [i.kind, i.approval, i.grantedAt !== null])).toEqual([
      ['MILES', 'NOT_REQUIRED', true],
      ['REFUND', 'REJECTED', false],
      ['VOUCHER', 'NOT_REQUIRED', true],
    ]);
  });

  it('withdraws the items of a replaced plan, keeping them on file', async () => {
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    await plan(complaint.id, [{ kind: 'REFUND', amount: '500.00', currency: 'EUR', reason: 'First idea' }]);
    await plan(complaint.id, [{ kind: 'VOUCHER', amount: '80.00', currency: 'EUR', reason: 'Agreed with the customer' }]);
    const items = await itemsOf(complaint.id);
    expect(items.map((i) => [i.reason, i.withdrawnAt !== null])).toEqual([
      ['First idea', true],
      ['Agreed with the customer', false],
    ]);
    await expect(world.compensationApproval.decide({ itemId: items[0].id, approve: true }, supervisor)).rejects.toThrow(ConflictError);
  });

  it('refuses bad compensation with errors naming the field, writing nothing', async () => {
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    const before = await world.db.dataSource.getRepository(CompensationItem).count();
    const outboxBefore = (await world.db.outboxEvents()).length;
    const cases: [any, string][] = [
      [{ kind: 'REFUND', amount: '0.00', currency: 'EUR', reason: 'x' }, 'input.compensation.0.amount'],
      [{ kind: 'REFUND', currency: 'EUR', reason: 'x' }, 'input.compensation.0.amount'],
      [{ kind: 'REFUND', amount: '10.00', currency: 'EUX', reason: 'x' }, 'input.compensation.0.currency'],
      [{ kind: 'MILES', reason: 'x' }, 'input.compensation.0.quantity'],
      [{ kind: 'MILES', quantity: 100, amount: '10.00', currency: 'EUR', reason: 'x' }, 'input.compensation.0.amount'],
      [{ kind: 'VOUCHER', amount: '10.00', currency: 'EUR', quantity: 3, reason: 'x' }, 'input.compensation.0.quantity'],
      [{ kind: 'SERVICE_GESTURE', reason: 'x' }, 'input.compensation.0.description'],
    ];
    for (const [item, field] of cases) {
      const error = await plan(complaint.id, [item]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).extensions.field).toBe(field);
    }
    expect(await world.db.dataSource.getRepository(CompensationItem).count()).toBe(before);
    expect((await world.db.outboxEvents()).length).toBe(outboxBefore);
    expect((await world.queries.findById(complaint.id))?.version).toBe(complaint.version);
  });

  it('needs a plan before resolving', async () => {
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    await world.feedback.giveFeedback({ complaintId: complaint.id, channel: 'PHONE' as any, actionsTaken: 'Called.', nextSteps: 'Plan follows.' }, specialist);
    await expect(world.resolution.resolve({ complaintId: complaint.id }, specialist)).rejects.toMatchObject({ extensions: { code: 'CONFLICT', currentStatus: 'FEEDBACK_GIVEN' } });
  });
});
