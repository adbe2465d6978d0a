import type { EntityManager } from 'typeorm';
import { CustomerContact } from './customer-contact.entity';
import type { Customer } from './customer.entity';
import { ContactKind } from './customer.enums';

/** Keeps `Customer.email` / `Customer.phone` equal to the primary contacts. */
export async function syncPrimaryContacts(manager: EntityManager, customer: Customer): Promise<void> {
  const primaries = await manager.findBy(CustomerContact, { customerId: customer.id, isPrimary: true });
  customer.email = primaries.find((c) => c.kind === ContactKind.EMAIL)?.value ?? null;
  customer.phone = primaries.find((c) => c.kind === ContactKind.PHONE)?.value ?? null;
}

/** Replaces the primary contact of a kind with `value` (null removes it and promotes the next one). */
export async function replacePrimary(manager: EntityManager, customer: Customer, kind: ContactKind, value: string | null, now: Date): Promise<void> {
  const current = await manager.findOneBy(CustomerContact, { customerId: customer.id, kind, isPrimary: true });
  if (current?.value === value) return;
  if (current) await manager.delete(CustomerContact, { id: current.id });
  if (value === null) {
    await promoteOldest(manager, customer.id, kind);
    return;
  }
  const existing = await manager.findOneBy(CustomerContact, { customerId: customer.id, kind, value });
  if (existing) await manager.update(CustomerContact, { id: existing.id }, { isPrimary: true });
  else await manager.insert(CustomerContact, { customerId: customer.id, kind, value, isPrimary: true, label: current?.label ?? null, createdAt: now });
}

/** After a primary contact went: the oldest other one of its kind becomes primary. */
export async function promoteOldest(manager: EntityManager, customerId: string, kind: ContactKind): Promise<void> {
  const next = await manager.findOne(CustomerContact, { where: { customerId, kind }, order: { createdAt: 'ASC', id: 'ASC' } });
  if (next) await manager.update(CustomerContact, { id: next.id }, { isPrimary: true });
}
