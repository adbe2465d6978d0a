import type { Identity } from '@carebridge/auth';
import { customerCreated, type EventContract, type EventData } from '@carebridge/event-contracts';
import { encodeEvent, EventConsumer, type EventConsumerOptions, type EventHandler, readableHandlers, type TransportMessage } from '@carebridge/messaging';
import { buildFederatedSchema, createLogger, type ReferenceResolvers, type RequestContext, requestContext, type SubgraphDefinition, type SubgraphRuntime } from '@carebridge/service-kit';
import { type ExecutionResult, graphql, type GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import { DirectTransport } from './direct-transport';
import { openServiceDatabase, type ServiceDatabase } from './service-database';

/** What a service's domain is wired from: the runtime a subgraph's `build` hands it, less what tests do not need. */
export type DomainRuntime = Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>;

/** The parts of a service a test wires as its subgraph does (`<service>.subgraph.ts`), from the same functions. */
export interface ServiceUnderTestOptions<D, S> {
  definition: SubgraphDefinition;
  /** The service's settings, as `<service>Settings(env)` reads them. */
  settings: S;
  domain: (runtime: DomainRuntime, settings: S) => D;
  eventHandlers: (domain: D) => EventHandler<any>[];
  /** For `run`: the resolvers and references the schema is made from. */
  resolvers?: (domain: D, runtime: DomainRuntime) => object[];
  references?: (domain: D, runtime: DomainRuntime) => ReferenceResolvers;
  /** How often the consumer tries a failing event before it dead-letters it, and how long it waits between tries. */
  consumer?: Pick<EventConsumerOptions, 'maxAttempts' | 'retryBackoffMs'>;
}

/**
 * A service on a fresh database of its own, wired as its subgraph wires it: its domain, its event
 * handlers behind an idempotent consumer that the test feeds by hand, a clock the test moves
 * (`db.clock`), and its schema to run operations on as the gateway would forward them.
 */
export interface ServiceUnderTest<D, S> {
  db: ServiceDatabase;
  settings: S;
  domain: D;
  consumer: EventConsumer;
  /** Messages the consumer dead-lettered: a failing handler shows here. */
  deadLetters: TransportMessage[];
  /** An event as the transport carries it, from `source` (the contract's producer unless given) at the test clock's time. */
  message<C extends EventContract>(contract: C, data: EventData<C>, options?: { source?: string; id?: string }): TransportMessage;
  /** Delivers an event as the transport would: through the idempotent consumer. */
  deliver<C extends EventContract>(contract: C, data: EventData<C>, id?: string): Promise<void>;
  /** crm's `customer.created` for `customerId` (a new one unless given): the service knows the customer from then on. */
  learnCustomer(customerId?: string): Promise<string>;
  /** What the gateway would forward for `by`: its identity, with a silent request log. */
  context(by: Identity): RequestContext;
  /** Runs a GraphQL operation on the service's schema as `by` (or in `context`). */
  run(by: Identity, source: string, variables?: Record<string, unknown>, context?: RequestContext): Promise<ExecutionResult<any>>;
  close(): Promise<void>;
}

export async function openServiceUnderTest<D, S>(options: ServiceUnderTestOptions<D, S>): Promise<ServiceUnderTest<D, S>> {
  const { definition, settings } = options;
  const db = await openServiceDatabase(definition);
  const domain = options.domain(db, settings);
  const transport = new DirectTransport();
  const consumer = new EventConsumer({ service: definition.name, dataSource: db.dataSource, transport, handlers: readableHandlers(options.eventHandlers(domain), db.personalFields), ...options.consumer });
  const logger = createLogger({ service: definition.name, level: 'silent' });
  let schema: Promise<GraphQLSchema> | undefined;
  const service: ServiceUnderTest<D, S> = {
    db,
    settings,
    domain,
    consumer,
    deadLetters: transport.published,
    message: (contract, data, { source = contract.producer, id } = {}) => encodeEvent(contract, data, { source, time: db.clock.now(), id }),
    deliver: (contract, data, id) => consumer.deliver(service.message(contract, data, { id })),
    async learnCustomer(customerId = randomUUID()) {
      await service.deliver(customerCreated, { customerId, tier: 'GOLD', preferredLanguage: 'en', createdAt: '2026-10-01T08:00:00.000Z' });
      return customerId;
    },
    context: (by) => requestContext(by, logger),
    async run(by, source, variables, context = service.context(by)) {
      if (!options.resolvers) throw new Error(`openServiceUnderTest for ${definition.name} was given no resolvers: run needs them`);
      schema ??= buildFederatedSchema(options.resolvers(domain, db), options.references?.(domain, db));
      return graphql({ schema: await schema, source, variableValues: variables, contextValue: context });
    },
    close: () => db.close(),
  };
  return service;
}

/**
 * The service a file's tests share, opened before the first test of the enclosing `describe` and
 * closed after its last. What it returns stands for the service from the first test on (reading it
 * while the file is loaded, before any test, is an error that says so).
 */
export function useServiceUnderTest<W extends { close(): Promise<void> }>(open: () => Promise<W>): W {
  let opened: W | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
    opened = undefined;
  });
  return new Proxy({} as W, {
    get(_target, property) {
      if (!opened) throw new Error(`The service under test is open only while the tests run: "${String(property)}" was read outside them`);
      return Reflect.get(opened, property);
    },
  });
}
