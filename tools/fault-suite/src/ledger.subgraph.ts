import { defineEvent } from '@carebridge/event-contracts';
import { onEvent } from '@carebridge/messaging';
import { defineSubgraph } from '@carebridge/service-kit';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { Arg, Int, Mutation, Query, Resolver } from 'type-graphql';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';

/**
 * The service the fault suite kills: a ledger whose `record` mutation stores an entry and its
 * event in one transaction (the outbox), and whose reader instance applies each event by appending
 * a row. Appending, not upserting: an event applied twice shows as two rows.
 *   LEDGER_TOPIC   the topic of this run
 *   LEDGER_READS   true: this instance consumes the topic
 */
export function ledgerEntryRecorded(topic: string) {
  return defineEvent({
    type: 'ledger.entry_recorded',
    version: 1,
    producer: 'ledger-writer',
    topic,
    description: 'An entry of the fault suite ledger.',
    schema: z.object({ entryId: z.string().uuid(), seq: z.number().int().nonnegative(), poison: z.boolean() }),
    key: (data) => data.entryId,
    personalData: 'none',
  });
}

export class CreateLedger1790000000000 implements MigrationInterface {
  name = 'CreateLedger1790000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_entry (entry_id uuid PRIMARY KEY, seq integer NOT NULL, poison boolean NOT NULL, event_id uuid NOT NULL);
      CREATE TABLE applied_entry (id bigserial PRIMARY KEY, event_id uuid NOT NULL, entry_id uuid NOT NULL, seq integer NOT NULL);`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE applied_entry; DROP TABLE ledger_entry');
  }
}

function ledgerResolver(dataSource: DataSource, record: (seq: number, poison: boolean) => Promise<string>) {
  @Resolver()
  class LedgerResolver {
    @Query(() => Int, { description: 'Entries applied by this instance.' })
    async appliedEntries(): Promise<number> {
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM applied_entry');
      return n;
    }

    @Mutation(() => String, { description: 'Records an entry and its event; the event id.' })
    record(@Arg('seq', () => Int) seq: number, @Arg('poison', () => Boolean, { defaultValue: false }) poison: boolean): Promise<string> {
      return record(seq, poison);
    }
  }
  return new LedgerResolver();
}

export function ledgerSubgraph(name: string) {
  return defineSubgraph({
    name,
    entities: [],
    migrations: [CreateLedger1790000000000],
    build({ dataSource, outbox, env }) {
      const contract = ledgerEntryRecorded(env.LEDGER_TOPIC ?? 'test.ledger');
      const record = (seq: number, poison: boolean) =>
        dataSource.transaction(async (manager) => {
          const entryId = randomUUID();
          const eventId = await outbox.publish(manager, contract, { entryId, seq, poison });
          await manager.query('INSERT INTO ledger_entry (entry_id, seq, poison, event_id) VALUES ($1, $2, $3, $4)', [entryId, seq, poison, eventId]);
          return eventId;
        });
      return {
        resolvers: [ledgerResolver(dataSource, record)],
        eventHandlers:
          env.LEDGER_READS === 'true'
            ? [
                onEvent(contract, async (event, manager) => {
                  // A poison entry never applies: the consumer retries it, then dead-letters it.
                  if (event.data.poison) throw new Error(`entry ${event.data.seq} cannot be applied`);
                  await manager.query('INSERT INTO applied_entry (event_id, entry_id, seq) VALUES ($1, $2, $3)', [event.id, event.data.entryId, event.data.seq]);
                }),
              ]
            : [],
      };
    },
  });
}
