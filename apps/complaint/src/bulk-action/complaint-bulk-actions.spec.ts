import { BulkAction } from '@carebridge/help-desk';
import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';

const BULK = `mutation($input: BulkComplaintActionInput!) { bulkComplaintAction(input: $input) { id kind requestedBy succeededCount failedCount items { itemId outcome errorCode errorMessage } } }`;

describe('bulk actions on complaints (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  it('assigns a selection, each complaint on its own, and records the action once with every outcome', async () => {
    const customerId = await world.learnCustomer();
    const fresh = await world.register(customerId);
    const assigned = await world.complaintIn(ComplaintStatus.ASSIGNED, customerId);
    const missing = '00000000-0000-4000-8000-000000000000';
    const result = await world.run(people.supervisor, BULK, { input: { action: 'ASSIGN', complaintIds: [fresh.id, assigned.id, missing], assigneeId: people.otherSpecialist.userId } });
    expect(result.errors).toBeUndefined();
    const action = result.data?.bulkComplaintAction;
    expect(action).toMatchObject({ kind: 'ASSIGN', requestedBy: 'sup-sue', succeededCount: 1, failedCount: 2 });
    expect(action.items.map((item: any) => [item.itemId, item.outcome, item.errorCode])).toEqual([
      [fresh.id, 'SUCCEEDED', null],
      [assigned.id, 'FAILED', 'BAD_USER_INPUT'],
      [missing, 'FAILED', 'NOT_FOUND'],
    ]);
    expect((await world.queries.findById(fresh.id))?.assigneeId).toBe(people.otherSpecialist.userId);
    expect(await world.db.dataSource.getRepository(BulkAction).countBy({ id: action.id })).toBe(1);
  });

  it('tags, sets the urgency and closes the complaints of a saved view where the procedure allows', async () => {
    const customerId = await world.learnCustomer();
    const resolved = await world.complaintIn(ComplaintStatus.RESOLVED, customerId);
    const open = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    const view = await world.views.save({ name: 'This customer', scope: 'PERSONAL' as never, filter: { customerId } }, people.supervisor);

    const tagged = await world.run(people.supervisor, BULK, { input: { action: 'TAG', viewId: view.id, addTags: ['duplicate-claim'] } });
    expect(tagged.data?.bulkComplaintAction).toMatchObject({ succeededCount: 2, failedCount: 0 });
    const urgent = await world.run(people.supervisor, BULK, { input: { action: 'SET_URGENCY', viewId: view.id, urgency: 'HIGH' } });
    expect(urgent.data?.bulkComplaintAction).toMatchObject({ succeededCount: 2, failedCount: 0 });
    const closed = await world.run(people.supervisor, BULK, { input: { action: 'CLOSE', viewId: view.id, reason: 'Customer unreachable' } });
    const outcomes = Object.fromEntries(closed.data?.bulkComplaintAction.items.map((item: any) => [item.itemId, [item.outcome, item.errorCode]]));
    expect(outcomes).toEqual({ [resolved.id]: ['SUCCEEDED', null], [open.id]: ['FAILED', 'CONFLICT'] });
    expect(await world.queries.findById(resolved.id)).toMatchObject({ status: ComplaintStatus.CLOSED, tags: ['duplicate-claim'], urgency: 'HIGH' });

    expect(refusal(await world.run(people.supervisor, BULK, { input: { action: 'CLOSE', viewId: view.id } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(refusal(await world.run(people.supervisor, BULK, { input: { action: 'TAG', addTags: ['x'] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.complaintIds' });
    expect(refusal(await world.run(people.agent, BULK, { input: { action: 'TAG', viewId: view.id, addTags: ['x'] } }))?.code).toBe('FORBIDDEN');
  });
});
