import { customerErased } from '@carebridge/event-contracts';
import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { ComplaintCategory } from '../complaint/complaint.enums';
import { ComplaintStatus } from '../status/status.enums';
import { Urgency } from '../urgency/urgency.enums';

const admin = { userId: 'admin-ada', roles: ['admin' as const], name: 'Ada Admin' };
const DEFINE = `mutation($input: DefineCustomFieldInput!) { defineComplaintCustomField(input: $input) { key kind categories choices } }`;
const SET_FIELDS = `mutation($input: SetComplaintCustomFieldsInput!) { setComplaintCustomFields(input: $input) { id customFields { key value } history { edges { node { action changes { field from to } } } } } }`;
const TAG = `mutation($input: TagComplaintInput!) { tagComplaint(input: $input) { id tags } }`;
const SAVE = `mutation($input: SaveComplaintViewInput!) { saveComplaintView(input: $input) { id name scope team ownerId filter orderBy } }`;
const VIEWS = `{ complaintViews { name scope count complaints(first: 10) { edges { node { id } } } } }`;

describe('tags, custom fields and saved views of complaints (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    expect((await world.run(admin, DEFINE, { input: { key: 'bag_tag', label: 'Bag tag', kind: 'TEXT', categories: ['BAGGAGE'] } })).errors).toBeUndefined();
    expect((await world.run(admin, DEFINE, { input: { key: 'claim_eur', label: 'Claimed (EUR)', kind: 'NUMBER', categories: [] } })).errors).toBeUndefined();
  });
  afterAll(() => world.close());

  it('tags a complaint and filters the list by tag and by custom field, each value checked against its definition', async () => {
    const customerId = await world.learnCustomer();
    const [big, small] = [await world.register(customerId), await world.register(customerId)];
    const tagged = await world.run(people.specialist, TAG, { input: { complaintId: big.id, add: ['VIP', 'fragile ', 'vip'] } });
    expect(tagged.data?.tagComplaint.tags).toEqual(['vip', 'fragile']);
    const set = await world.run(people.specialist, SET_FIELDS, { input: { complaintId: big.id, values: [{ key: 'bag_tag', value: 'LH123456' }, { key: 'claim_eur', value: '450' }] } });
    expect(set.data?.setComplaintCustomFields.customFields).toEqual([{ key: 'bag_tag', value: 'LH123456' }, { key: 'claim_eur', value: '450' }]);
    const changes = set.data?.setComplaintCustomFields.history.edges.map((e: any) => e.node).find((n: any) => n.changes.some((c: any) => c.field === 'customFields.claim_eur'));
    // A TEXT value may be what the customer said: the timeline names the field without its value.
    expect(changes.changes).toEqual([{ field: 'customFields.bag_tag', from: null, to: null }, { field: 'customFields.claim_eur', from: null, to: '450' }]);
    await world.customFields.set({ complaintId: small.id, values: [{ key: 'claim_eur', value: '20' }] }, people.specialist);

    const wrong = await world.run(people.specialist, SET_FIELDS, { input: { complaintId: small.id, values: [{ key: 'claim_eur', value: 'a lot' }] } });
    expect(refusal(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.values[0].value' });
    const unknown = await world.run(people.specialist, SET_FIELDS, { input: { complaintId: small.id, values: [{ key: 'seat', value: '12A' }] } });
    expect(refusal(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.values[0].key' });

    const list = `query($filter: ComplaintFilter) { complaints(filter: $filter) { edges { node { id } } } }`;
    const ids = async (filter: object) => (await world.run(people.specialist, list, { filter })).data?.complaints.edges.map((e: any) => e.node.id);
    expect(await ids({ customerId, tag: 'VIP' })).toEqual([big.id]);
    expect(await ids({ customerId, customFields: [{ key: 'claim_eur', atLeast: '100' }] })).toEqual([big.id]);
    expect(await ids({ customerId, customFields: [{ key: 'claim_eur', equals: '20' }] })).toEqual([small.id]);
    expect(refusal(await world.run(people.specialist, list, { filter: { customFields: [{ key: 'bag_tag', atLeast: 'A' }] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.customFields[0].atLeast',
    });

    // Erasure drops TEXT values (they may be the customer's words) and keeps numbers, dates and choices.
    await world.deliver(customerErased, { customerId, erasedAt: world.db.clock.now().toISOString() });
    expect((await world.queries.findById(big.id))?.customFields).toEqual({ claim_eur: 450 });
  });

  it('saves personal and team views with counts, their relative deadlines evaluated when read', async () => {
    const customerId = await world.learnCustomer();
    world.db.clock.set('2026-11-03T09:00:00.000Z');
    const high = await world.register(customerId, { urgency: Urgency.HIGH, category: ComplaintCategory.BAGGAGE });
    await world.register(customerId, { urgency: Urgency.LOW, category: ComplaintCategory.BAGGAGE });
    const mine = await world.run(people.specialist, SAVE, {
      input: { name: 'High-urgency baggage', filter: { customerId, urgency: ['HIGH'], category: ['BAGGAGE'], status: ['REGISTERED'] }, orderBy: 'FEEDBACK_DUE_AT_ASC' },
    });
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.saveComplaintView).toMatchObject({ scope: 'PERSONAL', ownerId: 'spec-sam', team: null, orderBy: 'FEEDBACK_DUE_AT_ASC' });
    expect(mine.data?.saveComplaintView.filter).toMatchObject({ urgency: ['HIGH'], category: ['BAGGAGE'] });

    const dueAt = new Date(high.feedbackDueAt);
    const soon = await world.run(people.supervisor, SAVE, { input: { name: 'Feedback due within an hour', scope: 'TEAM', team: 'complaint_specialist', filter: { customerId, feedbackDueWithinMinutes: 60 } } });
    expect(soon.errors).toBeUndefined();
    const refused = await world.run(people.specialist, SAVE, { input: { name: 'Mine for all', scope: 'TEAM', team: 'complaint_specialist' } });
    expect(refusal(refused)?.code).toBe('FORBIDDEN');
    const badFilter = await world.run(people.specialist, SAVE, { input: { name: 'Broken', filter: { customFields: [{ key: 'nope', equals: 'x' }] } } });
    expect(refusal(badFilter)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.filter.customFields[0].key' });

    const read = async () => (await world.run(people.specialist, VIEWS)).data?.complaintViews.map((view: any) => [view.name, view.scope, view.count, view.complaints.edges.length]);
    expect(await read()).toEqual([
      ['High-urgency baggage', 'PERSONAL', 1, 1],
      ['Feedback due within an hour', 'TEAM', 0, 0],
    ]);
    // The same saved view, read later: "within an hour" now covers the high-urgency complaint's deadline (the low one's is later).
    world.db.clock.set(new Date(dueAt.getTime() - 30 * 60_000));
    expect((await read())[1]).toEqual(['Feedback due within an hour', 'TEAM', 1, 1]);
    world.db.clock.set(new Date(dueAt.getTime() + 60_000));
    expect((await read())[1]).toEqual(['Feedback due within an hour', 'TEAM', 0, 0]);
    expect((await world.run(people.otherSpecialist, VIEWS)).data?.complaintViews.map((view: any) => view.name)).toEqual(['Feedback due within an hour']);
    expect((await world.run(people.agent, VIEWS)).data?.complaintViews).toEqual([]);
    expect(ComplaintStatus.REGISTERED).toBe(high.status);
  });
});
