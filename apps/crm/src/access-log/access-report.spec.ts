import { filterOfReport } from '@carebridge/personal-data-access';
import { createAikoTanaka, type Crm, identity, openCrm } from '../crm.fixture';

describe('the federated personal-data access report: crm’s query and section (real Postgres)', () => {
  let crm: Crm;
  const report = `query($c: ID) { personalDataAccessReport(filter: { customerId: $c }) { id crm(first: 5) { totalCount edges { node { customerId accessedBy fields } } } } }`;

  beforeAll(async () => {
    crm = await openCrm();
  });
  afterAll(() => crm.close());

  it('keys the report by the filter, for admins only, and gives crm’s own reads as its section', async () => {
    const customerId = await createAikoTanaka(crm, identity('crm_manager'));
    await crm.run('agent', `query($id: ID!) { customer(id: $id) { email } }`, { id: customerId }, crm.context('agent', 'agent-ana'));

    const answer = await crm.run('admin', report, { c: customerId });
    expect(answer.errors).toBeUndefined();
    const { id, crm: section } = answer.data.personalDataAccessReport;
    expect(filterOfReport(id)).toEqual({ customerId, accessedBy: undefined, from: undefined, to: undefined });
    expect(section).toEqual({ totalCount: 1, edges: [{ node: { customerId, accessedBy: 'agent-ana', fields: ['email'] } }] });
    expect((await crm.run('crm_manager', report, { c: customerId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
