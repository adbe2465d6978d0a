import type { Identity, Role } from '@carebridge/auth';
import type { EventContract, EventData } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer, type TransportMessage } from '@carebridge/messaging';
import { buildFederatedSchema, createLogger, requestContext, type RequestContext } from '@carebridge/service-kit';
import { DirectTransport, openServiceDatabase, type ServiceDatabase } from '@carebridge/testing';
import { graphql, type GraphQLSchema } from 'graphql';
import { type CrmDomain, crmDomain } from './crm.domain';
import { crmEventHandlers } from './crm.event-handlers';
import { crmReferences } from './crm.references';
import { crmResolvers } from './crm.resolvers';
import { crmSettings } from './crm.settings';
import { crmSubgraph } from './crm.subgraph';
import { CustomerTier, TravelDocumentKind } from './customer/customer.enums';

/**
 * crm on a fresh real database for integration tests: the use cases wired as in production, the
 * event handlers behind an EventConsumer fed through a stub transport, and the GraphQL schema to
 * run operations as a given role (what the gateway would forward).
 */
export interface Crm {
  db: ServiceDatabase;
  domain: CrmDomain;
  deadLetters: TransportMessage[];
  /** Delivers an event the way the transport would: through the idempotent consumer. */
  deliver(message: TransportMessage): Promise<void>;
  message<C extends EventContract>(contract: C, data: EventData<C>, source?: string): TransportMessage;
  /** Runs a GraphQL operation against crm's schema as a caller with these roles. */
  run(role: Role | Role[], source: string, variables?: Record<string, unknown>, context?: RequestContext): Promise<{ data?: any; errors?: readonly any[] }>;
  context(role: Role | Role[], userId?: string): RequestContext;
  close(): Promise<void>;
}

export function identity(role: Role | Role[], userId?: string): Identity {
  const roles = Array.isArray(role) ? role : [role];
  return { userId: userId ?? `${roles.join('-')}-1`, roles, name: `Test ${roles.join('/')}` };
}

export async function openCrm(env: Record<string, string> = {}): Promise<Crm> {
  const db = await openServiceDatabase(crmSubgraph);
  const domain = crmDomain(db, crmSettings(env));
  const transport = new DirectTransport();
  const deadLetters = transport.published;
  const consumer = new EventConsumer({ service: 'crm', dataSource: db.dataSource, transport, handlers: crmEventHandlers(domain), maxAttempts: 1 });
  let schema: GraphQLSchema | undefined;
  const logger = createLogger({ service: 'crm', level: 'silent' });
  const context = (role: Role | Role[], userId?: string) => requestContext(identity(role, userId), logger);
  return {
    db,
    domain,
    deadLetters,
    deliver: (message) => consumer.deliver(message),
    message: (contract, data, source = 'complaint') => encodeEvent(contract, data, { source, time: db.clock.now() }),
    context,
    async run(role, source, variables, given) {
      schema ??= await buildFederatedSchema(crmResolvers(domain), crmReferences(domain));
      return graphql({ schema, source, variableValues: variables, contextValue: given ?? context(role) });
    },
    close: () => db.close(),
  };
}

/** Aiko Tanaka, with an e-mail, a phone and a passport on file: the profile privacy tests disclose, export and erase. */
export async function createAikoTanaka(crm: Crm, by: Identity): Promise<string> {
  const customerId = (
    await crm.domain.customer.registration.register(
      { fullName: 'Aiko Tanaka', email: 'aiko.tanaka@example.jp', phone: '+81 90 1234 5678', preferredLanguage: 'ja', tier: CustomerTier.STANDARD } as any,
      by,
    )
  ).id;
  await crm.domain.customer.travelDocuments.add({ customerId, kind: TravelDocumentKind.PASSPORT, number: 'TK1234567', issuingCountry: 'JP', expiresOn: '2030-05-01' }, by);
  return customerId;
}
