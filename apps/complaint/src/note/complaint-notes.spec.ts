import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { customerErased } from '@carebridge/event-contracts';
import { type ComplaintWorld, openComplaint, people, refusal } from '../complaint.fixture';
import { ComplaintStatus } from '../status/status.enums';

const NOTES = `query($id: ID!) { complaint(id: $id) { id version notes { body authorId authorName writtenAt } history { edges { node { action actorId changes { field } } } } } }`;
const ADD = `mutation($input: AddComplaintNoteInput!) { addComplaintNote(input: $input) { id body authorId authorName writtenAt } }`;

describe('internal notes on a complaint (real Postgres)', () => {
  let world: ComplaintWorld;

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());

  it('keeps notes apart from the conversation, audited by author and time, in any status, without an event or a new version', async () => {
    const customerId = await world.learnCustomer();
    world.db.clock.set('2026-11-02T09:00:00.000Z');
    const complaint = await world.complaintIn(ComplaintStatus.CLOSED, customerId);
    const eventsBefore = (await world.db.outboxEvents()).length;

    const added = await world.run(people.specialist, ADD, { input: { complaintId: complaint.id, body: '  Called the station in Munich; they will call back.  ' } });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addComplaintNote).toMatchObject({ body: 'Called the station in Munich; they will call back.', authorId: 'spec-sam', authorName: 'Sam Specialist', writtenAt: new Date('2026-11-02T09:00:00.000Z') });
    world.db.clock.advance(60_000);
    await world.run(people.agent, ADD, { input: { complaintId: complaint.id, body: 'Customer called again, asked for the supervisor.' } });

    const read = await world.run(people.supervisor, NOTES, { id: complaint.id });
    expect(read.data?.complaint.notes.map((n: { authorId: string }) => n.authorId)).toEqual(['spec-sam', 'agent-ana']);
    expect(read.data?.complaint.version).toBe(complaint.version);
    const noted = read.data?.complaint.history.edges.map((e: any) => e.node).filter((n: any) => n.action === 'NOTE_ADDED');
    expect(noted).toEqual([
      { action: 'NOTE_ADDED', actorId: 'spec-sam', changes: [{ field: 'noteId' }] },
      { action: 'NOTE_ADDED', actorId: 'agent-ana', changes: [{ field: 'noteId' }] },
    ]);
    // No event, so nothing reaches the customer's timeline or a message to the customer.
    expect((await world.db.outboxEvents()).length).toBe(eventsBefore);
    expect(JSON.stringify(await world.db.outboxEvents())).not.toContain('Munich; they will call back');
  });

  it('is refused to roles without a need (analysts), and empty or unknown input is BAD_USER_INPUT / NOT_FOUND', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.register(customerId);
    await world.notes.add({ complaintId: complaint.id, body: 'internal only' }, people.specialist);
    const asAnalyst = await world.run(people.analyst, NOTES, { id: complaint.id });
    expect(asAnalyst.data?.complaint).toMatchObject({ id: complaint.id, notes: null });
    expect(refusal(asAnalyst)?.code).toBe('FORBIDDEN');
    expect(refusal(await world.run(people.analyst, ADD, { input: { complaintId: complaint.id, body: 'x' } }))?.code).toBe('FORBIDDEN');

    const empty = await world.run(people.specialist, ADD, { input: { complaintId: complaint.id, body: '   ' } });
    expect(refusal(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    const unknown = await world.run(people.specialist, ADD, { input: { complaintId: '00000000-0000-4000-8000-000000000000', body: 'x' } });
    expect(refusal(unknown)?.code).toBe('NOT_FOUND');
  });

  it('blanks the notes of an erased customer, keeping who wrote them and when', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.register(customerId);
    await world.notes.add({ complaintId: complaint.id, body: 'Customer lives at 12 Elm Street.' }, people.specialist);
    await world.deliver(customerErased, { customerId, erasedAt: world.db.clock.now().toISOString() } as any);
    const [note] = (await world.notes.ofEach([complaint.id], 1)).get(complaint.id) ?? [];
    expect(note.body).not.toContain('Elm Street');
    expect(note.authorId).toBe('spec-sam');
  });

  it('masks the address feedback went to for analysts and logs each unmasked read, without the value', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.complaintIn(ComplaintStatus.IN_PROGRESS, customerId);
    await world.feedback.giveFeedback({ complaintId: complaint.id, channel: 'EMAIL', sentTo: 'li.wei@example.com', actionsTaken: 'Traced it.', nextSteps: 'Delivery.' } as any, people.specialist);
    await world.db.dataSource.query('DELETE FROM personal_data_access');
    const query = `query($id: ID!) { complaint(id: $id) { feedback { sentTo } } }`;

    const masked = await world.run(people.analyst, query, { id: complaint.id });
    expect(masked.data?.complaint.feedback[0].sentTo).not.toBe('li.wei@example.com');
    expect(await world.db.dataSource.getRepository(PersonalDataAccess).count()).toBe(0);

    const shown = await world.run(people.specialist, query, { id: complaint.id });
    expect(shown.data?.complaint.feedback[0].sentTo).toBe('li.wei@example.com');
    const rows = await world.db.dataSource.getRepository(PersonalDataAccess).find();
    expect(rows).toEqual([expect.objectContaining({ customerId, accessedBy: 'spec-sam', fields: ['complaint.feedback.sentTo'], purpose: 'READ' })]);
    expect(JSON.stringify(rows)).not.toContain('li.wei');
  });
});
