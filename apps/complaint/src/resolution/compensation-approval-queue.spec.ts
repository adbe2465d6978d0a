import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';

const QUEUE = `{
  compensationApprovalCounts { awaitingMe awaitingAnyone proposedByMe oldestProposedAt }
  compensationAwaitingMyApproval(first: 10) { totalCount edges { node { kind amount proposedBy complaint { registrationNumber } } } } }`;

describe('the supervisors’ approval queue (real Postgres)', () => {
  let world: ComplaintWorld;
  const otherSupervisor = { userId: 'sup-sol', roles: ['supervisor' as const], name: 'Sol Supervisor' };

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  async function proposed(by: typeof people.specialist | typeof people.supervisor, amount: string) {
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, await world.learnCustomer());
    await world.resolutionPlanning.planResolution({ complaintId: complaint.id, explanation: 'Found.', compensation: [{ kind: 'REFUND' as any, amount, currency: 'EUR', reason: 'Hotel' }] }, by);
    return complaint;
  }

  it('lists what awaits my decision, oldest first, without what I proposed or what was decided, with counts', async () => {
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const first = await proposed(people.specialist, '300.00');
    world.db.clock.advance(60_000);
    await proposed(people.supervisor, '400.00');
    world.db.clock.advance(60_000);
    await proposed(people.specialist, '50.00'); // under the threshold: needs nobody
    const third = await proposed(people.specialist, '500.00');

    const mine = await world.run(people.supervisor, QUEUE);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.compensationApprovalCounts).toEqual({ awaitingMe: 2, awaitingAnyone: 3, proposedByMe: 1, oldestProposedAt: expect.anything() });
    expect(mine.data?.compensationAwaitingMyApproval.totalCount).toBe(2);
    expect(mine.data?.compensationAwaitingMyApproval.edges.map((e: any) => [e.node.amount, e.node.complaint.registrationNumber])).toEqual([
      ['300.00', first.registrationNumber],
      ['500.00', third.registrationNumber],
    ]);
    expect((await world.run(otherSupervisor, QUEUE)).data?.compensationApprovalCounts).toMatchObject({ awaitingMe: 3, proposedByMe: 0 });

    const [item] = (await world.compensation.compensationOf(first.id)).filter((i) => i.approval === 'PENDING');
    await world.compensationApproval.decide({ itemId: item.id, approve: true }, people.supervisor);
    expect((await world.run(people.supervisor, QUEUE)).data?.compensationApprovalCounts).toMatchObject({ awaitingMe: 1, awaitingAnyone: 2 });
    expect((await world.run(people.specialist, QUEUE)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
