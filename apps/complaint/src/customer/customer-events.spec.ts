import { customerErased, customerMerged } from '@carebridge/event-contracts';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { InvolvedPartyKind } from '../complaint/complaint.enums';
import { ComplaintStatus } from '../status/status.enums';

describe('complaints follow crm’s merges and erasures (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  it('re-points the merged customer’s complaints to the survivor, and registers new ones under the survivor', async () => {
    const survivor = await world.learnCustomer();
    const merged = await world.learnCustomer();
    const complaint = await world.register(merged);
    await world.deliver(customerMerged, { survivorId: survivor, mergedId: merged, mergedBy: 'crm-carla', mergedAt: '2026-11-02T10:00:00.000Z' });

    expect((await world.queries.findById(complaint.id))?.customerId).toBe(survivor);
    expect((await world.queries.list({ filter: { customerId: merged } })).totalCount).toBe(0);
    expect((await world.queries.list({ filter: { customerId: survivor } })).totalCount).toBe(1);
    const last = (await world.history.forComplaint(complaint.id, {})).edges.at(-1)?.node;
    expect(last).toMatchObject({ action: 'CUSTOMER_MERGED', actorId: 'system' });
    expect(last?.fieldChanges).toEqual([{ field: 'customerId', from: merged, to: survivor }]);
    // An agent still holding the old id registers under the surviving profile.
    expect((await world.register(merged)).customerId).toBe(survivor);
  });

  it("anonymises the erased customer's words and details, keeping ids, classification, dates and amounts", async () => {
    const customerId = await world.learnCustomer();
    const other = await world.learnCustomer();
    const complaint = await world.register(customerId, {
      description: 'Mr. Jan Novak, seat 12C, was insulted by the purser.',
      peopleInvolved: [
        { kind: InvolvedPartyKind.CUSTOMER, name: 'Jan Novak', detail: 'seat 12C' },
        { kind: InvolvedPartyKind.STAFF, name: 'Purser on duty', detail: 'told Jan to sit down' },
        { kind: InvolvedPartyKind.FLIGHT, name: 'OK 123', detail: null },
      ],
      attachments: [{ name: 'boarding-pass-novak.pdf', contentType: 'application/pdf', url: 'https://files.example.com/bp.pdf' }],
    });
    const id = complaint.id;
    await world.assignment.assign({ complaintId: id, assigneeId: people.specialist.userId }, people.specialist);
    await world.work.startWork({ complaintId: id }, people.specialist);
    await world.resolutionPlanning.planResolution({ complaintId: id, explanation: 'Dear Mr Novak, we apologise.', compensation: [{ kind: 'REFUND' as any, amount: '80.00', currency: 'EUR', reason: 'Apology' }] }, people.specialist);
    await world.feedback.giveFeedback({ complaintId: id, channel: 'EMAIL' as any, sentTo: 'jan@example.cz', actionsTaken: 'Spoke to the crew about Jan.', nextSteps: 'Refund.' }, people.specialist);
    await world.resolution.resolve({ complaintId: id }, people.specialist);
    await world.closing.close({ complaintId: id, satisfactionScore: 2, satisfactionComment: 'Jan is still upset' }, people.specialist);
    const untouched = await world.register(other);

    await world.deliver(customerErased, { customerId, erasedAt: '2026-11-05T00:00:00.000Z' });

    const after = await world.queries.findById(id);
    expect(after).toMatchObject({
      id,
      customerId,
      registrationNumber: complaint.registrationNumber,
      status: ComplaintStatus.CLOSED,
      category: complaint.category,
      urgency: complaint.urgency,
      createdAt: complaint.createdAt,
      description: '[erased]',
      location: null,
      bookingReference: null,
      resolutionExplanation: '[erased]',
      anonymisedAt: new Date('2026-11-05T00:00:00Z'),
      peopleInvolved: [
        { kind: 'CUSTOMER', name: '[erased]', detail: null },
        { kind: 'STAFF', name: 'Purser on duty', detail: null },
        { kind: 'FLIGHT', name: 'OK 123', detail: null },
      ],
      attachments: [{ name: '[erased]', contentType: 'application/pdf', url: '[erased]' }],
    });
    expect(await world.queries.feedbackOf(id)).toEqual([expect.objectContaining({ actionsTaken: '[erased]', nextSteps: '[erased]', sentTo: null })]);
    expect(await world.queries.closuresOf(id)).toEqual([expect.objectContaining({ satisfactionScore: 2, satisfactionComment: null })]);
    expect(await world.compensation.compensationOf(id)).toEqual([expect.objectContaining({ amount: '80.00', currency: 'EUR' })]);
    expect((await world.history.forComplaint(id, {})).edges.at(-1)?.node).toMatchObject({ action: 'ANONYMISED', actorId: 'system', reason: 'customer erased' });
    expect(JSON.stringify((await world.history.forComplaint(id, {})).edges)).not.toMatch(/Novak|Jan /);
    expect((await world.queries.findById(untouched.id))?.description).not.toBe('[erased]');
    await expect(world.register(customerId)).rejects.toMatchObject({ extensions: { field: 'input.customerId' } });
  });
});
