import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { signDevelopmentCustomerToken, signDevelopmentToken } from '@carebridge/auth';
import { envName, SUBGRAPHS } from '@carebridge/config';
import { freePort } from '@carebridge/local-platform';
import { createLogger, type HttpHost, hostApollo } from '@carebridge/service-kit';
import { parse } from 'graphql';
import { anonymousRateLimit, isAllowedForCustomer, isAllowedWithoutToken } from './anonymous-operations';
import { type RunningGateway, startGateway } from './gateway';

describe('the operations allowed without a token', () => {
  describe('isAllowedWithoutToken', () => {
    const allowed = (query: string) => isAllowedWithoutToken(parse(query));

    it('lets through exactly one answerFollowUpSurvey mutation with plain fields', () => {
      expect(allowed(`mutation Answer($input: AnswerFollowUpSurveyInput!) { answerFollowUpSurvey(input: $input) { surveyId answeredAt followUpPlanned } }`)).toBe(true);
      expect(allowed(`mutation { answerFollowUpSurvey(input: { token: "t", nps: 9 }) { surveyId } }`)).toBe(true);
    });

    it('lets through a document download and a certificate check by their own credentials, as queries only', () => {
      expect(allowed(`query($id: ID!, $token: String!) { documentFile(documentId: $id, token: $token) { fileName contentBase64 } }`)).toBe(true);
      expect(allowed(`{ verifyTravelCertificate(code: "ABCD-EFGH") { genuine statement } }`)).toBe(true);
      expect(allowed(`mutation { documentFile(documentId: "d", token: "t") { fileName } }`)).toBe(false);
      expect(allowed(`{ verifyTravelCertificate(code: "x") { genuine } customerDocuments(first: 1) { totalCount } }`)).toBe(false);
    });

    it.each([
      ['a query', `{ answerFollowUpSurvey { surveyId } }`],
      ['another mutation', `mutation { escalateServiceRecovery(input: { taskId: "x" }) { id } }`],
      ['a second root field', `mutation { answerFollowUpSurvey(input: {}) { surveyId } importBookings(input: {}) { imported } }`],
      ['the same field twice under an alias', `mutation { answerFollowUpSurvey(input: {}) { surveyId } again: answerFollowUpSurvey(input: {}) { surveyId } }`],
      ['an aliased root field', `mutation { a: answerFollowUpSurvey(input: {}) { surveyId } }`],
      ['an aliased subfield', `mutation { answerFollowUpSurvey(input: {}) { id: surveyId } }`],
      ['a fragment spread', `mutation { answerFollowUpSurvey(input: {}) { ...R } } fragment R on FollowUpSurveyReceipt { surveyId }`],
      ['an inline fragment', `mutation { answerFollowUpSurvey(input: {}) { ... on FollowUpSurveyReceipt { surveyId } } }`],
      ['a root inline fragment', `mutation { ... on Mutation { answerFollowUpSurvey(input: {}) { surveyId } } }`],
      ['a directive', `mutation { answerFollowUpSurvey(input: {}) @include(if: true) { surveyId } }`],
      ['a second operation', `mutation A { answerFollowUpSurvey(input: {}) { surveyId } } query B { me { userId } }`],
      ['__typename beside it', `mutation { __typename answerFollowUpSurvey(input: {}) { surveyId } }`],
    ])('refuses %s', (_label, query) => {
      expect(allowed(query)).toBe(false);
    });
  });

  describe('isAllowedForCustomer', () => {
    const allowed = (query: string) => isAllowedForCustomer(parse(query));

    it("lets a customer token read its own cases, and run what a link runs", () => {
      expect(allowed(`{ myCases(first: 10) { id kind status timeline { kind at } } }`)).toBe(true);
      expect(allowed(`query($id: ID!) { myCase(id: $id) { id status deadlineAt } }`)).toBe(true);
      expect(allowed(`query($link: String!) { caseStatus(link: $link) { status } }`)).toBe(true);
      expect(allowed(`mutation { answerFollowUpSurvey(input: { token: "t", nps: 9 }) { surveyId } }`)).toBe(true);
    });

    it.each([
      ['a staff query', `{ complaints(first: 5) { totalCount } }`],
      ['a second root field', `{ myCases { id } complaints(first: 1) { totalCount } }`],
      ['its cases through a fragment', `{ myCases { ...C } } fragment C on CustomerCase { id }`],
      ['an alias', `{ mine: myCases { id } }`],
      ['a mutation of its cases', `mutation { myCases { id } }`],
      ['introspection', `{ __schema { types { name } } }`],
    ])('refuses %s', (_label, query) => {
      expect(allowed(query)).toBe(false);
    });

    it('lets nobody without a token read cases of a customer', () => {
      expect(isAllowedWithoutToken(parse(`{ myCases { id } }`))).toBe(false);
      expect(isAllowedWithoutToken(parse(`{ caseStatus(link: "v1.x") { status } }`))).toBe(true);
    });
  });

  it('anonymousRateLimit counts per client', async () => {
    const take = anonymousRateLimit(2);
    expect([await take('a'), await take('a'), await take('a'), await take('b')]).toEqual([true, true, false, true]);
  });

  describe('through the gateway', () => {
    const JWT_SECRET = 'anonymous-spec-jwt-secret-of-32-chars!';
    const SDL = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { me: String, secretReport: String, myCases: [String] }
      type Mutation { answerFollowUpSurvey(token: String!): Receipt, importBookings: Int }
      type Receipt { surveyId: ID!, followUpPlanned: Boolean! }
    `;
    let folder: string;
    let stub: HttpHost & { stop(): Promise<void> };
    let gateway: RunningGateway;
    const received: IncomingHttpHeaders[] = [];

    beforeAll(async () => {
      const apollo = new ApolloServer({
        schema: buildSubgraphSchema({
          typeDefs: parse(SDL),
          resolvers: {
            Query: { me: () => 'me', secretReport: () => 'secret', myCases: () => ['case-1'] },
            Mutation: { answerFollowUpSurvey: (_: unknown, args: { token: string }) => ({ surveyId: args.token, followUpPlanned: false }), importBookings: () => 1 },
          } as never,
        }),
        plugins: [ApolloServerPluginInlineTraceDisabled()],
      });
      await apollo.start();
      const host = await hostApollo({
        port: 0,
        host: '127.0.0.1',
        apollo,
        logger: createLogger({ service: 'after-sales-stub', level: 'silent' }),
        context: async (request) => {
          received.push(request.headers);
          return {};
        },
        readiness: async () => ({ ready: true, details: {} }),
      });
      stub = { ...host, stop: async () => (await host.close(1000), await apollo.stop()) };
      folder = mkdtempSync(join(tmpdir(), 'carebridge-anonymous-spec-'));
      const composition = composeServices([{ name: 'after-sales', url: host.url, typeDefs: parse(SDL) }]);
      if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
      writeFileSync(join(folder, 'supergraph.graphql'), composition.supergraphSdl);
      gateway = await startGateway({
        ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${envName(s.name)}_SECRET`, `${s.name}-secret`.padEnd(40, 's')])),
        NODE_ENV: 'production',
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        SUPERGRAPH_FILE: join(folder, 'supergraph.graphql'),
        SUBGRAPH_AFTER_SALES_URL: host.url,
        JWT_SECRET,
        ANONYMOUS_RATE_LIMIT_PER_MINUTE: '5',
      });
    });
    afterAll(async () => {
      await gateway?.stop();
      await stub?.stop();
      rmSync(folder, { recursive: true, force: true });
    });

    const post = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      return { status: response.status, body: (await response.json()) as any };
    };
    const answer = `mutation { answerFollowUpSurvey(token: "v1.token") { surveyId followUpPlanned } }`;

    it('passes the survey answer without a token, with no identity for the subgraph', async () => {
      received.length = 0;
      const reply = await post(answer);
      expect(reply).toEqual({ status: 200, body: { data: { answerFollowUpSurvey: { surveyId: 'v1.token', followUpPlanned: false } } } });
      expect(received).toHaveLength(1);
      expect(received[0]['x-carebridge-subgraph-secret']).toBe('after-sales-secret'.padEnd(40, 's'));
      expect(received[0]).not.toHaveProperty('x-carebridge-user-id');
      expect(received[0]).not.toHaveProperty('x-carebridge-user-roles');
    });

    it.each([
      ['a query', `{ secretReport }`],
      ['another mutation', `mutation { importBookings }`],
      ['the answer with another root field', `mutation { answerFollowUpSurvey(token: "t") { surveyId } importBookings }`],
      ['the answer twice under aliases', `mutation { a: answerFollowUpSurvey(token: "t") { surveyId } b: answerFollowUpSurvey(token: "u") { surveyId } }`],
      ['the answer through a fragment', `mutation { answerFollowUpSurvey(token: "t") { ...R } } fragment R on Receipt { surveyId }`],
    ])('refuses %s without a token with 401, calling no subgraph', async (_label, query) => {
      received.length = 0;
      const reply = await post(query);
      expect(reply.status).toBe(401);
      expect(reply.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Authorization: Bearer/), extensions: { code: 'UNAUTHENTICATED' } })]);
      expect(reply.body.data).toBeUndefined();
      expect(received).toHaveLength(0);
    });

    it('still refuses a bad token, even for the survey answer', async () => {
      expect((await post(answer, { authorization: 'Bearer garbage' })).status).toBe(401);
      expect((await post(answer, { authorization: 'Basic YWdlbnQ6cGFzc3dvcmQ=' })).status).toBe(401);
      const token = signDevelopmentToken({ sub: 'a', roles: ['agent'] }, { secret: JWT_SECRET });
      expect((await post(`{ secretReport }`, { authorization: `Bearer ${token}` })).body).toEqual({ data: { secretReport: 'secret' } });
    });

    it("runs a customer token's own operations with the customer as caller, and refuses staff operations with 403", async () => {
      const customerId = '5b0c7a8e-1d2f-4e3a-9b4c-6d7e8f9a0b1c';
      const customer = { authorization: `Bearer ${signDevelopmentCustomerToken(customerId, { secret: JWT_SECRET })}` };
      received.length = 0;
      expect(await post(`{ myCases }`, customer)).toEqual({ status: 200, body: { data: { myCases: ['case-1'] } } });
      expect(received[0]).toMatchObject({ 'x-carebridge-user-id': customerId, 'x-carebridge-user-roles': 'customer' });

      received.length = 0;
      const staffOnly = await post(`{ secretReport }`, customer);
      expect(staffOnly.status).toBe(403);
      expect(staffOnly.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
      expect((await post(`{ myCases secretReport }`, customer)).status).toBe(403);
      expect(received).toHaveLength(0);

      // The customer role mixed with a staff role is no token at all.
      const mixed = signDevelopmentToken({ sub: customerId, roles: ['customer', 'admin'] }, { secret: JWT_SECRET });
      expect((await post(`{ secretReport }`, { authorization: `Bearer ${mixed}` })).status).toBe(401);
    });

    it('limits answers without a token per client and minute with 429', async () => {
      const replies = [];
      for (let i = 0; i < 6; i += 1) replies.push(await post(answer));
      expect(replies.at(-1)).toMatchObject({ status: 429, body: { errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'RATE_LIMITED' } }] } });
      // Staff with a token are not limited by it.
      const token = signDevelopmentToken({ sub: 'a', roles: ['after_sales'] }, { secret: JWT_SECRET });
      expect((await post(answer, { authorization: `Bearer ${token}` })).status).toBe(200);
    });
  });
});
