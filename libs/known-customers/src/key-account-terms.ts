import { customerServiceTermsChanged, type EventData } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { type AgreedCompensationRule, KeyAccountTerms } from './key-account-terms.entity';

/**
 * The key-account terms crm announces for a customer (T-2.4), as a service that applies them to
 * its deadlines keeps them: inquiry for first responses, complaint for feedback. The latest
 * statement per customer counts; an older or repeated one changes nothing.
 */
export class KeyAccountTermsBook {
  /** Records crm's statement; false when a later one is already known. */
  async record(manager: EntityManager, data: EventData<typeof customerServiceTermsChanged>): Promise<boolean> {
    const changedAt = new Date(data.changedAt);
    const current = await this.latest(manager, data.customerId, true);
    if (current && current.changedAt >= changedAt) return false;
    await manager.insert(KeyAccountTerms, {
      customerId: data.customerId,
      keyAccountId: data.keyAccountId,
      responseTargetMinutes: data.terms?.responseTargetMinutes ?? null,
      dedicatedContactId: data.terms?.dedicatedContact?.userId ?? null,
      dedicatedContactName: data.terms?.dedicatedContact?.name ?? null,
      compensationRules: data.terms?.compensationRules ?? [],
      validUntil: data.terms?.validUntil ? new Date(data.terms.validUntil) : null,
      changedAt,
    });
    return true;
  }

  /** The terms that apply to the customer at `at`: none without a key account, or past their validity. */
  async applying(manager: EntityManager, customerId: string | null, at: Date): Promise<KeyAccountTerms | null> {
    if (!customerId) return null;
    const terms = await this.latest(manager, customerId, false);
    if (!terms?.responseTargetMinutes) return null;
    return terms.validUntil && terms.validUntil <= at ? null : terms;
  }

  /** The agreed response target (minutes) for work of the customer's that arrived at `at`, if any. */
  async responseTargetMinutes(manager: EntityManager, customerId: string | null, at: Date): Promise<number | null> {
    return (await this.applying(manager, customerId, at))?.responseTargetMinutes ?? null;
  }

  /** The compensation rules the customer's key account agreed, as they apply at `at` (none without terms). */
  async compensationRules(manager: EntityManager, customerId: string | null, at: Date): Promise<AgreedCompensationRule[]> {
    return (await this.applying(manager, customerId, at))?.compensationRules ?? [];
  }

  /** The same as a scalar subquery, for a deadline computed in SQL: the agreed minutes if still valid at `at`, else NULL. */
  agreedMinutesSql(customerIdParam: string, atParam: string): string {
    return `(SELECT CASE WHEN t.valid_until IS NULL OR t.valid_until > ${atParam}::timestamptz THEN t.response_target_minutes END
               FROM known_customer_service_terms t WHERE t.customer_id = ${customerIdParam}::uuid ORDER BY t.changed_at DESC LIMIT 1)`;
  }

  private latest(manager: EntityManager, customerId: string, lock: boolean): Promise<KeyAccountTerms | null> {
    return manager.findOne(KeyAccountTerms, {
      where: { customerId },
      order: { changedAt: 'DESC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}

/** crm announced the key-account terms that apply to a customer now. */
export function onServiceTermsChanged(book: KeyAccountTermsBook): EventHandler<typeof customerServiceTermsChanged> {
  return onEvent(customerServiceTermsChanged, async ({ data }, manager) => {
    await book.record(manager, data);
  });
}

export class KeyAccountTermsTable1766200000000 implements MigrationInterface {
  name = 'KeyAccountTermsTable1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_customer_service_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL,
        key_account_id uuid,
        response_target_minutes int CHECK (response_target_minutes > 0),
        dedicated_contact_id text,
        dedicated_contact_name text,
        valid_until timestamp(3) with time zone,
        changed_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX known_customer_service_terms_customer_idx ON known_customer_service_terms (customer_id, changed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE known_customer_service_terms`);
  }
}

/** The agreed compensation rules, kept with the rest of the terms. */
export class KeyAccountCompensationRules1766400000002 implements MigrationInterface {
  name = 'KeyAccountCompensationRules1766400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE known_customer_service_terms ADD COLUMN compensation_rules jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE known_customer_service_terms DROP COLUMN compensation_rules`);
  }
}

/** For a service that applies key-account terms: `entities: [...KEY_ACCOUNT_TERMS_ENTITIES]`, `migrations: [...KEY_ACCOUNT_TERMS_MIGRATIONS]`. */
export const KEY_ACCOUNT_TERMS_ENTITIES = [KeyAccountTerms];
export const KEY_ACCOUNT_TERMS_MIGRATIONS = [KeyAccountTermsTable1766200000000, KeyAccountCompensationRules1766400000002];
