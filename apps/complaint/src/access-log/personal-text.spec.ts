import type { Identity } from '@carebridge/auth';
import { PersonalDataAccess } from '@carebridge/personal-data-access';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { InvolvedPartyKind } from '../complaint/complaint.enums';

const TRAINER: Identity = { userId: 'trainer-tia', roles: ['trainer'], name: 'Tia Trainer' };

describe('a complaint’s free text: withheld from roles without need, unmasked reads on the access log (real Postgres)', () => {
  let world: ComplaintWorld;
  const query = `query($id: ID!) { complaint(id: $id) { id category description location resolutionExplanation peopleInvolved { kind name detail } } }`;
  const readsBy = async (userId: string) =>
    (await world.db.dataSource.getRepository(PersonalDataAccess).findBy({ accessedBy: userId })).map((row) => ({ customerId: row.customerId, fields: row.fields, purpose: row.purpose }));

  beforeAll(async () => {
    world = await openComplaint();
  });
  afterAll(() => world.close());
  beforeEach(() => world.db.dataSource.query('DELETE FROM personal_data_access'));

  it('withholds the words, the place and the people from a trainer and an analyst, logging nothing', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.register(customerId, {
      peopleInvolved: [
        { kind: InvolvedPartyKind.CUSTOMER, name: 'Mira Kovač', detail: 'travelling with a child' },
        { kind: InvolvedPartyKind.FLIGHT, name: 'LH 721', detail: 'gate B12' },
      ],
    });
    for (const by of [TRAINER, people.analyst as Identity]) {
      const answer = await world.run(by, query, { id: complaint.id });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.complaint).toMatchObject({
        category: 'BAGGAGE',
        description: '***',
        location: '***',
        resolutionExplanation: null,
        peopleInvolved: [
          { kind: 'CUSTOMER', name: '***', detail: null },
          { kind: 'FLIGHT', name: 'LH 721', detail: null },
        ],
      });
      expect(JSON.stringify(answer.data)).not.toMatch(/Mira|suitcase|child|FRA/);
      expect(await readsBy(by.userId)).toEqual([]);
    }
  });

  it('shows the text to the agent once the read is on the log: one row per customer, the fields, never the values', async () => {
    const customerId = await world.learnCustomer();
    const complaint = await world.register(customerId);
    const answer = await world.run(people.agent, query, { id: complaint.id });
    expect(answer.data?.complaint.description).toBe('My suitcase did not arrive in Frankfurt and nobody called me back.');
    expect(await readsBy(people.agent.userId)).toEqual([{ customerId, fields: ['complaint.description', 'complaint.location', 'complaint.peopleInvolved'], purpose: 'READ' }]);
    const rows = await world.db.dataSource.getRepository(PersonalDataAccess).find();
    expect(JSON.stringify(rows)).not.toContain('suitcase');
  });
});
