import type { Identity } from '@carebridge/auth';
import { reportKey } from '@carebridge/personal-data-access';
import { buildFederatedSchema } from '@carebridge/service-kit';
import { graphql, type GraphQLSchema } from 'graphql';
import { complaintReferences } from '../complaint.references';
import { complaintResolvers } from '../complaint.resolvers';
import { type ComplaintWorld, openComplaint, people } from '../complaint.fixture';
import { PersonalDataAccessReport } from './access-report';

const ADMIN: Identity = { userId: 'admin-ada', roles: ['admin'], name: 'Ada Admin' };

describe('the complaint service’s section of the federated access report (real Postgres)', () => {
  let world: ComplaintWorld;
  const section = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on PersonalDataAccessReport { id complaint(first: 10) { totalCount edges { node { customerId accessedBy fields purpose } } } } } }`;

  // The schema as the subgraph serves it: the report is a type no query of this service returns (orphaned).
  let schema: GraphQLSchema;
  const run = (by: Identity, variables: Record<string, unknown>) => graphql({ schema, source: section, variableValues: variables, contextValue: world.context(by) }) as Promise<any>;

  beforeAll(async () => {
    world = await openComplaint();
    schema = await buildFederatedSchema(complaintResolvers(world, { clock: world.db.clock }), complaintReferences(world), [...world.customers.exportGraph().orphanedTypes, PersonalDataAccessReport]);
  });
  afterAll(() => world.close());

  it('answers the gateway for the report’s key (the filter) with its own log, to admins only', async () => {
    const [customerId, other] = [await world.learnCustomer(), await world.learnCustomer()];
    const complaint = await world.register(customerId);
    await world.register(other);
    await world.run(people.specialist, `query($id: ID!) { complaint(id: $id) { description } }`, { id: complaint.id });
    const representations = [{ __typename: 'PersonalDataAccessReport', id: reportKey({ customerId }) }];

    const answer = await run(ADMIN, { representations });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities[0].complaint).toEqual({
      totalCount: 1,
      edges: [{ node: { customerId, accessedBy: people.specialist.userId, fields: ['complaint.description'], purpose: 'READ' } }],
    });
    const forbidden = await run(people.supervisor, { representations });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const forged = await run(ADMIN, { representations: [{ __typename: 'PersonalDataAccessReport', id: 'not a key' }] });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
