import type { EntityManager } from 'typeorm';
import { CustomerContact } from './customer-contact.entity';

export interface ContactStatement {
  name: string | null;
  email: string | null;
  phone: string | null;
  preferredLanguage: string;
  changedAt: Date;
}

/** How communication reaches customers: crm's latest statement of name, addresses and language. */
export class CustomerContacts {
  /** Applies a statement unless a newer one is held (events of one customer may be replayed). */
  async record(manager: EntityManager, customerId: string, statement: ContactStatement): Promise<void> {
    const held = await manager.find(CustomerContact, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
    const values = { ...statement, email: statement.email?.trim().toLowerCase() || null, phone: statement.phone?.trim() || null };
    if (!held.length) {
      await manager.insert(CustomerContact, { customerId, ...values, anonymisedAt: null });
      return;
    }
    for (const row of held) {
      if (row.anonymisedAt || row.changedAt > statement.changedAt) continue;
      await manager.update(CustomerContact, { id: row.id }, values);
    }
  }

  /** Only the language (customer.created/updated carry it; the rest comes with customer.contact_changed). */
  async recordLanguage(manager: EntityManager, customerId: string, preferredLanguage: string, at: Date): Promise<void> {
    const held = await manager.findBy(CustomerContact, { customerId });
    if (!held.length) {
      await manager.insert(CustomerContact, { customerId, name: null, email: null, phone: null, preferredLanguage, changedAt: at, anonymisedAt: null });
      return;
    }
    for (const row of held) if (!row.anonymisedAt && row.changedAt <= at) await manager.update(CustomerContact, { id: row.id }, { preferredLanguage });
  }

  /** The latest contact of a customer (after a merge, the survivor's newest row). */
  async of(manager: EntityManager, customerId: string): Promise<CustomerContact | null> {
    return manager.findOne(CustomerContact, { where: { customerId }, order: { changedAt: 'DESC' } });
  }

  /** The customer an e-mail address belongs to, if exactly one current customer has it. */
  async customerWithEmail(manager: EntityManager, email: string): Promise<string | null> {
    const rows: { customer_id: string }[] = await manager.query(
      `SELECT DISTINCT c.customer_id FROM customer_contact c
         JOIN known_customer k ON k.id = c.customer_id AND k.erased_at IS NULL AND k.merged_into IS NULL
        WHERE c.email = $1 AND c.anonymised_at IS NULL`,
      [email.trim().toLowerCase()],
    );
    return rows.length === 1 ? rows[0].customer_id : null;
  }
}
