import type { Identity, Role } from '@carebridge/auth';
import type { EventContract, EventData } from '@carebridge/event-contracts';
import type { TransportMessage } from '@carebridge/messaging';
import type { RequestContext } from '@carebridge/service-kit';
import { openServiceUnderTest, type ServiceDatabase } from '@carebridge/testing';
import { type CrmDomain, crmDomain } from './crm.domain';
import { crmEventHandlers } from './crm.event-handlers';
import { crmReferences } from './crm.references';
import { crmResolvers } from './crm.resolvers';
import { crmSettings } from './crm.settings';
import { crmSubgraph } from './crm.subgraph';
import { CustomerTier, TravelDocumentKind } from './customer/customer.enums';

/**
 * crm on a fresh real database for integration tests (`openServiceUnderTest`): the use cases wired
 * as in production, the event handlers behind an EventConsumer fed by hand, and the GraphQL schema
 * to run operations as a given role (what the gateway would forward).
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
  const service = await openServiceUnderTest({
    definition: crmSubgraph,
    settings: crmSettings(env),
    domain: crmDomain,
    eventHandlers: crmEventHandlers,
    resolvers: crmResolvers,
    references: crmReferences,
    consumer: { maxAttempts: 1 },
  });
  return {
    ...service,
    deliver: (message) => service.consumer.deliver(message),
    // crm's tests mostly hand it the complaint service's events.
    message: (contract, data, source = 'complaint') => service.message(contract, data, { source }),
    run: (role, source, variables, context) => service.run(identity(role), source, variables, context),
    context: (role, userId) => service.context(identity(role, userId)),
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
